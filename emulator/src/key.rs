//! Row keys in URLs: the primary key `<set>(<guid>)`, or an alternate key
//! `<set>(<column>='<value>',<column>=<number>)`.
//!
//! Documentation:
//! <https://learn.microsoft.com/power-apps/developer/data-platform/use-alternate-key-reference-record>
//! The emulator does not know the table's key definitions (the compiled metadata has none):
//! it accepts any declared columns as a key and finds the row whose values match them all;
//! an upsert (`PATCH` without `If-Match`) by a key that finds no row creates one with the
//! key's values, as the service does.

use serde_json::{Map, Value};
use uuid::Uuid;

use crate::error::ErrorResponse;
use crate::filter::{self, Filter};
use crate::schema::Table;
use crate::store::Store;
use crate::values::read_value;

/// A row key from a URL.
#[derive(Debug, Clone)]
pub(crate) enum Key {
    /// The primary key.
    Id(Uuid),
    /// Column values, and the filter that finds the row.
    Alternate {
        text: String,
        columns: Vec<(&'static str, Value)>,
        filter: Filter,
    },
}

/// Reads the text between the parentheses of `<set>(...)`.
pub(crate) fn parse(table: &Table, text: &str) -> Result<Key, ErrorResponse> {
    if let Ok(id) = text.trim().parse() {
        return Ok(Key::Id(id));
    }
    if !text.contains('=') {
        return Err(ErrorResponse::bad_request(format!(
            "'{text}' is not a valid key for '{}': write the row's Guid, e.g. {}(00000000-0000-0000-0000-000000000001), or an alternate key, e.g. {}(<column>='<value>')",
            table.entity_set, table.entity_set, table.entity_set
        )));
    }
    let mut columns = Vec::new();
    let mut conditions = Vec::new();
    for part in split_outside_quotes(text) {
        let (name, literal) = part.split_once('=').ok_or_else(|| {
            ErrorResponse::bad_request(format!(
                "'{part}' in the key '{text}' is not `<column>=<value>`"
            ))
        })?;
        let (name, literal) = (name.trim(), literal.trim());
        let column = table
            .property(name)
            .ok_or_else(|| ErrorResponse::no_property(name, table.logical_name))?;
        let value = match literal
            .strip_prefix('\'')
            .and_then(|l| l.strip_suffix('\''))
        {
            Some(quoted) => Value::String(quoted.replace("''", "'")),
            None => literal
                .parse::<serde_json::Number>()
                .map_or_else(|_| Value::String(literal.to_owned()), Value::Number),
        };
        columns.push((column.logical_name, read_value(table, column, &value)?));
        conditions.push(format!("{name} eq {literal}"));
    }
    let filter = filter::parse(&conditions.join(" and "), table)?;
    Ok(Key::Alternate {
        text: text.to_owned(),
        columns,
        filter,
    })
}

/// Splits at commas outside single quotes.
fn split_outside_quotes(text: &str) -> Vec<&str> {
    let (mut parts, mut quoted, mut start) = (Vec::new(), false, 0);
    for (i, c) in text.char_indices() {
        match c {
            '\'' => quoted = !quoted,
            ',' if !quoted => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

impl Key {
    /// The row the key names, if any; several rows matching an alternate key is an error.
    pub(crate) fn find(&self, store: &Store, table: &Table) -> Result<Option<Uuid>, ErrorResponse> {
        match self {
            Key::Id(id) => Ok(store.contains(table.logical_name, *id).then_some(*id)),
            Key::Alternate { text, filter, .. } => {
                let mut found = store
                    .rows(table.logical_name)
                    .filter(|(_, row)| filter.matches(row))
                    .map(|(id, _)| *id);
                let first = found.next();
                if found.next().is_some() {
                    return Err(ErrorResponse::new(
                        http::StatusCode::CONFLICT,
                        crate::error::DUPLICATE,
                        format!(
                            "more than one {} row has the key ({text})",
                            table.logical_name
                        ),
                    ));
                }
                Ok(first)
            }
        }
    }

    /// The row the key names, or the service's 404.
    pub(crate) fn existing(&self, store: &Store, table: &Table) -> Result<Uuid, ErrorResponse> {
        self.find(store, table)?
            .ok_or_else(|| self.not_found(table))
    }

    /// What the service says when no row has the key.
    pub(crate) fn not_found(&self, table: &Table) -> ErrorResponse {
        match self {
            Key::Id(id) => ErrorResponse::not_found(table.logical_name, *id),
            Key::Alternate { text, .. } => ErrorResponse::new(
                http::StatusCode::NOT_FOUND,
                crate::error::DOES_NOT_EXIST,
                format!(
                    "A record with the specified key values does not exist in {} entity ({text})",
                    table.logical_name
                ),
            ),
        }
    }

    /// A create body with the key's values added (an upsert that creates).
    pub(crate) fn with_key_values(&self, body: &Map<String, Value>) -> Map<String, Value> {
        let mut body = body.clone();
        if let Key::Alternate { columns, .. } = self {
            for (column, value) in columns {
                body.entry(column.to_string())
                    .or_insert_with(|| value.clone());
            }
        }
        body
    }
}

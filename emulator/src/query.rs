//! Query options (`$select`, `$filter`, `$orderby`, `$top`, `$count`, `$expand`,
//! `$skiptoken`) read from the URL and run on the stored rows.
//!
//! Follows "Query data using the Web API" and "Page results by using OData": without
//! `Prefer: odata.maxpagesize` a response holds up to 5,000 rows; with it, pages of that size
//! and an `@odata.nextLink` that repeats the query with a `$skiptoken`; `$top` is then
//! ignored (the two do not combine); `$skip` does not exist. `$expand` follows "Join tables
//! using OData": single-valued navigations expand to the related row (or null),
//! collection-valued ones (the relationship's schema name) to the related rows, each with
//! nested `$select`, `$filter`, `$orderby`, `$top` and `$expand` (`$orderby` and `$top` not
//! with a nested `$expand` in a collection-valued navigation, as documented).
//!
//! Documentation:
//! <https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/page-results>
//! <https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/join-tables>

use std::cmp::Ordering;

use dataverse_model::TargetMetadata;
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::error::ErrorResponse;
use crate::filter::{self, Filter};
use crate::ops::State;
use crate::render::{self, MAX_PAGE_SIZE, Prefer};
use crate::schema::{Relationship, Schema, Table};
use crate::store::Row;

/// The query options of one request (or of one `$expand`).
#[derive(Debug, Clone, Default)]
pub(crate) struct Options {
    pub select: Option<Vec<String>>,
    pub filter: Option<Filter>,
    pub orderby: Vec<(String, bool)>,
    pub top: Option<usize>,
    pub count: bool,
    pub skiptoken: Option<usize>,
    pub expand: Vec<Expand>,
}

#[derive(Debug, Clone)]
pub(crate) struct Expand {
    pub navigation: String,
    pub kind: ExpandKind,
    pub options: Options,
}

#[derive(Debug, Clone)]
pub(crate) enum ExpandKind {
    Single {
        column: &'static str,
        target: &'static TargetMetadata,
    },
    Collection(Relationship),
}

/// Splits a raw query string into percent-decoded pairs (`+` stays a plus, as OData URLs
/// percent-encode spaces).
pub(crate) fn pairs(query: &str) -> Result<Vec<(String, String)>, ErrorResponse> {
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8()
            .map(|c| c.into_owned())
            .map_err(|_| {
                ErrorResponse::bad_request(
                    "the query string is not valid UTF-8 once percent-decoded",
                )
            })
    };
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            Ok((decode(key)?, decode(value)?))
        })
        .collect()
}

/// Reads the options of a top-level request.
pub(crate) fn parse(
    pairs: &[(String, String)],
    table: &Table,
    schema: &Schema,
) -> Result<Options, ErrorResponse> {
    let mut options = Options::default();
    let mut seen: Vec<&str> = Vec::new();
    for (key, value) in pairs {
        if key.starts_with('$') {
            if seen.contains(&key.as_str()) {
                return Err(ErrorResponse::bad_request(format!(
                    "Query option '{key}' was specified more than once, but it must be specified at most once."
                )));
            }
            seen.push(key);
        }
        match key.as_str() {
            "$skiptoken" => {
                options.skiptoken = Some(value.parse().map_err(|_| {
                    ErrorResponse::bad_request(format!(
                        "'{value}' is not a $skiptoken this service issued"
                    ))
                })?);
            }
            "$count" => options.count = read_count(value)?,
            "$expand" => {
                let mut left = MAX_EXPANDS;
                options.expand = parse_expands(value, table, schema, &mut left)?;
            }
            k if k.starts_with('$') => apply(&mut options, k, value, table)?,
            k if k.starts_with('@') => {
                return Err(ErrorResponse::not_emulated("parameter aliases"));
            }
            "fetchXml" | "savedQuery" | "userQuery" => {
                return Err(ErrorResponse::not_emulated(format!("`{key}` queries")));
            }
            _ => {} // custom query options are ignored, as OData services do
        }
    }
    Ok(options)
}

fn read_count(value: &str) -> Result<bool, ErrorResponse> {
    match value {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(ErrorResponse::bad_request(format!(
            "'{value}' is not a valid count option; write `$count=true`"
        ))),
    }
}

/// One of the options both levels share.
fn apply(
    options: &mut Options,
    key: &str,
    value: &str,
    table: &Table,
) -> Result<(), ErrorResponse> {
    match key {
        "$select" => {
            let mut select = Vec::new();
            for property in value.split(',').map(str::trim) {
                if !(table.is_primary_id(property) || table.property(property).is_some()) {
                    return Err(ErrorResponse::no_property(property, table.logical_name));
                }
                if !select.iter().any(|p| p == property) {
                    select.push(property.to_owned());
                }
            }
            if !select.iter().any(|p| p == table.primary_id) {
                // the service always returns the primary key
                select.push(table.primary_id.to_owned());
            }
            options.select = Some(select);
        }
        "$filter" => options.filter = Some(filter::parse(value, table)?),
        "$orderby" => {
            for term in value.split(',').map(str::trim) {
                let mut words = term.split_whitespace();
                let property = words.next().unwrap_or_default();
                let descending = match words.next() {
                    None | Some("asc") => false,
                    Some("desc") => true,
                    Some(other) => {
                        return Err(ErrorResponse::bad_request(format!(
                            "'{other}' in $orderby is neither `asc` nor `desc`"
                        )));
                    }
                };
                if !(table.is_primary_id(property) || table.property(property).is_some()) {
                    return Err(ErrorResponse::no_property(property, table.logical_name));
                }
                options.orderby.push((property.to_owned(), descending));
            }
        }
        "$top" => {
            options.top = Some(value.parse().map_err(|_| {
                ErrorResponse::bad_request(format!(
                    "'{value}' is not a valid $top: write a non-negative integer"
                ))
            })?);
        }
        "$skip" => {
            return Err(ErrorResponse::bad_request(
                "The query parameter $skip is not supported: page with `Prefer: odata.maxpagesize` and `@odata.nextLink`",
            ));
        }
        "$apply" | "$search" | "$compute" => {
            return Err(ErrorResponse::not_emulated(format!(
                "the query option `{key}`"
            )));
        }
        other => {
            return Err(ErrorResponse::bad_request(format!(
                "The query parameter '{other}' is not supported."
            )));
        }
    }
    Ok(())
}

/// "You can include up to 15 `$expand` options in a query" ("Join tables using OData"),
/// nested ones included.
const MAX_EXPANDS: usize = 15;

/// `nav1($select=a;$top=2),nav2($expand=nav3)`; `left` counts down the `$expand` options the
/// query may still hold (which also bounds how deep nesting goes).
fn parse_expands(
    value: &str,
    table: &Table,
    schema: &Schema,
    left: &mut usize,
) -> Result<Vec<Expand>, ErrorResponse> {
    let mut expands = Vec::new();
    for item in split_top_level(value, ',')? {
        *left = left.checked_sub(1).ok_or_else(|| {
            ErrorResponse::bad_request(format!(
                "a query can include up to {MAX_EXPANDS} $expand options, nested ones included"
            ))
        })?;
        let (navigation, inner) = match item.find('(') {
            Some(open) if item.ends_with(')') => (&item[..open], &item[open + 1..item.len() - 1]),
            Some(_) => {
                return Err(ErrorResponse::bad_request(format!(
                    "'{item}' in $expand is not closed with `)`"
                )));
            }
            None => (item, ""),
        };
        let navigation = navigation.trim();
        let (kind, related) = if let Some((column, target)) = table.navigation(navigation) {
            (
                ExpandKind::Single {
                    column: column.logical_name,
                    target,
                },
                target.logical_name,
            )
        } else if let Some(relationship) = schema.collection(table.logical_name, navigation) {
            (ExpandKind::Collection(relationship), relationship.child)
        } else {
            return Err(ErrorResponse::no_property(navigation, table.logical_name));
        };
        let related = schema.table(related).ok_or_else(|| {
            ErrorResponse::not_emulated(format!(
                "expanding '{navigation}': its table `{related}` is not registered"
            ))
        })?;
        let mut options = Options::default();
        for option in split_top_level(inner, ';')? {
            let (key, value) = option.split_once('=').unwrap_or((option, ""));
            match key.trim() {
                // a nested `$expand` reads the related table's navigations
                "$expand" => options.expand = parse_expands(value, related, schema, left)?,
                key => apply(&mut options, key, value, related)?,
            }
        }
        // "Join tables using OData": `$orderby` and `$top` are not supported with a nested
        // `$expand` on a collection-valued navigation; what the service answers is not
        // documented, so the emulator does not guess
        if matches!(kind, ExpandKind::Collection(_))
            && !options.expand.is_empty()
            && (options.top.is_some() || !options.orderby.is_empty())
        {
            return Err(ErrorResponse::not_emulated(format!(
                "$orderby or $top with a nested $expand in the collection-valued navigation '{navigation}' (documented as not supported)"
            )));
        }
        expands.push(Expand {
            navigation: navigation.to_owned(),
            kind,
            options,
        });
    }
    Ok(expands)
}

/// Splits at `separator` outside parentheses and quotes.
fn split_top_level(text: &str, separator: char) -> Result<Vec<&str>, ErrorResponse> {
    let mut parts = Vec::new();
    let (mut depth, mut quoted, mut start) = (0usize, false, 0);
    for (i, c) in text.char_indices() {
        match c {
            '\'' => quoted = !quoted,
            '(' if !quoted => depth += 1,
            ')' if !quoted => {
                depth = depth.checked_sub(1).ok_or_else(|| {
                    ErrorResponse::bad_request(format!("unbalanced `)` in '{text}'"))
                })?;
            }
            c if c == separator && depth == 0 && !quoted => {
                parts.push(text[start..i].trim());
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(text[start..].trim());
    parts.retain(|p| !p.is_empty());
    Ok(parts)
}

/// The rows of `table` that pass the filter, in `$orderby` order (then by id: pages are
/// stable).
fn matching<'a>(
    state: &'a State,
    table: &Table,
    options: &Options,
    parent: Option<(&'static str, &str, Uuid)>,
    enough: usize,
) -> Vec<(Uuid, &'a Row)> {
    // without $orderby the rows come in id order: the scan stops once it has enough
    let enough = if options.orderby.is_empty() {
        enough
    } else {
        usize::MAX
    };
    let mut rows: Vec<(Uuid, &Row)> = state
        .store
        .rows(table.logical_name)
        .filter(|(_, row)| {
            parent.is_none_or(|(parent_table, column, id)| {
                row.lookup(column) == Some((parent_table, id))
            })
        })
        .filter(|(_, row)| options.filter.as_ref().is_none_or(|f| f.matches(row)))
        .map(|(id, row)| (*id, row))
        .take(enough)
        .collect();
    if !options.orderby.is_empty() {
        rows.sort_by(|(a_id, a), (b_id, b)| {
            for (property, descending) in &options.orderby {
                let column = table.property(property);
                let null = Value::Null;
                let ordering = filter::order(
                    a.fields.get(property).unwrap_or(&null),
                    b.fields.get(property).unwrap_or(&null),
                    column,
                );
                let ordering = if *descending {
                    ordering.reverse()
                } else {
                    ordering
                };
                if ordering != Ordering::Equal {
                    return ordering;
                }
            }
            a_id.cmp(b_id)
        });
    }
    rows
}

/// One page of a collection query.
pub(crate) struct Page {
    pub rows: Vec<Value>,
    pub count: Option<usize>,
    /// The `$skiptoken` of the next page, when there is one.
    pub next: Option<usize>,
}

/// Runs a collection query: the rows of `table`, or those `parent` (its table, the child's
/// lookup column, its id) holds through a collection-valued navigation.
pub(crate) fn run(
    state: &State,
    table: &Table,
    options: &Options,
    prefer: &Prefer,
    parent: Option<(&'static str, &str, Uuid)>,
) -> Page {
    let (size, paged) = match (prefer.max_page_size, options.top) {
        (Some(size), _) => (size, true),
        (None, Some(top)) => (top.min(MAX_PAGE_SIZE), false),
        (None, None) => (MAX_PAGE_SIZE, true),
    };
    let skip = options.skiptoken.unwrap_or(0);
    // one row past the page tells whether there is a next one; $count needs them all
    let enough = if options.count {
        usize::MAX
    } else {
        skip.saturating_add(size).saturating_add(1)
    };
    let rows = matching(state, table, options, parent, enough);
    let total = rows.len();
    let offset = skip.min(total);
    let end = offset.saturating_add(size).min(total);
    let page = rows[offset..end]
        .iter()
        .map(|(_, row)| Value::Object(render_row(state, table, row, options, prefer)))
        .collect();
    Page {
        rows: page,
        count: options.count.then_some(total.min(MAX_PAGE_SIZE)),
        next: (paged && end < total).then_some(end),
    }
}

/// Renders one row with its selected properties and expansions.
pub(crate) fn render_row(
    state: &State,
    table: &Table,
    row: &Row,
    options: &Options,
    prefer: &Prefer,
) -> Map<String, Value> {
    let properties = render::properties(table, options.select.as_deref());
    let mut out = render::row(&state.schema, &state.store, table, row, &properties, prefer);
    let id = row
        .fields
        .get(table.primary_id)
        .and_then(Value::as_str)
        .and_then(|s| s.parse::<Uuid>().ok());
    for expand in &options.expand {
        let value = match &expand.kind {
            ExpandKind::Single { column, target } => row
                .lookup(column)
                .filter(|(t, _)| *t == target.logical_name)
                .and_then(|(t, related)| {
                    Some((state.schema.table(t)?, state.store.get(t, related)?))
                })
                .map_or(Value::Null, |(related_table, related)| {
                    Value::Object(render_row(
                        state,
                        related_table,
                        related,
                        &expand.options,
                        prefer,
                    ))
                }),
            ExpandKind::Collection(relationship) => {
                let (Some(child_table), Some(id)) = (state.schema.table(relationship.child), id)
                else {
                    continue;
                };
                let top = expand.options.top.unwrap_or(usize::MAX);
                let rows = matching(
                    state,
                    child_table,
                    &expand.options,
                    Some((relationship.parent, relationship.column, id)),
                    top,
                );
                Value::Array(
                    rows.iter()
                        .take(top)
                        .map(|(_, child)| {
                            Value::Object(render_row(
                                state,
                                child_table,
                                child,
                                &expand.options,
                                prefer,
                            ))
                        })
                        .collect(),
                )
            }
        };
        out.insert(expand.navigation.clone(), value);
    }
    out
}

//! Rows rendered as the service returns them: `@odata.etag`, the selected properties, and
//! the annotations `Prefer: odata.include-annotations` asks for (formatted values from the
//! declared labels, lookup annotations).
//!
//! Follows "Query data using the Web API" (formatted values, lookup property annotations)
//! and "Page results by using OData" (`Prefer: odata.maxpagesize`, at most 5,000).
//!
//! Documentation:
//! <https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/select-columns>

use dataverse_model::{ColumnKind, ColumnMetadata};
use serde_json::{Map, Value};

use crate::schema::{Schema, Table};
use crate::store::{Row, Store};

pub(crate) const FORMATTED_VALUE: &str = "OData.Community.Display.V1.FormattedValue";
const LOOKUP_LOGICAL_NAME_TERM: &str = "Microsoft.Dynamics.CRM.lookuplogicalname";
const ASSOCIATED_NAVIGATION_TERM: &str = "Microsoft.Dynamics.CRM.associatednavigationproperty";

/// The largest page the service returns; larger `odata.maxpagesize` requests are ignored.
pub(crate) const MAX_PAGE_SIZE: usize = 5000;

/// What the `Prefer` headers ask for.
#[derive(Debug, Clone, Default)]
pub(crate) struct Prefer {
    /// The annotation patterns of `odata.include-annotations` (`*`, `prefix.*`, exact terms).
    pub annotations: Vec<String>,
    /// The raw `odata.include-annotations` value, echoed in `Preference-Applied`.
    pub annotations_raw: Option<String>,
    pub max_page_size: Option<usize>,
    pub return_representation: bool,
}

impl Prefer {
    pub fn parse<'a>(headers: impl Iterator<Item = &'a str>) -> Self {
        let mut prefer = Prefer::default();
        for header in headers {
            for preference in split_preferences(header) {
                let (name, value) = preference
                    .split_once('=')
                    .map_or((preference, ""), |(n, v)| (n.trim(), v.trim()));
                let value = value.trim_matches('"');
                match name {
                    "odata.include-annotations" => {
                        prefer.annotations = value
                            .split(',')
                            .map(|p| p.trim().to_owned())
                            .filter(|p| !p.is_empty())
                            .collect();
                        prefer.annotations_raw = Some(value.to_owned());
                    }
                    "odata.maxpagesize" => {
                        prefer.max_page_size = value
                            .parse()
                            .ok()
                            .filter(|n| (1..=MAX_PAGE_SIZE).contains(n));
                    }
                    "return" => prefer.return_representation = value == "representation",
                    _ => {}
                }
            }
        }
        prefer
    }

    /// Whether the annotation `term` is asked for.
    pub fn wants(&self, term: &str) -> bool {
        let mut wanted = false;
        for pattern in &self.annotations {
            let (excluded, pattern) = match pattern.strip_prefix('-') {
                Some(p) => (true, p),
                None => (false, pattern.as_str()),
            };
            let matched = pattern == "*"
                || pattern == term
                || pattern
                    .strip_suffix('*')
                    .is_some_and(|prefix| term.starts_with(prefix));
            if matched {
                if excluded {
                    return false;
                }
                wanted = true;
            }
        }
        wanted
    }
}

/// Splits a `Prefer` header at commas outside double quotes.
fn split_preferences(header: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut quoted = false;
    let mut start = 0;
    for (i, c) in header.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                out.push(header[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(header[start..].trim());
    out.retain(|p| !p.is_empty());
    out
}

/// The properties a response shows: the `$select`ed ones, or every declared one.
pub(crate) fn properties(table: &Table, select: Option<&[String]>) -> Vec<String> {
    match select {
        Some(select) => select.to_vec(),
        None => {
            let mut all = vec![table.primary_id.to_owned()];
            for column in table.columns.values() {
                if column.kind == ColumnKind::PartyList || column.logical_name == table.primary_id {
                    continue;
                }
                all.push(column.select_name().into_owned());
            }
            all
        }
    }
}

/// Renders `row` with the `properties` and the annotations `prefer` asks for.
pub(crate) fn row(
    schema: &Schema,
    store: &Store,
    table: &Table,
    row: &Row,
    properties: &[String],
    prefer: &Prefer,
) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("@odata.etag".into(), Value::String(row.etag()));
    let annotate = |out: &mut Map<String, Value>, property: &str, term: &str, value: Value| {
        if prefer.wants(term) {
            out.insert(format!("{property}@{term}"), value);
        }
    };
    for property in properties {
        let value = row.fields.get(property).cloned().unwrap_or(Value::Null);
        if let Some(column) = table.property(property)
            && !value.is_null()
        {
            if column.kind == ColumnKind::Lookup {
                if let Some((target, id)) = row.lookup(column.logical_name) {
                    let name = referenced_name(schema, store, target, id);
                    if let Some(name) = name {
                        annotate(&mut out, property, FORMATTED_VALUE, name);
                    }
                    if let Some(t) = column.lookup.and_then(|l| l.target(target)) {
                        annotate(
                            &mut out,
                            property,
                            ASSOCIATED_NAVIGATION_TERM,
                            Value::String(t.navigation.to_owned()),
                        );
                    }
                    annotate(
                        &mut out,
                        property,
                        LOOKUP_LOGICAL_NAME_TERM,
                        Value::String(target.to_owned()),
                    );
                }
            } else if let Some(formatted) = formatted(column, &value) {
                annotate(
                    &mut out,
                    property,
                    FORMATTED_VALUE,
                    Value::String(formatted),
                );
            }
        }
        out.insert(property.clone(), value);
    }
    out
}

/// The primary name of the row a lookup points at, when its table is registered.
fn referenced_name(schema: &Schema, store: &Store, target: &str, id: uuid::Uuid) -> Option<Value> {
    let table = schema.table(target)?;
    let row = store.get(target, id)?;
    row.fields
        .get(table.primary_name?)
        .cloned()
        .filter(|v| !v.is_null())
}

/// The formatted value of a column, as the service renders it for an en-US user in UTC.
fn formatted(column: &ColumnMetadata, value: &Value) -> Option<String> {
    match column.kind {
        ColumnKind::Choice => {
            let option = column
                .choice?
                .option(i32::try_from(value.as_i64()?).ok()?)?;
            Some(
                top_label(column, option.value)
                    .unwrap_or(option.label)
                    .to_owned(),
            )
        }
        ColumnKind::MultiChoice => {
            let labels: Option<Vec<&str>> = value
                .as_str()?
                .split(',')
                .map(|v| {
                    let v = v.trim().parse().ok()?;
                    top_label(column, v)
                })
                .collect();
            Some(labels?.join("; "))
        }
        ColumnKind::Boolean => Some(if value.as_bool()? { "Yes" } else { "No" }.to_owned()),
        ColumnKind::Integer | ColumnKind::BigInt => Some(group(&value.as_i64()?.to_string())),
        ColumnKind::Decimal | ColumnKind::Float => {
            let places = column.precision.unwrap_or(2) as usize;
            Some(group(&format!("{:.places$}", value.as_f64()?)))
        }
        ColumnKind::Money => {
            let places = column.precision.unwrap_or(2) as usize;
            Some(format!(
                "${}",
                group(&format!("{:.places$}", value.as_f64()?))
            ))
        }
        ColumnKind::DateTime => {
            let at = time::OffsetDateTime::parse(
                value.as_str()?,
                &time::format_description::well_known::Rfc3339,
            )
            .ok()?;
            let (hour, half) = match at.hour() {
                0 => (12, "AM"),
                h @ 1..=11 => (h, "AM"),
                12 => (12, "PM"),
                h => (h - 12, "PM"),
            };
            Some(format!(
                "{}/{}/{} {}:{:02} {}",
                u8::from(at.month()),
                at.day(),
                at.year(),
                hour,
                at.minute(),
                half
            ))
        }
        ColumnKind::DateOnly => {
            let date = crate::values::parse_date(value.as_str()?)?;
            Some(format!(
                "{}/{}/{}",
                u8::from(date.month()),
                date.day(),
                date.year()
            ))
        }
        _ => None,
    }
}

/// The label of `value` in the top-most layer that declares it (an override wins).
fn top_label(column: &ColumnMetadata, value: i32) -> Option<&'static str> {
    column.choice?.option(value).map(|o| o.label)
}

/// `1234567.5` → `1,234,567.5`.
fn group(number: &str) -> String {
    let (sign, digits) = number
        .strip_prefix('-')
        .map_or(("", number), |rest| ("-", rest));
    let (whole, fraction) = digits
        .split_once('.')
        .map_or((digits, None), |(w, f)| (w, Some(f)));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match fraction {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(group("1234567.50"), "1,234,567.50");
        assert_eq!(group("-1000"), "-1,000");
        assert_eq!(group("12"), "12");
    }

    #[test]
    fn annotation_patterns() {
        let prefer = Prefer::parse(
            ["odata.include-annotations=\"OData.Community.Display.V1.FormattedValue,Microsoft.Dynamics.CRM.*\", odata.maxpagesize=3"]
                .into_iter(),
        );
        assert!(prefer.wants(FORMATTED_VALUE));
        assert!(prefer.wants(LOOKUP_LOGICAL_NAME_TERM));
        assert_eq!(prefer.max_page_size, Some(3));
        assert!(!Prefer::parse(std::iter::empty()).wants(FORMATTED_VALUE));
    }
}

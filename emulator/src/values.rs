//! Reading a create or update body against the table's metadata, as the service validates
//! it: unknown properties, types, max length, ranges, unknown options, lookup targets.
//!
//! Documented behaviour followed: "Create a table row using the Web API" (lookups are set
//! with `<navigation>@odata.bind`, deep insert through navigation properties) and "Update
//! and delete table rows using the Web API". Properties are typed as the crate's metadata
//! types them; `required` (ApplicationRequired) is NOT checked: the Web API does not enforce
//! it (it is a form rule), the crate's `validate(Operation::Create)` reports it client-side.

use dataverse_model::{ColumnKind, ColumnMetadata, TargetMetadata};
use serde_json::{Map, Value};
use time::format_description::well_known::Rfc3339;
use uuid::Uuid;

use crate::error::{ErrorResponse, LOOKUP_VALUE_WRITE};
use crate::schema::{Relationship, Schema, Table};

/// Most values a multi-select choice column holds (documented limit).
const MAX_MULTI_SELECT: usize = 150;

/// What a write body asks for, checked.
#[derive(Debug, Default)]
pub(crate) struct Write {
    /// The primary id given in the body.
    pub id: Option<Uuid>,
    /// Column properties to store, as stored (lookups excluded).
    pub columns: Vec<(&'static str, Value)>,
    /// Lookups to set (target logical name and id) or clear.
    pub lookups: Vec<(&'static str, Option<(&'static str, Uuid)>)>,
    /// Related rows to create first and bind (deep insert, single-valued navigation).
    pub deep_single: Vec<(&'static str, &'static TargetMetadata, Map<String, Value>)>,
    /// Child rows to create after this one (deep insert, collection-valued navigation).
    pub deep_children: Vec<(Relationship, Map<String, Value>)>,
    /// Existing child rows to point at this one (collection-valued `@odata.bind`).
    pub bind_children: Vec<(Relationship, Uuid)>,
}

/// Reads `body` for `table`. `creating` allows the primary id and collection navigations.
pub(crate) fn read_write(
    schema: &Schema,
    table: &Table,
    body: &Map<String, Value>,
    creating: bool,
) -> Result<Write, ErrorResponse> {
    let mut write = Write::default();
    for (key, value) in body {
        if let Some(navigation) = key.strip_suffix("@odata.bind") {
            read_bind(schema, table, navigation, value, creating, &mut write)?;
        } else if key.starts_with('@') || key.contains('@') {
            // instance annotations (`@odata.type`, `@odata.etag`, formatted values) carry
            // no data the service writes
        } else if table.is_primary_id(key) {
            // a null id (an `Option` left empty) asks the service for one
            if !value.is_null() {
                write.id = Some(read_id(table, key, value)?);
            }
        } else if let Some(column) = table.property(key) {
            if column.kind == ColumnKind::Lookup {
                // documented: lookups are written through their navigation property
                return Err(ErrorResponse::new(
                    http::StatusCode::BAD_REQUEST,
                    LOOKUP_VALUE_WRITE,
                    format!(
                        "CRM do not support direct update of Entity Reference properties, Use Navigation properties instead. (property '{key}')"
                    ),
                ));
            }
            if column.read_only {
                continue; // the service ignores columns that are not valid for create/update
            }
            write
                .columns
                .push((column.logical_name, read_value(table, column, value)?));
        } else if let Some((column, target)) = table.navigation(key) {
            // documented: a single-valued navigation property set to null clears the lookup
            // (whichever target it points at); the runtime writes a cleared lookup this way
            if value.is_null() {
                write.lookups.push((column.logical_name, None));
                continue;
            }
            let Value::Object(related) = value else {
                return Err(ErrorResponse::bad_request(format!(
                    "the navigation property '{key}' takes an object (deep insert) or `{key}@odata.bind`"
                )));
            };
            write
                .deep_single
                .push((column.logical_name, target, related.clone()));
        } else if let Some(relationship) = schema.collection(table.logical_name, key) {
            let Value::Array(children) = value else {
                return Err(ErrorResponse::bad_request(format!(
                    "the collection-valued navigation property '{key}' takes an array of rows"
                )));
            };
            if !creating {
                return Err(ErrorResponse::not_emulated(
                    "deep insert of related rows in an update",
                ));
            }
            for child in children {
                let Value::Object(child) = child else {
                    return Err(ErrorResponse::bad_request(format!(
                        "each row of '{key}' must be an object"
                    )));
                };
                write.deep_children.push((relationship, child.clone()));
            }
        } else {
            return Err(unknown_property(key, table.logical_name));
        }
    }
    Ok(write)
}

/// What the OData layer says for a property the type does not define.
pub(crate) fn unknown_property(key: &str, logical_name: &str) -> ErrorResponse {
    ErrorResponse::bad_request(format!(
        "The property '{key}' does not exist on type 'Microsoft.Dynamics.CRM.{logical_name}'. Make sure to only use property names that are defined by the type or mark the type as open type."
    ))
}

fn read_id(table: &Table, key: &str, value: &Value) -> Result<Uuid, ErrorResponse> {
    value
        .as_str()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| cannot_convert(value, "Edm.Guid", key, table))
}

fn read_bind(
    schema: &Schema,
    table: &Table,
    navigation: &str,
    value: &Value,
    creating: bool,
    write: &mut Write,
) -> Result<(), ErrorResponse> {
    if let Some((column, target)) = table.navigation(navigation) {
        let bound = match value {
            Value::Null => None,
            Value::String(reference) => {
                let (entity_set, id) = parse_reference(reference)?;
                if entity_set != target.entity_set {
                    return Err(ErrorResponse::bad_request(format!(
                        "the navigation property '{navigation}' binds rows of '{}', not of '{entity_set}'",
                        target.entity_set
                    )));
                }
                Some((target.logical_name, id))
            }
            other => {
                return Err(ErrorResponse::bad_request(format!(
                    "'{navigation}@odata.bind' takes a reference such as \"/{}(<guid>)\", found {other}",
                    target.entity_set
                )));
            }
        };
        write.lookups.push((column.logical_name, bound));
        return Ok(());
    }
    if let Some(relationship) = schema.collection(table.logical_name, navigation) {
        if !creating {
            return Err(ErrorResponse::bad_request(format!(
                "a collection-valued navigation property ('{navigation}') can be bound on create only; associate with `{navigation}/$ref` instead"
            )));
        }
        let Value::Array(references) = value else {
            return Err(ErrorResponse::bad_request(format!(
                "'{navigation}@odata.bind' takes an array of references"
            )));
        };
        let child_set = schema
            .table(relationship.child)
            .map_or("", |t| t.entity_set);
        for reference in references {
            let (entity_set, id) = reference
                .as_str()
                .ok_or_else(|| ErrorResponse::bad_request("a reference must be a string"))
                .and_then(parse_reference)?;
            if entity_set != child_set {
                return Err(ErrorResponse::bad_request(format!(
                    "'{navigation}' binds rows of '{child_set}', not of '{entity_set}'"
                )));
            }
            write.bind_children.push((relationship, id));
        }
        return Ok(());
    }
    // the OData layer's wording for a bind whose navigation property the type lacks: this
    // is also what a lookup target the column does not allow gets
    Err(ErrorResponse::bad_request(format!(
        "An undeclared property '{navigation}' which only has property annotations in the payload but no property value was found in the payload. In OData, only declared navigation properties and declared named streams can be represented as properties without values."
    )))
}

/// Reads `/<entity set>(<guid>)`, with or without the service root before it.
pub(crate) fn parse_reference(reference: &str) -> Result<(&str, Uuid), ErrorResponse> {
    let path = match reference.find("/api/data/v") {
        Some(at) => {
            let rest = &reference[at + "/api/data/v".len()..];
            rest.split_once('/').map_or("", |(_, p)| p)
        }
        None => reference.trim_start_matches('/'),
    };
    let invalid = || {
        ErrorResponse::bad_request(format!(
            "'{reference}' is not a reference to a row; write \"/<entity set>(<guid>)\""
        ))
    };
    let (entity_set, key) = path.split_once('(').ok_or_else(invalid)?;
    let key = key.strip_suffix(')').ok_or_else(invalid)?;
    let id = key.parse().map_err(|_| {
        if key.contains('=') {
            ErrorResponse::not_emulated("alternate keys in references")
        } else {
            invalid()
        }
    })?;
    Ok((entity_set, id))
}

fn cannot_convert(value: &Value, edm: &str, key: &str, table: &Table) -> ErrorResponse {
    ErrorResponse::bad_request(format!(
        "Cannot convert the literal '{value}' to the expected type '{edm}' (property '{key}' of '{}').",
        table.logical_name
    ))
}

/// Checks and normalizes one column value as the service stores it.
pub(crate) fn read_value(
    table: &Table,
    column: &ColumnMetadata,
    value: &Value,
) -> Result<Value, ErrorResponse> {
    if value.is_null() {
        return Ok(Value::Null);
    }
    let name = column.logical_name;
    let mismatch = |edm: &str| cannot_convert(value, edm, name, table);
    match column.kind {
        ColumnKind::Text => {
            let text = value.as_str().ok_or_else(|| mismatch("Edm.String"))?;
            if let Some(max) = column.max_length
                && text.chars().count() > max as usize
            {
                return Err(ErrorResponse::validation(format!(
                    "A validation error occurred.  The length of the '{name}' attribute of the '{}' entity exceeded the maximum allowed length of '{max}'.",
                    table.logical_name
                )));
            }
            Ok(value.clone())
        }
        ColumnKind::Integer => {
            let n = integer(value)
                .filter(|n| i32::try_from(*n).is_ok())
                .ok_or_else(|| mismatch("Edm.Int32"))?;
            check_range(table, column, n as f64, value)?;
            Ok(Value::from(n))
        }
        ColumnKind::BigInt => {
            let n = integer(value).ok_or_else(|| mismatch("Edm.Int64"))?;
            check_range(table, column, n as f64, value)?;
            Ok(Value::from(n))
        }
        ColumnKind::Decimal | ColumnKind::Money | ColumnKind::Float => {
            let n = number(value).ok_or_else(|| mismatch("Edm.Decimal"))?;
            check_range(table, column, n, value)?;
            Ok(match value {
                Value::String(s) => s
                    .parse::<serde_json::Number>()
                    .map_or(value.clone(), Value::Number),
                _ => value.clone(),
            })
        }
        ColumnKind::Boolean => value
            .as_bool()
            .map(Value::Bool)
            .ok_or_else(|| mismatch("Edm.Boolean")),
        ColumnKind::Guid => value
            .as_str()
            .and_then(|s| s.parse::<Uuid>().ok())
            .map(|id| Value::String(id.to_string()))
            .ok_or_else(|| mismatch("Edm.Guid")),
        ColumnKind::DateTime => value
            .as_str()
            .and_then(|s| time::OffsetDateTime::parse(s, &Rfc3339).ok())
            .and_then(|t| t.to_offset(time::UtcOffset::UTC).format(&Rfc3339).ok())
            .map(Value::String)
            .ok_or_else(|| mismatch("Edm.DateTimeOffset")),
        ColumnKind::DateOnly => value
            .as_str()
            .filter(|s| parse_date(s).is_some())
            .map(|s| Value::String(s.to_owned()))
            .ok_or_else(|| mismatch("Edm.Date")),
        ColumnKind::Choice => {
            let option = integer(value)
                .and_then(|n| i32::try_from(n).ok())
                .ok_or_else(|| mismatch("Edm.Int32"))?;
            check_option(table, column, option)?;
            Ok(Value::from(option))
        }
        ColumnKind::MultiChoice => {
            let text = value.as_str().ok_or_else(|| mismatch("Edm.String"))?;
            let mut options = Vec::new();
            for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                let option = part.parse::<i32>().map_err(|_| mismatch("Edm.String"))?;
                check_option(table, column, option)?;
                options.push(option.to_string());
            }
            if options.len() > MAX_MULTI_SELECT {
                return Err(ErrorResponse::validation(format!(
                    "A validation error occurred.  The column '{name}' holds at most {MAX_MULTI_SELECT} values; found {}",
                    options.len()
                )));
            }
            Ok(Value::String(options.join(",")))
        }
        ColumnKind::Lookup => Err(mismatch("a navigation property")),
        ColumnKind::PartyList => Err(ErrorResponse::not_emulated(format!(
            "activity parties (column '{name}')"
        ))),
        _ => Err(ErrorResponse::not_emulated(format!(
            "the type of column '{name}'"
        ))),
    }
}

fn integer(value: &Value) -> Option<i64> {
    match value {
        Value::Number(n) => n.as_i64(),
        // `Prefer: odata.IEEE754Compatible=true` sends 64-bit numbers as strings
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

pub(crate) fn parse_date(text: &str) -> Option<time::Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(text, &format).ok()
}

fn check_range(
    table: &Table,
    column: &ColumnMetadata,
    n: f64,
    value: &Value,
) -> Result<(), ErrorResponse> {
    let below = column.min.is_some_and(|min| n < min);
    let above = column.max.is_some_and(|max| n > max);
    if below || above {
        let bound = |b: Option<f64>| b.map_or_else(|| "-".to_owned(), |b| b.to_string());
        return Err(ErrorResponse::validation(format!(
            "A validation error occurred.  The value {value} of '{}' on record of type '{}' is outside the valid range. Accepted range: {} to {}",
            column.logical_name,
            table.logical_name,
            bound(column.min),
            bound(column.max)
        )));
    }
    Ok(())
}

fn check_option(table: &Table, column: &ColumnMetadata, option: i32) -> Result<(), ErrorResponse> {
    if column.choice.is_some_and(|c| !c.contains(option)) {
        return Err(ErrorResponse::validation(format!(
            "A validation error occurred.  The value {option} of '{}' on record of type '{}' is outside the valid range. It is not an option of its choice.",
            column.logical_name, table.logical_name
        )));
    }
    Ok(())
}

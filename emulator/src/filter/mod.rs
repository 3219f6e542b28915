//! `$filter`: parsed into an expression over the table's properties and evaluated on rows.
//!
//! Follows "Filter rows using OData": comparison operators `eq ne gt ge lt le`, logical
//! `and or not`, grouping with parentheses, the OData functions `contains`, `startswith`,
//! `endswith`, and the Dataverse query functions with `PropertyName`/`PropertyValues`
//! (`Microsoft.Dynamics.CRM.In`, `NotIn`, `Between`, `NotBetween`, `ContainValues`,
//! `DoesNotContainValues`, `Null`, `NotNull`, `Like`, `NotLike`). Rows for which the
//! expression is false or null are not returned. String comparisons ignore case, as the
//! service's collation does, and in `contains`/`startswith`/`endswith` the characters `%`,
//! `_`, `[ ]` and `[^ ]` are wildcards ("Use wildcard characters in conditions for string
//! values"; `[%]` matches a literal `%`). Not emulated: paths through navigation
//! properties, lambda operators (`any`/`all`), date query functions (`Today`, `LastXDays`, ...).
//!
//! Documentation:
//! <https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/filter-rows>

mod like;
mod parse;

use std::cmp::Ordering;

use dataverse_model::{ColumnKind, ColumnMetadata};
use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use uuid::Uuid;

use crate::store::Row;
use crate::values::parse_date;

pub(crate) use parse::parse;

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
}

/// A literal value as written in the URL.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Literal {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    Guid(Uuid),
    DateTime(time::OffsetDateTime),
    Date(time::Date),
}

/// A string function: `contains`, `startswith`, `endswith`, or a `Like` pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Match {
    Contains,
    StartsWith,
    EndsWith,
    Like,
}

/// A parsed `$filter` expression.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Filter {
    And(Box<Filter>, Box<Filter>),
    Or(Box<Filter>, Box<Filter>),
    Not(Box<Filter>),
    Compare(Property, Op, Literal),
    Text(Property, Match, String),
    In(Property, Vec<Literal>),
    Between(Property, Literal, Literal),
    ContainValues(Property, Vec<Literal>),
}

/// A property of the table the filter reads, with its column when declared (the primary
/// id need not be).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Property {
    name: String,
    kind: ColumnKind,
}

impl Filter {
    /// Whether `row` passes (false or null: it does not).
    pub(crate) fn matches(&self, row: &Row) -> bool {
        self.eval(row).unwrap_or(false)
    }

    /// Three-valued: `None` is null (a comparison with a null property).
    fn eval(&self, row: &Row) -> Option<bool> {
        match self {
            Filter::And(a, b) => match (a.eval(row), b.eval(row)) {
                (Some(false), _) | (_, Some(false)) => Some(false),
                (Some(true), Some(true)) => Some(true),
                _ => None,
            },
            Filter::Or(a, b) => match (a.eval(row), b.eval(row)) {
                (Some(true), _) | (_, Some(true)) => Some(true),
                (Some(false), Some(false)) => Some(false),
                _ => None,
            },
            Filter::Not(inner) => inner.eval(row).map(|b| !b),
            Filter::Compare(property, op, literal) => {
                let value = row.fields.get(&property.name).unwrap_or(&Value::Null);
                match (value.is_null(), literal == &Literal::Null) {
                    (true, true) => Some(matches!(op, Op::Eq | Op::Le | Op::Ge)),
                    (false, true) => Some(*op == Op::Ne),
                    (true, false) => (*op == Op::Ne).then_some(true),
                    (false, false) => {
                        let ordering = compare(value, literal, property.kind)?;
                        Some(match op {
                            Op::Eq => ordering == Ordering::Equal,
                            Op::Ne => ordering != Ordering::Equal,
                            Op::Gt => ordering == Ordering::Greater,
                            Op::Ge => ordering != Ordering::Less,
                            Op::Lt => ordering == Ordering::Less,
                            Op::Le => ordering != Ordering::Greater,
                        })
                    }
                }
            }
            Filter::Text(property, kind, text) => {
                let value = row.fields.get(&property.name)?.as_str()?.to_lowercase();
                if !text.contains(['%', '_', '[']) {
                    // no wildcard: a plain text match
                    return Some(match kind {
                        Match::Contains => value.contains(text.as_str()),
                        Match::StartsWith => value.starts_with(text.as_str()),
                        Match::EndsWith => value.ends_with(text.as_str()),
                        Match::Like => value == *text,
                    });
                }
                let pattern = match kind {
                    Match::Contains => format!("%{text}%"),
                    Match::StartsWith => format!("{text}%"),
                    Match::EndsWith => format!("%{text}"),
                    Match::Like => text.clone(),
                };
                Some(like::like(&value, &pattern))
            }
            Filter::In(property, values) => {
                let value = row.fields.get(&property.name).filter(|v| !v.is_null())?;
                Some(
                    values
                        .iter()
                        .any(|l| compare(value, l, property.kind) == Some(Ordering::Equal)),
                )
            }
            Filter::Between(property, low, high) => {
                let value = row.fields.get(&property.name).filter(|v| !v.is_null())?;
                Some(
                    compare(value, low, property.kind)? != Ordering::Less
                        && compare(value, high, property.kind)? != Ordering::Greater,
                )
            }
            Filter::ContainValues(property, values) => {
                let stored = row.fields.get(&property.name)?.as_str()?;
                let options: Vec<&str> = stored.split(',').map(str::trim).collect();
                Some(values.iter().any(|l| match l {
                    Literal::Text(t) => options.contains(&t.trim()),
                    Literal::Number(n) => options.contains(&n.to_string().as_str()),
                    _ => false,
                }))
            }
        }
    }
}

/// Orders a stored value against a literal, typed by the column's kind; `None` when they
/// cannot be compared.
fn compare(value: &Value, literal: &Literal, kind: ColumnKind) -> Option<Ordering> {
    match kind {
        ColumnKind::Text | ColumnKind::MultiChoice => {
            let text = match literal {
                Literal::Text(t) => t.to_lowercase(),
                _ => return None,
            };
            Some(value.as_str()?.to_lowercase().cmp(&text))
        }
        ColumnKind::Guid | ColumnKind::Lookup => {
            let id: Uuid = value.as_str()?.parse().ok()?;
            let other = match literal {
                Literal::Guid(g) => *g,
                Literal::Text(t) => t.parse().ok()?,
                _ => return None,
            };
            Some(id.cmp(&other))
        }
        ColumnKind::Boolean => match literal {
            Literal::Bool(b) => Some(value.as_bool()?.cmp(b)),
            _ => None,
        },
        ColumnKind::DateTime | ColumnKind::DateOnly => {
            let stored = value.as_str()?;
            let at = |l: &Literal| -> Option<time::OffsetDateTime> {
                match l {
                    Literal::DateTime(t) => Some(*t),
                    Literal::Date(d) => Some(d.midnight().assume_utc()),
                    Literal::Text(t) => time::OffsetDateTime::parse(t, &Rfc3339)
                        .ok()
                        .or_else(|| parse_date(t).map(|d| d.midnight().assume_utc())),
                    _ => None,
                }
            };
            let stored = at(&Literal::Text(stored.to_owned()))?;
            Some(stored.cmp(&at(literal)?))
        }
        _ => {
            let n = match value {
                Value::Number(n) => n.as_f64()?,
                Value::String(s) => s.parse().ok()?,
                _ => return None,
            };
            let other = match literal {
                Literal::Number(x) => *x,
                Literal::Text(t) => t.parse().ok()?,
                _ => return None,
            };
            n.partial_cmp(&other)
        }
    }
}

/// The comparison used to sort by a property (`$orderby`): nulls first, then by kind.
pub(crate) fn order(a: &Value, b: &Value, column: Option<&ColumnMetadata>) -> Ordering {
    match (a.is_null(), b.is_null()) {
        (true, true) => return Ordering::Equal,
        (true, false) => return Ordering::Less,
        (false, true) => return Ordering::Greater,
        _ => {}
    }
    let kind = column.map_or(ColumnKind::Guid, |c| c.kind);
    let literal = match b {
        Value::String(s) => Literal::Text(s.clone()),
        Value::Number(n) => Literal::Number(n.as_f64().unwrap_or(0.0)),
        Value::Bool(x) => Literal::Bool(*x),
        _ => return Ordering::Equal,
    };
    compare(a, &literal, kind).unwrap_or(Ordering::Equal)
}

//! Writing a row: a request body for create or update, or the row as a response carries it.

use serde::ser::SerializeMap;

use super::{ColumnVisitor, FORMATTED_VALUE, FormattedValues, Operation, Wrap};
use crate::column::{ColumnKind, ColumnMetadata, ColumnValue};

/// Writes formatted values as a response carries them, each before nothing in particular:
/// `<col>@OData.Community.Display.V1.FormattedValue` (`_<col>_value@...` for a lookup).
pub fn write_formatted_values<M: SerializeMap>(
    columns: &'static [ColumnMetadata],
    formatted: &FormattedValues,
    map: &mut M,
) -> Result<(), M::Error> {
    struct Key<'a>(&'a str, bool);
    impl serde::Serialize for Key<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            if self.1 {
                s.collect_str(&format_args!("_{}_value@{FORMATTED_VALUE}", self.0))
            } else {
                s.collect_str(&format_args!("{}@{FORMATTED_VALUE}", self.0))
            }
        }
    }
    for (column, text) in formatted.iter() {
        let is_lookup = columns
            .iter()
            .any(|c| c.logical_name == column && c.kind == ColumnKind::Lookup);
        map.serialize_entry(&Key(column, is_lookup), text)?;
    }
    Ok(())
}

/// Writes a request body (see `Entity::write_columns`).
pub struct RequestWriter<'a, M: SerializeMap> {
    /// Create or update.
    pub operation: Operation,
    /// The table's primary id column: written on create only, and only with a value.
    pub primary_id: &'static str,
    /// The body being written.
    pub map: &'a mut M,
    /// The first error.
    pub result: Result<(), M::Error>,
}

impl<M: SerializeMap> ColumnVisitor for RequestWriter<'_, M> {
    #[inline]
    fn column<T: ColumnValue, W: Wrap<T>>(
        &mut self,
        value: &W::Out,
        column: &'static ColumnMetadata,
    ) {
        // the service generates the key and the URL carries it: written only on create, and
        // only with a value (`null` would not let the service generate it)
        let skip = column.read_only
            || (column.logical_name == self.primary_id
                && (self.operation == Operation::Update || W::get(value).is_none()));
        if !skip && self.result.is_ok() {
            self.result = W::write(value, column.logical_name, self.operation, self.map);
        }
    }
}

/// Writes a row as a response carries it (see
/// `Entity::write_response_columns`).
pub struct ResponseWriter<'a, M: SerializeMap> {
    /// The body being written.
    pub map: &'a mut M,
    /// The first error.
    pub result: Result<(), M::Error>,
}

impl<M: SerializeMap> ColumnVisitor for ResponseWriter<'_, M> {
    fn column<T: ColumnValue, W: Wrap<T>>(
        &mut self,
        value: &W::Out,
        column: &'static ColumnMetadata,
    ) {
        if self.result.is_ok() {
            self.result = W::write_response(value, column.logical_name, self.map);
        }
    }
}

//! The per-column callback a table's generated `visit_columns` drives.

use super::Wrap;
use crate::column::{ColumnMetadata, ColumnValue};

/// What a table's generated `visit_columns` calls for each column.
pub trait ColumnVisitor {
    /// One column: its field (of the type wrapper `W` gives) and its metadata.
    fn column<T: ColumnValue, W: Wrap<T>>(
        &mut self,
        value: &W::Out,
        column: &'static ColumnMetadata,
    );
}

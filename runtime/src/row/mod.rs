//! Reading and writing one row: what the code `#[dataverse_entity]` generates calls. The
//! presence wrappers turn a column's value into its field, the readers walk a response's
//! properties and annotations, the writers and the validator visit every column.

mod annotation;
mod formatted;
mod operation;
mod presence;
mod read;
mod shape;
mod validate;
mod visitor;
mod write;

pub use annotation::{
    FORMATTED_VALUE, read_annotation_or_other, read_etag, read_etag_into, read_other_annotation,
    split_annotation,
};
pub use formatted::FormattedValues;
pub use operation::Operation;
pub use presence::{Bare, Optional, Tri, Wrap};
pub use read::{finish_column, finish_field, first_error, read_column, read_column_annotation};
pub use shape::{
    DELETED_ENTITY_CONTEXT, ErrorSummary, Glimpse, read_other_property, read_row_context,
};
pub use validate::{Validator, check_status};
pub use visitor::ColumnVisitor;
pub use write::{RequestWriter, ResponseWriter, write_formatted_values};

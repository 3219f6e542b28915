//! What a request does with a row.

use std::fmt;

/// What a request does with a row; decides which columns are written and required.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Operation {
    /// `POST <entity set>`: required columns must have values; the primary id is written
    /// when set.
    Create,
    /// `PATCH <entity set>(<id>)`: the primary id is not written.
    Update,
}

impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Operation::Create => "create",
            Operation::Update => "update",
        })
    }
}

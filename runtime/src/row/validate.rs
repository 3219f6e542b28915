//! Validating a row: every writable column's rules, and the state/status pair.

use super::{ColumnVisitor, Operation, Wrap};
use crate::column::{CodecOf, ColumnCodec, ColumnMetadata, ColumnValue};
use crate::{Rule, ValidationErrors};

/// Reports a status reason that does not belong to the row's state.
pub fn check_status<S: ColumnValue, T: ColumnValue>(
    state: Option<&S>,
    status: Option<&T>,
    status_column: &ColumnMetadata,
    errors: &mut ValidationErrors,
) {
    let (Some(state), Some(status)) = (state, status) else {
        return;
    };
    let (Some(state_value), Some(status_value)) = (
        CodecOf::<S>::choice_value(state),
        CodecOf::<T>::choice_value(status),
    ) else {
        return;
    };
    let owner = CodecOf::<T>::CHOICE
        .and_then(|c| c.option(status_value))
        .and_then(|o| o.state);
    if let Some(owner) = owner
        && owner != state_value
    {
        errors.add(
            status_column.logical_name,
            Rule::StatusForState,
            status_value,
            format!("belongs to state {owner}, not to the row's state {state_value}; pick a status of state {state_value}"),
        );
    }
}

/// Validates every writable column (see `Entity::validate`).
pub struct Validator {
    /// What the row is checked for.
    pub operation: Operation,
    /// What was found so far.
    pub errors: ValidationErrors,
}

impl ColumnVisitor for Validator {
    fn column<T: ColumnValue, W: Wrap<T>>(
        &mut self,
        value: &W::Out,
        column: &'static ColumnMetadata,
    ) {
        if !column.read_only {
            W::validate(value, column, self.operation, &mut self.errors);
        }
    }
}

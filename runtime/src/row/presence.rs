//! How a field wraps its column value: bare `T` (must be present), `Option<T>` (absent or
//! `null` is `None`) and [`Field<T>`](crate::Field) (absent is `Unset`, `null` is `Null`).

use serde::ser::SerializeMap;

use super::Operation;
use crate::column::{CodecOf, ColumnCodec, ColumnMetadata, ColumnValue, Presence};
use crate::{Field, Rule, ValidationErrors};

/// How a field wraps its column value.
pub trait Wrap<T: ColumnValue> {
    /// The field's type.
    type Out;
    /// Turns what was read into the field.
    fn finish(read: Presence<T>, column: &'static str) -> Result<Self::Out, String>;
    /// Writes the field into a request body for `operation` (nothing when unset, and on
    /// update nothing for a value that cannot be written back, so the service keeps it).
    fn write<M: SerializeMap>(
        out: &Self::Out,
        column: &'static str,
        operation: Operation,
        map: &mut M,
    ) -> Result<(), M::Error>;
    /// Writes the field as a response carries it (nothing when unset).
    fn write_response<M: SerializeMap>(
        out: &Self::Out,
        column: &'static str,
        map: &mut M,
    ) -> Result<(), M::Error>;
    /// Validates the field.
    fn validate(
        out: &Self::Out,
        column: &ColumnMetadata,
        operation: Operation,
        errors: &mut ValidationErrors,
    );
    /// The value, when there is one.
    fn get(out: &Self::Out) -> Option<&T>;
}

/// Writes a value, leaving out on update one that cannot be written back (a lookup target
/// whose entity set no layer declares): left out of a `PATCH`, the service keeps it.
#[inline]
fn write_value<T: ColumnValue, M: SerializeMap>(
    value: &T,
    column: &'static str,
    operation: Operation,
    map: &mut M,
) -> Result<(), M::Error> {
    if operation == Operation::Update && !CodecOf::<T>::can_write(value) {
        return Ok(());
    }
    CodecOf::<T>::write(value, column, map)
}

/// A bare `T`: must be in the response and not null.
pub struct Bare;
/// `Option<T>`: absent or `null` is `None`.
pub struct Optional;
/// `Field<T>`: absent is `Unset`, `null` is `Null`.
pub struct Tri;

fn required_missing(column: &ColumnMetadata, operation: Operation, errors: &mut ValidationErrors) {
    if column.required_on_create() && operation == Operation::Create {
        errors.add(
            column.logical_name,
            Rule::Required,
            "null",
            "is required on create; give it a value",
        );
    }
}

impl<T: ColumnValue> Wrap<T> for Bare {
    type Out = T;
    fn finish(read: Presence<T>, column: &'static str) -> Result<T, String> {
        match read {
            Presence::Value(v) => Ok(v),
            Presence::Absent => Err(format!(
                "the response has no `{column}`; add it to `$select`, or declare the field as `Option<_>` or `Field<_>`"
            )),
            Presence::Null => Err(format!(
                "`{column}` is null; declare the field as `Option<_>` or `Field<_>` to accept null"
            )),
        }
    }
    #[inline]
    fn write<M: SerializeMap>(
        out: &T,
        column: &'static str,
        operation: Operation,
        map: &mut M,
    ) -> Result<(), M::Error> {
        write_value(out, column, operation, map)
    }
    fn write_response<M: SerializeMap>(
        out: &T,
        column: &'static str,
        map: &mut M,
    ) -> Result<(), M::Error> {
        CodecOf::<T>::write_response(out, column, map)
    }
    fn validate(out: &T, column: &ColumnMetadata, _: Operation, errors: &mut ValidationErrors) {
        CodecOf::<T>::check(out, column, errors);
    }
    fn get(out: &T) -> Option<&T> {
        Some(out)
    }
}

impl<T: ColumnValue> Wrap<T> for Optional {
    type Out = Option<T>;
    fn finish(read: Presence<T>, _: &'static str) -> Result<Option<T>, String> {
        Ok(match read {
            Presence::Value(v) => Some(v),
            Presence::Absent | Presence::Null => None,
        })
    }
    #[inline]
    fn write<M: SerializeMap>(
        out: &Option<T>,
        column: &'static str,
        operation: Operation,
        map: &mut M,
    ) -> Result<(), M::Error> {
        match out {
            Some(v) => write_value(v, column, operation, map),
            None => CodecOf::<T>::write_null(column, map),
        }
    }
    fn write_response<M: SerializeMap>(
        out: &Option<T>,
        column: &'static str,
        map: &mut M,
    ) -> Result<(), M::Error> {
        match out {
            Some(v) => CodecOf::<T>::write_response(v, column, map),
            None => CodecOf::<T>::write_response_null(column, map),
        }
    }
    fn validate(
        out: &Option<T>,
        column: &ColumnMetadata,
        operation: Operation,
        errors: &mut ValidationErrors,
    ) {
        match out {
            Some(v) => CodecOf::<T>::check(v, column, errors),
            None => required_missing(column, operation, errors),
        }
    }
    fn get(out: &Option<T>) -> Option<&T> {
        out.as_ref()
    }
}

impl<T: ColumnValue> Wrap<T> for Tri {
    type Out = Field<T>;
    fn finish(read: Presence<T>, _: &'static str) -> Result<Field<T>, String> {
        Ok(match read {
            Presence::Value(v) => Field::Value(v),
            Presence::Absent => Field::Unset,
            Presence::Null => Field::Null,
        })
    }
    #[inline]
    fn write<M: SerializeMap>(
        out: &Field<T>,
        column: &'static str,
        operation: Operation,
        map: &mut M,
    ) -> Result<(), M::Error> {
        match out {
            Field::Value(v) => write_value(v, column, operation, map),
            Field::Null => CodecOf::<T>::write_null(column, map),
            Field::Unset => Ok(()),
        }
    }
    fn write_response<M: SerializeMap>(
        out: &Field<T>,
        column: &'static str,
        map: &mut M,
    ) -> Result<(), M::Error> {
        match out {
            Field::Value(v) => CodecOf::<T>::write_response(v, column, map),
            Field::Null => CodecOf::<T>::write_response_null(column, map),
            Field::Unset => Ok(()),
        }
    }
    fn validate(
        out: &Field<T>,
        column: &ColumnMetadata,
        operation: Operation,
        errors: &mut ValidationErrors,
    ) {
        match out {
            Field::Value(v) => CodecOf::<T>::check(v, column, errors),
            Field::Null | Field::Unset => required_missing(column, operation, errors),
        }
    }
    fn get(out: &Field<T>) -> Option<&T> {
        out.value()
    }
}

//! Scalar columns: text, whole and big integers, floats, yes/no and unique identifiers, and
//! the macro the other plain codecs (decimals, dates) are written with. How numbers are read
//! exactly: `number.rs`.

use std::fmt;

use serde::de::MapAccess;
use serde::ser::SerializeMap;

use super::number::{ExactNumber, WholeNumber};
use super::{
    ColumnCodec, ColumnKind, ColumnMetadata, ColumnValue, OptionalGuid, OptionalString, Presence,
};
use crate::{Guid, Rule, ValidationErrors};

/// Records a number outside the column's `min`/`max`.
pub(super) fn check_range(
    value: f64,
    column: &ColumnMetadata,
    shown: &dyn fmt::Display,
    errors: &mut ValidationErrors,
) {
    if let Some(min) = column.min
        && value < min
    {
        errors.add(
            column.logical_name,
            Rule::Min,
            shown,
            format!("must be at least {min}"),
        );
    }
    if let Some(max) = column.max
        && value > max
    {
        errors.add(
            column.logical_name,
            Rule::Max,
            shown,
            format!("must be at most {max}"),
        );
    }
}

/// A scalar column: read and written as serde has it, or through a `via` wire wrapper
/// (`struct Wire(T)`) for the types whose Web API form differs from their serde form, or
/// read only through a `read via` wrapper and written as serde has it.
macro_rules! plain_column {
    ($ty:ty, $kind:ident, $(via $wire:ident,)? $(read via $read:ty,)? $(read optional via $optional:ty,)? |$v:ident, $col:ident, $errors:ident| $check:expr) => {
        impl ColumnValue for $ty {
            type Codec = Self;
        }
        impl ColumnCodec<$ty> for $ty {
            const KIND: ColumnKind = ColumnKind::$kind;
            type Slot = Presence<$ty>;
            #[inline]
            fn read<'de, A: MapAccess<'de>>(
                slot: &mut Self::Slot,
                map: &mut A,
            ) -> Result<(), A::Error> {
                *slot = match plain_column!(@read map $ty $(, via $wire)? $(, read $read)? $(, optional $optional)?) {
                    Some(v) => Presence::Value(plain_column!(@unwrap v $(, via $wire)? $(, read $read)?)),
                    None => Presence::Null,
                };
                Ok(())
            }
            fn finish(slot: Self::Slot, _: &'static str) -> Result<Presence<Self>, String> {
                Ok(slot)
            }
            #[inline]
            fn write<M: SerializeMap>(
                value: &Self,
                column: &'static str,
                map: &mut M,
            ) -> Result<(), M::Error> {
                map.serialize_entry(column, &plain_column!(@wrap value $(, via $wire)?))
            }
            fn check($v: &Self, $col: &ColumnMetadata, $errors: &mut ValidationErrors) {
                $check
            }
        }
    };
    (@wire $ty:ty) => { $ty };
    (@wire $ty:ty, via $wire:ident) => { $wire };
    (@wire $ty:ty, read $read:ty) => { $read };
    // `Option<wire>`, or a reader of the value or null that gives an `Option` itself
    (@read $map:ident $ty:ty $(, via $wire:ident)? $(, read $read:ty)?) => {
        $map.next_value::<Option<plain_column!(@wire $ty $(, via $wire)? $(, read $read)?)>>()?
    };
    (@read $map:ident $ty:ty, optional $optional:ty) => {
        $map.next_value::<$optional>()?.0
    };
    (@unwrap $v:ident) => { $v };
    (@unwrap $v:ident, via $wire:ident) => { $v.0 };
    (@unwrap $v:ident, read $read:ty) => { $v.0 };
    (@wrap $v:ident) => { $v };
    (@wrap $v:ident, via $wire:ident) => { $wire(*$v) };
}
pub(super) use plain_column;

plain_column!(String, Text, read optional via OptionalString, |v, column, errors| {
    if let Some(max) = column.max_length {
        // count characters only when the byte length could exceed the limit
        if v.len() > max as usize && v.chars().count() > max as usize {
            errors.add(
                column.logical_name,
                Rule::MaxLength,
                format_args!("{:?}", v.chars().take(40).collect::<String>()),
                format!(
                    "is {} characters long; the column holds at most {max}",
                    v.chars().count()
                ),
            );
        }
    }
});
plain_column!(i32, Integer, read via WholeNumber<i32>, |v, column, errors| check_range(
    f64::from(*v),
    column,
    v,
    errors
));
plain_column!(i64, BigInt, read via WholeNumber<i64>, |v, column, errors| check_range(
    *v as f64, column, v, errors
));
plain_column!(f64, Float, read via ExactNumber<f64>, |v, column, errors| {
    check_range(*v, column, v, errors);
    if !v.is_finite() {
        errors.add(column.logical_name, Rule::Max, v, "is not a finite number");
    }
});
plain_column!(bool, Boolean, |_v, _column, _errors| {});
plain_column!(Guid, Guid, read optional via OptionalGuid, |_v, _column, _errors| {});

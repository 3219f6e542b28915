//! Compile-time checks of generated code, evaluated in `const` items: a column type's kind,
//! and whether an extension's column fits its base's.
//!
//! [`check`] (like the other `check*` functions of generated code) fails the `const`
//! evaluation with its message. It is `#[track_caller]`, so the error points at the generated
//! call, which the macro spans on the user's token: one short call per check instead of an
//! `if`/`panic!` expanded in every `const` (less for every user crate to compile).

use crate::column::{CodecOf, ColumnCodec, ColumnKind, ColumnMetadata, ColumnValue};
use crate::text::const_str_eq;
use crate::{ChoiceMetadata, LookupMetadata};

/// Fails compile-time evaluation with `message` unless `holds`.
#[track_caller]
pub const fn check(holds: bool, message: &str) {
    if !holds {
        panic!("{}", message)
    }
}

/// The kind of column type `T` (compile-time checks of generated code).
pub const fn kind_of<T: ColumnValue>() -> ColumnKind {
    CodecOf::<T>::KIND
}

/// Whether column type `T` may stand for `base`'s column in an extension (see
/// [`extends_compatible`]).
pub const fn extends_compatible_type<T: ColumnValue>(base: &ColumnMetadata) -> bool {
    extends_compatible(
        base,
        CodecOf::<T>::KIND,
        CodecOf::<T>::CHOICE,
        CodecOf::<T>::LOOKUP,
    )
}

/// Whether an extension's column type fits the base's column: same kind (money and decimal
/// alike), and for choices and lookups the same type or an extension of it.
pub const fn extends_compatible(
    base: &ColumnMetadata,
    kind: ColumnKind,
    choice: Option<&'static ChoiceMetadata>,
    lookup: Option<&'static LookupMetadata>,
) -> bool {
    use ColumnKind::{Decimal, Money};
    let same_kind = base.kind as u8 == kind as u8
        || (matches!(base.kind, Decimal | Money) && matches!(kind, Decimal | Money));
    if !same_kind {
        return false;
    }
    if let Some(wanted) = base.choice {
        let mut layer = choice;
        while let Some(current) = layer {
            if const_str_eq(current.layer, wanted.layer) && const_str_eq(current.name, wanted.name)
            {
                return true;
            }
            layer = current.base;
        }
        return false;
    }
    if let Some(wanted) = base.lookup {
        let mut layer = lookup;
        while let Some(current) = layer {
            if const_str_eq(current.layer, wanted.layer)
                && const_str_eq(current.column, wanted.column)
            {
                return true;
            }
            layer = current.base;
        }
        return false;
    }
    true
}

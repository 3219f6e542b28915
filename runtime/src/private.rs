//! Support for generated code. Not part of the public API: names here may change.
//!
//! Re-exports only, plus the serde helpers of `choice!` types and the `Debug` of column
//! handles; public code never calls into this module.

pub use core;
pub use serde;
pub use serde_json;
pub use std;

pub use crate::choice::{debug_choice, display_choice, parse_choice};
pub use crate::compact::{cascade_from_codes, option, related, status_option, target};
pub use crate::{
    CascadeConfiguration, CascadeType, Choice, ChoiceMetadata, Guid, LocalizedLabel, Lookup,
    LookupMetadata, LookupRef, OptionMetadata, RelationshipMetadata, StatusChoice, TargetMetadata,
    UnknownTarget,
};

pub use crate::column::{
    ActivityParties, ColumnCodec, ColumnKind, ColumnMetadata, ColumnValue, Key, LookupCodec,
    Presence, RequiredLevel, SlotOf, skip,
};
pub use crate::entity::{
    Entity, EntityMetadata, NavigationMetadata, NavigationValue, NavigationVisitor, Payload,
    ResponseBody, check, extends_compatible, extends_compatible_type, kind_of, read_navigation,
    read_navigation_annotation,
};
pub use crate::query::Column as QueryColumn;
pub use crate::row::{
    Bare, ColumnVisitor, FormattedValues, Operation, Optional, Tri, Wrap, annotated_column,
    check_status, finish_column, finish_field, first_error, read_annotation_or_other, read_column,
    read_column_annotation, read_etag, read_etag_into, read_other_annotation, read_row_context,
    read_unclaimed_property, split_annotation, write_formatted_values,
};
pub use crate::text::{ConstStr, const_str_eq};
pub use crate::{
    ChoiceCodec,
    compact::{ColumnType, FieldType, column, lookup},
    mismatch::{check_default_option, check_lookup},
};
pub use crate::{Field, ValidationErrors};

/// Serializes a choice as its integer value.
pub fn serialize_choice<C: Choice, S: serde::Serializer>(
    choice: &C,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_i32(choice.value())
}

/// Deserializes a choice from a JSON integer; unknown values go to the fallback.
pub fn deserialize_choice<'de, C: Choice, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<C, D::Error> {
    struct ChoiceVisitor<C>(core::marker::PhantomData<C>);
    impl<C: Choice> serde::de::Visitor<'_> for ChoiceVisitor<C> {
        type Value = C;
        fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            write!(
                f,
                "an integer option value of choice `{}`",
                C::METADATA.name
            )
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<C, E> {
            i32::try_from(v).map(C::from_value).map_err(|_| {
                E::custom(format_args!(
                    "option value {v} of choice `{}` is outside the 32-bit integer range",
                    C::METADATA.name
                ))
            })
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<C, E> {
            i32::try_from(v).map(C::from_value).map_err(|_| {
                E::custom(format_args!(
                    "option value {v} of choice `{}` is outside the 32-bit integer range",
                    C::METADATA.name
                ))
            })
        }
    }
    deserializer.deserialize_i32(ChoiceVisitor(core::marker::PhantomData))
}

/// The `Debug` of a generated `<Table>Columns` struct named `name`, from its table's
/// `columns`: what a derive prints (`Name { field: Column(logical_name), .. }`) without
/// repeating every field in each user crate.
pub fn debug_columns(
    f: &mut core::fmt::Formatter<'_>,
    name: &str,
    columns: &[ColumnMetadata],
) -> core::fmt::Result {
    let mut out = f.debug_struct(name);
    for column in columns {
        // a raw field (`r#type`) prints without its `r#`, as a derive does
        let field = column.field.strip_prefix("r#").unwrap_or(column.field);
        out.field(field, &format_args!("Column({})", column.logical_name));
    }
    out.finish()
}

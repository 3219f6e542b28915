//! Positional `const` constructors of the `'static` metadata that `choice!` and `lookup!`
//! emit. Every user crate parses, lowers and hashes the generated tokens on each build, so
//! one call per option or target (instead of struct literals naming every field and path)
//! keeps builds fast. Reached through [`__private`](crate::__private); not public API.

use serde::de::{self, MapAccess};

use crate::column::ActivityParties;
use crate::entity::extends_compatible;
use crate::row::{ColumnVisitor, Wrap, finish_field, read_column, read_column_annotation};
use crate::{
    CascadeConfiguration, CascadeType, ChoiceMetadata, ColumnCodec, ColumnKind, ColumnMetadata,
    ColumnValue, LocalizedLabel, LookupMetadata, OptionMetadata, RelationshipMetadata, SlotOf,
    TargetMetadata,
};

/// An option of a choice layer.
pub const fn option(
    value: i32,
    variant: &'static str,
    label: &'static str,
    labels: &'static [LocalizedLabel],
    description: &'static str,
    layer: &'static str,
) -> OptionMetadata {
    OptionMetadata {
        value,
        variant,
        label,
        labels,
        description,
        layer,
        state: None,
    }
}

/// A status option: `option` owned by the state option with value `state`.
pub const fn status_option(option: OptionMetadata, state: i32) -> OptionMetadata {
    OptionMetadata {
        state: Some(state),
        ..option
    }
}

/// A lookup target without a declared relationship.
pub const fn target(
    logical_name: &'static str,
    variant: &'static str,
    entity_set: &'static str,
    navigation: &'static str,
    layer: &'static str,
) -> TargetMetadata {
    TargetMetadata {
        logical_name,
        variant,
        entity_set,
        navigation,
        relationship: None,
        layer,
    }
}

/// `target` with its many-to-one relationship; the referencing side (column and navigation)
/// is the target's.
#[allow(clippy::too_many_arguments)] // generated calls only, positional on purpose
pub const fn related(
    target: TargetMetadata,
    referencing_attribute: &'static str,
    schema_name: &'static str,
    referenced_entity: &'static str,
    referenced_attribute: &'static str,
    cascade: &str,
    system: bool,
) -> TargetMetadata {
    TargetMetadata {
        relationship: Some(RelationshipMetadata {
            schema_name,
            referenced_entity,
            referenced_attribute,
            referencing_attribute,
            referencing_navigation: target.navigation,
            cascade: cascade_from_codes(cascade),
            system,
        }),
        ..target
    }
}

/// A lookup layer: column `column` of table `table` (both inherited by extensions).
pub const fn lookup(
    column: &'static str,
    table: &'static str,
    navigation_pattern: Option<&'static str>,
    layer: &'static str,
    targets: &'static [TargetMetadata],
    base: Option<&'static LookupMetadata>,
) -> LookupMetadata {
    LookupMetadata {
        column,
        table,
        navigation_pattern,
        layer,
        targets,
        base,
    }
}

/// A column of Rust type `T` (its kind, choice and lookup) named `logical_name`, held by
/// field `field`, without constraints.
pub const fn column(
    logical_name: &'static str,
    field: &'static str,
    of: ColumnType,
) -> ColumnMetadata {
    ColumnMetadata {
        choice: of.choice,
        lookup: of.lookup,
        ..ColumnMetadata::new(logical_name, field, of.kind)
    }
}

/// What a column's Rust type says about the column.
#[derive(Debug, Clone, Copy)]
pub struct ColumnType {
    /// The column kind.
    pub kind: ColumnKind,
    /// The choice behind a choice or multi-select column.
    pub choice: Option<&'static ChoiceMetadata>,
    /// The lookup behind a lookup column.
    pub lookup: Option<&'static LookupMetadata>,
}

impl ColumnType {
    /// Whether this type may stand for `base`'s column in an extension.
    pub const fn fits_base(self, base: &ColumnMetadata) -> bool {
        extends_compatible(base, self.kind, self.choice, self.lookup)
    }

    /// Fails compile-time evaluation with `message` when `base` (the base's column of the
    /// same name, if any) has a type this one may not stand for. `#[track_caller]`: the error
    /// points at the generated call, spanned on the user's field type.
    #[track_caller]
    pub const fn check_fits_base(self, base: Option<&ColumnMetadata>, message: &str) {
        if let Some(base) = base
            && !self.fits_base(base)
        {
            panic!("{}", message)
        }
    }
}

/// The one gate through which `#[dataverse_entity]` code names a field's column type `Self`
/// (held in presence wrapper `W`): every generated use is an item of this trait, so an
/// unsupported type fails the same obligation at the same span everywhere, and rustc reports
/// it once, at the field's type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a supported Dataverse column type",
    label = "unsupported column type",
    note = "supported: `String`, `i32`, `i64`, `f64`, `bool`, `Decimal`, `Money`, `Guid`, `OffsetDateTime`, `Date`, `choice!` and `lookup!` types and `Choices<C>`, each bare, in `Option<T>` or in `Field<T>`"
)]
pub trait FieldType<W>: Sized {
    /// The column's kind, choice and lookup.
    const TYPE: ColumnType;
    /// What the reader gathers for the column.
    type Slot: Default;
    /// The field's type (`T`, `Option<T>` or `Field<T>`).
    type Out;
    /// Reads the column's property `key` (`<col>` or `_<col>_value`), naming the column in
    /// any error.
    fn read<'de, A: MapAccess<'de>>(
        slot: &mut Self::Slot,
        column: &'static str,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error>;
    /// Reads an annotation of the column's property; false when not this type's.
    fn read_annotation<'de, A: MapAccess<'de>>(
        slot: &mut Self::Slot,
        annotation: &str,
        column: &'static str,
        map: &mut A,
    ) -> Result<bool, A::Error>;
    /// The field value (a party list takes its parties from the row's); on error records the
    /// first one and gives `None`.
    fn finish<E: de::Error>(
        slot: Self::Slot,
        column: &'static str,
        parties: &mut ActivityParties,
        error: &mut Option<E>,
    ) -> Option<Self::Out>;
    /// Hands the field to `visitor`.
    fn visit<V: ColumnVisitor>(visitor: &mut V, out: &Self::Out, column: &'static ColumnMetadata);
    /// The value, when the field holds one.
    fn get(out: &Self::Out) -> Option<&Self>;
}

#[diagnostic::do_not_recommend]
impl<T: ColumnValue, W: Wrap<T>> FieldType<W> for T {
    const TYPE: ColumnType = ColumnType {
        kind: <T::Codec as ColumnCodec<T>>::KIND,
        choice: <T::Codec as ColumnCodec<T>>::CHOICE,
        lookup: <T::Codec as ColumnCodec<T>>::LOOKUP,
    };
    type Slot = SlotOf<T>;
    type Out = W::Out;
    #[inline]
    fn read<'de, A: MapAccess<'de>>(
        slot: &mut Self::Slot,
        column: &'static str,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        read_column::<T, A>(slot, column, key, map)
    }
    #[inline]
    fn read_annotation<'de, A: MapAccess<'de>>(
        slot: &mut Self::Slot,
        annotation: &str,
        column: &'static str,
        map: &mut A,
    ) -> Result<bool, A::Error> {
        read_column_annotation::<T, A>(slot, annotation, column, map)
    }
    #[inline]
    fn finish<E: de::Error>(
        slot: Self::Slot,
        column: &'static str,
        parties: &mut ActivityParties,
        error: &mut Option<E>,
    ) -> Option<W::Out> {
        finish_field::<T, W, E>(slot, column, parties, error)
    }
    #[inline]
    fn visit<V: ColumnVisitor>(visitor: &mut V, out: &W::Out, column: &'static ColumnMetadata) {
        visitor.column::<T, W>(out, column);
    }
    #[inline]
    fn get(out: &W::Out) -> Option<&T> {
        W::get(out)
    }
}

/// The one-letter code of a cascade value in [`cascade_from_codes`].
#[cfg(test)]
const fn cascade_code(value: CascadeType) -> char {
    match value {
        CascadeType::NoCascade => 'N',
        CascadeType::Cascade => 'C',
        CascadeType::Active => 'A',
        CascadeType::UserOwned => 'U',
        CascadeType::RemoveLink => 'R',
        CascadeType::Restrict => 'X',
    }
}

/// A cascade configuration from eight one-letter codes (`N`oCascade, `C`ascade, `A`ctive,
/// `U`serOwned, `R`emoveLink, restrict `X`), in the order archive, assign, delete, merge,
/// reparent, rollup view, share, unshare.
pub const fn cascade_from_codes(codes: &str) -> CascadeConfiguration {
    let codes = codes.as_bytes();
    assert!(codes.len() == 8, "a cascade configuration has eight codes");
    CascadeConfiguration {
        archive: cascade_from_code(codes[0]),
        assign: cascade_from_code(codes[1]),
        delete: cascade_from_code(codes[2]),
        merge: cascade_from_code(codes[3]),
        reparent: cascade_from_code(codes[4]),
        rollup_view: cascade_from_code(codes[5]),
        share: cascade_from_code(codes[6]),
        unshare: cascade_from_code(codes[7]),
    }
}

const fn cascade_from_code(code: u8) -> CascadeType {
    match code {
        b'N' => CascadeType::NoCascade,
        b'C' => CascadeType::Cascade,
        b'A' => CascadeType::Active,
        b'U' => CascadeType::UserOwned,
        b'R' => CascadeType::RemoveLink,
        b'X' => CascadeType::Restrict,
        _ => panic!("unknown cascade code"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cascade_codes_round_trip_every_value_in_every_position() {
        let values = [
            CascadeType::NoCascade,
            CascadeType::Cascade,
            CascadeType::Active,
            CascadeType::UserOwned,
            CascadeType::RemoveLink,
            CascadeType::Restrict,
        ];
        for value in values {
            for position in 0..8 {
                let codes: String = (0..8)
                    .map(|i| {
                        if i == position {
                            cascade_code(value)
                        } else {
                            'N'
                        }
                    })
                    .collect();
                let config = cascade_from_codes(&codes);
                let actions = config.actions();
                for (i, (_, got)) in actions.iter().enumerate() {
                    let want = if i == position {
                        value
                    } else {
                        CascadeType::NoCascade
                    };
                    assert_eq!(*got, want, "codes {codes}");
                }
            }
        }
    }

    #[test]
    fn related_takes_the_referencing_navigation_from_the_target() {
        const T: TargetMetadata = related(
            target(
                "account",
                "Account",
                "accounts",
                "regardingobjectid_account",
                "L",
            ),
            "regardingobjectid",
            "account_sessions",
            "account",
            "accountid",
            "NCCNCNCC",
            false,
        );
        let relationship = T.relationship.unwrap();
        assert_eq!(
            relationship.referencing_navigation,
            "regardingobjectid_account"
        );
        assert_eq!(relationship.cascade, CascadeConfiguration::parental());
    }
}

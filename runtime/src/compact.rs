//! Positional `const` constructors of the `'static` metadata that `choice!` and `lookup!`
//! emit. Every user crate parses, lowers and hashes the generated tokens on each build, so
//! one call per option or target (instead of struct literals naming every field and path)
//! keeps builds fast. Reached through [`__private`](crate::__private); not public API.

use serde::de::{self, MapAccess};

use crate::entity::extends_compatible;
use crate::row::{ColumnVisitor, Wrap, finish_field, read_column, read_column_annotation};
use crate::text::const_str_eq;
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
    /// Reads the column's property, naming the column in any error.
    fn read<'de, A: MapAccess<'de>>(
        slot: &mut Self::Slot,
        column: &'static str,
        map: &mut A,
    ) -> Result<(), A::Error>;
    /// Reads an annotation of the column's property; false when not this type's.
    fn read_annotation<'de, A: MapAccess<'de>>(
        slot: &mut Self::Slot,
        annotation: &str,
        column: &'static str,
        map: &mut A,
    ) -> Result<bool, A::Error>;
    /// The field value; on error records the first one and gives `None`.
    fn finish<E: de::Error>(
        slot: Self::Slot,
        column: &'static str,
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
        map: &mut A,
    ) -> Result<(), A::Error> {
        read_column::<T, A>(slot, column, map)
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
        error: &mut Option<E>,
    ) -> Option<W::Out> {
        finish_field::<T, W, E>(slot, column, error)
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

/// The compile-time error for the lookup behind a field (`lookup`, `None` for any other
/// column type) used on column `column` of table `table`, when it is declared for another
/// column or table (it would write a wrong `@odata.bind` key); `None` when it fits.
pub const fn lookup_mismatch(
    lookup: Option<&'static LookupMetadata>,
    column: &str,
    table: &str,
) -> Option<Message> {
    let Some(lookup) = lookup else { return None };
    // a `lookup!` with errors has empty metadata: its own errors are reported already
    if lookup.column.is_empty()
        || const_str_eq(lookup.column, column) && const_str_eq(lookup.table, table)
    {
        return None;
    }
    Some(
        Message::new()
            .push("lookup `")
            .push(lookup.layer)
            .push("` is declared for column `")
            .push(lookup.column)
            .push("` of table `")
            .push(lookup.table)
            .push("`, not for column `")
            .push(column)
            .push("` of table `")
            .push(table)
            .push("`; declare a `lookup!` for this column with `column = \"")
            .push(column)
            .push("\", table = \"")
            .push(table)
            .push("\"`"),
    )
}

/// The compile-time error for `default = <value>` on column `column` whose Rust type (as
/// written: `ty`) has choice `choice` (`None` when it is no choice column) when `value` is no
/// option of it; `None` when it is one.
pub const fn default_option_mismatch(
    choice: Option<&'static ChoiceMetadata>,
    value: i32,
    column: &str,
    ty: &str,
) -> Option<Message> {
    let Some(choice) = choice else {
        return Some(
            Message::new()
                .push("`default = ")
                .push_i32(value)
                .push("` is an option value, but column `")
                .push(column)
                .push("` of type `")
                .push(ty)
                .push("` is not a choice column; write `default = true` or `default = false` for a Boolean column, else remove it"),
        );
    };
    // a `choice!` with errors has empty metadata: its own errors are reported already
    if choice.name.is_empty() || choice.contains(value) {
        return None;
    }
    let message = Message::new()
        .push("`default = ")
        .push_i32(value)
        .push("` is not an option of choice `")
        .push(choice.layer)
        .push("` (`")
        .push(choice.name)
        .push("`) of column `")
        .push(column)
        .push("`; give the value of one of its options");
    Some(if value == -1 {
        message.push(" (Dataverse writes `-1` for no default: then leave `default` out)")
    } else {
        message
    })
}

/// A compile-time error message built in a fixed buffer (cut short if it would overflow).
pub struct Message {
    bytes: [u8; 640],
    len: usize,
}

impl Message {
    const fn new() -> Self {
        Self {
            bytes: [0; 640],
            len: 0,
        }
    }

    const fn push(mut self, text: &str) -> Self {
        let text = text.as_bytes();
        let mut i = 0;
        while i < text.len() && self.len < self.bytes.len() {
            self.bytes[self.len] = text[i];
            self.len += 1;
            i += 1;
        }
        self
    }

    /// `value` in decimal.
    const fn push_i32(self, value: i32) -> Self {
        let mut digits = [0u8; 11];
        let mut start = digits.len();
        let mut rest = value.unsigned_abs();
        loop {
            start -= 1;
            digits[start] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        if value < 0 {
            start -= 1;
            digits[start] = b'-';
        }
        match core::str::from_utf8(digits.split_at(start).1) {
            Ok(text) => self.push(text),
            Err(_) => self,
        }
    }

    /// The message (cut at a character boundary if it overflowed the buffer).
    pub const fn as_str(&self) -> &str {
        let bytes = self.bytes.split_at(self.len).0;
        match core::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => match core::str::from_utf8(bytes.split_at(e.valid_up_to()).0) {
                Ok(text) => text,
                Err(_) => "",
            },
        }
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
    fn numbers_print_in_decimal() {
        for value in [0, 7, -1, 192_350_000, i32::MAX, i32::MIN] {
            assert_eq!(Message::new().push_i32(value).as_str(), value.to_string());
        }
    }

    #[test]
    fn a_cut_message_ends_at_a_character_boundary() {
        let message = Message::new().push(&"é".repeat(400));
        assert_eq!(message.as_str(), "é".repeat(320));
    }

    #[test]
    fn a_default_option_fits_its_choice_and_only_a_choice() {
        static CHOICE: ChoiceMetadata = ChoiceMetadata {
            name: "msdyn_ocsession_prioritycode",
            global: false,
            layer: "SessionPriority",
            options: &[option(1, "Normal", "Normal", &[], "", "SessionPriority")],
            base: None,
            state_choice: None,
        };
        assert!(
            default_option_mismatch(Some(&CHOICE), 1, "prioritycode", "SessionPriority").is_none()
        );
        let message = |value, choice| {
            default_option_mismatch(choice, value, "prioritycode", "SessionPriority")
                .map(|m| m.as_str().to_owned())
        };
        assert_eq!(
            message(7, Some(&CHOICE)).unwrap(),
            "`default = 7` is not an option of choice `SessionPriority` (`msdyn_ocsession_prioritycode`) of column `prioritycode`; give the value of one of its options"
        );
        assert!(
            message(-1, Some(&CHOICE))
                .unwrap()
                .ends_with("(Dataverse writes `-1` for no default: then leave `default` out)")
        );
        assert!(message(1, None).unwrap().contains("is not a choice column"));
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

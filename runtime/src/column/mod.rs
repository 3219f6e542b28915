//! How each column type is read from and written to Web API JSON, and validated.
//!
//! [`ColumnValue`] is implemented for every supported Rust type and names its
//! [`ColumnCodec`]; the row code calls the codec through the presence wrappers (bare `T`,
//! `Option<T>`, [`Field<T>`](crate::Field)).

use std::fmt;

use serde::de::{self, IgnoredAny, MapAccess};
use serde::ser::SerializeMap;

use crate::{ChoiceMetadata, LookupMetadata, ValidationErrors};

mod choice;
mod date;
mod decimal;
mod json_text;
mod lookup;
mod metadata;
mod number;
mod party;
mod properties;
mod scalar;

pub use choice::ChoiceCodec;
pub use decimal::Money;
pub use json_text::Key;
pub(crate) use json_text::{OptionalGuid, OptionalString, OptionalText};
pub use lookup::LookupCodec;
pub(crate) use lookup::{
    ASSOCIATED_NAVIGATION, BIND, BindKey, BindPath, LOOKUP_LOGICAL_NAME, parse_bind_path,
};
pub use metadata::ColumnMetadata;
pub use party::{ActivityParties, ActivityParty, ParticipationType, PartyList, PartyRef};
pub(crate) use party::{PartyBody, PartyResponse};
pub use properties::{BooleanLabels, ColumnDefault, RequiredLevel};

/// What a column holds, as Dataverse types it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ColumnKind {
    /// `String` (single line of text or multiple lines of text).
    Text,
    /// `i32` (whole number).
    Integer,
    /// `i64` (big integer).
    BigInt,
    /// [`Decimal`](crate::Decimal) (decimal number).
    Decimal,
    /// [`Money`], or [`Decimal`](crate::Decimal) with `#[dataverse(money)]` (currency).
    Money,
    /// `f64` (floating point number).
    Float,
    /// `bool` (yes/no).
    Boolean,
    /// [`Guid`](crate::Guid) (unique identifier).
    Guid,
    /// [`OffsetDateTime`](crate::OffsetDateTime) (date and time).
    DateTime,
    /// [`Date`](crate::Date) (date only).
    DateOnly,
    /// A [`choice!`](crate::choice!) type.
    Choice,
    /// [`Choices<C>`](crate::Choices) (multi-select choice).
    MultiChoice,
    /// A [`lookup!`](crate::lookup!) type.
    Lookup,
    /// [`PartyList`] (the parties of an activity: `from`, `to`, ...).
    PartyList,
}

/// A column read from the response: absent (not selected), `null`, or a value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Presence<T> {
    /// The response has no such property.
    #[default]
    Absent,
    /// The property is `null`.
    Null,
    /// The property has a value.
    Value(T),
}

/// A Rust type that can be a Dataverse column.
///
/// The impl names the [`ColumnCodec`] that reads, writes and checks the type, so a
/// `lookup!` type's impl is one line and the code behind it is generic runtime code.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a supported Dataverse column type",
    label = "unsupported column type",
    note = "supported: `String`, `i32`, `i64`, `f64`, `bool`, `rust_decimal::Decimal`, `Money`, `Guid`, `time::OffsetDateTime`, `time::Date`, `choice!` and `lookup!` types and `Choices<C>`, each bare, in `Option<T>` or in `Field<T>`"
)]
pub trait ColumnValue: Sized {
    /// How values of this type are read, written and checked: the built-in types are their
    /// own codec, `choice!` types use [`ChoiceCodec`], `lookup!` types
    /// [`LookupCodec`].
    type Codec: ColumnCodec<Self>;
}

/// The codec of column type `T`.
pub(crate) type CodecOf<T> = <T as ColumnValue>::Codec;

/// What the reader gathers for a column of type `T`.
pub type SlotOf<T> = <CodecOf<T> as ColumnCodec<T>>::Slot;

/// How values of column type `T` are read from and written to Web API JSON, and checked.
pub trait ColumnCodec<T> {
    /// The column kind.
    const KIND: ColumnKind;
    /// The choice behind a choice or multi-select column.
    const CHOICE: Option<&'static ChoiceMetadata> = None;
    /// The lookup behind a lookup column.
    const LOOKUP: Option<&'static LookupMetadata> = None;

    /// True when the value travels in `_<col>_value` (a lookup), whose plain name `<col>` is
    /// then its navigation property; false when it travels in `<col>`.
    const VALUE_PROPERTY: bool = false;

    /// What the reader gathers for this column while walking the response's properties.
    type Slot: Default;

    /// Reads the column's value property (`<col>`, or `_<col>_value` for a lookup).
    fn read<'de, A: MapAccess<'de>>(slot: &mut Self::Slot, map: &mut A) -> Result<(), A::Error>;

    /// Reads the column's other property: `_<col>_value` of a plain column (skipped), or the
    /// navigation property `<col>` of a lookup.
    fn read_other_property<'de, A: MapAccess<'de>>(
        slot: &mut Self::Slot,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let _ = slot;
        skip(map)
    }

    /// Reads an annotation of the column's property; returns false when not this type's.
    fn read_annotation<'de, A: MapAccess<'de>>(
        slot: &mut Self::Slot,
        annotation: &str,
        map: &mut A,
    ) -> Result<bool, A::Error> {
        let _ = (slot, annotation, map);
        Ok(false)
    }

    /// Turns what was gathered into the value.
    fn finish(slot: Self::Slot, column: &'static str) -> Result<Presence<T>, String>;

    /// Turns what was gathered into the value, given what the row gathered for all its
    /// columns (a party list takes its parties from the row's activity parties).
    #[inline]
    fn finish_in_row(
        slot: Self::Slot,
        column: &'static str,
        parties: &mut ActivityParties,
    ) -> Result<Presence<T>, String> {
        let _ = parties;
        Self::finish(slot, column)
    }

    /// The value as a party list, for a [`PartyList`] column (written by the row writers
    /// into the activity's party collection).
    fn party_list(value: &T) -> Option<&PartyList> {
        let _ = value;
        None
    }

    /// Writes the column (key and value) into a request body.
    fn write<M: SerializeMap>(value: &T, column: &'static str, map: &mut M)
    -> Result<(), M::Error>;

    /// False when the value cannot go into a request body (a lookup target whose entity set
    /// no layer declares); an update then leaves the column out so the service keeps it.
    fn can_write(value: &T) -> bool {
        let _ = value;
        true
    }

    /// Writes a cleared column into a request body.
    fn write_null<M: SerializeMap>(column: &'static str, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry(column, &())
    }

    /// Writes the column as the service returns it in a response (see
    /// `Entity::response_body`).
    fn write_response<M: SerializeMap>(
        value: &T,
        column: &'static str,
        map: &mut M,
    ) -> Result<(), M::Error> {
        Self::write(value, column, map)
    }

    /// Writes a null column as the service returns it in a response.
    fn write_response_null<M: SerializeMap>(
        column: &'static str,
        map: &mut M,
    ) -> Result<(), M::Error> {
        map.serialize_entry(column, &())
    }

    /// Records every rule the value breaks. Must not allocate when the value is valid.
    fn check(value: &T, column: &ColumnMetadata, errors: &mut ValidationErrors) {
        let _ = (value, column, errors);
    }

    /// The option value of a choice column (used by the state/status check).
    fn choice_value(value: &T) -> Option<i32> {
        let _ = value;
        None
    }
}

// ---- helpers for codecs and row readers ---------------------------------------------------

/// Prefixes a value's error with its column.
#[cold]
pub fn column_error<E: de::Error>(column: &str, error: impl fmt::Display) -> E {
    E::custom(format_args!("column `{column}`: {error}"))
}

/// Skips the current value.
pub fn skip<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<IgnoredAny>().map(|_| ())
}

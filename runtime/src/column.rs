//! How each column type is read from and written to Web API JSON, and validated.
//!
//! [`ColumnValue`] is implemented for every supported Rust type; `#[dataverse_entity]`
//! calls it through the presence wrappers in [`presence`](crate::__private) (bare `T`,
//! `Option<T>`, [`Field<T>`](crate::Field)).

use std::fmt;

use serde::de::{self, IgnoredAny, MapAccess};
use serde::ser::SerializeMap;

use crate::entity::ColumnMetadata;
use crate::{Choice, ChoiceMetadata, Choices, Guid, LookupMetadata, Rule, ValidationErrors};

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
    /// `rust_decimal::Decimal` (decimal number).
    Decimal,
    /// [`Money`], or `rust_decimal::Decimal` with `#[dataverse(money)]` (currency).
    Money,
    /// `f64` (floating point number).
    Float,
    /// `bool` (yes/no).
    Boolean,
    /// [`Guid`] (unique identifier).
    Guid,
    /// `time::OffsetDateTime` (date and time).
    DateTime,
    /// `time::Date` (date only).
    DateOnly,
    /// A [`choice!`](crate::choice!) type.
    Choice,
    /// [`Choices<C>`] (multi-select choice).
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
    /// [`LookupCodec`](crate::LookupCodec).
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

    /// What the reader gathers for this column while walking the response's properties.
    type Slot: Default;

    /// Reads the column's property (`<col>`, or `_<col>_value` for a lookup).
    fn read<'de, A: MapAccess<'de>>(slot: &mut Self::Slot, map: &mut A) -> Result<(), A::Error>;

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
    /// [`Entity::response_body`](crate::Entity::response_body)).
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

// ---- scalars -----------------------------------------------------------------------------

fn check_range(
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
/// (`struct Wire(T)`) for the types whose Web API form differs from their serde form.
macro_rules! plain_column {
    ($ty:ty, $kind:ident, $(via $wire:ident,)? |$v:ident, $col:ident, $errors:ident| $check:expr) => {
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
                *slot = match map.next_value::<Option<plain_column!(@wire $ty $(, $wire)?)>>()? {
                    Some(v) => Presence::Value(plain_column!(@unwrap v $(, $wire)?)),
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
                map.serialize_entry(column, &plain_column!(@wrap value $(, $wire)?))
            }
            fn check($v: &Self, $col: &ColumnMetadata, $errors: &mut ValidationErrors) {
                $check
            }
        }
    };
    (@wire $ty:ty) => { $ty };
    (@wire $ty:ty, $wire:ident) => { $wire };
    (@unwrap $v:ident) => { $v };
    (@unwrap $v:ident, $wire:ident) => { $v.0 };
    (@wrap $v:ident) => { $v };
    (@wrap $v:ident, $wire:ident) => { $wire(*$v) };
}

plain_column!(String, Text, |v, column, errors| {
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
plain_column!(i32, Integer, |v, column, errors| check_range(
    f64::from(*v),
    column,
    v,
    errors
));
plain_column!(i64, BigInt, |v, column, errors| check_range(
    *v as f64, column, v, errors
));
plain_column!(f64, Float, |v, column, errors| {
    check_range(*v, column, v, errors);
    if !v.is_finite() {
        errors.add(column.logical_name, Rule::Max, v, "is not a finite number");
    }
});
plain_column!(bool, Boolean, |_v, _column, _errors| {});
plain_column!(Guid, Guid, |_v, _column, _errors| {});

plain_column!(rust_decimal::Decimal, Decimal, via ExactDecimal, |v, column, errors| {
        use rust_decimal::prelude::ToPrimitive;
        if let Some(as_f64) = v.to_f64() {
            check_range(as_f64, column, v, errors);
        }
        if let Some(precision) = column.precision
            && v.normalize().scale() > precision
        {
            errors.add(
                column.logical_name,
                Rule::Precision,
                v,
                format!(
                    "has {} decimal places; the column keeps at most {precision}",
                    v.normalize().scale()
                ),
            );
        }
});

/// A currency amount (a money column): a `Decimal`, read and written exactly like one.
///
/// Declaring a column `Money` gives it the money kind without `#[dataverse(money)]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Money(pub rust_decimal::Decimal);

impl From<rust_decimal::Decimal> for Money {
    fn from(amount: rust_decimal::Decimal) -> Self {
        Money(amount)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl ColumnValue for Money {
    type Codec = Self;
}

impl ColumnCodec<Money> for Money {
    const KIND: ColumnKind = ColumnKind::Money;
    type Slot = Presence<rust_decimal::Decimal>;
    #[inline]
    fn read<'de, A: MapAccess<'de>>(slot: &mut Self::Slot, map: &mut A) -> Result<(), A::Error> {
        <rust_decimal::Decimal as ColumnCodec<_>>::read(slot, map)
    }
    fn finish(slot: Self::Slot, _: &'static str) -> Result<Presence<Self>, String> {
        Ok(match slot {
            Presence::Absent => Presence::Absent,
            Presence::Null => Presence::Null,
            Presence::Value(amount) => Presence::Value(Money(amount)),
        })
    }
    #[inline]
    fn write<M: SerializeMap>(
        value: &Money,
        column: &'static str,
        map: &mut M,
    ) -> Result<(), M::Error> {
        <rust_decimal::Decimal as ColumnCodec<_>>::write(&value.0, column, map)
    }
    fn check(value: &Money, column: &ColumnMetadata, errors: &mut ValidationErrors) {
        <rust_decimal::Decimal as ColumnCodec<_>>::check(&value.0, column, errors)
    }
}

/// A decimal read from and written as a JSON number without going through `f64`.
///
/// Read accepts a JSON number (its exact text, thanks to serde_json's `arbitrary_precision`)
/// or a string holding one (what `Prefer: odata.IEEE754Compatible=true` gives). A number that
/// `Decimal` cannot hold exactly (more than 28 decimal places, or beyond ±79228162514264337593543950335)
/// is an error, never silently rounded.
struct ExactDecimal(rust_decimal::Decimal);

/// Parses a number's text into a `Decimal` without rounding.
fn exact_decimal(text: &str) -> Result<rust_decimal::Decimal, String> {
    use rust_decimal::Decimal;
    let text = text.trim();
    let parsed = if text.contains(['e', 'E']) {
        Decimal::from_scientific(text).ok().filter(|d| {
            // from_scientific may round a long mantissa: check it read back every digit
            let mantissa = text.split(['e', 'E']).next().unwrap_or_default();
            let digits = |s: &str| {
                s.chars()
                    .filter(char::is_ascii_digit)
                    .collect::<String>()
                    .trim_matches('0')
                    .to_owned()
            };
            digits(mantissa) == digits(&d.to_string())
        })
    } else {
        Decimal::from_str_exact(text).ok()
    };
    parsed.ok_or_else(|| {
        format!(
            "`{text}` is not a decimal number that fits a 96-bit decimal with at most 28 decimal places exactly"
        )
    })
}

impl<'de> de::Deserialize<'de> for ExactDecimal {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = ExactDecimal;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a decimal number")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<ExactDecimal, E> {
                Ok(ExactDecimal(v.into()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ExactDecimal, E> {
                Ok(ExactDecimal(v.into()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<ExactDecimal, E> {
                // only from deserializers other than serde_json's, which give the text
                rust_decimal::Decimal::try_from(v)
                    .map(ExactDecimal)
                    .map_err(|_| E::custom(format_args!("`{v}` does not fit a decimal")))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ExactDecimal, E> {
                exact_decimal(v).map(ExactDecimal).map_err(E::custom)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ExactDecimal, A::Error> {
                // serde_json's `arbitrary_precision` hands a number over as a one-entry map
                let number: serde_json::Number =
                    de::Deserialize::deserialize(de::value::MapAccessDeserializer::new(map))?;
                exact_decimal(number.as_str())
                    .map(ExactDecimal)
                    .map_err(de::Error::custom)
            }
        }
        d.deserialize_any(V)
    }
}

impl serde::Serialize for ExactDecimal {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        rust_decimal::serde::arbitrary_precision::serialize(&self.0, s)
    }
}

/// Earliest date Dataverse stores.
const EARLIEST: time::Date = time::macros::date!(1753 - 01 - 01);

plain_column!(time::OffsetDateTime, DateTime, via Rfc3339, |v, column, errors| {
        if v.date() < EARLIEST {
            errors.add(
                column.logical_name,
                Rule::DateRange,
                Rfc3339(*v),
                "is before 1753-01-01, the earliest date Dataverse stores",
            );
        }
});

/// `time::OffsetDateTime` in RFC 3339 form.
struct Rfc3339(time::OffsetDateTime);

impl<'de> de::Deserialize<'de> for Rfc3339 {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        time::serde::rfc3339::deserialize(d).map(Rfc3339)
    }
}

impl serde::Serialize for Rfc3339 {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        time::serde::rfc3339::serialize(&self.0, s)
    }
}

impl fmt::Display for Rfc3339 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self
            .0
            .format(&time::format_description::well_known::Rfc3339)
        {
            Ok(s) => f.write_str(&s),
            Err(_) => write!(f, "{}", self.0),
        }
    }
}

plain_column!(time::Date, DateOnly, via DateOnly, |v, column, errors| {
        if *v < EARLIEST {
            errors.add(
                column.logical_name,
                Rule::DateRange,
                v,
                "is before 1753-01-01, the earliest date Dataverse stores",
            );
        }
});

/// `time::Date` as `YYYY-MM-DD`.
struct DateOnly(time::Date);

const DATE_FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

impl<'de> de::Deserialize<'de> for DateOnly {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = DateOnly;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date as \"YYYY-MM-DD\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<DateOnly, E> {
                time::Date::parse(v, DATE_FORMAT)
                    .map(DateOnly)
                    .map_err(|e| E::custom(format_args!("`{v}` is not a date as YYYY-MM-DD: {e}")))
            }
        }
        d.deserialize_str(V)
    }
}

impl serde::Serialize for DateOnly {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (y, m, d) = (self.0.year(), u8::from(self.0.month()), self.0.day());
        s.collect_str(&format_args!("{y:04}-{m:02}-{d:02}"))
    }
}

// ---- choices -----------------------------------------------------------------------------

/// The codec of `choice!` types: a JSON integer in the 32-bit range.
#[derive(Debug, Clone, Copy)]
pub struct ChoiceCodec;

impl<C: Choice> ColumnCodec<C> for ChoiceCodec {
    const KIND: ColumnKind = ColumnKind::Choice;
    const CHOICE: Option<&'static ChoiceMetadata> = Some(C::METADATA);
    type Slot = Presence<i32>;
    #[inline]
    fn read<'de, A: MapAccess<'de>>(slot: &mut Self::Slot, map: &mut A) -> Result<(), A::Error> {
        // the range check runs inside `next_value`, so its error names the column
        *slot = match map.next_value::<Option<OptionValue>>()? {
            Some(v) => Presence::Value(v.0),
            None => Presence::Null,
        };
        Ok(())
    }
    fn finish(slot: Self::Slot, _: &'static str) -> Result<Presence<C>, String> {
        Ok(match slot {
            Presence::Absent => Presence::Absent,
            Presence::Null => Presence::Null,
            Presence::Value(v) => Presence::Value(C::from_value(v)),
        })
    }
    #[inline]
    fn write<M: SerializeMap>(
        value: &C,
        column: &'static str,
        map: &mut M,
    ) -> Result<(), M::Error> {
        map.serialize_entry(column, &value.value())
    }
    fn check(value: &C, column: &ColumnMetadata, errors: &mut ValidationErrors) {
        if !value.is_known() {
            errors.add(
                column.logical_name,
                Rule::UnknownOption,
                value.value(),
                format!(
                    "is not an option of choice `{}`; declare it in a layer of the choice",
                    C::METADATA.name
                ),
            );
        }
    }
    fn choice_value(value: &C) -> Option<i32> {
        Some(value.value())
    }
}

/// An option value: a JSON integer in the 32-bit range.
struct OptionValue(i32);

impl<'de> de::Deserialize<'de> for OptionValue {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = i64::deserialize(d)?;
        i32::try_from(v).map(OptionValue).map_err(|_| {
            de::Error::custom(format_args!(
                "option value {v} is outside the 32-bit integer range"
            ))
        })
    }
}

impl<C: Choice> ColumnValue for Choices<C> {
    type Codec = Self;
}

impl<C: Choice> ColumnCodec<Choices<C>> for Choices<C> {
    const KIND: ColumnKind = ColumnKind::MultiChoice;
    const CHOICE: Option<&'static ChoiceMetadata> = Some(C::METADATA);
    type Slot = Presence<Choices<C>>;
    #[inline]
    fn read<'de, A: MapAccess<'de>>(slot: &mut Self::Slot, map: &mut A) -> Result<(), A::Error> {
        // `null` reads as an empty set, so it is a value here
        *slot = Presence::Value(map.next_value::<Choices<C>>()?);
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
        map.serialize_entry(column, value)
    }
    fn check(value: &Self, column: &ColumnMetadata, errors: &mut ValidationErrors) {
        if value.len() > crate::MAX_MULTI_SELECT_VALUES {
            errors.add(
                column.logical_name,
                Rule::TooManyValues,
                value.len(),
                format!(
                    "selects {} options; Dataverse stores at most {}",
                    value.len(),
                    crate::MAX_MULTI_SELECT_VALUES
                ),
            );
        }
        for c in value.iter().filter(|c| !c.is_known()) {
            errors.add(
                column.logical_name,
                Rule::UnknownOption,
                c.value(),
                format!(
                    "is not an option of choice `{}`; declare it in a layer of the choice",
                    C::METADATA.name
                ),
            );
        }
    }
}

// ---- party lists -------------------------------------------------------------------------

/// A party-list column of an activity table (`from`, `to`, `cc`, `bcc`, `customers`, ...).
///
/// The Web API has no property for these on the row: an activity's parties travel in its
/// `<table>_activity_parties` collection (`activityparty` rows with a participation type),
/// which this version does not read or write. Declaring the column keeps it in the table's
/// metadata; reading leaves it `None`/`Unset`, writing and `$select` leave it out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct PartyList;

impl ColumnValue for PartyList {
    type Codec = Self;
}

impl ColumnCodec<PartyList> for PartyList {
    const KIND: ColumnKind = ColumnKind::PartyList;
    type Slot = ();
    #[inline]
    fn read<'de, A: MapAccess<'de>>(_: &mut (), map: &mut A) -> Result<(), A::Error> {
        skip(map)
    }
    fn finish(_: (), _: &'static str) -> Result<Presence<Self>, String> {
        Ok(Presence::Absent)
    }
    #[inline]
    fn write<M: SerializeMap>(_: &Self, _: &'static str, _: &mut M) -> Result<(), M::Error> {
        Ok(())
    }
    fn write_null<M: SerializeMap>(_: &'static str, _: &mut M) -> Result<(), M::Error> {
        Ok(())
    }
    fn write_response<M: SerializeMap>(
        _: &Self,
        _: &'static str,
        _: &mut M,
    ) -> Result<(), M::Error> {
        Ok(())
    }
    fn write_response_null<M: SerializeMap>(_: &'static str, _: &mut M) -> Result<(), M::Error> {
        Ok(())
    }
}

// ---- helpers for generated readers --------------------------------------------------------

/// Prefixes a value's error with its column.
#[cold]
pub fn column_error<E: de::Error>(column: &str, error: impl fmt::Display) -> E {
    E::custom(format_args!("column `{column}`: {error}"))
}

/// Skips the current value.
pub fn skip<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<IgnoredAny>().map(|_| ())
}

/// Reads `@odata.etag`, naming the property in any error.
pub fn read_etag<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<String>, A::Error> {
    map.next_value::<Option<String>>()
        .map_err(|e| de::Error::custom(format_args!("property `@odata.etag`: {e}")))
}

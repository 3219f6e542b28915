//! Decimal and money columns, read from a number's exact text and written without rounding.

use std::fmt;

use serde::de::{self, MapAccess};
use serde::ser::SerializeMap;

use super::number::{ExactNumber, FromNumberText, serialize_number_text};
use super::scalar::{check_range, plain_column};
use super::{ColumnCodec, ColumnKind, ColumnMetadata, ColumnValue, Presence};
use crate::{Rule, ValidationErrors};

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
/// Read from the number's exact text, or from a string holding one (what
/// `Prefer: odata.IEEE754Compatible=true` gives). A number that `Decimal` cannot hold exactly
/// (more than 28 decimal places, or beyond ±79228162514264337593543950335) is an error, never
/// silently rounded.
struct ExactDecimal(rust_decimal::Decimal);

impl FromNumberText for rust_decimal::Decimal {
    const EXPECTING: &'static str = "a decimal number (or a string holding one)";

    /// Parses a number's text into a `Decimal` without rounding.
    fn parse(text: &str) -> Result<rust_decimal::Decimal, String> {
        use rust_decimal::Decimal;
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
}

impl<'de> de::Deserialize<'de> for ExactDecimal {
    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        ExactNumber::deserialize(d).map(|exact| ExactDecimal(exact.0))
    }
}

impl serde::Serialize for ExactDecimal {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_number_text(&self.0.to_string(), s)
    }
}

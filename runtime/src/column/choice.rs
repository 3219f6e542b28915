//! Choice and multi-select choice columns.

use std::fmt;

use serde::de::{self, MapAccess};
use serde::ser::SerializeMap;

use super::{ColumnCodec, ColumnKind, ColumnMetadata, ColumnValue, Presence};
use crate::{Choice, ChoiceMetadata, Choices, Rule, ValidationErrors};

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
        *slot = match map.next_value::<OptionalOptionValue>()?.0 {
            Some(v) => Presence::Value(v),
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

/// An option value (a JSON integer in the 32-bit range) or `null`, read with one dispatch
/// on the next byte rather than `Option`'s null check followed by a number read (decode
/// speed: see benches/).
struct OptionalOptionValue(Option<i32>);

impl<'de> de::Deserialize<'de> for OptionalOptionValue {
    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(OptionValueVisitor)
    }
}

struct OptionValueVisitor;

impl OptionValueVisitor {
    fn in_range<E: de::Error>(
        v: impl Copy + fmt::Display + TryInto<i32>,
    ) -> Result<OptionalOptionValue, E> {
        match v.try_into() {
            Ok(v) => Ok(OptionalOptionValue(Some(v))),
            Err(_) => Err(E::custom(format_args!(
                "option value {v} is outside the 32-bit integer range"
            ))),
        }
    }
}

impl<'de> de::Visitor<'de> for OptionValueVisitor {
    type Value = OptionalOptionValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an option value (an integer)")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<OptionalOptionValue, E> {
        Self::in_range(v)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<OptionalOptionValue, E> {
        Self::in_range(v)
    }

    fn visit_unit<E: de::Error>(self) -> Result<OptionalOptionValue, E> {
        Ok(OptionalOptionValue(None))
    }

    fn visit_none<E: de::Error>(self) -> Result<OptionalOptionValue, E> {
        Ok(OptionalOptionValue(None))
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

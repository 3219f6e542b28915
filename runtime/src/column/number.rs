//! Numbers read exactly, without serde_json's `arbitrary_precision` (a feature that would change
//! how serde_json reads numbers in the user's whole program: `flatten`, `untagged`, `Value`).
//!
//! Whole numbers come from serde_json as `i64`/`u64`, which is exact. Decimals and floats are
//! read from the number's JSON text through serde_json's raw-value protocol (its `raw_value`
//! feature, which only adds `RawValue`): the text is borrowed when the input is (`from_str`,
//! `from_slice`) and copied when it is not (`from_reader`, `from_value`). Every number column
//! also accepts a string holding a number, as `Prefer: odata.IEEE754Compatible=true` sends
//! `Int64` and `Decimal` values.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, MapAccess, Unexpected};
use serde::ser::SerializeStruct;

use super::Key;

/// serde_json's name for a raw JSON value (`serde_json::value::RawValue`'s protocol): asked for
/// a newtype struct of this name, serde_json's deserializers hand the value over as a one-entry
/// map whose value is its JSON text, and its serializer writes a struct of this name as that
/// text. Checked against serde_json by the `raw_value_name_is_serde_jsons` test.
const RAW_VALUE: &str = "$serde_json::private::RawValue";

/// A column type read from a number's text.
pub(super) trait FromNumberText: Sized {
    /// What a value of the column looks like, for error messages.
    const EXPECTING: &'static str;
    /// Parses a JSON number's text, or the text of a string holding one.
    fn parse(text: &str) -> Result<Self, String>;
}

/// A value read from a JSON number's exact text, or from a string holding a number.
pub(super) struct ExactNumber<T>(pub(super) T);

impl<'de, T: FromNumberText> de::Deserialize<'de> for ExactNumber<T> {
    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_newtype_struct(RAW_VALUE, ExactVisitor(PhantomData))
    }
}

struct ExactVisitor<T>(PhantomData<T>);

impl<T: FromNumberText> ExactVisitor<T> {
    /// Reads a value from its JSON text: a number, or a string holding one.
    fn read_json_text<E: de::Error>(&self, json: &str) -> Result<ExactNumber<T>, E> {
        let unexpected = match json.as_bytes().first() {
            Some(b'"') => {
                let text = if json.contains('\\') {
                    Cow::Owned(serde_json::from_str::<String>(json).map_err(E::custom)?)
                } else {
                    Cow::Borrowed(json.get(1..json.len() - 1).unwrap_or_default())
                };
                return T::parse(text.trim())
                    .map(ExactNumber)
                    .map_err(|_| E::invalid_value(Unexpected::Str(&text), self));
            }
            Some(b'-' | b'0'..=b'9') => return T::parse(json).map(ExactNumber).map_err(E::custom),
            Some(b'n') => Unexpected::Unit,
            Some(b't') => Unexpected::Bool(true),
            Some(b'f') => Unexpected::Bool(false),
            Some(b'[') => Unexpected::Seq,
            _ => Unexpected::Map,
        };
        Err(E::invalid_type(unexpected, self))
    }
}

impl<'de, T: FromNumberText> de::Visitor<'de> for ExactVisitor<T> {
    type Value = ExactNumber<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    /// serde_json: the raw value, as a one-entry map from [`RAW_VALUE`] to the JSON text.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        match map.next_key::<Key<'de>>()? {
            Some(key) if key.as_str() == RAW_VALUE => {}
            _ => return Err(de::Error::invalid_type(Unexpected::Map, &self)),
        }
        let json = map.next_value::<Key<'de>>()?;
        self.read_json_text(json.as_str())
    }

    /// Deserializers other than serde_json's (serde's buffered content, when the row sits in
    /// a user's `#[serde(flatten)]` or `#[serde(untagged)]` type) give the value itself.
    fn visit_newtype_struct<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        T::parse(&v.to_string()).map(ExactNumber).map_err(E::custom)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        T::parse(&v.to_string()).map(ExactNumber).map_err(E::custom)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        // the shortest text that reads back as `v`: the number the sender wrote, when it had
        // no more digits than a float holds
        T::parse(&v.to_string()).map(ExactNumber).map_err(E::custom)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        T::parse(v.trim())
            .map(ExactNumber)
            .map_err(|_| E::invalid_value(Unexpected::Str(v), &self))
    }
}

/// Writes a number's text as a JSON number, unchanged (a decimal keeps every digit and its
/// scale: `12.50` stays `12.50`).
pub(super) fn serialize_number_text<S: serde::Serializer>(
    text: &str,
    s: S,
) -> Result<S::Ok, S::Error> {
    let mut raw = s.serialize_struct(RAW_VALUE, 1)?;
    raw.serialize_field(RAW_VALUE, text)?;
    raw.end()
}

impl FromNumberText for f64 {
    const EXPECTING: &'static str = "a number (or a string holding one)";

    fn parse(text: &str) -> Result<f64, String> {
        // `str::parse` rounds correctly, so a float reads back to the bits it was written with
        let v: f64 = text
            .parse()
            .map_err(|_| format!("`{text}` is not a number"))?;
        // a number too large for a float (`1e400`) is an error, not infinity; and the strings
        // `NaN`, `INF`, which no Dataverse column holds and JSON cannot carry back, are refused
        if v.is_finite() {
            Ok(v)
        } else {
            Err(format!("number `{text}` is out of range for a float (f64)"))
        }
    }
}

/// A whole number column type (`i32`, `i64`): a JSON integer, or a string holding one.
pub(super) struct WholeNumber<T>(pub(super) T);

impl<'de, T> de::Deserialize<'de> for WholeNumber<T>
where
    T: TryFrom<i64> + TryFrom<u64> + std::str::FromStr + WholeName,
{
    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(WholeVisitor(PhantomData))
    }
}

/// The Rust name of a whole number type, as serde's own messages give it (`expected i32`).
pub(super) trait WholeName {
    /// `i32`, `i64`.
    const NAME: &'static str;
}

impl WholeName for i32 {
    const NAME: &'static str = "i32";
}

impl WholeName for i64 {
    const NAME: &'static str = "i64";
}

struct WholeVisitor<T>(PhantomData<T>);

impl<'de, T> de::Visitor<'de> for WholeVisitor<T>
where
    T: TryFrom<i64> + TryFrom<u64> + std::str::FromStr + WholeName,
{
    type Value = WholeNumber<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::NAME)
    }

    #[inline]
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        T::try_from(v)
            .map(WholeNumber)
            .map_err(|_| E::invalid_value(Unexpected::Signed(v), &self))
    }

    #[inline]
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        T::try_from(v)
            .map(WholeNumber)
            .map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        // `Prefer: odata.IEEE754Compatible=true`: `"638255741810315438"`
        v.trim()
            .parse()
            .map(WholeNumber)
            .map_err(|_| E::invalid_value(Unexpected::Str(v), &self))
    }

    /// serde's buffered content (a user's `flatten`/`untagged`) may hand a number to a
    /// newtype visitor.
    fn visit_newtype_struct<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

#[cfg(test)]
mod tests {
    use super::RAW_VALUE;

    /// A deserializer that only records the newtype name it is asked for.
    struct NameProbe;

    #[derive(Debug)]
    struct Named(&'static str);

    impl std::fmt::Display for Named {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.0)
        }
    }

    impl std::error::Error for Named {}

    impl serde::de::Error for Named {
        fn custom<T: std::fmt::Display>(_: T) -> Self {
            Named("")
        }
    }

    impl<'de> serde::Deserializer<'de> for NameProbe {
        type Error = Named;
        fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Named> {
            Err(Named(""))
        }
        fn deserialize_newtype_struct<V: serde::de::Visitor<'de>>(
            self,
            name: &'static str,
            _: V,
        ) -> Result<V::Value, Named> {
            Err(Named(name))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct seq tuple tuple_struct map struct enum
            identifier ignored_any
        }
    }

    #[test]
    fn raw_value_name_is_serde_jsons() {
        let asked = <&serde_json::value::RawValue as serde::Deserialize>::deserialize(NameProbe);
        assert_eq!(asked.unwrap_err().0, RAW_VALUE);
    }
}

//! Strings read from JSON, borrowed from the input when they have no escapes: map keys and
//! annotation values.

use std::fmt;

use serde::de;

/// A map key, borrowed from the input when it has no escapes.
pub enum Key<'de> {
    /// Borrowed from the input.
    Borrowed(&'de str),
    /// Copied (the input had escapes or is not borrowable).
    Owned(String),
}

impl<'de> Key<'de> {
    /// The key's text.
    #[inline]
    pub fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(s) => s,
            Key::Owned(s) => s,
        }
    }

    /// The key as an owned string.
    #[inline]
    pub fn into_owned(self) -> String {
        match self {
            Key::Borrowed(s) => s.to_owned(),
            Key::Owned(s) => s,
        }
    }
}

impl<'de> de::Deserialize<'de> for Key<'de> {
    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(TextVisitor)?
            .ok_or_else(|| de::Error::invalid_type(de::Unexpected::Unit, &"a string"))
    }
}

/// A string or `null`, borrowed from the input when it has no escapes: annotation values.
/// Read with one dispatch on the next byte rather than `Option`'s null check followed by a
/// string read (decode speed: see benches/).
pub(crate) struct OptionalText<'de>(pub(crate) Option<Key<'de>>);

impl<'de> de::Deserialize<'de> for OptionalText<'de> {
    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TextVisitor).map(OptionalText)
    }
}

/// Visits a string, borrowed when the input allows, or a null (`None`).
struct TextVisitor;

impl<'de> de::Visitor<'de> for TextVisitor {
    type Value = Option<Key<'de>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or null")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Some(Key::Borrowed(v)))
    }

    // a key or annotation value with escapes is rare: kept out of line, the common borrowed
    // case stays small where it is inlined (decode speed: see benches/)
    #[cold]
    #[inline(never)]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(Key::Owned(v.to_owned())))
    }

    #[cold]
    #[inline(never)]
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(Key::Owned(v)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

/// A text column's value or `null`, read with one dispatch on the next byte (as
/// [`OptionalText`]) rather than `Option`'s null check followed by a string read (decode
/// speed: see benches/).
pub(crate) struct OptionalString(pub(crate) Option<String>);

impl<'de> de::Deserialize<'de> for OptionalString {
    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StringVisitor)
    }
}

struct StringVisitor;

impl<'de> de::Visitor<'de> for StringVisitor {
    type Value = OptionalString;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<OptionalString, E> {
        Ok(OptionalString(Some(v.to_owned())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<OptionalString, E> {
        Ok(OptionalString(Some(v)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<OptionalString, E> {
        Ok(OptionalString(None))
    }

    fn visit_none<E: de::Error>(self) -> Result<OptionalString, E> {
        Ok(OptionalString(None))
    }
}

/// A unique identifier or `null`, read with one dispatch on the next byte (as
/// [`OptionalText`]) rather than `Option`'s null check followed by a string read (decode
/// speed: see benches/). Errors read as the `uuid` crate's own.
pub(crate) struct OptionalGuid(pub(crate) Option<crate::Guid>);

impl<'de> de::Deserialize<'de> for OptionalGuid {
    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(GuidVisitor)
    }
}

struct GuidVisitor;

impl<'de> de::Visitor<'de> for GuidVisitor {
    type Value = OptionalGuid;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a formatted UUID string or null")
    }

    #[inline]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<OptionalGuid, E> {
        match crate::Guid::try_parse(v) {
            Ok(id) => Ok(OptionalGuid(Some(id))),
            Err(e) => Err(E::custom(format_args!("UUID parsing failed: {e}"))),
        }
    }

    fn visit_unit<E: de::Error>(self) -> Result<OptionalGuid, E> {
        Ok(OptionalGuid(None))
    }

    fn visit_none<E: de::Error>(self) -> Result<OptionalGuid, E> {
        Ok(OptionalGuid(None))
    }
}

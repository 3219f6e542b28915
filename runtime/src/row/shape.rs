//! Bodies of the wrong shape where a row is due: a service error, a deleted row of a
//! change-tracking page, a collection. Each is an error that says what was received and
//! what to decode it as, never an empty row.

use std::fmt;

use serde::de::{self, IgnoredAny, MapAccess, Visitor};

use crate::column::{Key, OptionalText, skip};

/// The end of the `@odata.context` of a deleted row in a change-tracking page.
pub const DELETED_ENTITY_CONTEXT: &str = "$deletedEntity";

/// The code and message of a service error body's `error` object (the rest is skipped: the
/// typed `ServiceError::from_body` keeps every annotation).
#[derive(Debug, Default)]
pub struct ErrorSummary {
    code: Option<String>,
    message: Option<String>,
}

impl ErrorSummary {
    /// The error for a body that held this service error where `wanted` was due.
    #[cold]
    pub fn into_error<E: de::Error>(self, wanted: fmt::Arguments<'_>) -> E {
        let message = self.message.unwrap_or_default();
        match self.code.filter(|code| !code.is_empty()) {
            Some(code) => E::custom(format_args!(
                "the service returned an error instead of {wanted}: `{code}`: {message} (read the whole body with `ServiceError::from_body`)"
            )),
            None => E::custom(format_args!(
                "the service returned an error instead of {wanted}: {message} (read the whole body with `ServiceError::from_body`)"
            )),
        }
    }
}

/// Reads a property no column claims. `error` holding a service error object and `value`
/// holding an array (a collection page decoded as one row) are errors that say what to
/// decode instead; anything else is skipped.
#[inline]
pub fn read_other_property<'de, A: MapAccess<'de>>(
    key: &str,
    row: &'static str,
    map: &mut A,
) -> Result<(), A::Error> {
    match key {
        "error" => match map.next_value::<Glimpse>()? {
            Glimpse::ServiceError(summary) => {
                Err(summary.into_error(format_args!("a `{row}` row")))
            }
            _ => Ok(()),
        },
        "value" => match map.next_value::<Glimpse>()? {
            Glimpse::Array => Err(de::Error::custom(format_args!(
                "received a collection page (`value` holds rows) where one `{row}` row is due; read it as `Page<{row}>`"
            ))),
            _ => Ok(()),
        },
        _ => skip(map),
    }
}

/// Reads a row's `@odata.context`: a deleted row's (`.../$deletedEntity`) is an error that
/// names `DeltaPage`. OData writes the context first, so it is seen before any column.
pub fn read_row_context<'de, A: MapAccess<'de>>(
    row: &'static str,
    map: &mut A,
) -> Result<(), A::Error> {
    let OptionalText(context) = map.next_value()?;
    match context {
        Some(context) if context.as_str().ends_with(DELETED_ENTITY_CONTEXT) => {
            Err(de::Error::custom(format_args!(
                "received a deleted row (`@odata.context` ends in `$deletedEntity`) where a `{row}` row is due; read change-tracking pages as `DeltaPage<{row}>`, whose rows are `DeltaRow::Changed` or `DeltaRow::Deleted`"
            )))
        }
        _ => Ok(()),
    }
}

/// What a property no column claims holds, seen only as far as telling a wrong-shaped body:
/// a service error object, an array, or anything else (skipped without recursion).
pub enum Glimpse {
    /// `{"code": ..., "message": "...", ...}` (the object a service error body's `error` holds).
    ServiceError(ErrorSummary),
    /// An array.
    Array,
    /// Anything else.
    Other,
}

impl<'de> de::Deserialize<'de> for Glimpse {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(GlimpseVisitor)
    }
}

struct GlimpseVisitor;

impl<'de> Visitor<'de> for GlimpseVisitor {
    type Value = Glimpse;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Glimpse, A::Error> {
        let mut summary = ErrorSummary::default();
        let mut message_is_text = false;
        while let Some(key) = map.next_key::<Key<'de>>()? {
            match key.as_str() {
                "code" | "message" => {
                    // anything but text (or null) means this is not a service error object
                    let IgnoredOrText(text) = map.next_value()?;
                    if key.as_str() == "code" {
                        summary.code = text;
                    } else {
                        message_is_text = text.is_some();
                        summary.message = text;
                    }
                }
                _ => skip(&mut map)?,
            }
        }
        Ok(if message_is_text {
            Glimpse::ServiceError(summary)
        } else {
            Glimpse::Other
        })
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Glimpse, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Glimpse::Array)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Glimpse, E> {
        Ok(Glimpse::Other)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Glimpse, E> {
        Ok(Glimpse::Other)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Glimpse, E> {
        Ok(Glimpse::Other)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Glimpse, E> {
        Ok(Glimpse::Other)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Glimpse, E> {
        Ok(Glimpse::Other)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Glimpse, E> {
        Ok(Glimpse::Other)
    }
}

/// A string, or `None` for any other value (skipped without recursion).
struct IgnoredOrText(Option<String>);

impl<'de> de::Deserialize<'de> for IgnoredOrText {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = IgnoredOrText;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<IgnoredOrText, E> {
                Ok(IgnoredOrText(Some(v.to_owned())))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<IgnoredOrText, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(IgnoredOrText(None))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<IgnoredOrText, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(IgnoredOrText(None))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<IgnoredOrText, E> {
                Ok(IgnoredOrText(None))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<IgnoredOrText, E> {
                Ok(IgnoredOrText(None))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<IgnoredOrText, E> {
                Ok(IgnoredOrText(None))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<IgnoredOrText, E> {
                Ok(IgnoredOrText(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<IgnoredOrText, E> {
                Ok(IgnoredOrText(None))
            }
        }
        d.deserialize_any(V)
    }
}

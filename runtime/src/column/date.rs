//! Date-and-time and date-only columns.

use std::fmt;

use serde::de::{self, MapAccess};
use serde::ser::SerializeMap;

use super::scalar::plain_column;
use super::{ColumnCodec, ColumnKind, ColumnMetadata, ColumnValue, Presence};
use crate::{Rule, ValidationErrors};

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

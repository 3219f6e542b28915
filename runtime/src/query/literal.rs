//! Values written into a query: OData literals (`'text'`, bare Guids and numbers, ISO 8601
//! dates) and the plain text of query-function parameters.

use std::fmt::Write as _;

use time::{Date, OffsetDateTime, UtcOffset};

use crate::{Choice, Guid, Lookup, Money};

/// A value that can be compared with a column of type `T` in a filter or a key.
///
/// A text column takes `&str` or `String`; a number, boolean, Guid, date or money column its
/// own Rust type; a `choice!` column its enum; a `lookup!` column the [`Guid`] of the row it
/// points to (compared as `_<column>_value`).
#[diagnostic::on_unimplemented(
    message = "a column of type `{T}` cannot be compared with `{Self}`",
    label = "not a value of the column's type",
    note = "compare text columns with `&str`/`String`, choice columns with their enum, lookup columns with a `Guid`, and every other column with a value of its own type"
)]
pub trait Operand<T> {
    /// Writes the value as plain text: a string as it is, any other value as its literal.
    #[doc(hidden)]
    fn write_text(&self, out: &mut String);

    /// True for text, which OData writes in single quotes.
    #[doc(hidden)]
    const QUOTED: bool = false;
}

/// Writes `value` as an OData literal: text in single quotes with each `'` doubled.
pub(crate) fn write_literal<T, V: Operand<T> + ?Sized>(value: &V, out: &mut String) {
    if !V::QUOTED {
        value.write_text(out);
        return;
    }
    // written in place; copied once more only when there is a quote to double
    out.push('\'');
    let start = out.len();
    value.write_text(out);
    if out[start..].contains('\'') {
        let text = out.split_off(start);
        for piece in text.split_inclusive('\'') {
            out.push_str(piece);
            if piece.ends_with('\'') {
                out.push('\'');
            }
        }
    }
    out.push('\'');
}

/// `'text'` with every `'` doubled (the OData rule; "Manage single quotes").
pub(crate) fn write_quoted(text: &str, out: &mut String) {
    out.push('\'');
    for piece in text.split_inclusive('\'') {
        out.push_str(piece);
        if piece.ends_with('\'') {
            out.push('\'');
        }
    }
    out.push('\'');
}

/// `"text"` as a JSON string: the array parameters of query functions (`In`,
/// `ContainValues`) are JSON arrays, where a `'` needs no doubling.
pub(crate) fn write_json_string(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Text matched literally in `contains`/`startswith`/`endswith`: the wildcard characters
/// `%`, `_` and `[` are enclosed in brackets (Dataverse treats `%`, `_`, `[ ]` and `[^ ]` as
/// wildcards in these conditions; "Use wildcard characters in conditions for string values").
pub(crate) fn escape_wildcards(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['%', '_', '[']) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '%' | '_' | '[' => {
                escaped.push('[');
                escaped.push(c);
                escaped.push(']');
            }
            c => escaped.push(c),
        }
    }
    std::borrow::Cow::Owned(escaped)
}

impl Operand<String> for str {
    fn write_text(&self, out: &mut String) {
        out.push_str(self);
    }
    const QUOTED: bool = true;
}

impl Operand<String> for &str {
    fn write_text(&self, out: &mut String) {
        out.push_str(self);
    }
    const QUOTED: bool = true;
}

impl Operand<String> for String {
    fn write_text(&self, out: &mut String) {
        out.push_str(self);
    }
    const QUOTED: bool = true;
}

impl Operand<String> for &String {
    fn write_text(&self, out: &mut String) {
        out.push_str(self);
    }
    const QUOTED: bool = true;
}

macro_rules! display_operand {
    ($($ty:ty),*) => {$(
        impl Operand<$ty> for $ty {
            fn write_text(&self, out: &mut String) {
                let _ = write!(out, "{self}");
            }
        }
    )*};
}
display_operand!(i32, i64, bool, rust_decimal::Decimal);

impl Operand<f64> for f64 {
    fn write_text(&self, out: &mut String) {
        // OData spells the special values `NaN`, `INF` and `-INF`
        if self.is_nan() {
            out.push_str("NaN");
        } else if self.is_infinite() {
            out.push_str(if *self > 0.0 { "INF" } else { "-INF" });
        } else {
            let _ = write!(out, "{self}");
        }
    }
}

impl Operand<Guid> for Guid {
    fn write_text(&self, out: &mut String) {
        let _ = write!(out, "{}", self.hyphenated());
    }
}

impl Operand<Money> for Money {
    fn write_text(&self, out: &mut String) {
        let _ = write!(out, "{}", self.0);
    }
}

impl Operand<Money> for rust_decimal::Decimal {
    fn write_text(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl Operand<OffsetDateTime> for OffsetDateTime {
    fn write_text(&self, out: &mut String) {
        write_date_time(*self, out);
    }
}

impl Operand<Date> for Date {
    fn write_text(&self, out: &mut String) {
        write_date(*self, out);
    }
}

impl<C: Choice> Operand<C> for C {
    fn write_text(&self, out: &mut String) {
        let _ = write!(out, "{}", self.value());
    }
}

impl<L: Lookup> Operand<L> for Guid {
    fn write_text(&self, out: &mut String) {
        let _ = write!(out, "{}", self.hyphenated());
    }
}

/// `2023-04-07`.
pub(crate) fn write_date(date: Date, out: &mut String) {
    let _ = write!(
        out,
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    );
}

/// `2023-04-07T21:59:01Z` (UTC; fractional seconds only when there are any).
pub(crate) fn write_date_time(value: OffsetDateTime, out: &mut String) {
    // a value at the edge of `time`'s range may not convert to UTC: keep its own offset then
    let (utc, offset) = match value.checked_to_offset(UtcOffset::UTC) {
        Some(utc) => (utc, None),
        None => (value, Some(value.offset())),
    };
    write_date(utc.date(), out);
    let _ = write!(
        out,
        "T{:02}:{:02}:{:02}",
        utc.hour(),
        utc.minute(),
        utc.second()
    );
    let nanos = utc.nanosecond();
    if nanos != 0 {
        let fraction = format!("{nanos:09}");
        out.push('.');
        out.push_str(fraction.trim_end_matches('0'));
    }
    match offset {
        None => out.push('Z'),
        Some(offset) => {
            let (hours, minutes, _) = offset.as_hms();
            let sign = if offset.is_negative() { '-' } else { '+' };
            let _ = write!(
                out,
                "{sign}{:02}:{:02}",
                hours.unsigned_abs(),
                minutes.unsigned_abs()
            );
        }
    }
}

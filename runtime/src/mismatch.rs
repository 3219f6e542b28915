//! The compile-time errors of `#[dataverse_entity]` that need other types' metadata (a
//! field's lookup declared for another column or table, a choice default that is no option),
//! built as messages inside the generated `const` checks. Reached through
//! [`__private`](crate::__private); not public API.
//!
//! The `check_*` functions are `#[track_caller]`: the error points at the generated call,
//! which the macro spans on the user's token (one short call per check, not an `if`/`panic!`
//! expanded in every user crate).

use crate::text::const_str_eq;
use crate::{ChoiceMetadata, LookupMetadata};

/// Fails compile-time evaluation when the lookup behind a field (`lookup`, `None` for any
/// other column type) is declared for another column or table than column `column` of table
/// `table` (see [`lookup_mismatch`]).
#[track_caller]
pub const fn check_lookup(lookup: Option<&'static LookupMetadata>, column: &str, table: &str) {
    if let Some(message) = lookup_mismatch(lookup, column, table) {
        panic!("{}", message.as_str())
    }
}

/// Fails compile-time evaluation when `default = <value>` does not fit column `column`, whose
/// Rust type (as written: `ty`) has choice `choice` (see [`default_option_mismatch`]).
#[track_caller]
pub const fn check_default_option(
    choice: Option<&'static ChoiceMetadata>,
    value: i32,
    column: &str,
    ty: &str,
) {
    if let Some(message) = default_option_mismatch(choice, value, column, ty) {
        panic!("{}", message.as_str())
    }
}

/// The compile-time error for the lookup behind a field (`lookup`, `None` for any other
/// column type) used on column `column` of table `table`, when it is declared for another
/// column or table (it would write a wrong `@odata.bind` key); `None` when it fits.
const fn lookup_mismatch(
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
const fn default_option_mismatch(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compact::option;

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
}

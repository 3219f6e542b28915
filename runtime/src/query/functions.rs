//! Conditions that exist only for some column types: text functions, multi-select
//! functions and the Dataverse date query functions.

use time::{Date, OffsetDateTime};

use super::column::Column;
use super::filter::Filter;
use super::literal::{escape_wildcards, write_date, write_quoted};
use crate::{Choice, Choices};

/// Text columns: `contains`, `startswith`, `endswith`.
///
/// Dataverse treats `%`, `_`, `[ ]` and `[^ ]` as wildcards in these conditions ("Use
/// wildcard characters in conditions for string values"). The plain methods match the text
/// literally (each `%`, `_` and `[` is enclosed in brackets); the `_pattern` methods pass a
/// pattern through with its wildcards.
///
/// ```
/// # use dataverse_model::{dataverse_entity, Field, Guid};
/// # #[dataverse_entity(logical_name = "account", entity_set = "accounts", primary_id = "accountid")]
/// # pub struct Account { pub accountid: Option<Guid>, pub name: Field<String> }
/// let name = Account::COLUMNS.name;
/// assert_eq!(name.contains("100%").to_string(), "contains(name,'100[%]')");
/// assert_eq!(name.starts_with_pattern("A_C%").to_string(), "startswith(name,'A_C%')");
/// ```
impl<E, P> Column<E, String, P> {
    fn text_function(self, function: &str, text: &str) -> Filter<E> {
        let mut out = String::with_capacity(function.len() + text.len() + 24);
        out.push_str(function);
        out.push('(');
        self.write_property(&mut out);
        out.push(',');
        write_quoted(text, &mut out);
        out.push(')');
        Filter::call(out)
    }

    /// `contains(<column>,'<text>')`, the text matched literally.
    pub fn contains(self, text: &str) -> Filter<E> {
        self.text_function("contains", &escape_wildcards(text))
    }

    /// `startswith(<column>,'<text>')`, the text matched literally.
    pub fn starts_with(self, text: &str) -> Filter<E> {
        self.text_function("startswith", &escape_wildcards(text))
    }

    /// `endswith(<column>,'<text>')`, the text matched literally.
    pub fn ends_with(self, text: &str) -> Filter<E> {
        self.text_function("endswith", &escape_wildcards(text))
    }

    /// `contains(<column>,'<pattern>')` with the pattern's wildcards in effect.
    pub fn contains_pattern(self, pattern: &str) -> Filter<E> {
        self.text_function("contains", pattern)
    }

    /// `startswith(<column>,'<pattern>')` with the pattern's wildcards in effect.
    pub fn starts_with_pattern(self, pattern: &str) -> Filter<E> {
        self.text_function("startswith", pattern)
    }

    /// `endswith(<column>,'<pattern>')` with the pattern's wildcards in effect.
    pub fn ends_with_pattern(self, pattern: &str) -> Filter<E> {
        self.text_function("endswith", pattern)
    }
}

/// Multi-select choice columns: `ContainValues` and `DoesNotContainValues`.
impl<E, C: Choice> Column<E, Choices<C>> {
    /// `Microsoft.Dynamics.CRM.ContainValues(...)`: at least one of `values` is selected.
    pub fn contain_values(self, values: impl IntoIterator<Item = C>) -> Filter<E> {
        Filter::values_function::<C, C>("ContainValues", self.logical_name(), values)
    }

    /// `Microsoft.Dynamics.CRM.DoesNotContainValues(...)`: none of `values` is selected.
    pub fn does_not_contain_values(self, values: impl IntoIterator<Item = C>) -> Filter<E> {
        Filter::values_function::<C, C>("DoesNotContainValues", self.logical_name(), values)
    }
}

/// Date columns (`time::OffsetDateTime`, `time::Date`): the Dataverse date query functions.
pub trait DateColumn {}
impl DateColumn for OffsetDateTime {}
impl DateColumn for Date {}

macro_rules! no_argument_functions {
    ($($(#[$doc:meta])* $method:ident = $function:literal;)*) => {$(
        $(#[$doc])*
        pub fn $method(self) -> Filter<E> {
            Filter::value_function($function, self.logical_name(), None)
        }
    )*};
}

macro_rules! count_functions {
    ($($(#[$doc:meta])* $method:ident = $function:literal;)*) => {$(
        $(#[$doc])*
        pub fn $method(self, count: u32) -> Filter<E> {
            Filter::value_function($function, self.logical_name(), Some(&count.to_string()))
        }
    )*};
}

macro_rules! date_functions {
    ($($(#[$doc:meta])* $method:ident = $function:literal;)*) => {$(
        $(#[$doc])*
        pub fn $method(self, date: Date) -> Filter<E> {
            let mut text = String::with_capacity(10);
            write_date(date, &mut text);
            let mut value = String::with_capacity(12);
            write_quoted(&text, &mut value);
            Filter::value_function($function, self.logical_name(), Some(&value))
        }
    )*};
}

/// The date query functions (`Microsoft.Dynamics.CRM.Today(PropertyName='createdon')`, ...),
/// evaluated by the service in the user's time zone.
impl<E, T: DateColumn> Column<E, T> {
    no_argument_functions! {
        /// `Today`: the date is today.
        today = "Today";
        /// `Yesterday`.
        yesterday = "Yesterday";
        /// `Tomorrow`.
        tomorrow = "Tomorrow";
        /// `Last7Days`: within the last seven days, today included.
        last_seven_days = "Last7Days";
        /// `Next7Days`.
        next_seven_days = "Next7Days";
        /// `LastWeek`.
        last_week = "LastWeek";
        /// `ThisWeek`.
        this_week = "ThisWeek";
        /// `NextWeek`.
        next_week = "NextWeek";
        /// `LastMonth`.
        last_month = "LastMonth";
        /// `ThisMonth`.
        this_month = "ThisMonth";
        /// `NextMonth`.
        next_month = "NextMonth";
        /// `LastYear`.
        last_year = "LastYear";
        /// `ThisYear`.
        this_year = "ThisYear";
        /// `NextYear`.
        next_year = "NextYear";
    }

    count_functions! {
        /// `LastXDays`: within the last `count` days.
        last_x_days = "LastXDays";
        /// `NextXDays`.
        next_x_days = "NextXDays";
        /// `LastXWeeks`.
        last_x_weeks = "LastXWeeks";
        /// `NextXWeeks`.
        next_x_weeks = "NextXWeeks";
        /// `LastXMonths`.
        last_x_months = "LastXMonths";
        /// `NextXMonths`.
        next_x_months = "NextXMonths";
        /// `LastXYears`.
        last_x_years = "LastXYears";
        /// `NextXYears`.
        next_x_years = "NextXYears";
        /// `OlderThanXDays`: more than `count` days ago.
        older_than_x_days = "OlderThanXDays";
        /// `OlderThanXWeeks`.
        older_than_x_weeks = "OlderThanXWeeks";
        /// `OlderThanXMonths`.
        older_than_x_months = "OlderThanXMonths";
        /// `OlderThanXYears`.
        older_than_x_years = "OlderThanXYears";
    }

    date_functions! {
        /// `On`: the date is `date`.
        on = "On";
        /// `NotOn`.
        not_on = "NotOn";
        /// `OnOrAfter`.
        on_or_after = "OnOrAfter";
        /// `OnOrBefore`.
        on_or_before = "OnOrBefore";
    }
}

/// Date-and-time columns only: the hour-based query functions.
impl<E> Column<E, OffsetDateTime> {
    count_functions! {
        /// `LastXHours`: within the last `count` hours.
        last_x_hours = "LastXHours";
        /// `NextXHours`.
        next_x_hours = "NextXHours";
        /// `OlderThanXHours`.
        older_than_x_hours = "OlderThanXHours";
    }
}

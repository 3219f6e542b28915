//! Errors: decoding Web API JSON, parsing labels, and validation findings.

use std::fmt;

/// A value read from the Web API could not be turned into a column's type.
///
/// Carried inside the deserializer's error (see [`serde::de::Error::custom`]); its
/// `Display` always names the column so the message alone tells what to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// Logical name of the column whose value was bad.
    pub column: &'static str,
    /// What was wrong, worded for the reader (lowercase, no trailing period).
    pub message: String,
}

impl DecodeError {
    /// Creates a decode error for `column`.
    pub fn new(column: &'static str, message: impl Into<String>) -> Self {
        Self {
            column,
            message: message.into(),
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "column `{}`: {}", self.column, self.message)
    }
}

impl std::error::Error for DecodeError {}

/// A label or number that names no option of a choice, from [`std::str::FromStr`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseChoiceError {
    /// The choice's option set name.
    pub choice: &'static str,
    /// The text that was given.
    pub input: String,
}

impl fmt::Display for ParseChoiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is neither a label of choice `{}` nor an integer option value",
            self.input, self.choice
        )
    }
}

impl std::error::Error for ParseChoiceError {}

/// Which validation rule a value broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// A required column has no value on create.
    Required,
    /// Text longer than the column's maximum length (in characters).
    MaxLength,
    /// A number below the column's minimum.
    Min,
    /// A number above the column's maximum.
    Max,
    /// A decimal with more fractional digits than the column's precision.
    Precision,
    /// A choice value that is not one of the choice's options.
    UnknownOption,
    /// A lookup pointing at a table the lookup does not target.
    LookupTarget,
    /// More multi-select values than Dataverse stores (150).
    TooManyValues,
    /// A status reason that does not belong to the record's state.
    StatusForState,
    /// A date outside the range Dataverse stores (1753-01-01 to 9999-12-31).
    DateRange,
    /// A column that cannot be written on this operation.
    ReadOnly,
}

impl Rule {
    /// The rule's name as shown in messages, e.g. `max_length`.
    pub const fn name(self) -> &'static str {
        match self {
            Rule::Required => "required",
            Rule::MaxLength => "max_length",
            Rule::Min => "min",
            Rule::Max => "max",
            Rule::Precision => "precision",
            Rule::UnknownOption => "unknown_option",
            Rule::LookupTarget => "lookup_target",
            Rule::TooManyValues => "too_many_values",
            Rule::StatusForState => "status_for_state",
            Rule::DateRange => "date_range",
            Rule::ReadOnly => "read_only",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One broken rule: the column, the rule, the offending value and a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    /// Logical name of the column.
    pub column: &'static str,
    /// The rule that was broken.
    pub rule: Rule,
    /// The offending value, rendered as text (`null` for a missing value).
    pub value: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "column `{}` breaks `{}` with value {}: {}",
            self.column, self.rule, self.value, self.message
        )
    }
}

impl std::error::Error for ValidationError {}

/// Every validation error found in one record, in column order.
///
/// Empty means valid; an empty collection does not allocate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValidationErrors {
    errors: Vec<ValidationError>,
}

impl ValidationErrors {
    /// An empty collection (no allocation).
    pub const fn new() -> Self {
        Self { errors: Vec::new() }
    }

    /// Records one error.
    pub fn push(&mut self, error: ValidationError) {
        self.errors.push(error);
    }

    /// Records one error from its parts.
    pub fn add(
        &mut self,
        column: &'static str,
        rule: Rule,
        value: impl fmt::Display,
        message: impl Into<String>,
    ) {
        self.errors.push(ValidationError {
            column,
            rule,
            value: value.to_string(),
            message: message.into(),
        });
    }

    /// True when no error was recorded.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// How many errors were recorded.
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// The errors, in the order found.
    pub fn errors(&self) -> &[ValidationError] {
        &self.errors
    }

    /// Iterates the errors.
    pub fn iter(&self) -> std::slice::Iter<'_, ValidationError> {
        self.errors.iter()
    }

    /// `Ok(())` when empty, else `Err(self)`.
    pub fn into_result(self) -> Result<(), ValidationErrors> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            fmt::Display::fmt(e, f)?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

impl IntoIterator for ValidationErrors {
    type Item = ValidationError;
    type IntoIter = std::vec::IntoIter<ValidationError>;
    fn into_iter(self) -> Self::IntoIter {
        self.errors.into_iter()
    }
}

impl<'a> IntoIterator for &'a ValidationErrors {
    type Item = &'a ValidationError;
    type IntoIter = std::slice::Iter<'a, ValidationError>;
    fn into_iter(self) -> Self::IntoIter {
        self.errors.iter()
    }
}

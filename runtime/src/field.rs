//! [`Field<T>`]: a column value that can also be left out of a write.

/// A column in a write: not sent ([`Unset`](Field::Unset)), cleared
/// ([`Null`](Field::Null)) or set ([`Value`](Field::Value)).
///
/// On read, a column the response does not contain is `Unset` and a JSON `null` is `Null`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Field<T> {
    /// Not part of the row or request: never written.
    #[default]
    Unset,
    /// Explicitly empty: written as `null`.
    Null,
    /// A value.
    Value(T),
}

impl<T> Field<T> {
    /// The value, if any.
    pub fn as_ref(&self) -> Field<&T> {
        match self {
            Field::Unset => Field::Unset,
            Field::Null => Field::Null,
            Field::Value(v) => Field::Value(v),
        }
    }

    /// The value as an `Option` (`None` for Unset and Null).
    pub fn value(&self) -> Option<&T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }

    /// Consumes the field, giving its value as an `Option`.
    pub fn into_option(self) -> Option<T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }

    /// True for [`Field::Unset`].
    pub fn is_unset(&self) -> bool {
        matches!(self, Field::Unset)
    }

    /// True for [`Field::Null`].
    pub fn is_null(&self) -> bool {
        matches!(self, Field::Null)
    }

    /// True for [`Field::Value`].
    pub fn is_value(&self) -> bool {
        matches!(self, Field::Value(_))
    }

    /// `Some` becomes [`Field::Value`], `None` [`Field::Null`].
    pub fn from_option(value: Option<T>) -> Self {
        match value {
            Some(v) => Field::Value(v),
            None => Field::Null,
        }
    }

    /// Maps the value.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Field<U> {
        match self {
            Field::Unset => Field::Unset,
            Field::Null => Field::Null,
            Field::Value(v) => Field::Value(f(v)),
        }
    }
}

impl<T> From<T> for Field<T> {
    fn from(value: T) -> Self {
        Field::Value(value)
    }
}

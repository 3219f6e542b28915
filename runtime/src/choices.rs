//! [`Choices<C>`]: the value of a multi-select choice column.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::Choice;

/// Most values a multi-select choice column stores.
pub const MAX_MULTI_SELECT_VALUES: usize = 150;

/// The selected options of a multi-select choice: a set ordered by option value.
///
/// On the wire it is a comma-separated string: read accepts `"2,3,8,9"` and `"1, 9"`,
/// `null` reads as empty; write gives `"1,2,3"`, and an empty set writes `null`.
/// Unknown values are kept.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Choices<C: Choice> {
    sorted: Vec<C>,
}

impl<C: Choice> Choices<C> {
    /// An empty set.
    pub const fn new() -> Self {
        Self { sorted: Vec::new() }
    }

    /// Adds `choice`; returns false when it was already selected.
    pub fn insert(&mut self, choice: C) -> bool {
        match self
            .sorted
            .binary_search_by_key(&choice.value(), |c| c.value())
        {
            Ok(_) => false,
            Err(at) => {
                self.sorted.insert(at, choice);
                true
            }
        }
    }

    /// Removes `choice`; returns false when it was not selected.
    pub fn remove(&mut self, choice: C) -> bool {
        match self
            .sorted
            .binary_search_by_key(&choice.value(), |c| c.value())
        {
            Ok(at) => {
                self.sorted.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    /// True when `choice` is selected.
    pub fn contains(&self, choice: C) -> bool {
        self.sorted
            .binary_search_by_key(&choice.value(), |c| c.value())
            .is_ok()
    }

    /// The selected options, by ascending value.
    pub fn iter(&self) -> impl Iterator<Item = C> + '_ {
        self.sorted.iter().copied()
    }

    /// The selected options as a slice, by ascending value.
    pub fn as_slice(&self) -> &[C] {
        &self.sorted
    }

    /// How many options are selected.
    pub fn len(&self) -> usize {
        self.sorted.len()
    }

    /// True when nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.sorted.is_empty()
    }

    /// Parses the wire form (`"1,2"`, `"1, 9"`, empty string for none).
    pub fn parse(text: &str) -> Result<Self, ParseChoicesError> {
        let mut set = Self::new();
        if text.trim().is_empty() {
            return Ok(set);
        }
        for part in text.split(',') {
            let part = part.trim();
            let value = part.parse::<i32>().map_err(|_| ParseChoicesError {
                part: part.to_owned(),
            })?;
            set.insert(C::from_value(value));
        }
        Ok(set)
    }
}

impl<C: Choice> Default for Choices<C> {
    fn default() -> Self {
        Self::new()
    }
}

impl<C: Choice> fmt::Debug for Choices<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.sorted.iter()).finish()
    }
}

impl<C: Choice> fmt::Display for Choices<C> {
    /// The wire form: values joined by `,` without spaces.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, c) in self.sorted.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            write!(f, "{}", c.value())?;
        }
        Ok(())
    }
}

impl<C: Choice> FromStr for Choices<C> {
    type Err = ParseChoicesError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl<C: Choice> FromIterator<C> for Choices<C> {
    fn from_iter<I: IntoIterator<Item = C>>(iter: I) -> Self {
        let mut set = Self::new();
        for c in iter {
            set.insert(c);
        }
        set
    }
}

impl<C: Choice> Extend<C> for Choices<C> {
    fn extend<I: IntoIterator<Item = C>>(&mut self, iter: I) {
        for c in iter {
            self.insert(c);
        }
    }
}

impl<'a, C: Choice> IntoIterator for &'a Choices<C> {
    type Item = C;
    type IntoIter = std::iter::Copied<std::slice::Iter<'a, C>>;
    fn into_iter(self) -> Self::IntoIter {
        self.sorted.iter().copied()
    }
}

/// A part of a multi-select string that is not an integer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseChoicesError {
    /// The offending part, trimmed.
    pub part: String,
}

impl fmt::Display for ParseChoicesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "multi-select value `{}` is not an integer; expected comma-separated option values like \"1,2,3\"",
            self.part
        )
    }
}

impl std::error::Error for ParseChoicesError {}

impl<C: Choice> Serialize for Choices<C> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.is_empty() {
            serializer.serialize_none()
        } else {
            serializer.collect_str(self)
        }
    }
}

impl<'de, C: Choice> Deserialize<'de> for Choices<C> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ChoicesVisitor<C>(std::marker::PhantomData<C>);
        impl<C: Choice> Visitor<'_> for ChoicesVisitor<C> {
            type Value = Choices<C>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a comma-separated string of option values, or null")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Choices::parse(v).map_err(E::custom)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Choices::new())
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Choices::new())
            }
        }
        deserializer.deserialize_option(OptionalStr(ChoicesVisitor(std::marker::PhantomData)))
    }
}

/// Routes `Some(x)` of `deserialize_option` to the inner visitor's string handling.
struct OptionalStr<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for OptionalStr<V> {
    type Value = V::Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.0.visit_none()
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.0.visit_unit()
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self.0)
    }
}

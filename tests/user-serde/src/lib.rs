//! A user's crate: its own serde types beside a `#[dataverse_entity]` table. The tests prove
//! that having `dataverse-model` in the build changes nothing in how serde_json reads the
//! user's own types (no `arbitrary_precision`, no `float_roundtrip` reaches this graph).

use dataverse_model::{Decimal, Guid, Money, dataverse_entity};
use serde::Deserialize;

/// The user's own settings, with an extra map flattened in: `flatten` buffers the input, the
/// place where `arbitrary_precision` breaks numbers.
#[derive(Debug, PartialEq, Deserialize)]
pub struct Envelope {
    /// A name.
    pub name: String,
    /// Everything else.
    #[serde(flatten)]
    pub measures: Measures,
}

/// Numbers read through `flatten`.
#[derive(Debug, PartialEq, Deserialize)]
pub struct Measures {
    /// A float.
    pub ratio: f64,
    /// A whole number.
    pub count: u32,
}

/// An `untagged` enum: serde tries each variant on buffered content.
#[derive(Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Amount {
    /// A whole number.
    Whole(i64),
    /// A float.
    Float(f64),
    /// Text.
    Text(String),
}

/// A Dataverse table declared in the same crate.
#[dataverse_entity(
    logical_name = "account",
    entity_set = "accounts",
    primary_id = "accountid"
)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Account {
    /// Primary id.
    pub accountid: Option<Guid>,
    /// Annual revenue.
    pub revenue: Option<Money>,
    /// A decimal column.
    pub sample_rate: Option<Decimal>,
    /// A float column.
    pub sample_ratio: Option<f64>,
    /// A big integer column.
    pub versionnumber: Option<i64>,
}

/// A user's wrapper around a row: the row flattened beside the user's own field.
#[derive(Debug, PartialEq, Deserialize)]
pub struct Tagged {
    /// The user's own tag.
    pub tag: String,
    /// The row.
    #[serde(flatten)]
    pub account: Account,
}

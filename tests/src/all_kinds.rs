//! A test table with one column of every scalar kind the Session table lacks or has only
//! read-only (float, date-only, multi-select, money, a bare column), for the hostile-input,
//! property and fuzz tests.

use dataverse_model::{Choices, Field, Guid, dataverse_entity};
use rust_decimal::Decimal;
use time::{Date, OffsetDateTime};

use crate::session_choices::{SalesSessionEventReason, SessionEventReason};

/// One column of each kind; `sample_name` and `sample_count` carry constraints.
#[dataverse_entity(
    logical_name = "sample_allkinds",
    entity_set = "sample_allkindses",
    primary_id = "sample_allkindsid",
    primary_name = "sample_name"
)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AllKinds {
    /// Primary id.
    pub sample_allkindsid: Option<Guid>,
    /// Text of at most 100 characters.
    #[dataverse(max_length = 100)]
    pub sample_name: Option<String>,
    /// A whole number between -1000 and 1000.
    #[dataverse(min = -1000, max = 1000)]
    pub sample_count: Option<i32>,
    /// A big integer.
    pub sample_big: Option<i64>,
    /// A decimal with at most 4 decimal places.
    #[dataverse(precision = 4)]
    pub sample_amount: Option<Decimal>,
    /// A currency amount.
    #[dataverse(money)]
    pub sample_price: Field<Decimal>,
    /// A floating point number.
    pub sample_ratio: Option<f64>,
    /// Yes/no.
    pub sample_flag: Option<bool>,
    /// A date and time.
    pub sample_when: Option<OffsetDateTime>,
    /// A date without time.
    pub sample_day: Option<Date>,
    /// A choice.
    pub sample_reason: Option<SessionEventReason>,
    /// A choice with a layer.
    pub sample_salesreason: Field<SalesSessionEventReason>,
    /// A multi-select choice (`null` reads as the empty set).
    pub sample_reasons: Field<Choices<SessionEventReason>>,
}

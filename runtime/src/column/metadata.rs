//! [`ColumnMetadata`]: one column of a table, as the struct declares it.

use super::{
    BooleanLabels, CodecOf, ColumnCodec, ColumnDefault, ColumnKind, ColumnValue, RequiredLevel,
};
use crate::{ChoiceMetadata, LocalizedLabel, LookupMetadata};

/// One column of a table, as the struct declares it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ColumnMetadata {
    /// The column's logical name (the JSON property; lookups read as `_<name>_value`).
    pub logical_name: &'static str,
    /// The Rust field that holds it.
    pub field: &'static str,
    /// What the column holds.
    pub kind: ColumnKind,
    /// How strongly Dataverse asks for a value; a create must give one when
    /// [`ApplicationRequired`](RequiredLevel::ApplicationRequired) (see
    /// [`required_on_create`](Self::required_on_create)).
    pub required_level: RequiredLevel,
    /// Never written.
    pub read_only: bool,
    /// Most characters a text column holds.
    pub max_length: Option<u32>,
    /// Smallest allowed number.
    pub min: Option<f64>,
    /// Largest allowed number.
    pub max: Option<f64>,
    /// Most decimal places a decimal or money column keeps.
    pub precision: Option<u32>,
    /// The choice behind a choice or multi-select column.
    pub choice: Option<&'static ChoiceMetadata>,
    /// The lookup behind a lookup column.
    pub lookup: Option<&'static LookupMetadata>,
    /// The default value of a Boolean or choice column, when declared.
    pub default: Option<ColumnDefault>,
    /// A Boolean column's option labels, when declared.
    pub boolean: Option<BooleanLabels>,
}

impl ColumnMetadata {
    /// A column with no constraints (what generated code starts from).
    pub const fn new(logical_name: &'static str, field: &'static str, kind: ColumnKind) -> Self {
        Self {
            logical_name,
            field,
            kind,
            required_level: RequiredLevel::None,
            read_only: false,
            max_length: None,
            min: None,
            max: None,
            precision: None,
            choice: None,
            lookup: None,
            default: None,
            boolean: None,
        }
    }

    /// The column of Rust type `T` (kind, choice and lookup taken from `T`), no constraints:
    /// what generated code starts from, adding constraints with the methods below.
    pub const fn of<T: ColumnValue>(logical_name: &'static str, field: &'static str) -> Self {
        Self {
            choice: CodecOf::<T>::CHOICE,
            lookup: CodecOf::<T>::LOOKUP,
            ..Self::new(logical_name, field, CodecOf::<T>::KIND)
        }
    }

    /// Marks the column required on create ([`RequiredLevel::ApplicationRequired`]).
    pub const fn required(self) -> Self {
        self.required_level(RequiredLevel::ApplicationRequired)
    }

    /// Sets the required level.
    pub const fn required_level(mut self, level: RequiredLevel) -> Self {
        self.required_level = level;
        self
    }

    /// Sets a Boolean column's default.
    pub const fn default_boolean(mut self, value: bool) -> Self {
        self.default = Some(ColumnDefault::Boolean(value));
        self
    }

    /// Sets the value of the option a choice column defaults to.
    pub const fn default_option(mut self, value: i32) -> Self {
        self.default = Some(ColumnDefault::Choice(value));
        self
    }

    /// Sets a Boolean column's option labels.
    pub const fn boolean_labels(
        mut self,
        true_labels: &'static [LocalizedLabel],
        false_labels: &'static [LocalizedLabel],
    ) -> Self {
        self.boolean = Some(BooleanLabels {
            true_labels,
            false_labels,
        });
        self
    }

    /// Whether a create must give the column a value: only at
    /// [`ApplicationRequired`](RequiredLevel::ApplicationRequired), since the service fills
    /// [`SystemRequired`](RequiredLevel::SystemRequired) columns itself.
    pub const fn required_on_create(&self) -> bool {
        matches!(self.required_level, RequiredLevel::ApplicationRequired)
    }

    /// Marks the column read-only (never written).
    pub const fn read_only(mut self) -> Self {
        self.read_only = true;
        self
    }

    /// Marks a decimal column as money.
    pub const fn money(mut self) -> Self {
        self.kind = ColumnKind::Money;
        self
    }

    /// Sets the most characters a text column holds.
    pub const fn max_length(mut self, max_length: u32) -> Self {
        self.max_length = Some(max_length);
        self
    }

    /// Sets the smallest allowed number.
    pub const fn min(mut self, min: f64) -> Self {
        self.min = Some(min);
        self
    }

    /// Sets the largest allowed number.
    pub const fn max(mut self, max: f64) -> Self {
        self.max = Some(max);
        self
    }

    /// Sets the most decimal places kept.
    pub const fn precision(mut self, precision: u32) -> Self {
        self.precision = Some(precision);
        self
    }

    /// The property name used in `$select`: `_<name>_value` for a lookup.
    pub fn select_name(&self) -> std::borrow::Cow<'static, str> {
        if self.kind == ColumnKind::Lookup {
            format!("_{}_value", self.logical_name).into()
        } else {
            self.logical_name.into()
        }
    }
}

//! From saved metadata to what will be declared: tables, columns, choices and lookups with
//! their Rust names, split into a base and an optional publisher layer.

mod builder;
mod choice;
mod column;
mod kind;
mod lookup;
mod select;
mod table;
mod text;

use std::collections::BTreeMap;

use dataverse_model::ColumnKind;

pub(crate) use builder::build;
pub(crate) use kind::attribute_kind;

/// A choice to declare.
#[derive(Debug, Clone)]
pub(crate) struct ChoicePlan {
    pub rust_name: String,
    pub name: String,
    pub global: bool,
    pub doc: Vec<String>,
    pub options: Vec<OptionPlan>,
    /// For a status choice: the state choice's Rust name.
    pub status_of: Option<String>,
    /// A layer: the base's Rust name and the publisher's option value prefix.
    pub extends: Option<(String, u32)>,
}

#[derive(Debug, Clone)]
pub(crate) struct OptionPlan {
    pub value: i32,
    pub variant: String,
    pub labels: Vec<(u32, String)>,
    pub description: Option<String>,
    /// Status options: the state variant.
    pub state: Option<String>,
}

/// A lookup to declare.
#[derive(Debug, Clone)]
pub(crate) struct LookupPlan {
    pub rust_name: String,
    pub column: String,
    /// The logical name of the table holding the column.
    pub table: String,
    pub doc: Vec<String>,
    pub pattern: Option<String>,
    pub targets: Vec<TargetPlan>,
    pub extends: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct TargetPlan {
    pub variant: String,
    pub logical_name: String,
    pub entity_set: String,
    pub navigation: Option<String>,
    pub relationship: Option<RelationshipPlan>,
}

#[derive(Debug, Clone)]
pub(crate) struct RelationshipPlan {
    pub schema_name: String,
    pub referenced_attribute: String,
    pub referenced_entity: Option<String>,
    pub cascade: [(&'static str, String); 8],
    pub system: bool,
}

/// A column to declare.
#[derive(Debug, Clone)]
pub(crate) struct ColumnPlan {
    pub logical_name: String,
    pub field: String,
    pub kind: ColumnKind,
    /// The Rust type name of the choice or lookup.
    pub type_ref: Option<String>,
    pub doc: Vec<String>,
    /// `RequiredLevel` as the metadata gives it.
    pub required_level: String,
    /// `default = ...` as written: `true`, `false` or an option value.
    pub default: Option<String>,
    /// A Boolean's labels, true then false, as `(lcid, label)` pairs.
    pub boolean_labels: Option<[Vec<(u32, String)>; 2]>,
    pub read_only: bool,
    pub max_length: Option<i64>,
    pub min: Option<String>,
    pub max: Option<String>,
    pub precision: Option<i64>,
}

/// A struct to declare: the base table or a layer over it.
#[derive(Debug, Clone)]
pub(crate) struct StructPlan {
    pub rust_name: String,
    pub doc: Vec<String>,
    pub columns: Vec<ColumnPlan>,
    /// Base: logical name, entity set, primary id, primary name.
    pub identity: Option<(String, String, String, Option<String>)>,
    /// Layer: base Rust name and publisher prefix.
    pub extends: Option<(String, String)>,
}

/// One table's declarations.
#[derive(Debug, Clone)]
pub(crate) struct TablePlan {
    pub logical_name: String,
    pub base: StructPlan,
    pub layer: Option<StructPlan>,
    pub choices: Vec<ChoicePlan>,
    pub lookups: Vec<LookupPlan>,
}

/// Everything to declare.
#[derive(Debug, Clone, Default)]
pub(crate) struct Plan {
    pub tables: Vec<TablePlan>,
    /// Global choices, each once, by option set name.
    pub globals: BTreeMap<String, Vec<ChoicePlan>>,
}

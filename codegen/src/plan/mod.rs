//! From saved metadata to what will be declared: tables, columns, choices and lookups with
//! their Rust names, split into a base and an optional publisher layer.

mod choice;
mod lookup;

use std::collections::BTreeMap;

use dataverse_model::ColumnKind;

use crate::folder::{Metadata, Table};
use crate::input::Attribute;
use crate::naming::{field_name, type_name};
use crate::{Options, Warning};

/// How a saved attribute maps to a column kind, or why it is skipped.
pub(crate) fn attribute_kind(attribute: &Attribute) -> Result<ColumnKind, String> {
    if let Some(of) = &attribute.attribute_of {
        return Err(format!("companion of `{of}`"));
    }
    let ty = attribute.attribute_type.as_deref().unwrap_or("");
    let type_name = attribute.type_name().unwrap_or("");
    Ok(match (ty, type_name) {
        (_, "MultiSelectPicklistType") => ColumnKind::MultiChoice,
        (_, "ImageType") | (_, "FileType") => {
            return Err(format!("`{type_name}` columns are not modelled"));
        }
        ("String" | "Memo" | "EntityName", _) => ColumnKind::Text,
        ("Integer", _) => ColumnKind::Integer,
        ("BigInt", _) => ColumnKind::BigInt,
        ("Decimal", _) => ColumnKind::Decimal,
        ("Money", _) => ColumnKind::Money,
        ("Double", _) => ColumnKind::Float,
        ("Boolean", _) => ColumnKind::Boolean,
        ("Uniqueidentifier", _) => ColumnKind::Guid,
        ("DateTime", _) => {
            let behavior = attribute
                .date_time_behavior
                .as_ref()
                .map(|b| b.value.as_str());
            if behavior == Some("DateOnly") {
                ColumnKind::DateOnly
            } else {
                ColumnKind::DateTime
            }
        }
        ("Picklist" | "State" | "Status", _) => ColumnKind::Choice,
        ("Lookup" | "Customer" | "Owner", _) => ColumnKind::Lookup,
        ("PartyList", _) => ColumnKind::PartyList,
        ("", _) => return Err("no `AttributeType`".to_owned()),
        (other, "") => return Err(format!("`{other}` columns are not modelled")),
        (other, name) => return Err(format!("`{other}` (`{name}`) columns are not modelled")),
    })
}

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

/// Matches `*` (any run) and `?` (one character) wildcards.
pub(crate) fn wildcard(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti, mut star, mut mark) = (0, 0, None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

fn doc_lines(text: Option<&str>) -> Vec<String> {
    text.filter(|t| !t.trim().is_empty())
        .map(|t| t.lines().map(|l| l.trim_end().to_owned()).collect())
        .unwrap_or_default()
}

fn number_text(n: &serde_json::Number) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    let text = n.to_string();
    // keep decimals as written when they are plain (arbitrary precision), else Rust's shortest
    if text
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
    {
        return text;
    }
    match n.as_f64() {
        Some(f) => format!("{f:?}"),
        None => text,
    }
}

struct Builder<'a> {
    metadata: &'a Metadata,
    options: &'a Options,
    warnings: &'a mut Vec<Warning>,
    plan: &'a mut Plan,
    /// The table is the publisher's own: nothing in it is split off.
    whole_table_layered: bool,
}

/// Builds the plan for the selected tables.
pub(crate) fn build(
    metadata: &Metadata,
    options: &Options,
    warnings: &mut Vec<Warning>,
) -> Result<Plan, crate::Error> {
    let mut plan = Plan::default();
    for name in &options.tables {
        if !metadata.tables.contains_key(name) {
            return Err(crate::Error::new(
                &metadata.root.join(name).join(crate::folder::ENTITY_FILE),
                None,
                format!("table `{name}` is not in the metadata folder; save its definition there"),
            ));
        }
    }
    let mut builder = Builder {
        metadata,
        options,
        warnings,
        plan: &mut plan,
        whole_table_layered: false,
    };
    for (name, table) in &metadata.tables {
        if options.tables.is_empty() || options.tables.contains(name) {
            let table_plan = builder.table(table);
            builder.plan.tables.push(table_plan);
        }
    }
    Ok(plan)
}

impl Builder<'_> {
    fn layered(&self, name: &str) -> bool {
        !self.whole_table_layered
            && self
                .options
                .layer_prefix
                .as_deref()
                .is_some_and(|p| name.starts_with(&format!("{p}_")))
    }

    fn layered_option(&self, value: i64) -> Option<u32> {
        self.options
            .layer_option_prefix
            .filter(|p| (i64::from(*p) * 10000..=i64::from(*p) * 10000 + 9999).contains(&value))
    }

    fn selected(&self, column: &str) -> bool {
        (self.options.include.is_empty()
            || self.options.include.iter().any(|p| wildcard(p, column)))
            && !self.options.exclude.iter().any(|p| wildcard(p, column))
    }

    fn warn(&mut self, table: &str, column: &str, reason: String) {
        self.warnings.push(Warning {
            table: table.to_owned(),
            column: column.to_owned(),
            reason,
        });
    }

    fn table(&mut self, table: &Table) -> TablePlan {
        let def = &table.definition;
        self.whole_table_layered = false;
        self.whole_table_layered = self.layered(&def.logical_name);
        let struct_name = type_name(&def.schema_name);
        let layer_name = self
            .options
            .layer_prefix
            .as_deref()
            .map(|p| format!("{}{struct_name}", type_name(p)));
        let mut plan = TablePlan {
            logical_name: def.logical_name.clone(),
            base: StructPlan {
                rust_name: struct_name.clone(),
                doc: doc_lines(def.description.text()),
                columns: Vec::new(),
                identity: Some((
                    def.logical_name.clone(),
                    def.entity_set_name
                        .clone()
                        .unwrap_or_else(|| format!("{}s", def.logical_name)),
                    def.primary_id_attribute.clone(),
                    def.primary_name_attribute.clone(),
                )),
                extends: None,
            },
            layer: None,
            choices: Vec::new(),
            lookups: Vec::new(),
        };
        if def.entity_set_name.is_none() {
            self.warn(
                &def.logical_name,
                "",
                "no `EntitySetName` in the definition; the entity set is assumed to be the logical name + `s`".to_owned(),
            );
        }
        let mut layer_columns = Vec::new();
        let state_choice = def
            .attributes
            .iter()
            .find(|a| a.attribute_type.as_deref() == Some("State"))
            .and_then(|a| a.option_set.as_ref().or(a.global_option_set.as_ref()))
            .cloned();
        let mut attributes: Vec<&Attribute> = def.attributes.iter().collect();
        attributes.sort_by(|a, b| a.logical_name.cmp(&b.logical_name));
        for attribute in attributes {
            let name = attribute.logical_name.as_str();
            if !self.selected(name) {
                continue;
            }
            let kind = match attribute_kind(attribute) {
                Ok(kind) => kind,
                Err(reason) => {
                    self.warn(&def.logical_name, name, format!("skipped: {reason}"));
                    continue;
                }
            };
            let mut column = self.column(attribute, kind);
            let layered_column = self.layered(name);
            let mut layered_type = None;
            match kind {
                ColumnKind::Choice | ColumnKind::MultiChoice => {
                    let Some(set) = attribute
                        .option_set
                        .as_ref()
                        .or(attribute.global_option_set.as_ref())
                    else {
                        self.warn(
                            &def.logical_name,
                            name,
                            "skipped: no option set; save the attribute cast file with `$expand=OptionSet,GlobalOptionSet` (see the README)".to_owned(),
                        );
                        continue;
                    };
                    let is_status = attribute.attribute_type.as_deref() == Some("Status");
                    let Some((base, layer)) = self.choice(
                        set,
                        attribute,
                        is_status.then_some(()).and(state_choice.as_ref()),
                        layered_column,
                        &mut plan,
                    ) else {
                        continue;
                    };
                    column.type_ref = Some(base);
                    layered_type = layer;
                }
                ColumnKind::Lookup => {
                    match self.lookup(table, attribute, &struct_name, layered_column, &mut plan) {
                        Some((base, layer)) => {
                            column.type_ref = Some(base);
                            layered_type = layer;
                        }
                        None => continue,
                    }
                }
                _ => {}
            }
            if layered_column {
                layer_columns.push(column);
            } else {
                if let Some(layer_type) = layered_type {
                    let mut over = column.clone();
                    over.type_ref = Some(layer_type);
                    layer_columns.push(over);
                }
                plan.base.columns.push(column);
            }
        }
        if let (Some(layer_name), Some(prefix)) = (layer_name, &self.options.layer_prefix)
            && !layer_columns.is_empty()
        {
            plan.layer = Some(StructPlan {
                rust_name: layer_name,
                doc: vec![format!(
                    " The `{prefix}` publisher's layer over [`{struct_name}`]: its columns, options and targets."
                )],
                columns: layer_columns,
                identity: None,
                extends: Some((struct_name, prefix.clone())),
            });
        }
        plan
    }

    fn column(&self, attribute: &Attribute, kind: ColumnKind) -> ColumnPlan {
        let read_only = attribute.is_valid_for_create == Some(false)
            && attribute.is_valid_for_update == Some(false);
        let mut doc = doc_lines(attribute.description.text());
        let mut facts = vec![attribute.attribute_type.clone().unwrap_or_default()];
        if attribute.required_level() != "None" {
            facts.push(attribute.required_level().to_owned());
        }
        if read_only {
            facts.push("read-only".to_owned());
        }
        if !doc.is_empty() {
            doc.push(String::new());
        }
        doc.push(format!(
            "`{}`: {}.",
            attribute.schema_name,
            facts.join(", ")
        ));
        let (min, max) = match kind {
            // the type's own range is no constraint
            ColumnKind::Integer | ColumnKind::BigInt => {
                let (lo, hi) = if kind == ColumnKind::Integer {
                    (i64::from(i32::MIN), i64::from(i32::MAX))
                } else {
                    (i64::MIN, i64::MAX)
                };
                (
                    attribute
                        .min_value
                        .as_ref()
                        .filter(|n| n.as_i64() != Some(lo)),
                    attribute
                        .max_value
                        .as_ref()
                        .filter(|n| n.as_i64() != Some(hi)),
                )
            }
            ColumnKind::Decimal | ColumnKind::Money | ColumnKind::Float => {
                (attribute.min_value.as_ref(), attribute.max_value.as_ref())
            }
            _ => (None, None),
        };
        ColumnPlan {
            logical_name: attribute.logical_name.clone(),
            field: field_name(&attribute.logical_name),
            kind,
            type_ref: None,
            doc,
            required_level: attribute.required_level().to_owned(),
            default: column_default(attribute, kind),
            boolean_labels: boolean_labels(attribute, kind),
            read_only,
            max_length: attribute.max_length.filter(|_| {
                kind == ColumnKind::Text
                    && attribute.attribute_type.as_deref() != Some("EntityName")
            }),
            min: min.map(number_text),
            max: max.map(number_text),
            precision: attribute
                .precision
                .filter(|_| matches!(kind, ColumnKind::Decimal | ColumnKind::Money)),
        }
    }
}

/// The default a column declares: a Boolean's `DefaultValue`, or a choice's
/// `DefaultFormValue` when it is one of the column's options (`-1` is none).
fn column_default(attribute: &Attribute, kind: ColumnKind) -> Option<String> {
    match kind {
        ColumnKind::Boolean => attribute
            .default_value
            .as_ref()
            .and_then(serde_json::Value::as_bool)
            .map(|value| value.to_string()),
        ColumnKind::Choice | ColumnKind::MultiChoice => {
            let value = attribute.default_form_value?;
            let set = attribute
                .option_set
                .as_ref()
                .or(attribute.global_option_set.as_ref())?;
            set.options
                .iter()
                .any(|o| o.value == value)
                .then(|| value.to_string())
        }
        _ => None,
    }
}

/// A Boolean column's two labels (true, false) in every language, when the metadata has
/// its option set.
fn boolean_labels(attribute: &Attribute, kind: ColumnKind) -> Option<[Vec<(u32, String)>; 2]> {
    if kind != ColumnKind::Boolean {
        return None;
    }
    let set = attribute.option_set.as_ref()?;
    let labels = |option: &Option<crate::input::OptionValue>| -> Option<Vec<(u32, String)>> {
        let all = option.as_ref()?.label.all();
        (!all.is_empty()).then(|| all.into_iter().map(|(l, t)| (l, t.to_owned())).collect())
    };
    Some([labels(&set.true_option)?, labels(&set.false_option)?])
}

#[cfg(test)]
mod tests {
    use super::wildcard;

    #[test]
    fn column_patterns_match_with_wildcards() {
        assert!(wildcard("*", "subject"));
        assert!(wildcard("msdyn_*", "msdyn_sessionid"));
        assert!(!wildcard("msdyn_*", "subject"));
        assert!(wildcard("*id", "activityid"));
        assert!(wildcard("owner?d", "ownerid"));
        assert!(!wildcard("owner?d", "owneridname"));
        assert!(wildcard("*name*", "owneridyominame"));
        assert!(wildcard("", ""));
        assert!(!wildcard("", "x"));
    }
}

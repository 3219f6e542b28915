//! From saved metadata to what will be declared: tables, columns, choices and lookups with
//! their Rust names, split into a base and an optional publisher layer.

use std::collections::BTreeMap;

use dataverse_model::ColumnKind;

use crate::folder::{Metadata, Table};
use crate::input::{Attribute, Cascade, OptionSet, Relationship};
use crate::naming::{field_name, option_variants, type_name};
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
    pub required: bool,
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

fn cascade_of(c: &Cascade) -> [(&'static str, String); 8] {
    [
        ("archive", c.archive.clone()),
        ("assign", c.assign.clone()),
        ("delete", c.delete.clone()),
        ("merge", c.merge.clone()),
        ("reparent", c.reparent.clone()),
        ("rollup_view", c.rollup_view.clone()),
        ("share", c.share.clone()),
        ("unshare", c.unshare.clone()),
    ]
}

/// Whether a custom relationship may carry these values (the `lookup!` rules).
fn custom_allows(cascade: &[(&'static str, String); 8]) -> bool {
    cascade.iter().all(|(action, value)| {
        let allowed: &[&str] = match *action {
            "delete" => &["Cascade", "RemoveLink", "Restrict"],
            "merge" => &["Cascade", "NoCascade"],
            "archive" => &["Cascade", "RemoveLink", "Restrict", "NoCascade"],
            _ => &["Cascade", "Active", "UserOwned", "NoCascade"],
        };
        allowed.contains(&value.as_str())
    })
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
                    let (base, layer) = self.choice(
                        set,
                        attribute,
                        is_status.then_some(()).and(state_choice.as_ref()),
                        layered_column,
                        &mut plan,
                    );
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
        let required = attribute.required_level() == "ApplicationRequired";
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
            required,
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

    /// Declares the choice of a column (once for a global one); returns the Rust names of the
    /// base choice and of the layer, if the layer adds options.
    fn choice(
        &mut self,
        set: &OptionSet,
        attribute: &Attribute,
        state: Option<&OptionSet>,
        layered_column: bool,
        table: &mut TablePlan,
    ) -> (String, Option<String>) {
        let global = set.is_global.unwrap_or(false);
        let set = if global && set.options.is_empty() {
            self.metadata
                .global_option_sets
                .get(&set.name)
                .unwrap_or(set)
        } else {
            set
        };
        let rust_name = if set.name.is_empty() {
            format!("{}Choice", type_name(&attribute.schema_name))
        } else {
            type_name(&set.name)
        };
        let layer_name = self
            .options
            .layer_prefix
            .as_deref()
            .map(|p| format!("{}{rust_name}", type_name(p)));
        let (mut base_options, mut layer_options): (Vec<_>, Vec<_>) = set
            .options
            .iter()
            // a layer of a status choice cannot say its options' states (`choice!` takes
            // `#[state]` only with `status_of`, which goes on the base): status options stay
            .partition(|o| {
                layered_column || state.is_some() || self.layered_option(o.value).is_none()
            });
        if base_options.is_empty() {
            // a choice needs an option: the base keeps them
            base_options = std::mem::take(&mut layer_options);
        }
        let state_names = state.map(|s| {
            let pairs: Vec<(i64, &str)> = s
                .options
                .iter()
                .map(|o| (o.value, o.label.text().unwrap_or("")))
                .collect();
            let names = option_variants(&pairs, &["Unrecognized"]);
            (
                type_name(&s.name),
                s.options
                    .iter()
                    .map(|o| o.value)
                    .zip(names)
                    .collect::<Vec<_>>(),
            )
        });
        let make_options = |options: &[&crate::input::OptionValue], reserved: &[&str]| {
            let pairs: Vec<(i64, &str)> = options
                .iter()
                .map(|o| (o.value, o.label.text().unwrap_or("")))
                .collect();
            let names = option_variants(&pairs, reserved);
            options
                .iter()
                .zip(names)
                .map(|(o, variant)| OptionPlan {
                    value: o.value as i32,
                    variant,
                    labels: o
                        .label
                        .all()
                        .into_iter()
                        .map(|(l, t)| (l, t.to_owned()))
                        .collect(),
                    description: o
                        .description
                        .text()
                        .filter(|d| !d.is_empty())
                        .map(str::to_owned),
                    state: o.state.and_then(|s| {
                        state_names
                            .as_ref()
                            .and_then(|(_, names)| names.iter().find(|(v, _)| *v == s))
                            .map(|(_, n)| n.clone())
                    }),
                })
                .collect::<Vec<_>>()
        };
        let mut doc = Vec::new();
        if let Some(display) = set.display_name.text().or(attribute.display_name.text()) {
            let description = set.description.text().or(attribute.description.text());
            doc.push(match description {
                Some(d) if !d.is_empty() => format!(" {display}: {d}"),
                _ => format!(" {display}"),
            });
            doc.push(String::new());
        }
        doc.push(format!(
            " Option set `{}`{}.",
            set.name,
            if global { " (global)" } else { "" }
        ));
        let base = ChoicePlan {
            rust_name: rust_name.clone(),
            name: set.name.clone(),
            global,
            doc,
            options: make_options(&base_options, &["Unrecognized"]),
            status_of: state_names.as_ref().map(|(n, _)| n.clone()),
            extends: None,
        };
        let layer = (!layer_options.is_empty()).then(|| ChoicePlan {
            rust_name: layer_name.clone().unwrap_or_default(),
            name: set.name.clone(),
            global,
            doc: vec![format!(
                " The publisher layer of [`{rust_name}`]: the options it adds."
            )],
            options: make_options(&layer_options, &["Base", "Unrecognized"]),
            status_of: None,
            extends: Some((
                rust_name.clone(),
                self.options.layer_option_prefix.unwrap_or_default(),
            )),
        });
        let layer_rust = layer.as_ref().map(|l| l.rust_name.clone());
        let mut both = vec![base];
        both.extend(layer);
        if global {
            self.plan.globals.entry(set.name.clone()).or_insert(both);
        } else if !table.choices.iter().any(|c| c.rust_name == rust_name) {
            table.choices.extend(both);
        }
        (rust_name, layer_rust)
    }

    /// Declares the lookup of a column; returns the Rust names of the base and of the layer.
    fn lookup(
        &mut self,
        table: &Table,
        attribute: &Attribute,
        struct_name: &str,
        layered_column: bool,
        plan: &mut TablePlan,
    ) -> Option<(String, Option<String>)> {
        let def = &table.definition;
        let column = attribute.logical_name.as_str();
        let rust_name = format!("{struct_name}{}", type_name(&attribute.schema_name));
        let layer_name = self
            .options
            .layer_prefix
            .as_deref()
            .map(|p| format!("{}{rust_name}", type_name(p)));
        let relationships: Vec<&Relationship> = def
            .many_to_one_relationships
            .iter()
            .filter(|r| r.referencing_attribute == column)
            .collect();
        let targets_listed = attribute.targets.clone().unwrap_or_default();
        // a relationship to a table that is no target (ownership: `owner`) serves every target
        let shared = relationships
            .iter()
            .find(|r| !targets_listed.contains(&r.referenced_entity));
        let mut shared_used = false;
        let mut targets = Vec::new();
        for target in &targets_listed {
            let Some(entity_set) = self.metadata.entity_sets.get(target) else {
                self.warn(
                    &def.logical_name,
                    column,
                    format!("target `{target}` skipped: its entity set is not in `entitysets.json` (save it with the request in the README)"),
                );
                continue;
            };
            let own = relationships
                .iter()
                .find(|r| &r.referenced_entity == target);
            let relationship = own.or(if shared_used { None } else { shared });
            let navigation = own
                .or(shared)
                .and_then(|r| r.referencing_entity_navigation_property_name.clone());
            let relationship_plan = relationship.map(|r| {
                let cascade = cascade_of(r.cascade_configuration.as_ref().unwrap_or(&Cascade {
                    archive: "NoCascade".into(),
                    assign: "NoCascade".into(),
                    delete: "NoCascade".into(),
                    merge: "NoCascade".into(),
                    reparent: "NoCascade".into(),
                    rollup_view: "NoCascade".into(),
                    share: "NoCascade".into(),
                    unshare: "NoCascade".into(),
                }));
                RelationshipPlan {
                    schema_name: r.schema_name.clone(),
                    referenced_attribute: r.referenced_attribute.clone(),
                    referenced_entity: (&r.referenced_entity != target)
                        .then(|| r.referenced_entity.clone()),
                    system: !custom_allows(&cascade),
                    cascade,
                }
            });
            if own.is_none() && relationship.is_some() {
                shared_used = true;
            }
            if navigation.is_none() {
                self.warn(
                    &def.logical_name,
                    column,
                    format!("target `{target}`: no relationship gives its navigation property; the lookup's pattern or the `lookup!` default applies"),
                );
            }
            targets.push(TargetPlan {
                variant: type_name(target),
                logical_name: target.clone(),
                entity_set: entity_set.clone(),
                navigation,
                relationship: relationship_plan,
            });
        }
        if targets.is_empty() {
            self.warn(
                &def.logical_name,
                column,
                "skipped: no target with a known entity set".to_owned(),
            );
            return None;
        }
        let (mut base_targets, layer_targets): (Vec<_>, Vec<_>) = targets
            .into_iter()
            .partition(|t| layered_column || !self.layered(&t.logical_name));
        let mut layer_targets = layer_targets;
        if base_targets.is_empty() {
            // a lookup needs a target: keep them in the base
            base_targets = std::mem::take(&mut layer_targets);
        }
        let pattern = navigation_pattern(&base_targets);
        for t in base_targets.iter_mut().chain(layer_targets.iter_mut()) {
            if let (Some(p), Some(n)) = (&pattern, &t.navigation)
                && &p.replace("{target}", &t.logical_name) == n
            {
                t.navigation = None;
            }
        }
        let ty = attribute.attribute_type.as_deref().unwrap_or("Lookup");
        let mut doc = vec![match attribute.display_name.text() {
            Some(display) => format!(" {display} (`{column}`, {ty})"),
            None => format!(" `{column}` ({ty})"),
        }];
        if let Some(d) = attribute.description.text().filter(|d| !d.is_empty()) {
            doc[0].push_str(": ");
            doc[0].push_str(d);
        }
        plan.lookups.push(LookupPlan {
            rust_name: rust_name.clone(),
            column: column.to_owned(),
            doc,
            pattern,
            targets: base_targets,
            extends: None,
        });
        let layer_rust = (!layer_targets.is_empty()).then(|| layer_name.unwrap_or_default());
        if let Some(layer_rust) = &layer_rust {
            plan.lookups.push(LookupPlan {
                rust_name: layer_rust.clone(),
                column: column.to_owned(),
                doc: vec![format!(
                    " The publisher layer of [`{rust_name}`]: the targets it adds."
                )],
                pattern: None,
                targets: layer_targets,
                extends: Some(rust_name.clone()),
            });
        }
        Some((rust_name, layer_rust))
    }
}

/// The navigation pattern (`<...>{target}<...>`) most targets follow, when at least two do.
fn navigation_pattern(targets: &[TargetPlan]) -> Option<String> {
    if targets.len() < 2 {
        return None;
    }
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for t in targets {
        if let Some(n) = &t.navigation
            && let Some(at) = n.find(&t.logical_name)
        {
            let p = format!("{}{{target}}{}", &n[..at], &n[at + t.logical_name.len()..]);
            *counts.entry(p).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(p, _)| p)
}

//! Drift: compiled declarations compared with an environment's saved metadata.

use std::fmt;
use std::path::Path;

use dataverse_model::{ColumnKind, Entity, EntityMetadata};

use crate::folder::{ENTITY_FILE, Error, Metadata, Table};
use crate::input::{Attribute, EntityDefinition, OptionSet, Relationship};
use crate::plan::attribute_kind;
use crate::render;

/// What changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Change {
    /// The environment has a column the declarations do not (a projection may leave it out).
    ColumnAdded,
    /// A declared column is gone from the environment.
    ColumnRemoved,
    /// The column's kind differs.
    ColumnRetyped,
    /// The text column's maximum length differs.
    MaxLength,
    /// The smallest allowed number differs.
    Min,
    /// The largest allowed number differs.
    Max,
    /// The decimal places differ.
    Precision,
    /// The required level differs.
    RequiredLevel,
    /// A Boolean column's default differs.
    BooleanDefault,
    /// A Boolean option's label differs in one language.
    BooleanRelabelled,
    /// A choice column's default option differs.
    ChoiceDefault,
    /// The environment has an option the choice does not.
    OptionAdded,
    /// A declared option is gone.
    OptionRemoved,
    /// An option's label differs in one language.
    OptionRelabelled,
    /// The environment has a lookup target the declarations do not.
    TargetAdded,
    /// A declared lookup target is gone.
    TargetRemoved,
    /// A target's navigation property differs.
    Navigation,
    /// The table's or a target's entity set differs.
    EntitySet,
    /// A declared relationship is gone.
    RelationshipRemoved,
    /// A cascade action differs.
    Cascade,
}

/// One difference: where, what, the declared (old) and the environment's (new) value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Difference {
    /// The table's logical name.
    pub table: String,
    /// The column's logical name (empty for the table itself).
    pub column: String,
    /// What changed.
    pub change: Change,
    /// What it is about within the column (an option value and language, a target, a
    /// relationship and action); empty when the column says it all.
    pub item: String,
    /// The declared value (`-` for none).
    pub old: String,
    /// The environment's value (`-` for none).
    pub new: String,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`", self.table)?;
        if !self.column.is_empty() {
            write!(f, " column `{}`", self.column)?;
        }
        write!(f, ": {:?}", self.change)?;
        if !self.item.is_empty() {
            write!(f, " {}", self.item)?;
        }
        write!(f, ": declared {:?}, environment {:?}", self.old, self.new)
    }
}

/// The differences between the declarations of `T` (with its bases) and the metadata folder
/// `dir`, sorted. Empty when the declarations match the environment.
///
/// ```no_run
/// # #[dataverse_model::dataverse_entity(logical_name = "account", entity_set = "accounts", primary_id = "accountid")]
/// # struct Account { accountid: Option<dataverse_model::Guid> }
/// let drift = dataverse_model_codegen::drift::<Account>("metadata".as_ref())?;
/// assert!(drift.is_empty(), "{drift:#?}");
/// # Ok::<(), dataverse_model_codegen::Error>(())
/// ```
pub fn drift<T: Entity>(dir: &Path) -> Result<Vec<Difference>, Error> {
    drift_of(T::METADATA, &Metadata::read(dir)?)
}

/// [`drift`] for compiled metadata and a folder already read.
pub fn drift_of(table: &'static EntityMetadata, live: &Metadata) -> Result<Vec<Difference>, Error> {
    drift_between(&declared(table)?, live)
}

/// The compiled declarations as the metadata they render to (one mechanism compares both).
fn declared(table: &'static EntityMetadata) -> Result<Metadata, Error> {
    let definition: EntityDefinition = serde_json::from_value(render::entity_definition(table))
        .map_err(|e| {
            let file = Path::new("<compiled declarations>");
            Error::new(file, None, format!("cannot read the rendering back: {e}"))
        })?;
    let mut metadata = Metadata::default();
    if let Some(rows) = render::entity_sets(&[table])["value"].as_array() {
        for row in rows {
            if let (Some(l), Some(s)) = (row["LogicalName"].as_str(), row["EntitySetName"].as_str())
            {
                metadata.entity_sets.insert(l.to_owned(), s.to_owned());
            }
        }
    }
    metadata.tables.insert(
        definition.logical_name.clone(),
        Table {
            definition,
            folder: Default::default(),
        },
    );
    Ok(metadata)
}

/// The differences between every table of `declared` (a folder rendered from declarations)
/// and the same table in `live`, sorted.
pub fn drift_between(declared: &Metadata, live: &Metadata) -> Result<Vec<Difference>, Error> {
    let mut out = Vec::new();
    for (name, table) in &declared.tables {
        let Some(live_table) = live.tables.get(name) else {
            return Err(Error::new(
                &live.root.join(name).join(ENTITY_FILE),
                None,
                format!("table `{name}` is not in the metadata folder; save its definition there"),
            ));
        };
        let mut differences = Differences {
            table: name,
            list: Vec::new(),
            declared,
            live,
        };
        differences.table(&table.definition, &live_table.definition);
        out.extend(differences.list);
    }
    out.sort();
    Ok(out)
}

struct Differences<'a> {
    table: &'a str,
    list: Vec<Difference>,
    declared: &'a Metadata,
    live: &'a Metadata,
}

fn show<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| v.to_string())
}

fn number(n: Option<&serde_json::Number>) -> Option<f64> {
    n.and_then(|n| n.as_f64().or_else(|| n.to_string().parse().ok()))
}

fn option_set<'a>(attribute: &'a Attribute, metadata: &'a Metadata) -> Option<&'a OptionSet> {
    let set = attribute
        .option_set
        .as_ref()
        .or(attribute.global_option_set.as_ref())?;
    Some(if set.options.is_empty() {
        metadata.global_option_sets.get(&set.name).unwrap_or(set)
    } else {
        set
    })
}

impl Differences<'_> {
    fn push(&mut self, column: &str, change: Change, item: &str, old: &str, new: &str) {
        self.list.push(Difference {
            table: self.table.to_owned(),
            column: column.to_owned(),
            change,
            item: item.to_owned(),
            old: old.to_owned(),
            new: new.to_owned(),
        });
    }

    fn compare(&mut self, column: &str, change: Change, item: &str, old: &str, new: &str) {
        if old != new {
            self.push(column, change, item, old, new);
        }
    }

    fn table(&mut self, declared: &EntityDefinition, live: &EntityDefinition) {
        if let (Some(old), Some(new)) = (&declared.entity_set_name, &live.entity_set_name) {
            self.compare("", Change::EntitySet, "", old, new);
        }
        for column in &declared.attributes {
            match live
                .attributes
                .iter()
                .find(|a| a.logical_name == column.logical_name)
            {
                None => self.push(
                    &column.logical_name,
                    Change::ColumnRemoved,
                    "",
                    "declared",
                    "-",
                ),
                Some(attribute) => self.column(column, attribute, declared, live),
            }
        }
        for attribute in &live.attributes {
            if attribute_kind(attribute).is_ok()
                && !declared
                    .attributes
                    .iter()
                    .any(|c| c.logical_name == attribute.logical_name)
            {
                self.push(
                    &attribute.logical_name,
                    Change::ColumnAdded,
                    "",
                    "-",
                    attribute.attribute_type.as_deref().unwrap_or("?"),
                );
            }
        }
    }

    fn column(
        &mut self,
        column: &Attribute,
        attribute: &Attribute,
        declared_table: &EntityDefinition,
        live_table: &EntityDefinition,
    ) {
        let name = column.logical_name.as_str();
        let old_kind = attribute_kind(column).map_or_else(|e| e, |k| format!("{k:?}"));
        let kind = match attribute_kind(attribute) {
            Ok(kind) if format!("{kind:?}") == old_kind => kind,
            Ok(kind) => {
                return self.push(
                    name,
                    Change::ColumnRetyped,
                    "",
                    &old_kind,
                    &format!("{kind:?}"),
                );
            }
            Err(reason) => return self.push(name, Change::ColumnRetyped, "", &old_kind, &reason),
        };
        if kind == ColumnKind::Text && column.max_length.is_some() {
            let live_length = attribute
                .max_length
                .filter(|_| attribute.attribute_type.as_deref() != Some("EntityName"));
            self.compare(
                name,
                Change::MaxLength,
                "",
                &show(column.max_length),
                &show(live_length),
            );
        }
        let limits = match kind {
            ColumnKind::Integer => Some((f64::from(i32::MIN), f64::from(i32::MAX))),
            ColumnKind::BigInt => Some((i64::MIN as f64, i64::MAX as f64)),
            _ => None,
        };
        for (change, old, new, limit) in [
            (
                Change::Min,
                &column.min_value,
                &attribute.min_value,
                limits.map(|l| l.0),
            ),
            (
                Change::Max,
                &column.max_value,
                &attribute.max_value,
                limits.map(|l| l.1),
            ),
        ] {
            // a declared bound is compared; the type's own limit is no bound
            let old = number(old.as_ref());
            let new = number(new.as_ref()).filter(|v| Some(*v) != limit);
            if old.is_some() && old != new {
                self.push(name, change, "", &show(old), &show(new));
            }
        }
        if column.precision.is_some() {
            self.compare(
                name,
                Change::Precision,
                "",
                &show(column.precision),
                &show(attribute.precision),
            );
        }
        self.compare(
            name,
            Change::RequiredLevel,
            "",
            column.required_level(),
            attribute.required_level(),
        );
        self.defaults(name, column, attribute);
        if let Some(set) = option_set(column, self.declared) {
            self.options(name, set, attribute);
        }
        if column.targets.is_some() {
            self.targets(name, column, attribute, declared_table, live_table);
        }
    }

    /// A declared Boolean default and labels, and a choice's default option (`-1`, none,
    /// when not declared), against the environment's where it gives them.
    fn defaults(&mut self, name: &str, column: &Attribute, attribute: &Attribute) {
        let boolean = |a: &Attribute| a.default_value.as_ref().and_then(|v| v.as_bool());
        if let (Some(old), Some(new)) = (boolean(column), boolean(attribute)) {
            self.compare(
                name,
                Change::BooleanDefault,
                "",
                &old.to_string(),
                &new.to_string(),
            );
        }
        if let (Some(old), Some(new)) = (column.default_form_value, attribute.default_form_value) {
            self.compare(
                name,
                Change::ChoiceDefault,
                "",
                &old.to_string(),
                &new.to_string(),
            );
        }
        let (Some(declared), Some(live)) = (&column.option_set, &attribute.option_set) else {
            return;
        };
        for (value, old, new) in [
            (1, &declared.true_option, &live.true_option),
            (0, &declared.false_option, &live.false_option),
        ] {
            let (Some(old), Some(new)) = (old, new) else {
                continue;
            };
            for (lcid, label) in old.label.all() {
                self.compare(
                    name,
                    Change::BooleanRelabelled,
                    &format!("option {value} language {lcid}"),
                    label,
                    new.label.get(lcid).unwrap_or("-"),
                );
            }
        }
    }

    fn options(&mut self, name: &str, declared: &OptionSet, attribute: &Attribute) {
        let Some(live) = option_set(attribute, self.live) else {
            return;
        };
        for option in &declared.options {
            let item = format!("option {}", option.value);
            match live.options.iter().find(|o| o.value == option.value) {
                None => self.push(
                    name,
                    Change::OptionRemoved,
                    &item,
                    option.label.text().unwrap_or(""),
                    "-",
                ),
                Some(live_option) => {
                    for (lcid, label) in option.label.all() {
                        let new = live_option.label.get(lcid).unwrap_or("-");
                        self.compare(
                            name,
                            Change::OptionRelabelled,
                            &format!("{item} language {lcid}"),
                            label,
                            new,
                        );
                    }
                }
            }
        }
        for option in &live.options {
            if !declared.options.iter().any(|o| o.value == option.value) {
                let item = format!("option {}", option.value);
                self.push(
                    name,
                    Change::OptionAdded,
                    &item,
                    "-",
                    option.label.text().unwrap_or(""),
                );
            }
        }
    }

    fn targets(
        &mut self,
        name: &str,
        column: &Attribute,
        attribute: &Attribute,
        declared_table: &EntityDefinition,
        live_table: &EntityDefinition,
    ) {
        let declared_targets = column.targets.clone().unwrap_or_default();
        let live_targets = attribute.targets.clone().unwrap_or_default();
        let relationships = |t: &EntityDefinition| -> Vec<Relationship> {
            t.many_to_one_relationships
                .iter()
                .filter(|r| r.referencing_attribute == name)
                .cloned()
                .collect()
        };
        let (declared_rels, live_rels) = (relationships(declared_table), relationships(live_table));
        for target in &declared_targets {
            let item = format!("target `{target}`");
            if !live_targets.contains(target) {
                self.push(name, Change::TargetRemoved, &item, target, "-");
                continue;
            }
            if let (Some(old), Some(new)) = (
                self.declared.entity_sets.get(target),
                self.live.entity_sets.get(target),
            ) {
                self.compare(name, Change::EntitySet, &item, old, new);
            }
            let navigation = |rels: &[Relationship]| {
                rels.iter()
                    .find(|r| &r.referenced_entity == target)
                    .and_then(|r| r.referencing_entity_navigation_property_name.clone())
            };
            if let (Some(old), Some(new)) = (navigation(&declared_rels), navigation(&live_rels)) {
                self.compare(name, Change::Navigation, &item, &old, &new);
            }
        }
        for target in &live_targets {
            if !declared_targets.contains(target) {
                self.push(
                    name,
                    Change::TargetAdded,
                    &format!("target `{target}`"),
                    "-",
                    target,
                );
            }
        }
        for relationship in &declared_rels {
            let item = format!("relationship `{}`", relationship.schema_name);
            let Some(live) = live_rels
                .iter()
                .find(|r| r.schema_name == relationship.schema_name)
            else {
                // a removed target already says it
                if !declared_targets.contains(&relationship.referenced_entity)
                    || live_targets.contains(&relationship.referenced_entity)
                {
                    self.push(
                        name,
                        Change::RelationshipRemoved,
                        &item,
                        &relationship.schema_name,
                        "-",
                    );
                }
                continue;
            };
            if let (Some(old), Some(new)) = (
                &relationship.cascade_configuration,
                &live.cascade_configuration,
            ) {
                let pairs = [
                    ("Archive", &old.archive, &new.archive),
                    ("Assign", &old.assign, &new.assign),
                    ("Delete", &old.delete, &new.delete),
                    ("Merge", &old.merge, &new.merge),
                    ("Reparent", &old.reparent, &new.reparent),
                    ("RollupView", &old.rollup_view, &new.rollup_view),
                    ("Share", &old.share, &new.share),
                    ("Unshare", &old.unshare, &new.unshare),
                ];
                for (action, old, new) in pairs {
                    self.compare(name, Change::Cascade, &format!("{item} {action}"), old, new);
                }
            }
        }
    }
}

//! Drift: compiled declarations compared with an environment's saved metadata.

use std::fmt;
use std::path::Path;

use dataverse_model::{ColumnKind, ColumnMetadata, Entity, EntityMetadata};

use crate::folder::{ENTITY_FILE, Error, Metadata};
use crate::input::{Attribute, EntityDefinition, Relationship};
use crate::plan::attribute_kind;
use crate::render::effective_columns;

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
pub fn drift_of(
    table: &'static EntityMetadata,
    metadata: &Metadata,
) -> Result<Vec<Difference>, Error> {
    let id = std::iter::successors(Some(table), |t| t.base)
        .last()
        .unwrap_or(table);
    let Some(live) = metadata.tables.get(id.logical_name) else {
        return Err(Error::new(
            &metadata.root.join(id.logical_name).join(ENTITY_FILE),
            None,
            format!(
                "table `{}` is not in the metadata folder; save its definition there",
                id.logical_name
            ),
        ));
    };
    let mut out = Differences {
        table: id.logical_name,
        list: Vec::new(),
    };
    let live = &live.definition;
    if let Some(set) = &live.entity_set_name {
        out.compare("", Change::EntitySet, "", id.entity_set, set);
    }
    let declared = effective_columns(table);
    for column in &declared {
        match live
            .attributes
            .iter()
            .find(|a| a.logical_name == column.logical_name)
        {
            None => out.push(
                column.logical_name,
                Change::ColumnRemoved,
                "",
                "declared",
                "-",
            ),
            Some(attribute) => compare_column(&mut out, column, attribute, live, metadata),
        }
    }
    for attribute in &live.attributes {
        if attribute_kind(attribute).is_ok()
            && !declared
                .iter()
                .any(|c| c.logical_name == attribute.logical_name)
        {
            out.push(
                &attribute.logical_name,
                Change::ColumnAdded,
                "",
                "-",
                attribute.attribute_type.as_deref().unwrap_or("?"),
            );
        }
    }
    out.list.sort();
    Ok(out.list)
}

struct Differences<'a> {
    table: &'a str,
    list: Vec<Difference>,
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
}

fn show<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| v.to_string())
}

fn live_number(n: Option<&serde_json::Number>) -> Option<f64> {
    n.and_then(|n| n.as_f64().or_else(|| n.to_string().parse().ok()))
}

fn compare_column(
    out: &mut Differences<'_>,
    column: &ColumnMetadata,
    attribute: &Attribute,
    live: &EntityDefinition,
    metadata: &Metadata,
) {
    let name = column.logical_name;
    let kind = match attribute_kind(attribute) {
        Ok(kind) => kind,
        Err(reason) => {
            out.push(
                name,
                Change::ColumnRetyped,
                "",
                &format!("{:?}", column.kind),
                &reason,
            );
            return;
        }
    };
    // money may be declared as `Decimal` with `money`, or `Money`: both are Money
    if kind != column.kind {
        out.push(
            name,
            Change::ColumnRetyped,
            "",
            &format!("{:?}", column.kind),
            &format!("{kind:?}"),
        );
        return;
    }
    if kind == ColumnKind::Text {
        let live_length = attribute
            .max_length
            .filter(|_| attribute.attribute_type.as_deref() != Some("EntityName"));
        if column.max_length.is_some() || live_length.is_some() {
            out.compare(
                name,
                Change::MaxLength,
                "",
                &show(column.max_length),
                &show(live_length),
            );
        }
    }
    let limits = match kind {
        ColumnKind::Integer => Some((f64::from(i32::MIN), f64::from(i32::MAX))),
        ColumnKind::BigInt => Some((i64::MIN as f64, i64::MAX as f64)),
        _ => None,
    };
    if matches!(
        kind,
        ColumnKind::Integer
            | ColumnKind::BigInt
            | ColumnKind::Decimal
            | ColumnKind::Money
            | ColumnKind::Float
    ) {
        for (change, declared, live_value, limit) in [
            (
                Change::Min,
                column.min,
                live_number(attribute.min_value.as_ref()),
                limits.map(|l| l.0),
            ),
            (
                Change::Max,
                column.max,
                live_number(attribute.max_value.as_ref()),
                limits.map(|l| l.1),
            ),
        ] {
            // the type's own limit is no constraint; an undeclared bound is compared only
            // when the environment sets one
            let live_value = live_value.filter(|v| Some(*v) != limit);
            if declared.is_some() && declared != live_value {
                out.push(name, change, "", &show(declared), &show(live_value));
            }
        }
    }
    if matches!(kind, ColumnKind::Decimal | ColumnKind::Money) && column.precision.is_some() {
        let live_precision = attribute.precision.and_then(|p| u32::try_from(p).ok());
        out.compare(
            name,
            Change::Precision,
            "",
            &show(column.precision),
            &show(live_precision),
        );
    }
    let level = attribute.required_level();
    let live_required = level == "ApplicationRequired";
    if column.required != live_required {
        let declared = if column.required {
            "ApplicationRequired"
        } else {
            "None"
        };
        out.push(name, Change::RequiredLevel, "", declared, level);
    }
    if let Some(choice) = column.choice {
        compare_options(out, name, choice, attribute, metadata);
    }
    if let Some(lookup) = column.lookup {
        compare_targets(out, name, lookup, attribute, live, metadata);
    }
}

fn compare_options(
    out: &mut Differences<'_>,
    name: &str,
    choice: &'static dataverse_model::ChoiceMetadata,
    attribute: &Attribute,
    metadata: &Metadata,
) {
    let Some(set) = attribute
        .option_set
        .as_ref()
        .or(attribute.global_option_set.as_ref())
    else {
        return;
    };
    let set = if set.options.is_empty() {
        metadata.global_option_sets.get(&set.name).unwrap_or(set)
    } else {
        set
    };
    for option in choice.effective_options() {
        let item = format!("option {}", option.value);
        match set
            .options
            .iter()
            .find(|o| o.value == i64::from(option.value))
        {
            None => out.push(name, Change::OptionRemoved, &item, option.label, "-"),
            Some(live) => {
                let declared: Vec<(u32, &str)> = if option.labels.is_empty() {
                    vec![(1033, option.label)]
                } else {
                    option.labels.iter().map(|l| (l.lcid, l.label)).collect()
                };
                for (lcid, label) in declared {
                    let live_label = live.label.get(lcid).unwrap_or("-");
                    out.compare(
                        name,
                        Change::OptionRelabelled,
                        &format!("{item} language {lcid}"),
                        label,
                        live_label,
                    );
                }
            }
        }
    }
    for live in &set.options {
        let known = i32::try_from(live.value).is_ok_and(|v| choice.contains(v));
        if !known {
            out.push(
                name,
                Change::OptionAdded,
                &format!("option {}", live.value),
                "-",
                live.label.text().unwrap_or(""),
            );
        }
    }
}

fn compare_targets(
    out: &mut Differences<'_>,
    name: &str,
    lookup: &'static dataverse_model::LookupMetadata,
    attribute: &Attribute,
    live: &EntityDefinition,
    metadata: &Metadata,
) {
    let live_targets = attribute.targets.clone().unwrap_or_default();
    let relationships: Vec<&Relationship> = live
        .many_to_one_relationships
        .iter()
        .filter(|r| r.referencing_attribute == name)
        .collect();
    for target in lookup.all_targets() {
        let item = format!("target `{}`", target.logical_name);
        if !live_targets.iter().any(|t| t == target.logical_name) {
            out.push(name, Change::TargetRemoved, &item, target.logical_name, "-");
            continue;
        }
        if let Some(set) = metadata.entity_sets.get(target.logical_name) {
            out.compare(name, Change::EntitySet, &item, target.entity_set, set);
        }
        let own = relationships
            .iter()
            .find(|r| r.referenced_entity == target.logical_name);
        if let Some(nav) =
            own.and_then(|r| r.referencing_entity_navigation_property_name.as_deref())
        {
            out.compare(name, Change::Navigation, &item, target.navigation, nav);
        }
        let Some(declared) = target.relationship else {
            continue;
        };
        let item = format!("relationship `{}`", declared.schema_name);
        let Some(live_rel) = relationships
            .iter()
            .find(|r| r.schema_name == declared.schema_name)
        else {
            out.push(
                name,
                Change::RelationshipRemoved,
                &item,
                declared.schema_name,
                "-",
            );
            continue;
        };
        if let Some(cascade) = &live_rel.cascade_configuration {
            let live_actions = [
                &cascade.archive,
                &cascade.assign,
                &cascade.delete,
                &cascade.merge,
                &cascade.reparent,
                &cascade.rollup_view,
                &cascade.share,
                &cascade.unshare,
            ];
            for ((action, value), live_value) in
                declared.cascade.actions().into_iter().zip(live_actions)
            {
                out.compare(
                    name,
                    Change::Cascade,
                    &format!("{item} {action}"),
                    value.name(),
                    live_value,
                );
            }
        }
    }
    for target in &live_targets {
        if !lookup.has_target(target) {
            out.push(
                name,
                Change::TargetAdded,
                &format!("target `{target}`"),
                "-",
                target,
            );
        }
    }
}

//! Compiled declarations out as metadata JSON, in the shape the generator reads.
//!
//! A table is rendered as the top layer sees it: every column of every layer (an upper
//! layer's declaration of a column wins), every option and target of every layer.

use std::collections::BTreeMap;
use std::path::Path;

use dataverse_model::{
    ChoiceMetadata, ColumnDefault, ColumnKind, ColumnMetadata, EntityMetadata, LookupMetadata,
};
use serde_json::{Map, Value, json};

/// The columns of `table` and its bases as the top layer sees them, sorted by logical name.
pub fn effective_columns(table: &'static EntityMetadata) -> Vec<&'static ColumnMetadata> {
    let mut layers: Vec<&'static EntityMetadata> =
        std::iter::successors(Some(table), |t| t.base).collect();
    layers.reverse();
    let mut columns: BTreeMap<&str, &'static ColumnMetadata> = BTreeMap::new();
    for layer in layers {
        for column in layer.columns {
            columns.insert(column.logical_name, column);
        }
    }
    columns.into_values().collect()
}

/// The bottom-most layer: the one that names the table.
fn identity(table: &'static EntityMetadata) -> &'static EntityMetadata {
    std::iter::successors(Some(table), |t| t.base)
        .last()
        .unwrap_or(table)
}

fn label(text: &str) -> Value {
    json!({
        "LocalizedLabels": [{"Label": text, "LanguageCode": 1033}],
        "UserLocalizedLabel": {"Label": text, "LanguageCode": 1033},
    })
}

fn labels(all: &[dataverse_model::LocalizedLabel], neutral: &str) -> Value {
    let mut list: Vec<Value> = all
        .iter()
        .map(|l| json!({"Label": l.label, "LanguageCode": l.lcid}))
        .collect();
    if !all.iter().any(|l| l.lcid == 1033) {
        list.insert(0, json!({"Label": neutral, "LanguageCode": 1033}));
    }
    json!({
        "LocalizedLabels": list,
        "UserLocalizedLabel": {"Label": neutral, "LanguageCode": 1033},
    })
}

fn number(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        json!(value as i64)
    } else {
        serde_json::Number::from_f64(value).map_or(Value::Null, Value::Number)
    }
}

/// The option set of a choice as the top layer sees it.
pub fn option_set(choice: &'static ChoiceMetadata, set_type: &str) -> Value {
    let options: Vec<Value> = choice
        .effective_options()
        .map(|o| {
            let mut option = json!({
                "Value": o.value,
                "Label": labels(o.labels, o.label),
                "Description": if o.description.is_empty() {
                    json!({"LocalizedLabels": [], "UserLocalizedLabel": null})
                } else {
                    label(o.description)
                },
            });
            if let Some(state) = o.state {
                option["State"] = json!(state);
            }
            option
        })
        .collect();
    json!({
        "Name": choice.name,
        "IsGlobal": choice.global,
        "OptionSetType": set_type,
        "Options": options,
    })
}

fn attribute(column: &'static ColumnMetadata, state_choices: &[&'static ChoiceMetadata]) -> Value {
    let (cast, ty, type_name) = match column.kind {
        ColumnKind::Text => ("StringAttributeMetadata", "String", "StringType"),
        ColumnKind::Integer => ("IntegerAttributeMetadata", "Integer", "IntegerType"),
        ColumnKind::BigInt => ("BigIntAttributeMetadata", "BigInt", "BigIntType"),
        ColumnKind::Decimal => ("DecimalAttributeMetadata", "Decimal", "DecimalType"),
        ColumnKind::Money => ("MoneyAttributeMetadata", "Money", "MoneyType"),
        ColumnKind::Float => ("DoubleAttributeMetadata", "Double", "DoubleType"),
        ColumnKind::Boolean => ("BooleanAttributeMetadata", "Boolean", "BooleanType"),
        ColumnKind::Guid => (
            "UniqueIdentifierAttributeMetadata",
            "Uniqueidentifier",
            "UniqueidentifierType",
        ),
        ColumnKind::DateTime | ColumnKind::DateOnly => {
            ("DateTimeAttributeMetadata", "DateTime", "DateTimeType")
        }
        ColumnKind::MultiChoice => (
            "MultiSelectPicklistAttributeMetadata",
            "Virtual",
            "MultiSelectPicklistType",
        ),
        ColumnKind::Choice => match column.choice {
            Some(c) if c.layers().any(|l| l.state_choice.is_some()) => {
                ("StatusAttributeMetadata", "Status", "StatusType")
            }
            Some(c) if state_choices.iter().any(|s| s.name == c.name) => {
                ("StateAttributeMetadata", "State", "StateType")
            }
            _ => ("PicklistAttributeMetadata", "Picklist", "PicklistType"),
        },
        ColumnKind::Lookup => ("LookupAttributeMetadata", "Lookup", "LookupType"),
        ColumnKind::PartyList => ("LookupAttributeMetadata", "PartyList", "PartyListType"),
        _ => ("AttributeMetadata", "String", "StringType"),
    };
    let mut a = Map::new();
    a.insert(
        "@odata.type".into(),
        json!(format!("#Microsoft.Dynamics.CRM.{cast}")),
    );
    a.insert("LogicalName".into(), json!(column.logical_name));
    a.insert("SchemaName".into(), json!(column.logical_name));
    a.insert("AttributeType".into(), json!(ty));
    a.insert("AttributeTypeName".into(), json!({"Value": type_name}));
    a.insert("IsValidForCreate".into(), json!(!column.read_only));
    a.insert("IsValidForUpdate".into(), json!(!column.read_only));
    let level = column.required_level.as_str();
    a.insert(
        "RequiredLevel".into(),
        json!({"Value": level, "CanBeChanged": true, "ManagedPropertyLogicalName": "canmodifyrequirementlevelsettings"}),
    );
    if let Some(n) = column.max_length {
        a.insert("MaxLength".into(), json!(n));
    }
    if let Some(n) = column.min {
        a.insert("MinValue".into(), number(n));
    }
    if let Some(n) = column.max {
        a.insert("MaxValue".into(), number(n));
    }
    if let Some(n) = column.precision {
        a.insert("Precision".into(), json!(n));
    }
    if column.kind == ColumnKind::DateOnly {
        a.insert("DateTimeBehavior".into(), json!({"Value": "DateOnly"}));
        a.insert("Format".into(), json!("DateOnly"));
    }
    if let Some(choice) = column.choice {
        let set_type = match ty {
            "State" | "Status" => ty,
            _ => "Picklist",
        };
        a.insert("OptionSet".into(), option_set(choice, set_type));
    }
    match column.default {
        Some(ColumnDefault::Boolean(value)) => {
            a.insert("DefaultValue".into(), json!(value));
        }
        Some(ColumnDefault::Choice(value)) => {
            a.insert("DefaultFormValue".into(), json!(value));
        }
        // Dataverse writes a choice without default as `-1`
        None if column.choice.is_some() => {
            a.insert("DefaultFormValue".into(), json!(-1));
        }
        None => {}
    }
    if let Some(labels) = column.boolean {
        let option = |value: bool, all| {
            let neutral = labels.label(value).unwrap_or_default();
            json!({"Value": i32::from(value), "Label": self::labels(all, neutral)})
        };
        a.insert(
            "OptionSet".into(),
            json!({
                "OptionSetType": "Boolean",
                "TrueOption": option(true, labels.true_labels),
                "FalseOption": option(false, labels.false_labels),
            }),
        );
    }
    if let Some(lookup) = column.lookup {
        let targets: Vec<&str> = lookup.all_targets().map(|t| t.logical_name).collect();
        a.insert("Targets".into(), json!(targets));
    }
    Value::Object(a)
}

/// The many-to-one relationships a compiled lookup (all its layers) declares, as
/// `ManyToOneRelationships` entries of the referencing table `table`, with their schema names.
pub fn lookup_relationships(
    lookup: &'static LookupMetadata,
    table: &str,
) -> Vec<(&'static str, Value)> {
    lookup
        .relationships()
        .map(|r| {
            let c = &r.cascade;
            let json = json!({
                "SchemaName": r.schema_name,
                "ReferencedEntity": r.referenced_entity,
                "ReferencedAttribute": r.referenced_attribute,
                "ReferencingEntity": table,
                "ReferencingAttribute": r.referencing_attribute,
                "ReferencingEntityNavigationPropertyName": r.referencing_navigation,
                "CascadeConfiguration": {
                    "Archive": c.archive.name(), "Assign": c.assign.name(),
                    "Delete": c.delete.name(), "Merge": c.merge.name(),
                    "Reparent": c.reparent.name(), "RollupView": c.rollup_view.name(),
                    "Share": c.share.name(), "Unshare": c.unshare.name(),
                },
            });
            (r.schema_name, json)
        })
        .collect()
}

/// `EntityDefinitions(LogicalName='…')` with `Attributes` (option sets inline) and
/// `ManyToOneRelationships` expanded, for a compiled table and its bases.
pub fn entity_definition(table: &'static EntityMetadata) -> Value {
    let id = identity(table);
    let columns = effective_columns(table);
    let state_choices: Vec<&'static ChoiceMetadata> = columns
        .iter()
        .filter_map(|c| c.choice)
        .flat_map(|c| c.layers())
        .filter_map(|c| c.state_choice)
        .collect();
    let attributes: Vec<Value> = columns
        .iter()
        .map(|c| attribute(c, &state_choices))
        .collect();
    let mut relationships: BTreeMap<&str, Value> = BTreeMap::new();
    for lookup in columns.iter().filter_map(|c| c.lookup) {
        for (name, relationship) in lookup_relationships(lookup, id.logical_name) {
            relationships.entry(name).or_insert(relationship);
        }
    }
    json!({
        "LogicalName": id.logical_name,
        "SchemaName": id.logical_name,
        "EntitySetName": id.entity_set,
        "PrimaryIdAttribute": id.primary_id,
        "PrimaryNameAttribute": id.primary_name,
        "Attributes": attributes,
        "ManyToOneRelationships": relationships.into_values().collect::<Vec<_>>(),
        "OneToManyRelationships": [],
    })
}

/// `EntityDefinitions?$select=LogicalName,EntitySetName` for the tables and every lookup target.
pub fn entity_sets(tables: &[&'static EntityMetadata]) -> Value {
    let mut sets: BTreeMap<&str, &str> = BTreeMap::new();
    for table in tables {
        let id = identity(table);
        sets.insert(id.logical_name, id.entity_set);
        for column in effective_columns(table) {
            for target in column.lookup.into_iter().flat_map(|l| l.all_targets()) {
                sets.entry(target.logical_name).or_insert(target.entity_set);
            }
        }
    }
    let rows: Vec<Value> = sets
        .into_iter()
        .map(|(l, s)| json!({"LogicalName": l, "EntitySetName": s}))
        .collect();
    json!({ "value": rows })
}

/// Writes a metadata folder for the tables (`<table>/entity.json`, `entitysets.json`).
pub fn write_folder(dir: &Path, tables: &[&'static EntityMetadata]) -> std::io::Result<()> {
    for table in tables {
        let folder = dir.join(identity(table).logical_name);
        std::fs::create_dir_all(&folder)?;
        std::fs::write(
            folder.join(crate::folder::ENTITY_FILE),
            pretty(&entity_definition(table)),
        )?;
    }
    std::fs::create_dir_all(dir)?;
    std::fs::write(
        dir.join(crate::folder::ENTITY_SETS_FILE),
        pretty(&entity_sets(tables)),
    )
}

/// Indented JSON text with a final newline.
pub fn pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

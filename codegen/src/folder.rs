//! Reading a saved metadata folder (layout: `README.md` of this package).

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::input::{
    Attribute, Collection, EntityDefinition, EntitySetRow, OptionSet, Relationship,
};

/// The file of a table's definition, inside the table's folder.
pub const ENTITY_FILE: &str = "entity.json";
/// The file listing every table's entity set, at the folder's root.
pub const ENTITY_SETS_FILE: &str = "entitysets.json";
/// The file of the global option sets, at the folder's root.
pub const GLOBAL_OPTION_SETS_FILE: &str = "globaloptionsets.json";
/// The folder of single relationship definitions, inside a table's folder.
pub const RELATIONSHIPS_DIR: &str = "relationships";
/// The attribute cast files inside a table's folder, with the cast each holds.
pub const CAST_FILES: [(&str, &str); 5] = [
    ("picklists.json", "PicklistAttributeMetadata"),
    (
        "multiselectpicklists.json",
        "MultiSelectPicklistAttributeMetadata",
    ),
    ("states.json", "StateAttributeMetadata"),
    ("statuses.json", "StatusAttributeMetadata"),
    ("booleans.json", "BooleanAttributeMetadata"),
];

/// What went wrong reading a metadata folder: the file, where in its JSON, and what.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    /// The file (or folder) concerned.
    pub file: PathBuf,
    /// The JSON path inside the file (`Attributes[3].MaxLength`), when the problem is in its content.
    pub json_path: Option<String>,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl Error {
    pub(crate) fn new(file: &Path, json_path: Option<String>, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            json_path,
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(path) = &self.json_path {
            write!(f, " at `{path}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for Error {}

/// One table's metadata, gathered from its folder.
#[derive(Debug, Clone)]
pub struct Table {
    /// The definition, with the attribute cast files and single relationship files merged in.
    pub definition: EntityDefinition,
    /// The table's folder.
    pub folder: PathBuf,
}

/// A metadata folder, read.
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    /// The tables, by logical name.
    pub tables: BTreeMap<String, Table>,
    /// Entity sets by table logical name (`entitysets.json`, plus every table read).
    pub entity_sets: BTreeMap<String, String>,
    /// Global option sets by name (`globaloptionsets.json`).
    pub global_option_sets: BTreeMap<String, OptionSet>,
    /// The folder.
    pub root: PathBuf,
}

/// Reads a JSON file into `T`; errors name the file and the JSON path.
pub fn read_json<T: DeserializeOwned>(file: &Path) -> Result<T, Error> {
    let text = std::fs::read_to_string(file).map_err(|e| {
        Error::new(
            file,
            None,
            format!(
                "cannot read the file ({e}); save it with the request given in the codegen README"
            ),
        )
    })?;
    parse_json(file, &text)
}

/// Parses JSON text read from `file` into `T`; errors name the file and the JSON path.
pub fn parse_json<T: DeserializeOwned>(file: &Path, text: &str) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize::<_, T>(&mut de).map_err(|e| {
        let path = e.path().to_string();
        Error::new(
            file,
            (path != ".").then_some(path),
            format!("not the expected metadata JSON: {}", e.inner()),
        )
    })?;
    de.end()
        .map_err(|e| Error::new(file, None, format!("not the expected metadata JSON: {e}")))?;
    Ok(value)
}

fn read_one_or_many<T: DeserializeOwned>(file: &Path) -> Result<Vec<T>, Error> {
    let value: serde_json::Value = read_json(file)?;
    if value.get("value").is_some_and(serde_json::Value::is_array) {
        from_value::<Collection<T>>(file, value).map(|c| c.value)
    } else {
        from_value::<T>(file, value).map(|one| vec![one])
    }
}

fn from_value<T: DeserializeOwned>(file: &Path, value: serde_json::Value) -> Result<T, Error> {
    serde_path_to_error::deserialize::<_, T>(value).map_err(|e| {
        Error::new(
            file,
            Some(e.path().to_string()),
            format!("not the expected metadata JSON: {}", e.inner()),
        )
    })
}

impl Metadata {
    /// Reads the folder: every sub-folder holding an `entity.json` is a table.
    pub fn read(root: &Path) -> Result<Self, Error> {
        let mut metadata = Metadata {
            root: root.to_owned(),
            ..Metadata::default()
        };
        let entries = std::fs::read_dir(root).map_err(|e| {
            Error::new(root, None, format!("cannot read the metadata folder ({e})"))
        })?;
        let mut folders: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.join(ENTITY_FILE).is_file())
            .collect();
        folders.sort();
        for folder in folders {
            let table = read_table(&folder)?;
            metadata
                .tables
                .insert(table.definition.logical_name.clone(), table);
        }
        let sets = root.join(ENTITY_SETS_FILE);
        if sets.is_file() {
            for row in read_one_or_many::<EntitySetRow>(&sets)? {
                if let Some(set) = row.entity_set_name {
                    metadata.entity_sets.insert(row.logical_name, set);
                }
            }
        }
        for table in metadata.tables.values() {
            if let Some(set) = &table.definition.entity_set_name {
                metadata
                    .entity_sets
                    .insert(table.definition.logical_name.clone(), set.clone());
            }
        }
        let globals = root.join(GLOBAL_OPTION_SETS_FILE);
        if globals.is_file() {
            for set in read_one_or_many::<OptionSet>(&globals)? {
                metadata.global_option_sets.insert(set.name.clone(), set);
            }
        }
        Ok(metadata)
    }
}

/// Reads one table's folder: the definition, the attribute cast files and single relationships.
pub fn read_table(folder: &Path) -> Result<Table, Error> {
    let file = folder.join(ENTITY_FILE);
    let mut definition: EntityDefinition = read_json(&file)?;
    for (name, cast) in CAST_FILES {
        let path = folder.join(name);
        if !path.is_file() {
            continue;
        }
        for attribute in read_one_or_many::<Attribute>(&path)? {
            merge_attribute(&mut definition, attribute, cast);
        }
    }
    let relationships = folder.join(RELATIONSHIPS_DIR);
    if relationships.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&relationships)
            .map_err(|e| {
                Error::new(
                    &relationships,
                    None,
                    format!("cannot read the folder ({e})"),
                )
            })?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        for path in files {
            for relationship in read_one_or_many::<Relationship>(&path)? {
                merge_relationship(&mut definition, relationship);
            }
        }
    }
    Ok(Table {
        definition,
        folder: folder.to_owned(),
    })
}

/// A cast response carries the full attribute with its option set: it completes (or adds) the
/// attribute of the same logical name.
fn merge_attribute(definition: &mut EntityDefinition, mut attribute: Attribute, cast: &str) {
    if attribute.odata_type.is_none() {
        attribute.odata_type = Some(format!("#Microsoft.Dynamics.CRM.{cast}"));
    }
    match definition
        .attributes
        .iter_mut()
        .find(|a| a.logical_name == attribute.logical_name)
    {
        Some(existing) => {
            if attribute.option_set.is_some() {
                existing.option_set = attribute.option_set;
            }
            if attribute.global_option_set.is_some() {
                existing.global_option_set = attribute.global_option_set;
            }
            if existing.odata_type.is_none() {
                existing.odata_type = attribute.odata_type;
            }
        }
        None => definition.attributes.push(attribute),
    }
}

fn merge_relationship(definition: &mut EntityDefinition, relationship: Relationship) {
    let list = if relationship.referencing_entity == definition.logical_name {
        &mut definition.many_to_one_relationships
    } else {
        &mut definition.one_to_many_relationships
    };
    match list
        .iter_mut()
        .find(|r| r.schema_name == relationship.schema_name)
    {
        Some(existing) => *existing = relationship,
        None => list.push(relationship),
    }
}

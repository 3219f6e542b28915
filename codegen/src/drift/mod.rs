//! Drift: compiled declarations compared with an environment's saved metadata.

mod columns;
mod difference;
mod options;
mod targets;

use std::path::Path;

use dataverse_model::{Entity, EntityMetadata};

pub use difference::{Change, Difference};

use crate::folder::{ENTITY_FILE, Error, Metadata, Table};
use crate::input::EntityDefinition;
use crate::render;
use difference::Differences;

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

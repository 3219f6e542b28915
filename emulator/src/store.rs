//! The rows: JSON objects keyed by id, one map per table, each with its row version.

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};
use uuid::Uuid;

/// The annotation that names a lookup's target table, stored beside `_<col>_value`.
pub(crate) const LOOKUP_LOGICAL_NAME: &str = "@Microsoft.Dynamics.CRM.lookuplogicalname";

/// One stored row: its properties as the service returns them (lookups as `_<col>_value`
/// with their target's logical name) and its version (the etag is `W/"<version>"`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    pub fields: Map<String, Value>,
    pub version: u64,
}

impl Row {
    pub fn etag(&self) -> String {
        format!("W/\"{}\"", self.version)
    }

    /// The lookup `column`'s target table and id, when set.
    pub fn lookup(&self, column: &str) -> Option<(&str, Uuid)> {
        let key = format!("_{column}_value");
        let id = self.fields.get(&key)?.as_str()?.parse().ok()?;
        let target = self
            .fields
            .get(&format!("{key}{LOOKUP_LOGICAL_NAME}"))?
            .as_str()?;
        Some((target, id))
    }

    /// Points the lookup `column` at `target`'s row `id`, or clears it.
    pub fn set_lookup(&mut self, column: &str, value: Option<(&str, Uuid)>) {
        let key = format!("_{column}_value");
        let annotation = format!("{key}{LOOKUP_LOGICAL_NAME}");
        match value {
            Some((target, id)) => {
                self.fields.insert(key, Value::String(id.to_string()));
                self.fields
                    .insert(annotation, Value::String(target.to_owned()));
            }
            None => {
                self.fields.insert(key, Value::Null);
                self.fields.remove(&annotation);
            }
        }
    }
}

/// Every table's rows, the version counter and the id generator.
#[derive(Debug, Clone, Default)]
pub(crate) struct Store {
    tables: HashMap<&'static str, BTreeMap<Uuid, Row>>,
    /// The last version handed out: like the service's row version, one counter for all
    /// tables, so an etag is never reused.
    version: u64,
    ids: u64,
}

impl Store {
    pub fn rows(&self, table: &str) -> impl Iterator<Item = (&Uuid, &Row)> {
        self.tables
            .get(table)
            .into_iter()
            .flat_map(|rows| rows.iter())
    }

    pub fn get(&self, table: &str, id: Uuid) -> Option<&Row> {
        self.tables.get(table)?.get(&id)
    }

    pub fn contains(&self, table: &str, id: Uuid) -> bool {
        self.get(table, id).is_some()
    }

    pub fn insert(&mut self, table: &'static str, id: Uuid, row: Row) {
        self.tables.entry(table).or_default().insert(id, row);
    }

    pub fn remove(&mut self, table: &str, id: Uuid) -> Option<Row> {
        self.tables.get_mut(table)?.remove(&id)
    }

    pub fn next_version(&mut self) -> u64 {
        self.version += 1;
        self.version
    }

    /// A new id: sequential, like the service's, and readable in test output.
    pub fn next_id(&mut self) -> Uuid {
        self.ids += 1;
        Uuid::from_u128((0x0000_0000_0000_4000_8000_u128 << 48) | u128::from(self.ids))
    }
}

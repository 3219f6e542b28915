//! The tables the emulator serves, gathered from compiled metadata, and the one-to-many
//! relationships their lookup columns declare.

use std::collections::BTreeMap;
use std::sync::Arc;

use dataverse_model::{
    CascadeConfiguration, ColumnKind, ColumnMetadata, EntityMetadata, TargetMetadata,
};

/// One table as every registered struct (and its `extends` bases) declares it.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    pub logical_name: &'static str,
    pub entity_set: &'static str,
    pub primary_id: &'static str,
    pub primary_name: Option<&'static str>,
    /// Columns by logical name, merged over every registration.
    pub columns: BTreeMap<&'static str, &'static ColumnMetadata>,
    /// Every struct registered for the table.
    pub registered: Vec<&'static EntityMetadata>,
}

impl Table {
    fn new(meta: &'static EntityMetadata) -> Self {
        Self {
            logical_name: meta.logical_name,
            entity_set: meta.entity_set,
            primary_id: meta.primary_id,
            primary_name: meta.primary_name,
            columns: BTreeMap::new(),
            registered: Vec::new(),
        }
    }

    /// Adds the columns `meta` and its bases declare. A column declared twice keeps the
    /// richer declaration: the lookup or choice layer that extends the other one.
    fn merge(&mut self, meta: &'static EntityMetadata) {
        if self.primary_name.is_none() {
            self.primary_name = meta.primary_name;
        }
        self.registered.push(meta);
        for layer in std::iter::successors(Some(meta), |m| m.base) {
            for column in layer.columns {
                match self.columns.get(column.logical_name) {
                    Some(existing) if !extends(column, existing) => {}
                    _ => {
                        self.columns.insert(column.logical_name, column);
                    }
                }
            }
        }
    }

    /// The column behind a property name: `<col>` or, for a lookup, `_<col>_value`.
    pub fn property(&self, property: &str) -> Option<&'static ColumnMetadata> {
        if let Some(column) = property
            .strip_prefix('_')
            .and_then(|p| p.strip_suffix("_value"))
            .and_then(|c| self.columns.get(c))
            .filter(|c| c.kind == ColumnKind::Lookup)
        {
            return Some(column);
        }
        self.columns
            .get(property)
            .copied()
            .filter(|c| c.kind != ColumnKind::Lookup)
    }

    /// True when `property` names the primary key (declared as a column or not).
    pub fn is_primary_id(&self, property: &str) -> bool {
        property == self.primary_id
    }

    /// The lookup column and target whose single-valued navigation property is `name`.
    pub fn navigation(
        &self,
        name: &str,
    ) -> Option<(&'static ColumnMetadata, &'static TargetMetadata)> {
        self.columns.values().find_map(|column| {
            let target = column
                .lookup?
                .all_targets()
                .find(|t| t.navigation == name)?;
            Some((*column, target))
        })
    }

    /// The lookup columns, in logical-name order.
    pub fn lookups(&self) -> impl Iterator<Item = &'static ColumnMetadata> + '_ {
        self.columns
            .values()
            .copied()
            .filter(|c| c.kind == ColumnKind::Lookup)
    }
}

/// True when `new` declares the same column as `old` with a layer over `old`'s lookup or
/// choice, or when neither is layered (the later registration wins).
fn extends(new: &ColumnMetadata, old: &ColumnMetadata) -> bool {
    match (new.lookup, old.lookup, new.choice, old.choice) {
        (Some(n), Some(o), _, _) => n.layers().any(|l| l == o) || !o.layers().any(|l| l == n),
        (_, _, Some(n), Some(o)) => n.layers().any(|l| l == o) || !o.layers().any(|l| l == n),
        _ => true,
    }
}

/// A one-to-many relationship: rows of `child` point at rows of `parent` through `column`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Relationship {
    /// The schema name (also the parent's collection-valued navigation property).
    pub schema_name: &'static str,
    pub parent: &'static str,
    pub child: &'static str,
    pub column: &'static str,
    pub cascade: CascadeConfiguration,
}

/// Every registered table.
#[derive(Debug, Clone, Default)]
pub(crate) struct Schema {
    /// Shared so a request holds its table while it changes the rows.
    tables: BTreeMap<&'static str, Arc<Table>>,
}

impl Schema {
    pub fn register(&mut self, meta: &'static EntityMetadata) {
        self.tables
            .entry(meta.logical_name)
            .or_insert_with(|| Arc::new(Table::new(meta)));
        if let Some(table) = self.tables.get_mut(meta.logical_name) {
            Arc::make_mut(table).merge(meta);
        }
    }

    pub fn table(&self, logical_name: &str) -> Option<&Table> {
        self.tables.get(logical_name).map(|t| &**t)
    }

    /// The table, shared (kept while the store changes).
    pub fn shared(&self, logical_name: &str) -> Option<Arc<Table>> {
        self.tables.get(logical_name).cloned()
    }

    pub fn by_entity_set(&self, entity_set: &str) -> Option<&Table> {
        self.tables
            .values()
            .find(|t| t.entity_set == entity_set)
            .map(|t| &**t)
    }

    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.tables.values().map(|t| &**t)
    }

    /// The relationships whose parent is `parent`. A target declared without its
    /// relationship gets the maker portal's default for a new relationship (referential:
    /// Delete RemoveLink, everything else NoCascade).
    pub fn children_of(&self, parent: &str) -> Vec<Relationship> {
        let mut out = Vec::new();
        for table in self.tables.values() {
            for column in table.lookups() {
                let Some(lookup) = column.lookup else {
                    continue;
                };
                for target in lookup.all_targets().filter(|t| t.logical_name == parent) {
                    out.push(Relationship {
                        schema_name: target.relationship.map_or("", |r| r.schema_name),
                        parent: target.logical_name,
                        child: table.logical_name,
                        column: column.logical_name,
                        cascade: target
                            .relationship
                            .map_or(CascadeConfiguration::referential(), |r| r.cascade),
                    });
                }
            }
        }
        out
    }

    /// The relationship whose parent is `parent` and whose schema name (the parent's
    /// collection-valued navigation property) is `name`.
    pub fn collection(&self, parent: &str, name: &str) -> Option<Relationship> {
        self.children_of(parent)
            .into_iter()
            .find(|r| !r.schema_name.is_empty() && r.schema_name == name)
    }
}

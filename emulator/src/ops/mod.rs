//! Writes: create (deep insert, binds), update and upsert with etags, delete with each
//! relationship's cascade, associate and disassociate.
//!
//! Documented behaviour followed:
//! - "Create a table row using the Web API": ids generated or given, `@odata.bind`, deep
//!   insert through single- and collection-valued navigation properties.
//! - "Update and delete table rows using the Web API": `PATCH` creates a missing row
//!   (upsert) unless `If-Match` is sent.
//! - "Perform conditional operations using the Web API": `If-Match: <etag>` answers 412
//!   (`0x80060882`) when the row changed; `If-Match: *` never creates (404); `If-None-Match:
//!   *` never updates (412, `0x80040237`).
//!
//! Delete and Assign cascades: `cascade.rs`.
//!
//! Documentation:
//! <https://learn.microsoft.com/power-apps/developer/data-platform/webapi/create-entity-web-api>
//! <https://learn.microsoft.com/power-apps/developer/data-platform/webapi/update-delete-entities-using-web-api>
//! <https://learn.microsoft.com/power-apps/developer/data-platform/webapi/perform-conditional-operations-using-web-api>

mod bulk;
mod cascade;

pub(crate) use bulk::Bulk;

use dataverse_model::ColumnKind;
use http::StatusCode;
use serde_json::{Map, Value};
use time::format_description::well_known::Rfc3339;
use uuid::Uuid;

use crate::error::{DUPLICATE, ErrorResponse, VERSION_MISMATCH};
use crate::journal::CascadeEvent;
use crate::schema::{Schema, Table};
use crate::store::{Row, Store};
use crate::values::read_write;

/// The conditions a request sets with `If-Match` and `If-None-Match`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Conditions {
    pub if_match: Option<String>,
    pub if_none_match: Option<String>,
}

/// The data and its schema: what one request works on, under the emulator's lock.
#[derive(Debug, Clone, Default)]
pub(crate) struct State {
    pub schema: Schema,
    pub store: Store,
    pub journal: Vec<CascadeEvent>,
}

fn now() -> Value {
    let now = time::OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .unwrap_or_else(|_| time::OffsetDateTime::now_utc());
    now.format(&Rfc3339).map_or(Value::Null, Value::String)
}

/// True when a body nests rows (deep insert): such a write is undone whole on failure.
fn nests_rows(body: &Map<String, Value>) -> bool {
    body.values().any(|v| v.is_object() || v.is_array())
}

impl State {
    /// Runs `write` on the store, undoing every change when it fails.
    pub fn atomically<T>(
        &mut self,
        nested: bool,
        write: impl FnOnce(&mut Self) -> Result<T, ErrorResponse>,
    ) -> Result<T, ErrorResponse> {
        if !nested {
            return write(self);
        }
        let (store, journal) = (self.store.clone(), self.journal.len());
        let result = write(self);
        if result.is_err() {
            self.store = store;
            self.journal.truncate(journal);
        }
        result
    }

    /// `POST <entity set>`: creates a row, returns its id.
    pub fn create(
        &mut self,
        table: &'static str,
        body: &Map<String, Value>,
    ) -> Result<Uuid, ErrorResponse> {
        self.atomically(nests_rows(body), |state| {
            state.create_row(table, body, None)
        })
    }

    pub(crate) fn create_row(
        &mut self,
        table_name: &'static str,
        body: &Map<String, Value>,
        url_id: Option<Uuid>,
    ) -> Result<Uuid, ErrorResponse> {
        let table = self.table(table_name)?;
        let mut write = read_write(&self.schema, &table, body, true)?;
        let id = match (url_id, write.id) {
            (Some(a), Some(b)) if a != b => {
                return Err(ErrorResponse::bad_request(format!(
                    "the body's '{}' ({b}) is not the id in the URL ({a})",
                    table.primary_id
                )));
            }
            (Some(id), _) | (None, Some(id)) => id,
            // a generated id never takes one a caller chose earlier
            (None, None) => loop {
                let id = self.store.next_id();
                if !self.store.contains(table.logical_name, id) {
                    break id;
                }
            },
        };
        if self.store.contains(table.logical_name, id) {
            return Err(ErrorResponse::new(
                StatusCode::PRECONDITION_FAILED,
                DUPLICATE,
                "A record with matching key values already exists.",
            ));
        }
        self.check_lookups(&write.lookups)?;
        for (column, target, related) in std::mem::take(&mut write.deep_single) {
            let related_id = self.create_row(target.logical_name, &related, None)?;
            write
                .lookups
                .push((column, Some((target.logical_name, related_id))));
        }
        for (relationship, child) in &write.bind_children {
            if !self.store.contains(relationship.child, *child) {
                return Err(ErrorResponse::not_found(relationship.child, *child));
            }
        }
        let mut row = Row {
            fields: Map::new(),
            version: 0,
        };
        row.fields
            .insert(table.primary_id.to_owned(), Value::String(id.to_string()));
        for column in table.columns.values() {
            match column.kind {
                ColumnKind::Lookup => row.set_lookup(column.logical_name, None),
                ColumnKind::PartyList => {}
                _ if column.logical_name != table.primary_id => {
                    row.fields
                        .insert(column.logical_name.to_owned(), Value::Null);
                }
                _ => {}
            }
        }
        // the platform's defaults: a new row is active, with its creation time
        if table.columns.contains_key("statecode") {
            row.fields.insert("statecode".into(), Value::from(0));
        }
        for stamp in ["createdon", "modifiedon"] {
            if table.columns.contains_key(stamp) {
                row.fields.insert(stamp.into(), now());
            }
        }
        for (column, value) in write.columns {
            row.fields.insert(column.to_owned(), value);
        }
        for (column, value) in &write.lookups {
            row.set_lookup(column, *value);
        }
        self.stamp(&table, &mut row);
        self.store.insert(table.logical_name, id, row);
        for (relationship, child) in write.deep_children {
            let mut child = child;
            let child_table = self.table(relationship.child)?;
            let navigation = child_table
                .columns
                .get(relationship.column)
                .and_then(|c| c.lookup)
                .and_then(|l| l.target(table.logical_name))
                .map(|t| t.navigation)
                .ok_or_else(|| ErrorResponse::not_emulated("this deep insert"))?;
            child.insert(
                format!("{navigation}@odata.bind"),
                Value::String(format!("/{}({id})", table.entity_set)),
            );
            self.create_row(relationship.child, &child, None)?;
        }
        for (relationship, child) in write.bind_children {
            self.relink(
                relationship.child,
                child,
                relationship.column,
                Some((table.logical_name, id)),
            );
        }
        Ok(id)
    }

    /// Gives `row` a new version (and `versionnumber`, `modifiedon` where declared).
    pub(crate) fn stamp(&mut self, table: &Table, row: &mut Row) {
        row.version = self.store.next_version();
        if table.columns.contains_key("versionnumber") {
            row.fields
                .insert("versionnumber".into(), Value::from(row.version));
        }
        if table.columns.contains_key("modifiedon") {
            row.fields.insert("modifiedon".into(), now());
        }
    }

    /// Points a stored row's lookup elsewhere (or clears it), as a new version.
    pub(crate) fn relink(
        &mut self,
        table: &'static str,
        id: Uuid,
        column: &str,
        value: Option<(&'static str, Uuid)>,
    ) {
        let Ok(table) = self.table(table) else { return };
        if let Some(mut row) = self.store.remove(table.logical_name, id) {
            row.set_lookup(column, value);
            self.stamp(&table, &mut row);
            self.store.insert(table.logical_name, id, row);
        }
    }

    pub fn table(&self, logical_name: &str) -> Result<std::sync::Arc<Table>, ErrorResponse> {
        self.schema
            .shared(logical_name)
            .ok_or_else(|| ErrorResponse::no_segment(logical_name))
    }

    /// A bind to a row of a registered table must find the row.
    fn check_lookups(
        &self,
        lookups: &[(&'static str, Option<(&'static str, Uuid)>)],
    ) -> Result<(), ErrorResponse> {
        for (_, value) in lookups {
            if let Some((target, id)) = value
                && self.schema.table(target).is_some()
                && !self.store.contains(target, *id)
            {
                return Err(ErrorResponse::not_found(target, *id));
            }
        }
        Ok(())
    }

    /// `PATCH <entity set>(<id>)`: updates, or creates (upsert) when no `If-Match` is sent.
    /// Returns whether the row was created.
    pub fn update(
        &mut self,
        table_name: &'static str,
        id: Uuid,
        body: &Map<String, Value>,
        conditions: &Conditions,
    ) -> Result<bool, ErrorResponse> {
        let table = self.table(table_name)?;
        let Some(existing) = self.store.get(table.logical_name, id) else {
            if conditions.if_match.is_some() {
                return Err(ErrorResponse::not_found(table.logical_name, id));
            }
            return self
                .atomically(nests_rows(body), |state| {
                    state.create_row(table_name, body, Some(id))
                })
                .map(|_| true);
        };
        check_version(existing, conditions)?;
        if conditions.if_none_match.as_deref() == Some("*") {
            return Err(ErrorResponse::new(
                StatusCode::PRECONDITION_FAILED,
                DUPLICATE,
                "A record with matching key values already exists.",
            ));
        }
        self.atomically(nests_rows(body), |state| {
            state.update_row(&table, id, body).map(|()| false)
        })
    }

    pub(crate) fn update_row(
        &mut self,
        table: &Table,
        id: Uuid,
        body: &Map<String, Value>,
    ) -> Result<(), ErrorResponse> {
        let mut write = read_write(&self.schema, table, body, false)?;
        if write.id.is_some_and(|given| given != id) {
            return Err(ErrorResponse::bad_request(format!(
                "the body's '{}' is not the id in the URL ({id})",
                table.primary_id
            )));
        }
        self.check_lookups(&write.lookups)?;
        for (column, target, related) in std::mem::take(&mut write.deep_single) {
            let related_id = self.create_row(target.logical_name, &related, None)?;
            write
                .lookups
                .push((column, Some((target.logical_name, related_id))));
        }
        let Some(mut row) = self.store.remove(table.logical_name, id) else {
            return Err(ErrorResponse::not_found(table.logical_name, id));
        };
        let previous_owner = row.lookup("ownerid").map(|(t, i)| (t.to_owned(), i));
        for (column, value) in write.columns {
            row.fields.insert(column.to_owned(), value);
        }
        for (column, value) in &write.lookups {
            row.set_lookup(column, *value);
        }
        self.stamp(table, &mut row);
        let owner = row.lookup("ownerid").map(|(t, i)| (t.to_owned(), i));
        self.store.insert(table.logical_name, id, row);
        if owner != previous_owner
            && let Some((owner_table, owner_id)) = owner
        {
            // the owner's table name, as the `ownerid` lookup declares it
            let owner_table = table
                .columns
                .get("ownerid")
                .and_then(|c| c.lookup)
                .and_then(|l| l.target(&owner_table))
                .map_or("", |t| t.logical_name);
            let mut visited = std::collections::BTreeSet::new();
            self.cascade_assign(
                table.logical_name,
                id,
                (owner_table, owner_id),
                previous_owner.map(|(_, i)| i),
                &mut visited,
            );
        }
        Ok(())
    }

    /// `POST <parent>(<id>)/<collection>/$ref` or `PUT <child>(<id>)/<navigation>/$ref`:
    /// points the child's lookup at the parent.
    pub fn associate(
        &mut self,
        child_table: &'static str,
        child: Uuid,
        column: &'static str,
        parent: (&'static str, Uuid),
    ) -> Result<(), ErrorResponse> {
        if !self.store.contains(child_table, child) {
            return Err(ErrorResponse::not_found(child_table, child));
        }
        if !self.store.contains(parent.0, parent.1) {
            return Err(ErrorResponse::not_found(parent.0, parent.1));
        }
        self.relink(child_table, child, column, Some(parent));
        Ok(())
    }

    /// `DELETE .../$ref`: clears the child's lookup (when it points at `parent`, if given).
    pub fn disassociate(
        &mut self,
        child_table: &'static str,
        child: Uuid,
        column: &'static str,
        parent: Option<(&'static str, Uuid)>,
    ) -> Result<(), ErrorResponse> {
        let Some(row) = self.store.get(child_table, child) else {
            return Err(ErrorResponse::not_found(child_table, child));
        };
        if let Some(parent) = parent
            && row.lookup(column) != Some(parent)
        {
            return Err(ErrorResponse::not_found(child_table, child));
        }
        self.relink(child_table, child, column, None);
        Ok(())
    }
}

/// `If-Match: <etag>` must name the row's current version (`*` matches any).
pub(crate) fn check_version(row: &Row, conditions: &Conditions) -> Result<(), ErrorResponse> {
    match conditions.if_match.as_deref() {
        Some(etag) if etag != "*" && etag != row.etag() => Err(ErrorResponse::new(
            StatusCode::PRECONDITION_FAILED,
            VERSION_MISMATCH,
            "The version of the existing record doesn't match the RowVersion property provided.",
        )),
        _ => Ok(()),
    }
}

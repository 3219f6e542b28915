//! Cascades, per relationship, as "Configure table relationship cascading behavior" and the
//! `CascadeType` reference describe them: Delete `Cascade` deletes the related rows
//! (recursively), `RemoveLink` clears the lookup on them, `Restrict` refuses the delete while
//! related rows exist; Assign `Cascade` gives every related row the parent's new owner,
//! `Active` the active ones (`statecode` 0), `UserOwned` those the parent's previous owner
//! owned, `NoCascade` none.
//!
//! Documentation:
//! <https://learn.microsoft.com/power-apps/developer/data-platform/configure-entity-relationship-cascading-behavior>
//! <https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/cascadetype>

use std::collections::BTreeSet;

use dataverse_model::CascadeType;
use http::StatusCode;
use serde_json::Value;
use uuid::Uuid;

use super::{Conditions, State, check_version};
use crate::error::{ErrorResponse, RESTRICTED};
use crate::journal::{CascadeEffect, CascadeEvent};

impl State {
    /// Assign: hands the parent's new owner to its related rows, as each relationship's
    /// Assign setting says.
    pub(super) fn cascade_assign(
        &mut self,
        parent: &'static str,
        parent_id: Uuid,
        owner: (&'static str, Uuid),
        previous_owner: Option<Uuid>,
        visited: &mut BTreeSet<(&'static str, Uuid)>,
    ) {
        if owner.0.is_empty() || !visited.insert((parent, parent_id)) {
            return;
        }
        for relationship in self.schema.children_of(parent) {
            let Ok(child_table) = self.table(relationship.child) else {
                continue;
            };
            if !child_table.columns.contains_key("ownerid") {
                continue;
            }
            let children: Vec<(Uuid, Option<Uuid>)> = self
                .store
                .rows(relationship.child)
                .filter(|(_, row)| row.lookup(relationship.column) == Some((parent, parent_id)))
                .filter(|(_, row)| match relationship.cascade.assign {
                    CascadeType::Cascade => true,
                    CascadeType::Active => row.fields.get("statecode") == Some(&Value::from(0)),
                    CascadeType::UserOwned => {
                        previous_owner.is_some()
                            && row.lookup("ownerid").map(|(_, i)| i) == previous_owner
                    }
                    _ => false,
                })
                .map(|(id, row)| (*id, row.lookup("ownerid").map(|(_, i)| i)))
                .collect();
            for (child, child_owner) in children {
                if child_owner == Some(owner.1) {
                    continue;
                }
                self.relink(relationship.child, child, "ownerid", Some(owner));
                self.journal.push(CascadeEvent {
                    action: "Assign",
                    relationship: relationship.schema_name,
                    parent: (parent, parent_id),
                    child: (relationship.child, child),
                    effect: CascadeEffect::Assigned,
                });
                self.cascade_assign(relationship.child, child, owner, child_owner, visited);
            }
        }
    }

    /// `DELETE <entity set>(<id>)`, with every relationship's Delete cascade. The whole
    /// plan is made (and Restrict checked) before anything is deleted.
    pub fn delete(
        &mut self,
        table_name: &'static str,
        id: Uuid,
        conditions: &Conditions,
    ) -> Result<(), ErrorResponse> {
        let table = self.table(table_name)?;
        let Some(row) = self.store.get(table.logical_name, id) else {
            return Err(ErrorResponse::not_found(table.logical_name, id));
        };
        check_version(row, conditions)?;
        let mut deleted = Vec::new();
        let mut unlinked = Vec::new();
        self.plan_delete(table.logical_name, id, None, &mut deleted, &mut unlinked)?;
        let gone: BTreeSet<(&str, Uuid)> = deleted.iter().map(|(t, i, _)| (*t, *i)).collect();
        for (child, child_id, column, event) in unlinked {
            if !gone.contains(&(child, child_id)) {
                self.relink(child, child_id, column, None);
                self.journal.push(event);
            }
        }
        for (table, id, event) in deleted {
            self.store.remove(table, id);
            self.journal.extend(event);
        }
        Ok(())
    }

    #[allow(clippy::type_complexity)]
    fn plan_delete(
        &self,
        table: &'static str,
        id: Uuid,
        cause: Option<CascadeEvent>,
        deleted: &mut Vec<(&'static str, Uuid, Option<CascadeEvent>)>,
        unlinked: &mut Vec<(&'static str, Uuid, &'static str, CascadeEvent)>,
    ) -> Result<(), ErrorResponse> {
        if deleted.iter().any(|(t, i, _)| *t == table && *i == id) {
            return Ok(());
        }
        deleted.push((table, id, cause));
        for relationship in self.schema.children_of(table) {
            let children: Vec<Uuid> = self
                .store
                .rows(relationship.child)
                .filter(|(_, row)| row.lookup(relationship.column) == Some((table, id)))
                .map(|(child, _)| *child)
                .collect();
            for child in children {
                let event = |effect| CascadeEvent {
                    action: "Delete",
                    relationship: relationship.schema_name,
                    parent: (table, id),
                    child: (relationship.child, child),
                    effect,
                };
                match relationship.cascade.delete {
                    CascadeType::Cascade => self.plan_delete(
                        relationship.child,
                        child,
                        Some(event(CascadeEffect::Deleted)),
                        deleted,
                        unlinked,
                    )?,
                    CascadeType::RemoveLink => unlinked.push((
                        relationship.child,
                        child,
                        relationship.column,
                        event(CascadeEffect::LinkRemoved),
                    )),
                    CascadeType::Restrict => {
                        return Err(ErrorResponse::new(
                            StatusCode::BAD_REQUEST,
                            RESTRICTED,
                            format!(
                                "The object you tried to delete is associated with another object and cannot be deleted: {} {child} refers to {table} {id} through '{}' (relationship '{}', Delete Restrict)",
                                relationship.child, relationship.column, relationship.schema_name
                            ),
                        ));
                    }
                    _ => {}
                }
            }
        }
        Ok(())
    }
}

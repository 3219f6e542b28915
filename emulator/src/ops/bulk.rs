//! The bulk operation messages `CreateMultiple`, `UpdateMultiple` and `UpsertMultiple`:
//! `POST <set>/Microsoft.Dynamics.CRM.<message>` with `{"Targets": [...]}`, every target with
//! its `@odata.type`; one transaction, so one failing row fails them all.
//!
//! Documentation:
//! <https://learn.microsoft.com/power-apps/developer/data-platform/bulk-operations>
//! <https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/upsertmultiple>
//! (`UpsertMultiple` answers 204; `CreateMultiple` answers with the new rows' `Ids`.)

use serde_json::{Map, Value};
use uuid::Uuid;

use super::State;
use crate::error::ErrorResponse;

/// A bulk message (`<variant>Multiple`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bulk {
    Create,
    Update,
    Upsert,
}

impl Bulk {
    /// The message an action segment names (`Microsoft.Dynamics.CRM.CreateMultiple`).
    pub(crate) fn from_action(action: &str) -> Option<Self> {
        match action.strip_prefix("Microsoft.Dynamics.CRM.")? {
            "CreateMultiple" => Some(Self::Create),
            "UpdateMultiple" => Some(Self::Update),
            "UpsertMultiple" => Some(Self::Upsert),
            _ => None,
        }
    }
}

impl State {
    /// Runs a bulk message on `table`; returns the ids of the rows written, in order.
    pub(crate) fn bulk(
        &mut self,
        table_name: &'static str,
        message: Bulk,
        body: &Map<String, Value>,
    ) -> Result<Vec<Uuid>, ErrorResponse> {
        let table = self.table(table_name)?;
        let Some(Value::Array(targets)) = body.get("Targets") else {
            return Err(ErrorResponse::bad_request(
                "a bulk message takes {\"Targets\": [<row>, ...]}",
            ));
        };
        let odata_type = format!("Microsoft.Dynamics.CRM.{}", table.logical_name);
        self.atomically(true, |state| {
            let mut ids = Vec::with_capacity(targets.len());
            for (index, target) in targets.iter().enumerate() {
                let Value::Object(target) = target else {
                    return Err(ErrorResponse::bad_request(format!("target {index} is not an object")));
                };
                if target.get("@odata.type").and_then(Value::as_str) != Some(odata_type.as_str()) {
                    return Err(ErrorResponse::bad_request(format!(
                        "target {index} needs \"@odata.type\": \"{odata_type}\" (the annotation is required with every item in Targets)"
                    )));
                }
                if target.contains_key("@odata.id") {
                    return Err(ErrorResponse::not_emulated("rows named by `@odata.id` (alternate keys)"));
                }
                let id = target
                    .get(table.primary_id)
                    .and_then(Value::as_str)
                    .and_then(|s| s.parse::<Uuid>().ok());
                let existing = id.filter(|id| state.store.contains(table.logical_name, *id));
                let id = match (message, id, existing) {
                    (Bulk::Create, _, _) | (Bulk::Upsert, _, None) => {
                        state.create_row(table.logical_name, target, None)?
                    }
                    (Bulk::Update | Bulk::Upsert, _, Some(id)) => {
                        state.update_row(&table, id, target)?;
                        id
                    }
                    (Bulk::Update, Some(id), None) => {
                        return Err(ErrorResponse::not_found(table.logical_name, id));
                    }
                    (Bulk::Update, None, None) => {
                        return Err(ErrorResponse::bad_request(format!(
                            "target {index} has no '{}': UpdateMultiple names each row by its id",
                            table.primary_id
                        )));
                    }
                };
                ids.push(id);
            }
            Ok(ids)
        })
    }
}

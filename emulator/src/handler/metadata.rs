//! `EntityDefinitions`, rendered from the registered tables by the generator's own renderer
//! (`dataverse_model_codegen::render`), so the generator can be pointed at the emulator.
//!
//! Documentation:
//! <https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query-metadata-web-api>
//! `EntityDefinitions(LogicalName='…')` answers with `Attributes` (option sets inline) and
//! the relationships expanded, whatever `$expand` asks; `EntityDefinitions` lists every
//! registered table and lookup target with its entity set.

use dataverse_model::EntityMetadata;
use dataverse_model_codegen::render;
use http::StatusCode;
use serde_json::Value;

use super::call::{Call, Reply};
use crate::error::{DOES_NOT_EXIST, ErrorResponse};
use crate::ops::State;

pub(super) fn entity_definitions(
    state: &State,
    call: &Call<'_>,
    key: Option<&str>,
) -> Result<Reply, ErrorResponse> {
    let Some(key) = key else {
        let tables: Vec<&'static EntityMetadata> = state
            .schema
            .tables()
            .filter_map(|t| widest(&t.registered))
            .collect();
        let mut body = render::entity_sets(&tables);
        body["@odata.context"] = Value::String(format!(
            "{}$metadata#EntityDefinitions(LogicalName,EntitySetName)",
            call.root
        ));
        return Ok(Reply::json(StatusCode::OK, body));
    };
    let logical_name = key
        .trim()
        .strip_prefix("LogicalName=")
        .map(|v| v.trim_matches('\''))
        .ok_or_else(|| {
            ErrorResponse::not_emulated(
                "`EntityDefinitions` by MetadataId; use (LogicalName='<table>')",
            )
        })?;
    let meta = state
        .schema
        .table(logical_name)
        .and_then(|t| widest(&t.registered))
        .ok_or_else(|| {
            ErrorResponse::new(
                StatusCode::NOT_FOUND,
                DOES_NOT_EXIST,
                format!("Could not find an entity with the name '{logical_name}' (register it with the emulator)"),
            )
        })?;
    let mut body = render::entity_definition(meta);
    body["@odata.context"] =
        Value::String(format!("{}$metadata#EntityDefinitions/$entity", call.root));
    Ok(Reply::json(StatusCode::OK, body))
}

/// The registration with the most columns (a layer with `extends` covers its base).
fn widest(registered: &[&'static EntityMetadata]) -> Option<&'static EntityMetadata> {
    registered
        .iter()
        .copied()
        .max_by_key(|meta| render::effective_columns(meta).len())
}

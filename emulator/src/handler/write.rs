//! Writes: create, update or upsert, delete, and the answer each gets.

use http::{Method, StatusCode};
use serde_json::Value;
use uuid::Uuid;

use super::call::{
    Call, Reply, context, method_not_allowed, move_context_first, parse_key, reads_only, resolve,
    segments, split_root, with_preferences,
};
use super::read::read;
use super::reference::references;
use crate::error::ErrorResponse;
use crate::key::Key;
use crate::ops::{Bulk, State};
use crate::query;
use crate::render::Prefer;
use crate::schema::Table;

pub(super) fn dispatch(state: &mut State, call: &Call<'_>) -> Result<Reply, ErrorResponse> {
    if reads_only(call.method) {
        return read(state, call);
    }
    let segments = segments(split_root(call.path).1)?;
    let prefer = call.prefer();
    match segments.as_slice() {
        [segment] if segment.key.is_none() => {
            let table = resolve(state, segment)?.clone();
            if *call.method != Method::POST {
                return Err(method_not_allowed(call));
            }
            let body = call.body_object()?;
            let id = state.create(table.logical_name, &body)?;
            written(state, call, &table, id, &prefer, StatusCode::CREATED)
        }
        [segment] => {
            let table = resolve(state, segment)?.clone();
            let key = parse_key(&table, segment.key.as_deref().unwrap_or_default())?;
            let conditions = call.conditions();
            match *call.method {
                Method::PATCH => {
                    let body = call.body_object()?;
                    let (id, created) = match (key.find(&state.store, &table)?, &key) {
                        (Some(id), _) | (None, &Key::Id(id)) => (
                            id,
                            state.update(table.logical_name, id, &body, &conditions)?,
                        ),
                        // an upsert by an alternate key that finds no row creates one with
                        // the key's values; `If-Match` never creates
                        (None, Key::Alternate { .. }) => {
                            if conditions.if_match.is_some() {
                                return Err(key.not_found(&table));
                            }
                            (
                                state.create(table.logical_name, &key.with_key_values(&body))?,
                                true,
                            )
                        }
                    };
                    let status = if created {
                        StatusCode::CREATED
                    } else {
                        StatusCode::OK
                    };
                    written(state, call, &table, id, &prefer, status)
                }
                Method::DELETE => {
                    let id = key.existing(&state.store, &table)?;
                    state.delete(table.logical_name, id, &conditions)?;
                    Ok(Reply::new(StatusCode::NO_CONTENT))
                }
                Method::PUT => Err(ErrorResponse::not_emulated(
                    "PUT of a whole row (use PATCH)",
                )),
                _ => Err(method_not_allowed(call)),
            }
        }
        [segment, action] if segment.key.is_none() && action.key.is_none() => {
            let table = resolve(state, segment)?.clone();
            let message = Bulk::from_action(&action.name).ok_or_else(|| {
                ErrorResponse::not_emulated(format!("the action `{}`", action.name))
            })?;
            if *call.method != Method::POST {
                return Err(method_not_allowed(call));
            }
            let ids = state.bulk(table.logical_name, message, &call.body_object()?)?;
            if message != Bulk::Create {
                return Ok(Reply::new(StatusCode::NO_CONTENT));
            }
            let ids: Vec<Value> = ids.iter().map(|id| Value::String(id.to_string())).collect();
            Ok(Reply::json(
                StatusCode::OK,
                serde_json::json!({
                    "@odata.context": format!("{}$metadata#Microsoft.Dynamics.CRM.CreateMultipleResponse", call.root),
                    "Ids": ids,
                }),
            ))
        }
        [parent, navigation, reference] if reference.name == "$ref" && reference.key.is_none() => {
            let table = resolve(state, parent)?.clone();
            let id = parse_key(&table, parent.key.as_deref().unwrap_or_default())?
                .existing(&state.store, &table)?;
            references(state, call, &table, id, navigation)
        }
        _ => Err(ErrorResponse::no_segment(call.path)),
    }
}

/// The answer to a create or update: 204 with `OData-EntityId`, or the row with
/// `Prefer: return=representation` (201 on create, 200 on update).
fn written(
    state: &State,
    call: &Call<'_>,
    table: &Table,
    id: Uuid,
    prefer: &Prefer,
    status: StatusCode,
) -> Result<Reply, ErrorResponse> {
    let entity_id = format!("{}{}({id})", call.root, table.entity_set);
    let row = state
        .store
        .get(table.logical_name, id)
        .ok_or_else(|| ErrorResponse::not_found(table.logical_name, id))?;
    if !prefer.return_representation {
        return Ok(Reply::new(StatusCode::NO_CONTENT)
            .header("OData-EntityId", entity_id)
            .header("ETag", row.etag()));
    }
    let pairs = query::pairs(call.query)?;
    let options = query::parse(&pairs, table, &state.schema)?;
    let mut body = query::render_row(state, table, row, &options, prefer);
    body.insert(
        "@odata.context".into(),
        Value::String(context(call.root, table, &options, true)),
    );
    let mut reply = with_preferences(
        Reply::json(status, Value::Object(move_context_first(body))),
        prefer,
        false,
    )
    .header("OData-EntityId", entity_id)
    .header("ETag", row.etag());
    reply
        .headers
        .push(("Preference-Applied", "return=representation".to_owned()));
    Ok(reply)
}

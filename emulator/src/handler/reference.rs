//! `$ref`: associate and disassociate, as "Associate and disassociate table rows using the
//! Web API" shows.

use http::{Method, StatusCode};
use serde_json::Value;
use uuid::Uuid;

use super::call::{Call, Reply, Segment, method_not_allowed};
use crate::error::ErrorResponse;
use crate::ops::State;
use crate::query;
use crate::schema::Table;

/// `$ref`: associate (POST to a collection, PUT to a single-valued navigation) and
/// disassociate (DELETE), as "Associate and disassociate table rows using the Web API" shows.
pub(super) fn references(
    state: &mut State,
    call: &Call<'_>,
    table: &Table,
    id: Uuid,
    navigation: &Segment,
) -> Result<Reply, ErrorResponse> {
    let referenced = |state: &State, call: &Call<'_>| -> Result<(String, Uuid), ErrorResponse> {
        let body = call.body_object()?;
        let reference = body
            .get("@odata.id")
            .and_then(Value::as_str)
            .ok_or_else(|| {
                ErrorResponse::bad_request("the body must be {\"@odata.id\": \"<url of the row>\"}")
            })?;
        let (set, other) = crate::values::parse_reference(reference)?;
        let other_table = state
            .schema
            .by_entity_set(set)
            .ok_or_else(|| ErrorResponse::no_segment(set))?;
        Ok((other_table.logical_name.to_owned(), other))
    };
    if let Some((column, target)) = table.navigation(&navigation.name) {
        // single-valued: this row is the child
        return match *call.method {
            Method::PUT => {
                let (other_table, other) = referenced(state, call)?;
                if other_table != target.logical_name {
                    return Err(ErrorResponse::bad_request(format!(
                        "'{}' refers to rows of '{}', not of '{other_table}'",
                        navigation.name, target.logical_name
                    )));
                }
                state.associate(
                    table.logical_name,
                    id,
                    column.logical_name,
                    (target.logical_name, other),
                )?;
                Ok(Reply::new(StatusCode::NO_CONTENT))
            }
            Method::DELETE => {
                state.disassociate(table.logical_name, id, column.logical_name, None)?;
                Ok(Reply::new(StatusCode::NO_CONTENT))
            }
            _ => Err(method_not_allowed(call)),
        };
    }
    let relationship = state
        .schema
        .collection(table.logical_name, &navigation.name)
        .ok_or_else(|| ErrorResponse::no_segment(&navigation.name))?;
    match (call.method, &navigation.key) {
        (&Method::POST, None) => {
            let (other_table, other) = referenced(state, call)?;
            if other_table != relationship.child {
                return Err(ErrorResponse::bad_request(format!(
                    "'{}' holds rows of '{}', not of '{other_table}'",
                    navigation.name, relationship.child
                )));
            }
            state.associate(
                relationship.child,
                other,
                relationship.column,
                (table.logical_name, id),
            )?;
            Ok(Reply::new(StatusCode::NO_CONTENT))
        }
        (&Method::DELETE, key) => {
            let child_key = match key {
                Some(key) => key.clone(),
                None => query::pairs(call.query)?
                    .into_iter()
                    .find(|(k, _)| k == "$id")
                    .map(|(_, v)| v)
                    .ok_or_else(|| {
                        ErrorResponse::bad_request(
                            "name the row to disassociate: <navigation>(<id>)/$ref or ?$id=<url>",
                        )
                    })?,
            };
            let child = match child_key.parse::<Uuid>() {
                Ok(child) => child,
                Err(_) => crate::values::parse_reference(&child_key)?.1,
            };
            state.disassociate(
                relationship.child,
                child,
                relationship.column,
                Some((table.logical_name, id)),
            )?;
            Ok(Reply::new(StatusCode::NO_CONTENT))
        }
        _ => Err(method_not_allowed(call)),
    }
}

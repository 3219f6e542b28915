//! Reads: the service document, collections (queries, pages) and single rows.

use http::StatusCode;
use serde_json::{Map, Value};
use uuid::Uuid;

use super::call::{
    Call, Reply, context, encode, move_context_first, parse_key, resolve, segments, split_root,
    with_preferences,
};
use crate::error::ErrorResponse;
use crate::ops::State;
use crate::query::{self, Options};
use crate::render::Prefer;
use crate::schema::Table;
use crate::store::Row;

pub(super) fn read(state: &State, call: &Call<'_>) -> Result<Reply, ErrorResponse> {
    let segments = segments(split_root(call.path).1)?;
    let prefer = call.prefer();
    match segments.as_slice() {
        [] => Ok(Reply::json(
            StatusCode::OK,
            serde_json::json!({
                "@odata.context": format!("{}$metadata", call.root),
                "value": state.schema.tables().map(|t| serde_json::json!({
                    "name": t.entity_set, "kind": "EntitySet", "url": t.entity_set,
                })).collect::<Vec<_>>(),
            }),
        )),
        #[cfg(feature = "entity-definitions")]
        [segment] if segment.name == "EntityDefinitions" => {
            super::metadata::entity_definitions(state, call, segment.key.as_deref())
        }
        [segment] => {
            let table = resolve(state, segment)?;
            let pairs = query::pairs(call.query)?;
            let options = query::parse(&pairs, table, &state.schema)?;
            match &segment.key {
                None => Ok(collection(
                    state,
                    table,
                    (&options, &prefer, &pairs),
                    call.root,
                    table.entity_set,
                    None,
                )),
                Some(key) => {
                    let id = parse_key(table, key)?.existing(&state.store, table)?;
                    let row = state
                        .store
                        .get(table.logical_name, id)
                        .ok_or_else(|| ErrorResponse::not_found(table.logical_name, id))?;
                    // documented: `If-None-Match` with the current etag answers 304
                    if call.header("If-None-Match") == Some(row.etag().as_str()) {
                        return Ok(Reply::new(StatusCode::NOT_MODIFIED));
                    }
                    let mut body = query::render_row(state, table, row, &options, &prefer);
                    body.insert(
                        "@odata.context".into(),
                        Value::String(context(call.root, table, &options, true)),
                    );
                    Ok(with_preferences(
                        Reply::json(StatusCode::OK, Value::Object(move_context_first(body)))
                            .header("ETag", row.etag()),
                        &prefer,
                        false,
                    ))
                }
            }
        }
        [parent, navigation] if parent.key.is_some() => {
            let table = resolve(state, parent)?;
            let id = parse_key(table, parent.key.as_deref().unwrap_or_default())?
                .existing(&state.store, table)?;
            let row = state
                .store
                .get(table.logical_name, id)
                .ok_or_else(|| ErrorResponse::not_found(table.logical_name, id))?;
            let pairs = query::pairs(call.query)?;
            related(
                state,
                call,
                (table, id, row),
                &navigation.name,
                &pairs,
                &prefer,
            )
        }
        _ => Err(ErrorResponse::no_segment(call.path)),
    }
}

/// A collection response; `path` (relative to the root) starts the next link.
fn collection(
    state: &State,
    table: &Table,
    (options, prefer, pairs): (&Options, &Prefer, &[(String, String)]),
    root: &str,
    path: &str,
    parent: Option<(&'static str, &str, Uuid)>,
) -> Reply {
    let page = query::run(state, table, options, prefer, parent);
    let mut body = Map::new();
    body.insert(
        "@odata.context".into(),
        Value::String(context(root, table, options, false)),
    );
    if let Some(count) = page.count {
        body.insert("@odata.count".into(), Value::from(count));
    }
    body.insert("value".into(), Value::Array(page.rows));
    if let Some(next) = page.next {
        // the original query, then the page's position; the client repeats its `Prefer`
        let mut link = format!("{root}{path}?");
        for (key, value) in pairs.iter().filter(|(k, _)| k != "$skiptoken") {
            link.push_str(&encode(key));
            link.push('=');
            link.push_str(&encode(value));
            link.push('&');
        }
        link.push_str(&format!("$skiptoken={next}"));
        body.insert("@odata.nextLink".into(), Value::String(link));
    }
    with_preferences(
        Reply::json(StatusCode::OK, Value::Object(body)),
        prefer,
        true,
    )
}

/// `<set>(<id>)/<navigation>`: the related row of a single-valued navigation (204 when the
/// lookup is empty), or the related rows of a collection-valued one, paged.
fn related(
    state: &State,
    call: &Call<'_>,
    (table, id, row): (&Table, Uuid, &Row),
    navigation: &str,
    pairs: &[(String, String)],
    prefer: &Prefer,
) -> Result<Reply, ErrorResponse> {
    let unregistered = |name: &str| {
        ErrorResponse::not_emulated(format!(
            "reading '{navigation}': table `{name}` is not registered"
        ))
    };
    if let Some((column, target)) = table.navigation(navigation) {
        let related_table = state
            .schema
            .table(target.logical_name)
            .ok_or_else(|| unregistered(target.logical_name))?;
        let options = query::parse(pairs, related_table, &state.schema)?;
        let related = row
            .lookup(column.logical_name)
            .filter(|(t, _)| *t == target.logical_name)
            .and_then(|(t, related)| state.store.get(t, related));
        let Some(related) = related else {
            return Ok(Reply::new(StatusCode::NO_CONTENT));
        };
        let mut body = query::render_row(state, related_table, related, &options, prefer);
        body.insert(
            "@odata.context".into(),
            Value::String(context(call.root, related_table, &options, true)),
        );
        return Ok(with_preferences(
            Reply::json(StatusCode::OK, Value::Object(move_context_first(body))),
            prefer,
            false,
        ));
    }
    let relationship = state
        .schema
        .collection(table.logical_name, navigation)
        .ok_or_else(|| ErrorResponse::no_property(navigation, table.logical_name))?;
    let child_table = state
        .schema
        .table(relationship.child)
        .ok_or_else(|| unregistered(relationship.child))?;
    let options = query::parse(pairs, child_table, &state.schema)?;
    let path = format!("{}({id})/{navigation}", table.entity_set);
    Ok(collection(
        state,
        child_table,
        (&options, prefer, pairs),
        call.root,
        &path,
        Some((table.logical_name, relationship.column, id)),
    ))
}

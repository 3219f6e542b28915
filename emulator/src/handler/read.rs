//! Reads: the service document, collections (queries, pages) and single rows.

use http::StatusCode;
use serde_json::{Map, Value};

use super::call::{
    Call, Reply, context, encode, move_context_first, parse_key, resolve, segments, split_root,
    with_preferences,
};
use crate::error::ErrorResponse;
use crate::ops::State;
use crate::query::{self, Options};
use crate::render::Prefer;
use crate::schema::Table;

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
        [segment] => {
            let table = resolve(state, segment)?;
            let pairs = query::pairs(call.query)?;
            let options = query::parse(&pairs, table, &state.schema)?;
            match &segment.key {
                None => Ok(collection(
                    state, table, &options, &prefer, &pairs, call.root,
                )),
                Some(key) => {
                    let id = parse_key(table, key)?;
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
            let id = parse_key(table, parent.key.as_deref().unwrap_or_default())?;
            if !state.store.contains(table.logical_name, id) {
                return Err(ErrorResponse::not_found(table.logical_name, id));
            }
            Err(ErrorResponse::not_emulated(format!(
                "reading '{}' through its parent; use $expand={}",
                navigation.name, navigation.name
            )))
        }
        _ => Err(ErrorResponse::no_segment(call.path)),
    }
}

fn collection(
    state: &State,
    table: &Table,
    options: &Options,
    prefer: &Prefer,
    pairs: &[(String, String)],
    root: &str,
) -> Reply {
    let page = query::run(state, table, options, prefer);
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
        let mut link = format!("{root}{}?", table.entity_set);
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

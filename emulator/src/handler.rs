//! Requests in, responses out: the URL's resource path, the method, the headers.
//!
//! Paths are those of "Perform operations using the Web API": `<entity set>`,
//! `<entity set>(<id>)`, `<entity set>(<id>)/<navigation>/$ref`, `$batch`, under the service
//! root `/api/data/v9.x/` (a path without that root is read relative to it).

use http::{HeaderMap, Method, Request, Response, StatusCode};
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::error::ErrorResponse;
use crate::ops::{Conditions, State};
use crate::query::{self, Options};
use crate::render::Prefer;
use crate::schema::Table;

/// The service root a response's links start with, e.g. `http://127.0.0.1:8080/api/data/v9.2/`.
pub(crate) fn service_root<B>(request: &Request<B>) -> String {
    let uri = request.uri();
    let origin = match (uri.scheme_str(), uri.authority()) {
        (Some(scheme), Some(authority)) => format!("{scheme}://{authority}"),
        _ => match request
            .headers()
            .get(http::header::HOST)
            .and_then(|h| h.to_str().ok())
        {
            Some(host) => format!("http://{host}"),
            None => "http://localhost".to_owned(),
        },
    };
    let version = split_root(uri.path()).0.unwrap_or("v9.2");
    format!("{origin}/api/data/{version}/")
}

/// `/api/data/v9.2/rest` → (`Some("v9.2")`, `rest`); any other path is relative to the root.
fn split_root(path: &str) -> (Option<&str>, &str) {
    if let Some(rest) = path.strip_prefix("/api/data/") {
        let (version, rest) = rest.split_once('/').unwrap_or((rest, ""));
        let is_version = version
            .strip_prefix('v')
            .is_some_and(|v| !v.is_empty() && v.chars().all(|c| c.is_ascii_digit() || c == '.'));
        if is_version {
            return (Some(version), rest);
        }
    }
    (None, path.trim_start_matches('/'))
}

/// One segment: `name` or `name(key)`.
struct Segment {
    name: String,
    key: Option<String>,
}

fn segments(path: &str) -> Result<Vec<Segment>, ErrorResponse> {
    path.split('/')
        .filter(|s| !s.is_empty())
        .map(|raw| {
            let text = percent_encoding::percent_decode_str(raw)
                .decode_utf8()
                .map_err(|_| {
                    ErrorResponse::bad_request("the path is not valid UTF-8 once percent-decoded")
                })?;
            Ok(match text.split_once('(') {
                Some((name, key)) => Segment {
                    name: name.to_owned(),
                    key: Some(
                        key.strip_suffix(')')
                            .ok_or_else(|| ErrorResponse::no_segment(&text))?
                            .to_owned(),
                    ),
                },
                None => Segment {
                    name: text.into_owned(),
                    key: None,
                },
            })
        })
        .collect()
}

fn parse_key(table: &Table, key: &str) -> Result<Uuid, ErrorResponse> {
    key.trim().parse().map_err(|_| {
        if key.contains('=') {
            ErrorResponse::not_emulated("alternate keys")
        } else {
            ErrorResponse::bad_request(format!(
                "'{key}' is not a valid key for '{}': write the row's Guid, e.g. {}(00000000-0000-0000-0000-000000000001)",
                table.entity_set, table.entity_set
            ))
        }
    })
}

/// A response built from parts.
pub(crate) struct Reply {
    pub status: StatusCode,
    pub headers: Vec<(&'static str, String)>,
    pub body: Option<Value>,
    /// A body that is not JSON (a `$batch` response), sent as is.
    pub raw: Option<Vec<u8>>,
}

impl Reply {
    fn new(status: StatusCode) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: None,
            raw: None,
        }
    }

    fn json(status: StatusCode, body: Value) -> Self {
        Self {
            body: Some(body),
            ..Self::new(status)
        }
    }

    fn header(mut self, name: &'static str, value: String) -> Self {
        self.headers.push((name, value));
        self
    }

    pub fn into_response(self) -> Response<Vec<u8>> {
        let mut builder = Response::builder()
            .status(self.status)
            .header("OData-Version", "4.0");
        for (name, value) in &self.headers {
            builder = builder.header(*name, value.as_str());
        }
        let body = match (&self.body, self.raw) {
            (_, Some(raw)) => raw,
            (Some(body), None) => {
                builder =
                    builder.header("Content-Type", "application/json; odata.metadata=minimal");
                serde_json::to_vec(body).unwrap_or_default()
            }
            (None, None) => Vec::new(),
        };
        builder.body(body).unwrap_or_else(|_| {
            let mut response = Response::new(Vec::new());
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response
        })
    }
}

impl From<ErrorResponse> for Reply {
    fn from(error: ErrorResponse) -> Self {
        Reply {
            headers: vec![(
                "Content-Type",
                "application/json; odata.metadata=minimal".to_owned(),
            )],
            raw: Some(error.body()),
            ..Reply::new(error.status)
        }
    }
}

/// What a handler needs from the request besides the state.
pub(crate) struct Call<'a> {
    pub method: &'a Method,
    pub path: &'a str,
    pub query: &'a str,
    pub headers: &'a HeaderMap,
    pub body: &'a [u8],
    pub root: &'a str,
}

impl Call<'_> {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
    }

    fn prefer(&self) -> Prefer {
        Prefer::parse(
            self.headers
                .get_all("Prefer")
                .iter()
                .filter_map(|v| v.to_str().ok()),
        )
    }

    fn conditions(&self) -> Conditions {
        Conditions {
            if_match: self.header("If-Match").map(str::to_owned),
            if_none_match: self.header("If-None-Match").map(str::to_owned),
        }
    }

    fn body_object(&self) -> Result<Map<String, Value>, ErrorResponse> {
        if self.body.iter().all(u8::is_ascii_whitespace) {
            return Err(ErrorResponse::bad_request(
                "the request body is empty; send a JSON object",
            ));
        }
        match serde_json::from_slice::<Value>(self.body) {
            Ok(Value::Object(map)) => Ok(map),
            Ok(_) => Err(ErrorResponse::bad_request(
                "the request body must be a JSON object",
            )),
            Err(error) => Err(ErrorResponse::bad_request(format!(
                "the request body is not valid JSON: {error}"
            ))),
        }
    }
}

/// Whether a call only reads (a shared lock is enough).
pub(crate) fn reads_only(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD)
}

/// Answers one call (not `$batch`: see [`crate::batch`]).
pub(crate) fn handle(state: &mut State, call: &Call<'_>) -> Reply {
    dispatch(state, call).unwrap_or_else(Reply::from)
}

/// Answers one call that only reads.
pub(crate) fn handle_read(state: &State, call: &Call<'_>) -> Reply {
    read(state, call).unwrap_or_else(Reply::from)
}

fn method_not_allowed(call: &Call<'_>) -> ErrorResponse {
    ErrorResponse::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "0x0",
        format!(
            "The requested resource does not support http method '{}'.",
            call.method
        ),
    )
}

fn resolve<'s>(state: &'s State, segment: &Segment) -> Result<&'s Table, ErrorResponse> {
    state
        .schema
        .by_entity_set(&segment.name)
        .ok_or_else(|| match segment.name.as_str() {
            "$metadata"
            | "EntityDefinitions"
            | "GlobalOptionSetDefinitions"
            | "RelationshipDefinitions" => {
                ErrorResponse::not_emulated(format!("the metadata endpoint `{}`", segment.name))
            }
            name => ErrorResponse::no_segment(name),
        })
}

fn read(state: &State, call: &Call<'_>) -> Result<Reply, ErrorResponse> {
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

fn move_context_first(body: Map<String, Value>) -> Map<String, Value> {
    let mut out = Map::new();
    if let Some(context) = body.get("@odata.context") {
        out.insert("@odata.context".into(), context.clone());
    }
    for (k, v) in body {
        if k != "@odata.context" {
            out.insert(k, v);
        }
    }
    out
}

/// `$metadata#<set>(<select>)` (and `/$entity` for one row).
fn context(root: &str, table: &Table, options: &Options, single: bool) -> String {
    let mut context = format!("{root}$metadata#{}", table.entity_set);
    if let Some(select) = &options.select {
        context.push('(');
        context.push_str(&select.join(","));
        context.push(')');
    }
    if single {
        context.push_str("/$entity");
    }
    context
}

fn with_preferences(reply: Reply, prefer: &Prefer, paged: bool) -> Reply {
    let mut applied = Vec::new();
    if let Some(annotations) = &prefer.annotations_raw {
        applied.push(format!("odata.include-annotations=\"{annotations}\""));
    }
    if let (true, Some(size)) = (paged, prefer.max_page_size) {
        applied.push(format!("odata.maxpagesize={size}"));
    }
    if applied.is_empty() {
        reply
    } else {
        reply.header("Preference-Applied", applied.join(","))
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

/// Percent-encodes a query component (keeping `$` readable, as the service's links do).
fn encode(text: &str) -> String {
    const SET: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'$')
        .remove(b'_')
        .remove(b'-')
        .remove(b'.')
        .remove(b',');
    percent_encoding::utf8_percent_encode(text, SET).to_string()
}

fn dispatch(state: &mut State, call: &Call<'_>) -> Result<Reply, ErrorResponse> {
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
            let id = parse_key(&table, segment.key.as_deref().unwrap_or_default())?;
            let conditions = call.conditions();
            match *call.method {
                Method::PATCH => {
                    let body = call.body_object()?;
                    let created = state.update(table.logical_name, id, &body, &conditions)?;
                    let status = if created {
                        StatusCode::CREATED
                    } else {
                        StatusCode::OK
                    };
                    written(state, call, &table, id, &prefer, status)
                }
                Method::DELETE => {
                    state.delete(table.logical_name, id, &conditions)?;
                    Ok(Reply::new(StatusCode::NO_CONTENT))
                }
                Method::PUT => Err(ErrorResponse::not_emulated(
                    "PUT of a whole row (use PATCH)",
                )),
                _ => Err(method_not_allowed(call)),
            }
        }
        [parent, navigation, reference] if reference.name == "$ref" && reference.key.is_none() => {
            let table = resolve(state, parent)?.clone();
            let id = parse_key(&table, parent.key.as_deref().unwrap_or_default())?;
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

/// `$ref`: associate (POST to a collection, PUT to a single-valued navigation) and
/// disassociate (DELETE), as "Associate and disassociate table rows using the Web API" shows.
fn references(
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

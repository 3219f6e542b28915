//! What every handler shares: the call (method, path, headers, body), the reply, the
//! path's segments, and the pieces of a response (context, preferences applied).

use http::{HeaderMap, Method, Request, Response, StatusCode};
use serde_json::{Map, Value};

use crate::error::ErrorResponse;
use crate::key::Key;
use crate::ops::{Conditions, State};
use crate::query::Options;
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
pub(super) fn split_root(path: &str) -> (Option<&str>, &str) {
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
pub(super) struct Segment {
    pub(super) name: String,
    pub(super) key: Option<String>,
}

pub(super) fn segments(path: &str) -> Result<Vec<Segment>, ErrorResponse> {
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

pub(super) fn parse_key(table: &Table, key: &str) -> Result<Key, ErrorResponse> {
    crate::key::parse(table, key)
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
    pub(super) fn new(status: StatusCode) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: None,
            raw: None,
        }
    }

    pub(super) fn json(status: StatusCode, body: Value) -> Self {
        Self {
            body: Some(body),
            ..Self::new(status)
        }
    }

    pub(super) fn header(mut self, name: &'static str, value: String) -> Self {
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
    pub(super) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
    }

    pub(super) fn prefer(&self) -> Prefer {
        Prefer::parse(
            self.headers
                .get_all("Prefer")
                .iter()
                .filter_map(|v| v.to_str().ok()),
        )
    }

    pub(super) fn conditions(&self) -> Conditions {
        Conditions {
            if_match: self.header("If-Match").map(str::to_owned),
            if_none_match: self.header("If-None-Match").map(str::to_owned),
        }
    }

    pub(super) fn body_object(&self) -> Result<Map<String, Value>, ErrorResponse> {
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

pub(super) fn method_not_allowed(call: &Call<'_>) -> ErrorResponse {
    ErrorResponse::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "0x0",
        format!(
            "The requested resource does not support http method '{}'.",
            call.method
        ),
    )
}

pub(super) fn resolve<'s>(state: &'s State, segment: &Segment) -> Result<&'s Table, ErrorResponse> {
    state
        .schema
        .by_entity_set(&segment.name)
        .ok_or_else(|| match segment.name.as_str() {
            "EntityDefinitions" => ErrorResponse::not_emulated(
                "`EntityDefinitions` without the emulator's feature `entity-definitions`",
            ),
            "$metadata" | "GlobalOptionSetDefinitions" | "RelationshipDefinitions" => {
                ErrorResponse::not_emulated(format!("the metadata endpoint `{}`", segment.name))
            }
            name => ErrorResponse::no_segment(name),
        })
}

pub(super) fn move_context_first(body: Map<String, Value>) -> Map<String, Value> {
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
pub(super) fn context(root: &str, table: &Table, options: &Options, single: bool) -> String {
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

pub(super) fn with_preferences(reply: Reply, prefer: &Prefer, paged: bool) -> Reply {
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

/// Percent-encodes a query component (keeping `$` readable, as the service's links do).
pub(super) fn encode(text: &str) -> String {
    const SET: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'$')
        .remove(b'_')
        .remove(b'-')
        .remove(b'.')
        .remove(b',');
    percent_encoding::utf8_percent_encode(text, SET).to_string()
}

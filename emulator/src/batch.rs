//! `$batch`: a `multipart/mixed` body of requests, with change sets that succeed or fail
//! whole.
//!
//! Follows "Execute batch operations using the Web API": each part is an `application/http`
//! request; a change set (a nested `multipart/mixed` part) runs all or nothing, its
//! requests may carry `Content-ID` and refer to a row created earlier in the set as `$<id>`;
//! the batch stops at the first failed request unless `Prefer: odata.continue-on-error` is
//! sent; the response is `200 OK` with one `application/http` response per request (a
//! failed change set answers with its one error).
//!
//! Documentation:
//! <https://learn.microsoft.com/power-apps/developer/data-platform/webapi/execute-batch-operations-using-web-api>

use http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};

use crate::error::ErrorResponse;
use crate::handler::{self, Call, Reply};
use crate::ops::State;

/// Whether the call is `POST $batch`.
pub(crate) fn is_batch(call: &Call<'_>) -> bool {
    call.path.trim_end_matches('/').ends_with("$batch")
}

/// One request read from a part.
struct Part {
    method: Method,
    target: String,
    headers: HeaderMap,
    body: Vec<u8>,
    content_id: Option<String>,
}

enum Item {
    Request(Part),
    ChangeSet(Vec<Part>),
}

pub(crate) fn handle(state: &mut State, call: &Call<'_>) -> Reply {
    match run(state, call) {
        Ok(reply) => reply,
        Err(error) => error.into(),
    }
}

fn run(state: &mut State, call: &Call<'_>) -> Result<Reply, ErrorResponse> {
    if *call.method != Method::POST {
        return Err(ErrorResponse::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "0x0",
            "$batch takes POST",
        ));
    }
    let content_type = call
        .headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let boundary = boundary_of(content_type).ok_or_else(|| {
        ErrorResponse::bad_request(
            "a $batch request needs `Content-Type: multipart/mixed; boundary=batch_<id>`",
        )
    })?;
    let items = parse_items(call.body, &boundary)?;
    let continue_on_error = call
        .headers
        .get_all("Prefer")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.contains("odata.continue-on-error"));

    let response_boundary = format!("batchresponse_{}", state.store.next_id());
    let mut out = String::new();
    for item in items {
        let failed = match item {
            Item::Request(part) => {
                let reply = execute(state, call.root, &part, &[]);
                let failed = reply.status.as_u16() >= 400;
                push_part(&mut out, &response_boundary, &render(&reply, None));
                failed
            }
            Item::ChangeSet(parts) => {
                let (store, journal) = (state.store.clone(), state.journal.len());
                let mut created: Vec<(String, String)> = Vec::new();
                let mut replies = Vec::new();
                let mut failure = None;
                for part in &parts {
                    let reply = execute(state, call.root, part, &created);
                    if reply.status.as_u16() >= 400 {
                        failure = Some((reply, part.content_id.clone()));
                        break;
                    }
                    if let (Some(id), Some((_, location))) = (
                        &part.content_id,
                        reply.headers.iter().find(|(n, _)| *n == "OData-EntityId"),
                    ) {
                        created.push((id.clone(), location.clone()));
                    }
                    replies.push((reply, part.content_id.clone()));
                }
                match failure {
                    Some((reply, content_id)) => {
                        // all or nothing: the change set's writes are undone
                        state.store = store;
                        state.journal.truncate(journal);
                        push_part(
                            &mut out,
                            &response_boundary,
                            &render(&reply, content_id.as_deref()),
                        );
                        true
                    }
                    None => {
                        let set_boundary = format!("changesetresponse_{}", state.store.next_id());
                        let mut nested = String::new();
                        for (reply, content_id) in &replies {
                            push_part(
                                &mut nested,
                                &set_boundary,
                                &render(reply, content_id.as_deref()),
                            );
                        }
                        nested.push_str(&format!("--{set_boundary}--\r\n"));
                        out.push_str(&format!(
                            "--{response_boundary}\r\nContent-Type: multipart/mixed; boundary={set_boundary}\r\n\r\n{nested}"
                        ));
                        false
                    }
                }
            }
        };
        if failed && !continue_on_error {
            break;
        }
    }
    out.push_str(&format!("--{response_boundary}--\r\n"));
    Ok(Reply {
        status: StatusCode::OK,
        headers: vec![(
            "Content-Type",
            format!("multipart/mixed; boundary={response_boundary}"),
        )],
        body: None,
        raw: Some(out.into_bytes()),
    })
}

fn push_part(out: &mut String, boundary: &str, http: &str) {
    out.push_str(&format!(
        "--{boundary}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n"
    ));
    out.push_str(http);
}

/// The `application/http` text of one response (after the part's own headers).
fn render(reply: &Reply, content_id: Option<&str>) -> String {
    let mut text = String::new();
    if let Some(id) = content_id {
        text.push_str(&format!("Content-ID: {id}\r\n"));
    }
    text.push_str(&format!(
        "\r\nHTTP/1.1 {} {}\r\nOData-Version: 4.0\r\n",
        reply.status.as_u16(),
        reply.status.canonical_reason().unwrap_or_default()
    ));
    for (name, value) in &reply.headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    let body = match (&reply.body, &reply.raw) {
        (_, Some(raw)) => Some(String::from_utf8_lossy(raw).into_owned()),
        (Some(body), None) => Some(body.to_string()),
        (None, None) => None,
    };
    match body {
        Some(body) => {
            if !reply.headers.iter().any(|(n, _)| *n == "Content-Type") {
                text.push_str("Content-Type: application/json; odata.metadata=minimal\r\n");
            }
            text.push_str("\r\n");
            text.push_str(&body);
            text.push_str("\r\n");
        }
        None => text.push_str("\r\n"),
    }
    text
}

/// Runs one request of the batch; `$<content-id>` at the start of its URL stands for the
/// row an earlier request of the change set created.
fn execute(state: &mut State, root: &str, part: &Part, created: &[(String, String)]) -> Reply {
    let mut target = part.target.clone();
    if let Some(reference) = target.strip_prefix('$') {
        let (id, rest) = reference.split_at(reference.find('/').unwrap_or(reference.len()));
        if let Some((_, location)) = created.iter().find(|(cid, _)| cid == id) {
            target = format!("{location}{rest}");
        }
    }
    let (path, query) = match target.find("://") {
        Some(scheme) => {
            let after = &target[scheme + 3..];
            let path_start = after.find('/').map_or(after.len(), |i| i);
            split_query(&after[path_start..])
        }
        None if target.starts_with('/') => split_query(&target),
        // relative to the service root
        None => {
            let (p, q) = split_query(&target);
            (format!("/{p}"), q)
        }
    };
    let call = Call {
        method: &part.method,
        path: &path,
        query: &query,
        headers: &part.headers,
        body: &part.body,
        root,
    };
    if is_batch(&call) {
        return ErrorResponse::bad_request("a $batch cannot hold another $batch").into();
    }
    handler::handle(state, &call)
}

fn split_query(target: &str) -> (String, String) {
    match target.split_once('?') {
        Some((p, q)) => (p.to_owned(), q.to_owned()),
        None => (target.to_owned(), String::new()),
    }
}

fn boundary_of(content_type: &str) -> Option<String> {
    let mut params = content_type.split(';').map(str::trim);
    if !params.next()?.eq_ignore_ascii_case("multipart/mixed") {
        return None;
    }
    params
        .find_map(|p| p.strip_prefix("boundary="))
        .map(|b| b.trim_matches('"').to_owned())
        .filter(|b| !b.is_empty())
}

/// Splits a multipart body into its parts' raw bytes.
fn split_parts<'a>(body: &'a [u8], boundary: &str) -> Result<Vec<&'a [u8]>, ErrorResponse> {
    let delimiter = format!("--{boundary}");
    let delimiter = delimiter.as_bytes();
    let mut positions = Vec::new();
    let mut at = 0;
    while let Some(found) = find(&body[at..], delimiter) {
        positions.push(at + found);
        at += found + delimiter.len();
    }
    let closed = positions
        .last()
        .is_some_and(|last| body[last + delimiter.len()..].starts_with(b"--"));
    if !closed {
        return Err(ErrorResponse::bad_request(format!(
            "the multipart body ends before its closing delimiter `--{boundary}--`"
        )));
    }
    Ok(positions
        .windows(2)
        .map(|w| &body[w[0] + delimiter.len()..w[1]])
        .collect())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Splits `headers CRLF CRLF content` (LF alone accepted too).
fn split_head(part: &[u8]) -> (&[u8], &[u8]) {
    let part = part
        .strip_prefix(b"\r\n")
        .or_else(|| part.strip_prefix(b"\n"))
        .unwrap_or(part);
    if part.starts_with(b"\r\n") {
        return (&[], &part[2..]);
    }
    if part.starts_with(b"\n") {
        return (&[], &part[1..]);
    }
    match (find(part, b"\r\n\r\n"), find(part, b"\n\n")) {
        (Some(crlf), Some(lf)) if lf < crlf => (&part[..lf], &part[lf + 2..]),
        (Some(crlf), _) => (&part[..crlf], &part[crlf + 4..]),
        (None, Some(lf)) => (&part[..lf], &part[lf + 2..]),
        (None, None) => (part, &[]),
    }
}

fn header_lines(head: &[u8]) -> Result<Vec<(String, String)>, ErrorResponse> {
    let text = std::str::from_utf8(head)
        .map_err(|_| ErrorResponse::bad_request("a batch part's headers are not UTF-8"))?;
    Ok(text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect())
}

fn parse_items(body: &[u8], boundary: &str) -> Result<Vec<Item>, ErrorResponse> {
    let mut items = Vec::new();
    for raw in split_parts(body, boundary)? {
        let (head, content) = split_head(raw);
        let headers = header_lines(head)?;
        let content_type = headers
            .iter()
            .find(|(n, _)| n == "content-type")
            .map(|(_, v)| v.as_str())
            .unwrap_or_default();
        if let Some(set_boundary) = boundary_of(content_type) {
            let mut parts = Vec::new();
            for raw in split_parts(content, &set_boundary)? {
                let (head, content) = split_head(raw);
                let part_headers = header_lines(head)?;
                let mut part = parse_request(content)?;
                part.content_id = part_headers
                    .iter()
                    .find(|(n, _)| n == "content-id")
                    .map(|(_, v)| v.clone());
                if part.method == Method::GET {
                    return Err(ErrorResponse::bad_request(
                        "a change set holds writes only; send GET requests outside change sets",
                    ));
                }
                parts.push(part);
            }
            items.push(Item::ChangeSet(parts));
        } else {
            items.push(Item::Request(parse_request(content)?));
        }
    }
    Ok(items)
}

/// `METHOD target HTTP/1.1`, headers, blank line, body.
fn parse_request(content: &[u8]) -> Result<Part, ErrorResponse> {
    let (head, body) = split_head(content);
    let text = std::str::from_utf8(head)
        .map_err(|_| ErrorResponse::bad_request("a batch request's head is not UTF-8"))?;
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let request_line = lines
        .next()
        .ok_or_else(|| ErrorResponse::bad_request("a batch part holds no request line"))?;
    let mut words = request_line.split_whitespace();
    let (Some(method), Some(target)) = (words.next(), words.next()) else {
        return Err(ErrorResponse::bad_request(format!(
            "'{request_line}' is not a request line (`METHOD url HTTP/1.1`)"
        )));
    };
    let method = Method::from_bytes(method.as_bytes())
        .map_err(|_| ErrorResponse::bad_request(format!("'{method}' is not an HTTP method")))?;
    let mut headers = HeaderMap::new();
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            return Err(ErrorResponse::bad_request(format!(
                "'{line}' is not a header"
            )));
        };
        let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.trim().as_bytes()),
            HeaderValue::from_str(value.trim()),
        ) else {
            return Err(ErrorResponse::bad_request(format!(
                "'{line}' is not a header"
            )));
        };
        headers.append(name, value);
    }
    let body = trim_trailing_newlines(body).to_vec();
    Ok(Part {
        method,
        target: target.to_owned(),
        headers,
        body,
        content_id: None,
    })
}

fn trim_trailing_newlines(mut body: &[u8]) -> &[u8] {
    while let Some(rest) = body.strip_suffix(b"\n") {
        body = rest.strip_suffix(b"\r").unwrap_or(rest);
    }
    body
}

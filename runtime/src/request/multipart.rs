//! Reading a `$batch` response: `multipart/mixed` parts, change sets nested one level, each
//! part an HTTP response. Line ends may be CRLF or bare LF. Never panics on any input.

use std::fmt;

use http::{Response, StatusCode};

use super::error::ResponseError;

/// One response in a `$batch` answer.
#[derive(Debug)]
pub struct BatchPart {
    /// The index of the change set (among the batch's parts) it answers, or `None` for a
    /// request sent on its own.
    pub change_set: Option<usize>,
    /// The `Content-ID` of the change-set request it answers.
    pub content_id: Option<String>,
    /// The status, headers and body; read it with [`read_response`](super::read_response).
    pub response: Response<Vec<u8>>,
}

/// A `$batch` answer that could not be read.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum BatchError {
    /// The batch as a whole failed (its status is not a success).
    Response(ResponseError),
    /// The body is not a well-formed `multipart/mixed` answer: cut off, a boundary missing,
    /// a part that is not an HTTP response.
    Malformed(String),
}

impl fmt::Display for BatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Response(error) => write!(f, "the batch failed: {error}"),
            Self::Malformed(message) => write!(f, "the batch answer cannot be read: {message}"),
        }
    }
}

impl std::error::Error for BatchError {}

fn malformed<T>(message: impl Into<String>) -> Result<T, BatchError> {
    Err(BatchError::Malformed(message.into()))
}

/// Reads a `$batch` response into its parts, in the order of the requests: one per request
/// sent on its own, one per request of each change set (a change set that failed answers
/// with one part: the error).
pub fn read_batch<B: AsRef<[u8]>>(response: &Response<B>) -> Result<Vec<BatchPart>, BatchError> {
    if !response.status().is_success() {
        let error =
            super::read_response::<()>(response)
                .err()
                .unwrap_or(ResponseError::UnexpectedStatus {
                    status: response.status(),
                    body: String::new(),
                });
        return Err(BatchError::Response(error));
    }
    let Some(content_type) = response.headers().get(http::header::CONTENT_TYPE) else {
        return malformed("the `Content-Type` header is missing");
    };
    let Ok(content_type) = content_type.to_str() else {
        return malformed("the `Content-Type` header is not text");
    };
    read_batch_body(content_type, response.body().as_ref())
}

/// [`read_batch`] on the `Content-Type` header's value and the body.
pub fn read_batch_body(content_type: &str, body: &[u8]) -> Result<Vec<BatchPart>, BatchError> {
    let boundary = boundary_of(content_type)?;
    let mut parts = Vec::new();
    for (index, part) in split(body, &boundary)?.into_iter().enumerate() {
        let (headers, content) = split_head(part)?;
        let part_type = header(&headers, "content-type").unwrap_or_default();
        if part_type
            .to_ascii_lowercase()
            .starts_with("multipart/mixed")
        {
            let inner = boundary_of(part_type)?;
            for change in split(content, &inner)? {
                let (headers, content) = split_head(change)?;
                parts.push(BatchPart {
                    change_set: Some(index),
                    content_id: header(&headers, "content-id").map(str::to_owned),
                    response: http_response(content)?,
                });
            }
        } else {
            parts.push(BatchPart {
                change_set: None,
                content_id: header(&headers, "content-id").map(str::to_owned),
                response: http_response(content)?,
            });
        }
    }
    Ok(parts)
}

/// The `boundary` parameter of a `multipart/mixed` content type (quoted or not).
fn boundary_of(content_type: &str) -> Result<String, BatchError> {
    let lower = content_type.to_ascii_lowercase();
    if !lower.trim_start().starts_with("multipart/mixed") {
        return malformed(format!(
            "content type `{content_type}` is not `multipart/mixed`"
        ));
    }
    let boundary = content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| value.trim().trim_matches('"').to_owned())
    });
    match boundary {
        Some(boundary) if !boundary.is_empty() => Ok(boundary),
        _ => malformed(format!(
            "content type `{content_type}` has no `boundary` parameter"
        )),
    }
}

/// The lines of `body` as (start, end without its line end, start of the next line).
fn lines(body: &[u8]) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= body.len() {
            return None;
        }
        let (end, next) = match body[start..].iter().position(|&b| b == b'\n') {
            Some(offset) => {
                let newline = start + offset;
                let end = if newline > start && body[newline - 1] == b'\r' {
                    newline - 1
                } else {
                    newline
                };
                (end, newline + 1)
            }
            None => (body.len(), body.len()),
        };
        let line = (start, end, next);
        start = next;
        Some(line)
    })
}

/// The parts between `--boundary` lines, up to `--boundary--`; each without the line end
/// that precedes the next delimiter.
fn split<'a>(body: &'a [u8], boundary: &str) -> Result<Vec<&'a [u8]>, BatchError> {
    let delimiter = format!("--{boundary}");
    let mut parts = Vec::new();
    // start of the current part's content, and where its last line ended
    let mut current: Option<(usize, usize)> = None;
    for (start, end, next) in lines(body) {
        let line = &body[start..end];
        let Some(rest) = line.strip_prefix(delimiter.as_bytes()) else {
            if let Some((_, last_end)) = current.as_mut() {
                *last_end = end;
            }
            continue;
        };
        let closing = rest.starts_with(b"--");
        let padding = if closing { &rest[2..] } else { rest };
        if !padding.iter().all(|b| *b == b' ' || *b == b'\t') {
            // `--boundaryX`: a longer word, not this delimiter
            if let Some((_, last_end)) = current.as_mut() {
                *last_end = end;
            }
            continue;
        }
        if let Some((content_start, content_end)) = current.take() {
            parts.push(&body[content_start..content_end.max(content_start)]);
        }
        if closing {
            if parts.is_empty() {
                return malformed(format!(
                    "no part before the closing boundary `{delimiter}--`"
                ));
            }
            return Ok(parts);
        }
        current = Some((next, next));
    }
    if parts.is_empty() && current.is_none() {
        malformed(format!("the boundary `{delimiter}` is not in the body"))
    } else {
        malformed(format!(
            "the body is cut off: the closing boundary `{delimiter}--` is missing"
        ))
    }
}

/// A part's MIME headers (names lowercase) and its content after the first empty line.
/// A part's MIME headers: lowercase names and their values.
type PartHeaders = Vec<(String, String)>;

fn split_head(part: &[u8]) -> Result<(PartHeaders, &[u8]), BatchError> {
    let mut headers = Vec::new();
    for (start, end, next) in lines(part) {
        let line = &part[start..end];
        if line.is_empty() {
            return Ok((headers, &part[next.min(part.len())..]));
        }
        let text = String::from_utf8_lossy(line);
        let Some((name, value)) = text.split_once(':') else {
            return malformed(format!("part header `{text}` has no `:`"));
        };
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
    }
    malformed("a part has no empty line after its headers")
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// An `application/http` part's content: status line, headers, body.
fn http_response(content: &[u8]) -> Result<Response<Vec<u8>>, BatchError> {
    // the line end before a boundary belongs to the boundary, so a response without a body
    // needs an empty line after its headers; servers often leave it out: when the head is
    // unfinished, read the missing line ends in its place (the body is then empty)
    let mut completed = content.to_vec();
    for ending in [&b""[..], b"\r\n", b"\r\n"] {
        completed.extend_from_slice(ending);
        let mut headers = [httparse::EMPTY_HEADER; 64];
        let mut parsed = httparse::Response::new(&mut headers);
        match parsed.parse(&completed) {
            Ok(httparse::Status::Complete(length)) => {
                return build_response(&parsed, completed.get(length..).unwrap_or_default());
            }
            Ok(httparse::Status::Partial) => continue,
            Err(error) => return malformed(format!("a part is not an HTTP response: {error}")),
        }
    }
    malformed("a part's HTTP response is cut off before the end of its headers")
}

fn build_response(
    parsed: &httparse::Response<'_, '_>,
    body: &[u8],
) -> Result<Response<Vec<u8>>, BatchError> {
    let status = parsed
        .code
        .and_then(|code| StatusCode::from_u16(code).ok())
        .ok_or_else(|| BatchError::Malformed("a part's status is not valid".to_owned()))?;
    let mut builder = Response::builder().status(status);
    for header in parsed.headers.iter() {
        builder = builder.header(header.name, header.value);
    }
    builder
        .body(body.to_vec())
        .map_err(|error| BatchError::Malformed(format!("a part's headers are not valid: {error}")))
}

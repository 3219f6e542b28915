//! Writing a `$batch` request: requests and change sets as `multipart/mixed`, CRLF line ends.

use std::hash::{BuildHasher, Hasher};

use http::{Method, Request};

use super::error::RequestError;
use super::service::{Service, finish, request};

/// The `Content-ID` of a request in a change set: later requests of the same change set can
/// refer to the row it creates as `$<id>` (see [`ChangeSet::reference`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ContentId(pub u32);

/// Requests that succeed or fail together: the service runs them in one transaction.
/// A change set holds no `GET`.
#[derive(Debug, Default)]
pub struct ChangeSet {
    requests: Vec<(ContentId, Request<Vec<u8>>)>,
}

impl ChangeSet {
    /// An empty change set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a request that changes data; its [`ContentId`] numbers it within the batch.
    pub fn push(&mut self, request: Request<Vec<u8>>) -> Result<ContentId, RequestError> {
        if request.method() == Method::GET {
            return Err(RequestError::new(format!(
                "`GET {}` cannot go into a change set, which holds only changes; add it to the batch itself",
                request.uri()
            )));
        }
        // ids are unique within the change set; the batch renumbers nothing
        let id = ContentId(self.requests.len() as u32 + 1);
        self.requests.push((id, request));
        Ok(id)
    }

    /// `$<id>`: the row created by the request `id` of this change set, for an
    /// `@odata.bind` in a later request of the same change set.
    pub fn reference(id: ContentId) -> String {
        format!("${}", id.0)
    }

    /// The number of requests.
    pub fn len(&self) -> usize {
        self.requests.len()
    }

    /// True when there are no requests.
    pub fn is_empty(&self) -> bool {
        self.requests.is_empty()
    }
}

#[derive(Debug)]
enum Item {
    Request(Box<Request<Vec<u8>>>),
    ChangeSet(ChangeSet),
}

/// A `$batch` request: up to 1,000 requests and change sets sent in one HTTP request and run
/// in order; the answer is read with [`read_batch`](super::read_batch).
///
/// ```
/// use dataverse_model::request::{read_batch, Batch, ChangeSet, Service};
///
/// let service = Service::default();
/// let create = http::Request::post("/api/data/v9.2/tasks")
///     .header("Content-Type", "application/json")
///     .body(br#"{"subject":"Task 1"}"#.to_vec())
///     .unwrap();
/// let mut change_set = ChangeSet::new();
/// change_set.push(create).unwrap();
/// let mut batch = Batch::with_boundary("batch_1");
/// batch.push_change_set(change_set);
/// let request = batch.into_request(&service).unwrap();
/// assert_eq!(request.uri(), "/api/data/v9.2/$batch");
/// assert_eq!(request.headers()["Content-Type"], "multipart/mixed; boundary=batch_1");
/// let body = String::from_utf8(request.into_body()).unwrap();
/// assert!(body.starts_with("--batch_1\r\nContent-Type: multipart/mixed; boundary=changeset_1\r\n"));
/// assert!(body.ends_with("--changeset_1--\r\n--batch_1--\r\n"));
/// ```
#[derive(Debug)]
pub struct Batch {
    boundary: String,
    items: Vec<Item>,
}

impl Default for Batch {
    fn default() -> Self {
        Self::new()
    }
}

impl Batch {
    /// An empty batch with a random boundary (`batch_<random hex>`).
    pub fn new() -> Self {
        // `RandomState` is seeded randomly per process: no dependency for a boundary
        let random = std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish();
        Self::with_boundary(&format!("batch_{random:016x}"))
    }

    /// An empty batch with the given boundary (tests; the boundary must not occur in any
    /// body).
    pub fn with_boundary(boundary: &str) -> Self {
        Self {
            boundary: boundary.to_owned(),
            items: Vec::new(),
        }
    }

    /// Adds a request run on its own (a `GET`, or a change that may fail alone).
    pub fn push(&mut self, request: Request<Vec<u8>>) {
        self.items.push(Item::Request(Box::new(request)));
    }

    /// Adds a change set: its requests succeed or fail together.
    pub fn push_change_set(&mut self, change_set: ChangeSet) {
        self.items.push(Item::ChangeSet(change_set));
    }

    /// The number of requests, counting each one in a change set.
    pub fn len(&self) -> usize {
        self.items
            .iter()
            .map(|item| match item {
                Item::Request(_) => 1,
                Item::ChangeSet(set) => set.len(),
            })
            .sum()
    }

    /// True when there are no requests.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `POST <root>$batch` with the `multipart/mixed` body. Errors: more than 1,000
    /// requests, or the boundary found inside a request's body.
    pub fn into_request(self, service: &Service) -> Result<Request<Vec<u8>>, RequestError> {
        if self.len() > 1000 {
            return Err(RequestError::new(format!(
                "a batch holds at most 1000 requests, this one {}; split it into several batches",
                self.len()
            )));
        }
        let mut body = Vec::new();
        let batch = &self.boundary;
        for (index, item) in self.items.iter().enumerate() {
            line(&mut body, &format!("--{batch}"));
            match item {
                Item::Request(request) => write_part(&mut body, request, None, batch)?,
                Item::ChangeSet(set) => {
                    let change_set = format!("changeset_{}", batch_suffix(batch, index));
                    line(
                        &mut body,
                        &format!("Content-Type: multipart/mixed; boundary={change_set}"),
                    );
                    line(&mut body, "");
                    for (id, request) in &set.requests {
                        line(&mut body, &format!("--{change_set}"));
                        write_part(&mut body, request, Some(*id), &change_set)?;
                    }
                    line(&mut body, &format!("--{change_set}--"));
                }
            }
        }
        line(&mut body, &format!("--{batch}--"));
        let url = format!("{}$batch", service.root());
        let builder = request(Method::POST, &url, false)?
            .header("Content-Type", format!("multipart/mixed; boundary={batch}"));
        finish(builder, body)
    }
}

/// `batch_1` → `1`: change set boundaries echo the batch's, so tests stay readable; the
/// index keeps them unique within the batch.
fn batch_suffix(batch: &str, index: usize) -> String {
    let suffix = batch.strip_prefix("batch_").unwrap_or(batch);
    if index == 0 {
        suffix.to_owned()
    } else {
        format!("{suffix}_{index}")
    }
}

fn line(body: &mut Vec<u8>, text: &str) {
    body.extend_from_slice(text.as_bytes());
    body.extend_from_slice(b"\r\n");
}

/// One `application/http` part: the MIME headers, then the request line, headers and body.
fn write_part(
    body: &mut Vec<u8>,
    request: &Request<Vec<u8>>,
    content_id: Option<ContentId>,
    boundary: &str,
) -> Result<(), RequestError> {
    if request
        .body()
        .windows(boundary.len() + 2)
        .any(|window| window.starts_with(b"--") && &window[2..] == boundary.as_bytes())
    {
        return Err(RequestError::new(format!(
            "the body of `{} {}` contains the boundary `{boundary}`; choose another boundary",
            request.method(),
            request.uri()
        )));
    }
    line(body, "Content-Type: application/http");
    line(body, "Content-Transfer-Encoding: binary");
    if let Some(id) = content_id {
        line(body, &format!("Content-ID: {}", id.0));
    }
    line(body, "");
    line(
        body,
        &format!("{} {} HTTP/1.1", request.method(), request.uri()),
    );
    for (name, value) in request.headers() {
        body.extend_from_slice(name.as_str().as_bytes());
        body.extend_from_slice(b": ");
        body.extend_from_slice(value.as_bytes());
        body.extend_from_slice(b"\r\n");
    }
    line(body, "");
    if !request.body().is_empty() {
        body.extend_from_slice(request.body());
        body.extend_from_slice(b"\r\n");
    }
    Ok(())
}

//! A local Dataverse Web API for tests, driven by the tables' compiled metadata.
//!
//! Register the tables your code reads and writes (the structs `#[dataverse_entity]`
//! declares), seed rows, and call the emulator with `http::Request`s ([`Emulator::handle`],
//! no socket) or serve it on a loopback port for any HTTP client ([`Emulator::serve`]).
//! It answers as the service does: ids, binds, etags and `If-Match`, upsert, queries with
//! paging and annotations, validation errors in the service's error shape, and each
//! relationship's cascade configuration (deleting a parent deletes, unlinks or refuses as
//! the relationship says). The README lists what is emulated and what is not.
//!
//! ```
//! use dataverse_model::{dataverse_entity, Guid};
//! use dataverse_model_emulator::Emulator;
//!
//! #[dataverse_entity(logical_name = "account", entity_set = "accounts",
//!                    primary_id = "accountid", primary_name = "name")]
//! pub struct Account {
//!     pub accountid: Option<Guid>,
//!     #[dataverse(max_length = 160)]
//!     pub name: Option<String>,
//! }
//!
//! let emulator = Emulator::new().table::<Account>();
//! let id = emulator.seed(&Account { accountid: None, name: Some("Contoso".into()) }).unwrap();
//!
//! let request = http::Request::get(format!("/api/data/v9.2/accounts({id})?$select=name"))
//!     .body(Vec::new())
//!     .unwrap();
//! let response = emulator.handle(request);
//! assert_eq!(response.status(), 200);
//! let row: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
//! assert_eq!(row["name"], "Contoso");
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod batch;
mod error;
mod filter;
mod handler;
mod journal;
mod key;
mod ops;
mod query;
mod render;
mod schema;
#[cfg(feature = "server")]
mod server;
mod store;
mod values;

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, PoisonError, RwLock};

use dataverse_model::{Entity, EntityMetadata, Guid};
use serde_json::{Map, Value};

pub use error::ErrorResponse;
pub use journal::{CascadeEffect, CascadeEvent};
#[cfg(feature = "server")]
pub use server::Server;

/// The README's examples, compiled and run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

use handler::Call;
use ops::State;

/// The largest request body accepted by default (the server answers 413 above it).
pub const DEFAULT_MAX_BODY: usize = 16 * 1024 * 1024;

/// An in-memory Dataverse Web API: registered tables, their rows, and the request handler.
///
/// Cloning gives another handle to the same data; every handle is `Send + Sync`. Each
/// request runs under one lock, so a request sees and leaves the data whole.
#[derive(Clone)]
pub struct Emulator {
    state: Arc<RwLock<State>>,
    max_body: usize,
    throttle: Arc<Throttle>,
}

/// Requests still to refuse with 429, and the `Retry-After` they carry.
#[derive(Debug, Default)]
struct Throttle {
    remaining: AtomicUsize,
    retry_after: AtomicU64,
}

impl Default for Emulator {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for Emulator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = self.read();
        f.debug_struct("Emulator")
            .field(
                "tables",
                &state
                    .schema
                    .tables()
                    .map(|t| t.logical_name)
                    .collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl Emulator {
    /// An emulator with no tables.
    pub fn new() -> Self {
        Self {
            state: Arc::new(RwLock::new(State::default())),
            max_body: DEFAULT_MAX_BODY,
            throttle: Arc::default(),
        }
    }

    /// Registers the table `E` declares. Registering several structs of one table (a
    /// projection, a solution layer with `extends`) merges their columns; a column declared
    /// twice keeps the declaration whose choice or lookup extends the other's.
    pub fn table<E: Entity>(self) -> Self {
        self.register(E::METADATA);
        self
    }

    /// Registers a table by its metadata (what [`table`](Self::table) does).
    pub fn register(&self, metadata: &'static EntityMetadata) {
        self.write().schema.register(metadata);
    }

    /// Sets the largest request body the server reads (413 above it).
    pub fn max_body(mut self, bytes: usize) -> Self {
        self.max_body = bytes;
        self
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, State> {
        // a panic never leaves the state half-written (writes are whole or undone), so a
        // poisoned lock still holds consistent data
        self.state.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, State> {
        self.state.write().unwrap_or_else(PoisonError::into_inner)
    }

    /// Adds a row as a create request would (its create body: binds resolved, values
    /// validated); returns its id.
    pub fn seed<E: Entity>(&self, row: &E) -> Result<Guid, ErrorResponse> {
        let body = serde_json::to_value(row.create_payload())
            .map_err(|e| ErrorResponse::bad_request(format!("the row has no create body: {e}")))?;
        self.seed_json(E::METADATA.entity_set, body)
    }

    /// Adds a row from a create body (`{"name": "…", "<nav>@odata.bind": "/<set>(<id>)"}`)
    /// to the table with entity set `entity_set`; returns its id.
    pub fn seed_json(&self, entity_set: &str, body: Value) -> Result<Guid, ErrorResponse> {
        let Value::Object(body) = body else {
            return Err(ErrorResponse::bad_request("a row must be a JSON object"));
        };
        let mut state = self.write();
        let table = state
            .schema
            .by_entity_set(entity_set)
            .map(|t| t.logical_name)
            .ok_or_else(|| ErrorResponse::no_segment(entity_set))?;
        state.create(table, &body)
    }

    /// Refuses the next `requests` requests as the service does past its service protection
    /// limits: `429 Too Many Requests` with `Retry-After: <retry_after_seconds>` and error
    /// `0x80072322`, changing nothing, so a test can drive the client's retry logic.
    /// ("Service protection API limits":
    /// <https://learn.microsoft.com/power-apps/developer/data-platform/api-limits>)
    pub fn throttle(&self, requests: usize, retry_after_seconds: u64) {
        self.throttle
            .retry_after
            .store(retry_after_seconds, Ordering::SeqCst);
        self.throttle.remaining.store(requests, Ordering::SeqCst);
    }

    /// Takes one refusal from the throttle, if any is left.
    fn throttled(&self) -> Option<handler::Reply> {
        self.throttle
            .remaining
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .ok()?;
        let retry_after = self.throttle.retry_after.load(Ordering::SeqCst);
        let mut reply = handler::Reply::from(ErrorResponse::new(
            http::StatusCode::TOO_MANY_REQUESTS,
            "0x80072322",
            "Number of requests exceeded the limit of 6000 over time window of 300 seconds.",
        ));
        reply.headers.push(("Retry-After", retry_after.to_string()));
        Some(reply)
    }

    /// Answers one request. The URI is a path under the service root
    /// (`/api/data/v9.2/accounts`), or relative to it (`/accounts`), or absolute; links in
    /// the response start with the request's origin (or its `Host`).
    pub fn handle<B: AsRef<[u8]>>(&self, request: http::Request<B>) -> http::Response<Vec<u8>> {
        let root = handler::service_root(&request);
        let (parts, body) = request.into_parts();
        let body = body.as_ref();
        if body.len() > self.max_body {
            return handler::Reply::from(ErrorResponse::new(
                http::StatusCode::PAYLOAD_TOO_LARGE,
                "0x0",
                format!("the request body is larger than {} bytes", self.max_body),
            ))
            .into_response();
        }
        if let Some(reply) = self.throttled() {
            return reply.into_response();
        }
        let call = Call {
            method: &parts.method,
            path: parts.uri.path(),
            query: parts.uri.query().unwrap_or_default(),
            headers: &parts.headers,
            body,
            root: &root,
        };
        if batch::is_batch(&call) {
            return batch::handle(&mut self.write(), &call).into_response();
        }
        if handler::reads_only(call.method) {
            return handler::handle_read(&self.read(), &call).into_response();
        }
        handler::handle(&mut self.write(), &call).into_response()
    }

    /// The stored rows of table `logical_name`, as the service holds them (lookups as
    /// `_<col>_value` with their `lookuplogicalname` annotation), in id order.
    pub fn rows(&self, logical_name: &str) -> Vec<Map<String, Value>> {
        self.read()
            .store
            .rows(logical_name)
            .map(|(_, row)| row.fields.clone())
            .collect()
    }

    /// The stored row `id` of table `logical_name`.
    pub fn row(&self, logical_name: &str, id: Guid) -> Option<Map<String, Value>> {
        self.read()
            .store
            .get(logical_name, id)
            .map(|row| row.fields.clone())
    }

    /// What cascades did so far, in order (rows deleted, unlinked, assigned).
    pub fn journal(&self) -> Vec<CascadeEvent> {
        self.read().journal.clone()
    }

    /// Serves the emulator over HTTP on `127.0.0.1`, on a free port; the server stops
    /// when the returned handle is dropped. (Feature `server`, on by default.)
    #[cfg(feature = "server")]
    pub fn serve(&self) -> std::io::Result<Server> {
        Server::start(self.clone())
    }

    #[cfg(feature = "server")]
    pub(crate) fn max_body_bytes(&self) -> usize {
        self.max_body
    }
}

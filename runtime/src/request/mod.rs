//! Sans-IO requests and responses: the crate builds `http::Request<Vec<u8>>` values and reads
//! `http::Response<impl AsRef<[u8]>>` values; the user's HTTP client sends them and adds
//! authentication.
//!
//! - [`Service`] builds requests relative to the service root: retrieve (by id, by
//!   [`AlternateKey`]), retrieve-multiple from a [`Query`](crate::query::Query), next page,
//!   create, update (with [`IfMatch`]), upsert, delete, associate and disassociate.
//! - [`read_response`] reads a response into the typed result or a [`ResponseError`].
//! - [`Batch`] writes a `$batch` request with change sets; [`read_batch`] reads its answer.
//! - [`Service::create_multiple`] and friends split rows into bulk requests.
//!
//! # Service protection limits
//!
//! Dataverse limits each user per web server over a sliding window of 5 minutes: 6,000
//! requests, 20 minutes (1,200 seconds) of combined execution time, and 52 concurrent
//! requests. Past a limit it answers `429 Too Many Requests` with a `Retry-After` header
//! (read as [`ResponseError::TooManyRequests`]); error codes `0x80072322` (requests),
//! `0x80072321` (execution time) and `0x80072326` (concurrency). Wait the full `Retry-After`
//! before sending again: requests sent while throttled extend the wait. Plan throughput with
//! the bulk messages ([`Service::create_multiple`], ...): one request writes many rows, so the
//! request limit is reached later; execution time still grows with the rows written.

mod batch;
mod bulk;
mod column;
mod error;
mod key;
mod multipart;
mod read;
mod service;
mod write;

pub use batch::{Batch, ChangeSet, ContentId};
pub use bulk::{BULK_DEFAULT_SIZE, BulkMessage};
pub use error::{RequestError, ResponseError};
pub use key::AlternateKey;
pub use multipart::{BatchError, BatchPart, read_batch, read_batch_body};
pub use read::{CreatedIds, FromResponse, read_parts, read_response};
pub use service::{DEFAULT_ROOT, Service};
pub use write::{Cardinality, IfMatch};

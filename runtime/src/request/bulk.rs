//! Bulk operation messages: `CreateMultiple`, `UpdateMultiple`, `UpsertMultiple`.

use http::{Method, Request};
use serde_json::{Map, Value};

use super::error::RequestError;
use super::service::{Service, finish, request};
use crate::Entity;

/// A size to start from: Microsoft advises measuring, starting around 100 rows per request
/// for standard tables (fewer for wide rows or tables with synchronous plug-ins).
pub const BULK_DEFAULT_SIZE: usize = 100;

/// Which bulk message to send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulkMessage {
    /// Creates rows; the service answers with their ids (read as
    /// [`CreatedIds`](super::CreatedIds)).
    CreateMultiple,
    /// Updates rows by their ids; every row needs its primary id.
    UpdateMultiple,
    /// Creates or updates rows by their ids (or alternate keys).
    UpsertMultiple,
}

impl BulkMessage {
    fn name(self) -> &'static str {
        match self {
            Self::CreateMultiple => "CreateMultiple",
            Self::UpdateMultiple => "UpdateMultiple",
            Self::UpsertMultiple => "UpsertMultiple",
        }
    }
}

/// Bulk writes: one request writes many rows of one table, the fastest way to write at
/// scale. Each request is `POST <set>/Microsoft.Dynamics.CRM.<message>` with
/// `{"Targets": [{"@odata.type": "Microsoft.Dynamics.CRM.<table>", ...}, ...]}`; the rows are
/// split into requests of at most `size` rows. Send them one after the other, or a few at a
/// time within the service protection limits (see [`request`](super#service-protection-limits)):
/// each request still counts its rows' execution time, and a request running past 2 minutes
/// fails, so lower `size` for wide rows or tables with plug-ins.
impl Service {
    /// `CreateMultiple` requests of at most `size` rows (their create bodies).
    pub fn create_multiple<E: Entity>(
        &self,
        rows: &[E],
        size: usize,
    ) -> Result<Vec<Request<Vec<u8>>>, RequestError> {
        self.bulk(BulkMessage::CreateMultiple, rows, size)
    }

    /// `UpdateMultiple` requests of at most `size` rows (their update bodies plus the
    /// primary id, which every row must have).
    pub fn update_multiple<E: Entity>(
        &self,
        rows: &[E],
        size: usize,
    ) -> Result<Vec<Request<Vec<u8>>>, RequestError> {
        self.bulk(BulkMessage::UpdateMultiple, rows, size)
    }

    /// `UpsertMultiple` requests of at most `size` rows (their create bodies, with the
    /// primary id when the row has one).
    pub fn upsert_multiple<E: Entity>(
        &self,
        rows: &[E],
        size: usize,
    ) -> Result<Vec<Request<Vec<u8>>>, RequestError> {
        self.bulk(BulkMessage::UpsertMultiple, rows, size)
    }

    /// The requests of `message` for `rows`, at most `size` rows each.
    pub fn bulk<E: Entity>(
        &self,
        message: BulkMessage,
        rows: &[E],
        size: usize,
    ) -> Result<Vec<Request<Vec<u8>>>, RequestError> {
        if size == 0 {
            return Err(RequestError::new(
                "a bulk request holds at least one row; give a size of 1 or more",
            ));
        }
        let metadata = E::METADATA;
        let url = format!(
            "{}/Microsoft.Dynamics.CRM.{}",
            self.collection_url::<E>(),
            message.name()
        );
        let odata_type = Value::String(format!("Microsoft.Dynamics.CRM.{}", metadata.logical_name));
        let mut requests = Vec::with_capacity(rows.len().div_ceil(size));
        for (chunk_index, chunk) in rows.chunks(size).enumerate() {
            let mut targets = Vec::with_capacity(chunk.len());
            for (offset, row) in chunk.iter().enumerate() {
                let payload = match message {
                    BulkMessage::UpdateMultiple => serde_json::to_value(row.update_payload()),
                    _ => serde_json::to_value(row.create_payload()),
                };
                let mut target = match payload {
                    Ok(Value::Object(map)) => map,
                    Ok(_) => Map::new(),
                    Err(error) => {
                        return Err(RequestError::new(format!(
                            "row {} could not be written: {error}",
                            chunk_index * size + offset
                        )));
                    }
                };
                if message == BulkMessage::UpdateMultiple {
                    let Some(id) = row.primary_id() else {
                        return Err(RequestError::new(format!(
                            "row {} has no `{}`; `UpdateMultiple` needs every row's id",
                            chunk_index * size + offset,
                            metadata.primary_id
                        )));
                    };
                    target.insert(
                        metadata.primary_id.to_owned(),
                        Value::String(id.to_string()),
                    );
                }
                target.insert("@odata.type".to_owned(), odata_type.clone());
                targets.push(Value::Object(target));
            }
            let mut body = Map::new();
            body.insert("Targets".to_owned(), Value::Array(targets));
            let bytes = serde_json::to_vec(&body).map_err(|error| {
                RequestError::new(format!("the bulk body could not be written: {error}"))
            })?;
            requests.push(finish(request(Method::POST, &url, true)?, bytes)?);
        }
        Ok(requests)
    }
}

//! Requests that change rows: create, update, upsert, delete, associate and disassociate.

use http::header::{HeaderValue, IF_MATCH, IF_NONE_MATCH};
use http::{Method, Request};

use super::error::RequestError;
use super::key::AlternateKey;
use super::service::{Service, finish, request, with_prefer};
use crate::query::{Many, Navigation, One, Prefer, Query};
use crate::{Entity, Guid};

/// The `If-Match` condition of an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfMatch<'a> {
    /// `If-Match: <etag>`: only if the row has not changed since it was read (optimistic
    /// concurrency); otherwise the service answers 412.
    Etag(&'a str),
    /// `If-Match: *`: only if the row exists, so an update never creates a row (a `PATCH`
    /// without it is an upsert).
    Exists,
}

fn body<T: serde::Serialize>(value: &T) -> Result<Vec<u8>, RequestError> {
    serde_json::to_vec(value)
        .map_err(|error| RequestError::new(format!("the row could not be written: {error}")))
}

fn header_value(name: &str, value: &str) -> Result<HeaderValue, RequestError> {
    HeaderValue::from_str(value).map_err(|_| {
        RequestError::new(format!(
            "`{value}` cannot be sent as `{name}`; pass the `@odata.etag` the service returned"
        ))
    })
}

/// The `$ref` body: `{"@odata.id": "<url of the row>"}`.
fn reference_body(url: &str) -> Result<Vec<u8>, RequestError> {
    let mut map = serde_json::Map::new();
    map.insert(
        "@odata.id".to_owned(),
        serde_json::Value::String(url.to_owned()),
    );
    body(&map)
}

/// How a navigation associates: `POST` adds to a collection, `PUT` sets a single value.
pub trait Cardinality {
    /// The method of an associate request.
    #[doc(hidden)]
    const ASSOCIATE: Method;
}

impl Cardinality for One {
    const ASSOCIATE: Method = Method::PUT;
}

impl Cardinality for Many {
    const ASSOCIATE: Method = Method::POST;
}

impl Service {
    /// `POST <set>` with the row's create body; the service answers `204 No Content` with
    /// the new id in `OData-EntityId` (read it as a [`Guid`] with
    /// [`read_response`](super::read_response)).
    pub fn create<E: Entity>(&self, row: &E) -> Result<Request<Vec<u8>>, RequestError> {
        let bytes = body(&row.create_payload())?;
        finish(
            request(Method::POST, &self.collection_url::<E>(), true)?,
            bytes,
        )
    }

    /// `POST <set>?$select=<the struct's columns>` with `Prefer: return=representation`: the
    /// service answers `201 Created` with the row as stored (read it as `E`).
    pub fn create_returning<E: Entity>(&self, row: &E) -> Result<Request<Vec<u8>>, RequestError> {
        let bytes = body(&row.create_payload())?;
        let url = format!(
            "{}?{}",
            self.collection_url::<E>(),
            crate::query::encode_options(&Query::<E>::new().options_for(true))
        );
        let prefer = Prefer {
            return_representation: true,
            ..Prefer::default()
        };
        finish(
            with_prefer(request(Method::POST, &url, true)?, &prefer)?,
            bytes,
        )
    }

    /// `PATCH <set>(<id>)` with the row's update body and an `If-Match` condition: the row's
    /// etag (the service answers 412 when the row changed since) or [`IfMatch::Exists`].
    pub fn update<E: Entity>(
        &self,
        id: Guid,
        row: &E,
        condition: IfMatch<'_>,
    ) -> Result<Request<Vec<u8>>, RequestError> {
        let bytes = body(&row.update_payload())?;
        let value = match condition {
            IfMatch::Etag(etag) => header_value("If-Match", etag)?,
            IfMatch::Exists => HeaderValue::from_static("*"),
        };
        let builder = request(Method::PATCH, &self.row_url::<E>(id), true)?;
        finish(builder.header(IF_MATCH, value), bytes)
    }

    /// `PATCH <set>(<id>)` without a condition: updates the row, or creates it with this id.
    pub fn upsert<E: Entity>(&self, id: Guid, row: &E) -> Result<Request<Vec<u8>>, RequestError> {
        let bytes = body(&row.update_payload())?;
        finish(request(Method::PATCH, &self.row_url::<E>(id), true)?, bytes)
    }

    /// `PATCH <set>(<key>)`: updates the row with this alternate key, or creates it.
    pub fn upsert_by_key<E: Entity>(
        &self,
        key: &AlternateKey<E>,
        row: &E,
    ) -> Result<Request<Vec<u8>>, RequestError> {
        let bytes = body(&row.update_payload())?;
        let url = format!("{}{}", self.root(), key.path());
        finish(request(Method::PATCH, &url, true)?, bytes)
    }

    /// `PATCH <set>(<id>)` with `If-None-Match: *`: creates the row with this id and never
    /// updates an existing one (the service answers 412 then).
    pub fn create_with_id<E: Entity>(
        &self,
        id: Guid,
        row: &E,
    ) -> Result<Request<Vec<u8>>, RequestError> {
        let bytes = body(&row.update_payload())?;
        let builder = request(Method::PATCH, &self.row_url::<E>(id), true)?;
        finish(builder.header(IF_NONE_MATCH, "*"), bytes)
    }

    /// `DELETE <set>(<id>)`, with `If-Match: <etag>` when an etag is given (the service then
    /// answers 412 when the row changed since it was read).
    pub fn delete<E: Entity>(
        &self,
        id: Guid,
        etag: Option<&str>,
    ) -> Result<Request<Vec<u8>>, RequestError> {
        let mut builder = request(Method::DELETE, &self.row_url::<E>(id), false)?;
        if let Some(etag) = etag {
            builder = builder.header(IF_MATCH, header_value("If-Match", etag)?);
        }
        finish(builder, Vec::new())
    }

    /// Associates row `id` of `E` with row `target` of `T` through `navigation`:
    /// `POST <set>(<id>)/<navigation>/$ref` for a collection, `PUT` for a single-valued
    /// navigation, with `{"@odata.id": "<root><target set>(<target>)"}`.
    pub fn associate<E: Entity, T: Entity, K: Cardinality>(
        &self,
        id: Guid,
        navigation: Navigation<E, T, K>,
        target: Guid,
    ) -> Result<Request<Vec<u8>>, RequestError> {
        let url = format!("{}/{}/$ref", self.row_url::<E>(id), navigation.name());
        let bytes = reference_body(&self.row_url::<T>(target))?;
        finish(request(K::ASSOCIATE, &url, true)?, bytes)
    }

    /// Removes row `target` from the collection `navigation` of row `id`:
    /// `DELETE <set>(<id>)/<navigation>(<target>)/$ref`.
    pub fn disassociate<E: Entity, T: Entity>(
        &self,
        id: Guid,
        navigation: Navigation<E, T, Many>,
        target: Guid,
    ) -> Result<Request<Vec<u8>>, RequestError> {
        let url = format!(
            "{}/{}({})/$ref",
            self.row_url::<E>(id),
            navigation.name(),
            target.hyphenated()
        );
        finish(request(Method::DELETE, &url, false)?, Vec::new())
    }

    /// Clears the single-valued `navigation` of row `id` (a lookup):
    /// `DELETE <set>(<id>)/<navigation>/$ref`.
    pub fn clear_reference<E: Entity, T: Entity>(
        &self,
        id: Guid,
        navigation: Navigation<E, T, One>,
    ) -> Result<Request<Vec<u8>>, RequestError> {
        let url = format!("{}/{}/$ref", self.row_url::<E>(id), navigation.name());
        finish(request(Method::DELETE, &url, false)?, Vec::new())
    }
}

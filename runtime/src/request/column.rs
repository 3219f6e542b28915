//! Requests on one column of one row: `PUT <set>(<id>)/<column>` with `{"value": …}` and
//! `DELETE <set>(<id>)/<column>` (the Web API's "Update a single property value" and
//! "Delete a single property value", in "Update and delete table rows using the Web API").

use http::{Method, Request};
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::error::RequestError;
use super::service::{Service, finish, request};
use crate::query::Column;
use crate::{ColumnCodec, ColumnKind, ColumnValue, Entity, Guid};

/// `{"value": <the column's value>}`, written by the column's own codec so the value has
/// exactly the form a row body gives it (a choice as its number, a date as `YYYY-MM-DD`, ...).
struct ValueBody<'a, T>(&'a T);

impl<T: ColumnValue> Serialize for ValueBody<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        <T::Codec as ColumnCodec<T>>::write(self.0, "value", &mut map)?;
        map.end()
    }
}

/// The error for a column the single-property requests cannot reach: a lookup is set by a
/// bind and cleared through its navigation, and a party list is a collection, not a property.
fn check_property<T: ColumnValue>(column: &str) -> Result<(), RequestError> {
    match <T::Codec as ColumnCodec<T>>::KIND {
        ColumnKind::Lookup => Err(RequestError::new(format!(
            "column `{column}` is a lookup, which has no single property to write; set it in an update body (a bind) or with `associate`, clear it with `clear_reference`"
        ))),
        ColumnKind::PartyList => Err(RequestError::new(format!(
            "column `{column}` is a party list, kept in the activity's `_activity_parties` collection; write it in a create body or with `activity_parties_body`"
        ))),
        _ => Ok(()),
    }
}

impl Service {
    /// `PUT <set>(<id>)/<column>` with `{"value": <value>}`: sets one column of one row and
    /// nothing else (the service answers `204 No Content`).
    ///
    /// ```
    /// use dataverse_model::{dataverse_entity, Field, Guid};
    /// use dataverse_model::request::Service;
    ///
    /// #[dataverse_entity(logical_name = "contact", entity_set = "contacts", primary_id = "contactid")]
    /// pub struct Contact {
    ///     pub contactid: Option<Guid>,
    ///     pub telephone1: Field<String>,
    /// }
    ///
    /// let request = Service::default()
    ///     .update_column(Guid::nil(), Contact::COLUMNS.telephone1, &"555-0105".to_owned())
    ///     .unwrap();
    /// assert_eq!(request.method(), "PUT");
    /// assert_eq!(request.uri(), "/api/data/v9.2/contacts(00000000-0000-0000-0000-000000000000)/telephone1");
    /// assert_eq!(request.body(), br#"{"value":"555-0105"}"#);
    /// ```
    pub fn update_column<E: Entity, T: ColumnValue>(
        &self,
        id: Guid,
        column: Column<E, T>,
        value: &T,
    ) -> Result<Request<Vec<u8>>, RequestError> {
        let name = column.logical_name();
        check_property::<T>(name)?;
        let body = serde_json::to_vec(&ValueBody(value)).map_err(|error| {
            RequestError::new(format!("column `{name}` could not be written: {error}"))
        })?;
        let url = format!("{}/{name}", self.row_url::<E>(id));
        finish(request(Method::PUT, &url, true)?, body)
    }

    /// `DELETE <set>(<id>)/<column>`: clears one column of one row (sets it to null).
    pub fn clear_column<E: Entity, T: ColumnValue>(
        &self,
        id: Guid,
        column: Column<E, T>,
    ) -> Result<Request<Vec<u8>>, RequestError> {
        let name = column.logical_name();
        check_property::<T>(name)?;
        let url = format!("{}/{name}", self.row_url::<E>(id));
        finish(request(Method::DELETE, &url, false)?, Vec::new())
    }
}

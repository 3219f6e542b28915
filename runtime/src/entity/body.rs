//! Request and response bodies of one row, ready for `serde_json::to_string` and friends.

use super::Entity;
use crate::row::Operation;

/// A request body for one row, ready for `serde_json::to_string` and friends.
pub struct Payload<'a, E> {
    pub(super) row: &'a E,
    pub(super) operation: Operation,
}

impl<E: Entity> serde::Serialize for Payload<'_, E> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        self.row.write_columns(self.operation, &mut map)?;
        map.end()
    }
}

/// One row as a Web API response carries it; see [`Entity::response_body`].
pub struct ResponseBody<'a, E> {
    pub(super) row: &'a E,
}

impl<E: Entity> serde::Serialize for ResponseBody<'_, E> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        self.row.write_response_columns(&mut map)?;
        map.end()
    }
}

//! [`Page`]: a page of a collection response.

use serde::Deserialize;

use crate::Entity;

/// A page of a collection response: `{"@odata.context", "value", "@odata.nextLink"}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
pub struct Page<T> {
    /// `@odata.context`, when present.
    #[serde(rename = "@odata.context", default)]
    pub context: Option<String>,
    /// The rows.
    pub value: Vec<T>,
    /// `@odata.nextLink`: the URL of the next page, when there is one.
    #[serde(rename = "@odata.nextLink", default)]
    pub next_link: Option<String>,
    /// `@odata.count`, when `$count=true` was asked.
    #[serde(rename = "@odata.count", default)]
    pub count: Option<u64>,
}

impl<E: Entity> serde::Serialize for Page<E> {
    /// The page as the service returns it (rows rendered with [`Entity::response_body`]).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        struct Rows<'a, E>(&'a [E]);
        impl<E: Entity> serde::Serialize for Rows<'_, E> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.iter().map(Entity::response_body))
            }
        }
        let mut map = serializer.serialize_map(None)?;
        if let Some(context) = &self.context {
            map.serialize_entry("@odata.context", context)?;
        }
        if let Some(count) = self.count {
            map.serialize_entry("@odata.count", &count)?;
        }
        map.serialize_entry("value", &Rows(&self.value))?;
        if let Some(next) = &self.next_link {
            map.serialize_entry("@odata.nextLink", next)?;
        }
        map.end()
    }
}

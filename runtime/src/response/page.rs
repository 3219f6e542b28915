//! [`Page`]: a page of a collection response.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, MapAccess};

use crate::Entity;
use crate::column::{Key, skip};
use crate::row::{ErrorSummary, Glimpse};

/// A page of a collection response: `{"@odata.context", "value", "@odata.nextLink"}`, or of a
/// change-tracking response (`@odata.deltaLink` on its last page; its rows are read as
/// [`DeltaPage<T>`](crate::DeltaPage)).
///
/// A service error body (`{"error": {...}}`) is not a page: decoding one fails with the
/// service's code and message; [`ServiceError::from_body`](crate::ServiceError::from_body)
/// reads it whole.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    /// `@odata.context`, when present.
    pub context: Option<String>,
    /// The rows.
    pub value: Vec<T>,
    /// `@odata.nextLink`: the URL of the next page, when there is one.
    pub next_link: Option<String>,
    /// `@odata.deltaLink`: on the last page of a change-tracking response (`Prefer:
    /// odata.track-changes`), the URL that returns the changes made after this response.
    pub delta_link: Option<String>,
    /// `@odata.count`, when `$count=true` was asked.
    pub count: Option<u64>,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Page<T> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(PageVisitor(PhantomData))
    }
}

struct PageVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> de::Visitor<'de> for PageVisitor<T> {
    type Value = Page<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a page of `{}` rows as a JSON object",
            short_type_name::<T>()
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Page<T>, A::Error> {
        fn once<'de, V: Deserialize<'de>, A: MapAccess<'de>>(
            slot: &mut Option<V>,
            name: &'static str,
            map: &mut A,
        ) -> Result<(), A::Error> {
            if slot.is_some() {
                return Err(de::Error::duplicate_field(name));
            }
            *slot = Some(map.next_value()?);
            Ok(())
        }
        let (mut context, mut value, mut next_link, mut delta_link, mut count) =
            (None, None, None, None, None);
        while let Some(key) = map.next_key::<Key<'de>>()? {
            match key.as_str() {
                "value" => once(&mut value, "value", &mut map)?,
                "@odata.context" => once(&mut context, "@odata.context", &mut map)?,
                "@odata.nextLink" => once(&mut next_link, "@odata.nextLink", &mut map)?,
                "@odata.deltaLink" => once(&mut delta_link, "@odata.deltaLink", &mut map)?,
                "@odata.count" => once(&mut count, "@odata.count", &mut map)?,
                "error" => {
                    if let Glimpse::ServiceError(summary) = map.next_value::<Glimpse>()? {
                        return Err(service_error::<T, A::Error>(summary));
                    }
                }
                _ => skip(&mut map)?,
            }
        }
        Ok(Page {
            context: context.flatten(),
            value: value.ok_or_else(|| de::Error::missing_field("value"))?,
            next_link: next_link.flatten(),
            delta_link: delta_link.flatten(),
            count: count.flatten(),
        })
    }
}

#[cold]
fn service_error<T, E: de::Error>(summary: ErrorSummary) -> E {
    summary.into_error(format_args!("a page of `{}` rows", short_type_name::<T>()))
}

/// `T`'s name without module paths: `DeltaRow<Session>`.
fn short_type_name<T>() -> String {
    let full = std::any::type_name::<T>();
    let mut short = String::with_capacity(full.len());
    let mut segment_start = 0;
    for c in full.chars() {
        if c == ':' {
            // a path separator: drop the segment written so far
            short.truncate(segment_start);
        } else {
            short.push(c);
            if !(c.is_alphanumeric() || c == '_') {
                segment_start = short.len();
            }
        }
    }
    short
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
        if let Some(delta) = &self.delta_link {
            map.serialize_entry("@odata.deltaLink", delta)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn short_type_names_drop_module_paths() {
        assert_eq!(super::short_type_name::<String>(), "String");
        assert_eq!(
            super::short_type_name::<Vec<std::collections::BTreeMap<u8, String>>>(),
            "Vec<BTreeMap<u8, String>>"
        );
    }
}

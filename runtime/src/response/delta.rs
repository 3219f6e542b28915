//! Change tracking: [`DeltaPage`] and its [`DeltaRow`]s, changed or deleted.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{BorrowedStrDeserializer, MapAccessDeserializer, StringDeserializer};
use serde::de::{self, Deserialize, DeserializeSeed, MapAccess};

use crate::Guid;
use crate::column::{Key, OptionalText, skip};
use crate::response::Page;
use crate::row::DELETED_ENTITY_CONTEXT;

/// A page of a change-tracking response (`Prefer: odata.track-changes`): the rows changed
/// since the delta link was issued, and the rows deleted. Its last page carries
/// [`delta_link`](Page::delta_link), the URL that returns the next changes.
///
/// ```
/// use dataverse_model::{DeltaPage, DeltaRow, Guid, dataverse_entity};
///
/// #[dataverse_entity(logical_name = "account", entity_set = "accounts", primary_id = "accountid")]
/// #[derive(Debug, PartialEq)]
/// pub struct Account {
///     pub accountid: Option<Guid>,
///     pub name: Option<String>,
/// }
///
/// let page: DeltaPage<Account> = serde_json::from_str(r#"{
///     "@odata.context": "https://org.crm.dynamics.com/api/data/v9.2/$metadata#accounts(name)/$delta",
///     "value": [
///         {"@odata.etag": "W/\"915913\"", "name": "Monte Orton",
///          "accountid": "60c4e274-0d87-e711-80e5-00155db19e6d"},
///         {"@odata.context": "https://org.crm.dynamics.com/api/data/v9.2/$metadata#accounts/$deletedEntity",
///          "id": "43a2a3a8-0d87-e711-80e5-00155db19e6d", "reason": "deleted"}
///     ],
///     "@odata.deltaLink": "https://org.crm.dynamics.com/api/data/v9.2/accounts?$select=name&$deltatoken=919042%2108%2f22%2f2017%2008%3a10%3a44"
/// }"#).unwrap();
/// assert!(matches!(&page.value[0], DeltaRow::Changed(row) if row.name.as_deref() == Some("Monte Orton")));
/// assert_eq!(
///     page.value[1],
///     DeltaRow::Deleted {
///         id: "43a2a3a8-0d87-e711-80e5-00155db19e6d".parse().unwrap(),
///         reason: Some("deleted".into()),
///     }
/// );
/// assert!(page.delta_link.unwrap().contains("$deltatoken="));
/// ```
pub type DeltaPage<T> = Page<DeltaRow<T>>;

/// A row of a change-tracking page: changed (created or updated), or deleted.
#[derive(Debug, Clone, PartialEq)]
pub enum DeltaRow<T> {
    /// A row created or updated since the delta link was issued, with the columns asked for.
    Changed(T),
    /// A row deleted since the delta link was issued (`@odata.context` ending in
    /// `$deletedEntity`).
    Deleted {
        /// The deleted row's primary key (`id`).
        id: Guid,
        /// Why it left the results: `deleted` in the service's responses (OData also defines
        /// `changed`, for a row that no longer matches); `None` when the service gives none.
        reason: Option<String>,
    },
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for DeltaRow<T> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(DeltaRowVisitor(PhantomData))
    }
}

struct DeltaRowVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> de::Visitor<'de> for DeltaRowVisitor<T> {
    type Value = DeltaRow<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a changed or deleted row as a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<DeltaRow<T>, A::Error> {
        // OData writes `@odata.context` first: a deleted row is known by its first property
        let Some(first) = map.next_key::<Key<'de>>()? else {
            return changed(Replay::new(None, map));
        };
        if first.as_str() != "@odata.context" {
            return changed(Replay::new(Some((first, None)), map));
        }
        let OptionalText(context) = map.next_value()?;
        match context {
            Some(context) if context.as_str().ends_with(DELETED_ENTITY_CONTEXT) => deleted(map),
            context => changed(Replay::new(Some((first, Some(context))), map)),
        }
    }
}

/// Reads a changed row from the map, its first property replayed.
fn changed<'de, T: Deserialize<'de>, A: MapAccess<'de>>(
    map: Replay<'de, A>,
) -> Result<DeltaRow<T>, A::Error> {
    T::deserialize(MapAccessDeserializer::new(map)).map(DeltaRow::Changed)
}

/// Reads the rest of a deleted row: `id` and `reason`.
fn deleted<'de, T, A: MapAccess<'de>>(mut map: A) -> Result<DeltaRow<T>, A::Error> {
    let (mut id, mut reason) = (None, None);
    while let Some(key) = map.next_key::<Key<'de>>()? {
        match key.as_str() {
            "id" => {
                id = Some(map.next_value::<Guid>().map_err(|e| {
                    de::Error::custom(format_args!("property `id` of a deleted row: {e}"))
                })?)
            }
            "reason" => reason = map.next_value::<Option<String>>()?,
            _ => skip(&mut map)?,
        }
    }
    let id = id.ok_or_else(|| {
        de::Error::custom(
            "a deleted row (`$deletedEntity`) without its `id`; the service always sends it",
        )
    })?;
    Ok(DeltaRow::Deleted { id, reason })
}

/// A map whose first property, already read, is handed out again before the rest.
struct Replay<'de, A> {
    /// The first key, and its value when that was read too.
    first: Option<(Key<'de>, Option<Option<Key<'de>>>)>,
    /// The first value, once its key was handed out.
    first_value: Option<Option<Key<'de>>>,
    rest: A,
}

impl<'de, A> Replay<'de, A> {
    fn new(first: Option<(Key<'de>, Option<Option<Key<'de>>>)>, rest: A) -> Self {
        Replay {
            first,
            first_value: None,
            rest,
        }
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Replay<'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        match self.first.take() {
            Some((key, value)) => {
                self.first_value = value;
                text(seed, key).map(Some)
            }
            None => self.rest.next_key_seed(seed),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        match self.first_value.take() {
            Some(Some(value)) => text(seed, value),
            Some(None) => seed.deserialize(de::value::UnitDeserializer::new()),
            None => self.rest.next_value_seed(seed),
        }
    }
}

/// Hands `text` to `seed` as a string, borrowed when it was.
fn text<'de, S: DeserializeSeed<'de>, E: de::Error>(
    seed: S,
    text: Key<'de>,
) -> Result<S::Value, E> {
    match text {
        Key::Borrowed(text) => seed.deserialize(BorrowedStrDeserializer::new(text)),
        Key::Owned(text) => seed.deserialize(StringDeserializer::new(text)),
    }
}

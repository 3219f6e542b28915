//! Navigation properties: related rows read from `$expand` and written as deep insert.
//!
//! A field declared `#[dataverse(navigation = "<name>")]` holds the related table's row
//! (`Option<Box<T>>`, a single-valued navigation such as `primarycontactid`) or rows
//! ([`RelatedRows<T>`], a collection-valued one such as `Account_Tasks`).

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq};

use super::{Entity, EntityMetadata};
use crate::Guid;
use crate::column::{BIND, BindKey, BindPath, OptionalText, parse_bind_path};

/// The `@odata.nextLink` annotation, also given on a paged collection-valued navigation.
const NEXT_LINK: &str = "odata.nextLink";

/// One navigation property a struct declares.
#[derive(Clone, Copy)]
pub struct NavigationMetadata {
    /// The navigation property's name, e.g. `primarycontactid` or `Account_Tasks` (case
    /// as the service spells it).
    pub name: &'static str,
    /// The Rust field that holds it.
    pub field: &'static str,
    /// The related table, as the field's row type declares it.
    pub related: &'static EntityMetadata,
    /// True for a collection-valued navigation (rows), false for a single-valued one (a row).
    pub collection: bool,
}

impl NavigationMetadata {
    /// The navigation of field type `N` (what generated code builds).
    pub const fn of<N: NavigationValue>(name: &'static str, field: &'static str) -> Self {
        Self {
            name,
            field,
            related: <N::Related as Entity>::METADATA,
            collection: N::COLLECTION,
        }
    }
}

// Navigations can form cycles (account → contact → account): compare and print the
// related table by name, never by walking into it.
impl PartialEq for NavigationMetadata {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
            && self.field == other.field
            && self.collection == other.collection
            && self.related.logical_name == other.related.logical_name
            && self.related.rust_name == other.related.rust_name
    }
}

impl fmt::Debug for NavigationMetadata {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NavigationMetadata")
            .field("name", &self.name)
            .field("field", &self.field)
            .field("related", &self.related.rust_name)
            .field("collection", &self.collection)
            .finish()
    }
}

/// A field type that holds a navigation property: `Option<Box<T>>` (single-valued) or
/// [`RelatedRows<T>`] (collection-valued), `T` the related table's struct.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold a navigation property",
    label = "not a navigation type",
    note = "a navigation field is `Option<Box<T>>` (single-valued) or `RelatedRows<T>` (collection-valued), `T` a `#[dataverse_entity]` struct"
)]
pub trait NavigationValue: Default {
    /// The related table's struct.
    type Related: Entity + DeserializeOwned;
    /// True for a collection-valued navigation.
    const COLLECTION: bool;

    /// Reads the expanded row or rows of navigation `name`.
    #[doc(hidden)]
    fn read<'de, A: MapAccess<'de>>(
        &mut self,
        name: &'static str,
        map: &mut A,
    ) -> Result<(), A::Error>;

    /// Reads an annotation of the navigation (`@odata.nextLink`, `@odata.bind`); false when
    /// the type keeps no such annotation.
    #[doc(hidden)]
    fn read_annotation<'de, A: MapAccess<'de>>(
        &mut self,
        annotation: &str,
        name: &'static str,
        map: &mut A,
    ) -> Result<bool, A::Error> {
        let _ = (annotation, name, map);
        Ok(false)
    }

    /// Writes the navigation into a create body: related rows as deep insert (their own
    /// create bodies), existing rows to associate as `<name>@odata.bind`.
    #[doc(hidden)]
    fn write_create<M: SerializeMap>(
        &self,
        name: &'static str,
        map: &mut M,
    ) -> Result<(), M::Error>;

    /// Writes the navigation as a response carries it (an expansion).
    #[doc(hidden)]
    fn write_response<M: SerializeMap>(
        &self,
        name: &'static str,
        map: &mut M,
    ) -> Result<(), M::Error>;
}

/// The error for an expansion of the wrong kind, naming the navigation.
fn wrong_kind<E: de::Error>(name: &str, received: &str, declared: &str, fix: &str) -> E {
    E::custom(format_args!(
        "navigation `{name}`: received {received}, but the field is {declared}; {fix}"
    ))
}

impl<T: Entity + DeserializeOwned> NavigationValue for Option<Box<T>> {
    type Related = T;
    const COLLECTION: bool = false;

    fn read<'de, A: MapAccess<'de>>(
        &mut self,
        name: &'static str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        *self = map.next_value_seed(SingleRow::<T>(name, PhantomData))?;
        Ok(())
    }

    fn write_create<M: SerializeMap>(
        &self,
        name: &'static str,
        map: &mut M,
    ) -> Result<(), M::Error> {
        match self {
            Some(row) => map.serialize_entry(name, &row.create_payload()),
            None => Ok(()),
        }
    }

    fn write_response<M: SerializeMap>(
        &self,
        name: &'static str,
        map: &mut M,
    ) -> Result<(), M::Error> {
        match self {
            Some(row) => map.serialize_entry(name, &row.response_body()),
            None => Ok(()),
        }
    }
}

/// Reads one expanded row (or `null`), refusing an array.
struct SingleRow<T>(&'static str, PhantomData<T>);

impl<'de, T: DeserializeOwned> de::DeserializeSeed<'de> for SingleRow<T> {
    type Value = Option<Box<T>>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, T: DeserializeOwned> Visitor<'de> for SingleRow<T> {
    type Value = Option<Box<T>>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "navigation `{}`: a related row (an object) or null",
            self.0
        )
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Self::Value, M::Error> {
        let row = T::deserialize(de::value::MapAccessDeserializer::new(map))
            .map_err(|e| de::Error::custom(format_args!("navigation `{}`: {e}", self.0)))?;
        Ok(Some(Box::new(row)))
    }
    fn visit_seq<S: SeqAccess<'de>>(self, _: S) -> Result<Self::Value, S::Error> {
        Err(wrong_kind(
            self.0,
            "an array of rows (a collection-valued navigation)",
            "single-valued (`Option<Box<_>>`)",
            "declare it as `RelatedRows<_>`",
        ))
    }
}

/// The rows of a collection-valued navigation (`Account_Tasks`): the expanded rows, the
/// service's `<name>@odata.nextLink` when it pages the expansion, and on create the existing
/// rows to associate (`<name>@odata.bind`).
///
/// ```
/// # use dataverse_model::{dataverse_entity, Guid, RelatedRows};
/// #[dataverse_entity(logical_name = "task", entity_set = "tasks", primary_id = "activityid")]
/// pub struct Task {
///     pub activityid: Option<Guid>,
///     pub subject: Option<String>,
/// }
/// #[dataverse_entity(logical_name = "account", entity_set = "accounts", primary_id = "accountid")]
/// pub struct Account {
///     pub name: Option<String>,
///     #[dataverse(navigation = "Account_Tasks")]
///     pub tasks: RelatedRows<Task>,
/// }
/// let account = Account {
///     name: Some("Sample Account".into()),
///     tasks: RelatedRows { associate: vec![Guid::from_u128(2)], ..RelatedRows::default() },
/// };
/// assert_eq!(
///     serde_json::to_string(&account.create_payload()).unwrap(),
///     r#"{"name":"Sample Account","Account_Tasks@odata.bind":["/tasks(00000000-0000-0000-0000-000000000002)"]}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct RelatedRows<T> {
    /// The expanded rows (read), or the new rows a create inserts with the row (deep insert).
    pub rows: Vec<T>,
    /// `<name>@odata.nextLink`: where the rest of the rows are, when the service paged them.
    pub next_link: Option<String>,
    /// Existing rows a create associates with the new row (`<name>@odata.bind`), by id.
    pub associate: Vec<Guid>,
}

impl<T> Default for RelatedRows<T> {
    fn default() -> Self {
        Self {
            rows: Vec::new(),
            next_link: None,
            associate: Vec::new(),
        }
    }
}

impl<T> RelatedRows<T> {
    /// Rows to insert with the new row (deep insert), or rows as read.
    pub fn new(rows: Vec<T>) -> Self {
        Self {
            rows,
            ..Self::default()
        }
    }
}

impl<T: Entity> RelatedRows<T> {
    /// `"<name>@odata.bind": ["/<entity set>(<id>)", ...]` for the rows to associate.
    fn write_binds<M: SerializeMap>(
        &self,
        name: &'static str,
        map: &mut M,
    ) -> Result<(), M::Error> {
        if self.associate.is_empty() {
            return Ok(());
        }
        let set = T::METADATA.entity_set;
        let paths = |id: &Guid| BindPath(set, *id);
        map.serialize_entry(&BindKey(name), &Seq(&self.associate, paths))
    }
}

impl<T: Entity + DeserializeOwned> NavigationValue for RelatedRows<T> {
    type Related = T;
    const COLLECTION: bool = true;

    fn read<'de, A: MapAccess<'de>>(
        &mut self,
        name: &'static str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        self.rows = map.next_value_seed(Rows::<T>(name, PhantomData))?;
        Ok(())
    }

    fn read_annotation<'de, A: MapAccess<'de>>(
        &mut self,
        annotation: &str,
        name: &'static str,
        map: &mut A,
    ) -> Result<bool, A::Error> {
        if annotation == NEXT_LINK {
            let OptionalText(link) = map.next_value()?;
            self.next_link = link.map(|l| l.as_str().to_owned());
            Ok(true)
        } else if annotation == BIND {
            let paths = map
                .next_value::<Option<Vec<String>>>()
                .map_err(|e| de::Error::custom(format_args!("navigation `{name}`: {e}")))?;
            for path in paths.unwrap_or_default() {
                self.associate.push(bound_id::<T, A::Error>(name, &path)?);
            }
            Ok(true)
        } else {
            Ok(false)
        }
    }

    fn write_create<M: SerializeMap>(
        &self,
        name: &'static str,
        map: &mut M,
    ) -> Result<(), M::Error> {
        if !self.rows.is_empty() {
            map.serialize_entry(name, &Seq(&self.rows, Entity::create_payload))?;
        }
        self.write_binds(name, map)
    }

    fn write_response<M: SerializeMap>(
        &self,
        name: &'static str,
        map: &mut M,
    ) -> Result<(), M::Error> {
        map.serialize_entry(name, &Seq(&self.rows, Entity::response_body))?;
        if let Some(link) = &self.next_link {
            map.serialize_entry(&NextLinkKey(name), link)?;
        }
        // a service response has none; written so a row read from a request body keeps them
        self.write_binds(name, map)
    }
}

/// The id in a bind path of a collection-valued navigation, whose entity set must be the
/// related table's.
fn bound_id<T: Entity, E: de::Error>(name: &str, path: &str) -> Result<Guid, E> {
    let expected = T::METADATA.entity_set;
    match parse_bind_path(path) {
        Some((set, id)) if set == expected => Ok(id),
        Some((set, _)) => Err(E::custom(format_args!(
            "navigation `{name}`: `@odata.bind` names entity set `{set}`, but the related table `{}` is `{expected}`",
            T::METADATA.logical_name
        ))),
        None => Err(E::custom(format_args!(
            "navigation `{name}`: `@odata.bind` value `{path}` is not a row path; expected `/{expected}(<id>)`"
        ))),
    }
}

/// `<name>@odata.nextLink`.
struct NextLinkKey(&'static str);

impl serde::Serialize for NextLinkKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{}@{NEXT_LINK}", self.0))
    }
}

/// A JSON array of `items`, each written as `render` gives it.
struct Seq<'a, T, F>(&'a [T], F);

impl<'a, T, F, R> serde::Serialize for Seq<'a, T, F>
where
    F: Fn(&'a T) -> R,
    R: serde::Serialize,
{
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for item in self.0 {
            seq.serialize_element(&(self.1)(item))?;
        }
        seq.end()
    }
}

/// Reads the expanded rows (or `null`, as none), refusing a single object.
struct Rows<T>(&'static str, PhantomData<T>);

impl<'de, T: DeserializeOwned> de::DeserializeSeed<'de> for Rows<T> {
    type Value = Vec<T>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Vec<T>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, T: DeserializeOwned> Visitor<'de> for Rows<T> {
    type Value = Vec<T>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "navigation `{}`: an array of related rows", self.0)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Vec<T>, E> {
        Ok(Vec::new())
    }
    fn visit_none<E: de::Error>(self) -> Result<Vec<T>, E> {
        Ok(Vec::new())
    }
    fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<Vec<T>, S::Error> {
        let mut rows = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(row) = seq
            .next_element::<T>()
            .map_err(|e| de::Error::custom(format_args!("navigation `{}`: {e}", self.0)))?
        {
            rows.push(row);
        }
        Ok(rows)
    }
    fn visit_map<M: MapAccess<'de>>(self, _: M) -> Result<Vec<T>, M::Error> {
        Err(wrong_kind(
            self.0,
            "one row (an object: a single-valued navigation)",
            "collection-valued (`RelatedRows<_>`)",
            "declare it as `Option<Box<_>>`",
        ))
    }
}

// ---- what generated code calls ------------------------------------------------------------

/// Reads navigation `name` into its field (generated code's entry point).
#[inline]
pub fn read_navigation<'de, N: NavigationValue, A: MapAccess<'de>>(
    field: &mut N,
    name: &'static str,
    map: &mut A,
) -> Result<(), A::Error> {
    field.read(name, map)
}

/// Reads an annotation of navigation `name` (generated code's entry point).
#[inline]
pub fn read_navigation_annotation<'de, N: NavigationValue, A: MapAccess<'de>>(
    field: &mut N,
    annotation: &str,
    name: &'static str,
    map: &mut A,
) -> Result<bool, A::Error> {
    field.read_annotation(annotation, name, map)
}

/// What a table's generated `visit_navigations` calls for each navigation field.
pub trait NavigationVisitor {
    /// One navigation field and its metadata.
    fn navigation<N: NavigationValue>(
        &mut self,
        value: &N,
        navigation: &'static NavigationMetadata,
    );
}

/// Writes the navigations of a create body (deep insert and collection binds).
pub(super) struct CreateWriter<'a, M: SerializeMap> {
    pub(super) map: &'a mut M,
    pub(super) result: Result<(), M::Error>,
}

impl<M: SerializeMap> NavigationVisitor for CreateWriter<'_, M> {
    fn navigation<N: NavigationValue>(
        &mut self,
        value: &N,
        navigation: &'static NavigationMetadata,
    ) {
        if self.result.is_ok() {
            self.result = value.write_create(navigation.name, self.map);
        }
    }
}

/// Writes the navigations of a response body (expansions).
pub(super) struct ResponseNavigationWriter<'a, M: SerializeMap> {
    pub(super) map: &'a mut M,
    pub(super) result: Result<(), M::Error>,
}

impl<M: SerializeMap> NavigationVisitor for ResponseNavigationWriter<'_, M> {
    fn navigation<N: NavigationValue>(
        &mut self,
        value: &N,
        navigation: &'static NavigationMetadata,
    ) {
        if self.result.is_ok() {
            self.result = value.write_response(navigation.name, self.map);
        }
    }
}

//! Navigation handles and the nested options of `$expand`.

use std::fmt;
use std::marker::PhantomData;

use super::filter::{Filter, OrderBy};
use super::select::Select;
use crate::Entity;

/// Marks a single-valued navigation (a lookup's related row: `primarycontactid`).
#[derive(Debug, Clone, Copy)]
pub enum One {}

/// Marks a collection-valued navigation (related rows: `Account_Tasks`).
#[derive(Debug, Clone, Copy)]
pub enum Many {}

/// A navigation property of table `E` leading to rows of table `T`, single-valued
/// ([`One`]) or collection-valued ([`Many`]): what `Query::expand`
/// and associate/disassociate requests take.
///
/// ```
/// # use dataverse_model::{dataverse_entity, Field, Guid};
/// use dataverse_model::query::{Navigation, One, Query};
/// # #[dataverse_entity(logical_name = "contact", entity_set = "contacts", primary_id = "contactid")]
/// # pub struct Contact { pub contactid: Option<Guid>, pub fullname: Field<String> }
/// # #[dataverse_entity(logical_name = "account", entity_set = "accounts", primary_id = "accountid")]
/// # pub struct Account { pub accountid: Option<Guid>, pub name: Field<String> }
/// const PRIMARY_CONTACT: Navigation<Account, Contact, One> = Navigation::new("primarycontactid");
///
/// let query = Query::<Account>::new().expand(PRIMARY_CONTACT, |contact| contact);
/// assert_eq!(
///     query.to_string(),
///     "$select=accountid,name&$expand=primarycontactid($select=contactid,fullname)"
/// );
/// ```
pub struct Navigation<E, T, K> {
    name: &'static str,
    _types: PhantomData<Types<E, T, K>>,
}

/// The types a handle carries, without owning values of them (`Send`, `Sync` and `Copy`
/// whatever they are).
type Types<E, T, K> = fn() -> (E, T, K);

impl<E, T, K> Navigation<E, T, K> {
    /// The navigation property `name` (its exact, case-sensitive name).
    pub const fn new(name: &'static str) -> Self {
        Self {
            name,
            _types: PhantomData,
        }
    }

    /// The navigation property's name.
    pub const fn name(self) -> &'static str {
        self.name
    }
}

impl<E, T, K> Clone for Navigation<E, T, K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E, T, K> Copy for Navigation<E, T, K> {}

impl<E, T, K> fmt::Debug for Navigation<E, T, K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Navigation({})", self.name)
    }
}

/// The options of one expanded navigation to table `T`: `$select` (default: `T`'s declared
/// columns) for every navigation; `$filter`, `$orderby` and `$top` only for collection-valued
/// ones ([`Many`]), as the service allows.
pub struct Expand<T, K> {
    select: Option<String>,
    filter: Option<Filter<T>>,
    order_by: Vec<String>,
    top: Option<u32>,
    _types: PhantomData<fn() -> (T, K)>,
}

impl<T: Entity, K> Expand<T, K> {
    pub(crate) fn new() -> Self {
        Self {
            select: None,
            filter: None,
            order_by: Vec::new(),
            top: None,
            _types: PhantomData,
        }
    }

    /// The related table's columns to return (replaces the default).
    pub fn select(mut self, columns: impl Select<T>) -> Self {
        let mut list = String::new();
        columns.write_names(&mut list);
        self.select = Some(list);
        self
    }

    /// `nav($select=...;$filter=...;...)`.
    pub(crate) fn write(&self, name: &str, out: &mut String) {
        out.push_str(name);
        out.push_str("($select=");
        match &self.select {
            Some(list) => out.push_str(list),
            None => out.push_str(&T::select()),
        }
        if let Some(filter) = &self.filter {
            out.push_str(";$filter=");
            out.push_str(filter.as_str());
        }
        if !self.order_by.is_empty() {
            out.push_str(";$orderby=");
            out.push_str(&self.order_by.join(","));
        }
        if let Some(top) = self.top {
            out.push_str(";$top=");
            out.push_str(&top.to_string());
        }
        out.push(')');
    }
}

impl<T: Entity> Expand<T, Many> {
    /// Only the related rows that match (`$filter`); a second call adds an `and`.
    pub fn filter(mut self, filter: Filter<T>) -> Self {
        self.filter = Some(match self.filter.take() {
            None => filter,
            Some(previous) => previous.and(filter),
        });
        self
    }

    /// Sorts the related rows (`$orderby`); each call adds a key.
    pub fn order_by(mut self, order: OrderBy<T>) -> Self {
        self.order_by.push(order.text);
        self
    }

    /// At most `count` related rows (`$top`).
    pub fn top(mut self, count: u32) -> Self {
        self.top = Some(count);
        self
    }
}

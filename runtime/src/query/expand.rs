//! Navigation handles and the nested options of `$expand`.

use std::fmt;
use std::marker::PhantomData;

use super::column::{Column, Related};
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

/// Filters that reach through a single-valued navigation: `primarycontactid/fullname eq …`.
impl<E, T> Navigation<E, T, One> {
    /// The column `column` of the related row, for conditions on `E`:
    /// `PRIMARY_CONTACT.column(Contact::COLUMNS.fullname).eq("…")` is
    /// `primarycontactid/fullname eq '…'`.
    pub const fn column<V>(self, column: Column<T, V>) -> Column<E, V, Related> {
        column.through(self.name)
    }
}

/// Filters over the rows of a collection-valued navigation: `any` and `all`.
///
/// ```
/// # use dataverse_model::{dataverse_entity, Field, Guid};
/// use dataverse_model::query::{Many, Navigation};
/// # #[dataverse_entity(logical_name = "task", entity_set = "tasks", primary_id = "activityid")]
/// # pub struct Task { pub activityid: Option<Guid>, pub subject: Field<String> }
/// # #[dataverse_entity(logical_name = "account", entity_set = "accounts", primary_id = "accountid")]
/// # pub struct Account { pub accountid: Option<Guid>, pub name: Field<String> }
/// const TASKS: Navigation<Account, Task, Many> = Navigation::new("Account_Tasks");
///
/// let filter = TASKS.any(|task| task.column(Task::COLUMNS.subject).contains("Task"));
/// assert_eq!(filter.to_string(), "Account_Tasks/any(o:contains(o/subject,'Task'))");
/// ```
impl<E, T> Navigation<E, T, Many> {
    fn lambda(self, operator: &str, condition: Filter<Each<T>>) -> Filter<E> {
        let mut text = String::with_capacity(self.name.len() + condition.as_str().len() + 10);
        text.push_str(self.name);
        text.push('/');
        text.push_str(operator);
        text.push_str("(o:");
        text.push_str(condition.as_str());
        text.push(')');
        Filter::call(text)
    }

    /// At least one related row matches: `<navigation>/any(o:<condition>)`.
    pub fn any(self, condition: impl FnOnce(Lambda<T>) -> Filter<Each<T>>) -> Filter<E> {
        self.lambda("any", condition(Lambda(PhantomData)))
    }

    /// Every related row matches: `<navigation>/all(o:<condition>)`.
    pub fn all(self, condition: impl FnOnce(Lambda<T>) -> Filter<Each<T>>) -> Filter<E> {
        self.lambda("all", condition(Lambda(PhantomData)))
    }
}

/// The related row inside `any`/`all` (the lambda variable `o`): its columns through
/// [`column`](Self::column). Conditions on other columns do not compile, so no condition can
/// lose its `o/`.
pub struct Lambda<T>(PhantomData<fn() -> T>);

impl<T> Lambda<T> {
    /// The column of the related row: `o/<column>`.
    pub const fn column<V>(&self, column: Column<T, V>) -> Column<Each<T>, V, Related> {
        column.through("o")
    }
}

/// The table of conditions inside `any`/`all`: each related row of `T`.
pub struct Each<T>(PhantomData<fn() -> T>);

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

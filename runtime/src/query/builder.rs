//! `Query`: the options of a retrieve-multiple request, typed by their table.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};

use super::expand::{Expand, Navigation};
use super::filter::{Filter, OrderBy};
use super::select::Select;
use crate::Entity;

/// No `$top` and no page size yet: both are still offered.
#[derive(Debug, Clone, Copy)]
pub enum Unpaged {}

/// `$top` was set: the page size is not offered (the service would ignore `$top`).
#[derive(Debug, Clone, Copy)]
pub enum Top {}

/// `odata.maxpagesize` was set: `$top` is not offered (the service would ignore it).
#[derive(Debug, Clone, Copy)]
pub enum Paged {}

/// Bytes percent-encoded in a query option's value: controls, space, non-ASCII (always) and
/// every character that ends or splits a query (`#&+?%`), or that `http::Uri` refuses.
const QUERY_VALUE: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'&')
    .add(b'+')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// In a path segment (an alternate key's value), `/` would also end the segment.
const PATH_VALUE: &AsciiSet = &QUERY_VALUE.add(b'/');

/// Percent-encodes `value` for a query option.
pub(crate) fn encode_into(value: &str, out: &mut String) {
    for piece in utf8_percent_encode(value, QUERY_VALUE) {
        out.push_str(piece);
    }
}

/// Percent-encodes `value` for a path segment.
pub(crate) fn encode_path_into(value: &str, out: &mut String) {
    for piece in utf8_percent_encode(value, PATH_VALUE) {
        out.push_str(piece);
    }
}

/// The `Prefer` header's preferences.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prefer {
    /// `odata.include-annotations="<pattern>"`.
    pub include_annotations: Option<Cow<'static, str>>,
    /// `odata.maxpagesize=<n>`.
    pub max_page_size: Option<u32>,
    /// `odata.track-changes`: the response carries a delta link.
    pub track_changes: bool,
    /// `return=representation`: a create or update answers with the row.
    pub return_representation: bool,
}

impl Prefer {
    /// The header value, `None` when nothing is preferred.
    pub fn header_value(&self) -> Option<String> {
        let mut parts: Vec<Cow<'_, str>> = Vec::new();
        if self.return_representation {
            parts.push("return=representation".into());
        }
        if let Some(annotations) = &self.include_annotations {
            parts.push(format!("odata.include-annotations=\"{annotations}\"").into());
        }
        if let Some(size) = self.max_page_size {
            parts.push(format!("odata.maxpagesize={size}").into());
        }
        if self.track_changes {
            parts.push("odata.track-changes".into());
        }
        (!parts.is_empty()).then(|| parts.join(","))
    }
}

/// A retrieve-multiple query on table `E`: `$select` (default: the struct's columns),
/// `$filter`, `$orderby`, `$top` or a page size, `$count`, `$expand`, and the `Prefer`
/// header.
///
/// `$top` and `odata.maxpagesize` cannot be combined (the service ignores `$top` then), so
/// once one is set the other is no longer offered; `$skip` does not exist in Dataverse, and
/// is not offered: follow `@odata.nextLink` instead.
///
/// ```
/// use dataverse_model::{dataverse_entity, Field, Guid};
/// use dataverse_model::query::Query;
///
/// #[dataverse_entity(logical_name = "account", entity_set = "accounts", primary_id = "accountid")]
/// pub struct Account {
///     pub accountid: Option<Guid>,
///     pub name: Field<String>,
///     pub revenue: Option<rust_decimal::Decimal>,
/// }
///
/// let c = Account::COLUMNS;
/// let query = Query::<Account>::new()
///     .filter(c.name.contains("Café & Co #1"))
///     .order_by(c.name.asc())
///     .top(3);
/// assert_eq!(
///     query.encoded(),
///     "$select=accountid,name,revenue&$filter=contains(name,'Caf%C3%A9%20%26%20Co%20%231')&$orderby=name%20asc&$top=3"
/// );
/// ```
pub struct Query<E, P = Unpaged> {
    select: Option<String>,
    filter: Option<Filter<E>>,
    order_by: Vec<String>,
    top: Option<u32>,
    count: bool,
    expand: Vec<String>,
    prefer: Prefer,
    _paging: PhantomData<fn() -> P>,
}

impl<E: Entity> Default for Query<E, Unpaged> {
    fn default() -> Self {
        Self::new()
    }
}

impl<E: Entity> Query<E, Unpaged> {
    /// A query for every row, with the struct's columns.
    pub fn new() -> Self {
        Self {
            select: None,
            filter: None,
            order_by: Vec::new(),
            top: None,
            count: false,
            expand: Vec::new(),
            prefer: Prefer::default(),
            _paging: PhantomData,
        }
    }

    /// At most `count` rows (`$top`), all in one response.
    pub fn top(self, count: u32) -> Query<E, Top> {
        let mut query = self.into_paging();
        query.top = Some(count);
        query
    }

    /// Pages of at most `size` rows (`Prefer: odata.maxpagesize`); follow the next link with
    /// `Service::next_page` (in `request`).
    pub fn max_page_size(self, size: u32) -> Query<E, Paged> {
        let mut query = self.into_paging();
        query.prefer.max_page_size = Some(size);
        query
    }
}

impl<E: Entity, P> Query<E, P> {
    fn into_paging<Q>(self) -> Query<E, Q> {
        Query {
            select: self.select,
            filter: self.filter,
            order_by: self.order_by,
            top: self.top,
            count: self.count,
            expand: self.expand,
            prefer: self.prefer,
            _paging: PhantomData,
        }
    }

    /// The columns to return (replaces the default, the struct's columns).
    pub fn select(mut self, columns: impl Select<E>) -> Self {
        let mut list = String::new();
        columns.write_names(&mut list);
        self.select = Some(list);
        self
    }

    /// Only the rows that match (`$filter`); a second call adds an `and`.
    pub fn filter(mut self, filter: Filter<E>) -> Self {
        self.filter = Some(match self.filter.take() {
            None => filter,
            Some(previous) => previous.and(filter),
        });
        self
    }

    /// Sorts the rows (`$orderby`); each call adds a key.
    pub fn order_by(mut self, order: OrderBy<E>) -> Self {
        self.order_by.push(order.text);
        self
    }

    /// Asks for the number of matching rows (`$count=true`, read back as `@odata.count`; at
    /// most 5,000 are counted).
    pub fn count(mut self) -> Self {
        self.count = true;
        self
    }

    /// Includes related rows (`$expand`) with their own options; the service takes at most 15
    /// expanded navigations in a query.
    pub fn expand<T: Entity, K>(
        mut self,
        navigation: Navigation<E, T, K>,
        options: impl FnOnce(Expand<T, K>) -> Expand<T, K>,
    ) -> Self {
        let mut text = String::new();
        options(Expand::new()).write(navigation.name(), &mut text);
        self.expand.push(text);
        self
    }

    /// `Prefer: odata.include-annotations="<pattern>"`, e.g. `"*"` or
    /// `"OData.Community.Display.V1.FormattedValue"`.
    pub fn include_annotations(mut self, pattern: impl Into<Cow<'static, str>>) -> Self {
        self.prefer.include_annotations = Some(pattern.into());
        self
    }

    /// `Prefer: odata.track-changes`: the last page carries a delta link.
    pub fn track_changes(mut self) -> Self {
        self.prefer.track_changes = true;
        self
    }

    /// The `Prefer` preferences this query sends (repeated when following a next link).
    pub fn prefer(&self) -> &Prefer {
        &self.prefer
    }

    /// The options, decoded, in the order they are written: `("$select", "name,revenue")`, ...
    pub fn options(&self) -> Vec<(&'static str, String)> {
        self.options_for(false)
    }

    /// The options a single-row retrieve takes from this query: `$select` and `$expand`.
    pub(crate) fn options_for(&self, single_row: bool) -> Vec<(&'static str, String)> {
        let mut options = Vec::with_capacity(6);
        self.for_each_option(single_row, |name, value| {
            options.push((name, value.to_owned()))
        });
        options
    }

    /// Calls `f` with each option, decoded, in the order they are written.
    fn for_each_option(&self, single_row: bool, mut f: impl FnMut(&'static str, &str)) {
        match &self.select {
            Some(list) => f("$select", list),
            None => f("$select", &E::select()),
        }
        if !single_row {
            if let Some(filter) = &self.filter {
                f("$filter", filter.as_str());
            }
            if !self.order_by.is_empty() {
                f("$orderby", &self.order_by.join(","));
            }
            if let Some(top) = self.top {
                f("$top", &top.to_string());
            }
            if self.count {
                f("$count", "true");
            }
        }
        if !self.expand.is_empty() {
            f("$expand", &self.expand.join(","));
        }
    }

    /// The query string, percent-encoded (without the leading `?`).
    pub fn encoded(&self) -> String {
        let mut out = String::with_capacity(256);
        self.for_each_option(false, |name, value| {
            if !out.is_empty() {
                out.push('&');
            }
            out.push_str(name);
            out.push('=');
            encode_into(value, &mut out);
        });
        out
    }
}

/// `name=value&...`, each value percent-encoded.
pub(crate) fn encode_options(options: &[(&'static str, String)]) -> String {
    let mut out = String::with_capacity(options.iter().map(|(_, v)| v.len() + 12).sum());
    for (index, (name, value)) in options.iter().enumerate() {
        if index > 0 {
            out.push('&');
        }
        out.push_str(name);
        out.push('=');
        encode_into(value, &mut out);
    }
    out
}

/// The decoded query string, for people to read.
impl<E: Entity, P> fmt::Display for Query<E, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, (name, value)) in self.options().iter().enumerate() {
            if index > 0 {
                f.write_str("&")?;
            }
            write!(f, "{name}={value}")?;
        }
        Ok(())
    }
}

impl<E: Entity, P> fmt::Debug for Query<E, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Query({self})")
    }
}

impl<E: Entity, P> Clone for Query<E, P> {
    fn clone(&self) -> Self {
        Self {
            select: self.select.clone(),
            filter: self.filter.clone(),
            order_by: self.order_by.clone(),
            top: self.top,
            count: self.count,
            expand: self.expand.clone(),
            prefer: self.prefer.clone(),
            _paging: PhantomData,
        }
    }
}

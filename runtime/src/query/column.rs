//! Typed column handles: `Session::COLUMNS.subject` is a `Column<Session, String>`.

use std::fmt;
use std::marker::PhantomData;

use time::{Date, OffsetDateTime};

use super::filter::{Filter, OrderBy};
use super::literal::{Operand, write_literal};
use crate::{ColumnCodec, ColumnKind, ColumnValue, Money};

/// A column of table `E` holding values of type `T`, for building queries.
///
/// `#[dataverse_entity]` gives each table one `const` of these per column, gathered in a
/// generated `<Table>Columns` struct reached through the associated const `COLUMNS`
/// (`Session::COLUMNS.subject`). A handle is only a name with two types attached: comparing it
/// with a value of another type, or calling a text function on a number, does not compile.
///
/// ```
/// use dataverse_model::{dataverse_entity, Field, Guid};
///
/// #[dataverse_entity(logical_name = "account", entity_set = "accounts", primary_id = "accountid")]
/// pub struct Account {
///     pub accountid: Option<Guid>,
///     pub name: Field<String>,
///     pub numberofemployees: Option<i32>,
/// }
///
/// let c = Account::COLUMNS;
/// let filter = c.name.starts_with("Contoso").and(c.numberofemployees.gt(100));
/// assert_eq!(filter.to_string(), "startswith(name,'Contoso') and numberofemployees gt 100");
/// ```
///
/// ```compile_fail
/// # use dataverse_model::{dataverse_entity, Field, Guid};
/// # #[dataverse_entity(logical_name = "account", entity_set = "accounts", primary_id = "accountid")]
/// # pub struct Account { pub accountid: Option<Guid>, pub numberofemployees: Option<i32> }
/// // a number is not text
/// let _ = Account::COLUMNS.numberofemployees.contains("10");
/// ```
pub struct Column<E, T, P = Direct> {
    logical_name: &'static str,
    /// The navigation property (or lambda variable) the column is reached through.
    path: Option<&'static str>,
    _types: PhantomData<Types<E, T, P>>,
}

/// The types a handle carries, without owning values of them (`Send`, `Sync` and `Copy`
/// whatever they are).
type Types<E, T, P> = fn() -> (E, T, P);

/// Marks a column of the table itself: every condition is offered.
#[derive(Debug, Clone, Copy)]
pub enum Direct {}

/// Marks a column reached through a navigation (`primarycontactid/fullname`, or `o/subject`
/// inside `any`/`all`): comparisons, null tests and text functions are offered; the Dataverse
/// query functions, which name a column of the queried table, are not.
#[derive(Debug, Clone, Copy)]
pub enum Related {}

impl<E, T> Column<E, T> {
    /// The handle of the column `logical_name` (generated code calls this).
    pub const fn new(logical_name: &'static str) -> Self {
        Self {
            logical_name,
            path: None,
            _types: PhantomData,
        }
    }

    /// This column reached through `path` (a navigation property or a lambda variable).
    pub(crate) const fn through<F>(self, path: &'static str) -> Column<F, T, Related> {
        Column {
            logical_name: self.logical_name,
            path: Some(path),
            _types: PhantomData,
        }
    }
}

impl<E, T, P> Column<E, T, P> {
    /// The column's logical name.
    pub const fn logical_name(self) -> &'static str {
        self.logical_name
    }
}

impl<E, T, P> Clone for Column<E, T, P> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E, T, P> Copy for Column<E, T, P> {}

impl<E, T, P> fmt::Debug for Column<E, T, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.path {
            Some(path) => write!(f, "Column({path}/{})", self.logical_name),
            None => write!(f, "Column({})", self.logical_name),
        }
    }
}

impl<E, T: ColumnValue, P> Column<E, T, P> {
    /// True for a lookup, whose value the Web API calls `_<column>_value`.
    const IS_LOOKUP: bool = matches!(
        <<T as ColumnValue>::Codec as ColumnCodec<T>>::KIND,
        ColumnKind::Lookup
    );

    /// The name the Web API uses in `$filter`, `$orderby` and `$select`: the logical name, or
    /// `_<column>_value` for a lookup, after its navigation path (`primarycontactid/fullname`).
    pub fn property(self) -> std::borrow::Cow<'static, str> {
        if Self::IS_LOOKUP || self.path.is_some() {
            let mut text = String::new();
            self.write_property(&mut text);
            std::borrow::Cow::Owned(text)
        } else {
            std::borrow::Cow::Borrowed(self.logical_name)
        }
    }

    pub(crate) fn write_property(self, out: &mut String) {
        if let Some(path) = self.path {
            out.push_str(path);
            out.push('/');
        }
        if Self::IS_LOOKUP {
            out.push('_');
            out.push_str(self.logical_name);
            out.push_str("_value");
        } else {
            out.push_str(self.logical_name);
        }
    }

    fn compare<V: Operand<T>>(self, operator: &str, value: V) -> Filter<E> {
        let mut text = String::with_capacity(self.logical_name.len() + 48);
        self.write_property(&mut text);
        text.push(' ');
        text.push_str(operator);
        text.push(' ');
        write_literal::<T, V>(&value, &mut text);
        Filter::comparison(text)
    }

    /// `<column> eq <value>`.
    pub fn eq<V: Operand<T>>(self, value: V) -> Filter<E> {
        self.compare("eq", value)
    }

    /// `<column> ne <value>`.
    pub fn ne<V: Operand<T>>(self, value: V) -> Filter<E> {
        self.compare("ne", value)
    }

    /// `<column> eq <other column>`: two columns of the same row and type hold the same value.
    pub fn eq_column(self, other: Self) -> Filter<E> {
        self.compare_column("eq", other)
    }

    /// `<column> ne <other column>`.
    pub fn ne_column(self, other: Self) -> Filter<E> {
        self.compare_column("ne", other)
    }

    fn compare_column(self, operator: &str, other: Self) -> Filter<E> {
        let mut text = String::with_capacity(48);
        self.write_property(&mut text);
        text.push(' ');
        text.push_str(operator);
        text.push(' ');
        other.write_property(&mut text);
        Filter::comparison(text)
    }

    /// `<column> eq null`: the column has no value.
    pub fn is_null(self) -> Filter<E> {
        let mut text = String::new();
        self.write_property(&mut text);
        text.push_str(" eq null");
        Filter::comparison(text)
    }

    /// `<column> ne null`: the column has a value.
    pub fn is_not_null(self) -> Filter<E> {
        let mut text = String::new();
        self.write_property(&mut text);
        text.push_str(" ne null");
        Filter::comparison(text)
    }

    /// Sorts by this column, smallest first (`$orderby=<column> asc`).
    pub fn asc(self) -> OrderBy<E> {
        let mut text = String::new();
        self.write_property(&mut text);
        text.push_str(" asc");
        OrderBy::new(text)
    }

    /// Sorts by this column, largest first (`$orderby=<column> desc`).
    pub fn desc(self) -> OrderBy<E> {
        let mut text = String::new();
        self.write_property(&mut text);
        text.push_str(" desc");
        OrderBy::new(text)
    }
}

/// The Dataverse query functions that compare with a list, on the table's own columns.
impl<E, T: ColumnValue> Column<E, T> {
    /// `Microsoft.Dynamics.CRM.In(...)`: the column's value is one of `values`.
    pub fn is_in<V: Operand<T>>(self, values: impl IntoIterator<Item = V>) -> Filter<E> {
        Filter::values_function("In", self.logical_name, values)
    }

    /// `Microsoft.Dynamics.CRM.NotIn(...)`: the column's value is none of `values`.
    pub fn not_in<V: Operand<T>>(self, values: impl IntoIterator<Item = V>) -> Filter<E> {
        Filter::values_function("NotIn", self.logical_name, values)
    }
}

/// Column types whose values have an order (`gt`, `ge`, `lt`, `le`): numbers, money, text
/// and dates.
#[diagnostic::on_unimplemented(
    message = "columns of type `{Self}` cannot be compared with `gt`, `ge`, `lt` or `le`",
    label = "no order on this column type",
    note = "order comparisons work on numbers, money, text and dates; use `eq`, `ne`, `is_in` or `not_in`"
)]
pub trait Ordered {}

impl Ordered for String {}
impl Ordered for i32 {}
impl Ordered for i64 {}
impl Ordered for f64 {}
impl Ordered for rust_decimal::Decimal {}
impl Ordered for Money {}
impl Ordered for OffsetDateTime {}
impl Ordered for Date {}

impl<E, T: ColumnValue + Ordered, P> Column<E, T, P> {
    /// `<column> gt <value>`.
    pub fn gt<V: Operand<T>>(self, value: V) -> Filter<E> {
        self.compare("gt", value)
    }

    /// `<column> ge <value>`.
    pub fn ge<V: Operand<T>>(self, value: V) -> Filter<E> {
        self.compare("ge", value)
    }

    /// `<column> lt <value>`.
    pub fn lt<V: Operand<T>>(self, value: V) -> Filter<E> {
        self.compare("lt", value)
    }

    /// `<column> le <value>`.
    pub fn le<V: Operand<T>>(self, value: V) -> Filter<E> {
        self.compare("le", value)
    }

    /// `<column> gt <other column>` (same row, same type).
    pub fn gt_column(self, other: Self) -> Filter<E> {
        self.compare_column("gt", other)
    }

    /// `<column> lt <other column>` (same row, same type).
    pub fn lt_column(self, other: Self) -> Filter<E> {
        self.compare_column("lt", other)
    }
}

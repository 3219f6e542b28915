//! `$filter` expressions and `$orderby` items, typed by their table.

use std::fmt;
use std::marker::PhantomData;

use super::literal::{Operand, write_json_string, write_quoted};

/// How tightly an expression binds, to know when it needs parentheses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Binding {
    Or,
    And,
    /// `a eq b`: `not` binds tighter, so `not` puts it in parentheses.
    Comparison,
    /// A function call or a parenthesized or negated expression.
    Primary,
}

/// A `$filter` condition on rows of table `E`, built from its column handles.
///
/// Combine with [`and`](Self::and), [`or`](Self::or), [`not`](Self::not) (or `&`, `|`, `!`);
/// parentheses are added where OData's precedence needs them. `Display` shows the decoded
/// expression.
///
/// ```
/// # use dataverse_model::{dataverse_entity, Field, Guid};
/// # #[dataverse_entity(logical_name = "account", entity_set = "accounts", primary_id = "accountid")]
/// # pub struct Account { pub accountid: Option<Guid>, pub name: Field<String>, pub revenue: Option<i64> }
/// let c = Account::COLUMNS;
/// let filter = (c.name.eq("O'Neil") | c.revenue.gt(1_000)) & !c.name.is_null();
/// assert_eq!(filter.to_string(), "(name eq 'O''Neil' or revenue gt 1000) and not (name eq null)");
/// assert_eq!(c.name.contains("a").not().to_string(), "not contains(name,'a')");
/// ```
pub struct Filter<E> {
    text: String,
    binding: Binding,
    _table: PhantomData<fn() -> E>,
}

impl<E> Filter<E> {
    /// A comparison (`name eq 'x'`).
    pub(crate) fn comparison(text: String) -> Self {
        Self {
            text,
            binding: Binding::Comparison,
            _table: PhantomData,
        }
    }

    /// A function call (`contains(name,'x')`).
    pub(crate) fn call(text: String) -> Self {
        Self {
            text,
            binding: Binding::Primary,
            _table: PhantomData,
        }
    }

    /// `Microsoft.Dynamics.CRM.<function>(PropertyName='<column>',PropertyValues=["v1","v2"])`.
    pub(crate) fn values_function<T, V: Operand<T>>(
        function: &str,
        column: &str,
        values: impl IntoIterator<Item = V>,
    ) -> Self {
        let mut text = String::with_capacity(64);
        text.push_str("Microsoft.Dynamics.CRM.");
        text.push_str(function);
        text.push_str("(PropertyName=");
        write_quoted(column, &mut text);
        text.push_str(",PropertyValues=[");
        let mut value_text = String::new();
        for (index, value) in values.into_iter().enumerate() {
            if index > 0 {
                text.push(',');
            }
            value_text.clear();
            value.write_text(&mut value_text);
            write_json_string(&value_text, &mut text);
        }
        text.push_str("])");
        Self::call(text)
    }

    /// `Microsoft.Dynamics.CRM.<function>(PropertyName='<column>'[,PropertyValue=<value>])`,
    /// `value` already written as its literal.
    pub(crate) fn value_function(function: &str, column: &str, value: Option<&str>) -> Self {
        let mut text = String::with_capacity(64);
        text.push_str("Microsoft.Dynamics.CRM.");
        text.push_str(function);
        text.push_str("(PropertyName=");
        write_quoted(column, &mut text);
        if let Some(value) = value {
            text.push_str(",PropertyValue=");
            text.push_str(value);
        }
        text.push(')');
        Self::call(text)
    }

    fn join(self, operator: &str, binding: Binding, other: Self) -> Self {
        let extra = other.text.len() + operator.len() + 6;
        // a chain of `and`s grows its left side's buffer instead of copying it each time
        let mut text = if self.binding >= binding {
            let mut text = self.text;
            text.reserve(extra);
            text
        } else {
            let mut text = String::with_capacity(self.text.len() + extra + 2);
            push_operand(&mut text, &self, binding);
            text
        };
        text.push(' ');
        text.push_str(operator);
        text.push(' ');
        push_operand(&mut text, &other, binding);
        Self {
            text,
            binding,
            _table: PhantomData,
        }
    }

    /// Both conditions hold.
    pub fn and(self, other: Self) -> Self {
        self.join("and", Binding::And, other)
    }

    /// Either condition holds.
    pub fn or(self, other: Self) -> Self {
        self.join("or", Binding::Or, other)
    }

    /// The condition does not hold.
    #[allow(clippy::should_implement_trait)] // `Not` is implemented too; the method reads better in chains
    pub fn not(self) -> Self {
        let mut text = String::with_capacity(self.text.len() + 6);
        text.push_str("not ");
        push_operand(&mut text, &self, Binding::Primary);
        Self::call(text)
    }

    /// Every condition holds; `None` when there are none.
    pub fn all(filters: impl IntoIterator<Item = Self>) -> Option<Self> {
        filters.into_iter().reduce(Self::and)
    }

    /// At least one condition holds; `None` when there are none.
    pub fn any(filters: impl IntoIterator<Item = Self>) -> Option<Self> {
        filters.into_iter().reduce(Self::or)
    }

    /// The decoded expression, as it goes into `$filter`.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

fn push_operand<E>(text: &mut String, operand: &Filter<E>, binding: Binding) {
    if operand.binding < binding {
        text.push('(');
        text.push_str(&operand.text);
        text.push(')');
    } else {
        text.push_str(&operand.text);
    }
}

impl<E> Clone for Filter<E> {
    fn clone(&self) -> Self {
        Self {
            text: self.text.clone(),
            binding: self.binding,
            _table: PhantomData,
        }
    }
}

impl<E> fmt::Debug for Filter<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Filter({})", self.text)
    }
}

impl<E> fmt::Display for Filter<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl<E> std::ops::BitAnd for Filter<E> {
    type Output = Self;
    fn bitand(self, other: Self) -> Self {
        self.and(other)
    }
}

impl<E> std::ops::BitOr for Filter<E> {
    type Output = Self;
    fn bitor(self, other: Self) -> Self {
        self.or(other)
    }
}

impl<E> std::ops::Not for Filter<E> {
    type Output = Self;
    fn not(self) -> Self {
        Filter::not(self)
    }
}

/// One `$orderby` item of table `E`: from a column handle's `asc()` or `desc()`.
pub struct OrderBy<E> {
    pub(crate) text: String,
    _table: PhantomData<fn() -> E>,
}

impl<E> OrderBy<E> {
    pub(crate) fn new(text: String) -> Self {
        Self {
            text,
            _table: PhantomData,
        }
    }
}

impl<E> Clone for OrderBy<E> {
    fn clone(&self) -> Self {
        Self::new(self.text.clone())
    }
}

impl<E> fmt::Debug for OrderBy<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "OrderBy({})", self.text)
    }
}

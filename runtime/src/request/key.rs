//! Alternate keys: a row named by the values of its key columns.

use std::marker::PhantomData;

use crate::query::{Column, Operand};
use crate::{ColumnValue, Entity};

/// The values of an alternate key of table `E`, for retrieving, updating or upserting a row
/// by key: `accounts(accountnumber='ABC123')`.
///
/// ```
/// # use dataverse_model::{dataverse_entity, Field, Guid};
/// use dataverse_model::request::AlternateKey;
/// # #[dataverse_entity(logical_name = "account", entity_set = "accounts", primary_id = "accountid")]
/// # pub struct Account { pub accountid: Option<Guid>, pub accountnumber: Field<String>, pub name: Field<String> }
/// let key = AlternateKey::new(Account::COLUMNS.accountnumber, "O'Neil #1")
///     .and(Account::COLUMNS.name, "Contoso");
/// assert_eq!(key.path(), "accounts(accountnumber='O''Neil%20%231',name='Contoso')");
/// ```
pub struct AlternateKey<E> {
    /// `name=literal` pairs, the literals percent-encoded.
    parts: Vec<String>,
    _table: PhantomData<fn() -> E>,
}

impl<E: Entity> AlternateKey<E> {
    /// A key of one column.
    pub fn new<T: ColumnValue, V: Operand<T>>(column: Column<E, T>, value: V) -> Self {
        Self {
            parts: Vec::with_capacity(2),
            _table: PhantomData,
        }
        .and(column, value)
    }

    /// Adds a column of a key of several columns.
    pub fn and<T: ColumnValue, V: Operand<T>>(mut self, column: Column<E, T>, value: V) -> Self {
        let mut literal = String::new();
        crate::query::write_literal::<T, V>(&value, &mut literal);
        let mut part = column.property().into_owned();
        part.push('=');
        crate::query::encode_path_into(&literal, &mut part);
        self.parts.push(part);
        self
    }

    /// `<entity set>(<column>=<value>,...)`, percent-encoded, relative to the service root.
    pub fn path(&self) -> String {
        format!("{}({})", E::METADATA.entity_set, self.parts.join(","))
    }
}

//! Accounts, contacts and tasks as the Web API samples select them, with navigations
//! (`$expand`, deep insert) and binds: used by the navigation tests and the fuzzers.

use dataverse_model::{Guid, RelatedRows, dataverse_entity, lookup};
use rust_decimal::Decimal;
use time::OffsetDateTime;

lookup! {
    /// An account's primary contact.
    #[lookup(table = "account", column = "primarycontactid")]
    pub enum PrimaryContact {
        #[target(entity_set = "contacts")]
        Contact = "contact",
    }
}

lookup! {
    /// An account's parent account.
    #[lookup(table = "account", column = "parentaccountid")]
    pub enum ParentAccount {
        #[target(entity_set = "accounts")]
        Account = "account",
    }
}

lookup! {
    /// An account's currency.
    #[lookup(table = "account", column = "transactioncurrencyid")]
    pub enum Currency {
        #[target(entity_set = "transactioncurrencies")]
        TransactionCurrency = "transactioncurrency",
    }
}

lookup! {
    /// A contact's currency.
    #[lookup(table = "contact", column = "transactioncurrencyid")]
    pub enum ContactCurrency {
        #[target(entity_set = "transactioncurrencies")]
        TransactionCurrency = "transactioncurrency",
    }
}

lookup! {
    /// An opportunity's customer: one navigation per target.
    #[lookup(table = "opportunity", column = "customerid")]
    pub enum Customer {
        #[target(entity_set = "accounts")]
        Account = "account",
        #[target(entity_set = "contacts")]
        Contact = "contact",
    }
}

/// `task`, as the samples select it.
#[dataverse_entity(logical_name = "task", entity_set = "tasks", primary_id = "activityid")]
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    /// `activityid`.
    pub activityid: Option<Guid>,
    /// `subject`.
    pub subject: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// `scheduledstart`.
    pub scheduledstart: Option<OffsetDateTime>,
    /// `scheduledend`.
    pub scheduledend: Option<OffsetDateTime>,
    /// `scheduleddurationminutes`.
    pub scheduleddurationminutes: Option<i32>,
    #[dataverse(etag)]
    /// `@odata.etag`.
    pub etag: Option<String>,
}

/// `contact`, with its own tasks (nested expansion and deep insert).
#[dataverse_entity(
    logical_name = "contact",
    entity_set = "contacts",
    primary_id = "contactid"
)]
#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    /// `contactid`.
    pub contactid: Option<Guid>,
    /// `firstname`.
    pub firstname: Option<String>,
    /// `lastname`.
    pub lastname: Option<String>,
    /// `fullname`.
    pub fullname: Option<String>,
    /// `jobtitle`.
    pub jobtitle: Option<String>,
    #[dataverse(money)]
    /// `annualincome`.
    pub annualincome: Option<Decimal>,
    /// `transactioncurrencyid`.
    pub transactioncurrencyid: Option<ContactCurrency>,
    #[dataverse(navigation = "Contact_Tasks")]
    /// The related tasks.
    pub tasks: RelatedRows<Task>,
    #[dataverse(etag)]
    /// `@odata.etag`.
    pub etag: Option<String>,
}

/// `account` with its primary contact both as a lookup and as a navigation.
#[dataverse_entity(
    logical_name = "account",
    entity_set = "accounts",
    primary_id = "accountid"
)]
#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    /// `accountid`.
    pub accountid: Option<Guid>,
    /// `name`.
    pub name: Option<String>,
    /// `telephone1`.
    pub telephone1: Option<String>,
    /// `primarycontactid`.
    pub primarycontactid: Option<PrimaryContact>,
    #[dataverse(navigation = "primarycontactid")]
    /// The expanded primary contact.
    pub primarycontact: Option<Box<Contact>>,
    #[dataverse(navigation = "Account_Tasks")]
    /// The related tasks.
    pub tasks: RelatedRows<Task>,
    #[dataverse(etag)]
    /// `@odata.etag`.
    pub etag: Option<String>,
}

/// `account` with the lookup only: an expanded navigation it does not declare is skipped.
#[dataverse_entity(
    logical_name = "account",
    entity_set = "accounts",
    primary_id = "accountid"
)]
#[derive(Debug, Clone, PartialEq)]
pub struct AccountLookupOnly {
    /// `accountid`.
    pub accountid: Option<Guid>,
    /// `name`.
    pub name: Option<String>,
    /// `primarycontactid`.
    pub primarycontactid: Option<PrimaryContact>,
}

/// What `InitializeFrom` returns for a new account: binds, not `_x_value` properties.
#[dataverse_entity(
    logical_name = "account",
    entity_set = "accounts",
    primary_id = "accountid"
)]
#[derive(Debug, Clone, PartialEq)]
pub struct InitializedAccount {
    /// `accountid`.
    pub accountid: Option<Guid>,
    /// `parentaccountid`.
    pub parentaccountid: Option<ParentAccount>,
    /// `transactioncurrencyid`.
    pub transactioncurrencyid: Option<Currency>,
    /// `address1_line1`.
    pub address1_line1: Option<String>,
    /// `address1_city`.
    pub address1_city: Option<String>,
    /// `address1_country`.
    pub address1_country: Option<String>,
}

/// `opportunity`: a multi-target lookup bound through a per-target navigation.
#[dataverse_entity(
    logical_name = "opportunity",
    entity_set = "opportunities",
    primary_id = "opportunityid"
)]
#[derive(Debug, Clone, PartialEq)]
pub struct Opportunity {
    /// `opportunityid`.
    pub opportunityid: Option<Guid>,
    /// `customerid`.
    pub customerid: Option<Customer>,
}

/// The deep-insert sample's contact (`annualincome` as the sample writes it: an integer).
#[dataverse_entity(
    logical_name = "contact",
    entity_set = "contacts",
    primary_id = "contactid"
)]
pub struct NewContact {
    /// `firstname`.
    pub firstname: Option<String>,
    /// `lastname`.
    pub lastname: Option<String>,
    /// `jobtitle`.
    pub jobtitle: Option<String>,
    /// `annualincome`.
    pub annualincome: Option<i32>,
    #[dataverse(navigation = "Contact_Tasks")]
    /// The related tasks.
    pub tasks: RelatedRows<Task>,
}

/// The deep-insert sample's account.
#[dataverse_entity(
    logical_name = "account",
    entity_set = "accounts",
    primary_id = "accountid"
)]
pub struct AccountFourthCoffee {
    /// `name`.
    pub name: Option<String>,
    #[dataverse(navigation = "primarycontactid")]
    /// The expanded primary contact.
    pub primarycontact: Option<Box<NewContact>>,
}

//! The tables of the Web API reference bodies (`tests/fixtures/webapi/`): projections of
//! `account`, `contact`, `task`, `opportunity` and `email` with the columns those bodies carry, as a
//! user would declare them. Column types from the tables' reference pages (Microsoft Learn).

use dataverse_model::{
    Choices, Decimal, Field, FormattedValues, Guid, Money, OffsetDateTime, PartyList, RelatedRows,
    choice, dataverse_entity, lookup,
};

choice! {
    /// Account category (`accountcategorycode`).
    #[choice(name = "account_accountcategorycode")]
    pub enum AccountCategory {
        PreferredCustomer = 1,
        Standard = 2,
    }
}

choice! {
    /// Relationship type (`customertypecode`).
    #[choice(name = "account_customertypecode")]
    pub enum CustomerType {
        Competitor = 1,
        Consultant = 2,
        Customer = 3,
    }
}

choice! {
    /// Outdoor activities (`sample_outdooractivities`, multi-select), from the documentation's
    /// multi-select sample.
    #[choice(name = "sample_outdooractivities")]
    pub enum OutdoorActivity {
        Swimming = 1,
        Hiking = 2,
        MountainClimbing = 3,
        Fishing = 4,
        Hunting = 5,
        Running = 6,
        Boating = 7,
        Skiing = 8,
        Camping = 9,
    }
}

choice! {
    /// Product versions (`new_versions`, multi-select), whose labels hold commas.
    #[choice(name = "new_versions")]
    pub enum ProductVersion {
        Crm2015 = 100_000_000,
        Crm2016 = 100_000_001,
    }
}

lookup! {
    /// Primary contact (`primarycontactid`).
    #[lookup(column = "primarycontactid", table = "account")]
    pub enum PrimaryContact {
        #[target(entity_set = "contacts")]
        Contact = "contact",
    }
}

lookup! {
    /// Parent account (`parentaccountid`).
    #[lookup(column = "parentaccountid", table = "account")]
    pub enum ParentAccount {
        #[target(entity_set = "accounts")]
        Account = "account",
    }
}

lookup! {
    /// Currency (`transactioncurrencyid`).
    #[lookup(column = "transactioncurrencyid", table = "account")]
    pub enum Currency {
        #[target(entity_set = "transactioncurrencies")]
        TransactionCurrency = "transactioncurrency",
    }
}

lookup! {
    /// A contact's currency (`transactioncurrencyid`).
    #[lookup(column = "transactioncurrencyid", table = "contact")]
    pub enum ContactCurrency {
        #[target(entity_set = "transactioncurrencies")]
        TransactionCurrency = "transactioncurrency",
    }
}

lookup! {
    /// Owner (`ownerid`): a user or a team.
    #[lookup(column = "ownerid", table = "account")]
    pub enum Owner {
        #[target(entity_set = "systemusers")]
        SystemUser = "systemuser",
        #[target(entity_set = "teams")]
        Team = "team",
    }
}

lookup! {
    /// Potential customer (`customerid`, a Customer lookup): one navigation per target.
    #[lookup(column = "customerid", table = "opportunity", navigation = "customerid_{target}")]
    pub enum Customer {
        #[target(entity_set = "accounts")]
        Account = "account",
        #[target(entity_set = "contacts")]
        Contact = "contact",
    }
}

/// `account`.
#[dataverse_entity(
    logical_name = "account",
    entity_set = "accounts",
    primary_id = "accountid",
    primary_name = "name"
)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Account {
    /// Primary key.
    pub accountid: Field<Guid>,
    /// Account name.
    #[dataverse(max_length = 160)]
    pub name: Field<String>,
    /// Main phone.
    pub telephone1: Field<String>,
    /// Description.
    pub description: Field<String>,
    /// Credit hold.
    pub creditonhold: Field<bool>,
    /// Address 1: latitude.
    pub address1_latitude: Field<f64>,
    /// Address 1: street 1.
    pub address1_line1: Field<String>,
    /// Address 1: city.
    pub address1_city: Field<String>,
    /// Address 1: country/region.
    pub address1_country: Field<String>,
    /// Annual revenue.
    pub revenue: Field<Money>,
    /// Category.
    pub accountcategorycode: Field<AccountCategory>,
    /// Relationship type.
    pub customertypecode: Field<CustomerType>,
    /// Primary contact.
    pub primarycontactid: Field<PrimaryContact>,
    /// Parent account.
    pub parentaccountid: Field<ParentAccount>,
    /// Currency.
    pub transactioncurrencyid: Field<Currency>,
    /// Owner.
    pub ownerid: Field<Owner>,
    /// The primary contact's row (`$expand=primarycontactid`, deep insert).
    #[dataverse(navigation = "primarycontactid")]
    pub primarycontact: Option<Box<Contact>>,
    /// The account's tasks (`$expand=Account_Tasks`, binds on create).
    #[dataverse(navigation = "Account_Tasks")]
    pub tasks: RelatedRows<Task>,
    /// Created on.
    #[dataverse(read_only)]
    pub createdon: Field<OffsetDateTime>,
    /// Modified on.
    #[dataverse(read_only)]
    pub modifiedon: Field<OffsetDateTime>,
    /// Version number.
    #[dataverse(read_only)]
    pub versionnumber: Field<i64>,
    /// Exchange rate.
    #[dataverse(read_only)]
    pub exchangerate: Field<Decimal>,
    /// Formatted values.
    #[dataverse(formatted_values)]
    pub formatted: FormattedValues,
    /// `@odata.etag`.
    #[dataverse(etag)]
    pub etag: Option<String>,
}

/// `contact`.
#[dataverse_entity(
    logical_name = "contact",
    entity_set = "contacts",
    primary_id = "contactid",
    primary_name = "fullname"
)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Contact {
    /// Primary key.
    pub contactid: Field<Guid>,
    /// Full name (computed by the service).
    #[dataverse(read_only)]
    pub fullname: Field<String>,
    /// First name.
    pub firstname: Field<String>,
    /// Last name.
    pub lastname: Field<String>,
    /// Job title.
    pub jobtitle: Field<String>,
    /// Annual income.
    pub annualincome: Field<Money>,
    /// Description.
    pub description: Field<String>,
    /// Business phone.
    pub telephone1: Field<String>,
    /// Outdoor activities (multi-select).
    pub sample_outdooractivities: Field<Choices<OutdoorActivity>>,
    /// Product versions (multi-select).
    pub new_versions: Field<Choices<ProductVersion>>,
    /// Currency.
    pub transactioncurrencyid: Field<ContactCurrency>,
    /// The contact's tasks (deep insert).
    #[dataverse(navigation = "Contact_Tasks")]
    pub tasks: RelatedRows<Task>,
    /// Formatted values.
    #[dataverse(formatted_values)]
    pub formatted: FormattedValues,
    /// `@odata.etag`.
    #[dataverse(etag)]
    pub etag: Option<String>,
}

/// `task`.
#[dataverse_entity(
    logical_name = "task",
    entity_set = "tasks",
    primary_id = "activityid",
    primary_name = "subject"
)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Task {
    /// Primary key.
    pub activityid: Field<Guid>,
    /// Subject.
    pub subject: Field<String>,
    /// Description.
    pub description: Field<String>,
    /// Start date.
    pub scheduledstart: Field<OffsetDateTime>,
    /// Due date.
    pub scheduledend: Field<OffsetDateTime>,
    /// Duration in minutes.
    pub scheduleddurationminutes: Field<i32>,
    /// `@odata.etag`.
    #[dataverse(etag)]
    pub etag: Option<String>,
}

/// `opportunity`.
#[dataverse_entity(
    logical_name = "opportunity",
    entity_set = "opportunities",
    primary_id = "opportunityid",
    primary_name = "name"
)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Opportunity {
    /// Primary key.
    pub opportunityid: Field<Guid>,
    /// Topic.
    pub name: Field<String>,
    /// Potential customer.
    pub customerid: Field<Customer>,
}

/// `email`, with the party lists of the documentation's activity-party `PUT`.
#[dataverse_entity(
    logical_name = "email",
    entity_set = "emails",
    primary_id = "activityid",
    primary_name = "subject"
)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Email {
    /// Primary key.
    pub activityid: Field<Guid>,
    /// Subject.
    pub subject: Field<String>,
    /// Carbon-copy recipients (parties are written in column order: `cc` first, as the
    /// documentation's body lists them).
    pub cc: Option<PartyList>,
    /// To recipients.
    pub to: Option<PartyList>,
}

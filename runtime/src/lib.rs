//! Microsoft Dataverse tables as Rust types.
//!
//! Declare choice (option set) columns with [`choice!`], lookup columns with their target
//! tables, relationships and cascade configuration with [`lookup!`], and tables with
//! [`macro@dataverse_entity`]. You get typed values, Web API JSON (de)serialization,
//! `'static` metadata and validation; schema mistakes are compile errors at your source line.
//!
//! ```
//! use dataverse_model::{choice, Choice};
//!
//! choice! {
//!     /// Reasons recorded on Omnichannel session events.
//!     #[choice(name = "msdyn_occallsessioneventreasons", global)]
//!     pub enum SessionEventReason {
//!         Default = 192_350_000,
//!         AgentTransfer = 192_350_001,
//!         #[label = "PostchatSurvey"]
//!         PostChatSurvey = 192_350_004,
//!     }
//! }
//!
//! let reason = SessionEventReason::from_value(192_350_004);
//! assert_eq!(reason, SessionEventReason::PostChatSurvey);
//! assert_eq!(reason.label(), Some("PostchatSurvey"));
//! assert!(!SessionEventReason::from_value(7).is_known());
//! ```
//!
//! A table is a struct you write; the attribute adds metadata, Web API JSON and validation:
//!
//! ```
//! # use dataverse_model::choice;
//! # choice! {
//! #     #[choice(name = "msdyn_occallsessioneventreasons", global)]
//! #     pub enum SessionEventReason { Default = 192_350_000, AgentTransfer = 192_350_001 }
//! # }
//! use dataverse_model::{dataverse_entity, Entity, Field, Guid, Operation};
//!
//! #[dataverse_entity(logical_name = "msdyn_ocsession", entity_set = "msdyn_ocsessions",
//!                    primary_id = "activityid", primary_name = "subject")]
//! pub struct Session {
//!     pub activityid: Option<Guid>,
//!     #[dataverse(max_length = 200, required)]
//!     pub subject: Field<String>,
//!     pub msdyn_queueassignedreason: Option<SessionEventReason>,
//! }
//!
//! let row: Session = serde_json::from_str(
//!     r#"{"activityid": "0928bcb4-bb27-ed11-9db1-002248274ada", "subject": "Chat",
//!         "msdyn_queueassignedreason@OData.Community.Display.V1.FormattedValue": "Default",
//!         "msdyn_queueassignedreason": 192350000, "someothercolumn": 1}"#,
//! ).unwrap();
//! assert!(row.validate(Operation::Create).is_ok());
//! assert_eq!(
//!     serde_json::to_string(&row.update_payload()).unwrap(),
//!     r#"{"subject":"Chat","msdyn_queueassignedreason":192350000}"#
//! );
//! assert_eq!(Session::select(), "activityid,subject,msdyn_queueassignedreason");
//! ```
//!
//! Column types: `String`, `i32`, `i64`, `f64`, `bool`, [`Decimal`] (money with
//! `#[dataverse(money)]`, or the [`Money`] type), [`Guid`], [`OffsetDateTime`], [`Date`] (date
//! only), [`choice!`] types, [`Choices<C>`] (multi-select), [`lookup!`] types and [`PartyList`];
//! each bare (must be present), in `Option<T>` (value or null) or in [`Field<T>`]
//! (unset, null or value; unset is never written). Column attributes in `#[dataverse(...)]`:
//! `logical_name`, `required`, `required_level`, `read_only`, `max_length`, `min`, `max`,
//! `precision`, `money`, `default`, `true_label`, `false_label`, and on special fields
//! `formatted_values` (a [`FormattedValues`]) and `etag` (an `Option<String>`). Table
//! attributes: `logical_name`, `entity_set`, `primary_id`, `primary_name`, or
//! `extends = Base` with `publisher_prefix = "..."` for a solution layer; `crate = path` when
//! the runtime is a renamed dependency.
//!
//! The metadata records a column's [`RequiredLevel`] as Dataverse gives it:
//! `required_level = SystemRequired` (or `None`, `Recommended`, `ApplicationRequired`);
//! `required` is short for `required_level = ApplicationRequired`, the only level that
//! `validate(Operation::Create)` enforces, since the service fills SystemRequired columns
//! itself. `default = ...` records a Boolean column's default (`true`/`false`) or the value of
//! the option a choice column defaults to (its `DefaultFormValue`; leave it out for
//! Dataverse's `-1`, no default); `true_label` and `false_label` a Boolean column's two
//! labels, `= "Yes"` (English) or per language `(1033 = "Yes", 1036 = "Oui")`. Each is checked
//! against the column type at compile time (a default must be an option of the choice):
//!
//! ```
//! use dataverse_model::{choice, dataverse_entity, ColumnDefault, Entity, Guid, RequiredLevel};
//!
//! choice! {
//!     #[choice(name = "msdyn_ocsession_prioritycode")]
//!     pub enum Priority { Low = 0, Normal = 1, High = 2 }
//! }
//!
//! #[dataverse_entity(logical_name = "msdyn_ocsession", entity_set = "msdyn_ocsessions",
//!                    primary_id = "activityid")]
//! pub struct Session {
//!     #[dataverse(required_level = SystemRequired)]
//!     pub activityid: Option<Guid>,
//!     #[dataverse(default = 1)]
//!     pub prioritycode: Option<Priority>,
//!     #[dataverse(true_label(1033 = "Yes", 1036 = "Oui"), false_label = "No", default = false)]
//!     pub leftvoicemail: Option<bool>,
//! }
//!
//! let voicemail = Session::METADATA.column("leftvoicemail").unwrap();
//! assert_eq!(voicemail.boolean.unwrap().label_in(true, 1036), Some("Oui"));
//! assert_eq!(voicemail.default, Some(ColumnDefault::Boolean(false)));
//! let id = Session::METADATA.column("activityid").unwrap();
//! assert_eq!(id.required_level, RequiredLevel::SystemRequired);
//! assert!(!id.required_on_create());
//! ```
//!
//! A field `#[dataverse(navigation = "<name>")]` holds a navigation property: `Option<Box<T>>`
//! for a single-valued one (`primarycontactid`), [`RelatedRows<T>`] for a collection-valued one
//! (`Account_Tasks`), `T` the related table's struct; it reads the `$expand`ed row or rows and
//! a create body writes it as a deep insert (see [`RelatedRows`] for collection binds). A
//! lookup column reads `_<col>_value` and `<navigation>@odata.bind`, never its plain name (the
//! navigation). Party lists read and write the activity's `<table>_activity_parties` (see
//! [`PartyList`]).
//!
//! The types a column is declared with are re-exported here ([`Decimal`], [`OffsetDateTime`],
//! [`Date`] with [`Month`], [`Guid`]), so a table needs no dependency but this crate (and
//! `serde_json` to read and write JSON):
//!
//! ```
//! use dataverse_model::{dataverse_entity, Date, Decimal, Entity, Guid, Money, Month, OffsetDateTime};
//!
//! #[dataverse_entity(logical_name = "account", entity_set = "accounts", primary_id = "accountid")]
//! pub struct Account {
//!     pub accountid: Option<Guid>,
//!     pub revenue: Option<Money>,
//!     #[dataverse(precision = 4)]
//!     pub exchangerate: Option<Decimal>,
//!     pub lastonholdtime: Option<OffsetDateTime>,
//!     pub new_founded: Option<Date>,
//! }
//!
//! let founded = Date::from_calendar_date(1998, Month::March, 31).unwrap();
//! let row = Account {
//!     accountid: None, // the service generates the key: a create body leaves it out
//!     revenue: Some(Money(Decimal::new(2_000_000, 2))),
//!     exchangerate: Some("1.0815".parse().unwrap()),
//!     lastonholdtime: Some(founded.with_hms(9, 30, 0).unwrap().assume_utc()),
//!     new_founded: Some(founded),
//! };
//! assert_eq!(
//!     serde_json::to_string(&row.create_payload()).unwrap(),
//!     r#"{"revenue":20000.00,"exchangerate":1.0815,"lastonholdtime":"1998-03-31T09:30:00Z","new_founded":"1998-03-31"}"#
//! );
//! ```
//!
//! What the service sends back: a collection is a [`Page<T>`] (`@odata.nextLink`, and
//! `@odata.deltaLink` when changes are tracked), a change-tracking response a
//! [`DeltaPage<T>`] whose rows are [`DeltaRow::Changed`] or [`DeltaRow::Deleted`]. An error
//! body is never read as an empty row or page: decoding fails with the service's code and
//! message, and [`ServiceError::from_body`] reads the body into the typed error with every
//! annotation:
//!
//! ```
//! # use dataverse_model::{dataverse_entity, Guid};
//! # #[dataverse_entity(logical_name = "account", entity_set = "accounts", primary_id = "accountid")]
//! # #[derive(Debug)]
//! # pub struct Account { pub accountid: Option<Guid> }
//! use dataverse_model::ServiceError;
//!
//! let body = br#"{"error": {"code": "0x80040217", "message": "account With Id = 1 Does Not Exist"}}"#;
//! let decoded = serde_json::from_slice::<Account>(body);
//! assert!(decoded.unwrap_err().to_string().starts_with(
//!     "the service returned an error instead of a `Account` row: `0x80040217`: account With Id = 1 Does Not Exist"
//! ));
//! let error = ServiceError::from_body(body).unwrap();
//! assert_eq!(error.code(), "0x80040217");
//! ```
//!
//! Numbers are read exactly without changing how serde_json behaves in the rest of the
//! program: decimals and floats from their JSON text, big integers above 2^53 with every
//! digit, and numbers sent as strings (`Prefer: odata.IEEE754Compatible=true`).
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod cascade;
mod choice;
mod choices;
mod column;
mod compact;
mod entity;
mod error;
mod field;
mod lookup;
mod mismatch;
pub mod query;
pub mod request;
mod response;
mod row;
mod text;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use cascade::{CascadeConfiguration, CascadeType};
pub use choice::{Choice, ChoiceMetadata, LocalizedLabel, OptionMetadata, StatusChoice};
pub use choices::{Choices, MAX_MULTI_SELECT_VALUES, ParseChoicesError};
pub use column::{
    ActivityParty, BooleanLabels, ChoiceCodec, ColumnCodec, ColumnDefault, ColumnKind,
    ColumnMetadata, ColumnValue, LookupCodec, Money, ParticipationType, PartyList, PartyRef,
    RequiredLevel, SlotOf,
};
pub use entity::{
    ActivityPartiesBody, Entity, EntityMetadata, NavigationMetadata, NavigationValue, Payload,
    RelatedRows, ResponseBody,
};
pub use error::{DecodeError, ParseChoiceError, Rule, ValidationError, ValidationErrors};
pub use field::Field;
pub use lookup::{
    Lookup, LookupMetadata, LookupRef, RelationshipMetadata, TargetMetadata, UnknownTarget,
};
pub use response::{DeltaPage, DeltaRow, Page, ServiceError};
pub use row::{FormattedValues, Operation};

/// A Dataverse unique identifier (`Edm.Guid`).
pub use uuid::Uuid as Guid;

/// A decimal number (`Edm.Decimal`): the value of decimal and money columns, from
/// [`rust_decimal`](https://docs.rs/rust_decimal), re-exported so you need no dependency of
/// your own. Build one with `Decimal::new(12345, 2)` (123.45) or `"123.45".parse()`.
pub use rust_decimal::Decimal;

/// A date and time with its UTC offset (`Edm.DateTimeOffset`), from
/// [`time`](https://docs.rs/time), re-exported so you need no dependency of your own.
pub use time::OffsetDateTime;

/// A calendar date (`Edm.Date`, a date-only column), from [`time`](https://docs.rs/time),
/// re-exported with [`Month`] to build one: `Date::from_calendar_date(2024, Month::March, 31)`.
pub use time::Date;

/// A month of the year, to build a [`Date`]; from [`time`](https://docs.rs/time).
pub use time::Month;

pub use dataverse_model_macros::dataverse_entity;

#[doc(hidden)]
pub use dataverse_model_macros::{choice_impl as __choice_impl, lookup_impl as __lookup_impl};

/// Declares a choice (option set): an enum with one variant per option and a fallback.
///
/// Each variant is an option: `Name = <integer>` (an `i32` literal, optionally negative).
/// The enum gets a fallback variant `Unrecognized(i32)` that keeps any other value, so
/// decoding never fails and re-encoding writes the value back unchanged.
///
/// On the enum, `#[choice(...)]` takes:
/// - `name = "..."`: the option set's name in Dataverse (required for a base choice);
/// - `global`: the option set is a global choice;
/// - `extends = Base`: this enum is a layer over the choice `Base` (any type implementing
///   [`Choice`], also from another crate); it holds its own options plus `Base(Base)`;
/// - `base = Name`: renames the `Base` variant of a layer;
/// - `fallback = Name`: renames the `Unrecognized` variant of a base choice;
/// - `option_prefix = 19235`: the publisher's option value prefix; options must lie in
///   `prefix * 10000 ..= prefix * 10000 + 9999`;
/// - `status_of = State`: a status (status reason) choice whose options belong to states of
///   the choice `State`; each option then says `#[state = Variant]`.
///
/// On an option: `#[label = "..."]` (default: the variant name) or
/// `#[label(1033 = "Default", 1036 = "Par défaut")]`; `#[overrides]` to relabel an option of
/// the base in a layer (the top-most layer wins); `#[state = Open]` for status choices. Doc
/// comments become the option's description.
///
/// Generated: inherent `from_value`, `value` and `is_known` (`const` on a base choice);
/// [`Choice`] (and [`StatusChoice`]) impls, whose methods give `label`, `label_in` and
/// `from_label`; equality and hashing by value; `Display` (label, or the number) and `FromStr`
/// (label or number); serde as a JSON integer; `From<Base>` for a layer. Mistakes are compile
/// errors at the offending token.
///
/// ```
/// use dataverse_model::{choice, Choice};
///
/// choice! {
///     #[choice(name = "msdyn_occallsessioneventreasons", global)]
///     pub enum SessionEventReason {
///         Default = 192_350_000,
///         BotTransferSession = 192_350_024,
///     }
/// }
///
/// choice! {
///     #[choice(extends = SessionEventReason, option_prefix = 19235)]
///     pub enum SalesSessionEventReason {
///         #[overrides]
///         #[label = "BotTransferSession "]
///         BotTransferSession = 192_350_024,
///     }
/// }
///
/// let sales = SalesSessionEventReason::from_value(192_350_024);
/// assert_eq!(sales.label(), Some("BotTransferSession "));
/// assert_eq!(
///     SalesSessionEventReason::from_value(192_350_000),
///     SalesSessionEventReason::Base(SessionEventReason::Default)
/// );
/// assert_eq!(<SalesSessionEventReason as Choice>::METADATA.name, "msdyn_occallsessioneventreasons");
/// ```
#[macro_export]
macro_rules! choice {
    ($($input:tt)*) => {
        $crate::__choice_impl! { { $crate } $($input)* }
    };
}

/// Declares a lookup: an enum with one variant per target table carrying the row id, plus a
/// fallback (`Unrecognized(UnknownTarget)`, renamable with `fallback = Name`) that keeps a
/// table no layer declares.
///
/// `#[lookup(column = "...", table = "...", navigation = "...{target}...", extends = Base, fallback = Name)]`
/// on the enum; on each variant `Variant = "table_logical_name"` and
/// `#[target(entity_set = "...", navigation = "...", relationship = "...",
/// referenced_attribute = "...", cascade(...), system)]`. The navigation property (the
/// `@odata.bind` key) is declared per target or once as a pattern with `{target}`, inherited
/// by extensions; without either a single-target lookup uses the column name and a
/// multi-target one `<column>_<target>`. `cascade` takes a preset (`parental`, `referential`,
/// `restrict`) and/or per-action values (`archive`, `assign`, `delete`, `merge`, `reparent`,
/// `rollup_view`, `share`, `unshare`); actions not given are `NoCascade`. Each action accepts
/// only its documented values unless the relationship is marked `system`. A value's
/// methods (`id`, `logical_name`, `target`, `navigation`, `bind_path`, ...) are those of
/// the [`Lookup`] trait.
///
/// ```
/// use dataverse_model::{lookup, CascadeType, Guid, Lookup};
///
/// lookup! {
///     /// What a session is about.
///     #[lookup(column = "regardingobjectid", table = "msdyn_ocsession", navigation = "regardingobjectid_{target}_msdyn_ocsession")]
///     pub enum Regarding {
///         #[target(entity_set = "accounts", relationship = "account_msdyn_ocsessions",
///                  referenced_attribute = "accountid", cascade(parental, merge = Cascade))]
///         Account = "account",
///     }
/// }
///
/// // a custom solution adds a target; the navigation pattern is inherited
/// lookup! {
///     #[lookup(extends = Regarding)]
///     pub enum SalesRegarding {
///         #[target(entity_set = "sample_bankaccounts",
///                  relationship = "sample_bankaccount_msdyn_ocsessions",
///                  referenced_attribute = "sample_bankaccountid", cascade(parental))]
///         SampleBankAccount = "sample_bankaccount",
///     }
/// }
///
/// let id = Guid::nil();
/// let bank = SalesRegarding::from_target("sample_bankaccount", id);
/// assert_eq!(bank.navigation(), Some("regardingobjectid_sample_bankaccount_msdyn_ocsession"));
/// assert_eq!(bank.bind_path().as_deref(), Some("/sample_bankaccounts(00000000-0000-0000-0000-000000000000)"));
/// assert_eq!(SalesRegarding::from_target("account", id), SalesRegarding::Base(Regarding::Account(id)));
/// let relationship = bank.target().unwrap().relationship.unwrap();
/// assert_eq!(relationship.cascade.delete, CascadeType::Cascade);
/// assert!(relationship.is_parental());
/// // a table no layer declares is kept
/// assert_eq!(SalesRegarding::from_target("new_project", id).logical_name(), "new_project");
/// ```
#[macro_export]
macro_rules! lookup {
    ($($input:tt)*) => {
        $crate::__lookup_impl! { { $crate } $($input)* }
    };
}

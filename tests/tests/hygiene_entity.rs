//! `lookup!` and `#[dataverse_entity]` output name everything by absolute path: shadowed
//! prelude names and a local `mod dataverse_model` change nothing, and it compiles without
//! warnings.
#![deny(warnings)]
#![allow(dead_code, non_camel_case_types)]

struct Result;
struct Ok;
struct Option;
struct Some;
struct None;
struct String;
struct Default;
struct Guid;
struct Clone;
mod dataverse_model {}
mod core {}

::dataverse_model::lookup! {
    /// A base lookup.
    #[lookup(column = "parentid", table = "task", navigation = "parentid_{target}")]
    pub enum Parent {
        #[target(entity_set = "accounts", relationship = "account_parents",
                 referenced_attribute = "accountid", cascade(parental, merge = Cascade))]
        Account = "account",
        #[target(entity_set = "contacts", relationship = "contact_parents",
                 referenced_attribute = "contactid", system, cascade(no_cascade))]
        Contact = "contact",
    }
}

::dataverse_model::lookup! {
    /// An extension.
    #[lookup(extends = Parent)]
    pub enum SalesParent {
        #[target(entity_set = "leads", relationship = "lead_parents",
                 referenced_attribute = "leadid", cascade(referential))]
        Lead = "lead",
    }
}

::dataverse_model::choice! {
    /// A choice column.
    #[choice(name = "task_prioritycode")]
    pub enum Priority {
        /// Low.
        Low = 0,
        /// High.
        High = 1,
    }
}

/// A table using every kind of column wrapper with shadowed names around.
#[::dataverse_model::dataverse_entity(
    logical_name = "task",
    entity_set = "tasks",
    primary_id = "activityid",
    primary_name = "subject"
)]
#[derive(Debug, PartialEq)]
pub struct Task {
    /// The id.
    pub activityid: ::core::option::Option<::dataverse_model::Guid>,
    /// The subject.
    #[dataverse(max_length = 200, required)]
    pub subject: ::dataverse_model::Field<::std::string::String>,
    /// A bare column.
    pub percentcomplete: i32,
    /// A choice.
    pub prioritycode: ::core::option::Option<Priority>,
    /// A lookup of the extension.
    pub parentid: ::dataverse_model::Field<SalesParent>,
    /// Formatted values.
    #[dataverse(formatted_values)]
    pub formatted: ::dataverse_model::FormattedValues,
    /// The etag.
    #[dataverse(etag)]
    pub etag: ::core::option::Option<::std::string::String>,
}

#[test]
fn entity_works_with_shadowed_names() {
    let row: Task = ::serde_json::from_str(
        r#"{"@odata.etag": "W/\"1\"", "activityid": null, "subject": "Call back", "percentcomplete": 5,
            "prioritycode": 1, "_parentid_value@Microsoft.Dynamics.CRM.lookuplogicalname": "lead",
            "_parentid_value": "00000000-0000-0000-0000-000000000000"}"#,
    )
    .unwrap();
    assert_eq!(
        row.prioritycode,
        ::core::option::Option::Some(Priority::High)
    );
    assert!(row.validate(::dataverse_model::Operation::Create).is_ok());
    let rendered =
        ::serde_json::to_string(&::dataverse_model::Entity::response_body(&row)).unwrap();
    assert_eq!(::serde_json::from_str::<Task>(&rendered).unwrap(), row);
}

#[test]
fn works_with_shadowed_names() {
    // the value methods are the `Lookup` trait's
    use ::dataverse_model::Lookup as _;
    let id = ::dataverse_model::Guid::nil();
    let lead = SalesParent::from_target("lead", id);
    assert_eq!(
        lead.navigation(),
        ::core::option::Option::Some("parentid_lead")
    );
    assert_eq!(
        SalesParent::from_target("contact", id),
        SalesParent::Base(Parent::Contact(id))
    );
}

// A table declared by the user's own `macro_rules!`, its column types and names passed in as
// metavariables: the generated code resolves its locals at the call site, not under the
// macro's hygiene (which once made `self`, `__map`, ... unresolvable).
macro_rules! declare_note_table {
    ($name:ident, $field:ident: $ty:ty) => {
        #[::dataverse_model::dataverse_entity(
            logical_name = "annotation",
            entity_set = "annotations",
            primary_id = "annotationid"
        )]
        #[derive(Debug, PartialEq)]
        pub struct $name {
            pub annotationid: ::core::option::Option<::dataverse_model::Guid>,
            pub $field: ::core::option::Option<$ty>,
        }
    };
}

declare_note_table!(Note, notetext: ::std::string::String);

#[test]
fn works_with_column_types_from_macro_rules_metavariables() {
    let row: Note =
        ::serde_json::from_str(r#"{"annotationid": null, "notetext": "hello"}"#).unwrap();
    assert_eq!(
        row.notetext.as_deref(),
        ::core::option::Option::Some("hello")
    );
    assert!(row.validate(::dataverse_model::Operation::Create).is_ok());
}

//! `lookup!` output names everything by absolute path: shadowed prelude names and a local
//! `mod dataverse_model` change nothing, and it compiles without warnings.
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
    #[lookup(column = "parentid", navigation = "parentid_{target}")]
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

#[test]
fn works_with_shadowed_names() {
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

//! A cleared lookup is written in the form the service honours.

use super::*;

lookup! {
    #[lookup(column = "parentaccountid", table = "account")]
    pub enum ParentAccount {
        #[target(entity_set = "accounts")]
        Account = "account",
    }
}

lookup! {
    #[lookup(column = "regardingobjectid", table = "task", navigation = "regardingobjectid_{target}_task")]
    pub enum Regarding {
        #[target(entity_set = "accounts")]
        Account = "account",
        #[target(entity_set = "contacts")]
        Contact = "contact",
    }
}

#[test]
fn clearing_a_lookup_writes_its_navigation_property_as_null() {
    #[dataverse_entity(
        logical_name = "account",
        entity_set = "accounts",
        primary_id = "accountid"
    )]
    pub struct Cleared {
        pub accountid: Option<Guid>,
        pub parentaccountid: Field<ParentAccount>,
        pub primarycontactid: Field<PrimaryContact>,
    }
    let row = Cleared {
        accountid: Some(id()),
        parentaccountid: Field::Null,
        primarycontactid: Field::Null,
    };
    let documented: serde_json::Value = serde_json::from_str(include_str!(
        "../../fixtures/disassociate-on-update.navprop-null.request.json"
    ))
    .unwrap();
    assert_eq!(
        serde_json::to_value(row.update_payload()).unwrap(),
        documented
    );

    // a multi-target lookup: through its first target's navigation property
    #[dataverse_entity(logical_name = "task", entity_set = "tasks", primary_id = "activityid")]
    pub struct TaskRegarding {
        pub activityid: Option<Guid>,
        pub regardingobjectid: Field<Regarding>,
    }
    let row = TaskRegarding {
        activityid: None,
        regardingobjectid: Field::Null,
    };
    assert_eq!(
        serde_json::to_string(&row.update_payload()).unwrap(),
        r#"{"regardingobjectid_account_task":null}"#
    );
}

//! `choice!` through a renamed dependency.

use dvm::{Choice, StatusChoice};

dvm::choice! {
    /// Reasons recorded on Omnichannel session events.
    #[choice(name = "msdyn_occallsessioneventreasons", global)]
    pub enum SessionEventReason {
        Default = 192_350_000,
        BotTransferSession = 192_350_024,
    }
}

dvm::choice! {
    /// The Sales layer.
    #[choice(extends = SessionEventReason, option_prefix = 19235)]
    pub enum SalesSessionEventReason {
        #[overrides]
        #[label = "BotTransferSession "]
        BotTransferSession = 192_350_024,
    }
}

dvm::choice! {
    /// Activity status.
    #[choice(name = "msdyn_ocsession_statecode")]
    pub enum SessionState {
        Open = 0,
    }
}

dvm::choice! {
    /// Status reason.
    #[choice(name = "msdyn_ocsession_statuscode", status_of = SessionState)]
    pub enum SessionStatus {
        #[state = Open]
        Open = 1,
    }
}

#[test]
fn choice_works_through_a_renamed_dependency() {
    let reason: SalesSessionEventReason = serde_json::from_str("192350024").unwrap();
    assert_eq!(reason, SalesSessionEventReason::BotTransferSession);
    assert_eq!(reason.label(), Some("BotTransferSession "));
    assert_eq!(
        SalesSessionEventReason::from_value(192_350_000),
        SalesSessionEventReason::Base(SessionEventReason::Default)
    );
    let unknown = SessionEventReason::from_value(7);
    assert_eq!(serde_json::to_string(&unknown).unwrap(), "7");
    assert_eq!(SessionStatus::Open.state(), Some(SessionState::Open));
    assert_eq!(
        <SalesSessionEventReason as Choice>::METADATA.name,
        "msdyn_occallsessioneventreasons"
    );
    assert_eq!("Default".parse(), Ok(SessionEventReason::Default));
}

dvm::lookup! {
    /// What a session is about.
    #[lookup(column = "regardingobjectid", table = "msdyn_ocsession", navigation = "regardingobjectid_{target}_msdyn_ocsession")]
    pub enum Regarding {
        #[target(entity_set = "accounts")]
        Account = "account",
    }
}

dvm::lookup! {
    /// The Sales layer.
    #[lookup(extends = Regarding)]
    pub enum SalesRegarding {
        #[target(entity_set = "sample_bankaccounts")]
        SampleBankAccount = "sample_bankaccount",
    }
}

/// A session, through the renamed runtime (`crate = dvm`).
#[dvm::dataverse_entity(
    crate = dvm,
    logical_name = "msdyn_ocsession",
    entity_set = "msdyn_ocsessions",
    primary_id = "activityid"
)]
#[derive(Debug, PartialEq)]
pub struct Session {
    pub activityid: Option<dvm::Guid>,
    pub msdyn_queueassignedreason: Option<SalesSessionEventReason>,
    pub regardingobjectid: dvm::Field<SalesRegarding>,
}

#[test]
fn lookup_and_entity_work_through_a_renamed_dependency() {
    let row = Session {
        activityid: None,
        msdyn_queueassignedreason: Some(SalesSessionEventReason::BotTransferSession),
        regardingobjectid: dvm::Field::Value(SalesRegarding::SampleBankAccount(dvm::Guid::nil())),
    };
    let body = serde_json::to_value(row.create_payload()).unwrap();
    assert_eq!(
        body["regardingobjectid_sample_bankaccount_msdyn_ocsession@odata.bind"],
        "/sample_bankaccounts(00000000-0000-0000-0000-000000000000)"
    );
    let rendered = serde_json::to_string(&row.response_body()).unwrap();
    assert_eq!(serde_json::from_str::<Session>(&rendered).unwrap(), row);
}

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

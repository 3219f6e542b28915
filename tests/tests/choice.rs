//! `choice!` end to end: the Session choices and their Sales layer, the awkward choices of the
//! documentation and the sample bank account table, multi-language labels and `Choices<C>`.

use std::collections::HashSet;
use std::str::FromStr;

use dataverse_model::{Choice, Choices, StatusChoice, choice};
use dataverse_model_tests::session_choices::{
    SalesSessionEventReason, SessionEventReason, SessionState, SessionStatus,
    SocialProfileCommunity,
};

/// `(value, variant, label)` of every option of `msdyn_occallsessioneventreasons`.
const BASE_OPTIONS: [(i32, &str, &str); 50] = [
    (192350000, "Default", "Default"),
    (192350001, "AgentTransfer", "AgentTransfer"),
    (192350002, "QueueTransfer", "QueueTransfer"),
    (192350003, "PreChatSurvey", "PreChatSurvey"),
    (192350004, "PostchatSurvey", "PostchatSurvey"),
    (192350005, "UserAccept", "UserAccept"),
    (192350006, "AutoAccept", "AutoAccept"),
    (192350007, "Closed", "Closed"),
    (192350008, "AgentInviteRejected", "AgentInviteRejected"),
    (192350009, "AgentInviteTimeout", "AgentInviteTimeout"),
    (192350010, "AgentDisconnected", "AgentDisconnected"),
    (192350011, "AgentTimeout", "AgentTimeout"),
    (192350012, "AgentTransferred", "AgentTransferred"),
    (192350013, "CustomerTimeout", "CustomerTimeout"),
    (192350014, "CustomerDisconnect", "CustomerDisconnect"),
    (192350015, "SessionTimeout", "SessionTimeout"),
    (192350016, "Escalated", "Escalated"),
    (192350017, "Rejected", "Rejected"),
    (192350018, "TimedOut", "TimedOut"),
    (192350019, "Accepted", "Accepted"),
    (192350020, "AutoAccepted", "AutoAccepted"),
    (192350021, "Disconnect", "Disconnect"),
    (192350022, "Timeout", "Timeout"),
    (192350023, "End", "End"),
    (192350024, "BotTransferSession", "BotTransferSession"),
    (192350025, "BotEndConversation", "BotEndConversation"),
    (
        192350026,
        "AssignToAgentBySupervisor",
        "AssignToAgentBySupervisor",
    ),
    (
        192350027,
        "AssignToQueueBySupervisor",
        "AssignToQueueBySupervisor",
    ),
    (192350028, "CustomerRejoin", "CustomerRejoin"),
    (
        192350029,
        "CustomerEndConversation",
        "CustomerEndConversation",
    ),
    (192350030, "AgentEndConversation", "AgentEndConversation"),
    (
        192350031,
        "SupervisorTransferToAgent",
        "SupervisorTransferToAgent",
    ),
    (192350032, "AgentEndConsult", "AgentEndConsult"),
    (192350033, "ForceClose", "ForceClose"),
    (192350034, "OverflowQueueTransfer", "OverflowQueueTransfer"),
    (
        192350035,
        "OverflowEndConversation",
        "OverflowEndConversation",
    ),
    (192350036, "OverflowAssignToQueue", "OverflowAssignToQueue"),
    (192350037, "SessionEndAfterWrapUp", "SessionEndAfterWrapUp"),
    (192350038, "ConversationExpired", "ConversationExpired"),
    (192350039, "Consult", "Consult"),
    (192350040, "AgentMonitor", "AgentMonitor"),
    (192350041, "AgentConversationJoin", "AgentConversationJoin"),
    (192350042, "Preview", "Preview"),
    (
        192350043,
        "BotCallFailureEndConversation",
        "BotCallFailureEndConversation",
    ),
    (
        192350044,
        "BotCallFailureExternalTransfer",
        "BotCallFailureExternalTransfer",
    ),
    (
        192350045,
        "BotCallFailurePromptAndEscalate",
        "BotCallFailurePromptAndEscalate",
    ),
    (
        192350046,
        "BotCallFailureEscalate",
        "BotCallFailureEscalate",
    ),
    (192350049, "CustomerReconnect", "CustomerReconnect"),
    (192350050, "AgentGroupTransfer", "AgentGroupTransfer"),
    (192350052, "MonitorDisconnected", "MonitorDisconnected"),
];

#[test]
fn every_base_value_decodes_to_its_variant_label_and_layer() {
    for (value, variant, label) in BASE_OPTIONS {
        let reason = SessionEventReason::from_value(value);
        assert_eq!(format!("{reason:?}"), variant);
        assert_eq!(reason.value(), value);
        assert_eq!(reason.label(), Some(label));
        assert!(reason.is_known());
        assert_eq!(reason.metadata().unwrap().layer, "SessionEventReason");
        assert_eq!(SessionEventReason::from_label(label), Some(reason));
        assert_eq!(serde_json::to_string(&reason).unwrap(), value.to_string());
    }
    let meta = <SessionEventReason as Choice>::METADATA;
    assert_eq!(meta.name, "msdyn_occallsessioneventreasons");
    assert!(meta.global);
    assert_eq!(meta.layer, "SessionEventReason");
    assert_eq!(meta.effective_options().count(), 50);
    assert_eq!(meta.len(), 50);
    let values: Vec<i32> = meta.effective_options().map(|o| o.value).collect();
    assert_eq!(values, BASE_OPTIONS.map(|o| o.0));
}

#[test]
fn unknown_value_is_kept_and_written_back() {
    let reason: SessionEventReason = serde_json::from_str("192350047").unwrap();
    assert_eq!(reason, SessionEventReason::Unrecognized(192_350_047));
    assert!(!reason.is_known());
    assert_eq!(reason.label(), None);
    assert_eq!(reason.metadata(), None);
    assert_eq!(serde_json::to_string(&reason).unwrap(), "192350047");
    assert_eq!(reason.to_string(), "192350047");
    assert_eq!(format!("{reason:?}"), "Unrecognized(192350047)");

    let sales: SalesSessionEventReason = serde_json::from_str("192350047").unwrap();
    assert_eq!(
        sales,
        SalesSessionEventReason::Base(SessionEventReason::Unrecognized(192_350_047))
    );
    assert!(!sales.is_known());
    assert_eq!(serde_json::to_string(&sales).unwrap(), "192350047");
    assert!(serde_json::from_str::<SessionEventReason>("\"Default\"").is_err());
    assert!(serde_json::from_str::<SessionEventReason>("4294967296").is_err());
}

#[test]
fn sales_layer_relabels_and_decodes_to_the_top_layer() {
    let bot = SalesSessionEventReason::from_value(192_350_024);
    assert_eq!(bot, SalesSessionEventReason::BotTransferSession);
    assert!(matches!(bot, SalesSessionEventReason::BotTransferSession));
    assert_eq!(bot.label(), Some("BotTransferSession "));
    assert_eq!(bot.metadata().unwrap().layer, "SalesSessionEventReason");
    let labels = [
        (192_350_024, "BotTransferSession "),
        (192_350_025, "BotEndConversation "),
        (192_350_026, "AssignToAgentBySupervisor  "),
        (192_350_027, "AssignToQueueBySupervisor  "),
    ];
    for (value, label) in labels {
        let reason = SalesSessionEventReason::from_value(value);
        assert_eq!(reason.label(), Some(label));
        assert!(!matches!(reason, SalesSessionEventReason::Base(_)));
        // white space around a label is ignored on look-up
        assert_eq!(
            SalesSessionEventReason::from_label(label.trim()),
            Some(reason)
        );
        assert_eq!(
            SalesSessionEventReason::from_label(&format!("  {}\t", label.trim())),
            Some(reason)
        );
    }

    let transfer = SalesSessionEventReason::from_value(192_350_001);
    assert_eq!(
        transfer,
        SalesSessionEventReason::Base(SessionEventReason::AgentTransfer)
    );
    assert!(matches!(
        transfer,
        SalesSessionEventReason::Base(SessionEventReason::AgentTransfer)
    ));
    assert_eq!(transfer.label(), Some("AgentTransfer"));
    assert_eq!(transfer.metadata().unwrap().layer, "SessionEventReason");
    assert_eq!(format!("{transfer:?}"), "Base(AgentTransfer)");

    let meta = <SalesSessionEventReason as Choice>::METADATA;
    assert_eq!(meta.name, "msdyn_occallsessioneventreasons");
    assert!(meta.global);
    assert_eq!(meta.layer, "SalesSessionEventReason");
    assert_eq!(meta.options.len(), 4);
    assert_eq!(meta.base, Some(<SessionEventReason as Choice>::METADATA));
    assert_eq!(meta.effective_options().count(), 50);
    let relabelled: Vec<_> = meta
        .effective_options()
        .filter(|o| o.layer == "SalesSessionEventReason")
        .map(|o| (o.value, o.label))
        .collect();
    assert_eq!(relabelled, labels);
}

#[test]
fn layers_compare_and_hash_by_value() {
    let overridden = SalesSessionEventReason::Base(SessionEventReason::BotTransferSession);
    assert_eq!(overridden, SalesSessionEventReason::BotTransferSession);
    let set: HashSet<SalesSessionEventReason> =
        [overridden, SalesSessionEventReason::BotTransferSession]
            .into_iter()
            .collect();
    assert_eq!(set.len(), 1);
    assert_ne!(
        SalesSessionEventReason::BotEndConversation,
        SalesSessionEventReason::BotTransferSession
    );
    assert_eq!(
        SessionEventReason::Unrecognized(192_350_000),
        SessionEventReason::Default
    );

    // From<Base> normalizes to the top-most layer
    let from: SalesSessionEventReason = SessionEventReason::BotTransferSession.into();
    assert!(matches!(from, SalesSessionEventReason::BotTransferSession));
    let from = SalesSessionEventReason::from(SessionEventReason::Default);
    assert!(matches!(
        from,
        SalesSessionEventReason::Base(SessionEventReason::Default)
    ));
}

#[test]
fn debug_prints_as_derive_would() {
    assert_eq!(format!("{:?}", SessionEventReason::Default), "Default");
    assert_eq!(
        format!("{:?}", SessionEventReason::from_value(192_350_047)),
        "Unrecognized(192350047)"
    );
    assert_eq!(
        format!("{:?}", SalesSessionEventReason::from_value(192_350_024)),
        "BotTransferSession"
    );
    assert_eq!(
        format!("{:?}", SalesSessionEventReason::from_value(192_350_000)),
        "Base(Default)"
    );
    assert_eq!(
        format!("{:?}", SalesSessionEventReason::from_value(192_350_047)),
        "Base(Unrecognized(192350047))"
    );
}

#[test]
fn display_and_from_str_use_labels_or_numbers() {
    assert_eq!(
        SessionEventReason::PostchatSurvey.to_string(),
        "PostchatSurvey"
    );
    assert_eq!(
        SalesSessionEventReason::AssignToQueueBySupervisor.to_string(),
        "AssignToQueueBySupervisor  "
    );
    assert_eq!(
        SessionEventReason::from_str(" PostchatSurvey "),
        Ok(SessionEventReason::PostchatSurvey)
    );
    assert_eq!(
        "192350001".parse::<SessionEventReason>(),
        Ok(SessionEventReason::AgentTransfer)
    );
    assert_eq!(
        "7".parse::<SessionEventReason>(),
        Ok(SessionEventReason::Unrecognized(7))
    );
    assert_eq!(
        "BotTransferSession".parse::<SalesSessionEventReason>(),
        Ok(SalesSessionEventReason::BotTransferSession)
    );
    let err = "Nope".parse::<SessionEventReason>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "`Nope` is neither a label of choice `msdyn_occallsessioneventreasons` nor an integer \
         option value"
    );
    assert_eq!(SessionEventReason::from_label("nope"), None);
}

#[test]
fn session_state_and_status_pair() {
    assert_eq!(
        SessionStatus::Completed.state(),
        Some(SessionState::Completed)
    );
    assert_eq!(
        SessionStatus::Scheduled.state(),
        Some(SessionState::Scheduled)
    );
    assert_eq!(SessionStatus::Unrecognized(9).state(), None);
    let meta = <SessionStatus as Choice>::METADATA;
    assert_eq!(meta.state_choice, Some(<SessionState as Choice>::METADATA));
    let states: Vec<_> = meta.options.iter().map(|o| (o.value, o.state)).collect();
    assert_eq!(
        states,
        [(1, Some(0)), (2, Some(1)), (3, Some(2)), (4, Some(3))]
    );
    assert_eq!(
        <SessionState as Choice>::METADATA.options[0].description,
        "State `Open`; its default status reason is 1."
    );
}

#[test]
fn social_profile_community_keeps_awkward_labels() {
    assert_eq!(
        SocialProfileCommunity::from_value(0),
        SocialProfileCommunity::Other
    );
    assert_eq!(SocialProfileCommunity::Other.label(), Some("Other"));
    let google = SocialProfileCommunity::from_value(17);
    assert_eq!(google, SocialProfileCommunity::GoogleSBusinessMessages);
    assert_eq!(google.label(), Some("Google's Business Messages"));
    assert_eq!(
        SocialProfileCommunity::from_label("Google's Business Messages"),
        Some(google)
    );
    // the form's default, -1, is "no value": not an option
    assert!(!SocialProfileCommunity::from_value(-1).is_known());
    assert_eq!(<SocialProfileCommunity as Choice>::METADATA.len(), 18);
}

choice! {
    /// Sample Choice (`sample_picklist`): value 727000004 was deleted and the options re-ordered.
    #[choice(name = "sample_bankaccount_sample_picklist")]
    pub enum SamplePicklist {
        Bravo = 727_000_000,
        Delta = 727_000_001,
        Alpha = 727_000_002,
        Charlie = 727_000_003,
        Echo = 727_000_005,
    }
}

choice! {
    /// Sample MultiSelect Choice (`sample_multiselectchoice`).
    #[choice(name = "sample_bankaccount_sample_multiselectchoice")]
    pub enum SampleMultiSelectChoice {
        Appetizer = 727_000_000,
        Entree = 727_000_001,
        Dessert = 727_000_002,
    }
}

choice! {
    /// Status of a bank account.
    #[choice(name = "sample_bankaccount_statecode")]
    pub enum BankAccountState {
        Active = 0,
        Inactive = 1,
    }
}

choice! {
    /// Status Reason of a bank account, with a custom status added to `Inactive`.
    #[choice(name = "sample_bankaccount_statuscode", status_of = BankAccountState)]
    pub enum BankAccountStatus {
        #[state = Active]
        Active = 1,
        #[state = Inactive]
        Inactive = 2,
        /// Added with `InsertStatusValue`.
        #[state = Inactive]
        Frozen = 727_000_000,
    }
}

#[test]
fn sample_picklist_keeps_page_order_and_gap() {
    let meta = <SamplePicklist as Choice>::METADATA;
    let order: Vec<_> = meta.effective_options().map(|o| o.label).collect();
    assert_eq!(order, ["Bravo", "Delta", "Alpha", "Charlie", "Echo"]);
    assert!(!SamplePicklist::from_value(727_000_004).is_known());
    assert_eq!(
        SamplePicklist::from_value(727_000_005),
        SamplePicklist::Echo
    );
    assert!(!meta.global);
}

#[test]
fn bank_account_status_belongs_to_its_state() {
    assert_eq!(
        BankAccountStatus::Frozen.state(),
        Some(BankAccountState::Inactive)
    );
    assert_eq!(
        BankAccountStatus::Active.state(),
        Some(BankAccountState::Active)
    );
    assert_eq!(
        <BankAccountStatus as Choice>::METADATA.options[2].description,
        "Added with `InsertStatusValue`."
    );
}

#[test]
fn multi_select_choices_read_write_and_keep_unknown_values() {
    type Meals = Choices<SampleMultiSelectChoice>;
    let read: Meals = serde_json::from_str("\"727000002,727000000\"").unwrap();
    assert_eq!(
        read.as_slice(),
        [
            SampleMultiSelectChoice::Appetizer,
            SampleMultiSelectChoice::Dessert
        ]
    );
    assert_eq!(
        serde_json::to_string(&read).unwrap(),
        "\"727000000,727000002\""
    );

    let spaced: Choices<SessionState> = serde_json::from_str("\"1, 9\"").unwrap();
    assert_eq!(
        spaced.as_slice(),
        [SessionState::Completed, SessionState::Unrecognized(9)]
    );
    assert_eq!(serde_json::to_string(&spaced).unwrap(), "\"1,9\"");

    let many: Choices<SessionState> = "2,3,8,9".parse().unwrap();
    assert_eq!(many.len(), 4);
    assert!(many.contains(SessionState::Unrecognized(8)));
    assert_eq!(many.to_string(), "2,3,8,9");

    let written: Choices<SessionState> = [3, 1, 2, 1]
        .into_iter()
        .map(SessionState::from_value)
        .collect();
    assert_eq!(serde_json::to_string(&written).unwrap(), "\"1,2,3\"");

    let null: Meals = serde_json::from_str("null").unwrap();
    assert!(null.is_empty());
    let empty: Meals = serde_json::from_str("\"\"").unwrap();
    assert!(empty.is_empty());
    assert!(serde_json::from_str::<Meals>("\"1,x\"").is_err());

    let mut set = Meals::new();
    assert!(set.insert(SampleMultiSelectChoice::Entree));
    assert!(!set.insert(SampleMultiSelectChoice::Entree));
    assert!(set.remove(SampleMultiSelectChoice::Entree));
    assert!(set.is_empty());
}

choice! {
    /// A choice labelled in two languages.
    #[choice(name = "sample_language")]
    pub enum Greeting {
        /// The default greeting.
        /// Said in the morning.
        #[label(1033 = "Default", 1036 = "Par défaut")]
        Default = 1,
        #[label = "Hello "]
        Hello = 2,
        Bye = -3,
    }
}

#[test]
fn multi_language_labels() {
    assert_eq!(Greeting::Default.label(), Some("Default"));
    assert_eq!(Greeting::Default.label_in(1033), Some("Default"));
    assert_eq!(Greeting::Default.label_in(1036), Some("Par défaut"));
    assert_eq!(Greeting::Hello.label_in(1036), None);
    assert_eq!(Greeting::Bye.label(), Some("Bye"));
    assert_eq!(Greeting::from_value(-3), Greeting::Bye);
    assert_eq!(Greeting::Unrecognized(4).label_in(1033), None);
    let option = Greeting::Default.metadata().unwrap();
    assert_eq!(
        option.description,
        "The default greeting. Said in the morning."
    );
    assert_eq!(option.variant, "Default");
    assert_eq!(option.labels.len(), 2);
    assert_eq!(Greeting::from_label("Hello"), Some(Greeting::Hello));
}

// `const` where possible: decoding and encoding work in constant expressions
const HELLO: Greeting = Greeting::from_value(2);
const _: () = assert!(HELLO.value() == 2 && HELLO.is_known());

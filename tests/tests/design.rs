//! DESIGN.md's "The user's view" example, compiled and exercised. The `// ...` elisions of
//! the document are filled with the real options and targets the Sales layer relies on.

use dataverse_model::{Choice, Entity, Field, Guid, choice, dataverse_entity, lookup};

// ---- base layer (Omnichannel) ------------------------------------------------------------
choice! {
    /// Reasons recorded on Omnichannel session events.
    #[choice(name = "msdyn_occallsessioneventreasons", global)]
    pub enum SessionEventReason {
        Default = 192_350_000,
        AgentTransfer = 192_350_001,
        #[label = "PostchatSurvey"]        // label defaults to the variant name
        PostChatSurvey = 192_350_004,
        // ... (the elision, as far as the Sales layer needs it)
        BotTransferSession = 192_350_024,
        BotEndConversation = 192_350_025,
        AssignToAgentBySupervisor = 192_350_026,
        AssignToQueueBySupervisor = 192_350_027,
    }
}

lookup! {
    /// What a session is about.
    #[lookup(column = "regardingobjectid", table = "msdyn_ocsession", navigation = "regardingobjectid_{target}_msdyn_ocsession")]
    pub enum Regarding {
        #[target(entity_set = "accounts", relationship = "account_msdyn_ocsessions",
                 referenced_attribute = "accountid", cascade(parental, merge = Cascade))]
        Account = "account",
        #[target(entity_set = "interactionforemails",   // the platform's own odd name, kept as is
                 navigation = "regardingobjectid_new_interactionforemail_msdyn_ocsession")]
        InteractionForEmail = "interactionforemail",
        // ...
    }
}

#[dataverse_entity(
    logical_name = "msdyn_ocsession",
    entity_set = "msdyn_ocsessions",
    primary_id = "activityid",
    primary_name = "subject"
)]
pub struct Session {
    pub activityid: Option<Guid>,
    #[dataverse(max_length = 200, required)]
    pub subject: Option<String>,
    #[dataverse(required)]
    pub msdyn_queueassignedreason: Option<SessionEventReason>,
    pub msdyn_sessioncreationreason: Option<SessionEventReason>,
    pub regardingobjectid: Option<Regarding>,
}

// ---- Sales layer: a custom solution extends the table ------------------------------------
choice! {
    #[choice(extends = SessionEventReason, option_prefix = 19235)]
    pub enum SalesSessionEventReason {
        #[overrides] #[label = "BotTransferSession "]        BotTransferSession = 192_350_024,
        #[overrides] #[label = "BotEndConversation "]        BotEndConversation = 192_350_025,
        #[overrides] #[label = "AssignToAgentBySupervisor  "] AssignToAgentBySupervisor = 192_350_026,
        #[overrides] #[label = "AssignToQueueBySupervisor  "] AssignToQueueBySupervisor = 192_350_027,
    }
}

lookup! {
    #[lookup(extends = Regarding)]
    pub enum SalesRegarding {
        #[target(entity_set = "sample_bankaccounts",
                 relationship = "sample_bankaccount_msdyn_ocsessions",
                 referenced_attribute = "sample_bankaccountid",
                 cascade(archive = NoCascade, assign = Cascade, delete = Cascade, merge = NoCascade,
                         reparent = Cascade, rollup_view = NoCascade, share = Cascade, unshare = Cascade))]
        SampleBankAccount = "sample_bankaccount",
    }
}

#[dataverse_entity(extends = Session, publisher_prefix = "sample")]
pub struct SalesSession {
    pub activityid: Option<Guid>,
    pub msdyn_queueassignedreason: Field<SalesSessionEventReason>,
    pub regardingobjectid: Field<SalesRegarding>,
    #[dataverse(max_length = 100)]
    pub sample_channelnote: Field<String>, // a new custom column: must carry the prefix
}

#[test]
fn the_design_example_behaves_as_documented() {
    assert_eq!(
        SalesSessionEventReason::from_value(192_350_024).label(),
        Some("BotTransferSession ")
    );
    assert_eq!(
        SessionEventReason::PostChatSurvey.label(),
        Some("PostchatSurvey")
    );
    assert_eq!(
        <SalesSession as Entity>::METADATA.entity_set,
        "msdyn_ocsessions"
    );
    let row = SalesSession {
        activityid: None,
        msdyn_queueassignedreason: Field::Value(SalesSessionEventReason::BotTransferSession),
        regardingobjectid: Field::Value(SalesRegarding::SampleBankAccount(Guid::nil())),
        sample_channelnote: Field::Unset,
    };
    assert_eq!(
        serde_json::to_value(row.update_payload()).unwrap(),
        serde_json::json!({
            "msdyn_queueassignedreason": 192350024,
            "regardingobjectid_sample_bankaccount_msdyn_ocsession@odata.bind":
                "/sample_bankaccounts(00000000-0000-0000-0000-000000000000)"
        })
    );
    let sales = SalesRegarding::METADATA
        .target("sample_bankaccount")
        .unwrap()
        .relationship
        .unwrap();
    assert!(sales.is_parental());
    assert_eq!(
        sales.cascade,
        dataverse_model::CascadeConfiguration::parental()
    );
}

//! `lookup!` at run time: the Session lookups, the Sales layer, a Customer lookup, cascade serde.

use std::collections::HashSet;

use dataverse_model::{CascadeConfiguration, CascadeType, Guid, Lookup, lookup};
use dataverse_model_tests::session_lookups::*;

const ID: Guid = Guid::from_u128(0x0e6f_7c1b_2a3d_4e5f_8a9b_0c1d_2e3f_4a5b);

#[test]
fn sales_relationship_is_the_seed() {
    let target = SalesRegarding::METADATA
        .target("sample_bankaccount")
        .expect("declared");
    assert_eq!(target.entity_set, "sample_bankaccounts");
    assert_eq!(target.layer, "SalesRegarding");
    assert_eq!(
        target.navigation,
        "regardingobjectid_sample_bankaccount_msdyn_ocsession"
    );
    let r = target.relationship.expect("relationship");
    assert_eq!(r.schema_name, "sample_bankaccount_msdyn_ocsessions");
    assert_eq!(r.referenced_entity, "sample_bankaccount");
    assert_eq!(r.referenced_attribute, "sample_bankaccountid");
    assert_eq!(r.referencing_attribute, "regardingobjectid");
    assert_eq!(
        r.referencing_navigation,
        "regardingobjectid_sample_bankaccount_msdyn_ocsession"
    );
    assert!(!r.system);
    assert_eq!(
        r.cascade,
        CascadeConfiguration {
            archive: CascadeType::NoCascade,
            assign: CascadeType::Cascade,
            delete: CascadeType::Cascade,
            merge: CascadeType::NoCascade,
            reparent: CascadeType::Cascade,
            rollup_view: CascadeType::NoCascade,
            share: CascadeType::Cascade,
            unshare: CascadeType::Cascade,
        }
    );
    assert_eq!(r.cascade, CascadeConfiguration::parental());
    assert!(r.is_parental());
    assert_eq!(SalesRegarding::METADATA.column, "regardingobjectid");
    // a lookup belongs to one table; an extension inherits it
    assert_eq!(Regarding::METADATA.table, "msdyn_ocsession");
    assert_eq!(SalesRegarding::METADATA.table, "msdyn_ocsession");
    assert_eq!(
        SalesRegarding::METADATA.effective_pattern(),
        Some("regardingobjectid_{target}_msdyn_ocsession")
    );
    assert_eq!(SalesRegarding::METADATA.target_count(), 33);
}

#[test]
fn base_targets_navigation_and_relationships() {
    let m = Regarding::METADATA;
    assert_eq!(m.targets.len(), 32);
    assert_eq!(m.relationships().count(), 31);
    for t in m.targets {
        let expected = if t.logical_name == "interactionforemail" {
            "regardingobjectid_new_interactionforemail_msdyn_ocsession".to_owned()
        } else {
            format!("regardingobjectid_{}_msdyn_ocsession", t.logical_name)
        };
        assert_eq!(t.navigation, expected);
        assert_eq!(t.layer, "Regarding");
        match &t.relationship {
            None => assert_eq!(t.logical_name, "msdyn_playbookinstance"),
            Some(r) => {
                assert_eq!(
                    r.schema_name,
                    format!("{}_msdyn_ocsessions", t.logical_name)
                );
                assert_eq!(r.referenced_entity, t.logical_name);
                assert_eq!(r.referencing_attribute, "regardingobjectid");
                assert_eq!(r.referencing_navigation, expected);
                assert!(!r.system);
                assert_eq!(r.cascade.delete, CascadeType::Cascade);
                let merge = if ["account", "contact", "incident", "lead"].contains(&t.logical_name)
                {
                    CascadeType::Cascade
                } else {
                    CascadeType::NoCascade
                };
                assert_eq!(r.cascade.merge, merge, "{}", t.logical_name);
            }
        }
    }
    let odd = m
        .target("entitlementtemplate")
        .unwrap()
        .relationship
        .unwrap();
    assert_eq!(
        odd.cascade,
        CascadeConfiguration {
            delete: CascadeType::Cascade,
            ..CascadeConfiguration::no_cascade()
        }
    );
    assert!(odd.is_parental());
    let bulk = m.target("bulkoperation").unwrap().relationship.unwrap();
    assert_eq!(bulk.referenced_attribute, "activityid");
    // the extension sees every base target through its base layer
    assert_eq!(SalesRegarding::METADATA.all_targets().count(), 33);
    assert_eq!(SalesRegarding::METADATA.relationships().count(), 32);
}

#[test]
fn values_bind_and_keep_unknown_tables() {
    let account = Regarding::from_target("account", ID);
    assert_eq!(account, Regarding::Account(ID));
    assert_eq!(account.id(), ID);
    assert_eq!(account.logical_name(), "account");
    assert_eq!(
        account.navigation(),
        Some("regardingobjectid_account_msdyn_ocsession")
    );
    assert_eq!(
        account.bind_path().as_deref(),
        Some("/accounts(0e6f7c1b-2a3d-4e5f-8a9b-0c1d2e3f4a5b)")
    );
    assert!(account.is_known());

    let unknown = Regarding::from_target("new_thing", ID);
    let Regarding::Unrecognized(kept) = &unknown else {
        panic!("expected the fallback, got {unknown:?}");
    };
    assert_eq!(kept.logical_name, "new_thing");
    assert_eq!(kept.id, ID);
    assert_eq!(unknown.logical_name(), "new_thing");
    assert_eq!(unknown.id(), ID);
    assert_eq!(unknown.navigation(), None);
    assert_eq!(unknown.bind_path(), None);
    assert!(unknown.target().is_none());

    // the Sales layer: own target, base targets, unknown tables in the base's fallback
    let bank = SalesRegarding::from_target("sample_bankaccount", ID);
    assert_eq!(bank, SalesRegarding::SampleBankAccount(ID));
    assert_eq!(
        bank.bind_path().as_deref(),
        Some("/sample_bankaccounts(0e6f7c1b-2a3d-4e5f-8a9b-0c1d2e3f4a5b)")
    );
    assert_eq!(
        bank.navigation(),
        Some("regardingobjectid_sample_bankaccount_msdyn_ocsession")
    );
    let lead = SalesRegarding::from_target("lead", ID);
    assert_eq!(lead, SalesRegarding::Base(Regarding::Lead(ID)));
    assert_eq!(
        lead.bind_path().as_deref(),
        Some("/leads(0e6f7c1b-2a3d-4e5f-8a9b-0c1d2e3f4a5b)")
    );
    assert_eq!(lead.target().unwrap().layer, "Regarding");
    let other = SalesRegarding::from_target("new_thing", ID);
    assert!(
        matches!(&other, SalesRegarding::Base(Regarding::Unrecognized(u)) if u.logical_name == "new_thing")
    );
    assert!(!other.is_known());

    // `From<Base>` moves a table this layer declares to its own variant
    let lifted = SalesRegarding::from(Regarding::from_target("sample_bankaccount", ID));
    assert_eq!(lifted, SalesRegarding::SampleBankAccount(ID));
    assert_eq!(
        SalesRegarding::from(Regarding::Contact(ID)),
        SalesRegarding::Base(Regarding::Contact(ID))
    );

    // through the trait, generically
    fn bind<L: Lookup>(l: &L) -> Option<(String, String)> {
        Some((format!("{}@odata.bind", l.navigation()?), l.bind_path()?))
    }
    assert_eq!(
        bind(&bank),
        Some((
            "regardingobjectid_sample_bankaccount_msdyn_ocsession@odata.bind".to_owned(),
            "/sample_bankaccounts(0e6f7c1b-2a3d-4e5f-8a9b-0c1d2e3f4a5b)".to_owned()
        ))
    );
}

/// Every declared lookup column of the Session table.
fn session_lookups() -> Vec<&'static dataverse_model::LookupMetadata> {
    vec![
        Regarding::METADATA,
        SessionActivity::METADATA,
        SessionOwner::METADATA,
        SessionOwningBusinessUnit::METADATA,
        SessionOwningUser::METADATA,
        SessionOwningTeam::METADATA,
        SessionCreatedBy::METADATA,
        SessionCreatedOnBehalfBy::METADATA,
        SessionModifiedBy::METADATA,
        SessionModifiedOnBehalfBy::METADATA,
        SessionActiveAgentGroup::METADATA,
        SessionCdsQueue::METADATA,
        SessionChannelInstance::METADATA,
        SessionChannelProfile::METADATA,
        SessionLiveWorkItem::METADATA,
        SessionPrimarySession::METADATA,
        SessionQueue::METADATA,
        SessionSenderMailbox::METADATA,
        SessionService::METADATA,
        SessionSla::METADATA,
        SessionSlaInvoked::METADATA,
        SessionTransactionCurrency::METADATA,
    ]
}

#[test]
fn all_51_relationships_are_declared() {
    let lookups = session_lookups();
    let relationships: Vec<_> = lookups.iter().flat_map(|m| m.relationships()).collect();
    assert_eq!(relationships.len(), 51);
    let names: HashSet<_> = relationships.iter().map(|r| r.schema_name).collect();
    assert_eq!(names.len(), 51);
    for r in &relationships {
        // what `system` exists for: only platform relationships may have Delete NoCascade
        assert_eq!(
            r.system,
            r.cascade.delete == CascadeType::NoCascade,
            "{}",
            r.schema_name
        );
    }
    let columns: HashSet<_> = lookups.iter().map(|m| m.column).collect();
    assert_eq!(columns.len(), lookups.len());

    let owner = SessionOwner::METADATA.target("systemuser").unwrap();
    let r = owner.relationship.unwrap();
    assert_eq!(r.schema_name, "msdyn_ocsession_owner_ownerid");
    assert_eq!(r.referenced_entity, "owner");
    assert!(r.system);
    assert_eq!(r.cascade, CascadeConfiguration::no_cascade());
    assert_eq!(
        SessionOwner::from_target("team", ID).navigation(),
        Some("ownerid_msdyn_ocsession")
    );
    let sla = SessionSla::METADATA.targets[0];
    assert_eq!(sla.navigation, "sla_activitypointer_sla_msdyn_ocsession");
    assert_eq!(
        sla.relationship.unwrap().cascade,
        CascadeConfiguration::referential()
    );
    let service = SessionService::METADATA.targets[0].relationship.unwrap();
    assert_eq!(service.cascade, CascadeConfiguration::restrict());
    let group = SessionActiveAgentGroup::METADATA.targets[0]
        .relationship
        .unwrap();
    assert_eq!(group.cascade.archive, CascadeType::RemoveLink);
    assert!(!group.is_parental());
    // a single-target lookup without a declared navigation binds through its column name
    assert_eq!(
        SessionQueue::METADATA.targets[0].navigation,
        "msdyn_queueid"
    );
    assert_eq!(
        SessionTransactionCurrency::from_target("transactioncurrency", ID)
            .bind_path()
            .as_deref(),
        Some("/transactioncurrencies(0e6f7c1b-2a3d-4e5f-8a9b-0c1d2e3f4a5b)")
    );
}

lookup! {
    /// The bank account's customer (`sample_customerid`, Customer).
    #[lookup(column = "sample_customerid", table = "sample_bankaccount")]
    pub enum BankAccountCustomer {
        #[target(entity_set = "accounts", navigation = "sample_CustomerId_account",
                 relationship = "sample_BankAccount_Customer_Account", referenced_attribute = "accountid",
                 cascade(referential, archive = RemoveLink, merge = Cascade))]
        Account = "account",
        #[target(entity_set = "contacts", navigation = "sample_CustomerId_contact",
                 relationship = "sample_BankAccount_Customer_Contact", referenced_attribute = "contactid",
                 cascade(referential, archive = RemoveLink, merge = Cascade))]
        Contact = "contact",
    }
}

lookup! {
    /// A multi-target lookup without a navigation pattern: `<column>_<target>`.
    #[lookup(column = "customerid", table = "sample_bankaccount", fallback = Other)]
    pub enum PlainCustomer {
        #[target(entity_set = "accounts")]
        Account = "account",
        #[target(entity_set = "contacts")]
        Contact = "contact",
    }
}

lookup! {
    /// An extension of a lookup without a pattern: the new target counts, `<column>_<target>`.
    #[lookup(extends = PlainCustomer, base = Plain)]
    pub enum LeadCustomer {
        #[target(entity_set = "leads")]
        Lead = "lead",
    }
}

/// The `CascadeConfiguration` of the Web API response
/// `relationship.sample_BankAccount_Customer_Contact.OneToManyRelationshipMetadata.get.response.json`.
const CONTACT_CASCADE_JSON: &str = r#"{
   "Assign": "NoCascade",
   "Delete": "RemoveLink",
   "Archive": "RemoveLink",
   "Merge": "Cascade",
   "Reparent": "NoCascade",
   "Share": "NoCascade",
   "Unshare": "NoCascade",
   "RollupView": "NoCascade"
}"#;

#[test]
fn customer_lookup() {
    let contact = BankAccountCustomer::from_target("contact", ID);
    assert_eq!(contact.navigation(), Some("sample_CustomerId_contact"));
    assert_eq!(
        BankAccountCustomer::from_target("account", ID).navigation(),
        Some("sample_CustomerId_account")
    );
    assert_eq!(
        contact.bind_path().as_deref(),
        Some("/contacts(0e6f7c1b-2a3d-4e5f-8a9b-0c1d2e3f4a5b)")
    );
    let r = contact.target().unwrap().relationship.unwrap();
    assert_eq!(r.schema_name, "sample_BankAccount_Customer_Contact");
    assert_eq!(r.referencing_attribute, "sample_customerid");
    assert_eq!(r.referencing_navigation, "sample_CustomerId_contact");
    let from_json: CascadeConfiguration = serde_json::from_str(CONTACT_CASCADE_JSON).unwrap();
    assert_eq!(r.cascade, from_json);
    assert!(!r.is_parental());

    assert_eq!(
        PlainCustomer::from_target("contact", ID).navigation(),
        Some("customerid_contact")
    );
    assert!(matches!(
        PlainCustomer::from_target("x", ID),
        PlainCustomer::Other(_)
    ));
    assert_eq!(
        LeadCustomer::METADATA.targets[0].navigation,
        "customerid_lead"
    );
    assert_eq!(
        LeadCustomer::from_target("account", ID),
        LeadCustomer::Plain(PlainCustomer::Account(ID))
    );
}

#[test]
fn cascade_serde_uses_web_api_names() {
    let config: CascadeConfiguration = serde_json::from_str(CONTACT_CASCADE_JSON).unwrap();
    assert_eq!(
        config,
        CascadeConfiguration {
            archive: CascadeType::RemoveLink,
            delete: CascadeType::RemoveLink,
            merge: CascadeType::Cascade,
            ..CascadeConfiguration::no_cascade()
        }
    );
    let json = serde_json::to_value(config).unwrap();
    assert_eq!(
        json,
        serde_json::from_str::<serde_json::Value>(CONTACT_CASCADE_JSON).unwrap()
    );
    let back: CascadeConfiguration = serde_json::from_value(json).unwrap();
    assert_eq!(back, config);
    for (value, name) in [
        (CascadeType::NoCascade, "NoCascade"),
        (CascadeType::Cascade, "Cascade"),
        (CascadeType::Active, "Active"),
        (CascadeType::UserOwned, "UserOwned"),
        (CascadeType::RemoveLink, "RemoveLink"),
        (CascadeType::Restrict, "Restrict"),
    ] {
        assert_eq!(
            serde_json::to_string(&value).unwrap(),
            format!("\"{name}\"")
        );
        assert_eq!(value.name(), name);
        assert_eq!(value.to_string(), name);
    }
    assert_eq!(
        config.actions().map(|(n, _)| n),
        [
            "Archive",
            "Assign",
            "Delete",
            "Merge",
            "Reparent",
            "RollupView",
            "Share",
            "Unshare"
        ]
    );
}

#[test]
fn cascade_presets_and_parental_rule() {
    let parental = CascadeConfiguration::parental();
    assert!(parental.is_parental());
    assert_eq!(parental.merge, CascadeType::NoCascade);
    assert!(!CascadeConfiguration::referential().is_parental());
    assert!(!CascadeConfiguration::restrict().is_parental());
    assert!(!CascadeConfiguration::no_cascade().is_parental());
    assert_eq!(
        CascadeConfiguration::default(),
        CascadeConfiguration::no_cascade()
    );
    type Set = fn(&mut CascadeConfiguration, CascadeType);
    let setters: [Set; 4] = [
        |c, v| c.assign = v,
        |c, v| c.reparent = v,
        |c, v| c.share = v,
        |c, v| c.unshare = v,
    ];
    for spread in [
        CascadeType::Cascade,
        CascadeType::Active,
        CascadeType::UserOwned,
    ] {
        for set in setters {
            let mut c = CascadeConfiguration::referential();
            set(&mut c, spread);
            assert!(c.is_parental());
        }
    }
    // Delete makes it parental only as Cascade; Merge, Archive and RollupView never do
    let mut c = CascadeConfiguration::restrict();
    c.merge = CascadeType::Cascade;
    c.archive = CascadeType::Cascade;
    c.rollup_view = CascadeType::Cascade;
    assert!(!c.is_parental());
    c.delete = CascadeType::Cascade;
    assert!(c.is_parental());
}

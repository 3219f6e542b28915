//! Navigations (`$expand`, deep insert, collection binds) and binds read back, against the
//! documented Web API bodies in `tests/fixtures/webapi/` (issue 12, part B).

use dataverse_model::{Entity, Guid, Lookup, Operation, RelatedRows};
use dataverse_model_tests::accounts::{
    Account, AccountFourthCoffee, AccountLookupOnly, Contact, Currency, Customer,
    InitializedAccount, NewContact, Opportunity, ParentAccount, PrimaryContact, Task,
};
use rust_decimal::Decimal;
use serde_json::{Value, json};

fn fixture(name: &str) -> String {
    let path = format!("{}/fixtures/webapi/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn json_of(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

fn id(text: &str) -> Guid {
    text.parse().unwrap()
}

/// Before: ``column `primarycontactid`: invalid type: map, expected a formatted UUID string``.
#[test]
fn an_undeclared_expansion_is_skipped_never_read_as_the_lookup() {
    let text = fixture("basic-ops.expand-primarycontact.response.json");
    let account: AccountLookupOnly = serde_json::from_str(&text).unwrap();
    assert_eq!(account.name.as_deref(), Some("Contoso Ltd"));
    assert_eq!(
        account.accountid,
        Some(id("2728bcb4-bb27-ed11-9db1-002248274ada"))
    );
    assert_eq!(
        account.primarycontactid, None,
        "no `_primarycontactid_value` was sent"
    );
    let text = fixture("associate-on-create.response.json");
    let account: AccountLookupOnly = serde_json::from_str(&text).unwrap();
    assert_eq!(account.name.as_deref(), Some("Sample Account"));
}

#[test]
fn a_single_valued_expansion_reads_as_the_related_row() {
    let text = fixture("basic-ops.expand-primarycontact.response.json");
    let account: Account = serde_json::from_str(&text).unwrap();
    let contact = account.primarycontact.expect("expanded contact");
    assert_eq!(contact.fullname.as_deref(), Some("Rafel Shillo"));
    assert_eq!(contact.jobtitle.as_deref(), Some("Senior Developer"));
    assert_eq!(contact.annualincome, Some(Decimal::new(95000, 0)));
    assert_eq!(contact.etag.as_deref(), Some("W/\"72935663\""));
    assert_eq!(
        contact.transactioncurrencyid.map(|c| c.id()),
        Some(id("228f42f8-e646-e111-8eb7-78e7d162ced1"))
    );
    assert_eq!(
        contact.contactid,
        Some(id("0928bcb4-bb27-ed11-9db1-002248274ada"))
    );
    assert!(account.tasks.rows.is_empty(), "not expanded");
}

#[test]
fn a_collection_valued_expansion_reads_as_rows() {
    let text = fixture("associate-on-create.response.json");
    let account: Account = serde_json::from_str(&text).unwrap();
    assert_eq!(
        account
            .primarycontact
            .as_ref()
            .and_then(|c| c.fullname.as_deref()),
        Some("Yvonne McKay (sample)")
    );
    let subjects: Vec<_> = account
        .tasks
        .rows
        .iter()
        .map(|t| t.subject.as_deref())
        .collect();
    assert_eq!(subjects, [Some("Task 1"), Some("Task 2")]);
    assert_eq!(
        account.tasks.rows[1].etag.as_deref(),
        Some("W/\"36236440\"")
    );
    assert_eq!(account.tasks.next_link, None);
}

/// Nested `$expand`: rows without `@odata.etag` and without `_x_value` fields, and a paged
/// collection's `<name>@odata.nextLink` inside a row.
#[test]
fn nested_expansions_and_paged_collections_read() {
    let body = json!({
        "@odata.context": "[Organization URI]/api/data/v9.2/$metadata#accounts(name,primarycontactid(fullname,Contact_Tasks(subject)),Account_Tasks(subject))",
        "name": "Contoso",
        "accountid": "00000000-0000-0000-0000-000000000004",
        "primarycontactid": {
            "fullname": "Yvonne McKay",
            "contactid": "00000000-0000-0000-0000-000000000001",
            "Contact_Tasks": [{"subject": "Call back", "activityid": "00000000-0000-0000-0000-000000000009"}]
        },
        "Account_Tasks@odata.nextLink": "[Organization URI]/api/data/v9.2/accounts(00000000-0000-0000-0000-000000000004)/Account_Tasks?$select=subject&$skiptoken=%3Ccookie%20pagenumber=%222%22%20/%3E%0A",
        "Account_Tasks": [{"subject": "Task 1", "activityid": "00000000-0000-0000-0000-000000000002"}]
    });
    let account: Account = serde_json::from_value(body).unwrap();
    let contact = account.primarycontact.unwrap();
    assert_eq!(contact.etag, None);
    assert_eq!(contact.transactioncurrencyid, None);
    assert_eq!(contact.tasks.rows[0].subject.as_deref(), Some("Call back"));
    assert_eq!(account.tasks.rows.len(), 1);
    assert!(
        account
            .tasks
            .next_link
            .as_deref()
            .unwrap()
            .ends_with("%3E%0A")
    );
}

#[test]
fn an_expansion_of_the_wrong_kind_names_the_navigation_and_what_came() {
    let object_for_collection = json!({"Account_Tasks": {"subject": "Task 1"}});
    let error = serde_json::from_value::<Account>(object_for_collection).unwrap_err();
    assert_eq!(
        error.to_string(),
        "navigation `Account_Tasks`: received one row (an object: a single-valued navigation), but the field is collection-valued (`RelatedRows<_>`); declare it as `Option<Box<_>>`"
    );
    let array_for_single = json!({"primarycontactid": [{"fullname": "Yvonne"}]});
    let error = serde_json::from_value::<Account>(array_for_single).unwrap_err();
    assert_eq!(
        error.to_string(),
        "navigation `primarycontactid`: received an array of rows (a collection-valued navigation), but the field is single-valued (`Option<Box<_>>`); declare it as `RelatedRows<_>`"
    );
    let bad_row = json!({"primarycontactid": {"fullname": 5}});
    let error = serde_json::from_value::<Account>(bad_row)
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with("navigation `primarycontactid`: column `fullname`: invalid type"),
        "{error}"
    );
}

#[test]
fn deep_insert_writes_the_documented_body() {
    let at = |day: u8, hour: u8| {
        time::Date::from_calendar_date(2023, time::Month::April, day)
            .unwrap()
            .with_hms(hour, 0, 0)
            .unwrap()
            .assume_offset(time::UtcOffset::from_hms(7, 0, 0).unwrap())
    };
    let task = |subject: &str, description: &str, day: u8| Task {
        activityid: None,
        subject: Some(subject.into()),
        description: Some(description.into()),
        scheduledstart: Some(at(day, 3)),
        scheduledend: Some(at(day, 4)),
        scheduleddurationminutes: Some(60),
        etag: None,
    };
    let account = AccountFourthCoffee {
        name: Some("Fourth Coffee".into()),
        primarycontact: Some(Box::new(NewContact {
            firstname: Some("Susie".into()),
            lastname: Some("Curtis".into()),
            jobtitle: Some("Coffee Master".into()),
            annualincome: Some(48000),
            tasks: RelatedRows::new(vec![
                task("Sign invoice", "Invoice #12321", 19),
                task("Setup new display", "Theme is - Spring is in the air", 20),
                task(
                    "Conduct training",
                    "Train team on making our new blended coffee",
                    21,
                ),
            ]),
        })),
    };
    let written = serde_json::to_value(account.create_payload()).unwrap();
    assert_eq!(
        written,
        json_of(&fixture("basic-ops.deep-insert.request.json"))
    );
    let update = serde_json::to_value(account.update_payload()).unwrap();
    assert_eq!(
        update,
        json!({"name": "Fourth Coffee"}),
        "an update carries no deep insert"
    );
}

#[test]
fn collection_binds_on_create_write_the_documented_body_and_read_back() {
    let account = Account {
        accountid: None,
        name: Some("Sample Account".into()),
        telephone1: None,
        primarycontactid: Some(PrimaryContact::Contact(Guid::from_u128(1))),
        primarycontact: None,
        tasks: RelatedRows {
            associate: vec![Guid::from_u128(2), Guid::from_u128(3)],
            ..RelatedRows::default()
        },
        etag: None,
    };
    let mut written = serde_json::to_value(account.create_payload()).unwrap();
    written.as_object_mut().unwrap().retain(|_, v| !v.is_null());
    assert_eq!(
        written,
        json_of(&fixture("associate-on-create.request.json"))
    );
    // the request body reads back into the same row (what the emulator does)
    let read: Account = serde_json::from_str(&fixture("associate-on-create.request.json")).unwrap();
    assert_eq!(read.primarycontactid, account.primarycontactid);
    assert_eq!(read.tasks.associate, account.tasks.associate);
    let wrong_set =
        json!({"Account_Tasks@odata.bind": ["/contacts(00000000-0000-0000-0000-000000000002)"]});
    let error = serde_json::from_value::<Account>(wrong_set).unwrap_err();
    assert_eq!(
        error.to_string(),
        "navigation `Account_Tasks`: `@odata.bind` names entity set `contacts`, but the related table `task` is `tasks`"
    );
}

/// Before: `InitializeFrom`'s binds were dropped, so a create body built from it lost them.
#[test]
fn binds_read_back_into_their_lookups_with_or_without_the_leading_slash() {
    let text = fixture("initializefrom.response.json");
    let account: InitializedAccount = serde_json::from_str(&text).unwrap();
    assert_eq!(
        account.parentaccountid,
        Some(ParentAccount::Account(id(
            "c65127ed-2097-e711-80eb-00155db75426"
        )))
    );
    assert_eq!(
        account.transactioncurrencyid,
        Some(Currency::TransactionCurrency(id(
            "732e87e1-1d96-e711-80e4-00155db75426"
        )))
    );
    let body = serde_json::to_value(account.create_payload()).unwrap();
    assert_eq!(
        body,
        json!({
            "parentaccountid@odata.bind": "/accounts(c65127ed-2097-e711-80eb-00155db75426)",
            "transactioncurrencyid@odata.bind": "/transactioncurrencies(732e87e1-1d96-e711-80e4-00155db75426)",
            "address1_line1": "123 Maple St.",
            "address1_city": "Seattle",
            "address1_country": "United States of America"
        })
    );
    let text = fixture("basic-ops.create-account-bind.request.json");
    let account: Account = serde_json::from_str(&text).unwrap();
    assert_eq!(
        account.primarycontactid,
        Some(PrimaryContact::Contact(id(
            "0928bcb4-bb27-ed11-9db1-002248274ada"
        )))
    );
}

#[test]
fn a_bind_through_a_per_target_navigation_reads_into_its_column() {
    let body =
        json!({"customerid_contact@odata.bind": "/contacts(00000000-0000-0000-0000-000000000007)"});
    let opportunity: Opportunity = serde_json::from_value(body).unwrap();
    assert_eq!(
        opportunity.customerid,
        Some(Customer::Contact(Guid::from_u128(7)))
    );
    let cleared: Opportunity =
        serde_json::from_value(json!({"customerid_account@odata.bind": null})).unwrap();
    assert_eq!(cleared.customerid, None);
    let unknown =
        json!({"customerid_account@odata.bind": "/leads(00000000-0000-0000-0000-000000000007)"});
    let error = serde_json::from_value::<Opportunity>(unknown).unwrap_err();
    assert_eq!(
        error.to_string(),
        "column `customerid`: `@odata.bind` names entity set `leads`, which no target of lookup `Customer` has; add that table as a target (in a layer of the lookup)"
    );
}

#[test]
fn navigation_metadata_is_recorded_and_rows_round_trip_through_the_response_shape() {
    let navigations = Account::METADATA.navigations;
    assert_eq!(navigations.len(), 2);
    let contact = Account::METADATA.navigation("primarycontactid").unwrap();
    assert_eq!(
        (contact.field, contact.collection),
        ("primarycontact", false)
    );
    assert_eq!(contact.related.logical_name, "contact");
    let tasks = Account::METADATA.navigation("Account_Tasks").unwrap();
    assert!(tasks.collection);
    assert_eq!(tasks.related.entity_set, "tasks");
    assert_eq!(
        tasks.related.navigation("Contact_Tasks"),
        None,
        "a task declares no navigation"
    );
    assert_eq!(
        Contact::METADATA
            .navigation("Contact_Tasks")
            .unwrap()
            .related
            .logical_name,
        "task"
    );
    assert_eq!(
        Account::METADATA.navigation("account_tasks"),
        None,
        "names are case-sensitive"
    );

    let text = fixture("associate-on-create.response.json");
    let account: Account = serde_json::from_str(&text).unwrap();
    let rendered = serde_json::to_string(&account.response_body()).unwrap();
    assert_eq!(serde_json::from_str::<Account>(&rendered).unwrap(), account);
    assert!(account.validate(Operation::Update).is_ok());
}

mod parties {
    use super::{fixture, json_of};
    use dataverse_model::{ActivityParty, Entity, Guid, ParticipationType, PartyList, PartyRef};
    use dataverse_model_tests::session::Session;
    use serde_json::Value;

    /// Before: the 10 party-list columns of Session never carried data.
    #[test]
    fn party_lists_read_their_parties_from_the_activity_parties_expansion() {
        let session: Session =
            serde_json::from_str(&fixture("../session.activity-parties.response.json")).unwrap();
        let from = session.from.as_ref().unwrap();
        assert_eq!(from.parties.len(), 1);
        assert_eq!(
            from.parties[0].party,
            Some(PartyRef::SystemUser(Guid::from_u128(0xb1)))
        );
        assert_eq!(
            from.parties[0].address_used.as_deref(),
            Some("agent@contoso.com")
        );
        assert_eq!(from.parties[0].participation, ParticipationType::Sender);
        assert_eq!(
            session.to.as_ref().unwrap().parties[0].party,
            Some(PartyRef::Contact(Guid::from_u128(0xb2)))
        );
        let cc = &session.cc.as_ref().unwrap().parties[0];
        assert_eq!(
            (cc.party.as_ref(), cc.address_used.as_deref()),
            (None, Some("unresolved@example.com"))
        );
        assert_eq!(
            session.customers.as_ref().unwrap().parties[0].party,
            Some(PartyRef::Account(Guid::from_u128(0xb5)))
        );
        for empty in [
            &session.bcc,
            &session.organizer,
            &session.partners,
            &session.resources,
        ] {
            assert_eq!(empty.as_ref().map(|l| l.parties.len()), Some(0));
        }
        // the row round-trips through the response shape (the owner party, type 9, has no column)
        let rendered = serde_json::to_string(&session.response_body()).unwrap();
        let again: Session = serde_json::from_str(&rendered).unwrap();
        assert_eq!(again, session);
        // without the expansion the columns are absent
        let plain: Session = serde_json::from_str(r#"{"subject": "x"}"#).unwrap();
        assert_eq!(plain.from, None);
    }

    /// Parties of one type stay in the order sent, whatever comes between them; a party of a
    /// type no column holds (the owner, 9) is read and dropped with the row.
    #[test]
    fn several_parties_of_one_type_keep_their_order() {
        let party = |id: u128, mask: i32| {
            format!(
                r#"{{"_partyid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"contact","_partyid_value":"{}","participationtypemask":{mask},"addressused":"p{id}@contoso.com"}}"#,
                Guid::from_u128(id)
            )
        };
        let parties = [(1, 2), (2, 9), (3, 2), (4, 1), (5, 2)]
            .map(|(id, mask)| party(id, mask))
            .join(",");
        let session: Session = serde_json::from_str(&format!(
            r#"{{"msdyn_ocsession_activity_parties":[{parties}]}}"#
        ))
        .unwrap();
        let to: Vec<_> = session
            .to
            .unwrap()
            .parties
            .iter()
            .map(|p| p.party.clone())
            .collect();
        assert_eq!(
            to,
            [1, 3, 5].map(|id| Some(PartyRef::Contact(Guid::from_u128(id))))
        );
        assert_eq!(session.from.unwrap().parties.len(), 1);
    }

    /// A party's table also comes from its navigation annotation or a bind, when the
    /// response leaves `lookuplogicalname` out.
    #[test]
    fn a_partys_table_is_read_from_its_navigation_or_its_bind() {
        let read = |party: &str| -> Option<PartyRef> {
            let body = format!(r#"[{{"participationtypemask":1,{party}}}]"#);
            let parties: Vec<ActivityParty> = serde_json::from_str(&body).unwrap();
            parties[0].party.clone()
        };
        let id = "00000000-0000-0000-0000-0000000000b7";
        assert_eq!(
            read(&format!(
                r#""_partyid_value":"{id}","_partyid_value@Microsoft.Dynamics.CRM.associatednavigationproperty":"partyid_queue""#
            )),
            Some(PartyRef::Queue(Guid::from_u128(0xb7)))
        );
        // annotations before their value, as some responses order them
        assert_eq!(
            read(&format!(
                r#""_partyid_value@Microsoft.Dynamics.CRM.associatednavigationproperty":"partyid_queue","_partyid_value":"{id}""#
            )),
            Some(PartyRef::Queue(Guid::from_u128(0xb7)))
        );
        assert_eq!(
            read(&format!(
                r#""_partyid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"lead","_partyid_value":"{id}""#
            )),
            Some(PartyRef::Lead(Guid::from_u128(0xb7)))
        );
        // an unresolved party (an email address only) has no party
        assert_eq!(
            read(r#""_partyid_value":null,"addressused":"someone@example.com""#),
            None
        );
        assert_eq!(
            read(&format!(r#""_partyid_value@odata.bind":"/contacts({id})""#)),
            Some(PartyRef::Contact(Guid::from_u128(0xb7)))
        );
        assert_eq!(
            read(&format!(r#""partyid_lead@odata.bind":"leads({id})""#)),
            Some(PartyRef::Lead(Guid::from_u128(0xb7)))
        );
    }

    #[test]
    fn party_lists_write_the_documented_shape_with_their_columns_types() {
        let contact = |n: u128| PartyRef::Contact(Guid::from_u128(n));
        let session = Session {
            subject: Some("Follow-up".into()),
            cc: Some(PartyList::new(vec![ActivityParty::new(
                contact(0xa30d4045),
                // the column's type wins: `cc` writes CcRecipient
                ParticipationType::ToRecipient,
            )])),
            to: Some(PartyList::new(vec![ActivityParty::new(
                contact(0x1dcdda07),
                ParticipationType::ToRecipient,
            )])),
            ..Session::default()
        };
        let body = serde_json::to_value(session.create_payload()).unwrap();
        assert_eq!(
            body["msdyn_ocsession_activity_parties"],
            serde_json::json!([
                {"partyid_contact@odata.bind": "/contacts(00000000-0000-0000-0000-0000a30d4045)", "participationtypemask": 3},
                {"partyid_contact@odata.bind": "/contacts(00000000-0000-0000-0000-00001dcdda07)", "participationtypemask": 2}
            ])
        );
        assert_eq!(body["subject"], "Follow-up");
        let update = serde_json::to_value(session.update_payload()).unwrap();
        assert!(
            update.get("msdyn_ocsession_activity_parties").is_none(),
            "{update}"
        );

        // the documented PUT body, binds written with the leading `/` (the service takes both)
        let reference = json_of(&fixture("activityparty-put-collection.request.json"));
        let documented = Session {
            cc: Some(PartyList::new(vec![ActivityParty::new(
                PartyRef::Contact("a30d4045-fc46-e711-8115-e0071b66df51".parse().unwrap()),
                ParticipationType::CcRecipient,
            )])),
            to: Some(PartyList::new(vec![ActivityParty::new(
                PartyRef::Contact("1dcdda07-3a39-e711-8145-e0071b6a2001".parse().unwrap()),
                ParticipationType::ToRecipient,
            )])),
            ..Session::default()
        };
        let mut written = serde_json::to_value(documented.activity_parties_body()).unwrap();
        for party in written["value"].as_array_mut().unwrap() {
            let bind = party.get_mut("partyid_contact@odata.bind").unwrap();
            *bind = Value::String(bind.as_str().unwrap().trim_start_matches('/').to_owned());
        }
        assert_eq!(written, reference);
        // and it reads back as parties
        let read: Vec<ActivityParty> = serde_json::from_value(reference["value"].clone()).unwrap();
        assert_eq!(read[0].participation, ParticipationType::CcRecipient);
        assert_eq!(read[1].party, documented.to.unwrap().parties[0].party);
    }

    #[test]
    fn a_party_collection_of_the_wrong_shape_is_an_error_naming_it() {
        let error = serde_json::from_str::<Session>(
            r#"{"msdyn_ocsession_activity_parties": {"participationtypemask": 1}}"#,
        )
        .unwrap_err()
        .to_string();
        assert!(
            error.starts_with("invalid type: map, expected navigation `msdyn_ocsession_activity_parties`: an array of activity parties"),
            "{error}"
        );
        let error = serde_json::from_str::<Session>(
            r#"{"msdyn_ocsession_activity_parties": [{"_partyid_value": "00000000-0000-0000-0000-000000000001"}]}"#,
        )
        .unwrap_err()
        .to_string();
        assert!(
            error.starts_with("navigation `msdyn_ocsession_activity_parties`: column `"),
            "{error}"
        );
        // a party that is not an object
        let error = serde_json::from_str::<Session>(
            r#"{"msdyn_ocsession_activity_parties": ["agent@contoso.com"]}"#,
        )
        .unwrap_err()
        .to_string();
        assert!(
            error.starts_with("navigation `msdyn_ocsession_activity_parties`: invalid type: string \"agent@contoso.com\", expected an activity party as a JSON object"),
            "{error}"
        );
        // every party says how it takes part: a `null` type is an error, as a missing one is
        let error = serde_json::from_str::<Session>(
            r#"{"msdyn_ocsession_activity_parties": [{"participationtypemask": null}]}"#,
        )
        .unwrap_err()
        .to_string();
        assert!(
            error.starts_with("navigation `msdyn_ocsession_activity_parties`: column `participationtypemask`: invalid type: null, expected i32"),
            "{error}"
        );
    }
}

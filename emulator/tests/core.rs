//! The sans-IO core: requests in, responses out, as the service answers them.

mod common;

use common::{Account, BankAccount, Contact, ReferentialSession, call, sales};
use dataverse_model::{Entity, Field, Guid};
use dataverse_model_emulator::{CascadeEffect, Emulator};
use dataverse_model_tests::session::SalesSession;
use dataverse_model_tests::session_choices::{SalesSessionEventReason, SessionEventReason};
use dataverse_model_tests::session_lookups::SalesRegarding;
use serde_json::json;

const ROOT: &str = "http://localhost/api/data/v9.2/";

fn bank(emulator: &Emulator, name: &str) -> Guid {
    emulator
        .seed(&BankAccount {
            sample_bankaccountid: None,
            sample_name: Some(name.into()),
        })
        .unwrap()
}

fn session(emulator: &Emulator, subject: &str, regarding: Option<SalesRegarding>) -> Guid {
    let row = SalesSession {
        subject: Field::Value(subject.into()),
        msdyn_queueassignedreason: Field::Value(SalesSessionEventReason::BotTransferSession),
        regardingobjectid: regarding.map_or(Field::Unset, Field::Value),
        ..SalesSession::default()
    };
    emulator.seed(&row).unwrap()
}

#[test]
fn create_with_bind_then_retrieve_with_select_and_annotations() {
    let emulator = sales();
    let bank_id = bank(&emulator, "Savings");
    let (status, headers, _) = call(
        &emulator,
        "POST",
        "/api/data/v9.2/msdyn_ocsessions",
        &[],
        Some(json!({
            "subject": "Chat about savings",
            "msdyn_queueassignedreason": 192350024,
            "regardingobjectid_sample_bankaccount_msdyn_ocsession@odata.bind": format!("/sample_bankaccounts({bank_id})"),
        })),
    );
    assert_eq!(status, 204);
    let entity_id = headers["OData-EntityId"].to_str().unwrap().to_owned();
    assert!(entity_id.starts_with(&format!("{ROOT}msdyn_ocsessions(")));

    let (status, headers, row) = call(
        &emulator,
        "GET",
        &format!(
            "{}?$select=subject,msdyn_queueassignedreason,_regardingobjectid_value",
            entity_id.trim_start_matches("http://localhost")
        ),
        &[("Prefer", "odata.include-annotations=\"*\"")],
        None,
    );
    assert_eq!(status, 200, "{row}");
    assert!(
        headers["Preference-Applied"]
            .to_str()
            .unwrap()
            .contains("include-annotations")
    );
    assert_eq!(row["subject"], "Chat about savings");
    assert_eq!(row["_regardingobjectid_value"], bank_id.to_string());
    assert_eq!(
        row["_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname"],
        "sample_bankaccount"
    );
    assert_eq!(
        row["_regardingobjectid_value@OData.Community.Display.V1.FormattedValue"],
        "Savings"
    );
    // the Sales layer relabels the option (trailing space kept)
    assert_eq!(
        row["msdyn_queueassignedreason@OData.Community.Display.V1.FormattedValue"],
        "BotTransferSession "
    );
    assert!(row["@odata.etag"].as_str().unwrap().starts_with("W/\""));
    assert!(
        row["@odata.context"]
            .as_str()
            .unwrap()
            .ends_with("/$entity")
    );
    assert!(
        row.get("statecode").is_none(),
        "only selected columns come back"
    );

    // the typed row reads the response back
    let typed: SalesSession = serde_json::from_value(row).unwrap();
    assert_eq!(
        typed.regardingobjectid,
        Field::Value(SalesRegarding::SampleBankAccount(bank_id))
    );
    assert_eq!(typed.formatted.get("regardingobjectid"), Some("Savings"));
}

#[test]
fn without_annotations_asked_none_are_sent() {
    let emulator = sales();
    let bank_id = bank(&emulator, "Savings");
    let id = session(
        &emulator,
        "s",
        Some(SalesRegarding::SampleBankAccount(bank_id)),
    );
    let (_, _, row) = call(
        &emulator,
        "GET",
        &format!("/msdyn_ocsessions({id})"),
        &[],
        None,
    );
    assert!(
        row.as_object()
            .unwrap()
            .keys()
            .all(|k| !k.contains("@Microsoft") && !k.contains("@OData"))
    );
    assert_eq!(row["statecode"], 0, "a new row is active");
}

#[test]
fn etags_guard_updates_and_upserts() {
    let emulator = sales();
    let id = session(&emulator, "first", None);
    let path = format!("/api/data/v9.2/msdyn_ocsessions({id})");
    let (_, _, row) = call(&emulator, "GET", &path, &[], None);
    let etag = row["@odata.etag"].as_str().unwrap().to_owned();

    let (status, _, _) = call(
        &emulator,
        "PATCH",
        &path,
        &[("If-Match", &etag)],
        Some(json!({"subject": "second"})),
    );
    assert_eq!(status, 204);
    // the same etag again: the row changed since
    let (status, _, error) = call(
        &emulator,
        "PATCH",
        &path,
        &[("If-Match", &etag)],
        Some(json!({"subject": "third"})),
    );
    assert_eq!(status, 412);
    assert_eq!(error["error"]["code"], "0x80060882");
    assert_eq!(
        emulator.row("msdyn_ocsession", id).unwrap()["subject"],
        "second"
    );

    // If-Match: * never creates
    let missing = Guid::from_u128(42);
    let (status, _, error) = call(
        &emulator,
        "PATCH",
        &format!("/api/data/v9.2/msdyn_ocsessions({missing})"),
        &[("If-Match", "*")],
        Some(json!({"subject": "x"})),
    );
    assert_eq!(status, 404);
    assert_eq!(error["error"]["code"], "0x80040217");
    assert!(emulator.row("msdyn_ocsession", missing).is_none());

    // without If-Match, PATCH creates (upsert) with the URL's id
    let (status, _, row) = call(
        &emulator,
        "PATCH",
        &format!("/api/data/v9.2/msdyn_ocsessions({missing})"),
        &[("Prefer", "return=representation")],
        Some(json!({"subject": "upserted"})),
    );
    assert_eq!(status, 201);
    assert_eq!(row["activityid"], missing.to_string());
    // If-None-Match: * never updates
    let (status, _, error) = call(
        &emulator,
        "PATCH",
        &format!("/api/data/v9.2/msdyn_ocsessions({missing})"),
        &[("If-None-Match", "*")],
        Some(json!({"subject": "again"})),
    );
    assert_eq!(status, 412);
    assert_eq!(error["error"]["code"], "0x80040237");

    // a conditional retrieve with the current etag answers 304
    let (_, _, row) = call(&emulator, "GET", &path, &[], None);
    let etag = row["@odata.etag"].as_str().unwrap();
    let (status, _, _) = call(&emulator, "GET", &path, &[("If-None-Match", etag)], None);
    assert_eq!(status, 304);
}

#[test]
fn queries_filter_order_count_and_page() {
    let emulator = sales();
    let savings = bank(&emulator, "Savings");
    let current = bank(&emulator, "Current");
    for i in 0..7 {
        session(
            &emulator,
            &format!("Savings chat {i}"),
            Some(SalesRegarding::SampleBankAccount(savings)),
        );
    }
    session(
        &emulator,
        "Current chat",
        Some(SalesRegarding::SampleBankAccount(current)),
    );
    session(&emulator, "50% off", None);

    let uri = format!(
        "/api/data/v9.2/msdyn_ocsessions?$select=subject&$filter=_regardingobjectid_value%20eq%20{savings}&$orderby=subject%20desc&$count=true"
    );
    let prefer = [("Prefer", "odata.maxpagesize=3")];
    let (status, headers, page) = call(&emulator, "GET", &uri, &prefer, None);
    assert_eq!(status, 200, "{page}");
    assert_eq!(headers["Preference-Applied"], "odata.maxpagesize=3");
    assert_eq!(page["@odata.count"], 7);
    assert_eq!(page["value"].as_array().unwrap().len(), 3);
    assert_eq!(page["value"][0]["subject"], "Savings chat 6");
    assert!(
        page["@odata.context"]
            .as_str()
            .unwrap()
            .ends_with("#msdyn_ocsessions(subject,activityid)")
    );
    let mut subjects = Vec::new();
    let mut page = page;
    loop {
        for row in page["value"].as_array().unwrap() {
            subjects.push(row["subject"].as_str().unwrap().to_owned());
        }
        let Some(next) = page["@odata.nextLink"].as_str() else {
            break;
        };
        assert!(next.starts_with(ROOT));
        page = call(&emulator, "GET", next, &prefer, None).2;
    }
    assert_eq!(subjects.len(), 7);
    assert!(subjects.windows(2).all(|w| w[0] > w[1]), "{subjects:?}");

    let count = |filter: &str| {
        let uri = format!("/msdyn_ocsessions?$filter={}", common::encode(filter));
        let (status, _, page) = call(&emulator, "GET", &uri, &[], None);
        assert_eq!(status, 200, "{filter}: {page}");
        page["value"].as_array().unwrap().len()
    };
    assert_eq!(count("contains(subject,'chat')"), 8, "case-insensitive");
    assert_eq!(
        count("startswith(subject,'savings') and not endswith(subject,'6')"),
        6
    );
    assert_eq!(
        count("contains(subject,'50[%]')"),
        1,
        "`[%]` matches a literal `%`"
    );
    assert_eq!(count("_regardingobjectid_value eq null"), 1);
    assert_eq!(
        count("(subject eq 'Current chat' or subject eq '50% off') and statecode eq 0"),
        2
    );
    assert_eq!(
        count(&format!(
            "Microsoft.Dynamics.CRM.In(PropertyName='_regardingobjectid_value',PropertyValues=[\"{current}\"])"
        )),
        1
    );
    assert_eq!(
        count(
            "Microsoft.Dynamics.CRM.NotIn(PropertyName='subject',PropertyValues=[\"Current chat\",\"50% off\"])"
        ),
        7
    );
    assert_eq!(count("msdyn_queueassignedreason eq 192350024"), 9);

    // $top without a page size: that many rows, no next link
    let (_, _, page) = call(&emulator, "GET", "/msdyn_ocsessions?$top=2", &[], None);
    assert_eq!(page["value"].as_array().unwrap().len(), 2);
    assert!(page.get("@odata.nextLink").is_none());
}

#[test]
fn validation_as_the_service_applies_it() {
    let emulator = sales();
    let before = emulator.rows("msdyn_ocsession");
    let post = |body| call(&emulator, "POST", "/msdyn_ocsessions", &[], Some(body));

    let (status, _, error) = post(json!({"subject": "x".repeat(201)}));
    assert_eq!(status, 400);
    assert_eq!(error["error"]["code"], "0x80044331");
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap()
            .contains("'200'")
    );

    let (status, _, error) = post(json!({"msdyn_queueassignedreason": 7}));
    assert_eq!(status, 400);
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap()
            .contains("msdyn_queueassignedreason")
    );

    let (status, _, error) = post(json!({"subjcet": "typo"}));
    assert_eq!(status, 400);
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap()
            .contains("'subjcet' does not exist")
    );

    // a target the lookup does not allow has no navigation property
    let (status, _, _) = post(json!({
        "regardingobjectid_systemuser_msdyn_ocsession@odata.bind": "/systemusers(00000000-0000-0000-0000-000000000001)"
    }));
    assert_eq!(status, 400);
    // the lookup's `_value` property is not writable
    let (status, _, error) = post(json!({"_regardingobjectid_value": Guid::nil()}));
    assert_eq!(status, 400);
    assert_eq!(error["error"]["code"], "0x80048d19");
    // a bind to a registered table's missing row
    let (status, _, error) = post(json!({
        "regardingobjectid_sample_bankaccount_msdyn_ocsession@odata.bind": format!("/sample_bankaccounts({})", Guid::from_u128(9))
    }));
    assert_eq!(status, 404);
    assert_eq!(error["error"]["code"], "0x80040217");

    // ApplicationRequired is a form rule: the Web API accepts the row without it
    let (status, _, _) = post(json!({"subject": "no reasons given"}));
    assert_eq!(status, 204);
    assert_eq!(emulator.rows("msdyn_ocsession").len(), before.len() + 1);

    let (status, _, error) = call(
        &emulator,
        "GET",
        "/msdyn_ocsessions?$select=Subject",
        &[],
        None,
    );
    assert_eq!(status, 400);
    assert_eq!(
        error["error"]["message"],
        "Could not find a property named 'Subject' on type 'Microsoft.Dynamics.CRM.msdyn_ocsession'."
    );
    let (status, _, error) = call(&emulator, "GET", "/Account", &[], None);
    assert_eq!(status, 404);
    assert_eq!(error["error"]["code"], "0x8006088a");
}

#[test]
fn delete_cascades_as_each_relationship_says() {
    // Sales: sample_bankaccount_msdyn_ocsessions is Delete Cascade
    let emulator = sales();
    let savings = bank(&emulator, "Savings");
    let other = bank(&emulator, "Other");
    let doomed: Vec<Guid> = (0..3)
        .map(|i| {
            session(
                &emulator,
                &format!("s{i}"),
                Some(SalesRegarding::SampleBankAccount(savings)),
            )
        })
        .collect();
    let kept = session(
        &emulator,
        "kept",
        Some(SalesRegarding::SampleBankAccount(other)),
    );
    let (status, _, _) = call(
        &emulator,
        "DELETE",
        &format!("/sample_bankaccounts({savings})"),
        &[],
        None,
    );
    assert_eq!(status, 204);
    for id in &doomed {
        assert!(emulator.row("msdyn_ocsession", *id).is_none());
    }
    assert!(emulator.row("msdyn_ocsession", kept).is_some());
    let journal = emulator.journal();
    assert_eq!(journal.len(), 3);
    assert!(journal.iter().all(|e| e.effect == CascadeEffect::Deleted
        && e.relationship == "sample_bankaccount_msdyn_ocsessions"));

    // a referential relationship: RemoveLink clears the lookup; Restrict refuses
    let emulator = Emulator::new()
        .table::<ReferentialSession>()
        .table::<Account>()
        .table::<Contact>();
    let account = emulator
        .seed(&Account {
            accountid: None,
            name: Some("Contoso".into()),
        })
        .unwrap();
    let contact = emulator
        .seed(&Contact {
            contactid: None,
            fullname: Some("Ana".into()),
        })
        .unwrap();
    let linked = emulator
        .seed(&ReferentialSession {
            subject: Some("about Contoso".into()),
            regardingobjectid: Some(common::ReferentialRegarding::Account(account)),
            ..Default::default()
        })
        .unwrap();
    let restricted = emulator
        .seed(&ReferentialSession {
            subject: Some("about Ana".into()),
            regardingobjectid: Some(common::ReferentialRegarding::Contact(contact)),
            ..Default::default()
        })
        .unwrap();
    let (status, _, error) = call(
        &emulator,
        "DELETE",
        &format!("/contacts({contact})"),
        &[],
        None,
    );
    assert_eq!(status, 400, "{error}");
    assert!(emulator.row("contact", contact).is_some());
    assert!(emulator.row("msdyn_ocsession", restricted).is_some());

    let (_, _, before) = call(
        &emulator,
        "GET",
        &format!("/msdyn_ocsessions({linked})"),
        &[],
        None,
    );
    let (status, _, _) = call(
        &emulator,
        "DELETE",
        &format!("/accounts({account})"),
        &[],
        None,
    );
    assert_eq!(status, 204);
    let (_, _, after) = call(
        &emulator,
        "GET",
        &format!("/msdyn_ocsessions({linked})"),
        &[],
        None,
    );
    assert_eq!(after["subject"], "about Contoso");
    assert_eq!(after["_regardingobjectid_value"], serde_json::Value::Null);
    assert_ne!(
        after["@odata.etag"], before["@odata.etag"],
        "unlinking is a new version"
    );
    assert_eq!(emulator.journal()[0].effect, CascadeEffect::LinkRemoved);
}

#[test]
fn typed_rows_round_trip() {
    let emulator = sales();
    let bank_id = bank(&emulator, "Savings");
    let id = session(
        &emulator,
        "typed",
        Some(SalesRegarding::SampleBankAccount(bank_id)),
    );
    let (_, _, row) = call(
        &emulator,
        "GET",
        &format!(
            "/msdyn_ocsessions({id})?$select={}",
            <SalesSession as Entity>::select()
        ),
        &[("Prefer", "odata.include-annotations=\"*\"")],
        None,
    );
    let typed: SalesSession = serde_json::from_value(row).unwrap();
    assert_eq!(typed.subject, Field::Value("typed".into()));
    assert_eq!(
        typed.msdyn_queueassignedreason,
        Field::Value(SalesSessionEventReason::BotTransferSession)
    );
    assert!(typed.etag.is_some());
    assert!(matches!(typed.versionnumber, Field::Value(_)));
    let _ = SessionEventReason::Default;
}

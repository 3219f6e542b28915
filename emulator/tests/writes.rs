//! Writes beyond one row by id: the bulk operation messages (`CreateMultiple`,
//! `UpdateMultiple`, `UpsertMultiple`, each all or nothing) and alternate keys.

mod common;

use common::{call, sales};
use dataverse_model::Guid;
use serde_json::json;

const TYPE: &str = "Microsoft.Dynamics.CRM.msdyn_ocsession";

#[test]
fn bulk_messages_write_many_rows_in_one_transaction() {
    let emulator = sales();
    let (status, _, answer) = call(
        &emulator,
        "POST",
        "/api/data/v9.2/msdyn_ocsessions/Microsoft.Dynamics.CRM.CreateMultiple",
        &[],
        Some(json!({"Targets": [
            {"@odata.type": TYPE, "subject": "one"},
            {"@odata.type": TYPE, "subject": "two"},
        ]})),
    );
    assert_eq!(status, 200, "{answer}");
    assert!(
        answer["@odata.context"]
            .as_str()
            .unwrap()
            .ends_with("#Microsoft.Dynamics.CRM.CreateMultipleResponse")
    );
    let ids: Vec<Guid> = answer["Ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| id.as_str().unwrap().parse().unwrap())
        .collect();
    assert_eq!(ids.len(), 2);

    let (status, _, _) = call(
        &emulator,
        "POST",
        "/api/data/v9.2/msdyn_ocsessions/Microsoft.Dynamics.CRM.UpdateMultiple",
        &[],
        Some(json!({"Targets": [
            {"@odata.type": TYPE, "activityid": ids[0], "subject": "one, updated"},
            {"@odata.type": TYPE, "activityid": ids[1], "subject": "two, updated"},
        ]})),
    );
    assert_eq!(status, 204);
    assert_eq!(
        emulator.row("msdyn_ocsession", ids[1]).unwrap()["subject"],
        "two, updated"
    );

    let new = Guid::from_u128(77);
    let (status, _, _) = call(
        &emulator,
        "POST",
        "/api/data/v9.2/msdyn_ocsessions/Microsoft.Dynamics.CRM.UpsertMultiple",
        &[],
        Some(json!({"Targets": [
            {"@odata.type": TYPE, "activityid": ids[0], "subject": "one, upserted"},
            {"@odata.type": TYPE, "activityid": new, "subject": "new, upserted"},
        ]})),
    );
    assert_eq!(status, 204);
    assert_eq!(
        emulator.row("msdyn_ocsession", ids[0]).unwrap()["subject"],
        "one, upserted"
    );
    assert_eq!(
        emulator.row("msdyn_ocsession", new).unwrap()["subject"],
        "new, upserted"
    );

    // one bad row fails them all; a row without its @odata.type too
    let before = emulator.rows("msdyn_ocsession");
    for targets in [
        json!([{"@odata.type": TYPE, "subject": "fine"}, {"@odata.type": TYPE, "subject": "x".repeat(201)}]),
        json!([{"@odata.type": TYPE, "subject": "fine"}, {"subject": "untyped"}]),
    ] {
        let (status, _, error) = call(
            &emulator,
            "POST",
            "/api/data/v9.2/msdyn_ocsessions/Microsoft.Dynamics.CRM.CreateMultiple",
            &[],
            Some(json!({ "Targets": targets })),
        );
        assert_eq!(status, 400, "{error}");
        assert_eq!(emulator.rows("msdyn_ocsession"), before);
    }
    // UpdateMultiple never creates
    let (status, _, _) = call(
        &emulator,
        "POST",
        "/api/data/v9.2/msdyn_ocsessions/Microsoft.Dynamics.CRM.UpdateMultiple",
        &[],
        Some(
            json!({"Targets": [{"@odata.type": TYPE, "activityid": Guid::from_u128(78), "subject": "x"}]}),
        ),
    );
    assert_eq!(status, 404);
    assert_eq!(emulator.rows("msdyn_ocsession"), before);
}

#[test]
fn alternate_keys_name_rows_by_their_values() {
    let emulator = sales();
    let path = |key: &str| format!("/api/data/v9.2/msdyn_ocsessions({key})");
    // an upsert by a key that finds no row creates it with the key's values
    let key = common::encode("msdyn_sessionid='O''Neil #1'");
    let (status, _, row) = call(
        &emulator,
        "PATCH",
        &path(&key),
        &[("Prefer", "return=representation")],
        Some(json!({"subject": "by key"})),
    );
    assert_eq!(status, 201, "{row}");
    assert_eq!(row["msdyn_sessionid"], "O'Neil #1");
    // then the key finds it: retrieve, update, delete
    let (status, _, row) = call(
        &emulator,
        "GET",
        &format!("{}?$select=subject", path(&key)),
        &[],
        None,
    );
    assert_eq!((status, row["subject"].as_str()), (200, Some("by key")));
    let (status, _, _) = call(
        &emulator,
        "PATCH",
        &path(&key),
        &[("If-Match", "*")],
        Some(json!({"subject": "updated by key"})),
    );
    assert_eq!(status, 204);
    assert_eq!(emulator.rows("msdyn_ocsession").len(), 1);
    assert_eq!(
        emulator.rows("msdyn_ocsession")[0]["subject"],
        "updated by key"
    );
    // If-Match never creates, by key either
    let other = common::encode("msdyn_sessionid='nobody'");
    let (status, _, error) = call(
        &emulator,
        "PATCH",
        &path(&other),
        &[("If-Match", "*")],
        Some(json!({"subject": "x"})),
    );
    assert_eq!(status, 404, "{error}");
    let (status, _, _) = call(&emulator, "DELETE", &path(&key), &[], None);
    assert_eq!(status, 204);
    assert!(emulator.rows("msdyn_ocsession").is_empty());
    // a key column the table does not declare
    let (status, _, _) = call(&emulator, "GET", &path("nosuchcolumn='x'"), &[], None);
    assert_eq!(status, 400);
}

#[test]
fn throttled_requests_answer_429_with_retry_after_and_change_nothing() {
    let emulator = sales();
    emulator.throttle(2, 7);
    for _ in 0..2 {
        let (status, headers, error) = call(
            &emulator,
            "POST",
            "/api/data/v9.2/msdyn_ocsessions",
            &[],
            Some(json!({"subject": "too soon"})),
        );
        assert_eq!(status, 429);
        assert_eq!(headers["Retry-After"], "7");
        assert_eq!(error["error"]["code"], "0x80072322");
    }
    assert!(emulator.rows("msdyn_ocsession").is_empty());
    let (status, _, _) = call(
        &emulator,
        "POST",
        "/api/data/v9.2/msdyn_ocsessions",
        &[],
        Some(json!({"subject": "retried"})),
    );
    assert_eq!(status, 204, "the throttle is spent");
}

#[test]
fn generated_ids_skip_ids_given_earlier() {
    let emulator = sales();
    // the first id the emulator would generate, taken by a caller first
    let taken = "00000000-0000-4000-8000-000000000001";
    emulator
        .seed_json(
            "msdyn_ocsessions",
            json!({"activityid": taken, "subject": "given"}),
        )
        .unwrap();
    let generated = emulator
        .seed_json("msdyn_ocsessions", json!({"subject": "generated"}))
        .unwrap();
    assert_ne!(generated.to_string(), taken);
    assert_eq!(emulator.rows("msdyn_ocsession").len(), 2);
}

#[test]
fn a_cleared_lookup_in_an_update_body_clears_it() {
    use common::{Account, ReferentialRegarding, ReferentialSession};
    use dataverse_model_emulator::Emulator;

    let emulator = Emulator::new()
        .table::<ReferentialSession>()
        .table::<Account>();
    let account = emulator
        .seed(&Account {
            accountid: None,
            name: Some("Contoso".into()),
        })
        .unwrap();
    let mut row = ReferentialSession {
        subject: Some("about Contoso".into()),
        regardingobjectid: Some(ReferentialRegarding::Account(account)),
        ..Default::default()
    };
    let id = emulator.seed(&row).unwrap();
    row.regardingobjectid = None;
    // the runtime writes `"<navigation>": null`
    let body = serde_json::to_value(row.update_payload()).unwrap();
    let (status, _, error) = call(
        &emulator,
        "PATCH",
        &format!("/msdyn_ocsessions({id})"),
        &[],
        Some(body),
    );
    assert_eq!(status, 204, "{error}");
    assert_eq!(
        emulator.row("msdyn_ocsession", id).unwrap()["_regardingobjectid_value"],
        serde_json::Value::Null
    );
}

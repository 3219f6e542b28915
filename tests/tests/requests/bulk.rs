//! Bulk messages split into requests of a chosen size.

use super::*;

#[test]
fn bulk_requests_are_split_and_typed() {
    let service = Service::default();
    let rows: Vec<Account> = (0..5).map(|i| account(&format!("Row {i}"))).collect();
    let requests = service.create_multiple(&rows, 2).unwrap();
    assert_eq!(requests.len(), 3);
    assert_eq!(
        requests[0].uri().path(),
        "/api/data/v9.2/accounts/Microsoft.Dynamics.CRM.CreateMultiple"
    );
    let first: serde_json::Value = serde_json::from_slice(requests[0].body()).unwrap();
    assert_eq!(
        first,
        serde_json::json!({"Targets": [
            {"@odata.type": "Microsoft.Dynamics.CRM.account", "name": "Row 0"},
            {"@odata.type": "Microsoft.Dynamics.CRM.account", "name": "Row 1"},
        ]})
    );
    let last: serde_json::Value = serde_json::from_slice(requests[2].body()).unwrap();
    assert_eq!(last["Targets"].as_array().unwrap().len(), 1);

    let error = service.update_multiple(&rows, 10).unwrap_err();
    assert_eq!(
        error.to_string(),
        "row 0 has no `accountid`; `UpdateMultiple` needs every row's id"
    );
    let mut with_id = account("Renamed");
    with_id.accountid = Some(id());
    let update = service.update_multiple(&[with_id], 10).unwrap();
    let body: serde_json::Value = serde_json::from_slice(update[0].body()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"Targets": [{"@odata.type": "Microsoft.Dynamics.CRM.account", "accountid": ID, "name": "Renamed"}]})
    );
    assert!(
        update[0]
            .uri()
            .path()
            .ends_with("/Microsoft.Dynamics.CRM.UpdateMultiple")
    );
    assert!(service.upsert_multiple(&rows, 0).is_err());
    assert!(
        service
            .upsert_multiple::<Account>(&[], 10)
            .unwrap()
            .is_empty()
    );
}

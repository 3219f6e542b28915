//! What the Web API really sends (issue 12): service errors, change-tracking pages, bodies of
//! the wrong shape, and every reference body of the Microsoft documentation.

use dataverse_model::{DeltaPage, DeltaRow, Guid, Page, ServiceError};
use dataverse_model_tests::session::Session;

const ERROR_BODY: &str = include_str!("../fixtures/error-with-annotations.response.json");

fn guid(text: &str) -> Guid {
    text.parse().unwrap()
}

// ---- service errors ----------------------------------------------------------------------

#[test]
fn an_error_body_is_not_an_empty_row() {
    let message = serde_json::from_str::<Session>(ERROR_BODY)
        .unwrap_err()
        .to_string();
    assert!(
        message.starts_with(
            "the service returned an error instead of a `Session` row: `0x80040265`: Example Error Message."
        ),
        "{message}"
    );
    assert!(message.contains("`ServiceError::from_body`"), "{message}");
    // the typed error, every annotation kept, from the same body
    let error = ServiceError::from_body(ERROR_BODY.as_bytes()).unwrap();
    assert_eq!(error.code(), "0x80040265");
    assert_eq!(error.annotations().len(), 5);
}

#[test]
fn an_error_body_is_not_a_page() {
    let message = serde_json::from_str::<Page<Session>>(ERROR_BODY)
        .unwrap_err()
        .to_string();
    assert!(
        message.starts_with("the service returned an error instead of a page of `Session` rows: `0x80040265`: Example Error Message."),
        "{message}"
    );
    let message = serde_json::from_str::<DeltaPage<Session>>(ERROR_BODY)
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("instead of a page of `DeltaRow<Session>` rows"),
        "{message}"
    );
}

#[test]
fn an_error_body_with_an_empty_code() {
    let body = include_str!("../fixtures/webapi/error-empty-code.response.json");
    for message in [
        serde_json::from_str::<Session>(body)
            .unwrap_err()
            .to_string(),
        serde_json::from_str::<Page<Session>>(body)
            .unwrap_err()
            .to_string(),
    ] {
        assert!(
            message.contains(
                "instead of a page of `Session` rows: Resource not found for the segment 'acounts'."
            ) || message.contains(
                "instead of a `Session` row: Resource not found for the segment 'acounts'."
            ),
            "{message}"
        );
    }
    let error = ServiceError::from_body(body.as_bytes()).unwrap();
    assert_eq!(error.code(), "");
    assert!(error.annotations().contains_key("innererror"));
}

#[test]
fn a_property_named_error_that_is_no_service_error_is_skipped() {
    let row: Session =
        serde_json::from_str(r#"{"error": {"detail": 1}, "subject": "s", "value": 5}"#).unwrap();
    assert_eq!(row.subject.as_deref(), Some("s"));
    let row: Session = serde_json::from_str(r#"{"error": "text", "subject": "s"}"#).unwrap();
    assert_eq!(row.subject.as_deref(), Some("s"));
}

// ---- change tracking ---------------------------------------------------------------------

#[test]
fn a_delta_page_keeps_changed_and_deleted_rows_and_its_delta_link() {
    let body = include_str!("../fixtures/webapi/change-tracking.delta.response.json");
    let page: DeltaPage<Session> = serde_json::from_str(body).unwrap();
    assert!(page.context.as_deref().unwrap().ends_with("/$delta"));
    assert_eq!(page.value.len(), 3);
    let DeltaRow::Changed(changed) = &page.value[0] else {
        panic!("{:?}", page.value[0])
    };
    assert_eq!(changed.subject.as_deref(), Some("Chat with Monte"));
    assert_eq!(
        page.value[1],
        DeltaRow::Deleted {
            id: guid("43a2a3a8-0d87-e711-80e5-00155db19e6d"),
            reason: Some("deleted".into())
        }
    );
    assert!(
        matches!(&page.value[2], DeltaRow::Changed(row) if row.subject.as_deref() == Some("Second chat"))
    );
    assert_eq!(
        page.delta_link.as_deref(),
        Some(
            "[Organization URI]/api/data/v9.2/msdyn_ocsessions?$select=subject&$deltatoken=919042%2108%2f22%2f2017%2008%3a10%3a44"
        )
    );
    // the same body read as a plain page: the deleted row is an error naming `DeltaPage`
    let message = serde_json::from_str::<Page<Session>>(body)
        .unwrap_err()
        .to_string();
    assert!(
        message.starts_with("received a deleted row (`@odata.context` ends in `$deletedEntity`) where a `Session` row is due; read change-tracking pages as `DeltaPage<Session>`"),
        "{message}"
    );
}

#[test]
fn a_deleted_row_alone_is_not_an_empty_row() {
    let row = r#"{"@odata.context": "[Organization URI]/api/data/v9.2/$metadata#msdyn_ocsessions/$deletedEntity",
        "id": "43a2a3a8-0d87-e711-80e5-00155db19e6d", "reason": "deleted"}"#;
    let message = serde_json::from_str::<Session>(row)
        .unwrap_err()
        .to_string();
    assert!(message.contains("`DeltaPage<Session>`"), "{message}");
    // read as a delta row, from a reader too (keys not borrowed)
    for read in [
        serde_json::from_str::<DeltaRow<Session>>(row).unwrap(),
        serde_json::from_reader::<_, DeltaRow<Session>>(row.as_bytes()).unwrap(),
    ] {
        assert_eq!(
            read,
            DeltaRow::Deleted {
                id: guid("43a2a3a8-0d87-e711-80e5-00155db19e6d"),
                reason: Some("deleted".into())
            }
        );
    }
    // a deleted row without its id
    let message = serde_json::from_str::<DeltaRow<Session>>(
        r#"{"@odata.context": "x/$deletedEntity", "reason": "deleted"}"#,
    )
    .unwrap_err()
    .to_string();
    assert!(message.contains("without its `id`"), "{message}");
}

#[test]
fn a_changed_row_with_its_own_context_reads_every_column() {
    let row = r#"{"@odata.context": "[Organization URI]/api/data/v9.2/$metadata#msdyn_ocsessions/$entity",
        "subject": "s", "activityid": "43a2a3a8-0d87-e711-80e5-00155db19e6d"}"#;
    for read in [
        serde_json::from_str::<DeltaRow<Session>>(row).unwrap(),
        serde_json::from_reader::<_, DeltaRow<Session>>(row.as_bytes()).unwrap(),
    ] {
        let DeltaRow::Changed(session) = read else {
            panic!("{read:?}")
        };
        assert_eq!(session.subject.as_deref(), Some("s"));
        assert_eq!(
            session.activityid,
            Some(guid("43a2a3a8-0d87-e711-80e5-00155db19e6d"))
        );
    }
    let empty: DeltaRow<Session> = serde_json::from_str("{}").unwrap();
    assert!(matches!(empty, DeltaRow::Changed(_)));
}

#[test]
fn a_plain_page_keeps_its_delta_link() {
    let page: Page<Session> = serde_json::from_str(
        r#"{"value": [], "@odata.deltaLink": "https://org/api/data/v9.2/msdyn_ocsessions?$deltatoken=1"}"#,
    )
    .unwrap();
    assert_eq!(
        page.delta_link.as_deref(),
        Some("https://org/api/data/v9.2/msdyn_ocsessions?$deltatoken=1")
    );
    let written = serde_json::to_value(&page).unwrap();
    assert_eq!(
        written["@odata.deltaLink"],
        "https://org/api/data/v9.2/msdyn_ocsessions?$deltatoken=1"
    );
}

// ---- bodies of the wrong shape -----------------------------------------------------------

#[test]
fn an_array_or_a_page_where_a_row_is_due() {
    let message = serde_json::from_str::<Session>(r#"[{"subject": "s"}]"#)
        .unwrap_err()
        .to_string();
    assert!(
        message.starts_with("invalid type: sequence, expected a `Session` row as a JSON object (read a list of rows as `Vec<Session>`, a collection response as `Page<Session>`)"),
        "{message}"
    );
    let message =
        serde_json::from_str::<Session>(r#"{"@odata.context": "x", "value": [{"subject": "s"}]}"#)
            .unwrap_err()
            .to_string();
    assert!(
        message.starts_with("received a collection page (`value` holds rows) where one `Session` row is due; read it as `Page<Session>`"),
        "{message}"
    );
    // a page without `value`, a duplicate `value`
    let message = serde_json::from_str::<Page<Session>>(r#"{"@odata.context": "x"}"#)
        .unwrap_err()
        .to_string();
    assert!(message.starts_with("missing field `value`"), "{message}");
    let message = serde_json::from_str::<Page<Session>>(r#"{"value": [], "value": []}"#)
        .unwrap_err()
        .to_string();
    assert!(message.starts_with("duplicate field `value`"), "{message}");
    let message = serde_json::from_str::<Page<Session>>("[]")
        .unwrap_err()
        .to_string();
    assert!(
        message.starts_with(
            "invalid type: sequence, expected a page of `Session` rows as a JSON object"
        ),
        "{message}"
    );
}

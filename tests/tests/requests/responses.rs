//! `read_response`: typed results and errors that keep what the service said.

use super::*;

#[test]
fn successful_responses_read_into_their_types() {
    let entity_id = format!("https://contoso.crm.dynamics.com/api/data/v9.0/accounts({ID})");
    let id: Guid = read_response(&response(204, &[("OData-EntityId", &entity_id)], "")).unwrap();
    assert_eq!(id, self::id());
    let row: Account = read_response(&response(
        201,
        &[],
        &format!(r#"{{"@odata.etag":"W/\"1\"","accountid":"{ID}","name":"Contoso"}}"#),
    ))
    .unwrap();
    assert_eq!(row.etag.as_deref(), Some("W/\"1\""));
    let page: Page<Account> = read_response(&response(
        200,
        &[],
        r#"{"value":[{"name":"A"},{"name":"B"}],"@odata.nextLink":"https://x/api/data/v9.2/accounts?$skiptoken=2"}"#,
    ))
    .unwrap();
    assert_eq!(page.value.len(), 2);
    let () = read_response(&response(204, &[], "")).unwrap();
    let ids: CreatedIds =
        read_response(&response(200, &[], &format!(r#"{{"Ids":["{ID}"]}}"#))).unwrap();
    assert_eq!(ids.ids, vec![self::id()]);
}

#[test]
fn error_responses_keep_what_the_service_said() {
    let error_body =
        r#"{"error":{"code":"0x80040217","message":"account With Id = 7d577253 Does Not Exist"}}"#;
    match read_response::<Account>(&response(404, &[], error_body)) {
        Err(ResponseError::NotFound { error: Some(error) }) => {
            assert_eq!(error.code(), "0x80040217")
        }
        other => panic!("{other:?}"),
    }
    let changed = read_response::<()>(&response(
        412,
        &[],
        r#"{"error":{"code":"0x80060882","message":"The version of the existing record doesn't match the RowVersion property provided."}}"#,
    ))
    .unwrap_err();
    assert!(matches!(
        changed,
        ResponseError::PreconditionFailed { error: Some(_) }
    ));
    assert!(
        changed
            .to_string()
            .starts_with("the row changed since it was read"),
        "{changed}"
    );
    match read_response::<()>(&response(429, &[("Retry-After", "12.5")], "")) {
        Err(ResponseError::TooManyRequests {
            retry_after,
            error: None,
        }) => {
            assert_eq!(retry_after, Some(std::time::Duration::from_millis(12_500)))
        }
        other => panic!("{other:?}"),
    }
    match read_response::<()>(&response(400, &[], error_body)) {
        Err(ResponseError::Service { status, error }) => {
            assert_eq!(status, 400);
            assert_eq!(error.message(), "account With Id = 7d577253 Does Not Exist");
        }
        other => panic!("{other:?}"),
    }
    match read_response::<()>(&response(502, &[], "<html>Bad Gateway</html>")) {
        Err(ResponseError::UnexpectedStatus { status, body }) => {
            assert_eq!(
                (status.as_u16(), body.as_str()),
                (502, "<html>Bad Gateway</html>")
            )
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        read_response::<()>(&response(302, &[("Location", "https://login")], "")),
        Err(ResponseError::UnexpectedStatus { .. })
    ));
    // success, but the wrong shape
    for (status, headers, body) in [
        (200, vec![], "{\"name\": 5}"),
        (200, vec![], "<html/>"),
        (204, vec![], ""),
    ] {
        let error = read_response::<Account>(&response(status, &headers, body)).unwrap_err();
        assert!(matches!(error, ResponseError::Body { .. }), "{error:?}");
    }
    for entity_id in [
        "",
        "accounts",
        "https://x/api/data/v9.2/accounts(not-a-guid)",
        "https://x/api/data/v9.2/accounts(1)?x",
    ] {
        let error = read_response::<Guid>(&response(204, &[("OData-EntityId", entity_id)], ""))
            .unwrap_err();
        assert!(
            error.to_string().contains("is not the URL of a row"),
            "{error}"
        );
    }
    let error = read_response::<Guid>(&response(204, &[], "")).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("`OData-EntityId` header is missing"),
        "{error}"
    );
}

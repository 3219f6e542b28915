//! Requests and responses: service errors, request building, response reading, `$batch`.

use dataverse_model::ServiceError;

#[test]
fn service_error_keeps_every_annotation() {
    let body = include_bytes!("../fixtures/error-with-annotations.response.json");
    let error = ServiceError::from_body(body).expect("a service error body");
    assert_eq!(error.code(), "0x80040265");
    assert_eq!(error.message(), "Example Error Message.");
    assert_eq!(
        error.annotation_str(ServiceError::OPERATION_STATUS),
        Some("1")
    );
    assert_eq!(
        error.annotation_str(ServiceError::SUB_ERROR_CODE),
        Some("12345")
    );
    assert_eq!(
        error.annotation_str(ServiceError::INNER_ERROR_MESSAGE),
        Some("Example Error Message.")
    );
    assert!(
        error
            .annotation_str(ServiceError::HELP_LINK)
            .unwrap()
            .contains("80040265")
    );
    assert!(
        error
            .annotation_str(ServiceError::TRACE_TEXT)
            .unwrap()
            .contains("Entering MyClass plug-in.")
    );
    assert_eq!(error.annotations().len(), 5);
    assert_eq!(
        error.to_string(),
        "the service answered with error `0x80040265`: Example Error Message."
    );
    // written back and read again, nothing is lost
    assert_eq!(ServiceError::from_body(&error.to_body()), Some(error));
}

#[test]
fn service_error_with_empty_code_and_inner_error() {
    let body = br#"{"error":{"code":"","message":"Resource not found for the segment 'acounts'.","innererror":{"type":"Microsoft.OData.UriParser.ODataUnrecognizedPathException"}}}"#;
    let error = ServiceError::from_body(body).unwrap();
    assert_eq!(error.code(), "");
    assert_eq!(
        error.to_string(),
        "the service answered with an error: Resource not found for the segment 'acounts'."
    );
    assert!(error.annotations()["innererror"].is_object());
}

#[test]
fn not_a_service_error() {
    for body in [
        &b""[..],
        b"{",
        b"null",
        b"{\"value\":[]}",
        b"{\"error\":\"text\"}",
        b"{\"error\":{\"code\":\"0x1\"}}",
        b"{\"error\":{\"code\":1,\"message\":\"m\"}}",
        b"<html>Bad Gateway</html>",
    ] {
        assert_eq!(
            ServiceError::from_body(body),
            None,
            "{}",
            String::from_utf8_lossy(body)
        );
    }
}

// ---- requests --------------------------------------------------------------------------

use dataverse_model::query::{Many, Navigation, One, Query};
use dataverse_model::request::{
    AlternateKey, Batch, BatchError, ChangeSet, CreatedIds, IfMatch, ResponseError, Service,
    read_batch, read_batch_body, read_response,
};
use dataverse_model::{Field, Guid, Page, dataverse_entity, lookup};
use proptest::prelude::*;

lookup! {
    #[lookup(column = "primarycontactid", table = "account")]
    pub enum PrimaryContact {
        #[target(entity_set = "contacts")]
        Contact = "contact",
    }
}

#[dataverse_entity(
    logical_name = "account",
    entity_set = "accounts",
    primary_id = "accountid"
)]
#[derive(Debug)]
pub struct Account {
    pub accountid: Option<Guid>,
    pub name: Field<String>,
    pub accountnumber: Field<String>,
    pub primarycontactid: Field<PrimaryContact>,
    #[dataverse(etag)]
    pub etag: Option<String>,
}

#[dataverse_entity(
    logical_name = "contact",
    entity_set = "contacts",
    primary_id = "contactid"
)]
pub struct Contact {
    pub contactid: Option<Guid>,
    pub fullname: Field<String>,
}

const PRIMARY_CONTACT: Navigation<Account, Contact, One> = Navigation::new("primarycontactid");
const CONTACTS: Navigation<Account, Contact, Many> = Navigation::new("contact_customer_accounts");

const ID: &str = "7d577253-3ef0-4a0a-bb7f-8335c2596e70";
const CONTACT_ID: &str = "0928bcb4-bb27-ed11-9db1-002248274ada";

fn id() -> Guid {
    Guid::parse_str(ID).unwrap()
}

fn account(name: &str) -> Account {
    Account {
        accountid: None,
        name: Field::Value(name.to_owned()),
        accountnumber: Field::Unset,
        primarycontactid: Field::Unset,
        etag: None,
    }
}

fn header<'a>(request: &'a http::Request<Vec<u8>>, name: &str) -> Option<&'a str> {
    request.headers().get(name).map(|v| v.to_str().unwrap())
}

fn body(request: &http::Request<Vec<u8>>) -> &str {
    std::str::from_utf8(request.body()).unwrap()
}

fn response(status: u16, headers: &[(&str, &str)], body: &str) -> http::Response<Vec<u8>> {
    let mut builder = http::Response::builder().status(status);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(body.as_bytes().to_vec()).unwrap()
}

#[test]
fn reads_carry_the_standard_headers() {
    let service = Service::default();
    let request = service.retrieve::<Account>(id()).unwrap();
    assert_eq!(request.method(), "GET");
    assert_eq!(
        request.uri(),
        &*format!(
            "/api/data/v9.2/accounts({ID})?$select=accountid,name,accountnumber,_primarycontactid_value"
        )
    );
    assert_eq!(header(&request, "OData-Version"), Some("4.0"));
    assert_eq!(header(&request, "OData-MaxVersion"), Some("4.0"));
    assert_eq!(header(&request, "Accept"), Some("application/json"));
    assert_eq!(header(&request, "Content-Type"), None);
    assert_eq!(header(&request, "Prefer"), None);

    let by_key = AlternateKey::new(Account::COLUMNS.accountnumber, "A/B 'C'");
    let request = service.retrieve_by_key(&by_key).unwrap();
    assert_eq!(
        request.uri().path(),
        "/api/data/v9.2/accounts(accountnumber='A%2FB%20''C''')"
    );

    let query = Query::<Account>::new()
        .select(Account::COLUMNS.name)
        .expand(PRIMARY_CONTACT, |c| c)
        .include_annotations("*");
    let request = service.retrieve_with(id(), &query).unwrap();
    assert_eq!(
        request.uri().query(),
        Some("$select=name&$expand=primarycontactid($select=contactid,fullname)")
    );
    assert_eq!(
        header(&request, "Prefer"),
        Some("odata.include-annotations=\"*\"")
    );
}

#[test]
fn next_page_uses_the_link_verbatim_and_repeats_prefer() {
    let service = Service::new("https://contoso.crm.dynamics.com/api/data/v9.2").unwrap();
    assert_eq!(
        service.root(),
        "https://contoso.crm.dynamics.com/api/data/v9.2/"
    );
    let query = Query::<Account>::new()
        .include_annotations("OData.Community.Display.V1.FormattedValue")
        .max_page_size(2);
    let first = service.retrieve_multiple(&query).unwrap();
    assert_eq!(
        first.uri(),
        "https://contoso.crm.dynamics.com/api/data/v9.2/accounts?$select=accountid,name,accountnumber,_primarycontactid_value"
    );
    // as in page-results.page1.response.json
    let link = "https://contoso.crm.dynamics.com/api/data/v9.2/accounts?$select=name&$skiptoken=%3Ccookie%20pagenumber=%222%22%20pagingcookie=%22%253ccookie%2520page%253d%25221%2522%253e%253caccountid%2520last%253d%2522%257bAAA19CDD-88DF-E311-B8E5-6C3BE5A8B200%257d%2522%2520first%253d%2522%257b475B158C-541C-E511-80D3-3863BB347BA8%257d%2522%2520%252f%253e%253c%252fcookie%253e%22%20istracking=%22False%22%20/%3E";
    let next = service.next_page(&query, link).unwrap();
    assert_eq!(next.uri().to_string(), link);
    assert_eq!(header(&next, "Prefer"), header(&first, "Prefer"));
    assert_eq!(
        header(&next, "Prefer"),
        Some(
            "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\",odata.maxpagesize=2"
        )
    );
    for foreign in [
        "https://evil.example.com/api/data/v9.2/accounts?$skiptoken=1",
        "http://contoso.crm.dynamics.com/api/data/v9.2/accounts",
        "https://contoso.crm.dynamics.com/other/accounts",
        "not a url at all",
        "",
    ] {
        let error = service.next_page(&query, foreign).unwrap_err();
        assert!(
            error.to_string().contains("is not a URL of the service"),
            "{error}"
        );
    }
    assert!(Service::new("api/data").is_err());
    assert!(Service::new("ftp://contoso/api/data/v9.2/").is_err());
    assert!(Service::new("https://contoso.crm.dynamics.com").is_ok());
    assert!(Service::new("/api/data/v9.2/?x=1").is_err());
}

#[test]
fn writes() {
    let service = Service::default();
    let mut row = account("Contoso");
    row.primarycontactid = Field::Value(PrimaryContact::Contact(
        Guid::parse_str(CONTACT_ID).unwrap(),
    ));

    let create = service.create(&row).unwrap();
    assert_eq!(
        (create.method().as_str(), create.uri().path()),
        ("POST", "/api/data/v9.2/accounts")
    );
    assert_eq!(
        header(&create, "Content-Type"),
        Some("application/json; charset=utf-8")
    );
    assert_eq!(
        body(&create),
        format!(r#"{{"name":"Contoso","primarycontactid@odata.bind":"/contacts({CONTACT_ID})"}}"#)
    );
    let returning = service.create_returning(&row).unwrap();
    assert_eq!(header(&returning, "Prefer"), Some("return=representation"));
    assert!(
        returning
            .uri()
            .query()
            .unwrap()
            .starts_with("$select=accountid,name")
    );

    let update = service
        .update(id(), &account("Fabrikam"), IfMatch::Etag("W/\"585157\""))
        .unwrap();
    assert_eq!(
        (update.method().as_str(), update.uri().path()),
        ("PATCH", &*format!("/api/data/v9.2/accounts({ID})"))
    );
    assert_eq!(header(&update, "If-Match"), Some("W/\"585157\""));
    assert_eq!(body(&update), r#"{"name":"Fabrikam"}"#);
    let update = service
        .update(id(), &account("Fabrikam"), IfMatch::Exists)
        .unwrap();
    assert_eq!(header(&update, "If-Match"), Some("*"));
    assert!(
        service
            .update(id(), &account("x"), IfMatch::Etag("bad\netag"))
            .is_err()
    );

    let upsert = service.upsert(id(), &account("Fabrikam")).unwrap();
    assert_eq!(
        (upsert.method().as_str(), header(&upsert, "If-Match")),
        ("PATCH", None)
    );
    let create_only = service.create_with_id(id(), &account("Fabrikam")).unwrap();
    assert_eq!(header(&create_only, "If-None-Match"), Some("*"));
    let key = AlternateKey::new(Account::COLUMNS.accountnumber, "ABC123");
    let upsert = service.upsert_by_key(&key, &account("Fabrikam")).unwrap();
    assert_eq!(
        upsert.uri().path(),
        "/api/data/v9.2/accounts(accountnumber='ABC123')"
    );

    let delete = service.delete::<Account>(id(), Some("W/\"1\"")).unwrap();
    assert_eq!(
        (delete.method().as_str(), header(&delete, "If-Match")),
        ("DELETE", Some("W/\"1\""))
    );
    assert!(delete.body().is_empty());
}

#[test]
fn associate_and_disassociate() {
    let service = Service::new("https://contoso.crm.dynamics.com/api/data/v9.2/").unwrap();
    let contact = Guid::parse_str(CONTACT_ID).unwrap();
    let root = "https://contoso.crm.dynamics.com/api/data/v9.2";
    let add = service.associate(id(), CONTACTS, contact).unwrap();
    assert_eq!(add.method(), "POST");
    assert_eq!(
        add.uri().to_string(),
        format!("{root}/accounts({ID})/contact_customer_accounts/$ref")
    );
    assert_eq!(
        body(&add),
        format!(r#"{{"@odata.id":"{root}/contacts({CONTACT_ID})"}}"#)
    );
    let set = service.associate(id(), PRIMARY_CONTACT, contact).unwrap();
    assert_eq!(set.method(), "PUT");
    assert_eq!(
        set.uri().to_string(),
        format!("{root}/accounts({ID})/primarycontactid/$ref")
    );
    let remove = service.disassociate(id(), CONTACTS, contact).unwrap();
    assert_eq!(
        (remove.method().as_str(), remove.uri().to_string()),
        (
            "DELETE",
            format!("{root}/accounts({ID})/contact_customer_accounts({CONTACT_ID})/$ref")
        )
    );
    let clear = service.clear_reference(id(), PRIMARY_CONTACT).unwrap();
    assert_eq!(
        clear.uri().to_string(),
        format!("{root}/accounts({ID})/primarycontactid/$ref")
    );
}

// ---- responses -------------------------------------------------------------------------

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

// ---- $batch ------------------------------------------------------------------------------

const BATCH_ANSWER: &str = include_str!("../fixtures/batch.response.txt");
const BATCH_TYPE: &str =
    "multipart/mixed; boundary=batchresponse_c1bd45c1-dd81-470d-b897-e965846aad2f";

#[test]
fn batch_request_is_multipart_with_crlf() {
    let service = Service::default();
    let mut change_set = ChangeSet::new();
    let first = change_set
        .push(service.create(&account("A")).unwrap())
        .unwrap();
    change_set
        .push(
            service
                .update(id(), &account("B"), IfMatch::Exists)
                .unwrap(),
        )
        .unwrap();
    assert_eq!(ChangeSet::reference(first), "$1");
    assert!(
        change_set
            .push(service.retrieve::<Account>(id()).unwrap())
            .is_err()
    );
    let mut batch = Batch::with_boundary("batch_AAA123");
    batch.push_change_set(change_set);
    batch.push(
        service
            .retrieve_multiple(&Query::<Contact>::new().top(2))
            .unwrap(),
    );
    assert_eq!(batch.len(), 3);
    let request = batch.into_request(&service).unwrap();
    assert_eq!(
        (request.method().as_str(), request.uri().path()),
        ("POST", "/api/data/v9.2/$batch")
    );
    assert_eq!(
        header(&request, "Content-Type"),
        Some("multipart/mixed; boundary=batch_AAA123")
    );
    let expected = [
        "--batch_AAA123",
        "Content-Type: multipart/mixed; boundary=changeset_AAA123",
        "",
        "--changeset_AAA123",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "Content-ID: 1",
        "",
        "POST /api/data/v9.2/accounts HTTP/1.1",
        "odata-version: 4.0",
        "odata-maxversion: 4.0",
        "accept: application/json",
        "content-type: application/json; charset=utf-8",
        "",
        r#"{"name":"A"}"#,
        "--changeset_AAA123",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "Content-ID: 2",
        "",
        &format!("PATCH /api/data/v9.2/accounts({ID}) HTTP/1.1"),
        "odata-version: 4.0",
        "odata-maxversion: 4.0",
        "accept: application/json",
        "content-type: application/json; charset=utf-8",
        "if-match: *",
        "",
        r#"{"name":"B"}"#,
        "--changeset_AAA123--",
        "--batch_AAA123",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "",
        "GET /api/data/v9.2/contacts?$select=contactid,fullname&$top=2 HTTP/1.1",
        "odata-version: 4.0",
        "odata-maxversion: 4.0",
        "accept: application/json",
        "",
        "--batch_AAA123--",
        "",
    ]
    .join("\r\n");
    assert_eq!(body(&request), expected);

    // a body holding the boundary, or too many requests, is refused
    let mut batch = Batch::with_boundary("batch_X");
    batch.push(service.create(&account("--batch_X")).unwrap());
    assert!(
        batch
            .into_request(&service)
            .unwrap_err()
            .to_string()
            .contains("boundary")
    );
    let mut batch = Batch::new();
    for _ in 0..1001 {
        batch.push(service.retrieve::<Account>(id()).unwrap());
    }
    assert!(
        batch
            .into_request(&service)
            .unwrap_err()
            .to_string()
            .contains("at most 1000")
    );
}

fn check_batch_answer(parts: &[dataverse_model::request::BatchPart]) {
    assert_eq!(parts.len(), 3);
    assert_eq!(
        (parts[0].change_set, parts[0].content_id.as_deref()),
        (Some(0), Some("1"))
    );
    assert_eq!(
        (parts[1].change_set, parts[1].content_id.as_deref()),
        (Some(0), Some("2"))
    );
    assert_eq!(
        (parts[2].change_set, parts[2].content_id.as_deref()),
        (None, None)
    );
    let created: Guid = read_response(&parts[1].response).unwrap();
    assert_eq!(created.to_string(), "a69c24f3-fafc-e411-80dd-00155d2a68cb");
    assert_eq!(parts[0].response.status(), 204);
    assert!(parts[0].response.body().is_empty());
    #[dataverse_entity(logical_name = "task", entity_set = "tasks", primary_id = "activityid")]
    pub struct Task {
        pub activityid: Option<Guid>,
        pub subject: Field<String>,
    }
    let page: Page<Task> = read_response(&parts[2].response).unwrap();
    assert_eq!(
        page.value[1].subject,
        Field::Value("Task 2 in batch".to_owned())
    );
}

#[test]
fn batch_answer_reads_with_any_line_ends() {
    let answer = response(200, &[("Content-Type", BATCH_TYPE)], BATCH_ANSWER);
    check_batch_answer(&read_batch(&answer).unwrap());
    let bare_lf = BATCH_ANSWER.replace("\r\n", "\n");
    check_batch_answer(&read_batch_body(BATCH_TYPE, bare_lf.as_bytes()).unwrap());
    // quoted boundary parameter, other case
    let quoted = "Multipart/Mixed; Boundary=\"batchresponse_c1bd45c1-dd81-470d-b897-e965846aad2f\"";
    check_batch_answer(&read_batch_body(quoted, BATCH_ANSWER.as_bytes()).unwrap());
    // a response without a body and without the empty line the boundary's line end needs
    let short = "--b\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 204 No Content\r\nOData-Version: 4.0\r\n--b--";
    let parts = read_batch_body("multipart/mixed; boundary=b", short.as_bytes()).unwrap();
    assert_eq!(parts[0].response.status(), 204);
    assert_eq!(parts[0].response.headers()["OData-Version"], "4.0");
}

#[test]
fn broken_batch_answers_are_errors() {
    let closing = BATCH_ANSWER.rfind("--batchresponse").unwrap();
    for cut in 0..closing {
        let result = read_batch_body(BATCH_TYPE, &BATCH_ANSWER.as_bytes()[..cut]);
        assert!(
            matches!(result, Err(BatchError::Malformed(_))),
            "cut at {cut}"
        );
    }
    let cut_off = read_batch_body(BATCH_TYPE, &BATCH_ANSWER.as_bytes()[..closing]).unwrap_err();
    assert_eq!(
        cut_off.to_string(),
        "the batch answer cannot be read: the body is cut off: the closing boundary \
         `--batchresponse_c1bd45c1-dd81-470d-b897-e965846aad2f--` is missing"
    );
    for content_type in [
        "application/json",
        "multipart/mixed",
        "multipart/mixed; boundary=",
    ] {
        assert!(read_batch_body(content_type, BATCH_ANSWER.as_bytes()).is_err());
    }
    let other =
        read_batch_body("multipart/mixed; boundary=other", BATCH_ANSWER.as_bytes()).unwrap_err();
    assert!(
        other.to_string().contains("`--other` is not in the body"),
        "{other}"
    );
    let failed = response(
        400,
        &[],
        r#"{"error":{"code":"0x0","message":"The batch is bad."}}"#,
    );
    assert!(matches!(
        read_batch(&failed),
        Err(BatchError::Response(ResponseError::Service { .. }))
    ));
    assert!(read_batch(&response(200, &[], BATCH_ANSWER)).is_err());
}

proptest! {
    #[test]
    fn garbled_batch_answers_never_panic(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut bytes = BATCH_ANSWER.as_bytes().to_vec();
        for (at, byte) in edits {
            let at = at.index(bytes.len());
            bytes[at] = byte;
        }
        bytes.truncate(cut.index(bytes.len() + 1));
        if let Ok(parts) = read_batch_body(BATCH_TYPE, &bytes) {
            for part in parts {
                let _ = read_response::<()>(&part.response);
            }
        }
    }
}

// ---- bulk --------------------------------------------------------------------------------

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

// ---- clearing a lookup ---------------------------------------------------------------------

lookup! {
    #[lookup(column = "parentaccountid", table = "account")]
    pub enum ParentAccount {
        #[target(entity_set = "accounts")]
        Account = "account",
    }
}

lookup! {
    #[lookup(column = "regardingobjectid", table = "task", navigation = "regardingobjectid_{target}_task")]
    pub enum Regarding {
        #[target(entity_set = "accounts")]
        Account = "account",
        #[target(entity_set = "contacts")]
        Contact = "contact",
    }
}

#[test]
fn clearing_a_lookup_writes_its_navigation_property_as_null() {
    #[dataverse_entity(
        logical_name = "account",
        entity_set = "accounts",
        primary_id = "accountid"
    )]
    pub struct Cleared {
        pub accountid: Option<Guid>,
        pub parentaccountid: Field<ParentAccount>,
        pub primarycontactid: Field<PrimaryContact>,
    }
    let row = Cleared {
        accountid: Some(id()),
        parentaccountid: Field::Null,
        primarycontactid: Field::Null,
    };
    let documented: serde_json::Value = serde_json::from_str(include_str!(
        "../fixtures/disassociate-on-update.navprop-null.request.json"
    ))
    .unwrap();
    assert_eq!(
        serde_json::to_value(row.update_payload()).unwrap(),
        documented
    );

    // a multi-target lookup: through its first target's navigation property
    #[dataverse_entity(logical_name = "task", entity_set = "tasks", primary_id = "activityid")]
    pub struct TaskRegarding {
        pub activityid: Option<Guid>,
        pub regardingobjectid: Field<Regarding>,
    }
    let row = TaskRegarding {
        activityid: None,
        regardingobjectid: Field::Null,
    };
    assert_eq!(
        serde_json::to_string(&row.update_payload()).unwrap(),
        r#"{"regardingobjectid_account_task":null}"#
    );
}

#[test]
fn alternate_key_values_stay_in_their_literal() {
    let service = Service::default();
    for hostile in [
        "a')/contacts(x",
        "a?$filter=x",
        "a#b",
        "a/b",
        "100% + é",
        "''",
        "a&b=c",
    ] {
        let key = AlternateKey::new(Account::COLUMNS.accountnumber, hostile);
        let request = service.retrieve_by_key(&key).unwrap();
        let path = percent_encoding::percent_decode_str(request.uri().path())
            .decode_utf8()
            .unwrap()
            .into_owned();
        let literal = path
            .strip_prefix("/api/data/v9.2/accounts(accountnumber=")
            .and_then(|rest| rest.strip_suffix(')'))
            .unwrap();
        assert_eq!(
            literal,
            format!("'{}'", hostile.replace('\'', "''")),
            "{path}"
        );
        assert_eq!(
            request.uri().query(),
            Some("$select=accountid,name,accountnumber,_primarycontactid_value")
        );
        // the encoded path has one segment after the root
        assert_eq!(
            request.uri().path().matches('/').count(),
            4,
            "{}",
            request.uri()
        );
    }
}

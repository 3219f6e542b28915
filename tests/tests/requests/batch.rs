//! `$batch`: written as multipart/mixed with CRLF, read back with any line ends.

use super::*;

const BATCH_ANSWER: &str = include_str!("../../fixtures/batch.response.txt");
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

//! The served emulator with a real HTTP client: the requests example's workflow, the
//! cascades, `$batch`, and the server's own guarantees (loopback only, stops on drop).

mod common;

use common::{
    Account, BankAccount, ReferentialRegarding, ReferentialSession, client, encode, sales, send,
};
use dataverse_model::{Field, Guid, Page};
use dataverse_model_emulator::Emulator;
use dataverse_model_tests::session::SalesSession;
use dataverse_model_tests::session_choices::SalesSessionEventReason;
use dataverse_model_tests::session_lookups::SalesRegarding;
use serde_json::Value;

const ANNOTATED: &str = "odata.include-annotations=\"*\",odata.maxpagesize=2";

#[test]
fn the_requests_workflow_against_the_served_emulator() {
    let emulator = sales();
    let savings = emulator
        .seed(&BankAccount {
            sample_bankaccountid: None,
            sample_name: Some("Savings".into()),
        })
        .unwrap();
    let other = emulator
        .seed(&BankAccount {
            sample_bankaccountid: None,
            sample_name: Some("Other".into()),
        })
        .unwrap();
    for (i, bank) in [savings, savings, savings, other].into_iter().enumerate() {
        emulator
            .seed(&SalesSession {
                subject: Field::Value(format!("Chat {i}")),
                msdyn_queueassignedreason: Field::Value(
                    SalesSessionEventReason::BotTransferSession,
                ),
                regardingobjectid: Field::Value(SalesRegarding::SampleBankAccount(bank)),
                ..SalesSession::default()
            })
            .unwrap();
    }
    let server = emulator.serve().unwrap();
    let root = server.url();
    assert!(server.address().ip().is_loopback());
    let agent = client();

    // query the sessions regarding the bank account, page by page
    let query = format!(
        "{root}msdyn_ocsessions?$select={}&$filter={}&$orderby=subject",
        SalesSession::select(),
        encode(&format!("_regardingobjectid_value eq {savings}"))
    );
    let mut sessions: Vec<SalesSession> = Vec::new();
    let mut next = Some(query);
    let mut pages = 0;
    while let Some(url) = next {
        let (status, headers, body) = send(&agent, "GET", &url, &[("Prefer", ANNOTATED)], None);
        assert_eq!(status, 200, "{body}");
        assert!(
            headers["Preference-Applied"]
                .to_str()
                .unwrap()
                .contains("odata.maxpagesize=2")
        );
        let page: Page<SalesSession> = serde_json::from_str(&body).unwrap();
        pages += 1;
        sessions.extend(page.value);
        next = page.next_link;
    }
    assert_eq!((pages, sessions.len()), (2, 3));
    assert!(
        sessions
            .iter()
            .all(|s| s.formatted.get("regardingobjectid") == Some("Savings"))
    );

    // update with the etag the row was read with; the same etag again is refused
    let mut first = sessions[0].clone();
    let id = first.activityid.into_option().unwrap();
    let etag = first.etag.clone().unwrap();
    first.subject = Field::Value("Chat 0, followed up".into());
    let row_url = format!("{root}msdyn_ocsessions({id})");
    let body = serde_json::to_string(&first.update_payload()).unwrap();
    let (status, _, text) = send(
        &agent,
        "PATCH",
        &row_url,
        &[("If-Match", &etag)],
        Some(body.clone()),
    );
    assert_eq!(status, 204, "{text}");
    let (status, _, text) = send(
        &agent,
        "PATCH",
        &row_url,
        &[("If-Match", &etag)],
        Some(body),
    );
    assert_eq!(status, 412);
    // the runtime's ServiceError reads the emulator's error as it reads the service's
    let error = dataverse_model::ServiceError::from_body(text.as_bytes()).unwrap();
    assert_eq!(error.code(), "0x80060882");

    // create with a bind
    let new = SalesSession {
        subject: Field::Value("Opened from the bank account".into()),
        regardingobjectid: Field::Value(SalesRegarding::SampleBankAccount(savings)),
        ..SalesSession::default()
    };
    let body = serde_json::to_string(&new.create_payload()).unwrap();
    let (status, headers, text) = send(
        &agent,
        "POST",
        &format!("{root}msdyn_ocsessions"),
        &[],
        Some(body),
    );
    assert_eq!(status, 204, "{text}");
    let created_url = headers["OData-EntityId"].to_str().unwrap().to_owned();
    assert!(created_url.starts_with(&root));
    let (status, _, text) = send(&agent, "GET", &created_url, &[("Prefer", ANNOTATED)], None);
    assert_eq!(status, 200);
    let created: SalesSession = serde_json::from_str(&text).unwrap();
    assert_eq!(
        created.regardingobjectid,
        Field::Value(SalesRegarding::SampleBankAccount(savings))
    );

    // delete one session
    let (status, _, _) = send(&agent, "DELETE", &created_url, &[], None);
    assert_eq!(status, 204);
    let (status, _, _) = send(&agent, "GET", &created_url, &[], None);
    assert_eq!(status, 404);

    // deleting the bank account deletes its sessions (Delete Cascade), not the other's
    let (status, _, _) = send(
        &agent,
        "DELETE",
        &format!("{root}sample_bankaccounts({savings})"),
        &[],
        None,
    );
    assert_eq!(status, 204);
    let (_, _, text) = send(
        &agent,
        "GET",
        &format!("{root}msdyn_ocsessions?$select=subject"),
        &[],
        None,
    );
    let remaining: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(remaining["value"].as_array().unwrap().len(), 1);
    assert_eq!(remaining["value"][0]["subject"], "Chat 3");
}

#[test]
fn removelink_leaves_the_sessions_with_the_regarding_cleared() {
    let emulator = Emulator::new()
        .table::<ReferentialSession>()
        .table::<Account>();
    let account = emulator
        .seed(&Account {
            accountid: None,
            name: Some("Contoso".into()),
        })
        .unwrap();
    let sessions: Vec<Guid> = (0..2)
        .map(|i| {
            emulator
                .seed(&ReferentialSession {
                    subject: Some(format!("about Contoso {i}")),
                    regardingobjectid: Some(ReferentialRegarding::Account(account)),
                    ..Default::default()
                })
                .unwrap()
        })
        .collect();
    let server = emulator.serve().unwrap();
    let agent = client();
    let (status, _, _) = send(
        &agent,
        "DELETE",
        &format!("{}accounts({account})", server.url()),
        &[],
        None,
    );
    assert_eq!(status, 204);
    for id in sessions {
        let (status, _, text) = send(
            &agent,
            "GET",
            &format!(
                "{}msdyn_ocsessions({id})?$select={}",
                server.url(),
                ReferentialSession::select()
            ),
            &[],
            None,
        );
        assert_eq!(status, 200);
        let row: ReferentialSession = serde_json::from_str(&text).unwrap();
        assert!(row.subject.unwrap().starts_with("about Contoso"));
        assert_eq!(row.regardingobjectid, None);
    }
}

#[test]
fn batch_change_sets_are_all_or_nothing() {
    let emulator = sales();
    let bank = emulator
        .seed(&BankAccount {
            sample_bankaccountid: None,
            sample_name: Some("Savings".into()),
        })
        .unwrap();
    let server = emulator.serve().unwrap();
    let agent = client();
    let part = |content_id: u32, method: &str, url: &str, body: &str| {
        format!(
            "--changeset_1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: {content_id}\r\n\r\n{method} {url} HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{body}\r\n"
        )
    };
    let batch = |parts: String| {
        format!(
            "--batch_1\r\nContent-Type: multipart/mixed; boundary=changeset_1\r\n\r\n{parts}--changeset_1--\r\n--batch_1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nGET {}msdyn_ocsessions?$select=subject HTTP/1.1\r\n\r\n--batch_1--\r\n",
            server.url()
        )
    };
    let bind = format!(
        r#"{{"subject":"in a batch","regardingobjectid_sample_bankaccount_msdyn_ocsession@odata.bind":"/sample_bankaccounts({bank})"}}"#
    );
    let send_batch = |body: String| {
        send(
            &agent,
            "POST",
            &format!("{}$batch", server.url()),
            &[
                ("Content-Type", "multipart/mixed; boundary=batch_1"),
                ("Prefer", "odata.continue-on-error"),
            ],
            Some(body),
        )
    };

    // the second request fails (unknown column): the first is undone
    let failing = batch(
        part(1, "POST", "/api/data/v9.2/msdyn_ocsessions", &bind)
            + &part(
                2,
                "POST",
                "/api/data/v9.2/msdyn_ocsessions",
                r#"{"nosuchcolumn":1}"#,
            ),
    );
    let (status, headers, text) = send_batch(failing);
    assert_eq!(status, 200, "{text}");
    assert!(
        headers["Content-Type"]
            .to_str()
            .unwrap()
            .starts_with("multipart/mixed; boundary=batchresponse_")
    );
    assert!(text.contains("HTTP/1.1 400 Bad Request"), "{text}");
    assert!(emulator.rows("msdyn_ocsession").is_empty());

    // both succeed; `$1` refers to the row the first created
    let passing = batch(
        part(1, "POST", "msdyn_ocsessions", &bind)
            + &part(
                2,
                "PATCH",
                "$1",
                r#"{"subject":"renamed in the same change set"}"#,
            ),
    );
    let (status, _, text) = send_batch(passing);
    assert_eq!(status, 200);
    assert_eq!(text.matches("HTTP/1.1 204 No Content").count(), 2, "{text}");
    assert!(
        text.contains("renamed in the same change set"),
        "the GET after the change set sees it: {text}"
    );
    let rows = emulator.rows("msdyn_ocsession");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["subject"], "renamed in the same change set");

    // a batch cut off mid-part is refused whole
    let (status, _, text) =
        send_batch("--batch_1\r\nContent-Type: application/http\r\n\r\nPOST msdyn_ocsess".into());
    assert_eq!(status, 400, "{text}");
}

#[test]
fn the_server_stops_when_dropped() {
    let server = Emulator::new().table::<Account>().serve().unwrap();
    let address = server.address();
    let (status, _, _) = send(
        &client(),
        "GET",
        &format!("{}accounts", server.url()),
        &[],
        None,
    );
    assert_eq!(status, 200);
    drop(server);
    assert!(
        std::net::TcpStream::connect(address).is_err(),
        "the port is closed"
    );
}

/// Sends a request the runtime built; the answer as an `http::Response` for the runtime to read.
fn exchange(agent: &ureq::Agent, request: http::Request<Vec<u8>>) -> http::Response<Vec<u8>> {
    let response = agent.run(request).expect("the server answers");
    let (parts, mut body) = response.into_parts();
    let bytes = body.read_to_vec().unwrap_or_default();
    http::Response::from_parts(parts, bytes)
}

#[test]
fn the_workflow_with_the_runtime_request_builder() {
    use dataverse_model::query::Query;
    use dataverse_model::request::{IfMatch, ResponseError, Service, read_response};

    let emulator = sales();
    let savings = emulator
        .seed(&BankAccount {
            sample_bankaccountid: None,
            sample_name: Some("Savings".into()),
        })
        .unwrap();
    for subject in ["Chat 0", "Chat 1", "Chat 2"] {
        emulator
            .seed(&SalesSession {
                subject: Field::Value(subject.into()),
                regardingobjectid: Field::Value(SalesRegarding::SampleBankAccount(savings)),
                ..SalesSession::default()
            })
            .unwrap();
    }
    let server = emulator.serve().unwrap();
    let service = Service::new(&server.url()).unwrap();
    let agent = client();

    // the typed query, page by page: the runtime writes it, the emulator parses it
    let c = SalesSession::COLUMNS;
    let query = Query::<SalesSession>::new()
        .filter(
            c.regardingobjectid
                .eq(savings)
                .and(c.subject.starts_with("Chat")),
        )
        .order_by(c.subject.desc())
        .include_annotations("*")
        .max_page_size(2);
    let mut sessions = Vec::new();
    let mut request = service.retrieve_multiple(&query).unwrap();
    loop {
        let page: Page<SalesSession> = read_response(&exchange(&agent, request)).unwrap();
        sessions.extend(page.value);
        match page.next_link {
            Some(link) => request = service.next_page(&query, &link).unwrap(),
            None => break,
        }
    }
    let subjects: Vec<_> = sessions.iter().map(|s| s.subject.clone()).collect();
    assert_eq!(
        subjects,
        ["Chat 2", "Chat 1", "Chat 0"].map(|s| Field::Value(s.to_owned()))
    );

    // update with the etag; the stale etag is a PreconditionFailed
    let mut first = sessions[0].clone();
    let id = first.activityid.into_option().unwrap();
    let etag = first.etag.clone().unwrap();
    first.subject = Field::Value("Chat 2, followed up".into());
    let update = service.update(id, &first, IfMatch::Etag(&etag)).unwrap();
    read_response::<()>(&exchange(&agent, update)).unwrap();
    let stale = service.update(id, &first, IfMatch::Etag(&etag)).unwrap();
    match read_response::<()>(&exchange(&agent, stale)) {
        Err(ResponseError::PreconditionFailed { error }) => {
            assert_eq!(error.unwrap().code(), "0x80060882");
        }
        other => panic!("{other:?}"),
    }

    // create with a bind (the id read back from OData-EntityId), then delete it
    let new = SalesSession {
        subject: Field::Value("Opened from the bank account".into()),
        regardingobjectid: Field::Value(SalesRegarding::SampleBankAccount(savings)),
        ..SalesSession::default()
    };
    let created: Guid = read_response(&exchange(&agent, service.create(&new).unwrap())).unwrap();
    // a lookup of several targets reads back only with its `lookuplogicalname` annotation,
    // as from the service: retrieve with the query's `Prefer`
    let annotated = Query::<SalesSession>::new().include_annotations("*");
    let row: SalesSession = read_response(&exchange(
        &agent,
        service.retrieve_with(created, &annotated).unwrap(),
    ))
    .unwrap();
    assert_eq!(
        row.regardingobjectid,
        Field::Value(SalesRegarding::SampleBankAccount(savings))
    );
    read_response::<()>(&exchange(
        &agent,
        service.delete::<SalesSession>(created, None).unwrap(),
    ))
    .unwrap();
    match read_response::<SalesSession>(&exchange(
        &agent,
        service.retrieve::<SalesSession>(created).unwrap(),
    )) {
        Err(ResponseError::NotFound { .. }) => {}
        other => panic!("{other:?}"),
    }

    // the bank account's delete cascades to its sessions
    read_response::<()>(&exchange(
        &agent,
        service.delete::<BankAccount>(savings, None).unwrap(),
    ))
    .unwrap();
    let page: Page<SalesSession> = read_response(&exchange(
        &agent,
        service.retrieve_multiple(&annotated).unwrap(),
    ))
    .unwrap();
    assert!(page.value.is_empty());
}

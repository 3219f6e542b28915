//! The requests of a whole workflow on Sessions, built without sending anything: query the
//! sessions regarding a bank account, page through them, update one with its etag, create
//! one bound to the bank account, delete one. Each request is printed as a person reads it;
//! the answers are made-up responses read back the way a client would.
//!
//! Run with `cargo run --example session_requests`.

use dataverse_model::query::Query;
use dataverse_model::request::{
    Batch, ChangeSet, IfMatch, ResponseError, Service, read_batch_body, read_response,
};
use dataverse_model::{Field, Guid, Page};
use dataverse_model_tests::session::SalesSession;
use dataverse_model_tests::session_choices::SessionState;
use dataverse_model_tests::session_lookups::SalesRegarding;
use percent_encoding::percent_decode_str;

const ORG: &str = "https://contoso.crm.dynamics.com/api/data/v9.2/";

/// The request as a person reads it: the request line with the query decoded, the headers,
/// the body as indented JSON.
fn show(title: &str, request: &http::Request<Vec<u8>>) {
    println!("== {title}");
    let uri = request.uri().to_string();
    let readable = percent_decode_str(&uri).decode_utf8_lossy();
    println!("{} {readable}", request.method());
    for (name, value) in request.headers() {
        println!("{name}: {}", value.to_str().unwrap_or("<not text>"));
    }
    if !request.body().is_empty() {
        match serde_json::from_slice::<serde_json::Value>(request.body()) {
            Ok(json) => println!(
                "\n{}",
                serde_json::to_string_pretty(&json).unwrap_or_default()
            ),
            Err(_) => println!("\n{}", String::from_utf8_lossy(request.body())),
        }
    }
    println!();
}

fn answer(status: u16, headers: &[(&str, &str)], body: String) -> http::Response<Vec<u8>> {
    let mut builder = http::Response::builder().status(status);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(body.into_bytes()).expect("a valid response")
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let service = Service::new(ORG)?;
    let bank_account = Guid::parse_str("5e2b6a4f-7c1d-ef11-840a-000d3a5a1a2b")?;
    let c = SalesSession::COLUMNS;

    // 1. the open sessions regarding the bank account, newest first, two per page
    let query = Query::<SalesSession>::new()
        .select((c.activityid, c.subject, c.statecode, c.sample_channelnote))
        .filter(c.regardingobjectid.eq(bank_account) & c.statecode.eq(SessionState::Open))
        .order_by(c.msdyn_sessioncreatedon.desc())
        .include_annotations("OData.Community.Display.V1.FormattedValue")
        .max_page_size(2);
    show(
        "Sessions regarding the bank account",
        &service.retrieve_multiple(&query)?,
    );

    let ids = [
        "0928bcb4-bb27-ed11-9db1-002248274ada",
        "1a2b3c4d-0000-4000-8000-000000000002",
    ];
    let first_page = answer(
        200,
        &[("Content-Type", "application/json; odata.metadata=minimal")],
        format!(
            r#"{{"@odata.context":"{ORG}$metadata#msdyn_ocsessions(activityid,subject,statecode,sample_channelnote)",
            "value":[
              {{"@odata.etag":"W/\"585157\"","activityid":"{}","subject":"Card declined","statecode":0,"sample_channelnote":null}},
              {{"@odata.etag":"W/\"585160\"","activityid":"{}","subject":"New card","statecode":0,"sample_channelnote":"VIP"}}
            ],
            "@odata.nextLink":"{ORG}msdyn_ocsessions?$select=activityid,subject,statecode,sample_channelnote&$skiptoken=%3Ccookie%20pagenumber=%222%22%20/%3E"}}"#,
            ids[0], ids[1]
        ),
    );
    let page: Page<SalesSession> = read_response(&first_page)?;
    println!("-> {} sessions on the first page", page.value.len());
    println!();

    // 2. the next page: the link verbatim, the same Prefer header
    if let Some(link) = &page.next_link {
        show("The next page", &service.next_page(&query, link)?);
    }

    // 3. update the first session, only if nobody changed it since it was read
    let read = &page.value[0];
    let id = read.activityid.into_option().ok_or("no id")?;
    let etag = read.etag.as_deref().ok_or("no etag")?;
    // only the changed column: unset fields are never written
    let change = SalesSession {
        sample_channelnote: Field::Value("Called back".to_owned()),
        ..SalesSession::default()
    };
    let update = service.update(id, &change, IfMatch::Etag(etag))?;
    show("Update the first session with its etag", &update);
    let changed = answer(
        412,
        &[],
        r#"{"error":{"code":"0x80060882","message":"The version of the existing record doesn't match the RowVersion property provided."}}"#.to_owned(),
    );
    match read_response::<()>(&changed) {
        Err(error @ ResponseError::PreconditionFailed { .. }) => println!("-> {error}\n"),
        other => println!("-> unexpected: {other:?}\n"),
    }

    // 4. a new session bound to the bank account
    let new_session = SalesSession {
        subject: Field::Value("Follow-up on the card".to_owned()),
        regardingobjectid: Field::Value(SalesRegarding::SampleBankAccount(bank_account)),
        ..SalesSession::default()
    };
    show(
        "Create a session regarding the bank account",
        &service.create(&new_session)?,
    );
    let created = answer(
        204,
        &[(
            "OData-EntityId",
            &format!("{ORG}msdyn_ocsessions(3c4d5e6f-0000-4000-8000-000000000003)"),
        )],
        String::new(),
    );
    let new_id: Guid = read_response(&created)?;
    println!("-> created {new_id}\n");

    // 5. delete the second session
    let second = Guid::parse_str(ids[1])?;
    show(
        "Delete the second session",
        &service.delete::<SalesSession>(second, None)?,
    );

    // the create and the delete together, all or nothing
    let mut change_set = ChangeSet::new();
    change_set.push(service.create(&new_session)?)?;
    change_set.push(service.delete::<SalesSession>(second, None)?)?;
    let mut batch = Batch::with_boundary("batch_workflow");
    batch.push_change_set(change_set);
    let request = batch.into_request(&service)?;
    println!("== The create and the delete in one change set");
    println!("{} {}", request.method(), request.uri());
    println!(
        "{}",
        String::from_utf8_lossy(request.body()).replace("\r\n", "\n")
    );
    let parts = read_batch_body(
        "multipart/mixed; boundary=batchresponse_1",
        concat!(
            "--batchresponse_1\r\nContent-Type: multipart/mixed; boundary=changesetresponse_1\r\n\r\n",
            "--changesetresponse_1\r\nContent-Type: application/http\r\nContent-ID: 1\r\n\r\n",
            "HTTP/1.1 204 No Content\r\nOData-EntityId: https://contoso.crm.dynamics.com/api/data/v9.2/msdyn_ocsessions(4d5e6f70-0000-4000-8000-000000000004)\r\n\r\n",
            "--changesetresponse_1\r\nContent-Type: application/http\r\nContent-ID: 2\r\n\r\n",
            "HTTP/1.1 204 No Content\r\n\r\n",
            "--changesetresponse_1--\r\n--batchresponse_1--\r\n"
        )
        .as_bytes(),
    )?;
    for part in &parts {
        println!(
            "-> part {}: {}",
            part.content_id.as_deref().unwrap_or("-"),
            part.response.status()
        );
    }
    Ok(())
}

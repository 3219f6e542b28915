//! The requests workflow against the served emulator, with a real HTTP client: query the
//! sessions regarding a bank account page by page, update one with its etag, create one with
//! a bind, delete one, then delete the bank account and watch the Delete Cascade take its
//! sessions.
//!
//! `cargo run -p dataverse-model-emulator --example bank_account`

use dataverse_model::{Field, Guid, Page, dataverse_entity};
use dataverse_model_emulator::Emulator;
use dataverse_model_tests::session::SalesSession;
use dataverse_model_tests::session_choices::SalesSessionEventReason;
use dataverse_model_tests::session_lookups::SalesRegarding;

/// The Sales solution's bank account.
#[dataverse_entity(
    logical_name = "sample_bankaccount",
    entity_set = "sample_bankaccounts",
    primary_id = "sample_bankaccountid",
    primary_name = "sample_name"
)]
pub struct BankAccount {
    pub sample_bankaccountid: Option<Guid>,
    #[dataverse(max_length = 100)]
    pub sample_name: Option<String>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // the tables, by their compiled metadata, and a few rows
    let emulator = Emulator::new()
        .table::<SalesSession>()
        .table::<BankAccount>();
    let savings = emulator.seed(&BankAccount {
        sample_bankaccountid: None,
        sample_name: Some("Savings".into()),
    })?;
    for i in 0..3 {
        emulator.seed(&SalesSession {
            subject: Field::Value(format!("Chat {i} about savings")),
            msdyn_queueassignedreason: Field::Value(SalesSessionEventReason::BotTransferSession),
            regardingobjectid: Field::Value(SalesRegarding::SampleBankAccount(savings)),
            ..SalesSession::default()
        })?;
    }
    let server = emulator.serve()?;
    let root = server.url();
    println!("serving {root}");

    let agent = ureq::Agent::new_with_config(
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build(),
    );
    let send = |method: &str, url: &str, headers: &[(&str, &str)], body: String| {
        let mut request = http::Request::builder()
            .method(method)
            .uri(url)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .header("OData-Version", "4.0");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let mut response = agent.run(request.body(body.into_bytes())?)?;
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get("OData-EntityId")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let text = response.body_mut().read_to_string()?;
        Ok::<_, Box<dyn std::error::Error>>((status, location, text))
    };
    let prefer = "odata.include-annotations=\"*\",odata.maxpagesize=2";

    // 1. the sessions regarding the bank account, two per page
    let mut url = Some(format!(
        "{root}msdyn_ocsessions?$select={}&$filter=_regardingobjectid_value%20eq%20{savings}&$orderby=subject",
        SalesSession::select()
    ));
    let mut sessions = Vec::new();
    while let Some(page_url) = url {
        let (_, _, text) = send("GET", &page_url, &[("Prefer", prefer)], String::new())?;
        let page: Page<SalesSession> = serde_json::from_str(&text)?;
        println!("page of {} sessions", page.value.len());
        sessions.extend(page.value);
        url = page.next_link;
    }
    for session in &sessions {
        println!(
            "  {:?}, regarding {:?}",
            session.subject,
            session.formatted.get("regardingobjectid")
        );
    }

    // 2. update the first with the etag it was read with, then again with the stale etag
    let mut first = sessions[0].clone();
    let id = first.activityid.into_option().ok_or("no id")?;
    let etag = first.etag.clone().ok_or("no etag")?;
    first.subject = Field::Value("Chat 0, followed up".into());
    let body = serde_json::to_string(&first.update_payload())?;
    let row_url = format!("{root}msdyn_ocsessions({id})");
    let (status, _, _) = send("PATCH", &row_url, &[("If-Match", &etag)], body.clone())?;
    println!("update with the current etag: {status}");
    let (status, _, text) = send("PATCH", &row_url, &[("If-Match", &etag)], body)?;
    println!("update with the stale etag: {status} {text}");

    // 3. create a session with a bind to the bank account
    let new = SalesSession {
        subject: Field::Value("Opened from the bank account".into()),
        regardingobjectid: Field::Value(SalesRegarding::SampleBankAccount(savings)),
        ..SalesSession::default()
    };
    let body = serde_json::to_string(&new.create_payload())?;
    let (status, location, _) = send("POST", &format!("{root}msdyn_ocsessions"), &[], body)?;
    let created = location.ok_or("no OData-EntityId")?;
    println!("create: {status}, {created}");

    // 4. delete it
    let (status, _, _) = send("DELETE", &created, &[], String::new())?;
    println!("delete: {status}");

    // 5. delete the bank account: Delete Cascade takes its sessions
    let (status, _, _) = send(
        "DELETE",
        &format!("{root}sample_bankaccounts({savings})"),
        &[],
        String::new(),
    )?;
    let left = emulator.rows("msdyn_ocsession").len();
    println!("delete the bank account: {status}; sessions left: {left}");
    for event in emulator.journal() {
        println!(
            "  cascade {} via {}: {:?} {} {}",
            event.action, event.relationship, event.effect, event.child.0, event.child.1
        );
    }
    assert_eq!(left, 0);
    Ok(())
}

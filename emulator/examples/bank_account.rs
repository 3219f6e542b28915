//! The requests workflow against the served emulator, with the runtime's typed query and
//! sans-IO requests sent by a real HTTP client: query the sessions regarding a bank account
//! page by page, update one with its etag, create one with a bind, delete one, then delete
//! the bank account and watch the Delete Cascade take its sessions.
//!
//! `cargo run -p dataverse-model-emulator --example bank_account`

use dataverse_model::query::Query;
use dataverse_model::request::{IfMatch, Service, read_response};
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
    println!("serving {}", server.url());
    let service = Service::new(&server.url())?;

    // any HTTP client sends the runtime's requests; this one is ureq
    let agent = ureq::Agent::new_with_config(
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build(),
    );
    let send = |request: http::Request<Vec<u8>>| -> Result<http::Response<Vec<u8>>, ureq::Error> {
        let (parts, mut body) = agent.run(request)?.into_parts();
        Ok(http::Response::from_parts(parts, body.read_to_vec()?))
    };

    // 1. the sessions regarding the bank account, two per page
    let c = SalesSession::COLUMNS;
    let query = Query::<SalesSession>::new()
        .filter(c.regardingobjectid.eq(savings))
        .order_by(c.subject.asc())
        .include_annotations("*")
        .max_page_size(2);
    let mut sessions = Vec::new();
    let mut request = service.retrieve_multiple(&query)?;
    loop {
        let page: Page<SalesSession> = read_response(&send(request)?)?;
        println!("page of {} sessions", page.value.len());
        sessions.extend(page.value);
        match page.next_link {
            Some(link) => request = service.next_page(&query, &link)?,
            None => break,
        }
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
    read_response::<()>(&send(service.update(id, &first, IfMatch::Etag(&etag))?)?)?;
    println!("update with the current etag: done");
    let stale = read_response::<()>(&send(service.update(id, &first, IfMatch::Etag(&etag))?)?);
    println!("update with the stale etag: {stale:?}");

    // 3. create a session with a bind to the bank account, 4. delete it
    let new = SalesSession {
        subject: Field::Value("Opened from the bank account".into()),
        regardingobjectid: Field::Value(SalesRegarding::SampleBankAccount(savings)),
        ..SalesSession::default()
    };
    let created: Guid = read_response(&send(service.create(&new)?)?)?;
    println!("created {created}");
    read_response::<()>(&send(service.delete::<SalesSession>(created, None)?)?)?;
    println!("deleted {created}");

    // 5. delete the bank account: Delete Cascade takes its sessions
    read_response::<()>(&send(service.delete::<BankAccount>(savings, None)?)?)?;
    let left = emulator.rows("msdyn_ocsession").len();
    println!("deleted the bank account; sessions left: {left}");
    for event in emulator.journal() {
        println!(
            "  cascade {} via {}: {:?} {} {}",
            event.action, event.relationship, event.effect, event.child.0, event.child.1
        );
    }
    assert_eq!(left, 0);
    Ok(())
}

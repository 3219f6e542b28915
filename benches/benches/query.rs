//! Building and percent-encoding a typed query with 10 conditions, against writing the same
//! query string with `format!` and percent-encoding by hand: criterion's estimates, then the
//! fastest of interleaved rounds and the ratio.
//!
//! `cargo bench --manifest-path benches/Cargo.toml --bench query` (from the repository root).

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::Criterion;
use dataverse_model::Guid;
use dataverse_model::query::Query;
use dataverse_model_tests::session::SalesSession;
use dataverse_model_tests::session_choices::{SalesSessionEventReason, SessionState};
use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use time::OffsetDateTime;
use time::macros::datetime;

struct Inputs {
    bank_account: Guid,
    note: String,
    not_subject: String,
    from: OffsetDateTime,
    to: OffsetDateTime,
}

fn inputs() -> Inputs {
    Inputs {
        bank_account: Guid::parse_str("5e2b6a4f-7c1d-ef11-840a-000d3a5a1a2b").unwrap(),
        note: "card & co #1 (100%)".to_owned(),
        not_subject: "O'Neil's".to_owned(),
        from: datetime!(2024-01-01 00:00:00 UTC),
        to: datetime!(2024-07-01 12:30:00 UTC),
    }
}

/// (a) the typed query.
fn typed(inputs: &Inputs) -> String {
    let c = SalesSession::COLUMNS;
    Query::<SalesSession>::new()
        .filter(
            c.regardingobjectid.eq(inputs.bank_account)
                & c.statecode.eq(SessionState::Open)
                & c.sample_channelnote.contains(&inputs.note)
                & c.subject.ne(inputs.not_subject.as_str())
                & c.msdyn_sessioncreatedon.ge(inputs.from)
                & c.msdyn_sessioncreatedon.lt(inputs.to)
                & c.versionnumber.gt(1000)
                & c.sample_channelnote.is_not_null()
                & c.msdyn_queueassignedreason.is_in([
                    SalesSessionEventReason::BotTransferSession,
                    SalesSessionEventReason::BotEndConversation,
                ])
                & c.msdyn_sessioncreatedon.last_x_days(30),
        )
        .order_by(c.msdyn_sessioncreatedon.desc())
        .top(50)
        .encoded()
}

const QUERY_VALUE: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'&')
    .add(b'+')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// (b) the same string by hand: quotes doubled, wildcards bracketed, each option encoded.
fn by_hand(inputs: &Inputs) -> String {
    let note: String = inputs
        .note
        .chars()
        .map(|c| match c {
            '%' | '_' | '[' => format!("[{c}]"),
            c => c.to_string(),
        })
        .collect();
    let filter = format!(
        "_regardingobjectid_value eq {} and statecode eq 0 and contains(sample_channelnote,'{}') \
         and subject ne '{}' and msdyn_sessioncreatedon ge {} and msdyn_sessioncreatedon lt {} \
         and versionnumber gt 1000 and sample_channelnote ne null and \
         Microsoft.Dynamics.CRM.In(PropertyName='msdyn_queueassignedreason',PropertyValues=[\"192350024\",\"192350025\"]) \
         and Microsoft.Dynamics.CRM.LastXDays(PropertyName='msdyn_sessioncreatedon',PropertyValue=30)",
        inputs.bank_account,
        note.replace('\'', "''"),
        inputs.not_subject.replace('\'', "''"),
        inputs
            .from
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap(),
        inputs
            .to
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap(),
    );
    format!(
        "$select={}&$filter={}&$orderby={}&$top=50",
        utf8_percent_encode(&SalesSession::select(), QUERY_VALUE),
        utf8_percent_encode(&filter, QUERY_VALUE),
        utf8_percent_encode("msdyn_sessioncreatedon desc", QUERY_VALUE),
    )
}

/// The fastest of `rounds` runs of `iterations` calls, for each routine in turn.
fn interleaved(inputs: &Inputs, rounds: usize, iterations: u32) -> [Duration; 2] {
    let mut best = [Duration::MAX; 2];
    for _ in 0..rounds {
        for (slot, routine) in [typed as fn(&Inputs) -> String, by_hand].iter().enumerate() {
            let start = Instant::now();
            for _ in 0..iterations {
                black_box(routine(black_box(inputs)));
            }
            best[slot] = best[slot].min(start.elapsed() / iterations);
        }
    }
    best
}

fn main() {
    let inputs = inputs();
    assert_eq!(
        typed(&inputs),
        by_hand(&inputs),
        "both write the same query string"
    );
    let mut criterion = Criterion::default().configure_from_args();
    let mut group = criterion.benchmark_group("query with 10 conditions");
    group.bench_function("(a) typed query", |b| b.iter(|| typed(black_box(&inputs))));
    group.bench_function("(b) format! by hand", |b| {
        b.iter(|| by_hand(black_box(&inputs)))
    });
    group.finish();

    let [a, b] = interleaved(&inputs, 30, 2_000);
    println!();
    println!("| build + encode, 10 conditions | time / query |");
    println!("|---|---:|");
    println!("| (a) typed query | {:.2} µs |", a.as_secs_f64() * 1e6);
    println!(
        "| (b) format! + percent-encoding by hand | {:.2} µs |",
        b.as_secs_f64() * 1e6
    );
    println!(
        "a/b time ratio: {:.2} (fastest of 30 interleaved rounds of 2,000)",
        a.as_secs_f64() / b.as_secs_f64()
    );
}

//! Loopback load: concurrent clients, mixed reads and writes, nothing lost; optimistic
//! concurrency on one row: exactly one update wins per version. Figures come from the
//! ignored test (`cargo test -p dataverse-model-emulator --release --test load -- --ignored
//! --nocapture`); the others check correctness only (no timing).

mod common;

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use common::{client, sales, send};
use dataverse_model_emulator::{Emulator, Server};
use serde_json::{Value, json};

/// What one client saw acknowledged: its rows' last written subject, or deleted.
type Acknowledged = HashMap<String, Option<String>>;

/// Runs `clients` threads × `requests` mixed requests (create, update with `If-Match`,
/// query, retrieve, delete) against a served emulator; returns what each client saw
/// acknowledged and every request's latency.
struct Load {
    acknowledged: Vec<Acknowledged>,
    latencies: Vec<(Duration, &'static str)>,
    elapsed: Duration,
    emulator: Emulator,
    /// Kept running until the checks are done.
    _server: Server,
}

fn mixed_load(clients: usize, requests: usize) -> Load {
    let emulator = sales();
    let server = emulator.serve().unwrap();
    let root = server.url();
    let latencies = Mutex::new(Vec::with_capacity(clients * requests));
    let started = Instant::now();
    let acknowledged: Vec<Acknowledged> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..clients)
            .map(|client_no| {
                let (root, latencies) = (&root, &latencies);
                scope.spawn(move || {
                    let agent = client();
                    let mut mine: Acknowledged = HashMap::new();
                    let mut live: Vec<(String, String)> = Vec::new(); // (url, etag)
                    let mut times = Vec::with_capacity(requests);
                    for i in 0..requests {
                        let begin = Instant::now();
                        let kind = match i % 5 {
                            0 | 1 if live.len() < 20 || i % 5 == 0 => {
                                let subject = format!("client {client_no} row {i}");
                                let (status, headers, text) = send(
                                    &agent,
                                    "POST",
                                    &format!("{root}msdyn_ocsessions"),
                                    &[],
                                    Some(json!({"subject": subject}).to_string()),
                                );
                                assert_eq!(status, 204, "{text}");
                                let url = headers["OData-EntityId"].to_str().unwrap().to_owned();
                                let etag = headers["ETag"].to_str().unwrap().to_owned();
                                mine.insert(url.clone(), Some(subject));
                                live.push((url, etag));
                                "create"
                            }
                            1 | 2 if !live.is_empty() => {
                                let k = i % live.len();
                                let (url, etag) = live[k].clone();
                                let subject = format!("client {client_no} update {i}");
                                let (status, headers, text) = send(
                                    &agent,
                                    "PATCH",
                                    &url,
                                    &[("If-Match", &etag)],
                                    Some(json!({"subject": subject}).to_string()),
                                );
                                // only this client writes its rows: its etag is current
                                assert_eq!(status, 204, "{text}");
                                live[k].1 = headers["ETag"].to_str().unwrap().to_owned();
                                mine.insert(url, Some(subject));
                                "update"
                            }
                            3 if !live.is_empty() && i % 15 == 3 => {
                                let (url, _) = live.swap_remove(i % live.len());
                                let (status, _, text) = send(&agent, "DELETE", &url, &[], None);
                                assert_eq!(status, 204, "{text}");
                                mine.insert(url, None);
                                "delete"
                            }
                            _ => {
                                let (status, _, text) = send(
                                    &agent,
                                    "GET",
                                    &format!("{root}msdyn_ocsessions?$select=subject&$filter=startswith(subject,'client%20{client_no}%20')&$top=10"),
                                    &[],
                                    None,
                                );
                                assert_eq!(status, 200, "{text}");
                                "query"
                            }
                        };
                        times.push((begin.elapsed(), kind));
                    }
                    latencies.lock().unwrap().extend(times);
                    mine
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let elapsed = started.elapsed();
    let latencies = latencies.into_inner().unwrap();
    Load {
        acknowledged,
        latencies,
        elapsed,
        emulator,
        _server: server,
    }
}

/// Every acknowledged write reads back: live rows hold their last subject, deleted ones
/// are gone.
fn check_nothing_lost(acknowledged: &[Acknowledged], emulator: &Emulator) -> usize {
    let mut checked = 0;
    let rows = emulator.rows("msdyn_ocsession");
    let by_id: HashMap<String, &serde_json::Map<String, Value>> = rows
        .iter()
        .map(|r| (r["activityid"].as_str().unwrap().to_owned(), r))
        .collect();
    for mine in acknowledged {
        for (url, subject) in mine {
            let id = url.rsplit_once('(').unwrap().1.trim_end_matches(')');
            match subject {
                Some(subject) => assert_eq!(by_id[id]["subject"], subject.as_str(), "{url}"),
                None => assert!(!by_id.contains_key(id), "{url} was deleted"),
            }
            checked += 1;
        }
    }
    let live: usize = acknowledged
        .iter()
        .map(|m| m.values().filter(|s| s.is_some()).count())
        .sum();
    assert_eq!(rows.len(), live, "no row the clients did not create");
    checked
}

#[test]
fn nothing_is_lost_under_concurrent_load() {
    let load = mixed_load(4, 120);
    assert_eq!(load.latencies.len(), 4 * 120);
    assert!(check_nothing_lost(&load.acknowledged, &load.emulator) > 0);
    // and the same through HTTP: each live row's GET shows its last subject
    let agent = client();
    for (url, subject) in load.acknowledged.iter().flatten().take(40) {
        let (status, _, text) = send(&agent, "GET", url, &[], None);
        match subject {
            Some(subject) => {
                assert_eq!(status, 200);
                let row: Value = serde_json::from_str(&text).unwrap();
                assert_eq!(row["subject"], subject.as_str());
            }
            None => assert_eq!(status, 404),
        }
    }
}

#[test]
#[ignore = "load figures: run with --release --ignored --nocapture"]
fn loopback_load_figures() {
    let (clients, requests) = (8, common::env_number("LOAD_REQUESTS", 2_000));
    let Load {
        acknowledged,
        mut latencies,
        elapsed,
        emulator,
        _server,
    } = mixed_load(clients, requests);
    let checked = check_nothing_lost(&acknowledged, &emulator);
    latencies.sort();
    let percentile =
        |p: f64| latencies[((latencies.len() as f64 * p) as usize).min(latencies.len() - 1)].0;
    println!(
        "slowest: {:?}",
        &latencies[latencies.len().saturating_sub(8)..]
    );
    println!(
        "{clients} clients x {requests} mixed requests: {} requests in {:.2?} = {:.0} requests/s; latency p50 {:.2?}, p99 {:.2?}, max {:.2?}; {checked} acknowledged writes read back",
        latencies.len(),
        elapsed,
        latencies.len() as f64 / elapsed.as_secs_f64(),
        percentile(0.50),
        percentile(0.99),
        latencies.last().unwrap().0,
    );
}

#[test]
fn concurrent_if_match_updates_one_winner_per_version() {
    let emulator = sales();
    let id = emulator
        .seed_json(
            "msdyn_ocsessions",
            json!({"subject": "contended", "actualdurationminutes": 0}),
        )
        .unwrap();
    let server = emulator.serve().unwrap();
    let url = format!("{}msdyn_ocsessions({id})", server.url());
    let attempts: Vec<(String, u16)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|_| {
                let url = &url;
                scope.spawn(move || {
                    let agent = client();
                    let mut seen = Vec::new();
                    for _ in 0..40 {
                        let (_, _, text) = send(
                            &agent,
                            "GET",
                            &format!("{url}?$select=actualdurationminutes"),
                            &[],
                            None,
                        );
                        let row: Value = serde_json::from_str(&text).unwrap();
                        let etag = row["@odata.etag"].as_str().unwrap().to_owned();
                        let counter = row["actualdurationminutes"].as_i64().unwrap();
                        let (status, _, _) = send(
                            &agent,
                            "PATCH",
                            url,
                            &[("If-Match", &etag)],
                            Some(json!({"actualdurationminutes": counter + 1}).to_string()),
                        );
                        assert!(status == 204 || status == 412, "{status}");
                        seen.push((etag, status));
                    }
                    seen
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let mut wins: HashMap<&str, usize> = HashMap::new();
    for (etag, status) in &attempts {
        *wins.entry(etag).or_default() += usize::from(*status == 204);
    }
    assert!(
        wins.values().all(|w| *w == 1),
        "every version tried is won exactly once: {wins:?}"
    );
    let total_wins: usize = wins.values().sum();
    let row = emulator.row("msdyn_ocsession", id).unwrap();
    assert_eq!(
        row["actualdurationminutes"], total_wins as i64,
        "no update lost"
    );
    let refused = attempts.iter().filter(|(_, s)| *s == 412).count();
    assert!(refused > 0, "the clients did contend");
    println!(
        "{} If-Match updates on one row: {total_wins} won (one per version), {refused} refused with 412",
        attempts.len()
    );
}

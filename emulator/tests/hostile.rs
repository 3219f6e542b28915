//! Hostile requests: an error response each, never a panic, and a request that fails leaves
//! the stored data as it was. Mutation fuzzing uses the project's mutator
//! (`dataverse_model_tests::fuzzing`) on valid requests; targeted cases cover deep nesting,
//! huge bodies, path traversal in ids, a `$batch` cut off mid-part and bytes that are not HTTP.

mod common;

use std::io::{Read, Write};

use common::{BankAccount, call, client, sales, send};
use dataverse_model_emulator::Emulator;
use dataverse_model_tests::fuzzing::{Rng, env_number, mutate};
use serde_json::{Map, Value};

type Snapshot = Vec<Vec<Map<String, Value>>>;

fn snapshot(emulator: &Emulator) -> Snapshot {
    ["msdyn_ocsession", "sample_bankaccount", "account"]
        .iter()
        .map(|t| emulator.rows(t))
        .collect()
}

fn seeded() -> (Emulator, String) {
    let emulator = sales();
    let bank = emulator
        .seed(&BankAccount {
            sample_bankaccountid: None,
            sample_name: Some("Savings".into()),
        })
        .unwrap();
    emulator
        .seed_json(
            "msdyn_ocsessions",
            serde_json::json!({
                "subject": "seeded",
                "regardingobjectid_sample_bankaccount_msdyn_ocsession@odata.bind": format!("/sample_bankaccounts({bank})"),
            }),
        )
        .unwrap();
    (emulator, bank.to_string())
}

/// Sends raw parts through the sans-IO core; `None` when `http` itself refuses the URI or
/// method (a server would answer 400 before the emulator sees it).
fn raw_call(
    emulator: &Emulator,
    method: &[u8],
    uri: &[u8],
    headers: &[(&str, &str)],
    body: Vec<u8>,
) -> Option<http::Response<Vec<u8>>> {
    let method = http::Method::from_bytes(method).ok()?;
    let uri = http::Uri::try_from(uri).ok()?;
    let mut request = http::Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    Some(emulator.handle(request.body(body).ok()?))
}

/// A failed request changed nothing; an error is in the service's shape.
fn check(emulator: &Emulator, before: &Snapshot, response: &http::Response<Vec<u8>>, what: &str) {
    let status = response.status().as_u16();
    if status >= 400 {
        let body: Value = serde_json::from_slice(response.body())
            .unwrap_or_else(|e| panic!("{what}: an error body is JSON ({e})"));
        assert!(
            body["error"]["code"].is_string() && body["error"]["message"].is_string(),
            "{what}: {body}"
        );
        assert_eq!(
            &snapshot(emulator),
            before,
            "{what}: a failed request changed the data"
        );
    }
}

#[test]
fn mutated_requests_never_panic_and_failures_change_nothing() {
    let (emulator, bank) = seeded();
    let batch_body = "--batch_1\r\nContent-Type: multipart/mixed; boundary=changeset_1\r\n\r\n--changeset_1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: 1\r\n\r\nPOST msdyn_ocsessions HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"subject\":\"b\"}\r\n--changeset_1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: 2\r\n\r\nPATCH $1 HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"nosuch\":1}\r\n--changeset_1--\r\n--batch_1--\r\n".to_owned();
    let seeds: Vec<(&str, String, Vec<u8>)> = vec![
        ("POST", "/api/data/v9.2/msdyn_ocsessions".into(), format!(
            r#"{{"subject":"x","msdyn_queueassignedreason":192350024,"regardingobjectid_sample_bankaccount_msdyn_ocsession@odata.bind":"/sample_bankaccounts({bank})"}}"#
        ).into_bytes()),
        ("PATCH", format!("/api/data/v9.2/sample_bankaccounts({bank})"), br#"{"sample_name":"renamed"}"#.to_vec()),
        ("GET", format!(
            "/api/data/v9.2/msdyn_ocsessions?$select=subject,_regardingobjectid_value&$filter=(_regardingobjectid_value%20eq%20{bank}%20and%20contains(subject,'se'))%20or%20Microsoft.Dynamics.CRM.In(PropertyName='subject',PropertyValues=[%22a%22,%22b%22])&$orderby=subject%20desc&$count=true&$expand=regardingobjectid_sample_bankaccount_msdyn_ocsession($select=sample_name)"
        ), Vec::new()),
        ("DELETE", "/api/data/v9.2/msdyn_ocsessions(00000000-0000-0000-0000-000000000009)".into(), Vec::new()),
        ("POST", "/api/data/v9.2/$batch".into(), batch_body.into_bytes()),
    ];
    let corpus: Vec<Vec<u8>> = seeds
        .iter()
        .flat_map(|(_, uri, body)| [uri.clone().into_bytes(), body.clone()])
        .collect();
    let mut rng = Rng(env_number("FUZZ_SEED", 0x5eed));
    let cases = env_number("EMULATOR_FUZZ_CASES", 1_000);
    let (mut answered, mut failed) = (0, 0);
    for case in 0..cases {
        let (method, uri, body) = &seeds[rng.below(seeds.len())];
        let (uri, body) = match rng.below(3) {
            0 => (mutate(uri.as_bytes(), &corpus, &mut rng), body.clone()),
            1 => (uri.clone().into_bytes(), mutate(body, &corpus, &mut rng)),
            _ => (
                mutate(uri.as_bytes(), &corpus, &mut rng),
                mutate(body, &corpus, &mut rng),
            ),
        };
        let content_type = if uri.ends_with(b"$batch") {
            "multipart/mixed; boundary=batch_1"
        } else {
            "application/json"
        };
        let before = snapshot(&emulator);
        let Some(response) = raw_call(
            &emulator,
            method.as_bytes(),
            &uri,
            &[
                ("Content-Type", content_type),
                (
                    "Prefer",
                    "odata.include-annotations=\"*\",odata.maxpagesize=2",
                ),
            ],
            body,
        ) else {
            continue;
        };
        answered += 1;
        failed += usize::from(response.status().as_u16() >= 400);
        check(
            &emulator,
            &before,
            &response,
            &format!("case {case}: {}", String::from_utf8_lossy(&uri)),
        );
    }
    assert!(
        answered > cases / 2 && failed > 0,
        "{answered} answered, {failed} failed"
    );
}

#[test]
fn targeted_hostile_requests() {
    let (emulator, _) = seeded();
    let before = snapshot(&emulator);
    let deep_filter = format!(
        "/msdyn_ocsessions?$filter={}subject%20eq%20'a'{}",
        "(".repeat(5_000),
        ")".repeat(5_000)
    );
    let nots = format!(
        "/msdyn_ocsessions?$filter={}subject%20eq%20'a'",
        "not%20".repeat(5_000)
    );
    let deep_json = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
    let cases: Vec<(&str, String, Vec<u8>)> = vec![
        ("GET", deep_filter, vec![]),
        ("GET", nots, vec![]),
        ("GET", "/msdyn_ocsessions?$filter=subject%20eq".into(), vec![]),
        ("GET", "/msdyn_ocsessions?$filter=contains(subject".into(), vec![]),
        ("GET", "/msdyn_ocsessions?$filter=subject%20eq%20'unclosed".into(), vec![]),
        ("GET", "/msdyn_ocsessions?$filter=nosuchcolumn%20eq%201".into(), vec![]),
        ("GET", "/msdyn_ocsessions?$select=subject,,".into(), vec![]),
        ("GET", "/msdyn_ocsessions?$top=-1".into(), vec![]),
        ("GET", "/msdyn_ocsessions?$skiptoken=abc".into(), vec![]),
        ("GET", "/msdyn_ocsessions(..%2F..%2Fetc%2Fpasswd)".into(), vec![]),
        ("GET", "/msdyn_ocsessions/../../../etc/passwd".into(), vec![]),
        ("GET", "/..%2F..%2Fetc%2Fpasswd".into(), vec![]),
        ("DELETE", "/msdyn_ocsessions(..%2F..)".into(), vec![]),
        ("PATCH", "/msdyn_ocsessions(00000000-0000-0000-0000-000000000001%2F..%2F..)".into(), b"{}".to_vec()),
        ("POST", "/msdyn_ocsessions".into(), b"{\"subject\": \"unterminated".to_vec()),
        ("POST", "/msdyn_ocsessions".into(), deep_json.into_bytes()),
        ("POST", "/msdyn_ocsessions".into(), b"[1,2,3]".to_vec()),
        ("POST", "/msdyn_ocsessions".into(), vec![0xff, 0xfe, 0x00]),
        ("POST", "/msdyn_ocsessions".into(), b"{\"subject\": 5}".to_vec()),
        ("POST", "/msdyn_ocsessions".into(), b"{\"nosuchcolumn\": 5}".to_vec()),
        ("POST", "/msdyn_ocsessions".into(), b"{\"regardingobjectid_sample_bankaccount_msdyn_ocsession@odata.bind\": \"/sample_bankaccounts(../../x)\"}".to_vec()),
        ("POST", "/nosuchtable".into(), b"{}".to_vec()),
        ("POST", "/$batch".into(), b"--batch_1\r\nContent-Type: application/http\r\n\r\nPOST msdyn_ocsessions HTTP/1.1\r\n\r\n{\"subject\":\"cut".to_vec()),
    ];
    for (method, uri, body) in cases {
        let response = raw_call(
            &emulator,
            method.as_bytes(),
            uri.as_bytes(),
            &[(
                "Content-Type",
                if uri.contains("$batch") {
                    "multipart/mixed; boundary=batch_1"
                } else {
                    "application/json"
                },
            )],
            body,
        )
        .unwrap();
        assert!(
            response.status().as_u16() >= 400,
            "{method} {uri}: {}",
            response.status()
        );
        check(&emulator, &before, &response, &format!("{method} {uri}"));
    }
    let (status, _, _) = call(&emulator, "GET", "/msdyn_ocsessions", &[], None);
    assert_eq!(status, 200, "the emulator still answers");
}

#[test]
fn the_server_refuses_huge_bodies_and_bytes_that_are_not_http() {
    let (emulator, _) = seeded();
    let emulator = emulator.max_body(1024 * 1024);
    let server = emulator.serve().unwrap();
    let before = snapshot(&emulator);
    // a body over the limit: refused from its declared length, before it is sent
    let mut stream = std::net::TcpStream::connect(server.address()).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "POST /api/data/v9.2/msdyn_ocsessions HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        server.address(),
        2 * 1024 * 1024
    )
    .unwrap();
    let mut answer = [0; 12];
    stream.read_exact(&mut answer).unwrap();
    assert_eq!(&answer, b"HTTP/1.1 413");
    drop(stream);
    // and one that comes in chunks, with no length declared, is cut off at the limit
    let chunked = std::iter::repeat_n("x", 2 * 1024 * 1024).collect::<String>();
    let mut stream = std::net::TcpStream::connect(server.address()).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "POST /api/data/v9.2/msdyn_ocsessions HTTP/1.1\r\nHost: {}\r\nTransfer-Encoding: chunked\r\n\r\n",
        server.address()
    )
    .unwrap();
    for chunk in chunked.as_bytes().chunks(64 * 1024) {
        if write!(stream, "{:x}\r\n", chunk.len()).is_err()
            || stream.write_all(chunk).is_err()
            || stream.write_all(b"\r\n").is_err()
        {
            break; // the server stopped reading: its answer is waiting
        }
    }
    // the answer is 413, unless the connection was reset first (the server closes a
    // connection whose body it did not read, and a reset may beat the answer)
    let mut answer = [0; 12];
    if stream.read_exact(&mut answer).is_ok() {
        assert_eq!(&answer, b"HTTP/1.1 413");
    }

    for garbage in [&b"\x00\x01\x02 not http\r\n\r\n"[..], b"GET /api/data/v9.2/msdyn_ocsessions HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n", b"GET"] {
        let mut stream = std::net::TcpStream::connect(server.address()).unwrap();
        stream.set_read_timeout(Some(std::time::Duration::from_secs(5))).unwrap();
        stream.write_all(garbage).unwrap();
        let _ = stream.shutdown(std::net::Shutdown::Write);
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
    }
    assert_eq!(snapshot(&emulator), before);
    let (status, _, _) = send(
        &client(),
        "GET",
        &format!("{}msdyn_ocsessions", server.url()),
        &[],
        None,
    );
    assert_eq!(status, 200, "the server still answers");
}

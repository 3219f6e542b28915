//! A mutation fuzzer on stable Rust: it mutates the real response fixtures byte by byte and
//! token by token and asserts that decoding never panics, and that whatever decodes renders
//! ([`Entity::response_body`]) and decodes again to the same value.
//!
//! It is *outcome-guided*, not coverage-guided: a mutated input joins the corpus when it gives
//! an outcome (decoded, or the column named and the kind of error) not seen before. The
//! coverage-guided fuzzer, with the same targets and invariants, is the `fuzz/` package at the
//! repository root (outside the workspace: it needs SanitizerCoverage codegen flags).
//!
//! `FUZZ_CASES` sets the number of mutated inputs (default 30,000: a few seconds in CI) and
//! `FUZZ_SEED` the seed (default fixed, so a failure reproduces). A longer run:
//! `FUZZ_CASES=1000000 cargo test --release -p dataverse-model-tests --test fuzz -- --nocapture`.

use std::collections::HashSet;
use std::panic::{AssertUnwindSafe, catch_unwind};

use dataverse_model::{Entity, Operation, Page};
use dataverse_model_tests::all_kinds::AllKinds;
use dataverse_model_tests::session::{SalesSession, Session};
use serde::de::DeserializeOwned;

const PAGE: &str = include_str!("../fixtures/sessions.page.json");
const NO_ANNOTATIONS: &str = include_str!("../fixtures/session.no-annotations.json");

/// A row of every kind, to seed the corpus with the columns the fixtures lack.
const ALL_KINDS: &str = r#"{"sample_allkindsid": "0928bcb4-bb27-ed11-9db1-002248274ada",
 "sample_name": "n\u00e9\"\\", "sample_count": -2147483648, "sample_big": 9223372036854775807,
 "sample_amount": 12345.6789, "sample_price": "-0.5", "sample_ratio": 1.5e-7,
 "sample_flag": true, "sample_when": "2024-02-29T23:59:59.123456789+05:30",
 "sample_day": "1753-01-01", "sample_reason": 192350004, "sample_salesreason": 192350024,
 "sample_reasons": "192350000, 7,192350047",
 "sample_reason@OData.Community.Display.V1.FormattedValue": "PostchatSurvey"}"#;

const TOKENS: &[&str] = &[
    "null",
    "true",
    "false",
    "0",
    "-0",
    "-1",
    "1e400",
    "-1e400",
    "1e-400",
    "2147483648",
    "-2147483649",
    "9223372036854775808",
    "18446744073709551616",
    "0.00000000000000000000000000001",
    "79228162514264337593543950336",
    "1.5",
    "\"\"",
    "\"x\"",
    "\"\\ud800\"",
    "\"\\u0000\"",
    "\"1,2,x\"",
    "\"0928bcb4-bb27-ed11-9db1-002248274ada\"",
    "\"1752-12-31\"",
    "\"0001-01-01T00:00:00Z\"",
    "\"2024-13-45\"",
    "[]",
    "{}",
    "[[[[[[",
    "]]]",
    "{\"a\":",
    ",",
    ":",
    "\"",
    "\\",
    "@",
    "\"_regardingobjectid_value\"",
    "\"_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname\"",
    "\"@OData.Community.Display.V1.FormattedValue\"",
    "\"@odata.etag\"",
    "\"value\"",
    "\"subject\"",
    "\"sample_reasons\"",
    "\"msdyn_queueassignedreason\"",
    "\u{e9}",
    "\u{1F600}",
];

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(input: &[u8], corpus: &[Vec<u8>], rng: &mut Rng) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(2) * rng.below(4) {
        let len = out.len();
        let at = rng.below(len + 1);
        match rng.below(10) {
            0 if len > 0 => out[at.min(len - 1)] ^= 1 << rng.below(8),
            1 if len > 0 => out[at.min(len - 1)] = rng.next() as u8,
            2 | 3 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                out.splice(at..at, token.iter().copied());
            }
            4 => {
                // replace the JSON value or token starting near `at`
                let end = (at + 1 + rng.below(24)).min(len);
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                out.splice(at..end, token.iter().copied());
            }
            5 => {
                let end = (at + rng.below(64)).min(len);
                out.drain(at..end);
            }
            6 => {
                let end = (at + rng.below(128)).min(len);
                let copy = out[at..end].to_vec();
                let to = rng.below(out.len() + 1);
                out.splice(to..to, copy);
            }
            7 => out.truncate(at),
            8 => {
                // splice a piece of another corpus entry
                let other = &corpus[rng.below(corpus.len())];
                let from = rng.below(other.len() + 1);
                let end = (from + rng.below(256)).min(other.len());
                out.splice(at..at, other[from..end].iter().copied());
            }
            _ => {
                // swap two quoted keys' worth of bytes: move a chunk
                let end = (at + rng.below(32)).min(len);
                let chunk: Vec<u8> = out.drain(at..end).collect();
                let to = rng.below(out.len() + 1);
                out.splice(to..to, chunk);
            }
        }
    }
    out
}

/// What happened: the target, and "ok" or the column (if named) and the kind of error, e.g.
/// `Session: subject: invalid type` (values, positions and quoted text left out).
fn outcome_signature(target: &str, result: &Result<(), String>) -> String {
    match result {
        Ok(()) => format!("{target}: ok"),
        Err(e) => {
            let (column, rest) = match e.strip_prefix("column `").and_then(|r| r.split_once("`: "))
            {
                Some((column, rest)) => (column, rest),
                None => ("", e.as_str()),
            };
            let kind: String = rest
                .split(['`', '"', ':', '(', '\''])
                .next()
                .unwrap_or_default()
                .split(" at line ")
                .next()
                .unwrap_or_default()
                .chars()
                .filter(|c| !c.is_ascii_digit())
                .collect();
            format!("{target}: {column}: {kind}")
        }
    }
}

/// Decodes `input` as `T`; if it decodes, renders it and checks it decodes to the same value.
fn check<T, R>(input: &[u8], render: R) -> Result<(), String>
where
    T: DeserializeOwned + PartialEq + std::fmt::Debug,
    R: Fn(&T) -> String,
{
    let value: T = serde_json::from_slice(input).map_err(|e| e.to_string())?;
    let rendered = render(&value);
    let back: T = serde_json::from_str(&rendered).unwrap_or_else(|e| {
        panic!("a decoded value renders to JSON that does not decode: {e}\n{rendered}")
    });
    assert_eq!(back, value, "render → decode changed the value\n{rendered}");
    Ok(())
}

fn row<E: Entity + PartialEq + std::fmt::Debug + DeserializeOwned>(
    input: &[u8],
) -> Result<(), String> {
    check::<E, _>(input, |row| {
        let _ = row.validate(Operation::Create);
        let _ = serde_json::to_string(&row.update_payload());
        serde_json::to_string(&row.response_body()).expect("a decoded row renders")
    })
}

fn page<E: Entity + PartialEq + std::fmt::Debug + DeserializeOwned>(
    input: &[u8],
) -> Result<(), String> {
    check::<Page<E>, _>(input, |page| {
        serde_json::to_string(page).expect("a decoded page renders")
    })
}

type Target = (&'static str, fn(&[u8]) -> Result<(), String>);

const TARGETS: &[Target] = &[
    ("Page<SalesSession>", page::<SalesSession>),
    ("Page<Session>", page::<Session>),
    ("SalesSession", row::<SalesSession>),
    ("Session", row::<Session>),
    ("AllKinds", row::<AllKinds>),
];

fn seeds() -> Vec<Vec<u8>> {
    let page: serde_json::Value = serde_json::from_str(PAGE).unwrap();
    let mut seeds = vec![
        PAGE.as_bytes().to_vec(),
        NO_ANNOTATIONS.as_bytes().to_vec(),
        ALL_KINDS.as_bytes().to_vec(),
    ];
    for row in page["value"].as_array().unwrap() {
        seeds.push(serde_json::to_vec_pretty(row).unwrap());
    }
    seeds
}

#[test]
fn decoding_mutated_fixtures_never_panics() {
    let cases = env_number("FUZZ_CASES", 30_000);
    let seed = env_number("FUZZ_SEED", 0xF0_22ED);
    let mut rng = Rng(seed | 1);
    let mut corpus = seeds();
    // inputs that decode as some target: mutated half of the time, to dig past the syntax
    let mut decodable: Vec<usize> = (0..corpus.len()).collect();
    let mut seen: HashSet<String> = HashSet::new();
    for input in &corpus {
        for (name, target) in TARGETS {
            seen.insert(outcome_signature(name, &target(input)));
        }
    }
    let (mut decoded, mut rejected) = (0u64, 0u64);
    for case in 0..cases {
        let parent = if rng.below(2) == 0 {
            &corpus[decodable[rng.below(decodable.len())]]
        } else {
            &corpus[rng.below(corpus.len())]
        };
        let input = mutate(parent, &corpus, &mut rng);
        let (mut new_outcome, mut any_decoded) = (false, false);
        for (name, target) in TARGETS {
            let result = catch_unwind(AssertUnwindSafe(|| target(&input))).unwrap_or_else(|_| {
                let path =
                    std::env::temp_dir().join(format!("dataverse-fuzz-{seed:x}-{case}.json"));
                let _ = std::fs::write(&path, &input);
                panic!(
                    "{name} panicked on case {case} (seed {seed:#x}); input saved to {}",
                    path.display()
                )
            });
            match &result {
                Ok(()) => {
                    decoded += 1;
                    any_decoded = true;
                }
                Err(_) => rejected += 1,
            }
            new_outcome |= seen.insert(outcome_signature(name, &result));
        }
        if new_outcome && corpus.len() < 4096 && input.len() < 1 << 16 {
            if any_decoded {
                decodable.push(corpus.len());
            }
            corpus.push(input);
        }
    }
    eprintln!(
        "fuzz: {cases} mutated inputs × {} targets (seed {seed:#x}): {decoded} decoded and round-tripped, \
         {rejected} rejected with an error, {} distinct outcomes, corpus {} ({} decodable)",
        TARGETS.len(),
        seen.len(),
        corpus.len(),
        decodable.len()
    );
}

//! The mutation fuzzers' shared parts: the seed corpus (the real response fixtures), the
//! mutator, and the decode targets with their round-trip checks. Used by
//! `tests/tests/fuzz.rs` (outcome-guided, in `cargo test`) and `fuzz/` (coverage-guided).

use dataverse_model::{DeltaPage, Entity, Operation, Page};
use serde::de::DeserializeOwned;

use crate::all_kinds::AllKinds;
use crate::session::{SalesSession, Session};
use crate::webapi_tables::{Account, Contact};

/// The real-shaped page fixture.
pub const PAGE: &str = include_str!("../fixtures/sessions.page.json");
/// A `$batch` answer (a change set and a `GET`), CRLF line ends.
pub const BATCH: &str = include_str!("../fixtures/batch.response.txt");
/// The boundary of [`BATCH`].
pub const BATCH_TYPE: &str =
    "multipart/mixed; boundary=batchresponse_c1bd45c1-dd81-470d-b897-e965846aad2f";
/// A row whose multi-target lookup comes without annotations.
pub const NO_ANNOTATIONS: &str = include_str!("../fixtures/session.no-annotations.json");

/// A row of every kind, to seed the corpus with the columns the fixtures lack.
pub const ALL_KINDS: &str = r#"{"sample_allkindsid": "0928bcb4-bb27-ed11-9db1-002248274ada",
 "sample_name": "n\u00e9\"\\", "sample_count": -2147483648, "sample_big": 9223372036854775807,
 "sample_amount": 12345.6789, "sample_price": "-0.5", "sample_ratio": 1.5e-7,
 "sample_flag": true, "sample_when": "2024-02-29T23:59:59.123456789+05:30",
 "sample_day": "1753-01-01", "sample_reason": 192350004, "sample_salesreason": 192350024,
 "sample_reasons": "192350000, 7,192350047",
 "sample_reason@OData.Community.Display.V1.FormattedValue": "PostchatSurvey"}"#;

/// JSON fragments the mutator splices in: edge values of every column kind.
pub const TOKENS: &[&str] = &[
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
    "\"error\"",
    "{\"code\":\"\",\"message\":\"m\"}",
    "\"@odata.context\"",
    "\"x/$deletedEntity\"",
    "\"@odata.deltaLink\"",
    "\"12.50\"",
    "\"638255741810315438\"",
    "\"NaN\"",
    "\u{e9}",
    "\u{1F600}",
];

/// A number from the environment variable `name`, or `default`.
pub fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// xorshift64*: deterministic, no dependency.
pub struct Rng(pub u64);

impl Rng {
    /// The next pseudo-random number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// One mutant of `input`: bit flips, random bytes, spliced tokens, deletions, moved chunks,
/// or a splice with another corpus entry.
pub fn mutate(input: &[u8], corpus: &[Vec<u8>], rng: &mut Rng) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(2) * rng.below(4) {
        let len = out.len();
        let at = rng.below(len + 1);
        match rng.below(10) {
            0 if len > 0 => out[at.min(len - 1)] ^= 1 << rng.below(8),
            1 if len > 0 => out[at.min(len - 1)] = rng.next_u64() as u8,
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
                // move a chunk
                let end = (at + rng.below(32)).min(len);
                let chunk: Vec<u8> = out.drain(at..end).collect();
                let to = rng.below(out.len() + 1);
                out.splice(to..to, chunk);
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Targets

/// Decodes `input` as `T`; if it decodes, renders it and checks it decodes to the same value.
pub fn check<T, R>(input: &[u8], render: R) -> Result<(), String>
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

/// Decodes a row, validates and encodes it, and checks that it renders back equal.
pub fn row<E: Entity + PartialEq + std::fmt::Debug + DeserializeOwned>(
    input: &[u8],
) -> Result<(), String> {
    check::<E, _>(input, |row| {
        let _ = row.validate(Operation::Create);
        let _ = serde_json::to_string(&row.update_payload());
        serde_json::to_string(&row.response_body()).expect("a decoded row renders")
    })
}

/// Decodes a page and checks that it renders back equal.
pub fn page<E: Entity + PartialEq + std::fmt::Debug + DeserializeOwned>(
    input: &[u8],
) -> Result<(), String> {
    check::<Page<E>, _>(input, |page| {
        serde_json::to_string(page).expect("a decoded page renders")
    })
}

/// Decodes a change-tracking page (which has no rendering to check against).
pub fn delta_page<E: Entity + DeserializeOwned>(input: &[u8]) -> Result<(), String> {
    serde_json::from_slice::<DeltaPage<E>>(input)
        .map(drop)
        .map_err(|e| e.to_string())
}

/// Reads a `$batch` answer; if it reads, reads every part as a response too.
pub fn batch(input: &[u8]) -> Result<(), String> {
    let parts =
        dataverse_model::request::read_batch_body(BATCH_TYPE, input).map_err(|e| e.to_string())?;
    for part in parts {
        let _ = dataverse_model::request::read_response::<()>(&part.response);
        let _ = dataverse_model::request::read_response::<Page<Session>>(&part.response);
    }
    Ok(())
}

/// A decode target: its name and the check.
pub type Target = (&'static str, fn(&[u8]) -> Result<(), String>);

/// Every decode target the fuzzers run.
pub const TARGETS: &[Target] = &[
    ("Page<SalesSession>", page::<SalesSession>),
    ("Page<Session>", page::<Session>),
    ("SalesSession", row::<SalesSession>),
    ("Session", row::<Session>),
    ("AllKinds", row::<AllKinds>),
    ("DeltaPage<Session>", delta_page::<Session>),
    ("Page<Account>", page::<Account>),
    ("Contact", row::<Contact>),
    ("$batch answer", batch),
];

/// The Web API reference bodies and the shapes seen in real environments
/// (`fixtures/webapi/`): pages, rows, error bodies, change-tracking pages.
pub const WEBAPI: &[&str] = &[
    include_str!("../fixtures/webapi/select-columns.response.json"),
    include_str!("../fixtures/webapi/formatted-values.response.json"),
    include_str!("../fixtures/webapi/lookup-annotations.response.json"),
    include_str!("../fixtures/webapi/page-results.page1.response.json"),
    include_str!("../fixtures/webapi/multiselect-containvalues.response.json"),
    include_str!("../fixtures/webapi/basic-ops.retrieve-contact.all-annotations.response.json"),
    include_str!("../fixtures/webapi/basic-ops.expand-primarycontact.response.json"),
    include_str!("../fixtures/webapi/associate-on-create.response.json"),
    include_str!("../fixtures/webapi/create-with-data-returned.response.json"),
    include_str!("../fixtures/webapi/initializefrom.response.json"),
    include_str!("../fixtures/webapi/error-with-annotations.response.INVALID-JSON.txt"),
    include_str!("../fixtures/error-with-annotations.response.json"),
    include_str!("../fixtures/webapi/error-empty-code.response.json"),
    include_str!("../fixtures/webapi/change-tracking.delta.response.json"),
    include_str!("../fixtures/webapi/annotations-after-value.response.json"),
    include_str!("../fixtures/webapi/fetchxml-nulls-left-out.response.json"),
    include_str!("../fixtures/webapi/multiselect-comma-label.response.json"),
    include_str!("../fixtures/webapi/money-and-versionnumber.response.json"),
    include_str!("../fixtures/webapi/ieee754-compatible.response.json"),
    include_str!("../fixtures/webapi/navigation-nextlink-in-row.response.json"),
];

/// The starting corpus: the fixtures (the Web API ones too), their rows one by one, and a row
/// of every kind.
pub fn seeds() -> Vec<Vec<u8>> {
    let page: serde_json::Value = serde_json::from_str(PAGE).expect("the page fixture decodes");
    let mut seeds = vec![
        PAGE.as_bytes().to_vec(),
        NO_ANNOTATIONS.as_bytes().to_vec(),
        ALL_KINDS.as_bytes().to_vec(),
        BATCH.as_bytes().to_vec(),
    ];
    seeds.extend(WEBAPI.iter().map(|body| body.as_bytes().to_vec()));
    for row in page["value"].as_array().expect("the page fixture has rows") {
        seeds.push(serde_json::to_vec_pretty(row).expect("a row renders"));
    }
    seeds
}

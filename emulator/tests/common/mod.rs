//! Tables and helpers the emulator's tests share: the Sales bank account and an account
//! table, beside the project's Session declarations.
#![allow(dead_code)]

use dataverse_model::{Guid, dataverse_entity, lookup};
use dataverse_model_emulator::Emulator;
use dataverse_model_tests::session::SalesSession;
use serde_json::Value;

/// The Sales solution's bank account (the parent of `sample_bankaccount_msdyn_ocsessions`).
#[dataverse_entity(
    logical_name = "sample_bankaccount",
    entity_set = "sample_bankaccounts",
    primary_id = "sample_bankaccountid",
    primary_name = "sample_name"
)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BankAccount {
    pub sample_bankaccountid: Option<Guid>,
    #[dataverse(max_length = 100)]
    pub sample_name: Option<String>,
}

/// An account (the parent of `account_msdyn_ocsessions`, parental).
#[dataverse_entity(
    logical_name = "account",
    entity_set = "accounts",
    primary_id = "accountid",
    primary_name = "name"
)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Account {
    pub accountid: Option<Guid>,
    #[dataverse(max_length = 160)]
    pub name: Option<String>,
}

lookup! {
    /// A test-only lookup: sessions regarding an account, linked referentially (Delete
    /// RemoveLink), or a contact, restricted (Delete Restrict).
    #[lookup(column = "regardingobjectid", table = "msdyn_ocsession", navigation = "regardingobjectid_{target}_msdyn_ocsession")]
    pub enum ReferentialRegarding {
        #[target(entity_set = "accounts", relationship = "account_msdyn_ocsessions",
                 referenced_attribute = "accountid", cascade(referential))]
        Account = "account",
        #[target(entity_set = "contacts", relationship = "contact_msdyn_ocsessions",
                 referenced_attribute = "contactid", cascade(restrict))]
        Contact = "contact",
    }
}

/// A session projection whose regarding lookup is referential (RemoveLink) for accounts.
#[dataverse_entity(
    logical_name = "msdyn_ocsession",
    entity_set = "msdyn_ocsessions",
    primary_id = "activityid",
    primary_name = "subject"
)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReferentialSession {
    pub activityid: Option<Guid>,
    #[dataverse(max_length = 200)]
    pub subject: Option<String>,
    pub regardingobjectid: Option<ReferentialRegarding>,
}

/// A contact (parent of the Restrict relationship above).
#[dataverse_entity(
    logical_name = "contact",
    entity_set = "contacts",
    primary_id = "contactid",
    primary_name = "fullname"
)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Contact {
    pub contactid: Option<Guid>,
    pub fullname: Option<String>,
}

/// The emulator with the Sales session, bank accounts and accounts.
pub fn sales() -> Emulator {
    Emulator::new()
        .table::<SalesSession>()
        .table::<BankAccount>()
        .table::<Account>()
}

/// A request through the sans-IO core: status, headers and the JSON body (null if none).
pub fn call(
    emulator: &Emulator,
    method: &str,
    uri: &str,
    headers: &[(&str, &str)],
    body: Option<Value>,
) -> (u16, http::HeaderMap, Value) {
    let mut builder = http::Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    let body = body
        .map(|b| serde_json::to_vec(&b).unwrap())
        .unwrap_or_default();
    let response = emulator.handle(builder.body(body).unwrap());
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let json = if response.body().is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(response.body()).expect("the emulator answers JSON")
    };
    (status, headers, json)
}

/// Percent-encodes a query option's value as the query builder does (enough for tests).
pub fn encode(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            'A'..='Z'
            | 'a'..='z'
            | '0'..='9'
            | '-'
            | '_'
            | '.'
            | '\''
            | '('
            | ')'
            | ','
            | '='
            | '$' => out.push(c),
            c => {
                let mut buf = [0; 4];
                for byte in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{byte:02X}"));
                }
            }
        }
    }
    out
}

/// An HTTP client that hands every status back (4xx and 5xx are answers here, not errors).
pub fn client() -> ureq::Agent {
    ureq::Agent::new_with_config(
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build(),
    )
}

/// Sends one request; returns status, headers and body text.
pub fn send(
    agent: &ureq::Agent,
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<String>,
) -> (u16, http::HeaderMap, String) {
    let mut request = http::Request::builder()
        .method(method)
        .uri(url)
        .header("Accept", "application/json")
        .header("OData-Version", "4.0")
        .header("OData-MaxVersion", "4.0");
    if body.is_some()
        && !headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("Content-Type"))
    {
        request = request.header("Content-Type", "application/json");
    }
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let request = request.body(body.unwrap_or_default().into_bytes()).unwrap();
    let mut response = agent.run(request).expect("the server answers");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let text = response.body_mut().read_to_string().unwrap_or_default();
    (status, headers, text)
}

/// A number from the environment, or `default`.
pub fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

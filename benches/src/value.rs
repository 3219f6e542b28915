//! (c) Walking `serde_json::Value`: decode is `from_str::<Value>` alone (typed access happens
//! later, when the code walks the row); the create body is a `Map` built from the row;
//! validation walks the row and checks the same rules as the generated model.
//!
//! A `Value` holds each JSON number as an `i64`, `u64` or `f64` (the crate does not turn on
//! serde_json's `arbitrary_precision`, which would keep each one as a heap `String`).

use serde_json::{Map, Value};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// The writable columns copied into a create body, in order (the lookup is handled apart).
const WRITABLE: &[&str] = &[
    "activityid",
    "subject",
    "description",
    "msdyn_sessionid",
    "owneridtype",
    "msdyn_queueassignedreason",
    "msdyn_sessioncreationreason",
    "statecode",
    "statuscode",
    "msdyn_channel",
    "prioritycode",
    "msdyn_sessioncreatedon",
    "msdyn_sessionclosedon",
    "msdyn_agentassignedon",
    "msdyn_queueassignedon",
    "actualstart",
    "actualend",
    "msdyn_sessionwrapuptimeinseconds",
    "msdyn_sessionactivewrapuptimeinseconds",
    "actualdurationminutes",
    "timezoneruleversionnumber",
    "isbilled",
];

const REGARDING: &[(&str, &str, &str)] = &[
    (
        "account",
        "accounts",
        "regardingobjectid_account_msdyn_ocsession",
    ),
    (
        "contact",
        "contacts",
        "regardingobjectid_contact_msdyn_ocsession",
    ),
    (
        "incident",
        "incidents",
        "regardingobjectid_incident_msdyn_ocsession",
    ),
];

pub fn decode(json: &str) -> Value {
    serde_json::from_str::<Value>(json).expect("page decodes")
}

/// The rows of a decoded page.
pub fn rows(page: &Value) -> &[Value] {
    page["value"].as_array().expect("a value array")
}

/// Appends the create body of `row` to `out`.
pub fn encode(row: &Value, out: &mut Vec<u8>) {
    let mut body = Map::new();
    for column in WRITABLE {
        body.insert(
            (*column).to_owned(),
            row.get(*column).cloned().unwrap_or(Value::Null),
        );
    }
    let id = row["_regardingobjectid_value"].as_str();
    let name = row["_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname"].as_str();
    match (id, name) {
        (Some(id), Some(name)) => {
            let (_, set, nav) = REGARDING
                .iter()
                .find(|(n, _, _)| *n == name)
                .expect("known target");
            body.insert(
                format!("{nav}@odata.bind"),
                Value::String(format!("/{set}({id})")),
            );
        }
        _ => {
            // clearing a lookup: `"<navigation>": null` (a `null` bind is ignored)
            body.insert(
                "regardingobjectid_account_msdyn_ocsession".to_owned(),
                Value::Null,
            );
        }
    }
    serde_json::to_writer(out, &body).expect("row encodes");
}

fn is_event_reason(v: i64) -> bool {
    matches!(
        v,
        192_350_000..=192_350_046 | 192_350_049 | 192_350_050 | 192_350_052
    )
}

/// The rules the generated model checks, for a create: the broken columns.
pub fn validate(row: &Value) -> Result<(), Vec<String>> {
    let mut out = Vec::new();
    let mut bad = |column: &str, why: &str| out.push(format!("{column}: {why}"));
    match row.get("subject").and_then(Value::as_str) {
        None => bad("subject", "is required on create"),
        Some(s) if s.chars().count() > 200 => bad("subject", "too long"),
        Some(_) => {}
    }
    for (column, max) in [("description", 2000), ("msdyn_sessionid", 100)] {
        if let Some(s) = row.get(column).and_then(Value::as_str)
            && s.chars().count() > max
        {
            bad(column, "too long");
        }
    }
    for column in ["msdyn_queueassignedreason", "msdyn_sessioncreationreason"] {
        match row.get(column).and_then(Value::as_i64) {
            None => bad(column, "is required on create"),
            Some(v) if !is_event_reason(v) => bad(column, "not an option"),
            Some(_) => {}
        }
    }
    if row
        .get("_regardingobjectid_value")
        .is_some_and(Value::is_string)
        && let Some(name) = row
            .get("_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname")
            .and_then(Value::as_str)
        && !REGARDING.iter().any(|(n, _, _)| *n == name)
    {
        bad("regardingobjectid", "not a target");
    }
    let state = row.get("statecode").and_then(Value::as_i64);
    let status = row.get("statuscode").and_then(Value::as_i64);
    if state.is_some_and(|s| !(0..=3).contains(&s)) {
        bad("statecode", "not an option");
    }
    match (state, status) {
        (_, Some(t)) if !(1..=4).contains(&t) => bad("statuscode", "not an option"),
        (Some(s), Some(t)) if (0..=3).contains(&s) && t != s + 1 => {
            bad("statuscode", "not of the row's state")
        }
        _ => {}
    }
    if row
        .get("msdyn_channel")
        .and_then(Value::as_i64)
        .is_some_and(|c| c != 192_350_000)
    {
        bad("msdyn_channel", "not an option");
    }
    if row
        .get("prioritycode")
        .and_then(Value::as_i64)
        .is_some_and(|p| !(0..=2).contains(&p))
    {
        bad("prioritycode", "not an option");
    }
    for column in [
        "msdyn_sessioncreatedon",
        "msdyn_sessionclosedon",
        "msdyn_agentassignedon",
        "msdyn_queueassignedon",
        "actualstart",
        "actualend",
    ] {
        if let Some(s) = row.get(column).and_then(Value::as_str) {
            match OffsetDateTime::parse(s, &Rfc3339) {
                Ok(at) if at.year() >= 1753 => {}
                Ok(_) => bad(column, "before 1753"),
                Err(_) => bad(column, "not a date"),
            }
        }
    }
    for (column, min) in [
        ("msdyn_sessionwrapuptimeinseconds", 0),
        ("msdyn_sessionactivewrapuptimeinseconds", 0),
        ("actualdurationminutes", 0),
        ("timezoneruleversionnumber", -1),
    ] {
        if row
            .get(column)
            .and_then(Value::as_i64)
            .is_some_and(|v| v < min)
        {
            bad(column, "too small");
        }
    }
    if out.is_empty() { Ok(()) } else { Err(out) }
}

//! (b) What a careful user writes by hand for the same 25 columns: `#[derive(Deserialize)]`
//! with renames for the lookup and its annotations, choices as `i32`, dates with
//! `time::serde::rfc3339`, and each formatted value as its own `Option<String>` field (the
//! fastest choice: `#[serde(flatten)]` into a map buffers every row through serde's
//! `Content`). The create body is a second, borrowing `#[derive(Serialize)]` struct, with the
//! lookup's `@odata.bind` key (which depends on the target) as a small hand-written map.
//! Validation checks the same rules the generated model checks.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

#[derive(Deserialize)]
pub struct HandPage {
    #[serde(rename = "@odata.context", default)]
    pub context: Option<String>,
    pub value: Vec<HandSession>,
    #[serde(rename = "@odata.nextLink", default)]
    pub next_link: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct HandSession {
    #[serde(rename = "@odata.etag")]
    pub etag: Option<String>,
    pub activityid: Option<Uuid>,
    pub subject: Option<String>,
    pub description: Option<String>,
    pub msdyn_sessionid: Option<String>,
    pub owneridtype: Option<String>,
    pub msdyn_queueassignedreason: Option<i32>,
    #[serde(rename = "msdyn_queueassignedreason@OData.Community.Display.V1.FormattedValue")]
    pub msdyn_queueassignedreason_formatted: Option<String>,
    pub msdyn_sessioncreationreason: Option<i32>,
    #[serde(rename = "msdyn_sessioncreationreason@OData.Community.Display.V1.FormattedValue")]
    pub msdyn_sessioncreationreason_formatted: Option<String>,
    #[serde(rename = "_regardingobjectid_value")]
    pub regardingobjectid: Option<Uuid>,
    #[serde(rename = "_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname")]
    pub regardingobjectid_logicalname: Option<String>,
    #[serde(rename = "_regardingobjectid_value@OData.Community.Display.V1.FormattedValue")]
    pub regardingobjectid_formatted: Option<String>,
    pub statecode: Option<i32>,
    #[serde(rename = "statecode@OData.Community.Display.V1.FormattedValue")]
    pub statecode_formatted: Option<String>,
    pub statuscode: Option<i32>,
    #[serde(rename = "statuscode@OData.Community.Display.V1.FormattedValue")]
    pub statuscode_formatted: Option<String>,
    pub msdyn_channel: Option<i32>,
    #[serde(rename = "msdyn_channel@OData.Community.Display.V1.FormattedValue")]
    pub msdyn_channel_formatted: Option<String>,
    pub prioritycode: Option<i32>,
    #[serde(rename = "prioritycode@OData.Community.Display.V1.FormattedValue")]
    pub prioritycode_formatted: Option<String>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub msdyn_sessioncreatedon: Option<OffsetDateTime>,
    #[serde(rename = "msdyn_sessioncreatedon@OData.Community.Display.V1.FormattedValue")]
    pub msdyn_sessioncreatedon_formatted: Option<String>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub msdyn_sessionclosedon: Option<OffsetDateTime>,
    #[serde(rename = "msdyn_sessionclosedon@OData.Community.Display.V1.FormattedValue")]
    pub msdyn_sessionclosedon_formatted: Option<String>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub msdyn_agentassignedon: Option<OffsetDateTime>,
    #[serde(rename = "msdyn_agentassignedon@OData.Community.Display.V1.FormattedValue")]
    pub msdyn_agentassignedon_formatted: Option<String>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub msdyn_queueassignedon: Option<OffsetDateTime>,
    #[serde(rename = "msdyn_queueassignedon@OData.Community.Display.V1.FormattedValue")]
    pub msdyn_queueassignedon_formatted: Option<String>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub actualstart: Option<OffsetDateTime>,
    #[serde(rename = "actualstart@OData.Community.Display.V1.FormattedValue")]
    pub actualstart_formatted: Option<String>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub actualend: Option<OffsetDateTime>,
    #[serde(rename = "actualend@OData.Community.Display.V1.FormattedValue")]
    pub actualend_formatted: Option<String>,
    pub msdyn_sessionwrapuptimeinseconds: Option<i32>,
    #[serde(rename = "msdyn_sessionwrapuptimeinseconds@OData.Community.Display.V1.FormattedValue")]
    pub msdyn_sessionwrapuptimeinseconds_formatted: Option<String>,
    pub msdyn_sessionactivewrapuptimeinseconds: Option<i32>,
    #[serde(
        rename = "msdyn_sessionactivewrapuptimeinseconds@OData.Community.Display.V1.FormattedValue"
    )]
    pub msdyn_sessionactivewrapuptimeinseconds_formatted: Option<String>,
    pub actualdurationminutes: Option<i32>,
    #[serde(rename = "actualdurationminutes@OData.Community.Display.V1.FormattedValue")]
    pub actualdurationminutes_formatted: Option<String>,
    pub timezoneruleversionnumber: Option<i32>,
    #[serde(rename = "timezoneruleversionnumber@OData.Community.Display.V1.FormattedValue")]
    pub timezoneruleversionnumber_formatted: Option<String>,
    pub isbilled: Option<bool>,
    #[serde(rename = "isbilled@OData.Community.Display.V1.FormattedValue")]
    pub isbilled_formatted: Option<String>,
    pub versionnumber: Option<i64>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub createdon: Option<OffsetDateTime>,
    #[serde(rename = "createdon@OData.Community.Display.V1.FormattedValue")]
    pub createdon_formatted: Option<String>,
}

/// `regardingobjectid` targets the user's code knows: (logical name, entity set, navigation).
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

/// The create body: the writable columns, `null` for unset ones.
#[derive(Serialize)]
struct CreateBody<'a> {
    activityid: &'a Option<Uuid>,
    subject: &'a Option<String>,
    description: &'a Option<String>,
    msdyn_sessionid: &'a Option<String>,
    owneridtype: &'a Option<String>,
    msdyn_queueassignedreason: Option<i32>,
    msdyn_sessioncreationreason: Option<i32>,
    #[serde(flatten)]
    regardingobjectid: RegardingBind<'a>,
    statecode: Option<i32>,
    statuscode: Option<i32>,
    msdyn_channel: Option<i32>,
    prioritycode: Option<i32>,
    #[serde(with = "time::serde::rfc3339::option")]
    msdyn_sessioncreatedon: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    msdyn_sessionclosedon: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    msdyn_agentassignedon: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    msdyn_queueassignedon: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    actualstart: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    actualend: Option<OffsetDateTime>,
    msdyn_sessionwrapuptimeinseconds: Option<i32>,
    msdyn_sessionactivewrapuptimeinseconds: Option<i32>,
    actualdurationminutes: Option<i32>,
    timezoneruleversionnumber: Option<i32>,
    isbilled: Option<bool>,
}

/// `"<navigation>@odata.bind": "/<entity set>(<id>)"`, or `"<navigation>": null` to clear
/// the lookup (the form the service honours; a `null` bind is ignored).
struct RegardingBind<'a>(&'a HandSession);

impl Serialize for RegardingBind<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeMap};
        let row = self.0;
        let mut map = s.serialize_map(Some(1))?;
        match (
            row.regardingobjectid,
            row.regardingobjectid_logicalname.as_deref(),
        ) {
            (Some(id), Some(name)) => {
                let (_, set, nav) = REGARDING
                    .iter()
                    .find(|(n, _, _)| *n == name)
                    .ok_or_else(|| S::Error::custom("unknown regarding target"))?;
                map.serialize_entry(
                    &format_args!("{nav}@odata.bind"),
                    &format_args!("/{set}({})", id.as_hyphenated()),
                )?;
            }
            _ => map.serialize_entry("regardingobjectid_account_msdyn_ocsession", &())?,
        }
        map.end()
    }
}

pub fn decode(json: &str) -> Vec<HandSession> {
    serde_json::from_str::<HandPage>(json)
        .expect("page decodes")
        .value
}

/// Appends the create body of `row` to `out`.
pub fn encode(row: &HandSession, out: &mut Vec<u8>) {
    let body = CreateBody {
        activityid: &row.activityid,
        subject: &row.subject,
        description: &row.description,
        msdyn_sessionid: &row.msdyn_sessionid,
        owneridtype: &row.owneridtype,
        msdyn_queueassignedreason: row.msdyn_queueassignedreason,
        msdyn_sessioncreationreason: row.msdyn_sessioncreationreason,
        regardingobjectid: RegardingBind(row),
        statecode: row.statecode,
        statuscode: row.statuscode,
        msdyn_channel: row.msdyn_channel,
        prioritycode: row.prioritycode,
        msdyn_sessioncreatedon: row.msdyn_sessioncreatedon,
        msdyn_sessionclosedon: row.msdyn_sessionclosedon,
        msdyn_agentassignedon: row.msdyn_agentassignedon,
        msdyn_queueassignedon: row.msdyn_queueassignedon,
        actualstart: row.actualstart,
        actualend: row.actualend,
        msdyn_sessionwrapuptimeinseconds: row.msdyn_sessionwrapuptimeinseconds,
        msdyn_sessionactivewrapuptimeinseconds: row.msdyn_sessionactivewrapuptimeinseconds,
        actualdurationminutes: row.actualdurationminutes,
        timezoneruleversionnumber: row.timezoneruleversionnumber,
        isbilled: row.isbilled,
    };
    serde_json::to_writer(out, &body).expect("row encodes");
}

/// One broken rule (the user's own error type).
#[derive(Debug)]
pub struct Invalid {
    pub column: &'static str,
    pub message: String,
}

/// `msdyn_occallsessioneventreasons` options.
fn is_event_reason(v: i32) -> bool {
    matches!(
        v,
        192_350_000..=192_350_046 | 192_350_049 | 192_350_050 | 192_350_052
    )
}

fn max_length(column: &'static str, v: &Option<String>, max: usize, out: &mut Vec<Invalid>) {
    if let Some(v) = v
        && v.len() > max
        && v.chars().count() > max
    {
        out.push(Invalid {
            column,
            message: format!("longer than {max} characters"),
        });
    }
}

fn at_least(column: &'static str, v: Option<i32>, min: i32, out: &mut Vec<Invalid>) {
    if let Some(v) = v
        && v < min
    {
        out.push(Invalid {
            column,
            message: format!("{v} is below {min}"),
        });
    }
}

fn reason(column: &'static str, v: Option<i32>, out: &mut Vec<Invalid>) {
    match v {
        None => out.push(Invalid {
            column,
            message: "is required on create".into(),
        }),
        Some(v) if !is_event_reason(v) => out.push(Invalid {
            column,
            message: format!("{v} is not an option"),
        }),
        Some(_) => {}
    }
}

fn date(column: &'static str, v: Option<OffsetDateTime>, out: &mut Vec<Invalid>) {
    if let Some(v) = v
        && v.year() < 1753
    {
        out.push(Invalid {
            column,
            message: "is before 1753-01-01".into(),
        });
    }
}

/// The rules the generated model checks, for a create.
pub fn validate(row: &HandSession) -> Result<(), Vec<Invalid>> {
    let mut out = Vec::new();
    match &row.subject {
        None => out.push(Invalid {
            column: "subject",
            message: "is required on create".into(),
        }),
        s => max_length("subject", s, 200, &mut out),
    }
    max_length("description", &row.description, 2000, &mut out);
    max_length("msdyn_sessionid", &row.msdyn_sessionid, 100, &mut out);
    reason(
        "msdyn_queueassignedreason",
        row.msdyn_queueassignedreason,
        &mut out,
    );
    reason(
        "msdyn_sessioncreationreason",
        row.msdyn_sessioncreationreason,
        &mut out,
    );
    if row.regardingobjectid.is_some()
        && let Some(name) = &row.regardingobjectid_logicalname
        && !REGARDING.iter().any(|(n, _, _)| n == name)
    {
        out.push(Invalid {
            column: "regardingobjectid",
            message: format!("`{name}` is not a target"),
        });
    }
    let state_ok = |v: i32| (0..=3).contains(&v);
    if let Some(s) = row.statecode
        && !state_ok(s)
    {
        out.push(Invalid {
            column: "statecode",
            message: format!("{s} is not an option"),
        });
    }
    match (row.statecode, row.statuscode) {
        (_, Some(t)) if !(1..=4).contains(&t) => out.push(Invalid {
            column: "statuscode",
            message: format!("{t} is not an option"),
        }),
        (Some(s), Some(t)) if state_ok(s) && t != s + 1 => out.push(Invalid {
            column: "statuscode",
            message: format!("{t} does not belong to state {s}"),
        }),
        _ => {}
    }
    if let Some(c) = row.msdyn_channel
        && c != 192_350_000
    {
        out.push(Invalid {
            column: "msdyn_channel",
            message: format!("{c} is not an option"),
        });
    }
    if let Some(p) = row.prioritycode
        && !(0..=2).contains(&p)
    {
        out.push(Invalid {
            column: "prioritycode",
            message: format!("{p} is not an option"),
        });
    }
    date(
        "msdyn_sessioncreatedon",
        row.msdyn_sessioncreatedon,
        &mut out,
    );
    date("msdyn_sessionclosedon", row.msdyn_sessionclosedon, &mut out);
    date("msdyn_agentassignedon", row.msdyn_agentassignedon, &mut out);
    date("msdyn_queueassignedon", row.msdyn_queueassignedon, &mut out);
    date("actualstart", row.actualstart, &mut out);
    date("actualend", row.actualend, &mut out);
    at_least(
        "msdyn_sessionwrapuptimeinseconds",
        row.msdyn_sessionwrapuptimeinseconds,
        0,
        &mut out,
    );
    at_least(
        "msdyn_sessionactivewrapuptimeinseconds",
        row.msdyn_sessionactivewrapuptimeinseconds,
        0,
        &mut out,
    );
    at_least(
        "actualdurationminutes",
        row.actualdurationminutes,
        0,
        &mut out,
    );
    at_least(
        "timezoneruleversionnumber",
        row.timezoneruleversionnumber,
        -1,
        &mut out,
    );
    if out.is_empty() { Ok(()) } else { Err(out) }
}

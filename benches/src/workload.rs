//! A deterministic Web API page of Session rows, as Dataverse returns it with
//! `Prefer: odata.include-annotations="*"`: formatted values, lookup annotations before the
//! value, `@odata.etag`, and some nulls (a null column has no annotations).

use std::fmt::Write as _;

use time::OffsetDateTime;

/// The service's maximum page size.
pub const PAGE_ROWS: usize = 5_000;

/// The 25 selected columns (lookups as `_<col>_value`), as the page's `@odata.context` lists.
pub const SELECT: &str = "activityid,subject,description,msdyn_sessionid,owneridtype,\
msdyn_queueassignedreason,msdyn_sessioncreationreason,_regardingobjectid_value,statecode,\
statuscode,msdyn_channel,prioritycode,msdyn_sessioncreatedon,msdyn_sessionclosedon,\
msdyn_agentassignedon,msdyn_queueassignedon,actualstart,actualend,\
msdyn_sessionwrapuptimeinseconds,msdyn_sessionactivewrapuptimeinseconds,actualdurationminutes,\
timezoneruleversionnumber,isbilled,versionnumber,createdon";

/// xorshift64*: the same numbers on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
    fn guid(&mut self) -> String {
        let (a, b) = (self.next(), self.next());
        format!(
            "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0xfff,
            b >> 52,
            b & 0xffff_ffff_ffff
        )
    }
}

const FIRST: &[&str] = &[
    "Rafel",
    "Nancy",
    "Alberto",
    "Yuki",
    "Oluwaseun",
    "Maria",
    "Chen",
    "Aarav",
    "Sofía",
    "Kai",
];
const LAST: &[&str] = &[
    "Shillo", "Davolio", "Fuller", "Tanaka", "Adeyemi", "García", "Wei", "Sharma", "Müller", "Berg",
];
const TOPICS: &[&str] = &[
    "billing question",
    "password reset",
    "order 4471 late",
    "upgrade to premium plan",
    "refund for duplicate charge",
    "loan questions",
];
/// (value, label) of `msdyn_occallsessioneventreasons`, all known options.
const REASONS: &[(i32, &str)] = &[
    (192_350_000, "Default"),
    (192_350_001, "AgentTransfer"),
    (192_350_005, "UserAccept"),
    (192_350_024, "BotTransferSession"),
    (192_350_026, "AssignToAgentBySupervisor"),
];
/// (logical name, entity set, formatted value) of regarding targets.
pub const REGARDING: &[(&str, &str, &str)] = &[
    ("account", "accounts", "Litware, Inc. (sample)"),
    ("contact", "contacts", "Yvonne McKay (sample)"),
    ("incident", "incidents", "Shipping delay on order 4471"),
];
/// (state, status, label) pairs that belong together.
const STATES: &[(i32, i32, &str)] = &[
    (0, 1, "Open"),
    (1, 2, "Completed"),
    (1, 2, "Completed"),
    (2, 3, "Canceled"),
];

/// `"name@OData.Community.Display.V1.FormattedValue":"text",`
fn formatted(out: &mut String, name: &str, text: &str) {
    write!(
        out,
        "\"{name}@OData.Community.Display.V1.FormattedValue\":{},",
        json_str(text)
    )
    .unwrap();
}

fn json_str(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

/// A date column with its formatted value (`M/D/YYYY h:mm AM`), or `null` without one.
fn date(out: &mut String, name: &str, at: Option<OffsetDateTime>) {
    match at {
        Some(at) => {
            let hour12 = match at.hour() % 12 {
                0 => 12,
                h => h,
            };
            let ampm = if at.hour() < 12 { "AM" } else { "PM" };
            let shown = format!(
                "{}/{}/{} {}:{:02} {}",
                u8::from(at.month()),
                at.day(),
                at.year(),
                hour12,
                at.minute(),
                ampm
            );
            formatted(out, name, &shown);
            write!(
                out,
                "\"{name}\":\"{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z\",",
                at.year(),
                u8::from(at.month()),
                at.day(),
                at.hour(),
                at.minute(),
                at.second()
            )
            .unwrap();
        }
        None => write!(out, "\"{name}\":null,").unwrap(),
    }
}

fn integer(out: &mut String, name: &str, value: Option<i32>) {
    match value {
        Some(v) => {
            let shown = if v >= 1000 {
                format!("{},{:03}", v / 1000, v % 1000)
            } else {
                v.to_string()
            };
            formatted(out, name, &shown);
            write!(out, "\"{name}\":{v},").unwrap();
        }
        None => write!(out, "\"{name}\":null,").unwrap(),
    }
}

fn choice(out: &mut String, name: &str, value: i32, label: &str) {
    formatted(out, name, label);
    write!(out, "\"{name}\":{value},").unwrap();
}

/// The page: `{"@odata.context":...,"value":[rows],"@odata.nextLink":...}`, about 2.5 KB a row.
pub fn page(rows: usize) -> String {
    let mut rng = Rng(0x5eed_da7a_5e55_1011);
    let mut out = String::with_capacity(rows * 2_400);
    write!(
        out,
        "{{\"@odata.context\":\"https://org.crm.dynamics.com/api/data/v9.2/$metadata#msdyn_ocsessions({SELECT})\",\"value\":["
    )
    .unwrap();
    let start = OffsetDateTime::from_unix_timestamp(1_680_904_741).unwrap();
    for i in 0..rows {
        if i > 0 {
            out.push(',');
        }
        out.push('{');
        write!(out, "\"@odata.etag\":\"W/\\\"{}\\\"\",", 72_935_648 + i).unwrap();
        write!(out, "\"activityid\":\"{}\",", rng.guid()).unwrap();
        let (first, last) = (rng.pick(FIRST), rng.pick(LAST));
        let subject = if i % 50 == 7 {
            format!("Call about \"Plan B\" with {first} {last}")
        } else {
            format!("Chat with {first} {last}")
        };
        write!(out, "\"subject\":{},", json_str(&subject)).unwrap();
        if rng.below(3) == 0 {
            out.push_str("\"description\":null,");
        } else {
            let topic = rng.pick(TOPICS);
            let text = format!(
                "Customer {first} {last} asked about a {topic}.\nAgent confirmed the account and followed up by email."
            );
            write!(out, "\"description\":{},", json_str(&text)).unwrap();
        }
        write!(out, "\"msdyn_sessionid\":\"{}\",", rng.guid()).unwrap();
        out.push_str("\"owneridtype\":\"systemuser\",");
        let (value, label) = *rng.pick(REASONS);
        choice(&mut out, "msdyn_queueassignedreason", value, label);
        let (value, label) = *rng.pick(REASONS);
        choice(&mut out, "msdyn_sessioncreationreason", value, label);
        if rng.below(10) == 0 {
            out.push_str("\"_regardingobjectid_value\":null,");
        } else {
            let (target, _, shown) = *rng.pick(REGARDING);
            let p = "_regardingobjectid_value";
            formatted(&mut out, p, shown);
            write!(
                out,
                "\"{p}@Microsoft.Dynamics.CRM.associatednavigationproperty\":\"regardingobjectid_{target}_msdyn_ocsession\",\
                 \"{p}@Microsoft.Dynamics.CRM.lookuplogicalname\":\"{target}\",\"{p}\":\"{}\",",
                rng.guid()
            )
            .unwrap();
        }
        let (state, status, label) = *rng.pick(STATES);
        choice(&mut out, "statecode", state, label);
        choice(&mut out, "statuscode", status, label);
        choice(&mut out, "msdyn_channel", 192_350_000, "Entity Records");
        let (priority, label) = *rng.pick(&[(0, "Low"), (1, "Normal"), (1, "Normal"), (2, "High")]);
        choice(&mut out, "prioritycode", priority, label);
        let created = start + time::Duration::seconds(i as i64 * 97);
        let assigned = created + time::Duration::seconds(rng.below(120) as i64);
        let closed = (state != 0).then(|| assigned + time::Duration::seconds(300));
        date(&mut out, "msdyn_sessioncreatedon", Some(created));
        date(&mut out, "msdyn_sessionclosedon", closed);
        date(&mut out, "msdyn_agentassignedon", Some(assigned));
        date(&mut out, "msdyn_queueassignedon", Some(created));
        date(&mut out, "actualstart", Some(assigned));
        date(&mut out, "actualend", closed);
        integer(
            &mut out,
            "msdyn_sessionwrapuptimeinseconds",
            closed.map(|_| rng.below(2_000) as i32),
        );
        integer(
            &mut out,
            "msdyn_sessionactivewrapuptimeinseconds",
            closed.map(|_| rng.below(600) as i32),
        );
        integer(
            &mut out,
            "actualdurationminutes",
            Some(rng.below(90) as i32),
        );
        integer(&mut out, "timezoneruleversionnumber", Some(4));
        formatted(&mut out, "isbilled", "No");
        out.push_str("\"isbilled\":false,");
        write!(out, "\"versionnumber\":{},", 72_935_648 + i).unwrap();
        date(&mut out, "createdon", Some(created));
        out.pop(); // the last comma
        out.push('}');
    }
    out.push_str("],\"@odata.nextLink\":\"https://org.crm.dynamics.com/api/data/v9.2/msdyn_ocsessions?$select=activityid&$skiptoken=%3Ccookie%20pagenumber=%222%22%20/%3E\"}");
    out
}

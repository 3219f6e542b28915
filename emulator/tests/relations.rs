//! Relationships: `$expand`, `$ref` associate and disassociate, deep insert (all or
//! nothing), and the Assign cascade on owner changes.

mod common;

use common::{BankAccount, call, encode, sales};
use dataverse_model::{Guid, dataverse_entity, lookup};
use dataverse_model_emulator::{CascadeEffect, Emulator};
use serde_json::{Value, json};

fn bank(emulator: &Emulator, name: &str) -> Guid {
    emulator
        .seed(&BankAccount {
            sample_bankaccountid: None,
            sample_name: Some(name.into()),
        })
        .unwrap()
}

fn session(emulator: &Emulator, subject: &str, bank: Option<Guid>) -> Guid {
    let mut body = json!({"subject": subject});
    if let Some(bank) = bank {
        body["regardingobjectid_sample_bankaccount_msdyn_ocsession@odata.bind"] =
            Value::String(format!("/sample_bankaccounts({bank})"));
    }
    emulator.seed_json("msdyn_ocsessions", body).unwrap()
}

fn regarding(emulator: &Emulator, id: Guid) -> Value {
    emulator.row("msdyn_ocsession", id).unwrap()["_regardingobjectid_value"].clone()
}

#[test]
fn expand_single_and_collection_valued_navigations() {
    let emulator = sales();
    let savings = bank(&emulator, "Savings");
    for subject in ["a", "b", "c"] {
        session(&emulator, subject, Some(savings));
    }
    let lonely = session(&emulator, "no bank", None);

    let (status, _, row) = call(
        &emulator,
        "GET",
        &format!(
            "/sample_bankaccounts({savings})?$select=sample_name&$expand={}",
            encode(
                "sample_bankaccount_msdyn_ocsessions($select=subject;$orderby=subject desc;$top=2)"
            )
        ),
        &[],
        None,
    );
    assert_eq!(status, 200, "{row}");
    let sessions = row["sample_bankaccount_msdyn_ocsessions"]
        .as_array()
        .unwrap();
    let subjects: Vec<&str> = sessions
        .iter()
        .map(|s| s["subject"].as_str().unwrap())
        .collect();
    assert_eq!(subjects, ["c", "b"]);

    let (_, _, page) = call(
        &emulator,
        "GET",
        &format!(
            "/msdyn_ocsessions?$select=subject&$orderby=subject&$expand={}",
            encode("regardingobjectid_sample_bankaccount_msdyn_ocsession($select=sample_name)")
        ),
        &[],
        None,
    );
    let rows = page["value"].as_array().unwrap();
    assert_eq!(
        rows[0]["regardingobjectid_sample_bankaccount_msdyn_ocsession"]["sample_name"],
        "Savings"
    );
    let lonely_row = rows
        .iter()
        .find(|r| r["activityid"] == lonely.to_string())
        .unwrap();
    assert_eq!(
        lonely_row["regardingobjectid_sample_bankaccount_msdyn_ocsession"],
        Value::Null
    );

    let (status, _, error) = call(
        &emulator,
        "GET",
        "/msdyn_ocsessions?$expand=nosuchnavigation",
        &[],
        None,
    );
    assert_eq!(status, 400, "{error}");
}

/// A nested `$expand` reads the related table's own navigations, both ways round; the
/// documented limits hold: 15 `$expand` options in all, and no `$top`/`$orderby` with a
/// nested `$expand` in a collection-valued navigation.
#[test]
fn nested_expand_reads_the_related_tables_navigations() {
    let emulator = sales();
    let savings = bank(&emulator, "Savings");
    for subject in ["a", "b"] {
        session(&emulator, subject, Some(savings));
    }
    let get = |query: &str| {
        call(
            &emulator,
            "GET",
            &format!(
                "/sample_bankaccounts({savings})?$select=sample_name&$expand={}",
                encode(query)
            ),
            &[],
            None,
        )
    };

    // collection-valued, then single-valued back to the account
    let (status, _, row) = get(
        "sample_bankaccount_msdyn_ocsessions($select=subject;$expand=regardingobjectid_sample_bankaccount_msdyn_ocsession($select=sample_name))",
    );
    assert_eq!(status, 200, "{row}");
    let sessions = row["sample_bankaccount_msdyn_ocsessions"]
        .as_array()
        .unwrap();
    assert_eq!(sessions.len(), 2);
    for session in sessions {
        assert_eq!(
            session["regardingobjectid_sample_bankaccount_msdyn_ocsession"]["sample_name"],
            "Savings",
            "{session}"
        );
    }

    // single-valued, then collection-valued back to the sessions
    let (status, _, page) = call(
        &emulator,
        "GET",
        &format!(
            "/msdyn_ocsessions?$select=subject&$filter=subject%20eq%20'a'&$expand={}",
            encode(
                "regardingobjectid_sample_bankaccount_msdyn_ocsession($select=sample_name;$expand=sample_bankaccount_msdyn_ocsessions($select=subject;$orderby=subject))"
            )
        ),
        &[],
        None,
    );
    assert_eq!(status, 200, "{page}");
    let account = &page["value"][0]["regardingobjectid_sample_bankaccount_msdyn_ocsession"];
    let subjects: Vec<&Value> = account["sample_bankaccount_msdyn_ocsessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| &s["subject"])
        .collect();
    assert_eq!(subjects, [&json!("a"), &json!("b")]);

    // documented as not supported: what the service answers is not known, so not emulated
    let (status, _, error) = get(
        "sample_bankaccount_msdyn_ocsessions($top=1;$expand=regardingobjectid_sample_bankaccount_msdyn_ocsession)",
    );
    assert_eq!(status, 501, "{error}");

    // 15 `$expand` options at most, nested ones counted; deep nesting stops there too
    // from the account: its sessions, their account, its sessions, ... `depth` levels
    let nested = |depth: usize| {
        let navigation = |level: usize| {
            if level.is_multiple_of(2) {
                "sample_bankaccount_msdyn_ocsessions"
            } else {
                "regardingobjectid_sample_bankaccount_msdyn_ocsession"
            }
        };
        (0..depth - 1)
            .rev()
            .fold(navigation(depth - 1).to_owned(), |inner, level| {
                format!("{}($expand={inner})", navigation(level))
            })
    };
    let (status, _, row) = get(&nested(15));
    assert_eq!(status, 200, "{row}");
    for depth in [16, 500] {
        let (status, _, error) = get(&nested(depth));
        assert_eq!(status, 400, "{error}");
        assert!(
            error.to_string().contains("up to 15 $expand options"),
            "{error}"
        );
    }
}

#[test]
fn associate_and_disassociate_with_ref() {
    let emulator = sales();
    let savings = bank(&emulator, "Savings");
    let id = session(&emulator, "s", None);
    let reference = json!({"@odata.id": format!("http://localhost/api/data/v9.2/sample_bankaccounts({savings})")});

    // single-valued: PUT <child>/<navigation>/$ref, DELETE it
    let nav = format!(
        "/msdyn_ocsessions({id})/regardingobjectid_sample_bankaccount_msdyn_ocsession/$ref"
    );
    assert_eq!(call(&emulator, "PUT", &nav, &[], Some(reference)).0, 204);
    assert_eq!(regarding(&emulator, id), savings.to_string());
    assert_eq!(call(&emulator, "DELETE", &nav, &[], None).0, 204);
    assert_eq!(regarding(&emulator, id), Value::Null);

    // collection-valued: POST <parent>/<collection>/$ref, DELETE <collection>(<child>)/$ref
    let collection = format!("/sample_bankaccounts({savings})/sample_bankaccount_msdyn_ocsessions");
    let child = json!({"@odata.id": format!("/msdyn_ocsessions({id})")});
    assert_eq!(
        call(
            &emulator,
            "POST",
            &format!("{collection}/$ref"),
            &[],
            Some(child)
        )
        .0,
        204
    );
    assert_eq!(regarding(&emulator, id), savings.to_string());
    assert_eq!(
        call(
            &emulator,
            "DELETE",
            &format!("{collection}({id})/$ref"),
            &[],
            None
        )
        .0,
        204
    );
    assert_eq!(regarding(&emulator, id), Value::Null);

    // a missing row, on either side, is 404
    let missing = json!({"@odata.id": format!("/msdyn_ocsessions({})", Guid::from_u128(7))});
    assert_eq!(
        call(
            &emulator,
            "POST",
            &format!("{collection}/$ref"),
            &[],
            Some(missing)
        )
        .0,
        404
    );
}

#[test]
fn deep_insert_is_all_or_nothing() {
    let emulator = sales();
    // a bank account with two new sessions
    let (status, headers, _) = call(
        &emulator,
        "POST",
        "/sample_bankaccounts",
        &[],
        Some(json!({
            "sample_name": "Deep",
            "sample_bankaccount_msdyn_ocsessions": [{"subject": "one"}, {"subject": "two"}],
        })),
    );
    assert_eq!(status, 204);
    let url = headers["OData-EntityId"].to_str().unwrap();
    let bank_id = url
        .rsplit_once('(')
        .unwrap()
        .1
        .trim_end_matches(')')
        .to_owned();
    let sessions = emulator.rows("msdyn_ocsession");
    assert_eq!(sessions.len(), 2);
    assert!(
        sessions
            .iter()
            .all(|s| s["_regardingobjectid_value"] == bank_id.as_str())
    );

    // a session with a new bank account
    let (status, _, row) = call(
        &emulator,
        "POST",
        "/msdyn_ocsessions",
        &[("Prefer", "return=representation")],
        Some(
            json!({"subject": "three", "regardingobjectid_sample_bankaccount_msdyn_ocsession": {"sample_name": "Made on the way"}}),
        ),
    );
    assert_eq!(status, 201, "{row}");
    assert_eq!(emulator.rows("sample_bankaccount").len(), 2);

    // one bad child: nothing is created
    let before = (
        emulator.rows("sample_bankaccount"),
        emulator.rows("msdyn_ocsession"),
    );
    let (status, _, _) = call(
        &emulator,
        "POST",
        "/sample_bankaccounts",
        &[],
        Some(json!({
            "sample_name": "Half",
            "sample_bankaccount_msdyn_ocsessions": [{"subject": "fine"}, {"subject": "x".repeat(201)}],
        })),
    );
    assert_eq!(status, 400);
    assert_eq!(
        (
            emulator.rows("sample_bankaccount"),
            emulator.rows("msdyn_ocsession")
        ),
        before
    );
}

lookup! {
    /// The owner of a sample_project: a user (the table need not be registered).
    #[lookup(column = "ownerid", table = "sample_project")]
    pub enum ProjectOwner {
        #[target(entity_set = "systemusers")]
        SystemUser = "systemuser",
    }
}

lookup! {
    /// The owner of a sample_task: a user (the table need not be registered).
    #[lookup(column = "ownerid", table = "sample_task")]
    pub enum TaskOwner {
        #[target(entity_set = "systemusers")]
        SystemUser = "systemuser",
    }
}

lookup! {
    /// The owner of a sample_note: a user (the table need not be registered).
    #[lookup(column = "ownerid", table = "sample_note")]
    pub enum NoteOwner {
        #[target(entity_set = "systemusers")]
        SystemUser = "systemuser",
    }
}

lookup! {
    /// The owner of a sample_call: a user (the table need not be registered).
    #[lookup(column = "ownerid", table = "sample_call")]
    pub enum CallOwner {
        #[target(entity_set = "systemusers")]
        SystemUser = "systemuser",
    }
}

lookup! {
    /// The owner of a sample_log: a user (the table need not be registered).
    #[lookup(column = "ownerid", table = "sample_log")]
    pub enum LogOwner {
        #[target(entity_set = "systemusers")]
        SystemUser = "systemuser",
    }
}

// Four child tables, one per Assign setting (written out: the attribute macro's generated
// code does not resolve inside a `macro_rules!` expansion).
lookup! {
    /// A sample_task's project (Assign Cascade).
    #[lookup(column = "sample_projectid", table = "sample_task")]
    pub enum TaskProject {
        #[target(entity_set = "sample_projects", relationship = "sample_project_tasks",
                 referenced_attribute = "sample_projectid", cascade(assign = Cascade, delete = Cascade))]
        Project = "sample_project",
    }
}

/// A child of a project.
#[dataverse_entity(
    logical_name = "sample_task",
    entity_set = "sample_tasks",
    primary_id = "sample_taskid"
)]
pub struct Task {
    pub sample_taskid: Option<Guid>,
    pub ownerid: Option<TaskOwner>,
    pub statecode: Option<i32>,
    pub sample_projectid: Option<TaskProject>,
}

lookup! {
    /// A sample_note's project (Assign Active).
    #[lookup(column = "sample_projectid", table = "sample_note")]
    pub enum NoteProject {
        #[target(entity_set = "sample_projects", relationship = "sample_project_notes",
                 referenced_attribute = "sample_projectid", cascade(assign = Active, delete = Cascade))]
        Project = "sample_project",
    }
}

/// A child of a project.
#[dataverse_entity(
    logical_name = "sample_note",
    entity_set = "sample_notes",
    primary_id = "sample_noteid"
)]
pub struct Note {
    pub sample_noteid: Option<Guid>,
    pub ownerid: Option<NoteOwner>,
    pub statecode: Option<i32>,
    pub sample_projectid: Option<NoteProject>,
}

lookup! {
    /// A sample_call's project (Assign UserOwned).
    #[lookup(column = "sample_projectid", table = "sample_call")]
    pub enum CallProject {
        #[target(entity_set = "sample_projects", relationship = "sample_project_calls",
                 referenced_attribute = "sample_projectid", cascade(assign = UserOwned, delete = Cascade))]
        Project = "sample_project",
    }
}

/// A child of a project.
#[dataverse_entity(
    logical_name = "sample_call",
    entity_set = "sample_calls",
    primary_id = "sample_callid"
)]
pub struct PhoneCall {
    pub sample_callid: Option<Guid>,
    pub ownerid: Option<CallOwner>,
    pub statecode: Option<i32>,
    pub sample_projectid: Option<CallProject>,
}

lookup! {
    /// A sample_log's project (Assign NoCascade).
    #[lookup(column = "sample_projectid", table = "sample_log")]
    pub enum LogProject {
        #[target(entity_set = "sample_projects", relationship = "sample_project_logs",
                 referenced_attribute = "sample_projectid", cascade(assign = NoCascade, delete = Cascade))]
        Project = "sample_project",
    }
}

/// A child of a project.
#[dataverse_entity(
    logical_name = "sample_log",
    entity_set = "sample_logs",
    primary_id = "sample_logid"
)]
pub struct Log {
    pub sample_logid: Option<Guid>,
    pub ownerid: Option<LogOwner>,
    pub statecode: Option<i32>,
    pub sample_projectid: Option<LogProject>,
}

/// A project, owned by a user.
#[dataverse_entity(
    logical_name = "sample_project",
    entity_set = "sample_projects",
    primary_id = "sample_projectid"
)]
pub struct Project {
    pub sample_projectid: Option<Guid>,
    pub ownerid: Option<ProjectOwner>,
}

#[test]
fn assign_cascades_as_each_relationship_says() {
    let emulator = Emulator::new()
        .table::<Project>()
        .table::<Task>()
        .table::<Note>()
        .table::<PhoneCall>()
        .table::<Log>();
    let (u1, u2, u3) = (Guid::from_u128(1), Guid::from_u128(2), Guid::from_u128(3));
    let project = emulator
        .seed(&Project {
            sample_projectid: None,
            ownerid: Some(ProjectOwner::SystemUser(u1)),
        })
        .unwrap();
    let child = |set: &str, owner: Guid, state: i32| {
        emulator
            .seed_json(
                set,
                json!({
                    "ownerid@odata.bind": format!("/systemusers({owner})"),
                    "statecode": state,
                    "sample_projectid@odata.bind": format!("/sample_projects({project})"),
                }),
            )
            .unwrap()
    };
    let tasks = [child("sample_tasks", u1, 0), child("sample_tasks", u2, 1)];
    let notes = [child("sample_notes", u1, 0), child("sample_notes", u1, 1)];
    let calls = [child("sample_calls", u1, 0), child("sample_calls", u2, 0)];
    let logs = [child("sample_logs", u1, 0)];

    let (status, _, _) = call(
        &emulator,
        "PATCH",
        &format!("/sample_projects({project})"),
        &[("If-Match", "*")],
        Some(json!({"ownerid@odata.bind": format!("/systemusers({u3})")})),
    );
    assert_eq!(status, 204);
    let owner = |table: &str, id: Guid| emulator.row(table, id).unwrap()["_ownerid_value"].clone();
    let u3 = Value::String(u3.to_string());
    // Cascade: every task
    assert_eq!(
        [
            owner("sample_task", tasks[0]),
            owner("sample_task", tasks[1])
        ],
        [u3.clone(), u3.clone()]
    );
    // Active: the active note only
    assert_eq!(owner("sample_note", notes[0]), u3);
    assert_eq!(owner("sample_note", notes[1]), u1.to_string());
    // UserOwned: the call the previous owner owned
    assert_eq!(owner("sample_call", calls[0]), u3);
    assert_eq!(owner("sample_call", calls[1]), u2.to_string());
    // NoCascade
    assert_eq!(owner("sample_log", logs[0]), u1.to_string());
    let journal = emulator.journal();
    assert_eq!(journal.len(), 4);
    assert!(
        journal
            .iter()
            .all(|e| e.action == "Assign" && e.effect == CascadeEffect::Assigned)
    );
}

#[test]
fn related_rows_through_navigation_paths() {
    let emulator = sales();
    let savings = bank(&emulator, "Savings");
    let ids: Vec<Guid> = ["a", "b", "c"]
        .iter()
        .map(|s| session(&emulator, s, Some(savings)))
        .collect();
    let lonely = session(&emulator, "no bank", None);

    // collection-valued: the bank account's sessions, paged with a next link on the same path
    let path = format!(
        "/api/data/v9.2/sample_bankaccounts({savings})/sample_bankaccount_msdyn_ocsessions"
    );
    let prefer = [("Prefer", "odata.maxpagesize=2")];
    let (status, _, page) = call(
        &emulator,
        "GET",
        &format!("{path}?$select=subject&$orderby=subject"),
        &prefer,
        None,
    );
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["value"].as_array().unwrap().len(), 2);
    let next = page["@odata.nextLink"].as_str().unwrap();
    assert!(
        next.contains(&format!(
            "sample_bankaccounts({savings})/sample_bankaccount_msdyn_ocsessions?"
        )),
        "{next}"
    );
    let (_, _, rest) = call(&emulator, "GET", next, &prefer, None);
    assert_eq!(rest["value"][0]["subject"], "c");

    // single-valued: the session's bank account, or 204 when the lookup is empty
    let (status, _, row) = call(
        &emulator,
        "GET",
        &format!(
            "/msdyn_ocsessions({})/regardingobjectid_sample_bankaccount_msdyn_ocsession?$select=sample_name",
            ids[0]
        ),
        &[],
        None,
    );
    assert_eq!(status, 200);
    assert_eq!(row["sample_name"], "Savings");
    let (status, _, _) = call(
        &emulator,
        "GET",
        &format!(
            "/msdyn_ocsessions({lonely})/regardingobjectid_sample_bankaccount_msdyn_ocsession"
        ),
        &[],
        None,
    );
    assert_eq!(status, 204);
}

//! Typed queries: the documented URLs reproduced, literals that never break out, encoding.

use std::collections::BTreeMap;

use dataverse_model::query::{Many, Navigation, One, Query};
use dataverse_model::{Choices, Field, Guid, choice, dataverse_entity, lookup};
use percent_encoding::percent_decode_str;
use proptest::prelude::*;

choice! {
    #[choice(name = "sample_outdooractivities")]
    pub enum OutdoorActivity { Swimming = 1, Hiking = 2, Skiing = 9 }
}

lookup! {
    #[lookup(column = "parentcustomerid", table = "contact")]
    pub enum ParentCustomer {
        #[target(entity_set = "accounts", navigation = "parentcustomerid_account")]
        Account = "account",
        #[target(entity_set = "contacts", navigation = "parentcustomerid_contact")]
        Contact = "contact",
    }
}

#[dataverse_entity(
    logical_name = "account",
    entity_set = "accounts",
    primary_id = "accountid"
)]
pub struct Account {
    pub accountid: Option<Guid>,
    pub name: Field<String>,
    #[dataverse(money)]
    pub revenue: Field<rust_decimal::Decimal>,
    pub accountnumber: Field<String>,
    pub modifiedon: Option<time::OffsetDateTime>,
}

#[dataverse_entity(
    logical_name = "contact",
    entity_set = "contacts",
    primary_id = "contactid"
)]
pub struct Contact {
    pub contactid: Option<Guid>,
    pub fullname: Field<String>,
    pub firstname: Field<String>,
    pub lastname: Field<String>,
    pub sample_outdooractivities: Field<Choices<OutdoorActivity>>,
    pub parentcustomerid: Field<ParentCustomer>,
    pub birthdate: Field<time::Date>,
}

#[dataverse_entity(logical_name = "task", entity_set = "tasks", primary_id = "activityid")]
pub struct Task {
    pub activityid: Option<Guid>,
    pub subject: Field<String>,
    pub createdon: Option<time::OffsetDateTime>,
}

/// Column handles whose `Debug` is written out by the macro (not derived): a renamed column
/// and a raw field name.
#[dataverse_entity(logical_name = "note", entity_set = "notes", primary_id = "noteid")]
pub struct Note {
    pub noteid: Option<Guid>,
    #[dataverse(logical_name = "subject")]
    pub title: Field<String>,
    pub r#type: Option<i32>,
}

// navigation fields come with the navigations issue; until then, hand-written handles
const PRIMARY_CONTACT: Navigation<Account, Contact, One> = Navigation::new("primarycontactid");
const ACCOUNT_TASKS: Navigation<Account, Task, Many> = Navigation::new("Account_Tasks");

/// The options of a query string, decoded, with parameter aliases (`@p1`) put in place and
/// the array literals of query functions written one way (`['a']` and `["a"]` mean the same).
fn parse(query: &str) -> BTreeMap<String, String> {
    let mut options = parse_exact(query);
    for value in options.values_mut() {
        *value = normalize_arrays(value);
    }
    options
}

/// The options of a query string, decoded, with parameter aliases put in place.
fn parse_exact(query: &str) -> BTreeMap<String, String> {
    let mut options = BTreeMap::new();
    let mut aliases = Vec::new();
    for pair in query.split('&') {
        let (name, value) = pair.split_once('=').expect("name=value");
        let value = percent_decode_str(value)
            .decode_utf8()
            .expect("utf-8")
            .into_owned();
        if name.starts_with('@') {
            aliases.push((name.to_owned(), value));
        } else {
            assert!(
                options.insert(name.to_owned(), value).is_none(),
                "{name} twice"
            );
        }
    }
    // longest alias first, so `@p1` does not eat into `@p10`
    aliases.sort_by_key(|(name, _)| std::cmp::Reverse(name.len()));
    for value in options.values_mut() {
        for (alias, replacement) in &aliases {
            *value = value.replace(alias.as_str(), replacement);
        }
    }
    options
}

/// `['a','b']` → `["a","b"]` (values without quotes inside, as in the documented examples).
fn normalize_arrays(text: &str) -> String {
    let mut out = String::new();
    let mut in_array = false;
    for c in text.chars() {
        match c {
            '[' => in_array = true,
            ']' => in_array = false,
            _ => {}
        }
        out.push(if in_array && c == '\'' { '"' } else { c });
    }
    out
}

fn assert_documented<E: dataverse_model::Entity, P>(query: &Query<E, P>, documented: &str) {
    let ours = parse(&query.encoded());
    let theirs = parse(documented);
    for (name, value) in &theirs {
        assert_eq!(ours.get(name), Some(value), "option {name} of {documented}");
    }
    for name in ours.keys() {
        // the documented fragments leave `$select` out; ours always has one
        assert!(
            theirs.contains_key(name) || name == "$select",
            "extra option {name}"
        );
    }
}

#[test]
fn column_handles_debug_like_a_derive() {
    let c = Note::COLUMNS;
    assert_eq!(
        format!("{c:?}"),
        "NoteColumns { noteid: Column(noteid), title: Column(subject), type: Column(type) }"
    );
    assert_eq!(format!("{:?}", c.title), "Column(subject)");
    assert_eq!(
        format!("{c:#?}"),
        "NoteColumns {\n    noteid: Column(noteid),\n    title: Column(subject),\n    type: Column(type),\n}"
    );
}

#[test]
fn select_columns_page() {
    // select-columns.md: GET accounts?$select=name,revenue&$top=1
    let c = Account::COLUMNS;
    let query = Query::<Account>::new().select((c.name, c.revenue)).top(1);
    assert_documented(&query, "$select=name,revenue&$top=1");
}

#[test]
fn filter_rows_page() {
    let a = Account::COLUMNS;
    let c = Contact::COLUMNS;
    let dec = rust_decimal::Decimal::from;
    // filter-rows.md, "Column comparison"
    let query = Query::<Contact>::new()
        .select(c.fullname)
        .filter(c.firstname.eq_column(c.lastname));
    assert_documented(&query, "$select=fullname&$filter=firstname eq lastname");
    // "Logical operators" and "Grouping operators"
    let cases: Vec<(Query<Account>, &str)> = vec![
        (
            Query::new().filter(a.revenue.lt(dec(100000)).and(a.revenue.gt(dec(2000)))),
            "$filter=revenue lt 100000 and revenue gt 2000",
        ),
        (
            Query::new().filter(a.name.contains("(sample)").or(a.name.contains("test"))),
            "$filter=contains(name,'(sample)') or contains(name,'test')",
        ),
        (
            Query::new().filter(a.name.contains("sample").not()),
            "$filter=not contains(name,'sample')",
        ),
        (
            Query::new().filter(
                (a.name.contains("sample") | a.name.contains("test")) & a.revenue.gt(dec(5000)),
            ),
            "$filter=(contains(name,'sample') or contains(name,'test')) and revenue gt 5000",
        ),
    ];
    for (query, documented) in cases {
        assert_documented(&query, documented);
    }
}

#[test]
fn query_function_reference_pages() {
    // webapi/reference/in.md syntax example
    let query = Query::<Account>::new().filter(Account::COLUMNS.name.is_in(["value", "value"]));
    assert_documented(
        &query,
        "$filter=Microsoft.Dynamics.CRM.In(PropertyName=@p1,PropertyValues=@p2)&@p1='name'&@p2=['value','value']",
    );
    // multi-select-picklist.md
    let query = Query::<Contact>::new().filter(
        Contact::COLUMNS
            .sample_outdooractivities
            .contain_values([OutdoorActivity::Hiking]),
    );
    assert_documented(
        &query,
        "$filter=Microsoft.Dynamics.CRM.ContainValues(PropertyName='sample_outdooractivities',PropertyValues=%5B'2'%5D)",
    );
}

#[test]
fn join_tables_page() {
    let t = Task::COLUMNS;
    let query = Query::<Account>::new()
        .select(Account::COLUMNS.name)
        .expand(ACCOUNT_TASKS, |tasks| {
            tasks
                .select(t.subject)
                .filter(t.subject.contains("Task"))
                .order_by(t.createdon.desc())
        });
    assert_documented(
        &query,
        "$select=name&$expand=Account_Tasks($select=subject;$filter=contains(subject,'Task');$orderby=createdon desc)",
    );
    let query = Query::<Account>::new()
        .select(Account::COLUMNS.name)
        .expand(PRIMARY_CONTACT, |contact| {
            contact.select(Contact::COLUMNS.fullname)
        })
        .expand(ACCOUNT_TASKS, |tasks| tasks.select(t.subject))
        .max_page_size(1);
    assert_documented(
        &query,
        "$select=name&$expand=primarycontactid($select=fullname),Account_Tasks($select=subject)",
    );
    assert_eq!(
        query.prefer().header_value().as_deref(),
        Some("odata.maxpagesize=1")
    );
}

#[test]
fn page_results_page() {
    let query = Query::<Account>::new()
        .select(Account::COLUMNS.name)
        .max_page_size(2);
    assert_documented(&query, "$select=name");
    assert_eq!(
        query.prefer().header_value().as_deref(),
        Some("odata.maxpagesize=2")
    );
}

#[test]
fn literals_of_every_type() {
    let c = Contact::COLUMNS;
    let id = Guid::parse_str("0928bcb4-bb27-ed11-9db1-002248274ada").unwrap();
    let date = time::macros::date!(2023 - 04 - 07);
    let filter = c
        .parentcustomerid
        .eq(id)
        .and(c.birthdate.ge(date))
        .and(c.fullname.ne("It's"))
        .and(c.contactid.is_not_null());
    assert_eq!(
        filter.to_string(),
        "_parentcustomerid_value eq 0928bcb4-bb27-ed11-9db1-002248274ada and birthdate ge 2023-04-07 \
         and fullname ne 'It''s' and contactid ne null"
    );
    let a = Account::COLUMNS;
    let at = time::macros::datetime!(2023-04-07 14:59:01.25 -7);
    assert_eq!(
        a.modifiedon.lt(at).to_string(),
        "modifiedon lt 2023-04-07T21:59:01.25Z"
    );
    assert_eq!(
        c.birthdate.on(date).to_string(),
        "Microsoft.Dynamics.CRM.On(PropertyName='birthdate',PropertyValue='2023-04-07')"
    );
    assert_eq!(
        a.modifiedon.last_x_hours(12).to_string(),
        "Microsoft.Dynamics.CRM.LastXHours(PropertyName='modifiedon',PropertyValue=12)"
    );
    // a lookup's query functions take the column's logical name
    assert_eq!(
        c.parentcustomerid.not_in([id]).to_string(),
        "Microsoft.Dynamics.CRM.NotIn(PropertyName='parentcustomerid',PropertyValues=[\"0928bcb4-bb27-ed11-9db1-002248274ada\"])"
    );
    // in a JSON array a `'` needs no doubling, a `"` is escaped
    assert_eq!(
        a.name.is_in(["O'Neil", "say \"hi\""]).to_string(),
        "Microsoft.Dynamics.CRM.In(PropertyName='name',PropertyValues=[\"O'Neil\",\"say \\\"hi\\\"\"])"
    );
    assert_eq!(
        c.sample_outdooractivities
            .does_not_contain_values([OutdoorActivity::Swimming, OutdoorActivity::Skiing])
            .to_string(),
        "Microsoft.Dynamics.CRM.DoesNotContainValues(PropertyName='sample_outdooractivities',PropertyValues=[\"1\",\"9\"])"
    );
    assert_eq!(
        Query::<Contact>::new()
            .select((c.fullname, c.parentcustomerid))
            .options()[0]
            .1,
        "fullname,_parentcustomerid_value"
    );
}

#[test]
fn prefer_and_count() {
    let query = Query::<Account>::new()
        .count()
        .include_annotations("*")
        .track_changes()
        .order_by(Account::COLUMNS.name.asc())
        .order_by(Account::COLUMNS.revenue.desc());
    assert_eq!(
        query.to_string(),
        "$select=accountid,name,revenue,accountnumber,modifiedon&$orderby=name asc,revenue desc&$count=true"
    );
    assert_eq!(
        query.prefer().header_value().as_deref(),
        Some("odata.include-annotations=\"*\",odata.track-changes")
    );
}

/// The one `$filter` option of an encoded query, decoded, after a round trip through
/// `http::Uri` (what a client sends).
fn decoded_filter(query: &str) -> String {
    let uri: http::Uri = format!("/api/data/v9.2/accounts?{query}")
        .parse()
        .expect("a valid uri");
    let options = parse_exact(uri.query().unwrap());
    assert_eq!(options.len(), 2, "{query}: {options:?}");
    options["$filter"].clone()
}

/// The text inside `'...'`, with `''` read as `'`; `None` when the quotes do not close at
/// the very end.
fn unquote(literal: &str) -> Option<String> {
    let inner = literal.strip_prefix('\'')?.strip_suffix('\'')?;
    let mut text = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\'' {
            // inside a literal a quote is always doubled
            if chars.next() != Some('\'') {
                return None;
            }
        }
        text.push(c);
    }
    Some(text)
}

#[test]
fn user_values_never_break_out_of_their_literal() {
    let name = Account::COLUMNS.name;
    for hostile in [
        "O'Neil",
        "x') or (name ne '",
        "' or 1 eq 1 or name eq '",
        "a&$top=1",
        "#fragment",
        "100% + 50%?",
        "a)",
        "'",
        "''",
        "é 漢字 🙂",
    ] {
        let query = Query::<Account>::new()
            .select(name)
            .filter(name.eq(hostile));
        let filter = decoded_filter(&query.encoded());
        let literal = filter.strip_prefix("name eq ").unwrap();
        assert_eq!(unquote(literal).as_deref(), Some(hostile), "{filter}");
    }
}

fn escaped(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '%' | '_' | '[' => format!("[{c}]"),
            c => c.to_string(),
        })
        .collect()
}

proptest! {
    #[test]
    fn any_string_survives_an_eq(text in any::<String>()) {
        let name = Account::COLUMNS.name;
        let query = Query::<Account>::new().select(name).filter(name.eq(text.as_str()));
        let filter = decoded_filter(&query.encoded());
        let literal = filter.strip_prefix("name eq ").unwrap();
        prop_assert_eq!(unquote(literal), Some(text));
    }

    #[test]
    fn any_string_is_matched_literally_by_text_functions(text in any::<String>()) {
        let name = Account::COLUMNS.name;
        for (function, filter) in [
            ("contains", name.contains(&text)),
            ("startswith", name.starts_with(&text)),
            ("endswith", name.ends_with(&text)),
        ] {
            let query = Query::<Account>::new().select(name).filter(filter);
            let decoded = decoded_filter(&query.encoded());
            let literal = decoded
                .strip_prefix(&format!("{function}(name,"))
                .and_then(|rest| rest.strip_suffix(')'))
                .unwrap();
            prop_assert_eq!(unquote(literal), Some(escaped(&text)));
        }
    }
}

#[test]
fn filters_through_navigations() {
    let c = Contact::COLUMNS;
    let t = Task::COLUMNS;
    let through = PRIMARY_CONTACT
        .column(c.fullname)
        .eq("Susanna Stubberod (sample)");
    assert_eq!(
        through.to_string(),
        "primarycontactid/fullname eq 'Susanna Stubberod (sample)'"
    );
    let lookup = PRIMARY_CONTACT.column(c.parentcustomerid).is_null();
    assert_eq!(
        lookup.to_string(),
        "primarycontactid/_parentcustomerid_value eq null"
    );
    let any = ACCOUNT_TASKS
        .any(|task| task.column(t.subject).starts_with("50%") | task.column(t.createdon).is_null());
    let all = ACCOUNT_TASKS.all(|task| task.column(t.subject).ne("x"));
    let query = Query::<Account>::new()
        .select(Account::COLUMNS.name)
        .filter(through.and(any).and(all.not()));
    assert_eq!(
        parse(&query.encoded())["$filter"],
        "primarycontactid/fullname eq 'Susanna Stubberod (sample)' \
         and Account_Tasks/any(o:startswith(o/subject,'50[%]') or o/createdon eq null) \
         and not Account_Tasks/all(o:o/subject ne 'x')"
    );
}

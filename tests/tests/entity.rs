//! `#[dataverse_entity]` end to end on the Session table: decoding real-shaped Web API
//! responses, request bodies, unknown data surviving a read-modify-write, request helpers
//! and identity inherited by the Sales layer.

use dataverse_model::{Choice, Entity, Field, Guid, Lookup, Operation, Page};
use dataverse_model_tests::session::{SalesSession, Session};
use dataverse_model_tests::session_choices::{
    SalesSessionEventReason, SessionEventReason, SessionState, SessionStatus,
};
use dataverse_model_tests::session_lookups::{Regarding, SalesRegarding};
use serde_json::json;

const PAGE: &str = include_str!("../fixtures/sessions.page.json");
const NO_ANNOTATIONS: &str = include_str!("../fixtures/session.no-annotations.json");

fn guid(text: &str) -> Guid {
    text.parse().unwrap()
}

fn sales_page() -> Page<SalesSession> {
    serde_json::from_str(PAGE).unwrap()
}

#[test]
fn decodes_a_page_of_sales_sessions() {
    let page = sales_page();
    assert_eq!(page.value.len(), 4);
    assert!(page.context.as_deref().unwrap().ends_with("#msdyn_ocsessions(activityid,subject,msdyn_queueassignedreason,msdyn_sessioncreationreason,regardingobjectid,statecode,statuscode,msdyn_sessioncreatedon,versionnumber)"));
    assert!(page.next_link.as_deref().unwrap().contains("$skiptoken="));

    let first = &page.value[0];
    assert_eq!(first.etag.as_deref(), Some("W/\"72935648\""));
    assert_eq!(
        first.activityid,
        Field::Value(guid("0928bcb4-bb27-ed11-9db1-002248274ada"))
    );
    assert_eq!(
        first.subject,
        Field::Value("Chat with Rafel Shillo".to_owned())
    );
    // 192350024 is relabelled by the Sales layer: it decodes to the top layer's variant
    assert_eq!(
        first.msdyn_queueassignedreason,
        Field::Value(SalesSessionEventReason::BotTransferSession)
    );
    assert_eq!(
        first.msdyn_sessioncreationreason,
        Field::Value(SalesSessionEventReason::Base(SessionEventReason::Default))
    );
    let regarding = first.regardingobjectid.value().unwrap();
    assert_eq!(
        regarding,
        &SalesRegarding::Base(Regarding::Account(guid(
            "78914942-34cb-ed11-b596-0022481d68cd"
        )))
    );
    assert_eq!(
        regarding.navigation(),
        Some("regardingobjectid_account_msdyn_ocsession")
    );
    assert_eq!(first.statecode, Field::Value(SessionState::Open));
    assert_eq!(first.statuscode, Field::Value(SessionStatus::Open));
    assert_eq!(
        first.msdyn_sessioncreatedon,
        Field::Value(time::macros::datetime!(2023-04-07 21:59:01 UTC))
    );
    assert_eq!(first.versionnumber, Field::Value(72935648));
    assert_eq!(
        first.sample_channelnote,
        Field::Value("prefers chat".to_owned())
    );
    // formatted values, lookups' under their column name
    assert_eq!(
        first.formatted.get("regardingobjectid"),
        Some("Litware, Inc. (sample)")
    );
    assert_eq!(
        first.formatted.get("msdyn_queueassignedreason"),
        Some("BotTransferSession ")
    );
    assert_eq!(
        first.formatted.get("msdyn_sessioncreatedon"),
        Some("4/7/2023 2:59 PM")
    );
    assert_eq!(first.formatted.len(), 6);

    // annotations after the value, a null column, an unselected column
    let second = &page.value[1];
    assert_eq!(second.sample_channelnote, Field::Null);
    assert_eq!(
        second.formatted.get("regardingobjectid"),
        Some("Project Phoenix")
    );
    let third = &page.value[2];
    assert_eq!(third.subject, Field::Null);
    assert_eq!(third.regardingobjectid, Field::Null);
    assert_eq!(third.msdyn_sessioncreatedon, Field::Unset);
    assert!(third.formatted.is_empty());

    // the Sales target
    let fourth = &page.value[3];
    assert_eq!(
        fourth.regardingobjectid,
        Field::Value(SalesRegarding::SampleBankAccount(guid(
            "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
        )))
    );
    assert_eq!(fourth.statuscode, Field::Value(SessionStatus::Scheduled));
}

#[test]
fn the_base_layer_keeps_what_only_the_sales_layer_knows() {
    let page: Page<Session> = serde_json::from_str(PAGE).unwrap();
    let fourth = &page.value[3];
    let regarding = fourth.regardingobjectid.as_ref().unwrap();
    assert!(!regarding.is_known());
    assert_eq!(regarding.logical_name(), "sample_bankaccount");
    assert_eq!(regarding.id(), guid("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"));
    // base layer: 192350024 is the base option, labelled without the trailing space
    let first = &page.value[0];
    assert_eq!(
        first.msdyn_queueassignedreason,
        Some(SessionEventReason::BotTransferSession)
    );
    assert_eq!(
        first.msdyn_queueassignedreason.unwrap().label(),
        Some("BotTransferSession")
    );
    // columns the page does not select read as None
    assert_eq!(first.description, None);
    assert_eq!(first.ownerid, None);
}

#[test]
fn a_multi_target_lookup_without_annotations_names_the_column_and_the_header() {
    let error = serde_json::from_str::<SalesSession>(NO_ANNOTATIONS)
        .unwrap_err()
        .to_string();
    assert!(error.contains("column `regardingobjectid`"), "{error}");
    assert!(error.contains("_regardingobjectid_value"), "{error}");
    assert!(
        error.contains(
            "Prefer: odata.include-annotations=\"Microsoft.Dynamics.CRM.lookuplogicalname\""
        ),
        "{error}"
    );
}

#[test]
fn a_wrong_type_names_the_column() {
    let error = serde_json::from_str::<Session>(r#"{"subject": 5}"#)
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with("column `subject`: invalid type: integer `5`, expected a string"),
        "{error}"
    );
    let error = serde_json::from_str::<Session>(r#"{"msdyn_queueassignedreason": "x"}"#)
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with("column `msdyn_queueassignedreason`:"),
        "{error}"
    );
    let error = serde_json::from_str::<Session>(r#"{"_regardingobjectid_value": "not-a-guid"}"#)
        .unwrap_err()
        .to_string();
    assert!(error.starts_with("column `regardingobjectid`:"), "{error}");
}

#[test]
fn unknown_option_and_target_survive_a_read_modify_write() {
    let mut row = sales_page().value.swap_remove(1);
    assert_eq!(
        row.msdyn_queueassignedreason.value().unwrap().value(),
        192350047
    );
    assert!(!row.msdyn_queueassignedreason.value().unwrap().is_known());
    let regarding = row.regardingobjectid.value().unwrap().clone();
    assert_eq!(regarding.logical_name(), "new_project");
    assert!(!regarding.is_known());

    row.subject = Field::Value("Escalated call (follow-up)".to_owned());

    // the update body: the unknown option value goes back unchanged; the lookup target whose
    // entity set no layer declares is left out, so the service keeps it
    let update = serde_json::to_value(row.update_payload()).unwrap();
    assert_eq!(update["msdyn_queueassignedreason"], json!(192350047));
    assert_eq!(update["subject"], json!("Escalated call (follow-up)"));
    assert!(
        update
            .as_object()
            .unwrap()
            .keys()
            .all(|k| !k.starts_with("regardingobjectid"))
    );

    // the row as the service returns it keeps both, and reads back equal
    let rendered = serde_json::to_string(&row.response_body()).unwrap();
    let back: SalesSession = serde_json::from_str(&rendered).unwrap();
    assert_eq!(back, row);
    assert_eq!(
        back.regardingobjectid.value().unwrap().logical_name(),
        "new_project"
    );
}

#[test]
fn create_and_update_bodies() {
    let row = sales_page().value.swap_remove(3);
    let create = serde_json::to_value(row.create_payload()).unwrap();
    assert_eq!(
        create,
        json!({
            "activityid": "1a2b3c4d-0000-4000-8000-000000000004",
            "subject": "Loan questions",
            "msdyn_queueassignedreason": 192350000,
            "msdyn_sessioncreationreason": 192350027,
            "regardingobjectid_sample_bankaccount_msdyn_ocsession@odata.bind":
                "/sample_bankaccounts(9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d)",
            "statecode": 3,
            "statuscode": 4
        })
    );
    // Serialize is the create body
    assert_eq!(serde_json::to_value(&row).unwrap(), create);

    // update: no primary id, no read-only column, unset fields left out, null clears
    let mut change = SalesSession {
        subject: Field::Value("Renamed".to_owned()),
        sample_channelnote: Field::Null,
        regardingobjectid: Field::Null,
        activityid: Field::Value(guid("1a2b3c4d-0000-4000-8000-000000000004")),
        versionnumber: Field::Value(3),
        ..SalesSession::default()
    };
    assert_eq!(
        serde_json::to_value(change.update_payload()).unwrap(),
        json!({
            "subject": "Renamed",
            "regardingobjectid_account_msdyn_ocsession": null,
            "sample_channelnote": null
        })
    );
    change.msdyn_sessioncreatedon =
        Field::Value(time::macros::datetime!(2024-05-19 08:30:00 +02:00));
    assert_eq!(
        serde_json::to_value(change.update_payload()).unwrap()["msdyn_sessioncreatedon"],
        json!("2024-05-19T08:30:00+02:00")
    );
}

#[test]
fn request_helpers_and_inherited_identity() {
    let meta = <SalesSession as Entity>::METADATA;
    assert_eq!(meta.logical_name, "msdyn_ocsession");
    assert_eq!(meta.entity_set, "msdyn_ocsessions");
    assert_eq!(meta.primary_id, "activityid");
    assert_eq!(meta.primary_name, Some("subject"));
    assert_eq!(meta.base.unwrap().rust_name, "Session");
    assert_eq!(
        SalesSession::select(),
        "activityid,subject,msdyn_queueassignedreason,msdyn_sessioncreationreason,_regardingobjectid_value,statecode,statuscode,msdyn_sessioncreatedon,versionnumber,sample_channelnote"
    );
    assert_eq!(SalesSession::collection_path(), "/msdyn_ocsessions");
    let id = guid("0928bcb4-bb27-ed11-9db1-002248274ada");
    assert_eq!(
        SalesSession::entity_path(id),
        "/msdyn_ocsessions(0928bcb4-bb27-ed11-9db1-002248274ada)"
    );
    let row = sales_page().value.swap_remove(0);
    assert_eq!(row.primary_id(), Some(id));

    // the base table: 94 columns, party lists left out of $select
    let base = <Session as Entity>::METADATA;
    assert_eq!(base.columns.len(), 94);
    assert_eq!(Session::select().split(',').count(), 84);
    assert!(Session::select().contains("_ownerid_value"));
    // relationships gathered from the lookup columns
    let sales_relationships: Vec<_> = meta.relationships().map(|r| r.schema_name).collect();
    assert!(sales_relationships.contains(&"sample_bankaccount_msdyn_ocsessions"));
    assert!(sales_relationships.contains(&"account_msdyn_ocsessions"));
    let subject = meta.column("subject").unwrap();
    assert_eq!(
        (subject.max_length, subject.required_level),
        (
            Some(200),
            dataverse_model::RequiredLevel::ApplicationRequired
        )
    );
    assert!(meta.column("versionnumber").unwrap().read_only);
    // a column only the base declares is found through the base
    assert!(meta.column("description").is_some());
}

#[test]
fn a_full_base_row_renders_and_reads_back() {
    let page: Page<Session> = serde_json::from_str(PAGE).unwrap();
    let rendered = serde_json::to_string(&page).unwrap();
    let back: Page<Session> = serde_json::from_str(&rendered).unwrap();
    assert_eq!(back, page);
}

#[test]
fn validation_passes_for_clean_rows() {
    let page = sales_page();
    assert_eq!(page.value[0].validate(Operation::Create), Ok(()));
    assert_eq!(page.value[3].validate(Operation::Update), Ok(()));
}

/// The formatted-values sample of the Web API docs (`GET accounts?$select=name,revenue` with
/// `Prefer: odata.include-annotations="OData.Community.Display.V1.FormattedValue"`).
const ACCOUNTS: &str = r#"{
    "@odata.context": "[Organization URI]/api/data/v9.2/$metadata#accounts(name,revenue)",
    "value": [
{
            "@odata.etag": "W/\"81359849\"",
            "name": "Litware, Inc. (sample)",
            "revenue@OData.Community.Display.V1.FormattedValue": "$20,000.00",
            "revenue": 20000.0000,
            "_primarycontactid_value@OData.Community.Display.V1.FormattedValue": "Susanna Stubberod (sample)",
            "_primarycontactid_value": "70bf4d48-34cb-ed11-b596-0022481d68cd",
            "customertypecode@OData.Community.Display.V1.FormattedValue": "Competitor",
            "customertypecode": 1,
            "modifiedon@OData.Community.Display.V1.FormattedValue": "4/7/2023 2:59 PM",
            "modifiedon": "2023-04-07T21:59:01Z",
            "_transactioncurrencyid_value@OData.Community.Display.V1.FormattedValue": "US Dollar",
            "_transactioncurrencyid_value": "228f42f8-e646-e111-8eb7-78e7d162ced1",
            "accountid": "78914942-34cb-ed11-b596-0022481d68cd"
        }
    ]
}"#;

dataverse_model::lookup! {
    /// The primary contact of an account (single target: no annotation needed).
    #[lookup(column = "primarycontactid", table = "account")]
    pub enum PrimaryContact {
        #[target(entity_set = "contacts")]
        Contact = "contact",
    }
}

/// A projection of `account` with a `Money` column.
#[dataverse_model::dataverse_entity(
    logical_name = "account",
    entity_set = "accounts",
    primary_id = "accountid"
)]
#[derive(Debug, PartialEq)]
pub struct Account {
    pub accountid: Option<Guid>,
    pub name: Option<String>,
    #[dataverse(min = 0)]
    pub revenue: Option<dataverse_model::Money>,
    pub primarycontactid: Option<PrimaryContact>,
    pub customertypecode: Option<i32>,
    #[dataverse(formatted_values)]
    pub formatted: dataverse_model::FormattedValues,
}

#[test]
fn money_and_single_target_lookups_read_the_documented_sample() {
    let page: Page<Account> = serde_json::from_str(ACCOUNTS).unwrap();
    let row = &page.value[0];
    let revenue = row.revenue.unwrap();
    assert_eq!(
        revenue.to_string(),
        "20000.0000",
        "read exactly, scale kept"
    );
    assert_eq!(
        <Account as Entity>::METADATA
            .column("revenue")
            .unwrap()
            .kind,
        dataverse_model::ColumnKind::Money
    );
    // a single-target lookup needs no lookuplogicalname annotation
    assert_eq!(
        row.primarycontactid,
        Some(PrimaryContact::Contact(guid(
            "70bf4d48-34cb-ed11-b596-0022481d68cd"
        )))
    );
    // a formatted value of a column the struct does not declare is kept too
    assert_eq!(
        row.formatted.get("transactioncurrencyid"),
        Some("US Dollar")
    );
    assert_eq!(row.formatted.get("revenue"), Some("$20,000.00"));
    // the body's text keeps the decimal's scale (a `serde_json::Value` holds numbers as
    // floats, without `arbitrary_precision`)
    let text = serde_json::to_string(&row.update_payload()).unwrap();
    assert!(text.contains(r#""revenue":20000.0000"#), "{text}");
    let body: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        body["primarycontactid@odata.bind"],
        "/contacts(70bf4d48-34cb-ed11-b596-0022481d68cd)"
    );
    let negative = Account {
        accountid: None,
        name: None,
        revenue: Some(dataverse_model::Money(rust_decimal::Decimal::new(-1, 0))),
        primarycontactid: None,
        customertypecode: None,
        formatted: dataverse_model::FormattedValues::new(),
    };
    let errors = negative.validate(Operation::Update).unwrap_err();
    assert_eq!(
        (errors.errors()[0].column, errors.errors()[0].rule),
        ("revenue", dataverse_model::Rule::Min)
    );
}

/// `account` with its primary key as a `Field`, to check each state of the key.
#[dataverse_model::dataverse_entity(
    logical_name = "account",
    entity_set = "accounts",
    primary_id = "accountid"
)]
pub struct AccountKey {
    pub accountid: Field<Guid>,
    pub name: Option<String>,
}

/// The service generates the primary key: a create body without a key value leaves the key
/// out rather than sending `null`, and sends it when it has one.
#[test]
fn create_leaves_out_a_primary_key_without_value() {
    let new = Account {
        accountid: None,
        name: Some("Contoso".to_owned()),
        revenue: None,
        primarycontactid: None,
        customertypecode: None,
        formatted: dataverse_model::FormattedValues::new(),
    };
    assert_eq!(
        serde_json::to_value(new.create_payload()).unwrap(),
        json!({"name": "Contoso", "revenue": null, "primarycontactid": null, "customertypecode": null})
    );
    let id = guid("78914942-34cb-ed11-b596-0022481d68cd");
    for (key, body) in [
        (Field::Unset, json!({"name": null})),
        (Field::Null, json!({"name": null})),
        (
            Field::Value(id),
            json!({"accountid": "78914942-34cb-ed11-b596-0022481d68cd", "name": null}),
        ),
    ] {
        let row = AccountKey {
            accountid: key,
            name: None,
        };
        assert_eq!(serde_json::to_value(row.create_payload()).unwrap(), body);
        // update never writes the key: it is in the URL
        assert_eq!(
            serde_json::to_value(row.update_payload()).unwrap(),
            json!({"name": null})
        );
    }
}

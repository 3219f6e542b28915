//! What the Web API really sends (issue 12): service errors, change-tracking pages, bodies of
//! the wrong shape, and every reference body of the Microsoft documentation.

use dataverse_model::{DeltaPage, DeltaRow, Guid, Page, ServiceError};
use dataverse_model_tests::session::Session;

const ERROR_BODY: &str = include_str!("../fixtures/error-with-annotations.response.json");

fn guid(text: &str) -> Guid {
    text.parse().unwrap()
}

// ---- service errors ----------------------------------------------------------------------

#[test]
fn an_error_body_is_not_an_empty_row() {
    let message = serde_json::from_str::<Session>(ERROR_BODY)
        .unwrap_err()
        .to_string();
    assert!(
        message.starts_with(
            "the service returned an error instead of a `Session` row: `0x80040265`: Example Error Message."
        ),
        "{message}"
    );
    assert!(message.contains("`ServiceError::from_body`"), "{message}");
    // the typed error, every annotation kept, from the same body
    let error = ServiceError::from_body(ERROR_BODY.as_bytes()).unwrap();
    assert_eq!(error.code(), "0x80040265");
    assert_eq!(error.annotations().len(), 5);
}

#[test]
fn an_error_body_is_not_a_page() {
    let message = serde_json::from_str::<Page<Session>>(ERROR_BODY)
        .unwrap_err()
        .to_string();
    assert!(
        message.starts_with("the service returned an error instead of a page of `Session` rows: `0x80040265`: Example Error Message."),
        "{message}"
    );
    let message = serde_json::from_str::<DeltaPage<Session>>(ERROR_BODY)
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("instead of a page of `DeltaRow<Session>` rows"),
        "{message}"
    );
}

#[test]
fn an_error_body_with_an_empty_code() {
    let body = include_str!("../fixtures/webapi/error-empty-code.response.json");
    for message in [
        serde_json::from_str::<Session>(body)
            .unwrap_err()
            .to_string(),
        serde_json::from_str::<Page<Session>>(body)
            .unwrap_err()
            .to_string(),
    ] {
        assert!(
            message.contains(
                "instead of a page of `Session` rows: Resource not found for the segment 'acounts'."
            ) || message.contains(
                "instead of a `Session` row: Resource not found for the segment 'acounts'."
            ),
            "{message}"
        );
    }
    let error = ServiceError::from_body(body.as_bytes()).unwrap();
    assert_eq!(error.code(), "");
    assert!(error.annotations().contains_key("innererror"));
}

#[test]
fn a_property_named_error_that_is_no_service_error_is_skipped() {
    let row: Session =
        serde_json::from_str(r#"{"error": {"detail": 1}, "subject": "s", "value": 5}"#).unwrap();
    assert_eq!(row.subject.as_deref(), Some("s"));
    let row: Session = serde_json::from_str(r#"{"error": "text", "subject": "s"}"#).unwrap();
    assert_eq!(row.subject.as_deref(), Some("s"));
}

// ---- change tracking ---------------------------------------------------------------------

#[test]
fn a_delta_page_keeps_changed_and_deleted_rows_and_its_delta_link() {
    let body = include_str!("../fixtures/webapi/change-tracking.delta.response.json");
    let page: DeltaPage<Session> = serde_json::from_str(body).unwrap();
    assert!(page.context.as_deref().unwrap().ends_with("/$delta"));
    assert_eq!(page.value.len(), 3);
    let DeltaRow::Changed(changed) = &page.value[0] else {
        panic!("{:?}", page.value[0])
    };
    assert_eq!(changed.subject.as_deref(), Some("Chat with Monte"));
    assert_eq!(
        page.value[1],
        DeltaRow::Deleted {
            id: guid("43a2a3a8-0d87-e711-80e5-00155db19e6d"),
            reason: Some("deleted".into())
        }
    );
    assert!(
        matches!(&page.value[2], DeltaRow::Changed(row) if row.subject.as_deref() == Some("Second chat"))
    );
    assert_eq!(
        page.delta_link.as_deref(),
        Some(
            "[Organization URI]/api/data/v9.2/msdyn_ocsessions?$select=subject&$deltatoken=919042%2108%2f22%2f2017%2008%3a10%3a44"
        )
    );
    // the same body read as a plain page: the deleted row is an error naming `DeltaPage`
    let message = serde_json::from_str::<Page<Session>>(body)
        .unwrap_err()
        .to_string();
    assert!(
        message.starts_with("received a deleted row (`@odata.context` ends in `$deletedEntity`) where a `Session` row is due; read change-tracking pages as `DeltaPage<Session>`"),
        "{message}"
    );
}

#[test]
fn a_deleted_row_alone_is_not_an_empty_row() {
    let row = r#"{"@odata.context": "[Organization URI]/api/data/v9.2/$metadata#msdyn_ocsessions/$deletedEntity",
        "id": "43a2a3a8-0d87-e711-80e5-00155db19e6d", "reason": "deleted"}"#;
    let message = serde_json::from_str::<Session>(row)
        .unwrap_err()
        .to_string();
    assert!(message.contains("`DeltaPage<Session>`"), "{message}");
    // read as a delta row, from a reader too (keys not borrowed)
    for read in [
        serde_json::from_str::<DeltaRow<Session>>(row).unwrap(),
        serde_json::from_reader::<_, DeltaRow<Session>>(row.as_bytes()).unwrap(),
    ] {
        assert_eq!(
            read,
            DeltaRow::Deleted {
                id: guid("43a2a3a8-0d87-e711-80e5-00155db19e6d"),
                reason: Some("deleted".into())
            }
        );
    }
    // a deleted row without its id
    let message = serde_json::from_str::<DeltaRow<Session>>(
        r#"{"@odata.context": "x/$deletedEntity", "reason": "deleted"}"#,
    )
    .unwrap_err()
    .to_string();
    assert!(message.contains("without its `id`"), "{message}");
}

#[test]
fn a_changed_row_with_its_own_context_reads_every_column() {
    let row = r#"{"@odata.context": "[Organization URI]/api/data/v9.2/$metadata#msdyn_ocsessions/$entity",
        "subject": "s", "activityid": "43a2a3a8-0d87-e711-80e5-00155db19e6d"}"#;
    for read in [
        serde_json::from_str::<DeltaRow<Session>>(row).unwrap(),
        serde_json::from_reader::<_, DeltaRow<Session>>(row.as_bytes()).unwrap(),
    ] {
        let DeltaRow::Changed(session) = read else {
            panic!("{read:?}")
        };
        assert_eq!(session.subject.as_deref(), Some("s"));
        assert_eq!(
            session.activityid,
            Some(guid("43a2a3a8-0d87-e711-80e5-00155db19e6d"))
        );
    }
    let empty: DeltaRow<Session> = serde_json::from_str("{}").unwrap();
    assert!(matches!(empty, DeltaRow::Changed(_)));
}

#[test]
fn a_plain_page_keeps_its_delta_link() {
    let page: Page<Session> = serde_json::from_str(
        r#"{"value": [], "@odata.deltaLink": "https://org/api/data/v9.2/msdyn_ocsessions?$deltatoken=1"}"#,
    )
    .unwrap();
    assert_eq!(
        page.delta_link.as_deref(),
        Some("https://org/api/data/v9.2/msdyn_ocsessions?$deltatoken=1")
    );
    let written = serde_json::to_value(&page).unwrap();
    assert_eq!(
        written["@odata.deltaLink"],
        "https://org/api/data/v9.2/msdyn_ocsessions?$deltatoken=1"
    );
}

// ---- bodies of the wrong shape -----------------------------------------------------------

#[test]
fn an_array_or_a_page_where_a_row_is_due() {
    let message = serde_json::from_str::<Session>(r#"[{"subject": "s"}]"#)
        .unwrap_err()
        .to_string();
    assert!(
        message.starts_with("invalid type: sequence, expected a `Session` row as a JSON object (read a list of rows as `Vec<Session>`, a collection response as `Page<Session>`)"),
        "{message}"
    );
    let message =
        serde_json::from_str::<Session>(r#"{"@odata.context": "x", "value": [{"subject": "s"}]}"#)
            .unwrap_err()
            .to_string();
    assert!(
        message.starts_with("received a collection page (`value` holds rows) where one `Session` row is due; read it as `Page<Session>`"),
        "{message}"
    );
    // a page without `value`, a duplicate `value`
    let message = serde_json::from_str::<Page<Session>>(r#"{"@odata.context": "x"}"#)
        .unwrap_err()
        .to_string();
    assert!(message.starts_with("missing field `value`"), "{message}");
    let message = serde_json::from_str::<Page<Session>>(r#"{"value": [], "value": []}"#)
        .unwrap_err()
        .to_string();
    assert!(message.starts_with("duplicate field `value`"), "{message}");
    let message = serde_json::from_str::<Page<Session>>("[]")
        .unwrap_err()
        .to_string();
    assert!(
        message.starts_with(
            "invalid type: sequence, expected a page of `Session` rows as a JSON object"
        ),
        "{message}"
    );
}

// ---- every reference body ----------------------------------------------------------------
//
// Each body of the Microsoft documentation (tests/fixtures/webapi/, see its README) decoded
// into the tables of `webapi_tables`, and each request body compared (JSON-equal) with what
// the encoder writes, navigations, binds read back and activity parties included.

mod reference {
    use dataverse_model::{
        ActivityParty, Choices, Entity, Field, Money, Page, ParticipationType, PartyList, PartyRef,
        RelatedRows,
    };
    use dataverse_model_tests::webapi_tables::{
        Account, AccountCategory, Contact, ContactCurrency, Currency, Customer, CustomerType,
        Email, Opportunity, OutdoorActivity, Owner, ParentAccount, PrimaryContact, ProductVersion,
        Task,
    };
    use serde_json::Value;

    use super::guid;

    macro_rules! fixture {
        ($name:literal) => {
            include_str!(concat!("../fixtures/webapi/", $name))
        };
    }

    fn money(text: &str) -> Field<Money> {
        Field::Value(Money(text.parse().unwrap()))
    }

    fn json(text: &str) -> Value {
        serde_json::from_str(text).unwrap()
    }

    /// `OData-EntityId`-style bind paths are accepted with and without the leading `/`
    /// (the documentation shows both); the encoder writes it. Compared without it, in binds
    /// of one row or of many (collection binds), at any depth (activity parties).
    fn without_bind_slashes(mut body: Value) -> Value {
        fn strip(path: &mut Value) {
            match path {
                Value::String(text) => {
                    if let Some(rest) = text.strip_prefix('/') {
                        *text = rest.to_owned();
                    }
                }
                Value::Array(paths) => paths.iter_mut().for_each(strip),
                _ => {}
            }
        }
        match &mut body {
            Value::Object(map) => {
                for (key, value) in map.iter_mut() {
                    if key.ends_with("@odata.bind") {
                        strip(value);
                    } else {
                        *value = without_bind_slashes(value.take());
                    }
                }
            }
            Value::Array(items) => {
                for item in items.iter_mut() {
                    *item = without_bind_slashes(item.take());
                }
            }
            _ => {}
        }
        body
    }

    // -- responses --

    #[test]
    fn select_columns() {
        let page: Page<Account> =
            serde_json::from_str(fixture!("select-columns.response.json")).unwrap();
        let row = &page.value[0];
        assert_eq!(row.name, Field::Value("Litware, Inc. (sample)".into()));
        assert_eq!(row.revenue, money("20000.0000"));
        assert_eq!(row.revenue.value().unwrap().to_string(), "20000.0000");
        assert_eq!(
            row.transactioncurrencyid,
            Field::Value(Currency::TransactionCurrency(guid(
                "228f42f8-e646-e111-8eb7-78e7d162ced1"
            )))
        );
        assert_eq!(row.etag.as_deref(), Some("W/\"81052965\""));
        assert_eq!(row.telephone1, Field::Unset);
    }

    #[test]
    fn formatted_values() {
        let page: Page<Account> =
            serde_json::from_str(fixture!("formatted-values.response.json")).unwrap();
        let row = &page.value[0];
        assert_eq!(row.customertypecode, Field::Value(CustomerType::Competitor));
        assert_eq!(row.formatted.get("customertypecode"), Some("Competitor"));
        assert_eq!(row.formatted.get("revenue"), Some("$20,000.00"));
        assert_eq!(row.formatted.get("modifiedon"), Some("4/7/2023 2:59 PM"));
        assert_eq!(
            row.formatted.get("primarycontactid"),
            Some("Susanna Stubberod (sample)")
        );
        assert_eq!(
            row.primarycontactid,
            Field::Value(PrimaryContact::Contact(guid(
                "70bf4d48-34cb-ed11-b596-0022481d68cd"
            )))
        );
        assert_eq!(
            row.modifiedon.value().map(|t| t.unix_timestamp()),
            Some(1_680_904_741)
        );
    }

    #[test]
    fn lookup_annotations() {
        let page: Page<Account> =
            serde_json::from_str(fixture!("lookup-annotations.response.json")).unwrap();
        assert_eq!(
            page.value[0].ownerid,
            Field::Value(Owner::Team(guid("39e0dbe4-131b-e111-ba7e-78e7d1620f5e")))
        );
        assert_eq!(
            page.value[1].ownerid,
            Field::Value(Owner::SystemUser(guid(
                "4026be43-6b69-e111-8f65-78e7d1620f5e"
            )))
        );
    }

    #[test]
    fn page_results() {
        let page: Page<Contact> =
            serde_json::from_str(fixture!("page-results.page1.response.json")).unwrap();
        assert_eq!(page.value.len(), 2);
        assert_eq!(
            page.value[1].fullname,
            Field::Value("Susanna Stubberod (sample)".into())
        );
        assert!(
            page.next_link
                .as_deref()
                .unwrap()
                .contains("$skiptoken=%3Ccookie%20pagenumber=%222%22")
        );
        assert!(
            page.context
                .as_deref()
                .unwrap()
                .ends_with("#contacts(fullname)")
        );
    }

    #[test]
    fn multiselect_containvalues() {
        let page: Page<Contact> =
            serde_json::from_str(fixture!("multiselect-containvalues.response.json")).unwrap();
        use OutdoorActivity::*;
        assert_eq!(
            page.value[1].sample_outdooractivities,
            Field::Value(Choices::from_iter([
                Hiking,
                MountainClimbing,
                Skiing,
                Camping
            ]))
        );
        assert_eq!(
            page.value[1].formatted.get("sample_outdooractivities"),
            Some("Hiking; Mountain Climbing; Skiing; Camping")
        );
        assert_eq!(page.value.len(), 4);
    }

    #[test]
    fn retrieve_contact_with_every_annotation() {
        let row: Contact = serde_json::from_str(fixture!(
            "basic-ops.retrieve-contact.all-annotations.response.json"
        ))
        .unwrap();
        assert_eq!(row.annualincome, money("80000.0"));
        assert_eq!(row.description, Field::Null);
        assert_eq!(row.jobtitle, Field::Value("Junior Developer".into()));
        assert_eq!(
            row.formatted.get("transactioncurrencyid"),
            Some("US Dollar")
        );
        assert_eq!(row.etag.as_deref(), Some("W/\"72935648\""));
    }

    #[test]
    fn create_with_data_returned() {
        let row: Account =
            serde_json::from_str(fixture!("create-with-data-returned.response.json")).unwrap();
        assert_eq!(row.address1_latitude, Field::Value(47.63958));
        assert_eq!(row.revenue.value().unwrap().to_string(), "5000000.0000");
        assert_eq!(
            row.accountcategorycode,
            Field::Value(AccountCategory::PreferredCustomer)
        );
        assert_eq!(row.creditonhold, Field::Value(false));
        assert_eq!(row.createdon.value().map(|t| t.year()), Some(2016));
    }

    #[test]
    fn initializefrom_decodes() {
        let row: Account = serde_json::from_str(fixture!("initializefrom.response.json")).unwrap();
        assert_eq!(row.address1_city, Field::Value("Seattle".into()));
        assert_eq!(
            row.address1_country,
            Field::Value("United States of America".into())
        );
    }

    #[test]
    fn initializefrom_binds_read_back() {
        let text = fixture!("initializefrom.response.json");
        let row: Account = serde_json::from_str(text).unwrap();
        assert_eq!(
            row.parentaccountid,
            Field::Value(ParentAccount::Account(guid(
                "c65127ed-2097-e711-80eb-00155db75426"
            )))
        );
        assert_eq!(
            row.transactioncurrencyid,
            Field::Value(Currency::TransactionCurrency(guid(
                "732e87e1-1d96-e711-80e4-00155db75426"
            )))
        );
        // the row `InitializeFrom` returns is the body of the create that follows: the same
        // properties, binds included; the create body leaves out the response's annotations
        // (`@odata.context`, `@odata.type`, optional on a create whose URL names the table)
        let mut expected = json(text);
        let annotations = expected.as_object_mut().unwrap();
        annotations.remove("@odata.context");
        annotations.remove("@odata.type");
        assert_eq!(
            without_bind_slashes(serde_json::to_value(row.create_payload()).unwrap()),
            expected
        );
    }

    #[test]
    fn associate_on_create_response() {
        let row: Account =
            serde_json::from_str(fixture!("associate-on-create.response.json")).unwrap();
        assert_eq!(row.name, Field::Value("Sample Account".into()));
        assert_eq!(row.etag.as_deref(), Some(r#"W/"36236432""#));
        assert_eq!(
            row.accountid,
            Field::Value(guid("00000000-0000-0000-0000-000000000004"))
        );
        let contact = row.primarycontact.as_deref().unwrap();
        assert_eq!(
            contact.fullname,
            Field::Value("Yvonne McKay (sample)".into())
        );
        assert_eq!(
            contact.contactid,
            Field::Value(guid("00000000-0000-0000-0000-000000000001"))
        );
        assert_eq!(contact.etag.as_deref(), Some(r#"W/"28877094""#));
        // the expansion is the related row, not the lookup (the body has no `_x_value`)
        assert_eq!(row.primarycontactid, Field::Unset);
        let tasks: Vec<_> = row
            .tasks
            .rows
            .iter()
            .map(|task| {
                (
                    task.subject.value().cloned(),
                    task.activityid.value().copied(),
                    task.etag.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            tasks,
            [
                (
                    Some("Task 1".to_owned()),
                    Some(guid("00000000-0000-0000-0000-000000000002")),
                    Some(r#"W/"36236437""#)
                ),
                (
                    Some("Task 2".to_owned()),
                    Some(guid("00000000-0000-0000-0000-000000000003")),
                    Some(r#"W/"36236440""#)
                ),
            ]
        );
    }

    #[test]
    fn expand_primarycontact() {
        let row: Account =
            serde_json::from_str(fixture!("basic-ops.expand-primarycontact.response.json"))
                .unwrap();
        assert_eq!(row.name, Field::Value("Contoso Ltd".into()));
        assert_eq!(
            row.accountid,
            Field::Value(guid("2728bcb4-bb27-ed11-9db1-002248274ada"))
        );
        assert_eq!(row.etag.as_deref(), Some(r#"W/"72935670""#));
        let contact = row.primarycontact.as_deref().unwrap();
        assert_eq!(contact.fullname, Field::Value("Rafel Shillo".into()));
        assert_eq!(contact.jobtitle, Field::Value("Senior Developer".into()));
        assert_eq!(contact.annualincome, money("95000.0"));
        assert_eq!(contact.formatted.get("annualincome"), Some("$95,000.00"));
        assert_eq!(
            contact.transactioncurrencyid,
            Field::Value(ContactCurrency::TransactionCurrency(guid(
                "228f42f8-e646-e111-8eb7-78e7d162ced1"
            )))
        );
        assert_eq!(
            contact.formatted.get("transactioncurrencyid"),
            Some("US Dollar")
        );
        assert_eq!(
            contact.contactid,
            Field::Value(guid("0928bcb4-bb27-ed11-9db1-002248274ada"))
        );
        assert_eq!(contact.etag.as_deref(), Some(r#"W/"72935663""#));
        assert!(row.tasks.rows.is_empty());
    }

    #[test]
    fn get_single_property() {
        // a single property's value (`GET contacts(<id>)/telephone1`) is not a row: the crate
        // has no type for it yet (issue 13, requests), and reading it as a row is no error
        // because `value` holds no rows; a user's own struct reads it
        #[derive(serde::Deserialize)]
        struct Property<T> {
            value: T,
        }
        let body = fixture!("basic-ops.get-single-property.response.json");
        let property: Property<String> = serde_json::from_str(body).unwrap();
        assert_eq!(property.value, "555-0105");
    }

    #[test]
    fn error_with_annotations_as_published_is_invalid_json() {
        // as published, a comma is missing after `TraceText`: a syntax error with its position,
        // whatever the body is read as
        let body = fixture!("error-with-annotations.response.INVALID-JSON.txt");
        let message = serde_json::from_str::<Account>(body)
            .unwrap_err()
            .to_string();
        assert_eq!(message, "expected `,` or `}` at line 9 column 9");
        let message = serde_json::from_str::<Page<Account>>(body)
            .unwrap_err()
            .to_string();
        assert_eq!(message, "expected `,` or `}` at line 9 column 9");
        assert_eq!(
            dataverse_model::ServiceError::from_body(body.as_bytes()),
            None
        );
    }

    // -- requests --

    #[test]
    fn create_with_data_returned_request() {
        let row = Account {
            name: Field::Value("Sample Account".into()),
            creditonhold: Field::Value(false),
            address1_latitude: Field::Value(47.639583),
            description: Field::Value("This is the description of the sample account".into()),
            revenue: money("5000000"),
            accountcategorycode: Field::Value(AccountCategory::PreferredCustomer),
            ..Account::default()
        };
        assert_eq!(
            serde_json::to_value(row.create_payload()).unwrap(),
            json(fixture!("create-with-data-returned.request.json"))
        );
    }

    #[test]
    fn create_account_bind_request() {
        let row = Account {
            name: Field::Value("Contoso Ltd".into()),
            telephone1: Field::Value("555-5555".into()),
            primarycontactid: Field::Value(PrimaryContact::Contact(guid(
                "0928bcb4-bb27-ed11-9db1-002248274ada",
            ))),
            ..Account::default()
        };
        let written = serde_json::to_value(row.create_payload()).unwrap();
        assert_eq!(
            written["primarycontactid@odata.bind"],
            "/contacts(0928bcb4-bb27-ed11-9db1-002248274ada)"
        );
        assert_eq!(
            without_bind_slashes(written),
            json(fixture!("basic-ops.create-account-bind.request.json"))
        );
    }

    #[test]
    fn update_contact_request() {
        let row = Contact {
            jobtitle: Field::Value("Senior Developer".into()),
            annualincome: money("95000"),
            description: Field::Value("Assignment to-be-determined".into()),
            ..Contact::default()
        };
        assert_eq!(
            serde_json::to_value(row.update_payload()).unwrap(),
            json(fixture!("basic-ops.update-contact.request.json"))
        );
    }

    #[test]
    fn associate_on_update_request() {
        let row = Opportunity {
            customerid: Field::Value(Customer::Account(guid(
                "00000000-0000-0000-0000-000000000002",
            ))),
            ..Opportunity::default()
        };
        assert_eq!(
            without_bind_slashes(serde_json::to_value(row.update_payload()).unwrap()),
            json(fixture!("associate-on-update.request.json"))
        );
    }

    #[test]
    fn disassociate_on_update_requests() {
        let row = Account {
            parentaccountid: Field::Null,
            primarycontactid: Field::Null,
            ..Account::default()
        };
        // the encoder clears a lookup through its navigation property set to null, the form
        // the service honours; the documentation's other form (`"<navigation>@odata.bind":
        // null`) names the same navigations, but users report the service ignores it
        // (MicrosoftDocs/powerapps-docs issue 4268)
        let written = serde_json::to_value(row.update_payload()).unwrap();
        assert_eq!(
            written,
            json(fixture!("disassociate-on-update.navprop-null.request.json"))
        );
        let Value::Object(bind_form) =
            json(fixture!("disassociate-on-update.bind-null.request.json"))
        else {
            panic!("the bind-null fixture is an object")
        };
        let Value::Object(written) = written else {
            panic!("an update body is an object")
        };
        assert_eq!(
            written.keys().map(String::as_str).collect::<Vec<_>>(),
            bind_form
                .keys()
                .map(|k| k.trim_end_matches("@odata.bind"))
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn multiselect_create_request() {
        let row = Contact {
            firstname: Field::Value("Wayne".into()),
            lastname: Field::Value("Yarborough".into()),
            sample_outdooractivities: Field::Value(Choices::from_iter([
                OutdoorActivity::Swimming,
                OutdoorActivity::Camping,
            ])),
            ..Contact::default()
        };
        // the documentation's body names the type (`@odata.type`, optional on a create whose
        // URL names the table) and writes the values with a space; the encoder writes neither
        let mut expected = json(fixture!("multiselect-create.request.json"));
        expected.as_object_mut().unwrap().remove("@odata.type");
        expected["sample_outdooractivities"] = "1,9".into();
        assert_eq!(
            serde_json::to_value(row.create_payload()).unwrap(),
            expected
        );
        // and the documentation's spaced form reads back to the same set
        let read: Contact =
            serde_json::from_str(fixture!("multiselect-create.request.json")).unwrap();
        assert_eq!(read.sample_outdooractivities, row.sample_outdooractivities);
    }

    #[test]
    fn associate_on_create_request() {
        let row = Account {
            name: Field::Value("Sample Account".into()),
            primarycontactid: Field::Value(PrimaryContact::Contact(guid(
                "00000000-0000-0000-0000-000000000001",
            ))),
            tasks: RelatedRows {
                associate: vec![
                    guid("00000000-0000-0000-0000-000000000002"),
                    guid("00000000-0000-0000-0000-000000000003"),
                ],
                ..RelatedRows::default()
            },
            ..Account::default()
        };
        // the documentation writes these binds with the leading `/`, as the encoder does
        assert_eq!(
            serde_json::to_value(row.create_payload()).unwrap(),
            json(fixture!("associate-on-create.request.json"))
        );
        // and the body reads back into the same lookup and binds
        let read: Account =
            serde_json::from_str(fixture!("associate-on-create.request.json")).unwrap();
        assert_eq!(read.primarycontactid, row.primarycontactid);
        assert_eq!(read.tasks.associate, row.tasks.associate);
    }

    #[test]
    fn deep_insert_request() {
        let at = |day: u8, hour: u8| {
            Field::Value(
                time::Date::from_calendar_date(2023, time::Month::April, day)
                    .unwrap()
                    .with_hms(hour, 0, 0)
                    .unwrap()
                    .assume_offset(time::UtcOffset::from_hms(7, 0, 0).unwrap()),
            )
        };
        let task = |subject: &str, description: &str, day: u8| Task {
            subject: Field::Value(subject.into()),
            description: Field::Value(description.into()),
            scheduledstart: at(day, 3),
            scheduledend: at(day, 4),
            scheduleddurationminutes: Field::Value(60),
            ..Task::default()
        };
        let row = Account {
            name: Field::Value("Fourth Coffee".into()),
            primarycontact: Some(Box::new(Contact {
                firstname: Field::Value("Susie".into()),
                lastname: Field::Value("Curtis".into()),
                jobtitle: Field::Value("Coffee Master".into()),
                annualincome: money("48000"),
                tasks: RelatedRows::new(vec![
                    task("Sign invoice", "Invoice #12321", 19),
                    task("Setup new display", "Theme is - Spring is in the air", 20),
                    task(
                        "Conduct training",
                        "Train team on making our new blended coffee",
                        21,
                    ),
                ]),
                ..Contact::default()
            })),
            ..Account::default()
        };
        assert_eq!(
            serde_json::to_value(row.create_payload()).unwrap(),
            json(fixture!("basic-ops.deep-insert.request.json"))
        );
        // the documented body reads back into the same rows
        let read: Account =
            serde_json::from_str(fixture!("basic-ops.deep-insert.request.json")).unwrap();
        assert_eq!(read.primarycontact, row.primarycontact);
    }

    #[test]
    fn activityparty_put_collection_request() {
        let row = Email {
            to: Some(PartyList::new(vec![ActivityParty::new(
                PartyRef::Contact(guid("1dcdda07-3a39-e711-8145-e0071b6a2001")),
                ParticipationType::ToRecipient,
            )])),
            cc: Some(PartyList::new(vec![ActivityParty::new(
                PartyRef::Contact(guid("a30d4045-fc46-e711-8115-e0071b66df51")),
                ParticipationType::CcRecipient,
            )])),
            ..Email::default()
        };
        // the documentation writes these binds without the leading `/`; the encoder writes
        // it (the service takes both)
        assert_eq!(
            without_bind_slashes(serde_json::to_value(row.activity_parties_body()).unwrap()),
            json(fixture!("activityparty-put-collection.request.json"))
        );
    }

    #[test]
    fn put_single_property_request() {
        let id = guid("00000000-0000-0000-0000-000000000001");
        let service = dataverse_model::request::Service::default();
        let request = service
            .update_column(id, Contact::COLUMNS.telephone1, &"555-0105".to_owned())
            .unwrap();
        assert_eq!(request.method(), "PUT");
        assert_eq!(
            request.uri(),
            "/api/data/v9.2/contacts(00000000-0000-0000-0000-000000000001)/telephone1"
        );
        assert_eq!(
            serde_json::from_slice::<Value>(request.body()).unwrap(),
            json(fixture!("basic-ops.put-single-property.request.json"))
        );
        let cleared = service
            .clear_column(id, Contact::COLUMNS.telephone1)
            .unwrap();
        assert_eq!(cleared.method(), "DELETE");
        assert_eq!(cleared.uri(), request.uri());
        // a lookup has no single property: it is bound, and cleared through its navigation
        let lookup = service
            .clear_column(id, Account::COLUMNS.parentaccountid)
            .unwrap_err()
            .to_string();
        assert!(lookup.contains("`parentaccountid` is a lookup"), "{lookup}");
        assert!(lookup.contains("clear_reference"), "{lookup}");
    }

    #[test]
    fn multitable_lookup_as_published_is_invalid_json() {
        // as published, the bind keys are not quoted: a syntax error with its position
        let body = fixture!("multitable-lookup.create-checkouts.request.INVALID-JSON.txt");
        let message = serde_json::from_str::<Value>(body).unwrap_err().to_string();
        assert_eq!(message, "key must be a string at line 3 column 3");
        let message = serde_json::from_str::<Account>(body)
            .unwrap_err()
            .to_string();
        assert_eq!(message, "key must be a string at line 3 column 3");
    }

    // -- real-world variety --

    #[test]
    fn annotations_after_their_value() {
        let page: Page<Account> =
            serde_json::from_str(fixture!("annotations-after-value.response.json")).unwrap();
        let row = &page.value[0];
        assert_eq!(
            row.ownerid,
            Field::Value(Owner::Team(guid("39e0dbe4-131b-e111-ba7e-78e7d1620f5e")))
        );
        assert_eq!(row.formatted.get("ownerid"), Some("Sales Team"));
        assert_eq!(row.formatted.get("revenue"), Some("$20,000.00"));
        assert_eq!(row.formatted.get("customertypecode"), Some("Competitor"));
        assert_eq!(row.etag.as_deref(), Some("W/\"81359849\""));
    }

    #[test]
    fn a_lookup_without_its_navigation_annotation() {
        let page: Page<Account> = serde_json::from_str(fixture!(
            "lookup-without-navigation-annotation.response.json"
        ))
        .unwrap();
        assert_eq!(
            page.value[0].ownerid,
            Field::Value(Owner::SystemUser(guid(
                "4026be43-6b69-e111-8f65-78e7d1620f5e"
            )))
        );
    }

    #[test]
    fn contexts_of_every_form() {
        // `$entity`, an action result naming the type, `$delta` (above), a collection
        let action: Account =
            serde_json::from_str(fixture!("action-result.response.json")).unwrap();
        assert_eq!(action.name, Field::Value("Sample Account".into()));
        let entity: Account =
            serde_json::from_str(fixture!("money-and-versionnumber.response.json")).unwrap();
        assert_eq!(entity.name, Field::Value("Contoso Ltd".into()));
    }

    #[test]
    fn nulls_left_out_by_fetchxml_and_apply() {
        let page: Page<Account> =
            serde_json::from_str(fixture!("fetchxml-nulls-left-out.response.json")).unwrap();
        assert_eq!(page.value[0].telephone1, Field::Value("555-0150".into()));
        assert_eq!(page.value[1].telephone1, Field::Unset);
        assert_eq!(page.value[1].address1_city, Field::Unset);
        assert_eq!(page.next_link, None);
        let groups: Page<Account> =
            serde_json::from_str(fixture!("apply-groupby.response.json")).unwrap();
        assert_eq!(
            groups.value[0].address1_city,
            Field::Value("Redmond".into())
        );
        assert_eq!(groups.value[1].address1_city, Field::Unset);
    }

    #[test]
    fn a_multiselect_label_with_a_comma() {
        let row: Contact =
            serde_json::from_str(fixture!("multiselect-comma-label.response.json")).unwrap();
        assert_eq!(
            row.new_versions,
            Field::Value(Choices::from_iter([
                ProductVersion::Crm2015,
                ProductVersion::Crm2016
            ]))
        );
        assert_eq!(
            row.formatted.get("new_versions"),
            Some("Crm, 2015; Crm 2016")
        );
    }

    #[test]
    fn etags_of_both_shapes() {
        let page: Page<Contact> =
            serde_json::from_str(fixture!("etag-shapes.response.json")).unwrap();
        assert_eq!(page.value[0].etag.as_deref(), Some(r#"W/"585157""#));
        assert_eq!(
            page.value[1].etag.as_deref(),
            Some(r#"W/"07000ebf-0000-0a00-0000-65a5a6b10000""#)
        );
        assert_eq!(
            page.value[1].etag(),
            Some(r#"W/"07000ebf-0000-0a00-0000-65a5a6b10000""#)
        );
    }

    #[test]
    fn money_and_a_versionnumber_above_2_pow_53() {
        for body in [
            fixture!("money-and-versionnumber.response.json"),
            fixture!("ieee754-compatible.response.json"),
        ] {
            let row: Account = serde_json::from_str(body).unwrap();
            assert_eq!(row.revenue.value().unwrap().to_string(), "80000.0000");
            assert_eq!(
                row.exchangerate.value().unwrap().to_string(),
                "1.0000000000"
            );
            assert_eq!(row.versionnumber, Field::Value(638_255_741_810_315_438));
            // written back with the same digits
            let written = serde_json::to_string(&row.response_body()).unwrap();
            assert!(written.contains(r#""revenue":80000.0000"#), "{written}");
            assert!(
                written.contains(r#""versionnumber":638255741810315438"#),
                "{written}"
            );
        }
    }

    #[test]
    fn a_skiptoken_with_an_encoded_newline_is_kept_verbatim() {
        let page: Page<Contact> =
            serde_json::from_str(fixture!("skiptoken-newline.response.json")).unwrap();
        assert!(
            page.next_link
                .as_deref()
                .unwrap()
                .ends_with("istracking=%22False%22%20/%3E%0A")
        );
    }

    #[test]
    fn a_navigation_next_link_inside_a_row_is_skipped_when_undeclared() {
        let row: Account =
            serde_json::from_str(fixture!("navigation-nextlink-in-row.response.json")).unwrap();
        assert_eq!(row.name, Field::Value("Sample Account".into()));
        assert_eq!(
            row.accountid,
            Field::Value(guid("00000000-0000-0000-0000-000000000004"))
        );
    }
}

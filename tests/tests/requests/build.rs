//! Requests built by `Service`: reads, writes, references, alternate keys.

use super::*;

#[test]
fn reads_carry_the_standard_headers() {
    let service = Service::default();
    let request = service.retrieve::<Account>(id()).unwrap();
    assert_eq!(request.method(), "GET");
    assert_eq!(
        request.uri(),
        &*format!(
            "/api/data/v9.2/accounts({ID})?$select=accountid,name,accountnumber,_primarycontactid_value"
        )
    );
    assert_eq!(header(&request, "OData-Version"), Some("4.0"));
    assert_eq!(header(&request, "OData-MaxVersion"), Some("4.0"));
    assert_eq!(header(&request, "Accept"), Some("application/json"));
    assert_eq!(header(&request, "Content-Type"), None);
    assert_eq!(header(&request, "Prefer"), None);

    let by_key = AlternateKey::new(Account::COLUMNS.accountnumber, "A/B 'C'");
    let request = service.retrieve_by_key(&by_key).unwrap();
    assert_eq!(
        request.uri().path(),
        "/api/data/v9.2/accounts(accountnumber='A%2FB%20''C''')"
    );

    let query = Query::<Account>::new()
        .select(Account::COLUMNS.name)
        .expand(PRIMARY_CONTACT, |c| c)
        .include_annotations("*");
    let request = service.retrieve_with(id(), &query).unwrap();
    assert_eq!(
        request.uri().query(),
        Some("$select=name&$expand=primarycontactid($select=contactid,fullname)")
    );
    assert_eq!(
        header(&request, "Prefer"),
        Some("odata.include-annotations=\"*\"")
    );
}

#[test]
fn next_page_uses_the_link_verbatim_and_repeats_prefer() {
    let service = Service::new("https://contoso.crm.dynamics.com/api/data/v9.2").unwrap();
    assert_eq!(
        service.root(),
        "https://contoso.crm.dynamics.com/api/data/v9.2/"
    );
    let query = Query::<Account>::new()
        .include_annotations("OData.Community.Display.V1.FormattedValue")
        .max_page_size(2);
    let first = service.retrieve_multiple(&query).unwrap();
    assert_eq!(
        first.uri(),
        "https://contoso.crm.dynamics.com/api/data/v9.2/accounts?$select=accountid,name,accountnumber,_primarycontactid_value"
    );
    // as in page-results.page1.response.json
    let link = "https://contoso.crm.dynamics.com/api/data/v9.2/accounts?$select=name&$skiptoken=%3Ccookie%20pagenumber=%222%22%20pagingcookie=%22%253ccookie%2520page%253d%25221%2522%253e%253caccountid%2520last%253d%2522%257bAAA19CDD-88DF-E311-B8E5-6C3BE5A8B200%257d%2522%2520first%253d%2522%257b475B158C-541C-E511-80D3-3863BB347BA8%257d%2522%2520%252f%253e%253c%252fcookie%253e%22%20istracking=%22False%22%20/%3E";
    let next = service.next_page(&query, link).unwrap();
    assert_eq!(next.uri().to_string(), link);
    assert_eq!(header(&next, "Prefer"), header(&first, "Prefer"));
    assert_eq!(
        header(&next, "Prefer"),
        Some(
            "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\",odata.maxpagesize=2"
        )
    );
    for foreign in [
        "https://evil.example.com/api/data/v9.2/accounts?$skiptoken=1",
        "http://contoso.crm.dynamics.com/api/data/v9.2/accounts",
        "https://contoso.crm.dynamics.com/other/accounts",
        "not a url at all",
        "",
    ] {
        let error = service.next_page(&query, foreign).unwrap_err();
        assert!(
            error.to_string().contains("is not a URL of the service"),
            "{error}"
        );
    }
    assert!(Service::new("api/data").is_err());
    assert!(Service::new("ftp://contoso/api/data/v9.2/").is_err());
    assert!(Service::new("https://contoso.crm.dynamics.com").is_ok());
    assert!(Service::new("/api/data/v9.2/?x=1").is_err());
}

#[test]
fn writes() {
    let service = Service::default();
    let mut row = account("Contoso");
    row.primarycontactid = Field::Value(PrimaryContact::Contact(
        Guid::parse_str(CONTACT_ID).unwrap(),
    ));

    let create = service.create(&row).unwrap();
    assert_eq!(
        (create.method().as_str(), create.uri().path()),
        ("POST", "/api/data/v9.2/accounts")
    );
    assert_eq!(
        header(&create, "Content-Type"),
        Some("application/json; charset=utf-8")
    );
    assert_eq!(
        body(&create),
        format!(r#"{{"name":"Contoso","primarycontactid@odata.bind":"/contacts({CONTACT_ID})"}}"#)
    );
    let returning = service.create_returning(&row).unwrap();
    assert_eq!(header(&returning, "Prefer"), Some("return=representation"));
    assert!(
        returning
            .uri()
            .query()
            .unwrap()
            .starts_with("$select=accountid,name")
    );

    let update = service
        .update(id(), &account("Fabrikam"), IfMatch::Etag("W/\"585157\""))
        .unwrap();
    assert_eq!(
        (update.method().as_str(), update.uri().path()),
        ("PATCH", &*format!("/api/data/v9.2/accounts({ID})"))
    );
    assert_eq!(header(&update, "If-Match"), Some("W/\"585157\""));
    assert_eq!(body(&update), r#"{"name":"Fabrikam"}"#);
    let update = service
        .update(id(), &account("Fabrikam"), IfMatch::Exists)
        .unwrap();
    assert_eq!(header(&update, "If-Match"), Some("*"));
    assert!(
        service
            .update(id(), &account("x"), IfMatch::Etag("bad\netag"))
            .is_err()
    );

    let upsert = service.upsert(id(), &account("Fabrikam")).unwrap();
    assert_eq!(
        (upsert.method().as_str(), header(&upsert, "If-Match")),
        ("PATCH", None)
    );
    let create_only = service.create_with_id(id(), &account("Fabrikam")).unwrap();
    assert_eq!(header(&create_only, "If-None-Match"), Some("*"));
    let key = AlternateKey::new(Account::COLUMNS.accountnumber, "ABC123");
    let upsert = service.upsert_by_key(&key, &account("Fabrikam")).unwrap();
    assert_eq!(
        upsert.uri().path(),
        "/api/data/v9.2/accounts(accountnumber='ABC123')"
    );

    let delete = service.delete::<Account>(id(), Some("W/\"1\"")).unwrap();
    assert_eq!(
        (delete.method().as_str(), header(&delete, "If-Match")),
        ("DELETE", Some("W/\"1\""))
    );
    assert!(delete.body().is_empty());
}

#[test]
fn associate_and_disassociate() {
    let service = Service::new("https://contoso.crm.dynamics.com/api/data/v9.2/").unwrap();
    let contact = Guid::parse_str(CONTACT_ID).unwrap();
    let root = "https://contoso.crm.dynamics.com/api/data/v9.2";
    let add = service.associate(id(), CONTACTS, contact).unwrap();
    assert_eq!(add.method(), "POST");
    assert_eq!(
        add.uri().to_string(),
        format!("{root}/accounts({ID})/contact_customer_accounts/$ref")
    );
    assert_eq!(
        body(&add),
        format!(r#"{{"@odata.id":"{root}/contacts({CONTACT_ID})"}}"#)
    );
    let set = service.associate(id(), PRIMARY_CONTACT, contact).unwrap();
    assert_eq!(set.method(), "PUT");
    assert_eq!(
        set.uri().to_string(),
        format!("{root}/accounts({ID})/primarycontactid/$ref")
    );
    let remove = service.disassociate(id(), CONTACTS, contact).unwrap();
    assert_eq!(
        (remove.method().as_str(), remove.uri().to_string()),
        (
            "DELETE",
            format!("{root}/accounts({ID})/contact_customer_accounts({CONTACT_ID})/$ref")
        )
    );
    let clear = service.clear_reference(id(), PRIMARY_CONTACT).unwrap();
    assert_eq!(
        clear.uri().to_string(),
        format!("{root}/accounts({ID})/primarycontactid/$ref")
    );
}

#[test]
fn alternate_key_values_stay_in_their_literal() {
    let service = Service::default();
    for hostile in [
        "a')/contacts(x",
        "a?$filter=x",
        "a#b",
        "a/b",
        "100% + é",
        "''",
        "a&b=c",
    ] {
        let key = AlternateKey::new(Account::COLUMNS.accountnumber, hostile);
        let request = service.retrieve_by_key(&key).unwrap();
        let path = percent_encoding::percent_decode_str(request.uri().path())
            .decode_utf8()
            .unwrap()
            .into_owned();
        let literal = path
            .strip_prefix("/api/data/v9.2/accounts(accountnumber=")
            .and_then(|rest| rest.strip_suffix(')'))
            .unwrap();
        assert_eq!(
            literal,
            format!("'{}'", hostile.replace('\'', "''")),
            "{path}"
        );
        assert_eq!(
            request.uri().query(),
            Some("$select=accountid,name,accountnumber,_primarycontactid_value")
        );
        // the encoded path has one segment after the root
        assert_eq!(
            request.uri().path().matches('/').count(),
            4,
            "{}",
            request.uri()
        );
    }
}

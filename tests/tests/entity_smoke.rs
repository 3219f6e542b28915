use dataverse_model::{Entity, Field, FormattedValues, Guid, Operation, Page, dataverse_entity};

#[dataverse_entity(
    logical_name = "account",
    entity_set = "accounts",
    primary_id = "accountid",
    primary_name = "name"
)]
#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    pub accountid: Option<Guid>,
    #[dataverse(max_length = 10, required)]
    pub name: Option<String>,
    #[dataverse(money, min = 0)]
    pub revenue: Field<rust_decimal::Decimal>,
    pub createdon: Option<time::OffsetDateTime>,
    #[dataverse(read_only)]
    pub versionnumber: Option<i64>,
    #[dataverse(formatted_values)]
    pub formatted: FormattedValues,
    #[dataverse(etag)]
    pub etag: Option<String>,
}

#[test]
fn smoke() {
    let json = r#"{"@odata.context":"x","value":[{"@odata.etag":"W/\"1\"","name":"Fourth Coffee","revenue@OData.Community.Display.V1.FormattedValue":"$20,000.00","revenue":20000.0000,"accountid":"00000000-0000-0000-0000-000000000001","extra":{"a":[1,2]},"createdon":"2023-04-07T21:59:01Z","versionnumber":5}]}"#;
    let page: Page<Account> = serde_json::from_str(json).unwrap();
    let a = &page.value[0];
    println!("{a:?}");
    assert_eq!(a.formatted.get("revenue"), Some("$20,000.00"));
    println!("{}", serde_json::to_string(&a.update_payload()).unwrap());
    println!("{}", serde_json::to_string(&a).unwrap());
    println!("{:?}", a.validate(Operation::Create));
    println!("{}", Account::select());
    let bad: Result<Account, _> = serde_json::from_str(r#"{"name": 5}"#);
    println!("{}", bad.unwrap_err());
}

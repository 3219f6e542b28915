//! `validate`: one table test per rule, each error naming the column, rule and value; and
//! every problem of a row reported at once. The table is `sample_bankaccount`, the custom
//! table of the Sales sample that covers nearly every column type.

use dataverse_model::{
    Choices, Field, Guid, Lookup, Operation, Rule, ValidationError, choice, dataverse_entity,
    lookup,
};
use rust_decimal::Decimal;
use time::macros::{date, datetime};

choice! {
    /// Colors (`sample_colors`, global).
    #[choice(name = "sample_colors", global)]
    pub enum Colors { Red = 727_000_000, Yellow = 727_000_001, Green = 727_000_002 }
}

choice! {
    /// Courses of the multi-select `sample_multiselectchoice`.
    #[choice(name = "sample_bankaccount_sample_multiselectchoice")]
    pub enum Course { Appetizer = 727_000_000, Entree = 727_000_001, Dessert = 727_000_002 }
}

choice! {
    /// Status of the bank account.
    #[choice(name = "sample_bankaccount_statecode")]
    pub enum BankAccountState { Active = 0, Inactive = 1 }
}

choice! {
    /// Reason for the status of the bank account (a custom `Frozen` status).
    #[choice(name = "sample_bankaccount_statuscode", status_of = BankAccountState)]
    pub enum BankAccountStatus {
        #[state = Active] Active = 1,
        #[state = Inactive] Inactive = 2,
        #[state = Inactive] Frozen = 727_000_000,
    }
}

lookup! {
    /// The customer of the account (`sample_customerid`, Customer).
    #[lookup(column = "sample_customerid", table = "sample_bankaccount", navigation = "sample_CustomerId_{target}")]
    pub enum Customer {
        #[target(entity_set = "accounts")] Account = "account",
        #[target(entity_set = "contacts")] Contact = "contact",
    }
}

/// A projection of `sample_bankaccount` with the real constraints of its columns.
#[dataverse_entity(
    logical_name = "sample_bankaccount",
    entity_set = "sample_bankaccounts",
    primary_id = "sample_bankaccountid",
    primary_name = "sample_name"
)]
#[derive(Debug, Clone, Default)]
pub struct BankAccount {
    pub sample_bankaccountid: Option<Guid>,
    #[dataverse(required, max_length = 100)]
    pub sample_name: Option<String>,
    #[dataverse(min = 0, max = 100)]
    pub sample_integer: Option<i32>,
    #[dataverse(min = 0, max = 100, precision = 1)]
    pub sample_decimal: Option<Decimal>,
    #[dataverse(money, min = 0, max = 1000, precision = 1)]
    pub sample_money: Option<Decimal>,
    pub sample_colors: Option<Colors>,
    pub sample_multiselectchoice: Option<Choices<Course>>,
    pub sample_customerid: Option<Customer>,
    pub sample_datetime: Option<time::Date>,
    pub overriddencreatedon: Field<time::OffsetDateTime>,
    pub statecode: Option<BankAccountState>,
    pub statuscode: Option<BankAccountStatus>,
}

fn valid() -> BankAccount {
    BankAccount {
        sample_name: Some("Contoso savings".to_owned()),
        sample_integer: Some(100),
        sample_decimal: Some(Decimal::new(995, 1)),
        sample_money: Some(Decimal::new(10000, 1)),
        sample_colors: Some(Colors::Green),
        sample_multiselectchoice: Some([Course::Appetizer, Course::Dessert].into_iter().collect()),
        sample_customerid: Some(Customer::Contact(Guid::nil())),
        sample_datetime: Some(date!(1753 - 01 - 01)),
        overriddencreatedon: Field::Value(datetime!(2024-05-12 0:00 UTC)),
        statecode: Some(BankAccountState::Inactive),
        statuscode: Some(BankAccountStatus::Frozen),
        ..BankAccount::default()
    }
}

/// The single error `validate` reports for `row` on `operation`.
fn only_error(row: BankAccount, operation: Operation) -> ValidationError {
    let errors = row.validate(operation).expect_err("the row breaks a rule");
    assert_eq!(errors.len(), 1, "{errors}");
    errors.errors()[0].clone()
}

#[test]
fn a_valid_row_passes_on_create_and_update() {
    assert_eq!(valid().validate(Operation::Create), Ok(()));
    assert_eq!(valid().validate(Operation::Update), Ok(()));
}

#[test]
fn each_rule_names_the_column_rule_and_value() {
    type Case = (
        &'static str,
        fn(&mut BankAccount),
        Operation,
        &'static str,
        Rule,
        &'static str,
    );
    let cases: &[Case] = &[
        (
            "required on create",
            |r| r.sample_name = None,
            Operation::Create,
            "sample_name",
            Rule::Required,
            "null",
        ),
        (
            "max length in characters",
            |r| r.sample_name = Some("é".repeat(101)),
            Operation::Update,
            "sample_name",
            Rule::MaxLength,
            "\"éééééééééééééééééééééééééééééééééééééééé\"",
        ),
        (
            "integer below min",
            |r| r.sample_integer = Some(-1),
            Operation::Create,
            "sample_integer",
            Rule::Min,
            "-1",
        ),
        (
            "integer above max",
            |r| r.sample_integer = Some(101),
            Operation::Create,
            "sample_integer",
            Rule::Max,
            "101",
        ),
        (
            "decimal above max",
            |r| r.sample_decimal = Some(Decimal::new(1001, 1)),
            Operation::Create,
            "sample_decimal",
            Rule::Max,
            "100.1",
        ),
        (
            "decimal precision",
            |r| r.sample_decimal = Some(Decimal::new(1234, 2)),
            Operation::Create,
            "sample_decimal",
            Rule::Precision,
            "12.34",
        ),
        (
            "money below min",
            |r| r.sample_money = Some(Decimal::new(-5, 1)),
            Operation::Create,
            "sample_money",
            Rule::Min,
            "-0.5",
        ),
        (
            "unknown option",
            |r| r.sample_colors = Some(Colors::from_value(727_000_009)),
            Operation::Create,
            "sample_colors",
            Rule::UnknownOption,
            "727000009",
        ),
        (
            "unknown multi-select option",
            |r| {
                r.sample_multiselectchoice = Some(
                    [Course::Entree, Course::from_value(4)]
                        .into_iter()
                        .collect(),
                )
            },
            Operation::Create,
            "sample_multiselectchoice",
            Rule::UnknownOption,
            "4",
        ),
        (
            "more than 150 multi-select values",
            |r| {
                r.sample_multiselectchoice = Some(
                    (0..151)
                        .map(|i| Course::from_value(727_000_000 + i))
                        .collect(),
                )
            },
            Operation::Create,
            "sample_multiselectchoice",
            Rule::TooManyValues,
            "151",
        ),
        (
            "lookup target not allowed",
            |r| r.sample_customerid = Some(Customer::from_target("lead", Guid::nil())),
            Operation::Create,
            "sample_customerid",
            Rule::LookupTarget,
            "lead",
        ),
        (
            "status not valid for the state",
            |r| r.statuscode = Some(BankAccountStatus::Active),
            Operation::Update,
            "statuscode",
            Rule::StatusForState,
            "1",
        ),
        (
            "date-only before 1753",
            |r| r.sample_datetime = Some(date!(1752 - 12 - 31)),
            Operation::Create,
            "sample_datetime",
            Rule::DateRange,
            "1752-12-31",
        ),
        (
            "date-time before 1753",
            |r| r.overriddencreatedon = Field::Value(datetime!(1700-01-01 0:00 UTC)),
            Operation::Update,
            "overriddencreatedon",
            Rule::DateRange,
            "1700-01-01T00:00:00Z",
        ),
    ];
    for (what, break_it, operation, column, rule, value) in cases {
        let mut row = valid();
        break_it(&mut row);
        if *rule == Rule::TooManyValues {
            // 148 of the 151 values are also unknown options: look at the count error alone
            let errors = row.validate(*operation).unwrap_err();
            let too_many: Vec<_> = errors
                .iter()
                .filter(|e| e.rule == Rule::TooManyValues)
                .collect();
            assert_eq!(too_many.len(), 1, "{what}: {errors}");
            assert_eq!(too_many[0].column, *column, "{what}");
            assert_eq!(too_many[0].value, *value, "{what}");
            continue;
        }
        let error = only_error(row, *operation);
        assert_eq!(
            (error.column, error.rule),
            (*column, *rule),
            "{what}: {error}"
        );
        assert_eq!(error.value, *value, "{what}: {error}");
        let shown = error.to_string();
        assert!(
            shown.contains(column) && shown.contains(rule.name()),
            "{what}: {shown}"
        );
    }
}

#[test]
fn required_applies_on_create_only() {
    let mut row = valid();
    row.sample_name = None;
    assert!(row.validate(Operation::Create).is_err());
    assert_eq!(row.validate(Operation::Update), Ok(()));
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut row = valid();
    row.sample_name = Some("x".repeat(101));
    row.sample_integer = Some(500);
    row.sample_colors = Some(Colors::from_value(1));
    row.statuscode = Some(BankAccountStatus::Active);
    let errors = row.validate(Operation::Create).unwrap_err();
    let found: Vec<_> = errors.iter().map(|e| (e.column, e.rule)).collect();
    assert_eq!(
        found,
        [
            ("sample_name", Rule::MaxLength),
            ("sample_integer", Rule::Max),
            ("sample_colors", Rule::UnknownOption),
            ("statuscode", Rule::StatusForState),
        ]
    );
    assert!(errors.to_string().lines().count() == 4);
}

#[test]
fn max_length_counts_characters_not_bytes() {
    let mut row = valid();
    row.sample_name = Some("é".repeat(100)); // 200 bytes, 100 characters
    assert_eq!(row.validate(Operation::Create), Ok(()));
}

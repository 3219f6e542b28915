//! What the metadata records about each column besides its type: the required level, a
//! Boolean's labels and default, a choice's default option; compared with the reference
//! data the declarations were written from, and create-time validation by required level.

use dataverse_model::{
    BooleanLabels, ColumnDefault, ColumnMetadata, Entity, Operation, RequiredLevel, Rule,
    dataverse_entity,
};
use dataverse_model_tests::session::{SalesSession, Session};
use serde_json::Value;

/// Session's columns as its reference page gives them (see `tests/fixtures/README.md`).
fn reference() -> Vec<Value> {
    let text = include_str!("../fixtures/session.column-properties.json");
    serde_json::from_str(text).expect("the fixture is JSON")
}

fn text<'a>(attribute: &'a Value, key: &str) -> &'a str {
    attribute[key]
        .as_str()
        .unwrap_or_else(|| panic!("`{key}` of {attribute}"))
}

/// The column properties the reference gives `attribute`, as the metadata records them.
fn expected(attribute: &Value) -> (RequiredLevel, Option<ColumnDefault>, Option<[String; 2]>) {
    let level = RequiredLevel::from_name(text(attribute, "RequiredLevel"))
        .unwrap_or_else(|| panic!("a documented level in {attribute}"));
    if text(attribute, "Type") == "Boolean" {
        let default = attribute["DefaultValue"]
            .as_bool()
            .expect("a Boolean default");
        let labels = [text(attribute, "TrueLabel"), text(attribute, "FalseLabel")];
        return (
            level,
            Some(ColumnDefault::Boolean(default)),
            Some(labels.map(str::to_owned)),
        );
    }
    // `-1` (or nothing) is Dataverse's "no default option"
    let default = attribute["DefaultFormValue"]
        .as_i64()
        .filter(|value| *value != -1)
        .map(|value| ColumnDefault::Choice(i32::try_from(value).expect("an i32 option value")));
    (level, default, None)
}

fn recorded(
    column: &ColumnMetadata,
) -> (RequiredLevel, Option<ColumnDefault>, Option<[String; 2]>) {
    let labels = column.boolean.map(|labels: BooleanLabels| {
        [true, false].map(|value| labels.label(value).expect("an English label").to_owned())
    });
    (column.required_level, column.default, labels)
}

#[test]
fn every_session_column_records_the_reference_level_default_and_labels() {
    let reference = reference();
    let session = <Session as Entity>::METADATA;
    assert_eq!(reference.len(), session.columns.len());
    for attribute in &reference {
        let name = text(attribute, "LogicalName");
        let column = session
            .column(name)
            .unwrap_or_else(|| panic!("column `{name}`"));
        assert_eq!(recorded(column), expected(attribute), "column `{name}`");
    }
    // the reference's mix, so the comparison above cannot pass on empty metadata
    let count = |level| {
        session
            .columns
            .iter()
            .filter(|c| c.required_level == level)
            .count()
    };
    assert_eq!(count(RequiredLevel::SystemRequired), 9);
    assert_eq!(count(RequiredLevel::ApplicationRequired), 3);
    assert_eq!(
        session
            .columns
            .iter()
            .filter(|c| c.boolean.is_some())
            .count(),
        5
    );
    let choice_defaults = session
        .columns
        .iter()
        .filter(|c| matches!(c.default, Some(ColumnDefault::Choice(_))))
        .count();
    assert_eq!(choice_defaults, 5);
}

#[test]
fn the_sales_layer_keeps_the_base_properties_of_the_columns_it_redeclares() {
    let base = <Session as Entity>::METADATA;
    let sales = <SalesSession as Entity>::METADATA;
    let mut compared = 0;
    for column in sales.columns {
        if let Some(below) = base.column(column.logical_name) {
            assert_eq!(
                recorded(column),
                recorded(below),
                "column `{}`",
                column.logical_name
            );
            compared += 1;
        }
    }
    assert_eq!(
        compared,
        sales.columns.len() - 1,
        "all but the new `sample_channelnote`"
    );
    let state = sales.column("statecode").unwrap();
    assert_eq!(state.required_level, RequiredLevel::SystemRequired);
    assert_eq!(state.default, Some(ColumnDefault::Choice(0)));
}

#[test]
fn create_requires_the_application_required_columns_only() {
    let reference = reference();
    let required: Vec<&str> = reference
        .iter()
        .filter(|a| text(a, "RequiredLevel") == "ApplicationRequired")
        .map(|a| text(a, "LogicalName"))
        .collect();
    assert_eq!(
        required,
        [
            "msdyn_queueassignedreason",
            "msdyn_sessioncreationreason",
            "subject"
        ]
    );
    // an empty row: the nine SystemRequired columns (id, owner, state, ...) are the
    // service's to fill, so only the ApplicationRequired ones are reported
    let errors = Session::default()
        .validate(Operation::Create)
        .expect_err("required columns are missing");
    let reported: Vec<_> = errors.iter().map(|e| (e.column, e.rule)).collect();
    let wanted: Vec<_> = required.into_iter().map(|c| (c, Rule::Required)).collect();
    assert_eq!(reported, wanted);
    assert_eq!(Session::default().validate(Operation::Update), Ok(()));
}

/// `sample_bankaccount`'s Boolean column as the Sales sample leaves it (reference page:
/// ApplicationRequired, labels changed to Up/Down, default false), with a French label to
/// show the per-language form.
#[dataverse_entity(
    logical_name = "sample_bankaccount",
    entity_set = "sample_bankaccounts",
    primary_id = "sample_bankaccountid"
)]
#[derive(Debug, Default)]
pub struct BankAccount {
    #[dataverse(required_level = SystemRequired)]
    pub sample_bankaccountid: Option<dataverse_model::Guid>,
    #[dataverse(required, true_label(1033 = "Up", 1036 = "Haut"), false_label = "Down", default = false)]
    pub sample_boolean: Option<bool>,
    #[dataverse(required_level = Recommended)]
    pub sample_integer: Option<i32>,
    #[dataverse(required_level = None)]
    pub sample_name: Option<String>,
}

#[test]
fn boolean_labels_per_language_and_every_level_by_name() {
    let meta = <BankAccount as Entity>::METADATA;
    let boolean = meta.column("sample_boolean").unwrap();
    let labels = boolean.boolean.unwrap();
    assert_eq!(
        (labels.label(true), labels.label(false)),
        (Some("Up"), Some("Down"))
    );
    assert_eq!(labels.label_in(true, 1036), Some("Haut"));
    assert_eq!(labels.label_in(false, 1036), None);
    assert_eq!(boolean.default, Some(ColumnDefault::Boolean(false)));
    let levels: Vec<_> = meta.columns.iter().map(|c| c.required_level).collect();
    assert_eq!(
        levels,
        [
            RequiredLevel::SystemRequired,
            RequiredLevel::ApplicationRequired,
            RequiredLevel::Recommended,
            RequiredLevel::None
        ]
    );
    // `required` is ApplicationRequired: the one level a create must fill
    let errors = BankAccount::default()
        .validate(Operation::Create)
        .unwrap_err();
    let reported: Vec<_> = errors.iter().map(|e| e.column).collect();
    assert_eq!(reported, ["sample_boolean"]);
}

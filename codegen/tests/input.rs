//! Reading saved metadata folders: the real samples and bad input.

use std::path::{Path, PathBuf};

use dataverse_model_codegen::Metadata;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn the_real_samples_are_read() {
    let metadata = Metadata::read(&fixture("samples")).unwrap();
    let table = &metadata.tables["sample_bankaccount"].definition;
    assert_eq!(table.schema_name, "sample_BankAccount");
    assert_eq!(
        table.entity_set_name.as_deref(),
        Some("sample_bankaccounts")
    );
    assert_eq!(table.primary_id_attribute, "sample_bankaccountid");
    assert_eq!(
        table.description.text(),
        Some("A table to store information about customer bank accounts")
    );

    let boolean = table
        .attributes
        .iter()
        .find(|a| a.logical_name == "sample_boolean")
        .unwrap();
    assert_eq!(boolean.cast(), Some("BooleanAttributeMetadata"));
    assert_eq!(boolean.required_level(), "None");
    let options = boolean.option_set.as_ref().unwrap();
    assert_eq!(
        options.true_option.as_ref().unwrap().label.text(),
        Some("True")
    );
    assert_eq!(options.false_option.as_ref().unwrap().value, 0);

    let colors = table
        .attributes
        .iter()
        .find(|a| a.logical_name == "sample_colors")
        .unwrap();
    let set = colors.global_option_set.as_ref().unwrap();
    assert_eq!(set.name, "sample_colors");
    assert_eq!(
        set.options.iter().map(|o| o.value).collect::<Vec<_>>(),
        [727000000, 727000001, 727000002]
    );

    let customer = &table.many_to_one_relationships[0];
    assert_eq!(customer.schema_name, "sample_BankAccount_Customer_Contact");
    assert_eq!(
        customer
            .referencing_entity_navigation_property_name
            .as_deref(),
        Some("sample_CustomerId_contact")
    );
    assert_eq!(
        customer.cascade_configuration.as_ref().unwrap().archive,
        "RemoveLink"
    );
    let contacts = &table.one_to_many_relationships[0];
    assert_eq!(contacts.schema_name, "sample_BankAccount_Contacts");
    assert_eq!(
        contacts.cascade_configuration.as_ref().unwrap().merge,
        "NoCascade"
    );

    assert_eq!(
        metadata.global_option_sets["sample_colors"].options[1]
            .label
            .text(),
        Some("Yellow")
    );
    assert_eq!(
        metadata.entity_sets["sample_bankaccount"],
        "sample_bankaccounts"
    );
}

#[test]
fn malformed_json_names_the_file_and_line() {
    let error = Metadata::read(&fixture("malformed")).unwrap_err();
    assert!(error.file.ends_with("account/picklists.json"), "{error}");
    assert_eq!(
        error.json_path.as_deref(),
        Some("OptionSet.Options"),
        "{error}"
    );
    assert!(error.message.contains("line 37 column 1"), "{error}");
}

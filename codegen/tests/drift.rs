//! Drift: the hand-written Session (with its Sales layer) against a metadata folder changed in
//! each way the check reports.

use std::path::PathBuf;

use dataverse_model::Entity;
use dataverse_model_codegen::{Change, Difference, drift, render};
use dataverse_model_tests::session::SalesSession;
use serde_json::{Value, json};

fn folder(name: &str, change: impl FnOnce(&mut Value)) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    let table = <SalesSession as Entity>::METADATA;
    render::write_folder(&dir, &[table]).unwrap();
    let mut entity = render::entity_definition(table);
    change(&mut entity);
    std::fs::write(
        dir.join("msdyn_ocsession/entity.json"),
        render::pretty(&entity),
    )
    .unwrap();
    dir
}

fn attribute<'a>(entity: &'a mut Value, name: &str) -> &'a mut Value {
    entity["Attributes"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|a| a["LogicalName"] == name)
        .unwrap()
}

fn relationship<'a>(entity: &'a mut Value, name: &str) -> &'a mut Value {
    entity["ManyToOneRelationships"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|r| r["SchemaName"] == name)
        .unwrap()
}

fn difference(column: &str, change: Change, item: &str, old: &str, new: &str) -> Difference {
    Difference {
        table: "msdyn_ocsession".to_owned(),
        column: column.to_owned(),
        change,
        item: item.to_owned(),
        old: old.to_owned(),
        new: new.to_owned(),
    }
}

#[test]
fn the_declarations_have_no_drift_from_their_own_rendering() {
    let dir = folder("drift-none", |_| {});
    assert_eq!(drift::<SalesSession>(&dir).unwrap(), []);
}

#[test]
fn every_kind_of_change_is_reported_exactly() {
    let dir = folder("drift-all", |e| {
        e["EntitySetName"] = json!("msdyn_ocsessionz");
        let attributes = e["Attributes"].as_array_mut().unwrap();
        attributes.retain(|a| a["LogicalName"] != "msdyn_sessionid");
        attributes
            .push(json!({"LogicalName": "new_extra", "AttributeType": "String", "MaxLength": 10}));
        attributes.push(json!({"LogicalName": "new_extraname", "AttributeType": "String", "AttributeOf": "new_extra"}));
        attribute(e, "isbilled")["AttributeType"] = json!("Integer");
        attribute(e, "subject")["MaxLength"] = json!(300);
        attribute(e, "actualdurationminutes")["MinValue"] = json!(1);
        attribute(e, "exchangerate")["Precision"] = json!(10);
        attribute(e, "msdyn_sessioncreationreason")["RequiredLevel"]["Value"] = json!("None");
        let options = attribute(e, "msdyn_queueassignedreason")["OptionSet"]["Options"]
            .as_array_mut()
            .unwrap();
        options.retain(|o| o["Value"] != 192_350_000);
        options[0]["Label"]["LocalizedLabels"][0]["Label"] = json!("Agent transfer");
        options.push(json!({"Value": 192_350_099, "Label": {"LocalizedLabels": [{"Label": "New", "LanguageCode": 1033}]}}));
        let targets = attribute(e, "regardingobjectid")["Targets"]
            .as_array_mut()
            .unwrap();
        targets.retain(|t| t != "account");
        targets.push(json!("new_project"));
        relationship(e, "contact_msdyn_ocsessions")["ReferencingEntityNavigationPropertyName"] =
            json!("regardingobjectid_contact");
        relationship(e, "sample_bankaccount_msdyn_ocsessions")["CascadeConfiguration"]["Delete"] =
            json!("RemoveLink");
        relationship(e, "msdyn_ocsession_systemuser_createdby")["CascadeConfiguration"]["Archive"] =
            json!("RemoveLink");
    });
    let mut expected = vec![
        difference(
            "",
            Change::EntitySet,
            "",
            "msdyn_ocsessions",
            "msdyn_ocsessionz",
        ),
        // the self-referencing lookup's target is the table itself
        difference(
            "msdyn_primarysession",
            Change::EntitySet,
            "target `msdyn_ocsession`",
            "msdyn_ocsessions",
            "msdyn_ocsessionz",
        ),
        difference(
            "msdyn_sessionid",
            Change::ColumnRemoved,
            "",
            "declared",
            "-",
        ),
        difference("new_extra", Change::ColumnAdded, "", "-", "String"),
        difference("isbilled", Change::ColumnRetyped, "", "Boolean", "Integer"),
        difference("subject", Change::MaxLength, "", "200", "300"),
        difference("actualdurationminutes", Change::Min, "", "0", "1"),
        difference("exchangerate", Change::Precision, "", "12", "10"),
        difference(
            "msdyn_sessioncreationreason",
            Change::RequiredLevel,
            "",
            "ApplicationRequired",
            "None",
        ),
        difference(
            "msdyn_queueassignedreason",
            Change::OptionRemoved,
            "option 192350000",
            "Default",
            "-",
        ),
        difference(
            "msdyn_queueassignedreason",
            Change::OptionRelabelled,
            "option 192350001 language 1033",
            "AgentTransfer",
            "Agent transfer",
        ),
        difference(
            "msdyn_queueassignedreason",
            Change::OptionAdded,
            "option 192350099",
            "-",
            "New",
        ),
        difference(
            "regardingobjectid",
            Change::TargetRemoved,
            "target `account`",
            "account",
            "-",
        ),
        difference(
            "regardingobjectid",
            Change::TargetAdded,
            "target `new_project`",
            "-",
            "new_project",
        ),
        difference(
            "regardingobjectid",
            Change::Navigation,
            "target `contact`",
            "regardingobjectid_contact_msdyn_ocsession",
            "regardingobjectid_contact",
        ),
        difference(
            "regardingobjectid",
            Change::Cascade,
            "relationship `sample_bankaccount_msdyn_ocsessions` Delete",
            "Cascade",
            "RemoveLink",
        ),
        difference(
            "createdby",
            Change::Cascade,
            "relationship `msdyn_ocsession_systemuser_createdby` Archive",
            "NoCascade",
            "RemoveLink",
        ),
    ];
    expected.sort();
    assert_eq!(drift::<SalesSession>(&dir).unwrap(), expected);
}

#[test]
fn a_missing_table_is_an_error_naming_the_file() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("drift-empty");
    std::fs::create_dir_all(&dir).unwrap();
    let error = drift::<SalesSession>(&dir).unwrap_err();
    assert!(
        error.file.ends_with("msdyn_ocsession/entity.json"),
        "{error}"
    );
    assert!(
        error.message.contains("not in the metadata folder"),
        "{error}"
    );
}

#[test]
fn required_levels_boolean_labels_and_defaults_and_choice_defaults_are_compared() {
    let dir = folder("drift-properties", |e| {
        attribute(e, "activityid")["RequiredLevel"]["Value"] = json!("None");
        attribute(e, "owneridtype")["RequiredLevel"]["Value"] = json!("Recommended");
        let voicemail = attribute(e, "leftvoicemail");
        voicemail["DefaultValue"] = json!(true);
        voicemail["OptionSet"]["TrueOption"]["Label"]["LocalizedLabels"][0]["Label"] =
            json!("Left");
        attribute(e, "prioritycode")["DefaultFormValue"] = json!(2);
        // a choice the declarations leave without default gets one
        attribute(e, "msdyn_channel")["DefaultFormValue"] = json!(192_390_000);
    });
    let mut expected = vec![
        difference(
            "activityid",
            Change::RequiredLevel,
            "",
            "SystemRequired",
            "None",
        ),
        difference(
            "owneridtype",
            Change::RequiredLevel,
            "",
            "SystemRequired",
            "Recommended",
        ),
        difference("leftvoicemail", Change::BooleanDefault, "", "false", "true"),
        difference(
            "leftvoicemail",
            Change::BooleanRelabelled,
            "option 1 language 1033",
            "Yes",
            "Left",
        ),
        difference("prioritycode", Change::ChoiceDefault, "", "1", "2"),
        difference(
            "msdyn_channel",
            Change::ChoiceDefault,
            "",
            "-1",
            "192390000",
        ),
    ];
    expected.sort();
    assert_eq!(drift::<SalesSession>(&dir).unwrap(), expected);
}

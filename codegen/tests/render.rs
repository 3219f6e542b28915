//! Metadata out: the project's hand-written Session and Sales layer rendered as metadata JSON.

use std::path::Path;

use dataverse_model::Entity;
use dataverse_model_codegen::render;
use dataverse_model_tests::session::SalesSession;

/// The committed fixture `tests/fixtures/session/` is the rendering of the hand-written
/// declarations (`BLESS=1` rewrites it); the generated test crate is built from it.
#[test]
fn the_session_fixture_is_the_rendering_of_the_hand_written_declarations() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/session");
    let table = <SalesSession as Entity>::METADATA;
    if std::env::var_os("BLESS").is_some() {
        render::write_folder(&dir, &[table]).unwrap();
    }
    let entity = std::fs::read_to_string(dir.join("msdyn_ocsession/entity.json")).unwrap();
    assert_eq!(
        entity,
        render::pretty(&render::entity_definition(table)),
        "run with BLESS=1 to update"
    );
    let sets = std::fs::read_to_string(dir.join("entitysets.json")).unwrap();
    assert_eq!(sets, render::pretty(&render::entity_sets(&[table])));
}

#[test]
fn the_rendering_holds_the_sales_layer() {
    let json = render::entity_definition(<SalesSession as Entity>::METADATA);
    assert_eq!(json["LogicalName"], "msdyn_ocsession");
    assert_eq!(json["EntitySetName"], "msdyn_ocsessions");
    let attributes = json["Attributes"].as_array().unwrap();
    assert_eq!(
        attributes.len(),
        95,
        "94 base columns and the Sales layer's `sample_channelnote`"
    );
    let reason = attributes
        .iter()
        .find(|a| a["LogicalName"] == "msdyn_queueassignedreason")
        .unwrap();
    assert_eq!(reason["RequiredLevel"]["Value"], "ApplicationRequired");
    let options = reason["OptionSet"]["Options"].as_array().unwrap();
    assert_eq!(options.len(), 50);
    let bot = options.iter().find(|o| o["Value"] == 192_350_024).unwrap();
    assert_eq!(
        bot["Label"]["LocalizedLabels"][0]["Label"],
        "BotTransferSession "
    );
    let regarding = attributes
        .iter()
        .find(|a| a["LogicalName"] == "regardingobjectid")
        .unwrap();
    assert_eq!(regarding["Targets"].as_array().unwrap().len(), 33);
    let status = attributes
        .iter()
        .find(|a| a["LogicalName"] == "statuscode")
        .unwrap();
    assert_eq!(status["AttributeType"], "Status");
    assert_eq!(status["OptionSet"]["Options"][1]["State"], 1);
    let sales = json["ManyToOneRelationships"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["SchemaName"] == "sample_bankaccount_msdyn_ocsessions")
        .unwrap();
    assert_eq!(
        sales["ReferencingEntityNavigationPropertyName"],
        "regardingobjectid_sample_bankaccount_msdyn_ocsession"
    );
    assert_eq!(sales["CascadeConfiguration"]["Delete"], "Cascade");
    assert_eq!(sales["CascadeConfiguration"]["Merge"], "NoCascade");
}

#[test]
fn choices_and_lookups_render_on_their_own() {
    use dataverse_model::Choice;
    use dataverse_model_tests::session_choices::SalesSessionEventReason;
    use dataverse_model_tests::session_lookups::SalesRegarding;

    let set = render::option_set(<SalesSessionEventReason as Choice>::METADATA, "Picklist");
    assert_eq!(set["Name"], "msdyn_occallsessioneventreasons");
    assert_eq!(set["IsGlobal"], true);
    assert_eq!(set["Options"].as_array().unwrap().len(), 50);
    assert_eq!(
        set["Options"][27]["Label"]["LocalizedLabels"][0]["Label"],
        "AssignToQueueBySupervisor  "
    );

    let relationships = render::lookup_relationships(SalesRegarding::METADATA, "msdyn_ocsession");
    assert_eq!(
        relationships.len(),
        32,
        "every regarding target but `msdyn_playbookinstance`"
    );
    let (name, sales) = relationships.last().unwrap();
    assert_eq!(*name, "sample_bankaccount_msdyn_ocsessions");
    assert_eq!(sales["ReferencingEntity"], "msdyn_ocsession");
    assert_eq!(sales["CascadeConfiguration"]["Archive"], "NoCascade");
}

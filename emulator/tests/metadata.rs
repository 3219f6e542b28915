//! `EntityDefinitions` from the registered tables (feature `entity-definitions`):
//! `cargo test -p dataverse-model-emulator --features entity-definitions --test metadata`.
#![cfg(feature = "entity-definitions")]

mod common;

use common::{call, sales};

#[test]
fn entity_definitions_render_the_registered_tables() {
    let emulator = sales();
    let (status, _, sets) = call(
        &emulator,
        "GET",
        "/api/data/v9.2/EntityDefinitions?$select=LogicalName,EntitySetName",
        &[],
        None,
    );
    assert_eq!(status, 200, "{sets}");
    let rows = sets["value"].as_array().unwrap();
    assert!(
        rows.iter().any(|r| r["LogicalName"] == "sample_bankaccount"
            && r["EntitySetName"] == "sample_bankaccounts")
    );

    let (status, _, session) = call(
        &emulator,
        "GET",
        "/api/data/v9.2/EntityDefinitions(LogicalName='msdyn_ocsession')?$expand=Attributes,ManyToOneRelationships",
        &[],
        None,
    );
    assert_eq!(status, 200, "{session}");
    assert_eq!(session["EntitySetName"], "msdyn_ocsessions");
    let relationship = session["ManyToOneRelationships"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["SchemaName"] == "sample_bankaccount_msdyn_ocsessions")
        .expect("the Sales relationship");
    assert_eq!(relationship["CascadeConfiguration"]["Delete"], "Cascade");
    assert!(
        session["Attributes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["LogicalName"] == "sample_channelnote")
    );

    let (status, _, _) = call(
        &emulator,
        "GET",
        "/api/data/v9.2/EntityDefinitions(LogicalName='nosuchtable')",
        &[],
        None,
    );
    assert_eq!(status, 404);
}

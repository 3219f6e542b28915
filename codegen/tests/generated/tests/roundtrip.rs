//! Round trip: hand-written declarations → metadata JSON → generated declarations (compiled
//! by this crate's `build.rs`) → metadata JSON, equal to the first.

use dataverse_model::{Choice, Entity};
use dataverse_model_codegen::render;
use dataverse_model_codegen_generated::{samples, session};
use dataverse_model_tests::session::SalesSession;

#[test]
fn generated_session_metadata_equals_the_hand_written() {
    let hand = render::entity_definition(<SalesSession as Entity>::METADATA);
    let generated = render::entity_definition(<session::SampleMsdynOcsession as Entity>::METADATA);
    assert_eq!(
        render::pretty(&generated),
        render::pretty(&hand),
        "the generated Session differs from the hand-written one"
    );
}

#[test]
fn the_layer_split_puts_the_prefixed_column_and_target_in_the_layer() {
    let layer = <session::SampleMsdynOcsession as Entity>::METADATA;
    let names: Vec<&str> = layer.columns.iter().map(|c| c.logical_name).collect();
    assert_eq!(names, ["regardingobjectid", "sample_channelnote"]);
    let base = <session::MsdynOcsession as Entity>::METADATA;
    assert_eq!(base.columns.len(), 94);
    let regarding = session::SampleMsdynOcsessionRegardingobjectid::METADATA;
    assert_eq!(regarding.targets.len(), 1);
    assert_eq!(regarding.targets[0].logical_name, "sample_bankaccount");
    assert_eq!(
        regarding.targets[0].navigation,
        "regardingobjectid_sample_bankaccount_msdyn_ocsession"
    );
    assert_eq!(regarding.base.unwrap().targets.len(), 32);
}

#[test]
fn the_status_choice_is_paired_with_its_state() {
    use dataverse_model::StatusChoice;
    let completed = session::MsdynOcsessionStatuscode::Completed;
    assert_eq!(
        completed.state(),
        Some(session::MsdynOcsessionStatecode::Completed)
    );
}

#[test]
fn the_real_samples_compile_into_working_declarations() {
    assert_eq!(
        samples::SampleColors::from_value(727_000_001),
        samples::SampleColors::Yellow
    );
    assert_eq!(
        <samples::SampleColors as Choice>::METADATA.name,
        "sample_colors"
    );
    assert!(<samples::SampleColors as Choice>::METADATA.global);
    let table = <samples::SampleBankAccount as Entity>::METADATA;
    assert_eq!(table.entity_set, "sample_bankaccounts");
    assert_eq!(table.primary_id, "sample_bankaccountid");
    assert!(table.column("sample_boolean").is_some());
}

#[test]
fn the_ordinary_columns_beside_skipped_ones_compile_with_their_constraints() {
    use dataverse_model_codegen_generated::unmodelled::SampleWidget;
    let table = <SampleWidget as Entity>::METADATA;
    let price = table.column("sample_price_base").unwrap();
    assert_eq!(price.kind, dataverse_model::ColumnKind::Money);
    assert!(price.read_only);
    assert_eq!(
        (price.min, price.max, price.precision),
        (
            Some(-922_337_203_685_477.0),
            Some(922_337_203_685_477.0),
            Some(4)
        )
    );
    assert!(table.column("sample_name").unwrap().required);
    assert_eq!(table.columns.len(), 3);
}

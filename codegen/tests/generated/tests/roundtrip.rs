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
    // the column properties came through: required levels, Boolean labels and defaults,
    // choice defaults
    let base = <session::MsdynOcsession as Entity>::METADATA;
    let id = base.column("activityid").unwrap();
    assert_eq!(
        id.required_level,
        dataverse_model::RequiredLevel::SystemRequired
    );
    let regular = base.column("isregularactivity").unwrap();
    let labels = regular.boolean.unwrap();
    assert_eq!(
        (labels.label(true), labels.label(false)),
        (Some("Yes"), Some("No"))
    );
    assert_eq!(
        regular.default,
        Some(dataverse_model::ColumnDefault::Boolean(true))
    );
    assert_eq!(
        base.column("prioritycode").unwrap().default,
        Some(dataverse_model::ColumnDefault::Choice(1))
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
    // each lookup is bound to its table (`#[lookup(table = ...)]`)
    assert_eq!(regarding.base.unwrap().table, "msdyn_ocsession");
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
    assert!(table.column("sample_name").unwrap().required_on_create());
    assert_eq!(
        table.columns.len(),
        4,
        "name, price, id and the choice left with its valid option"
    );
}

#[test]
fn the_publisher_layer_holds_its_columns_targets_and_options() {
    use dataverse_model_codegen_generated::layered::*;
    let layer = <SampleContact as Entity>::METADATA;
    let names: Vec<&str> = layer.columns.iter().map(|c| c.logical_name).collect();
    assert_eq!(
        names,
        [
            "parentcustomerid",
            "preferredcontactmethodcode",
            "sample_interests",
            "sample_score"
        ]
    );
    assert_eq!(layer.base.unwrap().columns.len(), 11);
    // options: the publisher's value range goes to the layer, labels in every language
    let pigeon = SampleContactPreferredcontactmethodcode::from_value(727_000_000);
    assert_eq!(
        pigeon,
        SampleContactPreferredcontactmethodcode::CarrierPigeon
    );
    assert_eq!(pigeon.label_in(1036), Some("Pigeon voyageur"));
    assert_eq!(
        SampleContactPreferredcontactmethodcode::from_value(2),
        SampleContactPreferredcontactmethodcode::Base(ContactPreferredcontactmethodcode::EMail)
    );
    assert_eq!(
        ContactPreferredcontactmethodcode::EMail.label_in(1036),
        Some("Courrier électronique")
    );
    // duplicates and empty labels: stable names from the value
    assert_eq!(ContactPreferredcontactmethodcode::Phone4.value(), 4);
    assert_eq!(ContactPreferredcontactmethodcode::Value5.value(), 5);
    assert_eq!(
        ContactPreferredcontactmethodcode::SelfValue.label(),
        Some("Self")
    );
    // a status choice stays whole: its states must resolve
    use dataverse_model::StatusChoice;
    assert_eq!(
        ContactStatuscode::from_value(727_000_000).state(),
        Some(ContactStatecode::Inactive)
    );
    // the layer's target, its relationship and cascade
    let target = SampleContactParentCustomerId::METADATA.targets[0];
    assert_eq!(target.navigation, "parentcustomerid_sample_bankaccount");
    let relationship = target.relationship.unwrap();
    assert_eq!(
        relationship.cascade.delete,
        dataverse_model::CascadeType::Restrict
    );
    // ownership: one relationship to `owner`, recorded once, its navigation on every target
    let owner = ContactOwnerId::METADATA;
    assert_eq!(
        owner.targets[0].relationship.unwrap().referenced_entity,
        "owner"
    );
    assert!(owner.targets[0].relationship.unwrap().system);
    assert_eq!(owner.targets[1].navigation, "ownerid");
    // kinds and constraints
    let base = <Contact as Entity>::METADATA;
    assert_eq!(
        base.column("birthdate").unwrap().kind,
        dataverse_model::ColumnKind::DateOnly
    );
    assert_eq!(base.column("type").unwrap().field, "type_");
    let score = layer.column("sample_score").unwrap();
    assert_eq!(
        (score.min, score.max, score.precision),
        (Some(-100.0), Some(100.5), Some(2))
    );
    assert_eq!(
        layer.column("sample_interests").unwrap().kind,
        dataverse_model::ColumnKind::MultiChoice
    );
    assert!(base.column("versionnumber").unwrap().read_only);
    assert!(
        base.column("preferredcontactmethodcode")
            .unwrap()
            .required_on_create()
    );
}

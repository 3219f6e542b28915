//! Prints the layers of the Session's event reasons (`msdyn_occallsessioneventreasons`):
//! every option as the Sales layer sees it, then an unknown value's round trip.
//!
//! Run from the workspace root: `cargo run --example session_choices`

use dataverse_model::Choice;
use dataverse_model_tests::session_choices::{SalesSessionEventReason, SessionEventReason};

fn main() {
    let meta = <SalesSessionEventReason as Choice>::METADATA;
    println!(
        "choice `{}` (global: {}), layers: {}",
        meta.name,
        meta.global,
        meta.layers()
            .map(|l| l.layer)
            .collect::<Vec<_>>()
            .join(" -> ")
    );
    println!("{:>10}  {:<34} layer", "value", "label");
    for option in meta.effective_options() {
        println!(
            "{:>10}  {:<34} {}",
            option.value,
            format!("{:?}", option.label),
            option.layer
        );
    }
    println!("{} options", meta.len());

    println!();
    let json = "192350047";
    let reason: SalesSessionEventReason =
        serde_json::from_str(json).expect("an unknown value still decodes");
    let written = serde_json::to_string(&reason).expect("a choice always encodes");
    println!(
        "unknown value {json} decodes to {reason:?} (known: {})",
        reason.is_known()
    );
    println!("and is written back as {written}");
    assert_eq!(written, json);

    let relabelled = SalesSessionEventReason::from_value(192_350_024);
    let base = SessionEventReason::from_value(192_350_024);
    println!();
    println!(
        "192350024 decodes to {relabelled:?} with label {:?} (base layer: {:?})",
        relabelled.label().unwrap_or_default(),
        base.label().unwrap_or_default()
    );
}

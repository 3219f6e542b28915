//! The Session table and the Dynamics 365 Sales layer over it, end to end.
//!
//! Run with `cargo run --example sales_session` (optionally followed by the path of another
//! Web API page of sessions to decode).

use dataverse_model::{Choice, Entity, Field, Lookup, Operation, Page};
use dataverse_model_tests::session::{SalesSession, Session};
use dataverse_model_tests::session_choices::SalesSessionEventReason;
use dataverse_model_tests::session_lookups::SalesRegarding;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let table = <SalesSession as Entity>::METADATA;
    println!("== Table");
    println!("logical name   {}", table.logical_name);
    println!("entity set     {}", table.entity_set);
    println!("primary id     {}", table.primary_id);
    println!("primary name   {}", table.primary_name.unwrap_or("-"));
    println!(
        "columns        {} in the base `Session`, {} in the Sales layer `SalesSession`",
        <Session as Entity>::METADATA.columns.len(),
        table.columns.len()
    );

    let reasons = <SalesSessionEventReason as Choice>::METADATA;
    println!();
    println!(
        "== Choice `{}` (global: {}), layered",
        reasons.name, reasons.global
    );
    for option in reasons.effective_options() {
        let label = format!("{:?}", option.label);
        println!("{:>11}  {label:<34} {}", option.value, option.layer);
    }

    let regarding = SalesRegarding::METADATA;
    println!();
    println!(
        "== Lookup `{}`: {} targets",
        regarding.column,
        regarding.all_targets().count()
    );
    for target in regarding.all_targets() {
        println!(
            "{:<36} {:<70} {}",
            target.logical_name, target.navigation, target.layer
        );
    }

    let sales = regarding
        .target("sample_bankaccount")
        .and_then(|t| t.relationship)
        .ok_or("the Sales layer declares the bank account relationship")?;
    println!();
    println!("== Relationship `{}`", sales.schema_name);
    println!(
        "referenced     {}.{}",
        sales.referenced_entity, sales.referenced_attribute
    );
    println!(
        "referencing    msdyn_ocsession.{}",
        sales.referencing_attribute
    );
    println!("navigation     {}", sales.referencing_navigation);
    for (action, value) in sales.cascade.actions() {
        println!("{action:<14} {value}");
    }
    println!("parental       {}", sales.is_parental());

    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/sessions.page.json").to_owned()
    });
    let page: Page<SalesSession> = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
    println!();
    println!("== Page of {} sessions from {path}", page.value.len());
    for row in &page.value {
        let subject = match &row.subject {
            Field::Value(s) => format!("{s:?}"),
            Field::Null => "null".to_owned(),
            Field::Unset => "-".to_owned(),
        };
        let regarding = match row.regardingobjectid.value() {
            Some(r) if r.target().is_some() => r.logical_name().to_owned(),
            Some(r) => format!("{} (a target no layer declares, kept)", r.logical_name()),
            None => "-".to_owned(),
        };
        println!("{subject:<32} regarding {regarding}");
        match row.validate(Operation::Create) {
            Ok(()) => println!("    valid for create"),
            Err(errors) => {
                for error in &errors {
                    println!("    {error}");
                }
            }
        }
    }
    if let Some(next) = &page.next_link {
        println!("next page      {next}");
    }

    let row = page.value.into_iter().last().ok_or("the page has rows")?;
    println!();
    println!("== Create payload");
    println!("{}", serde_json::to_string_pretty(&row.create_payload())?);
    let change = SalesSession {
        sample_channelnote: Field::Value("called back about the loan".to_owned()),
        ..SalesSession::default()
    };
    println!();
    println!(
        "== Update payload: PATCH {}",
        SalesSession::entity_path(row.primary_id().ok_or("the row has an id")?)
    );
    println!(
        "{}",
        serde_json::to_string_pretty(&change.update_payload())?
    );
    Ok(())
}

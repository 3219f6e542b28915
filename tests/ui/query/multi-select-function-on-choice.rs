#[allow(unused_imports)]
use dataverse_model::query::{Many, Navigation, Query};
use dataverse_model::{choice, dataverse_entity, Choices, Field, Guid};

choice! {
    #[choice(name = "sample_outdooractivities")]
    pub enum Activity { Swimming = 1, Hiking = 2 }
}

#[dataverse_entity(logical_name = "account", entity_set = "accounts", primary_id = "accountid")]
pub struct Account {
    pub accountid: Option<Guid>,
    pub name: Field<String>,
    pub numberofemployees: Option<i32>,
    pub preferredactivity: Option<Activity>,
    pub activities: Option<Choices<Activity>>,
}

fn main() {
    let _ = Account::COLUMNS.preferredactivity.contain_values([Activity::Hiking]);
}
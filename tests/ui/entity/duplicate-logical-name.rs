use dataverse_model::{dataverse_entity, Guid};

#[dataverse_entity(logical_name = "account", entity_set = "accounts", primary_id = "accountid")]
pub struct Account {
    pub accountid: Option<Guid>,
    pub name: Option<String>,
    #[dataverse(logical_name = "name")]
    pub display_name: Option<String>,
}

fn main() {}

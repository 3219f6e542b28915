use dataverse_model::dataverse_entity;

#[dataverse_entity(logical_name = "account", entity_set = "accounts", primary_id = "accountid")]
pub struct Account {
    pub accountid: Option<String>,
    pub name: Option<String>,
}

fn main() {}

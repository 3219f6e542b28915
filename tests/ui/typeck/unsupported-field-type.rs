use dataverse_model::{dataverse_entity, Guid};

#[dataverse_entity(logical_name = "account", entity_set = "accounts", primary_id = "accountid")]
pub struct Account {
    pub accountid: Option<Guid>,
    pub tags: Option<Vec<String>>,
}

fn main() {}

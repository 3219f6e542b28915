use dataverse_model::{dataverse_entity, Guid};

#[dataverse_entity(logical_name = "account", entity_set = "accounts", entity_set = "accountz", primary_id = "accountid")]
pub struct Account {
    pub accountid: Option<Guid>,
    #[dataverse(max_length = 100, max_length = 200)]
    pub name: Option<String>,
}

fn main() {}

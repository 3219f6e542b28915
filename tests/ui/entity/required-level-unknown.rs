use dataverse_model::{dataverse_entity, Guid};

#[dataverse_entity(logical_name = "account", entity_set = "accounts", primary_id = "accountid")]
pub struct Account {
    #[dataverse(required_level = SystemRequred)]
    pub accountid: Option<Guid>,
    #[dataverse(required, required_level = SystemRequired)]
    pub name: Option<String>,
}

fn main() {}

use dataverse_model::dataverse_entity;

#[dataverse_entity(logical_name = "account", entity_set = "accounts", primary_id = "accountid")]
pub enum Account {
    Active,
    Inactive,
}

fn main() {}

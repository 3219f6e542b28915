use dataverse_model::{dataverse_entity, Guid};

#[dataverse_entity(logical_name = "account", entity_set = "accounts", primary_id = "accountid", primay_name = "name")]
pub struct Account {
    pub accountid: Option<Guid>,
    #[dataverse(max_lenght = 100)]
    pub name: Option<String>,
}

fn main() {}

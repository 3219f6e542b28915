use dataverse_model::{dataverse_entity, Guid};

#[dataverse_entity(entity_set = "accounts")]
pub struct Account {
    pub accountid: Option<Guid>,
}

fn main() {}

use dataverse_model::{dataverse_entity, lookup, Guid};

lookup! {
    #[lookup(colum = "parentid", table = "account")]
    pub enum Parent {
        #[target(entity_set = "accounts")]
        Account = "account",
    }
}

// no follow-on errors: the entity that uses the broken lookup compiles
#[dataverse_entity(logical_name = "account", entity_set = "accounts", primary_id = "accountid")]
pub struct Account {
    pub accountid: Option<Guid>,
    pub parentid: Option<Parent>,
}

fn main() {}

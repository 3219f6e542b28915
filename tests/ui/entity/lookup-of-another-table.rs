use dataverse_model::{dataverse_entity, lookup, Field, Guid};

lookup! {
    #[lookup(column = "regardingobjectid", table = "msdyn_ocsession")]
    pub enum Regarding {
        #[target(entity_set = "accounts")]
        Account = "account",
    }
}

#[dataverse_entity(logical_name = "contact", entity_set = "contacts", primary_id = "contactid")]
pub struct Contact {
    pub contactid: Option<Guid>,
    pub parentcustomerid: Field<Regarding>,
}

fn main() {}

use dataverse_model::lookup;

lookup! {
    #[lookup(column = "parentid", table = "msdyn_ocsession")]
    pub enum Parent {
        #[target(entity_set = "accounts")]
        Account = "account",
    }
}

lookup! {
    #[lookup(extends = Parent, fallback = Other)]
    pub enum SalesParent {
        #[target(entity_set = "leads")]
        Lead = "lead",
    }
}

fn main() {}

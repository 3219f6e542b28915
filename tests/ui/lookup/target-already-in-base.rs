use dataverse_model::lookup;

lookup! {
    #[lookup(column = "parentid", table = "msdyn_ocsession", navigation = "parentid_{target}")]
    pub enum Parent {
        #[target(entity_set = "accounts")]
        Account = "account",
    }
}

lookup! {
    #[lookup(extends = Parent)]
    pub enum SalesParent {
        #[target(entity_set = "leads")]
        Lead = "lead",
        #[target(entity_set = "accounts")]
        Account = "account",
    }
}

fn main() {}

use dataverse_model::lookup;

lookup! {
    #[lookup(column = "parentid", table = "msdyn_ocsession")]
    pub enum Parent {
        #[target(entity_set = "accounts")]
        Account = "account",
        #[target(entity_set = "accounts")]
        Company = "account",
    }
}

fn main() {}

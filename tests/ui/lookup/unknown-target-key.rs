use dataverse_model::lookup;

lookup! {
    #[lookup(column = "parentid", table = "msdyn_ocsession")]
    pub enum Parent {
        #[target(entity_set = "accounts", relationshp = "account_parents")]
        Account = "account",
    }
}

fn main() {}

use dataverse_model::lookup;

lookup! {
    #[lookup(table = "msdyn_ocsession", navigation = "parentid_{target}")]
    pub enum Parent {
        #[target(entity_set = "accounts")]
        Account = "account",
    }
}

fn main() {}

use dataverse_model::lookup;

lookup! {
    #[lookup(column = "parentid", table = "msdyn_ocsession", navigation = "parentid_{target}.nav")]
    pub enum Parent {
        #[target(entity_set = "accounts")]
        Account = "account",
    }
}

fn main() {}

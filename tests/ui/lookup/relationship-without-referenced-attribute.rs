use dataverse_model::lookup;

lookup! {
    #[lookup(column = "parentid", table = "msdyn_ocsession")]
    pub enum Parent {
        #[target(entity_set = "accounts", relationship = "account_parents", cascade(referential))]
        Account = "account",
    }
}

fn main() {}

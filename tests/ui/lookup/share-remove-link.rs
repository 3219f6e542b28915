use dataverse_model::lookup;

lookup! {
    #[lookup(column = "parentid", table = "msdyn_ocsession")]
    pub enum Parent {
        #[target(entity_set = "accounts", relationship = "account_parents", referenced_attribute = "accountid", cascade(referential, share = RemoveLink))]
        Account = "account",
    }
}

fn main() {}

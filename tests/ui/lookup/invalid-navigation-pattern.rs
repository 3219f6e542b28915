use dataverse_model::lookup;

lookup! {
    #[lookup(column = "parentid", navigation = "parentid_{target}.nav")]
    pub enum Parent {
        #[target(entity_set = "accounts")]
        Account = "account",
    }
}

fn main() {}

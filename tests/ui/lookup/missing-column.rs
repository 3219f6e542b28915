use dataverse_model::lookup;

lookup! {
    #[lookup(navigation = "parentid_{target}")]
    pub enum Parent {
        #[target(entity_set = "accounts")]
        Account = "account",
    }
}

fn main() {}

use dataverse_model::lookup;

lookup! {
    #[lookup(column = "parentid")]
    pub enum Parent {
        #[target(entity_set = "accounts", navigation = "parent-account")]
        Account = "account",
    }
}

fn main() {}

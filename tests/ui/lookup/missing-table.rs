use dataverse_model::lookup;

lookup! {
    #[lookup(column = "parentid")]
    pub enum Parent {
        #[target(entity_set = "accounts")]
        Account = "account",
    }
}

fn main() {}

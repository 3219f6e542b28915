use dataverse_model::lookup;

lookup! {
    #[lookup(column = "parentid")]
    pub enum Parent {
        #[target(entity_set = "accounts", relationship = "account_parents", cascade(referential))]
        Account = "account",
    }
}

fn main() {}

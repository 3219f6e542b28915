use dataverse_model::lookup;

lookup! {
    #[lookup(column = "parentid")]
    pub enum Parent {
        #[target(navigation = "parentid")]
        Account = "account",
    }
}

fn main() {}

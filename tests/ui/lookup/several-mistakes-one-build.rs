use dataverse_model::{Lookup, lookup};

lookup! {
    #[lookup(colum = "parentid")]
    pub enum Parent {
        #[target(entity_set = "accounts", relationship = "account_parents",
                 referenced_attribute = "accountid", cascade(parental, merge = Active))]
        Account = "account",
        #[target(entity_set = "contact set")]
        Contact = "contact",
    }
}

// no follow-on errors: the enum and its methods still exist
fn use_it(p: &Parent) -> Option<String> {
    p.bind_path()
}

fn main() {
    let _ = use_it(&Parent::from_target("account", Default::default()));
}

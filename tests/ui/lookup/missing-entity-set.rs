use dataverse_model::lookup;

lookup! {
    #[lookup(column = "parentid", table = "msdyn_ocsession")]
    pub enum Parent {
        #[target(navigation = "parentid")]
        Account = "account",
    }
}

fn main() {}

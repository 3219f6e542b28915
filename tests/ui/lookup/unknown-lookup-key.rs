use dataverse_model::lookup;

lookup! {
    #[lookup(column = "parentid", table = "msdyn_ocsession", navigaton = "x_{target}")]
    pub enum Parent {
        #[target(entity_set = "accounts")]
        Account = "account",
    }
}

fn main() {}

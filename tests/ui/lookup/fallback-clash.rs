use dataverse_model::lookup;

lookup! {
    #[lookup(column = "parentid", table = "msdyn_ocsession")]
    pub enum Parent {
        #[target(entity_set = "unrecognizeds")]
        Unrecognized = "unrecognized",
    }
}

fn main() {}

use dataverse_model::lookup;

lookup! {
    #[lookup(column = "parentid", table = "msdyn_ocsession", fallback = Other)]
    pub enum Parent {
        #[target(entity_set = "others")]
        Other = "other",
    }
}

fn main() {}

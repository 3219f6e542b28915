use dataverse_model::lookup;

lookup! {
    #[lookup(column = "parentid", fallback = Other)]
    pub enum Parent {
        #[target(entity_set = "others")]
        Other = "other",
    }
}

fn main() {}

use dataverse_model::lookup;

lookup! {
    #[lookup(column = "parentid")]
    pub enum Parent {
        #[target(entity_set = "unrecognizeds")]
        Unrecognized = "unrecognized",
    }
}

fn main() {}

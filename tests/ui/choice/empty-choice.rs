use dataverse_model::choice;

choice! {
    #[choice(name = "sample_colors")]
    pub enum Color {}
}

fn main() {}

use dataverse_model::choice;

choice! {
    #[choice(name = "sample_colors", option_prefix = 9999)]
    pub enum Color {
        Red = 99_990_000,
    }
}

fn main() {}

use dataverse_model::choice;

choice! {
    #[choice(name = "sample_colors", option_prefix = 19235)]
    pub enum Color {
        Red = 192_350_000,
        Blue = 192_360_000,
    }
}

fn main() {}

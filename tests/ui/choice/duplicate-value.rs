use dataverse_model::choice;

choice! {
    #[choice(name = "sample_colors")]
    pub enum Color {
        Red = 727_000_000,
        Yellow = 727_000_001,
        Green = 727_000_001,
    }
}

fn main() {}

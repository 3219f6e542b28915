use dataverse_model::choice;

choice! {
    #[choice(name = "sample_colors")]
    pub enum Color {
        Red = 3_000_000_000,
    }
}

fn main() {}

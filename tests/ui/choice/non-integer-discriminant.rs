use dataverse_model::choice;

choice! {
    #[choice(name = "sample_colors")]
    pub enum Color {
        Red = "727000000",
    }
}

fn main() {}

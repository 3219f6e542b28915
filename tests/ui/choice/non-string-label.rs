use dataverse_model::choice;

choice! {
    #[choice(name = "sample_colors")]
    pub enum Color {
        #[label = Red]
        Red = 727_000_000,
    }
}

fn main() {}

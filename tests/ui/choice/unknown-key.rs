use dataverse_model::choice;

choice! {
    #[choice(name = "sample_colors", option_prefx = 72700)]
    pub enum Color {
        #[labl = "Red"]
        Red = 727_000_000,
    }
}

fn main() {}

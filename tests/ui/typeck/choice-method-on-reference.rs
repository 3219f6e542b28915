use dataverse_model::{choice, Choice};

choice! {
    #[choice(name = "sample_colors")]
    pub enum Color {
        Red = 1,
    }
}

fn main() {
    let color = Color::Red;
    let _ = Choice::value(&color);
}

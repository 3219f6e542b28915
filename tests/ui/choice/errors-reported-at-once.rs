use dataverse_model::{Choice, choice};

// every mistake is reported in one build, and the enum is still there for the code below
choice! {
    #[choice(name = "sample_colors", globl)]
    pub enum Color {
        Red = 727_000_000,
        Yellow = 727_000_000,
        Green,
    }
}

fn main() {
    let _ = Color::Red;
    let _ = Color::from_value(1).label();
    let _ = <Color as dataverse_model::Choice>::METADATA;
    let _ = Color::Yellow == Color::Unrecognized(4);
}

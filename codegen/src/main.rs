//! `dataverse-model-codegen`: generate declarations, check them, list drift.

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".to_owned());
    match dataverse_model_codegen::Metadata::read(std::path::Path::new(&dir)) {
        Ok(m) => println!("{} tables", m.tables.len()),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}

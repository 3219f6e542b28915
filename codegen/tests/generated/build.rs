//! Generates declarations from the codegen fixtures into `OUT_DIR`, as a user's `build.rs` would.

use std::path::{Path, PathBuf};

use dataverse_model_codegen::{Options, generate};

fn main() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let runs: [(&str, Option<&str>); 4] = [
        // the project's Session and Sales layer, rendered to metadata, split back by prefix
        ("session", Some("sample")),
        // the real Microsoft samples
        ("samples", None),
        // ordinary columns beside the skipped ones
        ("unmodelled", None),
        // a contact with a publisher layer of columns, targets and options (value prefix 72700)
        ("layered", Some("sample")),
    ];
    for (name, prefix) in runs {
        let options = Options {
            layer_prefix: prefix.map(str::to_owned),
            layer_option_prefix: prefix.map(|_| 72700),
            ..Options::default()
        };
        let generated = generate(&fixtures.join(name), &options)
            .unwrap_or_else(|e| panic!("generating from fixture `{name}`: {e}"));
        generated
            .write(&out.join(name))
            .expect("OUT_DIR is writable");
    }
    println!("cargo::rerun-if-changed={}", fixtures.display());
}

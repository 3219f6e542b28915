//! Generates `dataverse-model` declarations (`choice!`, `lookup!`, `#[dataverse_entity]`) from
//! an environment's saved metadata JSON, renders compiled declarations back as metadata JSON,
//! and lists the drift between the two.
//!
//! The folder layout and the requests that save it are in this package's `README.md`.
//!
//! ```no_run
//! // build.rs
//! let generated = dataverse_model_codegen::generate(
//!     std::path::Path::new("metadata"),
//!     &dataverse_model_codegen::Options::default(),
//! )?;
//! let out = std::path::PathBuf::from(std::env::var("OUT_DIR")?);
//! generated.write(&out)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod drift;
mod emit;
pub mod folder;
pub mod input;
mod naming;
mod plan;
pub mod render;

use std::fmt;
use std::path::{Path, PathBuf};

pub use drift::{Change, Difference, drift, drift_between, drift_of};
pub use folder::{Error, Metadata};

/// How the generated source is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// One file, `model.rs`, holding everything (for `include!`).
    #[default]
    OneModule,
    /// `mod.rs`, `choices.rs` (global choices) and one `<table>.rs` per table.
    FilePerTable,
}

/// What to generate.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The tables' logical names; empty for every table in the folder.
    pub tables: Vec<String>,
    /// Column patterns (`*`, `?` wildcards) to include; empty for every column.
    pub include: Vec<String>,
    /// Column patterns to leave out.
    pub exclude: Vec<String>,
    /// A publisher prefix (`sample`): columns and targets whose names start with `<prefix>_`
    /// go to an `extends` layer over the rest.
    pub layer_prefix: Option<String>,
    /// The publisher's option value prefix (`72700`): options whose value lies in
    /// `prefix * 10000 ..= prefix * 10000 + 9999` go to the layer.
    pub layer_option_prefix: Option<u32>,
    /// One module or one file per table.
    pub layout: Layout,
}

/// An attribute or target left out, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The table's logical name.
    pub table: String,
    /// The column's logical name (empty for the table itself).
    pub column: String,
    /// Why.
    pub reason: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.column.is_empty() {
            write!(f, "table `{}`: {}", self.table, self.reason)
        } else {
            write!(f, "`{}.{}`: {}", self.table, self.column, self.reason)
        }
    }
}

/// Generated source files, with the warnings of the run.
#[derive(Debug, Clone, Default)]
pub struct Generated {
    /// File names (relative to the output folder) and their text.
    pub files: Vec<(String, String)>,
    /// Attributes and targets left out, one line each.
    pub warnings: Vec<Warning>,
}

impl Generated {
    /// Writes the files into `dir` (created if missing), leaving unchanged files untouched
    /// so `build.rs` users do not rebuild for nothing, and removes the files an earlier run
    /// generated there that this run does not (a table no longer selected).
    pub fn write(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        for (name, text) in &self.files {
            let path = dir.join(name);
            if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                std::fs::write(path, text)?;
            }
        }
        for path in self.stale_files(dir) {
            std::fs::remove_file(path)?;
        }
        Ok(())
    }

    /// The files in `dir` that writing would create, change or remove (for `--check`).
    pub fn changed_files(&self, dir: &Path) -> Vec<PathBuf> {
        let mut changed: Vec<PathBuf> = self
            .files
            .iter()
            .map(|(name, text)| (dir.join(name), text))
            .filter(|(path, text)| {
                std::fs::read_to_string(path).ok().as_deref() != Some(text.as_str())
            })
            .map(|(path, _)| path)
            .collect();
        changed.extend(self.stale_files(dir));
        changed
    }

    /// Files in `dir` that a run generated (they start with the generated header) and this
    /// run does not generate.
    fn stale_files(&self, dir: &Path) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut stale: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "rs"))
            .filter(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                !self.files.iter().any(|(n, _)| n == name)
            })
            .filter(|p| std::fs::read_to_string(p).is_ok_and(|t| t.starts_with(emit::HEADER)))
            .collect();
        stale.sort();
        stale
    }
}

/// Reads the metadata folder `dir` and generates declarations.
pub fn generate(dir: &Path, options: &Options) -> Result<Generated, Error> {
    generate_from(&Metadata::read(dir)?, options)
}

/// Generates declarations from metadata already read.
pub fn generate_from(metadata: &Metadata, options: &Options) -> Result<Generated, Error> {
    let mut warnings = Vec::new();
    let plan = plan::build(metadata, options, &mut warnings)?;
    let files = match options.layout {
        Layout::OneModule => vec![("model.rs".to_owned(), emit::one_module(&plan))],
        Layout::FilePerTable => emit::per_table(&plan),
    };
    Ok(Generated { files, warnings })
}

//! `dataverse-model-codegen`: generate declarations from saved metadata, check them, list drift.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use dataverse_model_codegen::{Layout, Metadata, Options, drift_between, generate};

/// Generates dataverse-model declarations from saved Dataverse metadata.
#[derive(Parser)]
#[command(name = "dataverse-model-codegen", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Writes `choice!`, `lookup!` and `#[dataverse_entity]` source for the saved tables.
    Generate {
        /// The metadata folder (layout: the package README).
        metadata: PathBuf,
        /// The output folder.
        #[arg(long, short)]
        out: PathBuf,
        /// Only these tables (logical names); repeat or separate with commas.
        #[arg(long, value_delimiter = ',')]
        tables: Vec<String>,
        /// Only columns matching these patterns (`*`, `?`).
        #[arg(long, value_delimiter = ',')]
        include: Vec<String>,
        /// Leave out columns matching these patterns.
        #[arg(long, value_delimiter = ',')]
        exclude: Vec<String>,
        /// Columns and targets named `<prefix>_…` go to an `extends` layer.
        #[arg(long)]
        layer_prefix: Option<String>,
        /// Options valued `<prefix>0000..=<prefix>9999` go to the layer.
        #[arg(long)]
        layer_option_prefix: Option<u32>,
        /// One file per table (`mod.rs`, `choices.rs`, `<table>.rs`) instead of one `model.rs`.
        #[arg(long)]
        per_table: bool,
        /// Write nothing; exit 1 listing the files regenerating would change.
        #[arg(long)]
        check: bool,
    },
    /// Lists every difference between declarations (a folder rendered from them with
    /// `render::write_folder`) and an environment's saved metadata; exit 1 when any.
    Drift {
        /// The folder rendered from the compiled declarations.
        declared: PathBuf,
        /// The environment's saved metadata folder.
        metadata: PathBuf,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Drift { declared, metadata } => {
            let read = |dir: &PathBuf| Metadata::read(dir);
            let differences = match read(&declared)
                .and_then(|d| read(&metadata).and_then(|m| drift_between(&d, &m)))
            {
                Ok(differences) => differences,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(2);
                }
            };
            for difference in &differences {
                println!("{difference}");
            }
            if differences.is_empty() {
                ExitCode::SUCCESS
            } else {
                eprintln!("{} difference(s)", differences.len());
                ExitCode::FAILURE
            }
        }
        Command::Generate {
            metadata,
            out,
            tables,
            include,
            exclude,
            layer_prefix,
            layer_option_prefix,
            per_table,
            check,
        } => {
            let options = Options {
                tables,
                include,
                exclude,
                layer_prefix,
                layer_option_prefix,
                layout: if per_table {
                    Layout::FilePerTable
                } else {
                    Layout::OneModule
                },
            };
            let generated = match generate(&metadata, &options) {
                Ok(g) => g,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(2);
                }
            };
            for warning in &generated.warnings {
                eprintln!("warning: {warning}");
            }
            if check {
                let changed = generated.changed_files(&out);
                if changed.is_empty() {
                    return ExitCode::SUCCESS;
                }
                eprintln!("regenerating would change:");
                for path in changed {
                    eprintln!("  {}", path.display());
                }
                return ExitCode::FAILURE;
            }
            if let Err(e) = generated.write(&out) {
                eprintln!("error: cannot write to `{}`: {e}", out.display());
                return ExitCode::from(2);
            }
            eprintln!(
                "wrote {} file(s) to {} ({} warning(s))",
                generated.files.len(),
                out.display(),
                generated.warnings.len()
            );
            ExitCode::SUCCESS
        }
    }
}

//! `dataverse-model-codegen`: generate declarations from saved metadata, check them, list drift.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use dataverse_model_codegen::{Layout, Options, generate};

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
}

fn main() -> ExitCode {
    match Cli::parse().command {
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

//! Generates `dataverse-model` declarations (`choice!`, `lookup!`, `#[dataverse_entity]`) from
//! an environment's saved metadata JSON, renders compiled declarations back as metadata JSON,
//! and lists the drift between the two.
//!
//! The folder layout and the requests that save it are in this package's `README.md`.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod folder;
pub mod input;

pub use folder::{Error, Metadata};

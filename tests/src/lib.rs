//! Shared declarations (the Session table and its Sales layer) used by the tests and examples.
#![deny(missing_docs)]

pub mod all_kinds;
pub mod fuzzing;
pub mod session;
pub mod session_choices;
pub mod session_lookups;
pub mod webapi_tables;

/// The README's examples, compiled and run as doc tests.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

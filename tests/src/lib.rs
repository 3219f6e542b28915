//! Shared declarations (the Session table and its Sales layer) used by the tests and examples.

pub mod session_lookups;

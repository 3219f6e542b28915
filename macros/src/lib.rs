//! Procedural macros of `dataverse-model`. Use them through the `dataverse-model` crate,
//! which re-exports them: `choice!` and `lookup!` are `macro_rules!` wrappers there that pass
//! the runtime's path (`$crate`) in, so renamed dependencies work.
//!
//! Each macro has the same shape (`ctxt::expand_or_fallback`): parse into its own model
//! (`ast.rs`, `attr.rs`, keys through `keys.rs`), validate (`valid.rs`), then expand the valid
//! model (`expand.rs`) or emit every error beside a fallback.

#![forbid(unsafe_code)]

mod builtin;
mod choice;
mod ctxt;
mod entity;
mod keys;
mod labels;
mod lookup;
#[cfg(test)]
mod no_panic_tests;
mod suggest;
mod symbol;

use proc_macro::TokenStream;

/// Implementation of `dataverse_model::choice!`; input starts with `{ <runtime path> }`.
#[doc(hidden)]
#[proc_macro]
pub fn choice_impl(input: TokenStream) -> TokenStream {
    choice::expand(input.into()).into()
}

/// Implementation of `dataverse_model::lookup!`; input starts with `{ <runtime path> }`.
#[doc(hidden)]
#[proc_macro]
pub fn lookup_impl(input: TokenStream) -> TokenStream {
    lookup::expand(input.into()).into()
}

/// Makes a struct a Dataverse table: `Entity` metadata, Web API JSON (`Deserialize` reads a
/// response row; `Serialize` writes a create body), `validate`, and request helpers
/// (`select`, `collection_path`, `entity_path`). The struct is kept as written, its
/// `#[dataverse(...)]` attributes stripped.
///
/// See the `dataverse-model` crate documentation for the attributes and column types.
#[proc_macro_attribute]
pub fn dataverse_entity(args: TokenStream, input: TokenStream) -> TokenStream {
    entity::expand(args.into(), input.into()).into()
}

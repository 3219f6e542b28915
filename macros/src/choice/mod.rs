//! `choice!`: parse → validate → expand.

mod ast;
mod attr;
mod expand;
mod valid;

#[cfg(test)]
mod tests;

use proc_macro2::TokenStream;

use crate::ctxt::{Ctxt, split_crate_path};

/// Expands `{ <runtime path> } <enum>`: the enum and its impls, or every error found
/// beside the plain enum (so the user's other code gets no follow-on errors).
pub fn expand(input: TokenStream) -> TokenStream {
    let (krate, rest) = match split_crate_path(input) {
        Ok(split) => split,
        Err(e) => return e.to_compile_error(),
    };
    expand_with(&krate, rest)
}

/// [`expand`] after the runtime path was split off.
pub fn expand_with(krate: &TokenStream, input: TokenStream) -> TokenStream {
    let cx = Ctxt::new();
    let Some(choice) = ast::Choice::from_tokens(&cx, input) else {
        return cx
            .check()
            .err()
            .map(|e| e.to_compile_error())
            .unwrap_or_default();
    };
    valid::validate(&cx, &choice);
    match cx.check() {
        Ok(()) => expand::expand(krate, &choice),
        Err(errors) => {
            let mut out = errors.to_compile_error();
            out.extend(expand::fallback(krate, &choice));
            out
        }
    }
}

/// The errors `choice!` reports for `input` (without the runtime path), for unit tests.
#[cfg(test)]
pub fn errors(input: TokenStream) -> Vec<String> {
    let cx = Ctxt::new();
    if let Some(choice) = ast::Choice::from_tokens(&cx, input) {
        valid::validate(&cx, &choice);
    }
    match cx.check() {
        Ok(()) => Vec::new(),
        Err(e) => e.into_iter().map(|e| e.to_string()).collect(),
    }
}

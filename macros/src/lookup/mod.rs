//! `lookup!`: parse → validate → expand.
//!
//! ```text
//! lookup! {
//!     #[lookup(column = "regardingobjectid", navigation = "regardingobjectid_{target}_msdyn_ocsession")]
//!     pub enum Regarding {
//!         #[target(entity_set = "accounts", relationship = "account_msdyn_ocsessions",
//!                  referenced_attribute = "accountid", cascade(parental, merge = Cascade))]
//!         Account = "account",
//!     }
//! }
//! ```

mod ast;
mod attr;
mod expand;
mod valid;

use proc_macro2::TokenStream;

use crate::ctxt::{Ctxt, split_crate_path};

/// Entry point: `{ <runtime path> } <enum>`.
pub fn expand(input: TokenStream) -> TokenStream {
    match split_crate_path(input) {
        Ok((krate, rest)) => derive(krate, rest),
        Err(e) => e.to_compile_error(),
    }
}

/// Expands one enum; on user errors, the errors plus the enum and its impls (from the parts
/// that could be understood) so user code gets no follow-on errors.
pub fn derive(krate: TokenStream, input: TokenStream) -> TokenStream {
    let (tokens, result) = run(krate, input);
    match result {
        Ok(()) => tokens,
        Err(e) => {
            let mut out = e.to_compile_error();
            out.extend(tokens);
            out
        }
    }
}

fn run(krate: TokenStream, input: TokenStream) -> (TokenStream, Result<(), syn::Error>) {
    let input: syn::DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(e) => return (TokenStream::new(), Err(e)),
    };
    let cx = Ctxt::new();
    let tokens = match ast::from_input(&cx, krate, &input) {
        Some(mut lookup) => {
            valid::check(&cx, &mut lookup);
            expand::expand(&lookup)
        }
        None => TokenStream::new(),
    };
    (tokens, cx.check())
}

#[cfg(test)]
mod tests;

//! `lookup!`: parse → validate → expand, or the errors beside a fallback.
//!
//! ```text
//! lookup! {
//!     #[lookup(column = "regardingobjectid", table = "msdyn_ocsession",
//!              navigation = "regardingobjectid_{target}_msdyn_ocsession")]
//!     pub enum Regarding {
//!         #[target(entity_set = "accounts", relationship = "account_msdyn_ocsessions",
//!                  referenced_attribute = "accountid", cascade(parental, merge = Cascade))]
//!         Account = "account",
//!     }
//! }
//! ```

mod ast;
mod attr;
mod cascade;
mod expand;
mod valid;

use proc_macro2::TokenStream;

use crate::ctxt::{Ctxt, Model, expand_or_fallback, split_crate_path};

/// Entry point: `{ <runtime path> } <enum>`.
pub fn expand(input: TokenStream) -> TokenStream {
    let (krate, rest) = match split_crate_path(input) {
        Ok(split) => split,
        Err(e) => return e.to_compile_error(),
    };
    let input: syn::DeriveInput = match syn::parse2(rest) {
        Ok(input) => input,
        Err(e) => return e.to_compile_error(),
    };
    let cx = Ctxt::new();
    let model = ast::from_input(&cx, krate, &input);
    expand_or_fallback(cx, model)
}

impl Model for ast::Lookup<'_> {
    fn validate(&self, cx: &Ctxt) {
        valid::check(cx, self);
    }
    fn expand(&self) -> TokenStream {
        expand::expand(self)
    }
    fn fallback(&self) -> TokenStream {
        expand::fallback(self)
    }
}

/// The errors `lookup!` reports for `input` (without the runtime path), for unit tests.
#[cfg(test)]
fn errors(input: TokenStream) -> Vec<String> {
    let cx = Ctxt::new();
    if let Ok(input) = syn::parse2::<syn::DeriveInput>(input)
        && let Some(lookup) = ast::from_input(&cx, TokenStream::new(), &input)
    {
        lookup.validate(&cx);
    }
    crate::ctxt::messages(cx)
}

#[cfg(test)]
mod tests;

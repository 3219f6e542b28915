//! `choice!`: parse → validate → expand, or the errors beside a fallback.

mod ast;
mod attr;
mod expand;
mod valid;

#[cfg(test)]
mod tests;

use proc_macro2::TokenStream;

use crate::ctxt::{Ctxt, Model, expand_or_fallback, split_crate_path};

/// Expands `{ <runtime path> } <enum>`: the enum and its impls, or every error found
/// beside the plain enum and stub impls (so the user's other code gets no follow-on errors).
pub fn expand(input: TokenStream) -> TokenStream {
    let (krate, rest) = match split_crate_path(input) {
        Ok(split) => split,
        Err(e) => return e.to_compile_error(),
    };
    let cx = Ctxt::new();
    let model = parse(&cx, krate, rest);
    expand_or_fallback(cx, model)
}

/// A parsed `choice!` and the runtime's path.
struct ChoiceMacro {
    krate: TokenStream,
    choice: ast::Choice,
}

fn parse(cx: &Ctxt, krate: TokenStream, input: TokenStream) -> Option<ChoiceMacro> {
    ast::Choice::from_tokens(cx, input).map(|choice| ChoiceMacro { krate, choice })
}

impl Model for ChoiceMacro {
    fn validate(&self, cx: &Ctxt) {
        valid::validate(cx, &self.choice);
    }
    fn expand(&self) -> TokenStream {
        expand::expand(&self.krate, &self.choice)
    }
    fn fallback(&self) -> TokenStream {
        expand::fallback(&self.krate, &self.choice)
    }
}

/// The errors `choice!` reports for `input` (without the runtime path), for unit tests.
#[cfg(test)]
pub fn errors(input: TokenStream) -> Vec<String> {
    let cx = Ctxt::new();
    if let Some(model) = parse(&cx, TokenStream::new(), input) {
        model.validate(&cx);
    }
    crate::ctxt::messages(cx)
}

//! Collects every user error of one macro call so all are reported in one build.

use std::cell::RefCell;
use std::fmt::Display;

use proc_macro2::TokenStream;
use quote::ToTokens;

/// The error collector threaded through parse and validate. It must be checked: dropping
/// it unchecked is a bug in this crate (errors would be lost), so it panics then, like
/// serde's. No user input reaches that panic.
pub struct Ctxt {
    errors: RefCell<Option<Vec<syn::Error>>>,
}

impl Ctxt {
    pub fn new() -> Self {
        Self {
            errors: RefCell::new(Some(Vec::new())),
        }
    }

    /// Records an error spanned on `tokens`.
    pub fn error_spanned_by<T: ToTokens, M: Display>(&self, tokens: T, message: M) {
        self.syn_error(syn::Error::new_spanned(tokens.into_token_stream(), message));
    }

    /// Records an error at `span`.
    pub fn error_at<M: Display>(&self, span: proc_macro2::Span, message: M) {
        self.syn_error(syn::Error::new(span, message));
    }

    /// Records a parse error.
    pub fn syn_error(&self, error: syn::Error) {
        self.errors
            .borrow_mut()
            .as_mut()
            .expect("`Ctxt` used after `check`")
            .push(error);
    }

    /// `Ok` when nothing was recorded, else all errors combined.
    pub fn check(self) -> Result<(), syn::Error> {
        let errors = self.errors.borrow_mut().take().unwrap_or_default();
        let mut errors = errors.into_iter();
        let Some(mut combined) = errors.next() else {
            return Ok(());
        };
        for e in errors {
            combined.combine(e);
        }
        Err(combined)
    }
}

impl Drop for Ctxt {
    fn drop(&mut self) {
        if !std::thread::panicking() && self.errors.borrow().is_some() {
            panic!("`Ctxt` dropped without `check`: a bug in dataverse-model-macros");
        }
    }
}

/// What each macro's model provides to the one pipeline all three share.
pub trait Model {
    /// Records every rule the parsed model breaks.
    fn validate(&self, cx: &Ctxt);
    /// The full expansion of a valid model. Creates no user errors.
    fn expand(&self) -> TokenStream;
    /// What goes beside the errors of an invalid model: the user's item and harmless stubs of
    /// the generated API, so the user's other code gets no follow-on errors.
    fn fallback(&self) -> TokenStream;
}

/// The pipeline of every macro: the model (parsed, errors recorded; `None` when the input
/// is not understood at all) is validated, then expanded when clean; otherwise the errors
/// are emitted beside its fallback.
pub fn expand_or_fallback<M: Model>(cx: Ctxt, model: Option<M>) -> TokenStream {
    if let Some(model) = &model {
        model.validate(&cx);
    }
    match (cx.check(), model) {
        (Ok(()), Some(model)) => model.expand(),
        (Err(errors), Some(model)) => {
            let mut out = errors.to_compile_error();
            out.extend(model.fallback());
            out
        }
        (Err(errors), None) => errors.to_compile_error(),
        (Ok(()), None) => {
            panic!("a macro gave no model and no error: a bug in dataverse-model-macros")
        }
    }
}

/// The messages `cx` recorded, for unit tests.
#[cfg(test)]
pub fn messages(cx: Ctxt) -> Vec<String> {
    match cx.check() {
        Ok(()) => Vec::new(),
        Err(e) => e.into_iter().map(|e| e.to_string()).collect(),
    }
}

/// Splits the `{ <runtime path> } rest...` input that the runtime's wrapper macros pass.
pub fn split_crate_path(input: TokenStream) -> syn::Result<(TokenStream, TokenStream)> {
    let mut iter = input.into_iter();
    match iter.next() {
        Some(proc_macro2::TokenTree::Group(g))
            if g.delimiter() == proc_macro2::Delimiter::Brace =>
        {
            Ok((g.stream(), iter.collect()))
        }
        _ => Err(syn::Error::new(
            proc_macro2::Span::call_site(),
            "use this macro through `dataverse_model::choice!` or `dataverse_model::lookup!`",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[should_panic(expected = "`Ctxt` dropped without `check`")]
    fn an_unchecked_collector_is_a_bug() {
        let cx = Ctxt::new();
        cx.error_at(proc_macro2::Span::call_site(), "lost");
    }

    #[test]
    fn check_combines_every_error() {
        let cx = Ctxt::new();
        cx.error_at(proc_macro2::Span::call_site(), "first");
        cx.error_at(proc_macro2::Span::call_site(), "second");
        assert_eq!(messages(cx), ["first", "second"]);
    }
}

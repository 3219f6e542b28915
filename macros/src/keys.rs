//! The attribute keys of all three macros, handled one way: a key given once (a repeat is
//! reported where it is and where the first one was), an unknown key (with "did you mean"),
//! and skipping the value of a rejected key so parsing goes on.

use proc_macro2::{Span, TokenTree};
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Attribute, Path};

use crate::ctxt::Ctxt;
use crate::suggest::unknown_key_message;

/// The keys of one attribute list (e.g. every `#[lookup(...)]` of an enum), as given so far.
pub struct Keys<'c> {
    cx: &'c Ctxt,
    /// What the keys are, for messages: "`lookup` attribute", "`cascade` action", ...
    what: &'static str,
    seen: Vec<(String, Span)>,
}

impl<'c> Keys<'c> {
    pub fn new(cx: &'c Ctxt, what: &'static str) -> Self {
        Self {
            cx,
            what,
            seen: Vec::new(),
        }
    }

    /// Stores `value` in `slot` the first time key `path` is given; a repeat is reported.
    pub fn set<T>(&mut self, path: &Path, slot: &mut Option<T>, value: T) {
        if self.once(&key_name(path), path.span()) {
            *slot = Some(value);
        }
    }

    /// True the first time `name` is given; a repeat is reported at `span` and at the first.
    pub fn once(&mut self, name: &str, span: Span) -> bool {
        let Some((_, first)) = self.seen.iter().find(|(seen, _)| seen == name) else {
            self.seen.push((name.to_owned(), span));
            return true;
        };
        let mut error = syn::Error::new(
            span,
            format!("duplicate {} `{name}`; give it once", self.what),
        );
        error.combine(syn::Error::new(
            *first,
            format!("`{name}` is first given here"),
        ));
        self.cx.syn_error(error);
        false
    }

    /// Reports key `path` as unknown (suggesting the closest of `known`) and skips its value.
    pub fn unknown(&self, meta: &ParseNestedMeta, known: &[&str]) -> syn::Result<()> {
        self.unknown_path(&meta.path, known);
        skip_value(meta)
    }

    /// Reports `path` as unknown, suggesting the closest of `known`.
    pub fn unknown_path(&self, path: &Path, known: &[&str]) {
        self.cx
            .error_spanned_by(path, unknown_key_message(self.what, &key_name(path), known));
    }
}

/// Runs `parse` on every key of every attribute of `attrs`, recording parse errors.
pub fn each_key<'a>(
    cx: &Ctxt,
    attrs: impl IntoIterator<Item = &'a Attribute>,
    mut parse: impl FnMut(ParseNestedMeta) -> syn::Result<()>,
) {
    for attr in attrs {
        if let Err(e) = attr.parse_nested_meta(&mut parse) {
            cx.syn_error(e);
        }
    }
}

/// The key as written (`a::b` for a path).
pub fn key_name(path: &Path) -> String {
    match path.get_ident() {
        Some(ident) => ident.to_string(),
        None => path.to_token_stream().to_string().replace(' ', ""),
    }
}

/// Consumes whatever follows a rejected key (`= tokens` up to the next `,`, or `( ... )`).
pub fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(syn::Token![=]) {
        skip_to_comma(meta.value()?)?;
    } else if meta.input.peek(syn::token::Paren) {
        meta.input.parse::<proc_macro2::Group>()?;
    }
    Ok(())
}

/// Consumes a rejected value: the tokens up to the next `,`.
pub fn skip_to_comma(value: syn::parse::ParseStream) -> syn::Result<()> {
    while !value.is_empty() && !value.peek(syn::Token![,]) {
        value.parse::<TokenTree>()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeat_points_at_both_keys_and_the_first_value_stays() {
        let cx = Ctxt::new();
        let mut keys = Keys::new(&cx, "`lookup` attribute");
        let mut slot = None;
        let first: Path = syn::parse_quote!(column);
        let second: Path = syn::parse_quote!(column);
        keys.set(&first, &mut slot, 1);
        keys.set(&second, &mut slot, 2);
        assert_eq!(slot, Some(1));
        let messages: Vec<String> = cx
            .check()
            .unwrap_err()
            .into_iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(
            messages,
            [
                "duplicate `lookup` attribute `column`; give it once",
                "`column` is first given here"
            ]
        );
    }
}

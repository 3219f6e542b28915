//! Labels in several languages, written one way wherever a macro takes them (a `choice!`
//! option's `#[label(...)]`, a Boolean column's `true_label(...)`): `1033 = "Yes", 1036 = "Oui"`.

use proc_macro2::Span;
use syn::parse::{ParseStream, Parser};
use syn::{Expr, ExprLit, Lit, LitInt, LitStr, Token};

use crate::ctxt::Ctxt;
use crate::keys::Keys;

/// The string literal `expr` is, if it is one.
pub fn string_lit(expr: &Expr) -> Option<LitStr> {
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Str(s), ..
        }) => Some(s.clone()),
        Expr::Group(g) => string_lit(&g.expr),
        _ => None,
    }
}

/// The `(locale id, label)` pairs of `tokens` (`1033 = "...", ...`), each language once.
/// Mistakes are recorded in `cx`: `key` is the list's attribute key and `span` its span,
/// `example` shows how to write it (e.g. `#[label(1033 = "...")]`).
pub fn localized(
    cx: &Ctxt,
    key: &str,
    tokens: proc_macro2::TokenStream,
    span: Span,
    example: &str,
) -> Vec<(u32, LitStr)> {
    let parse = |input: ParseStream| label_list(input, example);
    let entries = match parse.parse2(tokens) {
        Ok(entries) => entries,
        Err(e) => {
            cx.syn_error(e);
            return Vec::new();
        }
    };
    if entries.is_empty() {
        cx.error_at(
            span,
            format!("`{key}(...)` lists no label; write `{example}`"),
        );
    }
    let mut languages = Keys::new(cx, "label language");
    let mut out = Vec::new();
    for (lcid, lit) in entries {
        match lcid.base10_parse::<u32>() {
            Ok(n) if !languages.once(&n.to_string(), lcid.span()) => {}
            Ok(n) => out.push((n, lit)),
            Err(_) => cx.error_spanned_by(
                &lcid,
                "a label's language must be a locale id such as `1033`",
            ),
        }
    }
    out
}

/// `1033 = "Default", 1036 = "Par défaut"`
fn label_list(input: ParseStream, example: &str) -> syn::Result<Vec<(LitInt, LitStr)>> {
    let mut entries = Vec::new();
    while !input.is_empty() {
        let lcid: LitInt = input.parse().map_err(|e| {
            syn::Error::new(
                e.span(),
                format!("expected a locale id such as `1033`: write `{example}`"),
            )
        })?;
        input.parse::<Token![=]>()?;
        let expr: Expr = input.parse()?;
        let lit = string_lit(&expr).ok_or_else(|| {
            syn::Error::new_spanned(&expr, "a label must be a string: write `1033 = \"...\"`")
        })?;
        entries.push((lcid, lit));
        if !input.is_empty() {
            input.parse::<Token![,]>()?;
        }
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(cx: Ctxt) -> Vec<String> {
        match cx.check() {
            Ok(()) => Vec::new(),
            Err(e) => e.into_iter().map(|e| e.to_string()).collect(),
        }
    }

    #[test]
    fn languages_in_order_each_once() {
        let cx = Ctxt::new();
        let labels = localized(
            &cx,
            "label",
            quote::quote!(1033 = "Yes", 1036 = "Oui", 1033 = "Again"),
            Span::call_site(),
            "#[label(1033 = \"...\")]",
        );
        let got: Vec<(u32, String)> = labels.into_iter().map(|(n, l)| (n, l.value())).collect();
        assert_eq!(got, [(1033, "Yes".to_owned()), (1036, "Oui".to_owned())]);
        assert_eq!(
            messages(cx),
            [
                "duplicate label language `1033`; give it once",
                "`1033` is first given here"
            ]
        );
    }

    #[test]
    fn an_empty_list_and_a_bad_entry_name_the_way_to_write_it() {
        let cx = Ctxt::new();
        let example = "x(1033 = \"...\")";
        assert!(localized(&cx, "x", quote::quote!(), Span::call_site(), example).is_empty());
        let bad = quote::quote!(en = "Yes");
        assert!(localized(&cx, "x", bad, Span::call_site(), example).is_empty());
        assert_eq!(
            messages(cx),
            [
                "`x(...)` lists no label; write `x(1033 = \"...\")`",
                "expected a locale id such as `1033`: write `x(1033 = \"...\")`"
            ]
        );
    }
}

//! Parses `#[choice(...)]` on the enum and the helper attributes on options.

use proc_macro2::TokenStream;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, ExprLit, Ident, Lit, LitInt, LitStr, Path};

use crate::ctxt::Ctxt;
use crate::keys::{Keys, each_key};
use crate::labels::{localized, string_lit};
use crate::symbol::*;

/// The keys `#[choice(...)]` accepts.
pub const CHOICE_KEYS: &[&str] = &[
    NAME,
    GLOBAL,
    EXTENDS,
    OPTION_PREFIX,
    FALLBACK,
    BASE_VARIANT,
    STATUS_OF,
];

/// The attributes an option accepts besides doc comments.
pub const OPTION_ATTRS: &[&str] = &[LABEL, OVERRIDES, STATE];

/// `#[choice(...)]`, every key optional; each keeps its tokens for spans.
#[derive(Default)]
pub struct ChoiceArgs {
    pub name: Option<LitStr>,
    pub global: Option<Ident>,
    pub extends: Option<Path>,
    /// The literal and its value (when it parsed as an integer).
    pub option_prefix: Option<(LitInt, Option<i64>)>,
    pub fallback: Option<Ident>,
    pub base: Option<Ident>,
    pub status_of: Option<Path>,
}

/// Parses every `#[choice(...)]` attribute among `attrs`, recording errors in `cx`.
pub fn choice_args(cx: &Ctxt, attrs: &[Attribute]) -> ChoiceArgs {
    let mut args = ChoiceArgs::default();
    let mut keys = Keys::new(cx, "`choice` attribute");
    each_key(
        cx,
        attrs.iter().filter(|a| a.path().is_ident(CHOICE)),
        |meta| {
            let path = &meta.path;
            if path.is_ident(NAME) {
                keys.set(path, &mut args.name, meta.value()?.parse()?);
            } else if let Some(global) = path.get_ident().filter(|i| *i == GLOBAL) {
                keys.set(path, &mut args.global, global.clone());
            } else if path.is_ident(EXTENDS) {
                keys.set(path, &mut args.extends, meta.value()?.parse()?);
            } else if path.is_ident(OPTION_PREFIX) {
                let lit: LitInt = meta.value()?.parse()?;
                let value = lit.base10_parse::<i64>().ok();
                keys.set(path, &mut args.option_prefix, (lit, value));
            } else if path.is_ident(FALLBACK) {
                keys.set(path, &mut args.fallback, meta.value()?.parse()?);
            } else if path.is_ident(BASE_VARIANT) {
                keys.set(path, &mut args.base, meta.value()?.parse()?);
            } else if path.is_ident(STATUS_OF) {
                keys.set(path, &mut args.status_of, meta.value()?.parse()?);
            } else {
                keys.unknown(&meta, CHOICE_KEYS)?;
            }
            Ok(())
        },
    );
    args
}

/// The helper attributes of one option.
#[derive(Default)]
pub struct OptionAttrs {
    /// `(lcid, label)` pairs; `#[label = "x"]` gives `(1033, "x")`.
    pub labels: Vec<(u32, LitStr)>,
    /// The `label` attribute's path, for spans.
    pub label_attr: Option<Path>,
    pub overrides: Option<Path>,
    pub state: Option<Ident>,
    /// Doc comments and other attributes kept on the variant.
    pub docs: Vec<Attribute>,
}

/// Parses an option's attributes, recording errors in `cx`.
pub fn option_attrs(cx: &Ctxt, attrs: &[Attribute]) -> OptionAttrs {
    let mut out = OptionAttrs::default();
    let mut keys = Keys::new(cx, "option attribute");
    for attr in attrs {
        let path = attr.path();
        if path.is_ident("doc") {
            out.docs.push(attr.clone());
        } else if path.is_ident(LABEL) {
            if !keys.once(LABEL, path.span()) {
                continue;
            }
            out.label_attr = Some(path.clone());
            match &attr.meta {
                syn::Meta::NameValue(nv) => match string_lit(&nv.value) {
                    Some(lit) => out.labels.push((1033, lit)),
                    None => cx.error_spanned_by(
                        &nv.value,
                        "`label` takes a string: write `#[label = \"...\"]`",
                    ),
                },
                syn::Meta::List(list) => out.labels.extend(localized(
                    cx,
                    LABEL,
                    list.tokens.clone(),
                    list.delimiter.span().join(),
                    "#[label(1033 = \"...\")]",
                )),
                syn::Meta::Path(_) => cx.error_spanned_by(
                    attr,
                    "`label` needs a value: write `#[label = \"...\"]` or `#[label(1033 = \"...\")]`",
                ),
            }
        } else if path.is_ident(OVERRIDES) {
            if !keys.once(OVERRIDES, path.span()) {
                continue;
            }
            if let Err(e) = attr.meta.require_path_only() {
                cx.syn_error(syn::Error::new(
                    e.span(),
                    "`overrides` takes no value: write `#[overrides]`",
                ));
            }
            out.overrides = Some(path.clone());
        } else if path.is_ident(STATE) {
            if !keys.once(STATE, path.span()) {
                continue;
            }
            match &attr.meta {
                syn::Meta::NameValue(nv) => match &nv.value {
                    Expr::Path(p) if p.path.get_ident().is_some() => {
                        out.state = p.path.get_ident().cloned();
                    }
                    other => cx.error_spanned_by(
                        other,
                        "`state` takes a variant name of the state choice: write `#[state = Open]`",
                    ),
                },
                _ => cx.error_spanned_by(
                    attr,
                    "`state` takes a variant name of the state choice: write `#[state = Open]`",
                ),
            }
        } else {
            keys.unknown_path(path, OPTION_ATTRS);
        }
    }
    out
}

/// The integer value of a discriminant: an integer literal, optionally negated.
/// `Err` holds the message for a value that is not one.
pub fn discriminant(expr: &Expr) -> Result<i128, (TokenStream, String)> {
    fn not_integer(expr: &Expr) -> (TokenStream, String) {
        (
            quote::quote!(#expr),
            "option value must be an integer literal, e.g. `Name = 192_350_000`".to_owned(),
        )
    }
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Int(lit), ..
        }) => {
            if !lit.suffix().is_empty() {
                return Err((
                    quote::quote!(#lit),
                    format!(
                        "option value must be a plain integer literal without the `{}` suffix",
                        lit.suffix()
                    ),
                ));
            }
            lit.base10_parse::<i128>().map_err(|_| {
                (
                    quote::quote!(#lit),
                    "option value is outside the 32-bit integer range (-2147483648..=2147483647); \
                     Dataverse stores choice values as `i32`"
                        .to_owned(),
                )
            })
        }
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => {
            discriminant(&u.expr).map(|v| -v).map_err(|(t, m)| {
                if m.starts_with("option value must be an integer") {
                    not_integer(expr)
                } else {
                    (t, m)
                }
            })
        }
        Expr::Group(g) => discriminant(&g.expr),
        Expr::Paren(p) => discriminant(&p.expr),
        _ => Err(not_integer(expr)),
    }
}

/// Joins doc comment lines into a description: each line trimmed, joined by one space.
pub fn description(docs: &[Attribute]) -> String {
    let mut lines = Vec::new();
    for attr in docs {
        if let syn::Meta::NameValue(nv) = &attr.meta
            && let Some(s) = string_lit(&nv.value)
        {
            let text = s.value();
            for line in text.lines() {
                let line = line.trim();
                if !line.is_empty() {
                    lines.push(line.to_owned());
                }
            }
        }
    }
    lines.join(" ")
}

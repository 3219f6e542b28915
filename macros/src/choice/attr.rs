//! Parses `#[choice(...)]` on the enum and the helper attributes on options.

use proc_macro2::TokenStream;
use syn::parse::{ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Attribute, Expr, ExprLit, Ident, Lit, LitInt, LitStr, Path, Token};

use crate::ctxt::Ctxt;
use crate::suggest::unknown_key_message;
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
    for attr in attrs.iter().filter(|a| a.path().is_ident(CHOICE)) {
        let parsed = attr.parse_nested_meta(|meta| {
            let Some(key) = meta.path.get_ident().cloned() else {
                cx.error_spanned_by(
                    &meta.path,
                    unknown_key_message("`choice` attribute", &path_text(&meta.path), CHOICE_KEYS),
                );
                return skip_value(&meta);
            };
            let key_text = key.to_string();
            let duplicate = |present: bool| {
                if present {
                    cx.error_spanned_by(
                        &key,
                        format!("duplicate `choice` attribute `{key_text}`; give it once"),
                    );
                }
            };
            match key_text.as_str() {
                NAME => {
                    duplicate(args.name.is_some());
                    args.name = Some(meta.value()?.parse()?);
                }
                GLOBAL => {
                    duplicate(args.global.is_some());
                    args.global = Some(key.clone());
                }
                EXTENDS => {
                    duplicate(args.extends.is_some());
                    args.extends = Some(meta.value()?.parse()?);
                }
                OPTION_PREFIX => {
                    duplicate(args.option_prefix.is_some());
                    let lit: LitInt = meta.value()?.parse()?;
                    let value = lit.base10_parse::<i64>().ok();
                    args.option_prefix = Some((lit, value));
                }
                FALLBACK => {
                    duplicate(args.fallback.is_some());
                    args.fallback = Some(meta.value()?.parse()?);
                }
                BASE_VARIANT => {
                    duplicate(args.base.is_some());
                    args.base = Some(meta.value()?.parse()?);
                }
                STATUS_OF => {
                    duplicate(args.status_of.is_some());
                    args.status_of = Some(meta.value()?.parse()?);
                }
                other => {
                    cx.error_spanned_by(
                        &key,
                        unknown_key_message("`choice` attribute", other, CHOICE_KEYS),
                    );
                    return skip_value(&meta);
                }
            }
            Ok(())
        });
        if let Err(e) = parsed {
            cx.syn_error(e);
        }
    }
    args
}

/// Consumes `= value` or `(...)` after an unknown key so parsing can go on.
fn skip_value(meta: &syn::meta::ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse::<Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        meta.input.parse::<proc_macro2::Group>()?;
    }
    Ok(())
}

fn path_text(path: &Path) -> String {
    quote::quote!(#path).to_string().replace(' ', "")
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
    for attr in attrs {
        let path = attr.path();
        if path.is_ident("doc") {
            out.docs.push(attr.clone());
        } else if path.is_ident(LABEL) {
            if out.label_attr.is_some() {
                cx.error_spanned_by(path, "duplicate `label` attribute; give it once");
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
                syn::Meta::List(list) => match label_list.parse2(list.tokens.clone()) {
                    Ok(entries) => {
                        if entries.is_empty() {
                            cx.error_spanned_by(
                                list,
                                "`label(...)` lists no label; write `#[label(1033 = \"...\")]`",
                            );
                        }
                        for (lcid, lit) in entries {
                            match lcid.base10_parse::<u32>() {
                                Ok(n) if out.labels.iter().any(|(l, _)| *l == n) => cx
                                    .error_spanned_by(
                                        &lcid,
                                        format!("duplicate label for language `{n}`; give it once"),
                                    ),
                                Ok(n) => out.labels.push((n, lit)),
                                Err(_) => cx.error_spanned_by(
                                    &lcid,
                                    "a label's language must be a locale id such as `1033`",
                                ),
                            }
                        }
                    }
                    Err(e) => cx.syn_error(e),
                },
                syn::Meta::Path(_) => cx.error_spanned_by(
                    attr,
                    "`label` needs a value: write `#[label = \"...\"]` or `#[label(1033 = \"...\")]`",
                ),
            }
        } else if path.is_ident(OVERRIDES) {
            if let Err(e) = attr.meta.require_path_only() {
                cx.syn_error(syn::Error::new(
                    e.span(),
                    "`overrides` takes no value: write `#[overrides]`",
                ));
            }
            out.overrides = Some(path.clone());
        } else if path.is_ident(STATE) {
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
            cx.error_spanned_by(
                path,
                unknown_key_message("option attribute", &path_text(path), OPTION_ATTRS),
            );
        }
    }
    out
}

fn string_lit(expr: &Expr) -> Option<LitStr> {
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Str(s), ..
        }) => Some(s.clone()),
        Expr::Group(g) => string_lit(&g.expr),
        _ => None,
    }
}

/// `1033 = "Default", 1036 = "Par défaut"`
fn label_list(input: ParseStream) -> syn::Result<Vec<(LitInt, LitStr)>> {
    let entries = Punctuated::<(LitInt, LitStr), Token![,]>::parse_terminated_with(input, |i| {
        let lcid: LitInt = i.parse().map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected a locale id such as `1033`: write `#[label(1033 = \"...\")]`",
            )
        })?;
        i.parse::<Token![=]>()?;
        let expr: Expr = i.parse()?;
        let lit = string_lit(&expr).ok_or_else(|| {
            syn::Error::new_spanned(&expr, "a label must be a string: write `1033 = \"...\"`")
        })?;
        Ok((lcid, lit))
    })?;
    Ok(entries.into_iter().collect())
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

//! Our model of a `choice!` input, built from syn; keeps the original tokens for spans.

use proc_macro2::TokenStream;
use syn::{Attribute, Data, DeriveInput, Fields, Ident, LitStr, Path, Visibility};

use super::attr::{self, ChoiceArgs};
use crate::ctxt::Ctxt;

/// A parsed `choice!` enum.
pub struct Choice {
    /// The enum's attributes other than `#[choice(...)]` (doc comments and the like).
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    pub args: ChoiceArgs,
    pub options: Vec<ChoiceOption>,
    /// The `enum` keyword's span holder, for choice-wide errors.
    pub enum_token: syn::token::Enum,
}

/// One option (variant) of the enum.
pub struct ChoiceOption {
    pub ident: Ident,
    /// Doc comments, kept on the variant.
    pub docs: Vec<Attribute>,
    /// The doc comments as a description (trimmed lines joined).
    pub description: String,
    /// The discriminant as written.
    pub discriminant: Option<syn::Expr>,
    /// The value, when the discriminant is a valid `i32` literal.
    pub value: Option<i32>,
    /// `(lcid, label)`; empty means the variant name in 1033.
    pub labels: Vec<(u32, LitStr)>,
    pub label_attr: Option<Path>,
    pub overrides: Option<Path>,
    pub state: Option<Ident>,
}

impl ChoiceOption {
    /// The default (1033) label: declared, or the variant name.
    pub fn label(&self) -> String {
        self.labels
            .iter()
            .find(|(lcid, _)| *lcid == 1033)
            .map_or_else(|| self.ident.to_string(), |(_, l)| l.value())
    }

    /// Every `(lcid, label)`, the 1033 one first (the variant name when none is declared).
    pub fn all_labels(&self) -> Vec<(u32, String)> {
        let mut out = vec![(1033, self.label())];
        out.extend(
            self.labels
                .iter()
                .filter(|(lcid, _)| *lcid != 1033)
                .map(|(lcid, l)| (*lcid, l.value())),
        );
        out
    }
}

impl Choice {
    /// Parses the enum, recording every error in `cx`. `None` when it is not an enum at all.
    pub fn from_tokens(cx: &Ctxt, input: TokenStream) -> Option<Choice> {
        let input: DeriveInput = match syn::parse2(input) {
            Ok(input) => input,
            Err(e) => {
                cx.syn_error(e);
                return None;
            }
        };
        let data = match input.data {
            Data::Enum(data) => data,
            Data::Struct(s) => {
                cx.error_spanned_by(
                    s.struct_token,
                    "`choice!` takes an enum: write `pub enum Name { Option = 1, ... }`",
                );
                return None;
            }
            Data::Union(u) => {
                cx.error_spanned_by(
                    u.union_token,
                    "`choice!` takes an enum: write `pub enum Name { Option = 1, ... }`",
                );
                return None;
            }
        };
        if !input.generics.params.is_empty() || input.generics.where_clause.is_some() {
            cx.error_spanned_by(
                &input.generics,
                "a choice cannot be generic; remove the generic parameters",
            );
        }
        let args = attr::choice_args(cx, &input.attrs);
        let attrs = input
            .attrs
            .into_iter()
            .filter(|a| !a.path().is_ident(crate::symbol::CHOICE))
            .collect();
        let options = data
            .variants
            .into_iter()
            .map(|v| {
                if !matches!(v.fields, Fields::Unit) {
                    cx.error_spanned_by(
                        &v.fields,
                        format!(
                            "option `{}` cannot carry data; write `{} = <integer>`",
                            v.ident, v.ident
                        ),
                    );
                }
                let a = attr::option_attrs(cx, &v.attrs);
                let discriminant = v.discriminant.map(|(_, e)| e);
                let value = match &discriminant {
                    None => {
                        cx.error_spanned_by(
                            &v.ident,
                            format!(
                                "option `{}` has no value; write `{} = <integer>`",
                                v.ident, v.ident
                            ),
                        );
                        None
                    }
                    Some(expr) => match attr::discriminant(expr) {
                        Ok(n) => match i32::try_from(n) {
                            Ok(n) => Some(n),
                            Err(_) => {
                                cx.error_spanned_by(
                                    expr,
                                    format!(
                                        "option value `{n}` is outside the 32-bit integer range \
                                         (-2147483648..=2147483647); Dataverse stores choice \
                                         values as `i32`"
                                    ),
                                );
                                None
                            }
                        },
                        Err((tokens, message)) => {
                            cx.error_spanned_by(tokens, message);
                            None
                        }
                    },
                };
                ChoiceOption {
                    description: attr::description(&a.docs),
                    ident: v.ident,
                    docs: a.docs,
                    discriminant,
                    value,
                    labels: a.labels,
                    label_attr: a.label_attr,
                    overrides: a.overrides,
                    state: a.state,
                }
            })
            .collect();
        Some(Choice {
            attrs,
            vis: input.vis,
            ident: input.ident,
            args,
            options,
            enum_token: data.enum_token,
        })
    }

    /// The fallback variant's name (base choices only).
    pub fn fallback_ident(&self) -> Ident {
        self.args
            .fallback
            .clone()
            .unwrap_or_else(|| Ident::new("Unrecognized", self.ident.span()))
    }

    /// The base variant's name (extensions only).
    pub fn base_ident(&self) -> Ident {
        self.args
            .base
            .clone()
            .unwrap_or_else(|| Ident::new("Base", self.ident.span()))
    }

    /// The base choice's name as the user wrote it (last path segment), for messages.
    pub fn base_name(&self) -> String {
        self.args
            .extends
            .as_ref()
            .and_then(|p| p.segments.last())
            .map_or_else(String::new, |s| s.ident.to_string())
    }

    /// The range of values `option_prefix` allows.
    pub fn prefix_range(&self) -> Option<std::ops::RangeInclusive<i64>> {
        let (_, Some(p)) = self.args.option_prefix.as_ref()? else {
            return None;
        };
        (10_000..=99_999)
            .contains(p)
            .then(|| p * 10_000..=p * 10_000 + 9_999)
    }
}

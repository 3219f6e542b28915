//! Our model of a `lookup!` input, built from syn with the original tokens kept for spans.

use std::cell::Cell;

use proc_macro2::TokenStream;
use syn::{Attribute, Data, DeriveInput, Expr, Fields, Ident, Lit, LitStr, Path, Visibility};

use super::attr::{self, TargetAttr};
use super::cascade::{CascadeAttr, CascadeValue};
use crate::ctxt::Ctxt;
use crate::symbol::*;

/// A whole `lookup!` input.
pub struct Lookup<'a> {
    /// The runtime's path, as the wrapper macro passed it.
    pub krate: TokenStream,
    pub ident: &'a Ident,
    pub vis: &'a Visibility,
    /// Attributes kept on the enum (doc comments and anything not ours).
    pub attrs: Vec<&'a Attribute>,
    pub column: Option<LitStr>,
    /// The logical name of the table the column is on.
    pub table: Option<LitStr>,
    pub pattern: Option<LitStr>,
    pub extends: Option<Path>,
    /// The fallback variant's name (base lookups only) and where it was named, if it was.
    pub fallback: Ident,
    pub fallback_key: Option<Ident>,
    /// The variant that holds the base value (extensions only).
    pub base_variant: Ident,
    pub base_key: Option<Ident>,
    pub targets: Vec<Target<'a>>,
    /// `#[lookup(...)]` had an unknown key (already reported).
    pub had_unknown_key: bool,
}

/// One variant: a target table.
pub struct Target<'a> {
    pub ident: &'a Ident,
    pub docs: Vec<&'a Attribute>,
    /// The target table's logical name (the variant's `= "..."`).
    pub table: LitStr,
    pub attr: TargetAttr,
    /// Not emitted at all (duplicate variant, clash with a generated variant).
    pub skip: Cell<bool>,
    /// Emitted, but not matched by `from_target` (its table is already taken).
    pub duplicate_table: Cell<bool>,
}

impl Lookup<'_> {
    /// The targets that expansion emits.
    pub fn emitted(&self) -> impl Iterator<Item = &Target<'_>> {
        self.targets.iter().filter(|t| !t.skip.get())
    }
}

impl Target<'_> {
    /// The relationship's cascade configuration: preset, then per-action values.
    pub fn cascade(&self) -> [CascadeValue; 8] {
        self.attr
            .cascade
            .as_ref()
            .map_or([CascadeValue::NoCascade; 8], CascadeAttr::resolve)
    }
}

/// Builds the model, recording every problem found on the way; `None` when the input is not
/// an enum at all.
pub fn from_input<'a>(cx: &Ctxt, krate: TokenStream, input: &'a DeriveInput) -> Option<Lookup<'a>> {
    let Data::Enum(data) = &input.data else {
        cx.error_spanned_by(
            &input.ident,
            "`lookup!` takes an enum: write `pub enum Name { Variant = \"table\", ... }`",
        );
        return None;
    };
    if !input.generics.params.is_empty() || input.generics.where_clause.is_some() {
        cx.error_spanned_by(
            &input.generics,
            "a lookup cannot have generic parameters; remove them",
        );
    }

    let mut attrs = Vec::new();
    let mut lookup_attrs = Vec::new();
    for a in &input.attrs {
        if a.path().is_ident(LOOKUP) {
            lookup_attrs.push(a);
        } else {
            attrs.push(a);
        }
    }
    let la = attr::parse_lookup(cx, &lookup_attrs);

    let mut targets = Vec::new();
    for variant in &data.variants {
        let mut docs = Vec::new();
        let mut target_attrs = Vec::new();
        for a in &variant.attrs {
            if a.path().is_ident("doc") {
                docs.push(a);
            } else if a.path().is_ident(TARGET) {
                target_attrs.push(a);
            } else {
                cx.error_spanned_by(
                    a,
                    "only doc comments and `#[target(...)]` are allowed on a lookup target",
                );
            }
        }
        let attr = attr::parse_target(cx, &target_attrs);
        if !matches!(variant.fields, Fields::Unit) {
            cx.error_spanned_by(
                &variant.fields,
                format!(
                    "write the target as `{} = \"<table logical name>\"`; the macro adds the `Guid` field",
                    variant.ident
                ),
            );
        }
        let table = match &variant.discriminant {
            Some((_, Expr::Lit(e))) => match &e.lit {
                Lit::Str(s) => Some(s.clone()),
                other => {
                    cx.error_spanned_by(
                        other,
                        "the target table must be a string: `Variant = \"<table logical name>\"`",
                    );
                    None
                }
            },
            Some((_, other)) => {
                cx.error_spanned_by(
                    other,
                    "the target table must be a string: `Variant = \"<table logical name>\"`",
                );
                None
            }
            None => {
                cx.error_spanned_by(
                    &variant.ident,
                    format!(
                        "missing target table for `{0}`; write `{0} = \"<table logical name>\"`",
                        variant.ident
                    ),
                );
                None
            }
        };
        let skip = table.is_none();
        targets.push(Target {
            ident: &variant.ident,
            docs,
            table: table.unwrap_or_else(|| LitStr::new("", variant.ident.span())),
            attr,
            skip: Cell::new(skip),
            duplicate_table: Cell::new(false),
        });
    }

    let span = input.ident.span();
    Some(Lookup {
        krate,
        ident: &input.ident,
        vis: &input.vis,
        attrs,
        column: la.column,
        table: la.table,
        pattern: la.navigation,
        extends: la.extends,
        fallback: la
            .fallback
            .clone()
            .unwrap_or_else(|| Ident::new("Unrecognized", span)),
        fallback_key: la.fallback,
        base_variant: la.base.clone().unwrap_or_else(|| Ident::new("Base", span)),
        base_key: la.base,
        had_unknown_key: la.had_unknown_key,
        targets,
    })
}

//! Parses `#[dataverse_entity(...)]` and each field's `#[dataverse(...)]`.

use proc_macro2::{Span, TokenStream};
use syn::meta::ParseNestedMeta;
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;

use super::ast::{ColumnAttrs, EntityArgs};
use crate::ctxt::Ctxt;
use crate::suggest::unknown_key_message;
use crate::symbol::*;

const ENTITY_KEYS: &[&str] = &[
    LOGICAL_NAME,
    ENTITY_SET,
    PRIMARY_ID,
    PRIMARY_NAME,
    EXTENDS,
    PUBLISHER_PREFIX,
    CRATE,
];

const FIELD_KEYS: &[&str] = &[
    LOGICAL_NAME,
    REQUIRED,
    READ_ONLY,
    MAX_LENGTH,
    MIN,
    MAX,
    PRECISION,
    MONEY,
    FORMATTED_VALUES,
    ETAG,
    NAVIGATION,
];

/// Skips the rest of a `key = value` whose key was rejected, so parsing goes on.
fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(syn::Token![=]) {
        let value = meta.value()?;
        while !value.is_empty() && !value.peek(syn::Token![,]) {
            value.parse::<proc_macro2::TokenTree>()?;
        }
    } else if meta.input.peek(syn::token::Paren) {
        let _group: proc_macro2::Group = meta.input.parse()?;
    }
    Ok(())
}

fn key_name(meta: &ParseNestedMeta) -> String {
    meta.path
        .get_ident()
        .map(ToString::to_string)
        .unwrap_or_else(|| quote::quote!(#(meta.path)).to_string())
}

/// Records a repeated key at its second occurrence.
fn once<T>(cx: &Ctxt, slot: &mut Option<T>, value: T, meta: &ParseNestedMeta, kind: &str) {
    if slot.is_some() {
        cx.error_spanned_by(
            &meta.path,
            format!("duplicate {kind} attribute `{}`; keep one", key_name(meta)),
        );
    } else {
        *slot = Some(value);
    }
}

pub fn parse_entity_args(cx: &Ctxt, args: TokenStream) -> EntityArgs {
    let mut out = EntityArgs::default();
    let parser = syn::meta::parser(|meta| {
        let key = key_name(&meta);
        match key.as_str() {
            LOGICAL_NAME => once(
                cx,
                &mut out.logical_name,
                meta.value()?.parse()?,
                &meta,
                "`dataverse_entity`",
            ),
            ENTITY_SET => once(
                cx,
                &mut out.entity_set,
                meta.value()?.parse()?,
                &meta,
                "`dataverse_entity`",
            ),
            PRIMARY_ID => once(
                cx,
                &mut out.primary_id,
                meta.value()?.parse()?,
                &meta,
                "`dataverse_entity`",
            ),
            PRIMARY_NAME => once(
                cx,
                &mut out.primary_name,
                meta.value()?.parse()?,
                &meta,
                "`dataverse_entity`",
            ),
            EXTENDS => once(
                cx,
                &mut out.extends,
                meta.value()?.parse()?,
                &meta,
                "`dataverse_entity`",
            ),
            PUBLISHER_PREFIX => once(
                cx,
                &mut out.publisher_prefix,
                meta.value()?.parse()?,
                &meta,
                "`dataverse_entity`",
            ),
            CRATE => once(
                cx,
                &mut out.krate,
                meta.value()?.parse()?,
                &meta,
                "`dataverse_entity`",
            ),
            _ => {
                cx.error_spanned_by(
                    &meta.path,
                    unknown_key_message("`dataverse_entity` attribute", &key, ENTITY_KEYS),
                );
                skip_value(&meta)?;
            }
        }
        Ok(())
    });
    if let Err(e) = parser.parse2(args) {
        cx.syn_error(e);
    }
    out
}

/// What a field's `#[dataverse(...)]` attributes say.
#[derive(Default)]
pub struct FieldAttrs {
    pub column: ColumnAttrs,
    pub formatted_values: Option<Span>,
    pub etag: Option<Span>,
    pub navigation: Option<syn::LitStr>,
}

fn parse_u32(input: ParseStream) -> syn::Result<(u32, Span)> {
    let lit: syn::LitInt = input.parse()?;
    Ok((lit.base10_parse()?, lit.span()))
}

fn parse_number(input: ParseStream) -> syn::Result<(f64, Span)> {
    let negative = input.parse::<Option<syn::Token![-]>>()?.is_some();
    let sign = if negative { -1.0 } else { 1.0 };
    if input.peek(syn::LitFloat) {
        let lit: syn::LitFloat = input.parse()?;
        Ok((sign * lit.base10_parse::<f64>()?, lit.span()))
    } else {
        let lit: syn::LitInt = input.parse().map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected a number, e.g. `min = 0` or `max = 100.5`",
            )
        })?;
        Ok((sign * lit.base10_parse::<f64>()?, lit.span()))
    }
}

pub fn parse_field_attrs(cx: &Ctxt, attrs: &[syn::Attribute]) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident(DATAVERSE)) {
        let result = attr.parse_nested_meta(|meta| {
            let key = key_name(&meta);
            let span = meta.path.span();
            let c = &mut out.column;
            let kind = "`dataverse`";
            match key.as_str() {
                LOGICAL_NAME => once(cx, &mut c.logical_name, meta.value()?.parse()?, &meta, kind),
                REQUIRED => once(cx, &mut c.required, span, &meta, kind),
                READ_ONLY => once(cx, &mut c.read_only, span, &meta, kind),
                MONEY => once(cx, &mut c.money, span, &meta, kind),
                MAX_LENGTH => once(
                    cx,
                    &mut c.max_length,
                    parse_u32(meta.value()?)?,
                    &meta,
                    kind,
                ),
                PRECISION => once(cx, &mut c.precision, parse_u32(meta.value()?)?, &meta, kind),
                MIN => once(cx, &mut c.min, parse_number(meta.value()?)?, &meta, kind),
                MAX => once(cx, &mut c.max, parse_number(meta.value()?)?, &meta, kind),
                FORMATTED_VALUES => once(cx, &mut out.formatted_values, span, &meta, kind),
                ETAG => once(cx, &mut out.etag, span, &meta, kind),
                NAVIGATION => once(cx, &mut out.navigation, meta.value()?.parse()?, &meta, kind),
                _ => {
                    cx.error_spanned_by(
                        &meta.path,
                        unknown_key_message("`dataverse` attribute", &key, FIELD_KEYS),
                    );
                    skip_value(&meta)?;
                }
            }
            Ok(())
        });
        if let Err(e) = result {
            cx.syn_error(e);
        }
    }
    out
}

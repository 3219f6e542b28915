//! Parses `#[dataverse_entity(...)]` and each field's `#[dataverse(...)]`.

use proc_macro2::{Span, TokenStream};
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;

use super::ast::{ColumnAttrs, EntityArgs};
use crate::ctxt::Ctxt;
use crate::keys::{Keys, each_key, key_name};
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

pub fn parse_entity_args(cx: &Ctxt, args: TokenStream) -> EntityArgs {
    let mut out = EntityArgs::default();
    let mut keys = Keys::new(cx, "`dataverse_entity` attribute");
    let parser = syn::meta::parser(|meta| {
        let path = &meta.path;
        match key_name(path).as_str() {
            LOGICAL_NAME => keys.set(path, &mut out.logical_name, meta.value()?.parse()?),
            ENTITY_SET => keys.set(path, &mut out.entity_set, meta.value()?.parse()?),
            PRIMARY_ID => keys.set(path, &mut out.primary_id, meta.value()?.parse()?),
            PRIMARY_NAME => keys.set(path, &mut out.primary_name, meta.value()?.parse()?),
            EXTENDS => keys.set(path, &mut out.extends, meta.value()?.parse()?),
            PUBLISHER_PREFIX => keys.set(path, &mut out.publisher_prefix, meta.value()?.parse()?),
            CRATE => keys.set(path, &mut out.krate, meta.value()?.parse()?),
            _ => keys.unknown(&meta, ENTITY_KEYS)?,
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
    let mut keys = Keys::new(cx, "`dataverse` attribute");
    each_key(
        cx,
        attrs.iter().filter(|a| a.path().is_ident(DATAVERSE)),
        |meta| {
            let path = &meta.path;
            let span = path.span();
            let c = &mut out.column;
            match key_name(path).as_str() {
                LOGICAL_NAME => keys.set(path, &mut c.logical_name, meta.value()?.parse()?),
                REQUIRED => keys.set(path, &mut c.required, span),
                READ_ONLY => keys.set(path, &mut c.read_only, span),
                MONEY => keys.set(path, &mut c.money, span),
                MAX_LENGTH => keys.set(path, &mut c.max_length, parse_u32(meta.value()?)?),
                PRECISION => keys.set(path, &mut c.precision, parse_u32(meta.value()?)?),
                MIN => keys.set(path, &mut c.min, parse_number(meta.value()?)?),
                MAX => keys.set(path, &mut c.max, parse_number(meta.value()?)?),
                FORMATTED_VALUES => keys.set(path, &mut out.formatted_values, span),
                ETAG => keys.set(path, &mut out.etag, span),
                NAVIGATION => keys.set(path, &mut out.navigation, meta.value()?.parse()?),
                _ => keys.unknown(&meta, FIELD_KEYS)?,
            }
            Ok(())
        },
    );
    out
}

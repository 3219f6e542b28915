//! Parses `#[dataverse_entity(...)]` and each field's `#[dataverse(...)]`.

use proc_macro2::{Span, TokenStream};
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;

use super::ast::{ColumnAttrs, DefaultValue, EntityArgs, Labels};
use crate::ctxt::Ctxt;
use crate::keys::{Keys, each_key, key_name, skip_to_comma};
use crate::labels::localized;
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
    REQUIRED_LEVEL,
    READ_ONLY,
    MAX_LENGTH,
    MIN,
    MAX,
    PRECISION,
    MONEY,
    DEFAULT,
    TRUE_LABEL,
    FALSE_LABEL,
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

/// `required_level = SystemRequired`: one of [`REQUIRED_LEVELS`]; an unknown name is
/// recorded in `cx` (with the closest level) and gives `None`.
fn parse_required_level(
    cx: &Ctxt,
    input: ParseStream,
) -> syn::Result<Option<(&'static str, Span)>> {
    if let Ok(text) = input.fork().parse::<syn::LitStr>() {
        return Err(syn::Error::new(
            text.span(),
            format!(
                "write the required level without quotes: `required_level = {}`",
                text.value()
            ),
        ));
    }
    let level: syn::Ident = input.parse().map_err(|e| {
        syn::Error::new(
            e.span(),
            "expected a required level, e.g. `required_level = SystemRequired`",
        )
    })?;
    let name = level.to_string();
    match REQUIRED_LEVELS.iter().find(|known| **known == name) {
        Some(known) => Ok(Some((known, level.span()))),
        None => {
            cx.error_spanned_by(
                &level,
                unknown_key_message("required level", &name, REQUIRED_LEVELS),
            );
            Ok(None)
        }
    }
}

/// `default = true`, `default = false` or `default = <option value>`.
fn parse_default(input: ParseStream) -> syn::Result<(DefaultValue, Span)> {
    const EXPECTED: &str =
        "expected `true`, `false` or an option value, e.g. `default = false` or `default = 1`";
    if input.peek(syn::LitBool) {
        let lit: syn::LitBool = input.parse()?;
        return Ok((DefaultValue::Boolean(lit.value), lit.span()));
    }
    let minus = input.parse::<Option<syn::Token![-]>>()?;
    let lit: syn::LitInt = input
        .parse()
        .map_err(|e| syn::Error::new(e.span(), EXPECTED))?;
    let span = lit.span();
    let magnitude: i64 = lit.base10_parse()?;
    let value = if minus.is_some() {
        -magnitude
    } else {
        magnitude
    };
    let value = i32::try_from(value).map_err(|_| {
        syn::Error::new(
            span,
            "an option value lies in the 32-bit integer range (-2147483648..=2147483647)",
        )
    })?;
    Ok((DefaultValue::Option(value), span))
}

/// `key = "label"` (English, 1033) or `key(1033 = "...", 1036 = "...")`.
fn parse_labels(cx: &Ctxt, meta: &syn::meta::ParseNestedMeta, key: &str) -> syn::Result<Labels> {
    if meta.input.peek(syn::token::Paren) {
        let group: proc_macro2::Group = meta.input.parse()?;
        let example = format!("#[dataverse({key}(1033 = \"...\"))]");
        return Ok(localized(cx, key, group.stream(), group.span(), &example));
    }
    let value = meta.value()?;
    if value.peek(syn::LitStr) {
        return Ok(vec![(1033, value.parse()?)]);
    }
    // the key counts as given (no follow-on "needs `false_label`"); its value is skipped
    cx.error_at(
        value.span(),
        format!("`{key}` takes a string: write `{key} = \"...\"` or `{key}(1033 = \"...\", 1036 = \"...\")`"),
    );
    skip_to_comma(value)?;
    Ok(Vec::new())
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
                REQUIRED_LEVEL => {
                    if let Some(level) = parse_required_level(cx, meta.value()?)? {
                        keys.set(path, &mut c.required_level, level);
                    }
                }
                DEFAULT => keys.set(path, &mut c.default, parse_default(meta.value()?)?),
                TRUE_LABEL => keys.set(
                    path,
                    &mut c.true_label,
                    (parse_labels(cx, &meta, TRUE_LABEL)?, span),
                ),
                FALSE_LABEL => keys.set(
                    path,
                    &mut c.false_label,
                    (parse_labels(cx, &meta, FALSE_LABEL)?, span),
                ),
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

//! Parses `#[lookup(...)]`, `#[target(...)]` and `cascade(...)`, recording every error.

use proc_macro2::TokenTree;
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, Ident, LitStr, Path, Token};

use super::ast::{Action, CascadeValue, Preset};
use crate::ctxt::Ctxt;
use crate::suggest::unknown_key_message;
use crate::symbol::*;

/// `#[lookup(...)]`.
#[derive(Default)]
pub struct LookupAttr {
    pub column: Option<LitStr>,
    pub table: Option<LitStr>,
    pub navigation: Option<LitStr>,
    pub extends: Option<Path>,
    pub fallback: Option<Ident>,
    pub base: Option<Ident>,
    /// An unknown key was reported (then a "missing key" error would only repeat it).
    pub had_unknown_key: bool,
}

const LOOKUP_KEYS: &[&str] = &[COLUMN, TABLE, NAVIGATION, EXTENDS, FALLBACK, BASE_VARIANT];

/// `#[target(...)]`.
#[derive(Default)]
pub struct TargetAttr {
    pub entity_set: Option<LitStr>,
    pub navigation: Option<LitStr>,
    pub relationship: Option<LitStr>,
    pub referenced_attribute: Option<LitStr>,
    pub referenced_entity: Option<LitStr>,
    pub cascade: Option<CascadeAttr>,
    /// The `system` keyword, when given.
    pub system: Option<Ident>,
}

const TARGET_KEYS: &[&str] = &[
    ENTITY_SET,
    NAVIGATION,
    RELATIONSHIP,
    REFERENCED_ATTRIBUTE,
    REFERENCED_ENTITY,
    CASCADE,
    SYSTEM,
];

/// `cascade(preset, action = Value, ...)`.
pub struct CascadeAttr {
    /// The `cascade` keyword.
    pub keyword: Ident,
    pub preset: Option<(Preset, Ident)>,
    /// Explicit per-action values with the value's token.
    pub actions: Vec<(Action, CascadeValue, Ident)>,
    /// Something in it was not understood (already reported): skip the value checks.
    pub incomplete: bool,
}

impl CascadeAttr {
    /// The preset (or all NoCascade), then the explicit values.
    pub fn resolve(&self) -> [CascadeValue; 8] {
        let mut values = self
            .preset
            .as_ref()
            .map_or([CascadeValue::NoCascade; 8], |(p, _)| p.values());
        for (action, value, _) in &self.actions {
            values[action.index()] = *value;
        }
        values
    }
}

fn key_name(meta: &ParseNestedMeta) -> String {
    match meta.path.get_ident() {
        Some(i) => i.to_string(),
        None => meta.path.to_token_stream().to_string().replace(' ', ""),
    }
}

/// Consumes whatever follows an unknown key (`= tokens` or `( ... )`).
fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.input.parse::<Token![=]>()?;
        meta.input.step(|cursor| {
            let mut rest = *cursor;
            while let Some((tt, next)) = rest.token_tree() {
                if matches!(&tt, TokenTree::Punct(p) if p.as_char() == ',') {
                    break;
                }
                rest = next;
            }
            Ok(((), rest))
        })
    } else if meta.input.peek(syn::token::Paren) {
        let _content;
        syn::parenthesized!(_content in meta.input);
        Ok(())
    } else {
        Ok(())
    }
}

fn set<T>(cx: &Ctxt, kind: &str, meta: &ParseNestedMeta, slot: &mut Option<T>, value: T) {
    if slot.is_some() {
        cx.error_spanned_by(
            &meta.path,
            format!(
                "duplicate `{kind}` key `{}`; remove one of them",
                key_name(meta)
            ),
        );
    } else {
        *slot = Some(value);
    }
}

/// Parses every `#[lookup(...)]` of the enum.
pub fn parse_lookup(cx: &Ctxt, attrs: &[&Attribute]) -> LookupAttr {
    let mut out = LookupAttr::default();
    for attr in attrs {
        let result = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident(COLUMN) {
                let v = meta.value()?.parse()?;
                set(cx, LOOKUP, &meta, &mut out.column, v);
            } else if meta.path.is_ident(TABLE) {
                let v = meta.value()?.parse()?;
                set(cx, LOOKUP, &meta, &mut out.table, v);
            } else if meta.path.is_ident(NAVIGATION) {
                let v = meta.value()?.parse()?;
                set(cx, LOOKUP, &meta, &mut out.navigation, v);
            } else if meta.path.is_ident(EXTENDS) {
                let v = meta.value()?.parse()?;
                set(cx, LOOKUP, &meta, &mut out.extends, v);
            } else if meta.path.is_ident(FALLBACK) {
                let v = meta.value()?.parse()?;
                set(cx, LOOKUP, &meta, &mut out.fallback, v);
            } else if meta.path.is_ident(BASE_VARIANT) {
                let v = meta.value()?.parse()?;
                set(cx, LOOKUP, &meta, &mut out.base, v);
            } else {
                cx.error_spanned_by(
                    &meta.path,
                    unknown_key_message("`lookup` key", &key_name(&meta), LOOKUP_KEYS),
                );
                out.had_unknown_key = true;
                skip_value(&meta)?;
            }
            Ok(())
        });
        if let Err(e) = result {
            cx.syn_error(e);
        }
    }
    out
}

/// Parses every `#[target(...)]` of one variant.
pub fn parse_target(cx: &Ctxt, attrs: &[&Attribute]) -> TargetAttr {
    let mut out = TargetAttr::default();
    for attr in attrs {
        let result = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident(ENTITY_SET) {
                let v = meta.value()?.parse()?;
                set(cx, TARGET, &meta, &mut out.entity_set, v);
            } else if meta.path.is_ident(NAVIGATION) {
                let v = meta.value()?.parse()?;
                set(cx, TARGET, &meta, &mut out.navigation, v);
            } else if meta.path.is_ident(RELATIONSHIP) {
                let v = meta.value()?.parse()?;
                set(cx, TARGET, &meta, &mut out.relationship, v);
            } else if meta.path.is_ident(REFERENCED_ATTRIBUTE) {
                let v = meta.value()?.parse()?;
                set(cx, TARGET, &meta, &mut out.referenced_attribute, v);
            } else if meta.path.is_ident(REFERENCED_ENTITY) {
                let v = meta.value()?.parse()?;
                set(cx, TARGET, &meta, &mut out.referenced_entity, v);
            } else if meta.path.is_ident(SYSTEM) {
                let v = meta.path.get_ident().cloned();
                if let Some(v) = v {
                    set(cx, TARGET, &meta, &mut out.system, v);
                }
            } else if meta.path.is_ident(CASCADE) {
                let keyword = meta.path.get_ident().cloned();
                let v = parse_cascade(cx, &meta)?;
                if let Some(keyword) = keyword {
                    let v = CascadeAttr { keyword, ..v };
                    set(cx, TARGET, &meta, &mut out.cascade, v);
                }
            } else {
                cx.error_spanned_by(
                    &meta.path,
                    unknown_key_message("`target` key", &key_name(&meta), TARGET_KEYS),
                );
                skip_value(&meta)?;
            }
            Ok(())
        });
        if let Err(e) = result {
            cx.syn_error(e);
        }
    }
    out
}

fn parse_cascade(cx: &Ctxt, outer: &ParseNestedMeta) -> syn::Result<CascadeAttr> {
    let mut out = CascadeAttr {
        keyword: Ident::new(CASCADE, proc_macro2::Span::call_site()),
        preset: None,
        actions: Vec::new(),
        incomplete: false,
    };
    let mut keys: Vec<&str> = Preset::ALL.iter().map(|p| p.keyword()).collect();
    keys.extend(Action::ALL.iter().map(|a| a.keyword()));
    outer.parse_nested_meta(|meta| {
        let name = key_name(&meta);
        let ident = meta.path.get_ident().cloned();
        if let (Some(action), Some(key)) = (Action::from_keyword(&name), ident.as_ref()) {
            let value: Ident = meta.value()?.parse()?;
            let Some(v) = CascadeValue::from_name(&value.to_string()) else {
                cx.error_spanned_by(
                    &value,
                    unknown_key_message(
                        "cascade value",
                        &value.to_string(),
                        &CascadeValue::names(),
                    ),
                );
                out.incomplete = true;
                return Ok(());
            };
            if out.actions.iter().any(|(a, _, _)| *a == action) {
                cx.error_spanned_by(
                    key,
                    format!("duplicate cascade action `{name}`; remove one of them"),
                );
            } else {
                out.actions.push((action, v, value));
            }
        } else if let (Some(preset), Some(key)) = (Preset::from_keyword(&name), ident) {
            if meta.input.peek(Token![=]) || meta.input.peek(syn::token::Paren) {
                cx.error_spanned_by(
                    &key,
                    format!("the preset `{name}` takes no value; write `cascade({name}, ...)`"),
                );
                skip_value(&meta)?;
            } else if let Some((_, first)) = &out.preset {
                cx.error_spanned_by(
                    &key,
                    format!(
                        "`cascade` already starts from preset `{first}`; keep one preset and set single actions as `action = Value`"
                    ),
                );
            } else {
                out.preset = Some((preset, key));
            }
        } else {
            cx.error_spanned_by(
                &meta.path,
                unknown_key_message("cascade preset or action", &name, &keys),
            );
            out.incomplete = true;
            skip_value(&meta)?;
        }
        Ok(())
    })?;
    Ok(out)
}

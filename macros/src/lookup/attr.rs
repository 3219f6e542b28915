//! Parses `#[lookup(...)]` and `#[target(...)]`, recording every error.

use syn::{Attribute, Ident, LitStr, Path};

use super::cascade::{CascadeAttr, parse_cascade};
use crate::ctxt::Ctxt;
use crate::keys::{Keys, each_key};
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

/// Parses every `#[lookup(...)]` of the enum.
pub fn parse_lookup(cx: &Ctxt, attrs: &[&Attribute]) -> LookupAttr {
    let mut out = LookupAttr::default();
    let mut keys = Keys::new(cx, "`lookup` attribute");
    each_key(cx, attrs.iter().copied(), |meta| {
        let path = &meta.path;
        if path.is_ident(COLUMN) {
            keys.set(path, &mut out.column, meta.value()?.parse()?);
        } else if path.is_ident(TABLE) {
            keys.set(path, &mut out.table, meta.value()?.parse()?);
        } else if path.is_ident(NAVIGATION) {
            keys.set(path, &mut out.navigation, meta.value()?.parse()?);
        } else if path.is_ident(EXTENDS) {
            keys.set(path, &mut out.extends, meta.value()?.parse()?);
        } else if path.is_ident(FALLBACK) {
            keys.set(path, &mut out.fallback, meta.value()?.parse()?);
        } else if path.is_ident(BASE_VARIANT) {
            keys.set(path, &mut out.base, meta.value()?.parse()?);
        } else {
            out.had_unknown_key = true;
            keys.unknown(&meta, LOOKUP_KEYS)?;
        }
        Ok(())
    });
    out
}

/// Parses every `#[target(...)]` of one variant.
pub fn parse_target(cx: &Ctxt, attrs: &[&Attribute]) -> TargetAttr {
    let mut out = TargetAttr::default();
    let mut keys = Keys::new(cx, "`target` attribute");
    each_key(cx, attrs.iter().copied(), |meta| {
        let path = &meta.path;
        if path.is_ident(ENTITY_SET) {
            keys.set(path, &mut out.entity_set, meta.value()?.parse()?);
        } else if path.is_ident(NAVIGATION) {
            keys.set(path, &mut out.navigation, meta.value()?.parse()?);
        } else if path.is_ident(RELATIONSHIP) {
            keys.set(path, &mut out.relationship, meta.value()?.parse()?);
        } else if path.is_ident(REFERENCED_ATTRIBUTE) {
            keys.set(path, &mut out.referenced_attribute, meta.value()?.parse()?);
        } else if path.is_ident(REFERENCED_ENTITY) {
            keys.set(path, &mut out.referenced_entity, meta.value()?.parse()?);
        } else if let Some(system) = path.get_ident().filter(|i| *i == SYSTEM) {
            keys.set(path, &mut out.system, system.clone());
        } else if let Some(keyword) = path.get_ident().filter(|i| *i == CASCADE) {
            let cascade = CascadeAttr {
                keyword: keyword.clone(),
                ..parse_cascade(cx, &meta)?
            };
            keys.set(path, &mut out.cascade, cascade);
        } else {
            keys.unknown(&meta, TARGET_KEYS)?;
        }
        Ok(())
    });
    out
}

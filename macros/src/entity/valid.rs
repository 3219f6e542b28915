//! Checks the model before expansion; every problem goes to the collector.

use std::collections::HashMap;

use super::ast::{ColumnAttrs, Entity, FieldRole};
use crate::ctxt::Ctxt;

pub fn check(cx: &Ctxt, entity: &Entity) {
    let generics = &entity.item.generics;
    if !generics.params.is_empty() || generics.where_clause.is_some() {
        cx.error_spanned_by(
            generics,
            "`#[dataverse_entity]` does not take generic parameters: a table's columns have fixed types; remove them",
        );
    }
    check_identity(cx, entity);
    check_columns(cx, entity);
    check_special_fields(cx, entity);
    check_navigations(cx, entity);
}

/// Navigation names: the service's identifiers (letters, digits, `_`), each declared once.
fn check_navigations(cx: &Ctxt, entity: &Entity) {
    let mut seen: Vec<(String, &syn::LitStr)> = Vec::new();
    for (_, navigation) in entity.navigations() {
        let name = navigation.name.value();
        let valid = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !valid {
            cx.error_spanned_by(
                &navigation.name,
                format!("navigation name `{name}` must be letters, digits and `_`, spelled as the service does (e.g. `primarycontactid`, `Account_Tasks`)"),
            );
        }
        if let Some((_, first)) = seen.iter().find(|(n, _)| *n == name) {
            cx.error_spanned_by(
                &navigation.name,
                format!("navigation `{name}` is declared twice; remove one of them"),
            );
            cx.error_spanned_by(*first, format!("navigation `{name}` first declared here"));
        } else {
            seen.push((name, &navigation.name));
        }
    }
}

fn check_identity(cx: &Ctxt, entity: &Entity) {
    let args = &entity.args;
    let name = &entity.item.ident;
    if let Some(base) = &args.extends {
        let base_name = quote::quote!(#base).to_string().replace(' ', "");
        for (given, key) in [
            (&args.logical_name, "logical_name"),
            (&args.entity_set, "entity_set"),
            (&args.primary_id, "primary_id"),
            (&args.primary_name, "primary_name"),
        ] {
            if let Some(lit) = given {
                cx.error_spanned_by(
                    lit,
                    format!("`{key}` is inherited from `{base_name}`; remove it from this layer"),
                );
            }
        }
        if args.publisher_prefix.is_none() {
            cx.error_spanned_by(
                base,
                "an extension needs `publisher_prefix = \"...\"`, the prefix its new columns carry (e.g. `publisher_prefix = \"sample\"`)",
            );
        }
    } else {
        for (given, key, example) in [
            (&args.logical_name, "logical_name", "msdyn_ocsession"),
            (&args.entity_set, "entity_set", "msdyn_ocsessions"),
            (&args.primary_id, "primary_id", "activityid"),
        ] {
            if given.is_none() {
                cx.error_spanned_by(
                    name,
                    format!("`#[dataverse_entity]` needs `{key} = \"...\"` (e.g. `{key} = \"{example}\"`), or `extends = Base` to layer over another struct"),
                );
            }
        }
    }
    if let Some(prefix) = &args.publisher_prefix {
        let value = prefix.value();
        let valid = !value.is_empty()
            && value
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            && value.chars().next().is_some_and(|c| c.is_ascii_lowercase());
        if !valid {
            cx.error_spanned_by(
                prefix,
                format!("publisher prefix `{value}` must be lowercase letters and digits starting with a letter, without the `_` (e.g. `sample`)"),
            );
        }
    }
}

fn check_columns(cx: &Ctxt, entity: &Entity) {
    let mut seen: HashMap<String, &syn::Ident> = HashMap::new();
    for (field, column) in entity.columns() {
        let name = column.logical_name(&field.ident);
        let spanned: &dyn quote::ToTokens = match &column.attrs.logical_name {
            Some(lit) => lit,
            None => &field.ident,
        };
        if let Some(first) = seen.get(&name) {
            cx.error_spanned_by(
                spanned,
                format!("column `{name}` is already declared by field `{first}`; each column may appear once: remove one or fix its `logical_name`"),
            );
        } else {
            seen.insert(name.clone(), &field.ident);
        }
        if name.is_empty()
            || name
                .chars()
                .any(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
        {
            cx.error_spanned_by(
                spanned,
                format!("column logical name `{name}` must be lowercase letters, digits and `_`; set `#[dataverse(logical_name = \"...\")]`"),
            );
        }
        check_properties(cx, &column.attrs);
        if let (Some((min, span)), Some((max, _))) = (column.attrs.min, column.attrs.max)
            && min > max
        {
            cx.error_at(
                span,
                format!("`min = {min}` is greater than `max = {max}`; swap them"),
            );
        }
    }
}

/// The required level is given one way, and a Boolean's labels in pairs.
fn check_properties(cx: &Ctxt, attrs: &ColumnAttrs) {
    if let (Some(_), Some((level, span))) = (attrs.required, attrs.required_level) {
        cx.error_at(
            span,
            format!("`required` and `required_level = {level}` both set the required level; keep one (`required` is `required_level = ApplicationRequired`)"),
        );
    }
    let lone = match (&attrs.true_label, &attrs.false_label) {
        (Some((_, span)), None) => Some((*span, "true_label", "false_label")),
        (None, Some((_, span))) => Some((*span, "false_label", "true_label")),
        _ => None,
    };
    if let Some((span, given, missing)) = lone {
        cx.error_at(
            span,
            format!("`{given}` needs `{missing}` beside it: a Boolean column labels both options; add `{missing} = \"...\"`"),
        );
    }
}

fn check_special_fields(cx: &Ctxt, entity: &Entity) {
    let mut formatted = None;
    let mut etag = None;
    for field in &entity.fields {
        let slot = match field.role {
            FieldRole::FormattedValues => &mut formatted,
            FieldRole::Etag => &mut etag,
            FieldRole::Column(_) | FieldRole::Navigation(_) => continue,
        };
        if slot.is_some() {
            cx.error_spanned_by(
                &field.ident,
                "only one field may collect this; remove the other",
            );
        }
        *slot = Some(&field.ident);
    }
}

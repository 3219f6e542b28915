//! Checks on the model: each records errors and marks targets that the fallback must skip.

use std::collections::HashMap;

use syn::LitStr;

use super::ast::Lookup;
use super::cascade::{Action, CascadeValue};
use crate::ctxt::Ctxt;

pub fn check(cx: &Ctxt, lookup: &Lookup) {
    if let Some(message) = crate::builtin::name_taken(lookup.ident, "lookup") {
        cx.error_spanned_by(lookup.ident, message);
    }
    check_layer_keys(cx, lookup);
    check_names(cx, lookup);
    check_duplicates(cx, lookup);
    check_relationships(cx, lookup);
}

/// Letters, digits and `_`, not starting with a digit: an OData identifier.
pub fn is_odata_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if c.is_alphabetic() || c == '_' => {}
        _ => return false,
    }
    chars.all(|c| c.is_alphanumeric() || c == '_')
}

fn check_layer_keys(cx: &Ctxt, lookup: &Lookup) {
    if lookup.extends.is_some() {
        if let Some(column) = &lookup.column {
            cx.error_spanned_by(
                column,
                "an extension inherits `column` from its base lookup; remove `column`",
            );
        }
        if let Some(table) = &lookup.table {
            cx.error_spanned_by(
                table,
                "an extension inherits `table` from its base lookup; remove `table`",
            );
        }
        if let Some(fallback) = &lookup.fallback_key {
            cx.error_spanned_by(
                fallback,
                "an extension has no fallback of its own (unknown tables stay in its base's); remove `fallback`",
            );
        }
    } else {
        if lookup.column.is_none() && !lookup.had_unknown_key {
            cx.error_spanned_by(
                lookup.ident,
                "missing lookup column; add `#[lookup(column = \"<column logical name>\")]`, or `#[lookup(extends = Base)]` to extend another lookup",
            );
        }
        if lookup.table.is_none() && !lookup.had_unknown_key {
            cx.error_spanned_by(
                lookup.ident,
                "missing lookup table; a lookup belongs to one column of one table: add `table = \"<logical name of the table the column is on>\"` to `#[lookup(...)]`",
            );
        }
        if let Some(base) = &lookup.base_key {
            cx.error_spanned_by(
                base,
                "`base` names the variant that holds an extension's base value; it needs `extends = Base`",
            );
        }
        if lookup.targets.is_empty() {
            cx.error_spanned_by(
                lookup.ident,
                "a lookup needs at least one target; add `Variant = \"<table logical name>\"`",
            );
        }
    }
}

fn check_identifier(cx: &Ctxt, lit: &LitStr, what: &str) {
    if !is_odata_identifier(&lit.value()) {
        cx.error_spanned_by(
            lit,
            format!(
                "`{}` is not a valid {what}; use only letters, digits and `_`, not starting with a digit",
                lit.value()
            ),
        );
    }
}

fn check_names(cx: &Ctxt, lookup: &Lookup) {
    if let Some(column) = &lookup.column {
        check_identifier(cx, column, "column logical name");
    }
    if let Some(table) = &lookup.table {
        check_identifier(cx, table, "table logical name");
    }
    if let Some(pattern) = &lookup.pattern
        && !is_odata_identifier(&pattern.value().replace("{target}", "target"))
    {
        cx.error_spanned_by(
            pattern,
            format!(
                "`{}` is not a valid navigation property pattern; after replacing `{{target}}`, use only letters, digits and `_`, not starting with a digit",
                pattern.value()
            ),
        );
    }
    for target in lookup.targets.iter().filter(|t| !t.skip.get()) {
        check_identifier(cx, &target.table, "table logical name");
        match &target.attr.entity_set {
            Some(set) => check_identifier(cx, set, "entity set name"),
            None => cx.error_spanned_by(
                target.ident,
                format!(
                    "missing entity set of table `{}`; add `#[target(entity_set = \"...\")]` (the table's `EntitySetName`, e.g. `{}s`)",
                    target.table.value(),
                    target.table.value()
                ),
            ),
        }
        if let Some(nav) = &target.attr.navigation {
            check_identifier(cx, nav, "navigation property name");
        }
        for lit in [
            &target.attr.relationship,
            &target.attr.referenced_attribute,
            &target.attr.referenced_entity,
        ]
        .into_iter()
        .flatten()
        {
            check_identifier(cx, lit, "schema or logical name");
        }
    }
}

fn check_duplicates(cx: &Ctxt, lookup: &Lookup) {
    let generated = if lookup.extends.is_some() {
        (&lookup.base_variant, "base")
    } else {
        (&lookup.fallback, "fallback")
    };
    let mut variants: HashMap<String, usize> = HashMap::new();
    let mut tables: HashMap<String, usize> = HashMap::new();
    for i in 0..lookup.targets.len() {
        let target = &lookup.targets[i];
        let name = target.ident.to_string();
        if *generated.0 == name {
            let (key, fix) = if generated.1 == "base" {
                ("base", "Base")
            } else {
                ("fallback", "Unrecognized")
            };
            cx.error_spanned_by(
                target.ident,
                format!(
                    "variant `{name}` clashes with the generated {} variant; rename this variant, or rename that one with `#[lookup({key} = OtherName)]` (default `{fix}`)",
                    generated.1
                ),
            );
            lookup.targets[i].skip.set(true);
            continue;
        }
        if let Some(&first) = variants.get(&name) {
            cx.error_spanned_by(
                target.ident,
                format!(
                    "duplicate variant `{name}` (table `{}` is already `{name} = \"{}\"`); rename or remove one of them",
                    target.table.value(),
                    lookup.targets[first].table.value()
                ),
            );
            lookup.targets[i].skip.set(true);
            continue;
        }
        variants.insert(name, i);
        if target.skip.get() {
            continue;
        }
        let table = target.table.value();
        if let Some(&first) = tables.get(&table) {
            cx.error_spanned_by(
                &target.table,
                format!(
                    "table `{table}` is already a target of this lookup, as `{}`; remove one of them",
                    lookup.targets[first].ident
                ),
            );
            lookup.targets[i].duplicate_table.set(true);
        } else {
            tables.insert(table, i);
        }
    }
}

fn check_relationships(cx: &Ctxt, lookup: &Lookup) {
    for target in lookup.emitted() {
        let a = &target.attr;
        let Some(relationship) = &a.relationship else {
            if let Some(c) = &a.cascade {
                cx.error_spanned_by(
                    &c.keyword,
                    "`cascade` describes a relationship; add `relationship = \"<schema name>\"` and `referenced_attribute = \"...\"`, or remove `cascade`",
                );
            }
            if let Some(lit) = &a.referenced_attribute {
                cx.error_spanned_by(
                    lit,
                    "`referenced_attribute` describes a relationship; add `relationship = \"<schema name>\"`, or remove it",
                );
            }
            if let Some(lit) = &a.referenced_entity {
                cx.error_spanned_by(
                    lit,
                    "`referenced_entity` describes a relationship; add `relationship = \"<schema name>\"`, or remove it",
                );
            }
            if let Some(system) = &a.system {
                cx.error_spanned_by(
                    system,
                    "`system` marks a relationship; add `relationship = \"<schema name>\"`, or remove `system`",
                );
            }
            continue;
        };
        if a.referenced_attribute.is_none() {
            cx.error_spanned_by(
                relationship,
                format!(
                    "relationship `{}` needs the referenced table's key; add `referenced_attribute = \"{}id\"` (or whatever the key is)",
                    relationship.value(),
                    target.table.value()
                ),
            );
        }
        if a.system.is_some() || a.cascade.as_ref().is_some_and(|c| c.incomplete) {
            continue;
        }
        check_cascade(cx, target, relationship);
    }
}

fn list(values: &[CascadeValue]) -> String {
    values
        .iter()
        .map(|v| format!("`{}`", v.name()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn check_cascade(cx: &Ctxt, target: &super::ast::Target, relationship: &LitStr) {
    let values = target.cascade();
    for action in Action::ALL {
        let value = values[action.index()];
        let allowed = action.allowed();
        if allowed.contains(&value) {
            continue;
        }
        let keyword = action.keyword();
        let name = value.name();
        let hint = "or mark a platform relationship `system`";
        let Some(cascade) = &target.attr.cascade else {
            cx.error_spanned_by(
                relationship,
                format!(
                    "relationship `{}` leaves `{keyword}` at `{name}`, which a relationship's `{keyword}` cannot be; add `cascade(...)` with `{keyword}` one of {} (e.g. `cascade(referential)`), {hint}",
                    relationship.value(),
                    list(allowed)
                ),
            );
            continue;
        };
        if let Some((_, _, ident)) = cascade.actions.iter().find(|(a, _, _)| *a == action) {
            cx.error_spanned_by(
                ident,
                format!(
                    "cascade action `{keyword}` cannot be `{name}`; use one of {}, {hint}",
                    list(allowed)
                ),
            );
        } else if let Some((preset, ident)) = &cascade.preset {
            cx.error_spanned_by(
                ident,
                format!(
                    "preset `{}` sets `{keyword}` to `{name}`, which a relationship's `{keyword}` cannot be; add `{keyword} = ...` with one of {}, {hint}",
                    preset.keyword(),
                    list(allowed)
                ),
            );
        } else {
            cx.error_spanned_by(
                &cascade.keyword,
                format!(
                    "`cascade` leaves `{keyword}` at `{name}`, which a relationship's `{keyword}` cannot be; add `{keyword} = ...` with one of {}, start from a preset such as `cascade(referential, ...)`, {hint}",
                    list(allowed)
                ),
            );
        }
    }
}

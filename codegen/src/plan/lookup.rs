//! Lookups of the plan: targets with entity sets, navigation and relationships, split by prefix.

use std::collections::BTreeMap;

use super::builder::Builder;
use super::{LookupPlan, RelationshipPlan, TablePlan, TargetPlan};
use crate::folder::Table;
use crate::input::{Attribute, Cascade, Relationship};
use crate::naming::type_name;

fn cascade_of(c: &Cascade) -> [(&'static str, String); 8] {
    [
        ("archive", c.archive.clone()),
        ("assign", c.assign.clone()),
        ("delete", c.delete.clone()),
        ("merge", c.merge.clone()),
        ("reparent", c.reparent.clone()),
        ("rollup_view", c.rollup_view.clone()),
        ("share", c.share.clone()),
        ("unshare", c.unshare.clone()),
    ]
}

/// Whether a custom relationship may carry these values (the `lookup!` rules).
fn custom_allows(cascade: &[(&'static str, String); 8]) -> bool {
    cascade.iter().all(|(action, value)| {
        let allowed: &[&str] = match *action {
            "delete" => &["Cascade", "RemoveLink", "Restrict"],
            "merge" => &["Cascade", "NoCascade"],
            "archive" => &["Cascade", "RemoveLink", "Restrict", "NoCascade"],
            _ => &["Cascade", "Active", "UserOwned", "NoCascade"],
        };
        allowed.contains(&value.as_str())
    })
}

impl Builder<'_> {
    /// Declares the lookup of a column; returns the Rust names of the base and of the layer.
    pub(super) fn lookup(
        &mut self,
        table: &Table,
        attribute: &Attribute,
        struct_name: &str,
        layered_column: bool,
        plan: &mut TablePlan,
    ) -> Option<(String, Option<String>)> {
        let def = &table.definition;
        let column = attribute.logical_name.as_str();
        let rust_name = format!("{struct_name}{}", type_name(&attribute.schema_name));
        let layer_name = self
            .options
            .layer_prefix
            .as_deref()
            .map(|p| format!("{}{rust_name}", type_name(p)));
        let relationships: Vec<&Relationship> = def
            .many_to_one_relationships
            .iter()
            .filter(|r| r.referencing_attribute == column)
            .collect();
        let targets_listed = attribute.targets.clone().unwrap_or_default();
        // a relationship to a table that is no target (ownership: `owner`) serves every target
        let shared = relationships
            .iter()
            .find(|r| !targets_listed.contains(&r.referenced_entity));
        let mut shared_used = false;
        let mut targets = Vec::new();
        for target in &targets_listed {
            let Some(entity_set) = self.metadata.entity_sets.get(target) else {
                self.warn(
                    &def.logical_name,
                    column,
                    format!("target `{target}` skipped: its entity set is not in `entitysets.json` (save it with the request in the README)"),
                );
                continue;
            };
            let own = relationships
                .iter()
                .find(|r| &r.referenced_entity == target);
            let relationship = own.or(if shared_used { None } else { shared });
            let navigation = own
                .or(shared)
                .and_then(|r| r.referencing_entity_navigation_property_name.clone());
            let relationship_plan = relationship.map(|r| {
                let cascade = cascade_of(r.cascade_configuration.as_ref().unwrap_or(&Cascade {
                    archive: "NoCascade".into(),
                    assign: "NoCascade".into(),
                    delete: "NoCascade".into(),
                    merge: "NoCascade".into(),
                    reparent: "NoCascade".into(),
                    rollup_view: "NoCascade".into(),
                    share: "NoCascade".into(),
                    unshare: "NoCascade".into(),
                }));
                RelationshipPlan {
                    schema_name: r.schema_name.clone(),
                    referenced_attribute: r.referenced_attribute.clone(),
                    referenced_entity: (&r.referenced_entity != target)
                        .then(|| r.referenced_entity.clone()),
                    system: !custom_allows(&cascade),
                    cascade,
                }
            });
            if own.is_none() && relationship.is_some() {
                shared_used = true;
            }
            if navigation.is_none() {
                self.warn(
                    &def.logical_name,
                    column,
                    format!("target `{target}`: no relationship gives its navigation property; the lookup's pattern or the `lookup!` default applies"),
                );
            }
            targets.push(TargetPlan {
                variant: type_name(target),
                logical_name: target.clone(),
                entity_set: entity_set.clone(),
                navigation,
                relationship: relationship_plan,
            });
        }
        if targets.is_empty() {
            self.warn(
                &def.logical_name,
                column,
                "skipped: no target with a known entity set".to_owned(),
            );
            return None;
        }
        let (mut base_targets, layer_targets): (Vec<_>, Vec<_>) = targets
            .into_iter()
            .partition(|t| layered_column || !self.layered(&t.logical_name));
        let mut layer_targets = layer_targets;
        if base_targets.is_empty() {
            // a lookup needs a target: keep them in the base
            base_targets = std::mem::take(&mut layer_targets);
        }
        let pattern = navigation_pattern(&base_targets);
        for t in base_targets.iter_mut().chain(layer_targets.iter_mut()) {
            if let (Some(p), Some(n)) = (&pattern, &t.navigation)
                && &p.replace("{target}", &t.logical_name) == n
            {
                t.navigation = None;
            }
        }
        let ty = attribute.attribute_type.as_deref().unwrap_or("Lookup");
        let mut doc = vec![match attribute.display_name.text() {
            Some(display) => format!(" {display} (`{column}`, {ty})"),
            None => format!(" `{column}` ({ty})"),
        }];
        if let Some(d) = attribute.description.text().filter(|d| !d.is_empty()) {
            doc[0].push_str(": ");
            doc[0].push_str(d);
        }
        plan.lookups.push(LookupPlan {
            rust_name: rust_name.clone(),
            column: column.to_owned(),
            table: def.logical_name.clone(),
            doc,
            pattern,
            targets: base_targets,
            extends: None,
        });
        let layer_rust = (!layer_targets.is_empty()).then(|| layer_name.unwrap_or_default());
        if let Some(layer_rust) = &layer_rust {
            plan.lookups.push(LookupPlan {
                rust_name: layer_rust.clone(),
                column: column.to_owned(),
                table: def.logical_name.clone(),
                doc: vec![format!(
                    " The publisher layer of [`{rust_name}`]: the targets it adds."
                )],
                pattern: None,
                targets: layer_targets,
                extends: Some(rust_name.clone()),
            });
        }
        Some((rust_name, layer_rust))
    }
}

/// The navigation pattern (`<...>{target}<...>`) most targets follow, when at least two do.
fn navigation_pattern(targets: &[TargetPlan]) -> Option<String> {
    if targets.len() < 2 {
        return None;
    }
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for t in targets {
        if let Some(n) = &t.navigation
            && let Some(at) = n.find(&t.logical_name)
        {
            let p = format!("{}{{target}}{}", &n[..at], &n[at + t.logical_name.len()..]);
            *counts.entry(p).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(p, _)| p)
}

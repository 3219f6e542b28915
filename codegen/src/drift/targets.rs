//! A lookup's targets compared: added or removed, entity sets, navigation, relationships, cascades.

use super::difference::{Change, Differences};
use crate::input::{Attribute, EntityDefinition, Relationship};

impl Differences<'_> {
    /// Targets added or removed, their entity sets and navigation properties, and the
    /// declared relationships and their cascade actions.
    pub(super) fn targets(
        &mut self,
        name: &str,
        column: &Attribute,
        attribute: &Attribute,
        declared_table: &EntityDefinition,
        live_table: &EntityDefinition,
    ) {
        let declared_targets = column.targets.clone().unwrap_or_default();
        let live_targets = attribute.targets.clone().unwrap_or_default();
        let relationships = |t: &EntityDefinition| -> Vec<Relationship> {
            t.many_to_one_relationships
                .iter()
                .filter(|r| r.referencing_attribute == name)
                .cloned()
                .collect()
        };
        let (declared_rels, live_rels) = (relationships(declared_table), relationships(live_table));
        for target in &declared_targets {
            let item = format!("target `{target}`");
            if !live_targets.contains(target) {
                self.push(name, Change::TargetRemoved, &item, target, "-");
                continue;
            }
            if let (Some(old), Some(new)) = (
                self.declared.entity_sets.get(target),
                self.live.entity_sets.get(target),
            ) {
                self.compare(name, Change::EntitySet, &item, old, new);
            }
            let navigation = |rels: &[Relationship]| {
                rels.iter()
                    .find(|r| &r.referenced_entity == target)
                    .and_then(|r| r.referencing_entity_navigation_property_name.clone())
            };
            if let (Some(old), Some(new)) = (navigation(&declared_rels), navigation(&live_rels)) {
                self.compare(name, Change::Navigation, &item, &old, &new);
            }
        }
        for target in &live_targets {
            if !declared_targets.contains(target) {
                self.push(
                    name,
                    Change::TargetAdded,
                    &format!("target `{target}`"),
                    "-",
                    target,
                );
            }
        }
        for relationship in &declared_rels {
            let item = format!("relationship `{}`", relationship.schema_name);
            let Some(live) = live_rels
                .iter()
                .find(|r| r.schema_name == relationship.schema_name)
            else {
                // a removed target already says it
                if !declared_targets.contains(&relationship.referenced_entity)
                    || live_targets.contains(&relationship.referenced_entity)
                {
                    self.push(
                        name,
                        Change::RelationshipRemoved,
                        &item,
                        &relationship.schema_name,
                        "-",
                    );
                }
                continue;
            };
            if let (Some(old), Some(new)) = (
                &relationship.cascade_configuration,
                &live.cascade_configuration,
            ) {
                let pairs = [
                    ("Archive", &old.archive, &new.archive),
                    ("Assign", &old.assign, &new.assign),
                    ("Delete", &old.delete, &new.delete),
                    ("Merge", &old.merge, &new.merge),
                    ("Reparent", &old.reparent, &new.reparent),
                    ("RollupView", &old.rollup_view, &new.rollup_view),
                    ("Share", &old.share, &new.share),
                    ("Unshare", &old.unshare, &new.unshare),
                ];
                for (action, old, new) in pairs {
                    self.compare(name, Change::Cascade, &format!("{item} {action}"), old, new);
                }
            }
        }
    }
}

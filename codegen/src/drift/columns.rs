//! A table's columns compared: added or removed, kind, length, range, precision, required level.

use dataverse_model::ColumnKind;

use super::difference::{Change, Differences};
use super::options::option_set;
use crate::input::{Attribute, EntityDefinition};
use crate::plan::attribute_kind;

fn show<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| v.to_string())
}

fn number(n: Option<&serde_json::Number>) -> Option<f64> {
    n.and_then(|n| n.as_f64().or_else(|| n.to_string().parse().ok()))
}

impl Differences<'_> {
    /// Compares the table's entity set and every column, declared or in the environment.
    pub(super) fn table(&mut self, declared: &EntityDefinition, live: &EntityDefinition) {
        if let (Some(old), Some(new)) = (&declared.entity_set_name, &live.entity_set_name) {
            self.compare("", Change::EntitySet, "", old, new);
        }
        for column in &declared.attributes {
            match live
                .attributes
                .iter()
                .find(|a| a.logical_name == column.logical_name)
            {
                None => self.push(
                    &column.logical_name,
                    Change::ColumnRemoved,
                    "",
                    "declared",
                    "-",
                ),
                Some(attribute) => self.column(column, attribute, declared, live),
            }
        }
        for attribute in &live.attributes {
            if attribute_kind(attribute).is_ok()
                && !declared
                    .attributes
                    .iter()
                    .any(|c| c.logical_name == attribute.logical_name)
            {
                self.push(
                    &attribute.logical_name,
                    Change::ColumnAdded,
                    "",
                    "-",
                    attribute.attribute_type.as_deref().unwrap_or("?"),
                );
            }
        }
    }

    fn column(
        &mut self,
        column: &Attribute,
        attribute: &Attribute,
        declared_table: &EntityDefinition,
        live_table: &EntityDefinition,
    ) {
        let name = column.logical_name.as_str();
        let old_kind = attribute_kind(column).map_or_else(|e| e, |k| format!("{k:?}"));
        let kind = match attribute_kind(attribute) {
            Ok(kind) if format!("{kind:?}") == old_kind => kind,
            Ok(kind) => {
                return self.push(
                    name,
                    Change::ColumnRetyped,
                    "",
                    &old_kind,
                    &format!("{kind:?}"),
                );
            }
            Err(reason) => return self.push(name, Change::ColumnRetyped, "", &old_kind, &reason),
        };
        if kind == ColumnKind::Text && column.max_length.is_some() {
            let live_length = attribute
                .max_length
                .filter(|_| attribute.attribute_type.as_deref() != Some("EntityName"));
            self.compare(
                name,
                Change::MaxLength,
                "",
                &show(column.max_length),
                &show(live_length),
            );
        }
        let limits = match kind {
            ColumnKind::Integer => Some((f64::from(i32::MIN), f64::from(i32::MAX))),
            ColumnKind::BigInt => Some((i64::MIN as f64, i64::MAX as f64)),
            _ => None,
        };
        for (change, old, new, limit) in [
            (
                Change::Min,
                &column.min_value,
                &attribute.min_value,
                limits.map(|l| l.0),
            ),
            (
                Change::Max,
                &column.max_value,
                &attribute.max_value,
                limits.map(|l| l.1),
            ),
        ] {
            // a declared bound is compared; the type's own limit is no bound
            let old = number(old.as_ref());
            let new = number(new.as_ref()).filter(|v| Some(*v) != limit);
            if old.is_some() && old != new {
                self.push(name, change, "", &show(old), &show(new));
            }
        }
        if column.precision.is_some() {
            self.compare(
                name,
                Change::Precision,
                "",
                &show(column.precision),
                &show(attribute.precision),
            );
        }
        self.compare(
            name,
            Change::RequiredLevel,
            "",
            column.required_level(),
            attribute.required_level(),
        );
        self.defaults(name, column, attribute);
        if let Some(set) = option_set(column, self.declared) {
            self.options(name, set, attribute);
        }
        if column.targets.is_some() {
            self.targets(name, column, attribute, declared_table, live_table);
        }
    }
}

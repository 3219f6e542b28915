//! The builder's state, the entry point over the selected tables, and the layering rules.

use super::Plan;
use crate::folder::Metadata;
use crate::{Options, Warning};

/// What planning the tables shares: the inputs, the warnings so far and the plan being built.
pub(super) struct Builder<'a> {
    pub(super) metadata: &'a Metadata,
    pub(super) options: &'a Options,
    pub(super) warnings: &'a mut Vec<Warning>,
    pub(super) plan: &'a mut Plan,
    /// The table is the publisher's own: nothing in it is split off.
    pub(super) whole_table_layered: bool,
}

/// Builds the plan for the selected tables.
pub(crate) fn build(
    metadata: &Metadata,
    options: &Options,
    warnings: &mut Vec<Warning>,
) -> Result<Plan, crate::Error> {
    let mut plan = Plan::default();
    for name in &options.tables {
        if !metadata.tables.contains_key(name) {
            return Err(crate::Error::new(
                &metadata.root.join(name).join(crate::folder::ENTITY_FILE),
                None,
                format!("table `{name}` is not in the metadata folder; save its definition there"),
            ));
        }
    }
    let mut builder = Builder {
        metadata,
        options,
        warnings,
        plan: &mut plan,
        whole_table_layered: false,
    };
    for (name, table) in &metadata.tables {
        if options.tables.is_empty() || options.tables.contains(name) {
            let table_plan = builder.table(table);
            builder.plan.tables.push(table_plan);
        }
    }
    Ok(plan)
}

impl Builder<'_> {
    /// Whether a name with the publisher prefix goes to the layer (never within a table that
    /// is the publisher's own).
    pub(super) fn layered(&self, name: &str) -> bool {
        !self.whole_table_layered
            && self
                .options
                .layer_prefix
                .as_deref()
                .is_some_and(|p| name.starts_with(&format!("{p}_")))
    }

    /// The publisher's option value prefix, when `value` lies in its range.
    pub(super) fn layered_option(&self, value: i64) -> Option<u32> {
        self.options
            .layer_option_prefix
            .filter(|p| (i64::from(*p) * 10000..=i64::from(*p) * 10000 + 9999).contains(&value))
    }

    /// Records an attribute or target left out.
    pub(super) fn warn(&mut self, table: &str, column: &str, reason: String) {
        self.warnings.push(Warning {
            table: table.to_owned(),
            column: column.to_owned(),
            reason,
        });
    }
}

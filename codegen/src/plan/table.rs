//! One table's plan: its base struct, the publisher layer, and each column's choice or lookup.

use dataverse_model::ColumnKind;

use super::builder::Builder;
use super::column::column_plan;
use super::kind::attribute_kind;
use super::select::column_selected;
use super::text::doc_lines;
use super::{StructPlan, TablePlan};
use crate::folder::Table;
use crate::input::Attribute;
use crate::naming::type_name;

impl Builder<'_> {
    /// Plans one table: its base struct, the layer when the publisher adds columns, options
    /// or targets, and the choices and lookups its columns declare.
    pub(super) fn table(&mut self, table: &Table) -> TablePlan {
        let def = &table.definition;
        self.whole_table_layered = false;
        self.whole_table_layered = self.layered(&def.logical_name);
        let struct_name = type_name(&def.schema_name);
        let layer_name = self
            .options
            .layer_prefix
            .as_deref()
            .map(|p| format!("{}{struct_name}", type_name(p)));
        let mut plan = TablePlan {
            logical_name: def.logical_name.clone(),
            base: StructPlan {
                rust_name: struct_name.clone(),
                doc: doc_lines(def.description.text()),
                columns: Vec::new(),
                identity: Some((
                    def.logical_name.clone(),
                    def.entity_set_name
                        .clone()
                        .unwrap_or_else(|| format!("{}s", def.logical_name)),
                    def.primary_id_attribute.clone(),
                    def.primary_name_attribute.clone(),
                )),
                extends: None,
            },
            layer: None,
            choices: Vec::new(),
            lookups: Vec::new(),
        };
        if def.entity_set_name.is_none() {
            self.warn(
                &def.logical_name,
                "",
                "no `EntitySetName` in the definition; the entity set is assumed to be the logical name + `s`".to_owned(),
            );
        }
        let mut layer_columns = Vec::new();
        let state_choice = def
            .attributes
            .iter()
            .find(|a| a.attribute_type.as_deref() == Some("State"))
            .and_then(|a| a.option_set.as_ref().or(a.global_option_set.as_ref()))
            .cloned();
        let mut attributes: Vec<&Attribute> = def.attributes.iter().collect();
        attributes.sort_by(|a, b| a.logical_name.cmp(&b.logical_name));
        for attribute in attributes {
            let name = attribute.logical_name.as_str();
            if !column_selected(self.options, name) {
                continue;
            }
            let kind = match attribute_kind(attribute) {
                Ok(kind) => kind,
                Err(reason) => {
                    self.warn(&def.logical_name, name, format!("skipped: {reason}"));
                    continue;
                }
            };
            let mut column = column_plan(attribute, kind);
            let layered_column = self.layered(name);
            let mut layered_type = None;
            match kind {
                ColumnKind::Choice | ColumnKind::MultiChoice => {
                    let Some(set) = attribute
                        .option_set
                        .as_ref()
                        .or(attribute.global_option_set.as_ref())
                    else {
                        self.warn(
                            &def.logical_name,
                            name,
                            "skipped: no option set; save the attribute cast file with `$expand=OptionSet,GlobalOptionSet` (see the README)".to_owned(),
                        );
                        continue;
                    };
                    let is_status = attribute.attribute_type.as_deref() == Some("Status");
                    let Some((base, layer)) = self.choice(
                        set,
                        attribute,
                        is_status.then_some(()).and(state_choice.as_ref()),
                        layered_column,
                        &mut plan,
                    ) else {
                        continue;
                    };
                    column.type_ref = Some(base);
                    layered_type = layer;
                }
                ColumnKind::Lookup => {
                    match self.lookup(table, attribute, &struct_name, layered_column, &mut plan) {
                        Some((base, layer)) => {
                            column.type_ref = Some(base);
                            layered_type = layer;
                        }
                        None => continue,
                    }
                }
                _ => {}
            }
            if layered_column {
                layer_columns.push(column);
            } else {
                if let Some(layer_type) = layered_type {
                    let mut over = column.clone();
                    over.type_ref = Some(layer_type);
                    layer_columns.push(over);
                }
                plan.base.columns.push(column);
            }
        }
        if let (Some(layer_name), Some(prefix)) = (layer_name, &self.options.layer_prefix)
            && !layer_columns.is_empty()
        {
            plan.layer = Some(StructPlan {
                rust_name: layer_name,
                doc: vec![format!(
                    " The `{prefix}` publisher's layer over [`{struct_name}`]: its columns, options and targets."
                )],
                columns: layer_columns,
                identity: None,
                extends: Some((struct_name, prefix.clone())),
            });
        }
        plan
    }
}

//! Choices of the plan: one per option set (global ones once), split by option value prefix.

use super::builder::Builder;
use super::{ChoicePlan, OptionPlan, TablePlan};
use crate::input::{Attribute, OptionSet, OptionValue};
use crate::naming::{option_variants, type_name};

impl Builder<'_> {
    /// Declares the choice of a column (once for a global one); returns the Rust names of the
    /// base choice and of the layer, if the layer adds options; `None` (with a warning) for an
    /// option set without options.
    pub(super) fn choice(
        &mut self,
        set: &OptionSet,
        attribute: &Attribute,
        state: Option<&OptionSet>,
        layered_column: bool,
        table: &mut TablePlan,
    ) -> Option<(String, Option<String>)> {
        let global = set.is_global.unwrap_or(false);
        let set = if global && set.options.is_empty() {
            self.metadata
                .global_option_sets
                .get(&set.name)
                .unwrap_or(set)
        } else {
            set
        };
        let rust_name = if set.name.is_empty() {
            format!("{}Choice", type_name(&attribute.schema_name))
        } else {
            type_name(&set.name)
        };
        let layer_name = self
            .options
            .layer_prefix
            .as_deref()
            .map(|p| format!("{}{rust_name}", type_name(p)));
        for option in set
            .options
            .iter()
            .filter(|o| i32::try_from(o.value).is_err())
        {
            let reason = format!(
                "option {} skipped: its value is outside `i32`",
                option.value
            );
            self.warn(&table.logical_name, &attribute.logical_name, reason);
        }
        let (mut base_options, mut layer_options): (Vec<_>, Vec<_>) = set
            .options
            .iter()
            .filter(|o| i32::try_from(o.value).is_ok())
            // a layer of a status choice cannot say its options' states (`choice!` takes
            // `#[state]` only with `status_of`, which goes on the base): status options stay
            .partition(|o| {
                layered_column || state.is_some() || self.layered_option(o.value).is_none()
            });
        if base_options.is_empty() {
            // a choice needs an option: the base keeps them
            base_options = std::mem::take(&mut layer_options);
        }
        if base_options.is_empty() {
            let reason = format!("skipped: option set `{}` has no option", set.name);
            self.warn(&table.logical_name, &attribute.logical_name, reason);
            return None;
        }
        let state_names = state.map(|s| {
            let pairs: Vec<(i64, &str)> = s
                .options
                .iter()
                .map(|o| (o.value, o.label.text().unwrap_or("")))
                .collect();
            let names = option_variants(&pairs, &["Unrecognized"]);
            (
                type_name(&s.name),
                s.options
                    .iter()
                    .map(|o| o.value)
                    .zip(names)
                    .collect::<Vec<_>>(),
            )
        });
        let make_options = |options: &[&OptionValue], reserved: &[&str]| {
            let pairs: Vec<(i64, &str)> = options
                .iter()
                .map(|o| (o.value, o.label.text().unwrap_or("")))
                .collect();
            let names = option_variants(&pairs, reserved);
            options
                .iter()
                .zip(names)
                .map(|(o, variant)| OptionPlan {
                    // values outside `i32` were left out above
                    value: i32::try_from(o.value).unwrap_or_default(),
                    variant,
                    labels: o
                        .label
                        .all()
                        .into_iter()
                        .map(|(l, t)| (l, t.to_owned()))
                        .collect(),
                    description: o
                        .description
                        .text()
                        .filter(|d| !d.is_empty())
                        .map(str::to_owned),
                    state: o.state.and_then(|s| {
                        state_names
                            .as_ref()
                            .and_then(|(_, names)| names.iter().find(|(v, _)| *v == s))
                            .map(|(_, n)| n.clone())
                    }),
                })
                .collect::<Vec<_>>()
        };
        let mut doc = Vec::new();
        if let Some(display) = set.display_name.text().or(attribute.display_name.text()) {
            let description = set.description.text().or(attribute.description.text());
            doc.push(match description {
                Some(d) if !d.is_empty() => format!(" {display}: {d}"),
                _ => format!(" {display}"),
            });
            doc.push(String::new());
        }
        doc.push(format!(
            " Option set `{}`{}.",
            set.name,
            if global { " (global)" } else { "" }
        ));
        let base = ChoicePlan {
            rust_name: rust_name.clone(),
            name: set.name.clone(),
            global,
            doc,
            options: make_options(&base_options, &["Unrecognized"]),
            status_of: state_names.as_ref().map(|(n, _)| n.clone()),
            extends: None,
        };
        let layer = (!layer_options.is_empty()).then(|| ChoicePlan {
            rust_name: layer_name.clone().unwrap_or_default(),
            name: set.name.clone(),
            global,
            doc: vec![format!(
                " The publisher layer of [`{rust_name}`]: the options it adds."
            )],
            options: make_options(&layer_options, &["Base", "Unrecognized"]),
            status_of: None,
            extends: Some((
                rust_name.clone(),
                self.options.layer_option_prefix.unwrap_or_default(),
            )),
        });
        let layer_rust = layer.as_ref().map(|l| l.rust_name.clone());
        let mut both = vec![base];
        both.extend(layer);
        if global {
            self.plan.globals.entry(set.name.clone()).or_insert(both);
        } else if !table.choices.iter().any(|c| c.rust_name == rust_name) {
            table.choices.extend(both);
        }
        Some((rust_name, layer_rust))
    }
}

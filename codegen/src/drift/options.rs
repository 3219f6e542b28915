//! A column's options compared: Boolean and choice defaults, Boolean labels, choice options.

use super::difference::{Change, Differences};
use crate::folder::Metadata;
use crate::input::{Attribute, OptionSet};

/// The column's option set, the global one from `metadata` when the column gives only its
/// name.
pub(super) fn option_set<'a>(
    attribute: &'a Attribute,
    metadata: &'a Metadata,
) -> Option<&'a OptionSet> {
    let set = attribute
        .option_set
        .as_ref()
        .or(attribute.global_option_set.as_ref())?;
    Some(if set.options.is_empty() {
        metadata.global_option_sets.get(&set.name).unwrap_or(set)
    } else {
        set
    })
}

impl Differences<'_> {
    /// A declared Boolean default and labels, and a choice's default option (`-1`, none,
    /// when not declared), against the environment's where it gives them.
    pub(super) fn defaults(&mut self, name: &str, column: &Attribute, attribute: &Attribute) {
        let boolean = |a: &Attribute| a.default_value.as_ref().and_then(|v| v.as_bool());
        if let (Some(old), Some(new)) = (boolean(column), boolean(attribute)) {
            self.compare(
                name,
                Change::BooleanDefault,
                "",
                &old.to_string(),
                &new.to_string(),
            );
        }
        if let (Some(old), Some(new)) = (column.default_form_value, attribute.default_form_value) {
            self.compare(
                name,
                Change::ChoiceDefault,
                "",
                &old.to_string(),
                &new.to_string(),
            );
        }
        let (Some(declared), Some(live)) = (&column.option_set, &attribute.option_set) else {
            return;
        };
        for (value, old, new) in [
            (1, &declared.true_option, &live.true_option),
            (0, &declared.false_option, &live.false_option),
        ] {
            let (Some(old), Some(new)) = (old, new) else {
                continue;
            };
            for (lcid, label) in old.label.all() {
                self.compare(
                    name,
                    Change::BooleanRelabelled,
                    &format!("option {value} language {lcid}"),
                    label,
                    new.label.get(lcid).unwrap_or("-"),
                );
            }
        }
    }

    /// Options removed, relabelled or added.
    pub(super) fn options(&mut self, name: &str, declared: &OptionSet, attribute: &Attribute) {
        let Some(live) = option_set(attribute, self.live) else {
            return;
        };
        for option in &declared.options {
            let item = format!("option {}", option.value);
            match live.options.iter().find(|o| o.value == option.value) {
                None => self.push(
                    name,
                    Change::OptionRemoved,
                    &item,
                    option.label.text().unwrap_or(""),
                    "-",
                ),
                Some(live_option) => {
                    for (lcid, label) in option.label.all() {
                        let new = live_option.label.get(lcid).unwrap_or("-");
                        self.compare(
                            name,
                            Change::OptionRelabelled,
                            &format!("{item} language {lcid}"),
                            label,
                            new,
                        );
                    }
                }
            }
        }
        for option in &live.options {
            if !declared.options.iter().any(|o| o.value == option.value) {
                let item = format!("option {}", option.value);
                self.push(
                    name,
                    Change::OptionAdded,
                    &item,
                    "-",
                    option.label.text().unwrap_or(""),
                );
            }
        }
    }
}

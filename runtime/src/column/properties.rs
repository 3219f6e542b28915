//! What Dataverse records about a column besides its type and limits: its required level,
//! its default value and a Boolean column's two labels.

use std::fmt;

use crate::LocalizedLabel;

/// How strongly Dataverse asks for a column's value (the attribute's `RequiredLevel`), as the
/// metadata gives it.
///
/// Only [`ApplicationRequired`](Self::ApplicationRequired) makes a create fail validation
/// when the column has no value: the service fills
/// [`SystemRequired`](Self::SystemRequired) columns itself (the primary id, the owner, the
/// state), and [`Recommended`](Self::Recommended) is advice shown on forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum RequiredLevel {
    /// No requirement (`None`).
    #[default]
    None,
    /// Forms recommend a value (`Recommended`).
    Recommended,
    /// A create must give a value (`ApplicationRequired`; `#[dataverse(required)]`).
    ApplicationRequired,
    /// The service sets the value itself (`SystemRequired`).
    SystemRequired,
}

impl RequiredLevel {
    /// Every level, in the order Dataverse documents them.
    pub const ALL: [RequiredLevel; 4] = [
        Self::None,
        Self::Recommended,
        Self::ApplicationRequired,
        Self::SystemRequired,
    ];

    /// The level's name in Dataverse metadata (`"SystemRequired"`, ...).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::None => "None",
            Self::Recommended => "Recommended",
            Self::ApplicationRequired => "ApplicationRequired",
            Self::SystemRequired => "SystemRequired",
        }
    }

    /// The level named `name` as Dataverse metadata writes it; `None` for any other text.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|level| level.as_str() == name)
    }
}

impl fmt::Display for RequiredLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A column's default value: a Boolean's `DefaultValue` or a choice's `DefaultFormValue`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColumnDefault {
    /// A Boolean column's default.
    Boolean(bool),
    /// The value of the option a choice column defaults to. Dataverse writes "no default"
    /// as `-1`; that is no `ColumnDefault` at all.
    Choice(i32),
}

/// The labels of a Boolean column's two options (true is option 1, false option 0), in
/// every declared language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BooleanLabels {
    /// The true option's labels.
    pub true_labels: &'static [LocalizedLabel],
    /// The false option's labels.
    pub false_labels: &'static [LocalizedLabel],
}

impl BooleanLabels {
    /// The English (1033) label of option `value`, if declared.
    pub fn label(&self, value: bool) -> Option<&'static str> {
        self.label_in(value, 1033)
    }

    /// The label of option `value` in language `lcid`, if declared.
    pub fn label_in(&self, value: bool, lcid: u32) -> Option<&'static str> {
        let labels = if value {
            self.true_labels
        } else {
            self.false_labels
        };
        labels.iter().find(|l| l.lcid == lcid).map(|l| l.label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_names_round_trip_and_other_text_is_no_level() {
        for level in RequiredLevel::ALL {
            assert_eq!(RequiredLevel::from_name(level.as_str()), Some(level));
            assert_eq!(level.to_string(), level.as_str());
        }
        assert_eq!(RequiredLevel::from_name("systemrequired"), None);
        assert_eq!(RequiredLevel::from_name(""), None);
    }

    #[test]
    fn boolean_labels_by_option_and_language() {
        const LABELS: BooleanLabels = BooleanLabels {
            true_labels: &[
                LocalizedLabel {
                    lcid: 1033,
                    label: "Yes",
                },
                LocalizedLabel {
                    lcid: 1036,
                    label: "Oui",
                },
            ],
            false_labels: &[LocalizedLabel {
                lcid: 1033,
                label: "No",
            }],
        };
        assert_eq!(LABELS.label(true), Some("Yes"));
        assert_eq!(LABELS.label(false), Some("No"));
        assert_eq!(LABELS.label_in(true, 1036), Some("Oui"));
        assert_eq!(LABELS.label_in(false, 1036), None);
    }
}

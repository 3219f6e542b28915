//! What drift reports: one difference, what changed, and the list a comparison collects.

use std::fmt;

use crate::folder::Metadata;

/// What changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Change {
    /// The environment has a column the declarations do not (a projection may leave it out).
    ColumnAdded,
    /// A declared column is gone from the environment.
    ColumnRemoved,
    /// The column's kind differs.
    ColumnRetyped,
    /// The text column's maximum length differs.
    MaxLength,
    /// The smallest allowed number differs.
    Min,
    /// The largest allowed number differs.
    Max,
    /// The decimal places differ.
    Precision,
    /// The required level differs.
    RequiredLevel,
    /// A Boolean column's default differs.
    BooleanDefault,
    /// A Boolean option's label differs in one language.
    BooleanRelabelled,
    /// A choice column's default option differs.
    ChoiceDefault,
    /// The environment has an option the choice does not.
    OptionAdded,
    /// A declared option is gone.
    OptionRemoved,
    /// An option's label differs in one language.
    OptionRelabelled,
    /// The environment has a lookup target the declarations do not.
    TargetAdded,
    /// A declared lookup target is gone.
    TargetRemoved,
    /// A target's navigation property differs.
    Navigation,
    /// The table's or a target's entity set differs.
    EntitySet,
    /// A declared relationship is gone.
    RelationshipRemoved,
    /// A cascade action differs.
    Cascade,
}

/// One difference: where, what, the declared (old) and the environment's (new) value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Difference {
    /// The table's logical name.
    pub table: String,
    /// The column's logical name (empty for the table itself).
    pub column: String,
    /// What changed.
    pub change: Change,
    /// What it is about within the column (an option value and language, a target, a
    /// relationship and action); empty when the column says it all.
    pub item: String,
    /// The declared value (`-` for none).
    pub old: String,
    /// The environment's value (`-` for none).
    pub new: String,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`", self.table)?;
        if !self.column.is_empty() {
            write!(f, " column `{}`", self.column)?;
        }
        write!(f, ": {:?}", self.change)?;
        if !self.item.is_empty() {
            write!(f, " {}", self.item)?;
        }
        write!(f, ": declared {:?}, environment {:?}", self.old, self.new)
    }
}

/// The differences of one table, collected as the comparisons find them.
pub(super) struct Differences<'a> {
    pub(super) table: &'a str,
    pub(super) list: Vec<Difference>,
    pub(super) declared: &'a Metadata,
    pub(super) live: &'a Metadata,
}

impl Differences<'_> {
    /// Records a difference.
    pub(super) fn push(&mut self, column: &str, change: Change, item: &str, old: &str, new: &str) {
        self.list.push(Difference {
            table: self.table.to_owned(),
            column: column.to_owned(),
            change,
            item: item.to_owned(),
            old: old.to_owned(),
            new: new.to_owned(),
        });
    }

    /// Records a difference when `old` and `new` differ.
    pub(super) fn compare(
        &mut self,
        column: &str,
        change: Change,
        item: &str,
        old: &str,
        new: &str,
    ) {
        if old != new {
            self.push(column, change, item, old, new);
        }
    }
}

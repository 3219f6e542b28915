//! Cascade configuration of a many-to-one relationship.

use serde::{Deserialize, Serialize};

/// What an action on the referenced (parent) row does to referencing (child) rows.
/// Serialized with the Web API's names (`"NoCascade"`, `"Cascade"`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CascadeType {
    /// Do nothing to related rows.
    NoCascade,
    /// Apply the action to all related rows.
    Cascade,
    /// Apply the action to active related rows only.
    Active,
    /// Apply the action to related rows owned by the same owner.
    UserOwned,
    /// Remove the link (clear the lookup) on related rows.
    RemoveLink,
    /// Refuse the action while related rows exist.
    Restrict,
}

impl CascadeType {
    /// The Web API name, e.g. `"RemoveLink"`.
    pub const fn name(self) -> &'static str {
        match self {
            CascadeType::NoCascade => "NoCascade",
            CascadeType::Cascade => "Cascade",
            CascadeType::Active => "Active",
            CascadeType::UserOwned => "UserOwned",
            CascadeType::RemoveLink => "RemoveLink",
            CascadeType::Restrict => "Restrict",
        }
    }
}

impl std::fmt::Display for CascadeType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The eight cascade actions of a relationship, as `RelationshipDefinitions` returns them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CascadeConfiguration {
    /// When the parent is archived.
    pub archive: CascadeType,
    /// When the parent is assigned to another owner.
    pub assign: CascadeType,
    /// When the parent is deleted.
    pub delete: CascadeType,
    /// When the parent is merged into another row.
    pub merge: CascadeType,
    /// When the child's parent changes (reparent).
    pub reparent: CascadeType,
    /// Whether child rows roll up into the parent's views.
    pub rollup_view: CascadeType,
    /// When the parent is shared.
    pub share: CascadeType,
    /// When sharing of the parent is removed.
    pub unshare: CascadeType,
}

impl CascadeConfiguration {
    /// Every action NoCascade (also the starting point of per-action declarations).
    pub const fn no_cascade() -> Self {
        Self {
            archive: CascadeType::NoCascade,
            assign: CascadeType::NoCascade,
            delete: CascadeType::NoCascade,
            merge: CascadeType::NoCascade,
            reparent: CascadeType::NoCascade,
            rollup_view: CascadeType::NoCascade,
            share: CascadeType::NoCascade,
            unshare: CascadeType::NoCascade,
        }
    }

    /// Parental: Assign, Delete, Reparent, Share and Unshare Cascade; Archive, Merge and
    /// RollupView NoCascade.
    pub const fn parental() -> Self {
        Self {
            assign: CascadeType::Cascade,
            delete: CascadeType::Cascade,
            reparent: CascadeType::Cascade,
            share: CascadeType::Cascade,
            unshare: CascadeType::Cascade,
            ..Self::no_cascade()
        }
    }

    /// Referential: everything NoCascade but Delete RemoveLink.
    pub const fn referential() -> Self {
        Self {
            delete: CascadeType::RemoveLink,
            ..Self::no_cascade()
        }
    }

    /// Referential, restrict delete: everything NoCascade but Delete Restrict.
    pub const fn restrict() -> Self {
        Self {
            delete: CascadeType::Restrict,
            ..Self::no_cascade()
        }
    }

    /// The documented rule: parental when Assign, Reparent, Share or Unshare is Cascade,
    /// UserOwned or Active, or Delete is Cascade.
    pub const fn is_parental(&self) -> bool {
        const fn spreads(c: CascadeType) -> bool {
            matches!(
                c,
                CascadeType::Cascade | CascadeType::UserOwned | CascadeType::Active
            )
        }
        spreads(self.assign)
            || spreads(self.reparent)
            || spreads(self.share)
            || spreads(self.unshare)
            || matches!(self.delete, CascadeType::Cascade)
    }

    /// The actions with their Web API names, in the order Dataverse documents them.
    pub const fn actions(&self) -> [(&'static str, CascadeType); 8] {
        [
            ("Archive", self.archive),
            ("Assign", self.assign),
            ("Delete", self.delete),
            ("Merge", self.merge),
            ("Reparent", self.reparent),
            ("RollupView", self.rollup_view),
            ("Share", self.share),
            ("Unshare", self.unshare),
        ]
    }
}

impl Default for CascadeConfiguration {
    fn default() -> Self {
        Self::no_cascade()
    }
}

//! Lookup columns: the [`Lookup`] trait, target and relationship metadata.

use std::fmt;
use std::hash::Hash;

use crate::{CascadeConfiguration, Guid};

/// A many-to-one relationship, as declared on a lookup target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RelationshipMetadata {
    /// The relationship's schema name, e.g. `sample_bankaccount_msdyn_ocsessions`.
    pub schema_name: &'static str,
    /// The referenced ("one" side) table, e.g. `sample_bankaccount`.
    pub referenced_entity: &'static str,
    /// The referenced table's key, e.g. `sample_bankaccountid`.
    pub referenced_attribute: &'static str,
    /// The lookup column on the referencing table, e.g. `regardingobjectid`.
    pub referencing_attribute: &'static str,
    /// The referencing side's single-valued navigation property (the `@odata.bind` key).
    pub referencing_navigation: &'static str,
    /// What actions on the parent do to this table's rows.
    pub cascade: CascadeConfiguration,
    /// A platform relationship (e.g. ownership) that may carry values custom ones may not.
    pub system: bool,
}

impl RelationshipMetadata {
    /// Whether the relationship is parental (see [`CascadeConfiguration::is_parental`]).
    pub const fn is_parental(&self) -> bool {
        self.cascade.is_parental()
    }
}

/// One table a lookup can point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TargetMetadata {
    /// The target table's logical name, e.g. `account`.
    pub logical_name: &'static str,
    /// The Rust variant that stands for the target.
    pub variant: &'static str,
    /// The target table's entity set, e.g. `accounts`.
    pub entity_set: &'static str,
    /// The single-valued navigation property used as `<navigation>@odata.bind`.
    pub navigation: &'static str,
    /// The many-to-one relationship behind the target, where declared.
    pub relationship: Option<RelationshipMetadata>,
    /// The layer (Rust type name of the lookup) that declared the target.
    pub layer: &'static str,
}

/// `'static` description of a lookup column and the layer that declared it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LookupMetadata {
    /// The lookup column's logical name, e.g. `regardingobjectid`.
    pub column: &'static str,
    /// The logical name of the table the column belongs to, e.g. `msdyn_ocsession` (the
    /// lookup fits that table and its extensions only).
    pub table: &'static str,
    /// The navigation pattern with `{target}`, inherited by extensions.
    pub navigation_pattern: Option<&'static str>,
    /// The Rust type name of this layer.
    pub layer: &'static str,
    /// The targets this layer declares.
    pub targets: &'static [TargetMetadata],
    /// The lookup this layer extends, if any.
    pub base: Option<&'static LookupMetadata>,
}

impl LookupMetadata {
    /// The target for table `logical_name`, searching this layer, then its bases.
    pub const fn target(&'static self, logical_name: &str) -> Option<&'static TargetMetadata> {
        let mut layer = Some(self);
        while let Some(current) = layer {
            let mut i = 0;
            while i < current.targets.len() {
                if crate::text::const_str_eq(current.targets[i].logical_name, logical_name) {
                    return Some(&current.targets[i]);
                }
                i += 1;
            }
            layer = current.base;
        }
        None
    }

    /// [`target`](Self::target) for run time: the same answer, compared with the
    /// standard library's `==` (the `const` form compares byte by byte; decode speed).
    #[inline]
    pub fn find_target(&'static self, logical_name: &str) -> Option<&'static TargetMetadata> {
        self.layers()
            .flat_map(|layer| layer.targets.iter())
            // length and first byte first: most targets differ there, without a call to
            // `memcmp`
            .find(|target| {
                let name = target.logical_name.as_bytes();
                name.len() == logical_name.len()
                    && name.first() == logical_name.as_bytes().first()
                    && name == logical_name.as_bytes()
            })
    }

    /// True when some layer targets table `logical_name`.
    pub const fn has_target(&'static self, logical_name: &str) -> bool {
        self.target(logical_name).is_some()
    }

    /// How many targets this layer and its bases declare.
    pub const fn target_count(&'static self) -> usize {
        let mut count = 0;
        let mut layer = Some(self);
        while let Some(current) = layer {
            count += current.targets.len();
            layer = current.base;
        }
        count
    }

    /// The navigation pattern in force: this layer's, else the nearest base's.
    pub const fn effective_pattern(&'static self) -> Option<&'static str> {
        let mut layer = Some(self);
        while let Some(current) = layer {
            if current.navigation_pattern.is_some() {
                return current.navigation_pattern;
            }
            layer = current.base;
        }
        None
    }

    /// The layers from this one down to the bottom-most base.
    pub fn layers(&'static self) -> impl Iterator<Item = &'static LookupMetadata> {
        std::iter::successors(Some(self), |m| m.base)
    }

    /// Every target, base layers first, in declaration order.
    pub fn all_targets(&'static self) -> impl Iterator<Item = &'static TargetMetadata> {
        let mut layers: Vec<&'static LookupMetadata> = self.layers().collect();
        layers.reverse();
        layers.into_iter().flat_map(|l| l.targets.iter())
    }

    /// Every declared relationship, base layers first.
    pub fn relationships(&'static self) -> impl Iterator<Item = &'static RelationshipMetadata> {
        self.all_targets().filter_map(|t| t.relationship.as_ref())
    }
}

/// A target the lookup's declaration does not know, kept so nothing is lost.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnknownTarget {
    /// The target table's logical name (from `lookuplogicalname`).
    pub logical_name: String,
    /// The referenced row's id.
    pub id: Guid,
    /// The navigation property the service reported (`associatednavigationproperty`), if any.
    pub navigation: Option<String>,
}

/// What a lookup value points at, borrowed from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LookupRef<'a> {
    /// A target some layer declares, and the referenced row's id.
    Known(&'static TargetMetadata, Guid),
    /// A table no layer declares, kept as read.
    Unknown(&'a UnknownTarget),
}

impl LookupRef<'_> {
    /// Same target (the same declared variant, or the same unknown table) and same id: the
    /// equality of `lookup!` types.
    pub fn same_as(&self, other: &LookupRef<'_>) -> bool {
        match (self, other) {
            (LookupRef::Known(a, a_id), LookupRef::Known(b, b_id)) => {
                std::ptr::eq(*a, *b) && a_id == b_id
            }
            (LookupRef::Unknown(a), LookupRef::Unknown(b)) => a == b,
            _ => false,
        }
    }

    /// Hashes what [`same_as`](Self::same_as) compares (the table's name and the id).
    pub fn hash_into<H: std::hash::Hasher>(&self, state: &mut H) {
        match self {
            LookupRef::Known(target, id) => (target.logical_name, id).hash(state),
            LookupRef::Unknown(unknown) => (unknown.logical_name.as_str(), unknown.id).hash(state),
        }
    }
}

/// A lookup type, generated by [`lookup!`](crate::lookup!): one variant per target table
/// carrying the row id, plus a fallback that keeps an unknown target.
///
/// The macro implements [`from_target`](Lookup::from_target) and
/// [`target_ref`](Lookup::target_ref); everything else follows from those two.
pub trait Lookup: Clone + Eq + Hash + fmt::Debug + 'static {
    /// The lookup's column, targets and layers.
    const METADATA: &'static LookupMetadata;

    /// The value for table `logical_name` and row `id`; an unknown table goes to the fallback.
    fn from_target(logical_name: &str, id: Guid) -> Self;

    /// The target and id this value points at.
    fn target_ref(&self) -> LookupRef<'_>;

    /// The referenced row's id.
    fn id(&self) -> Guid {
        match self.target_ref() {
            LookupRef::Known(_, id) => id,
            LookupRef::Unknown(unknown) => unknown.id,
        }
    }

    /// The referenced table's logical name.
    fn logical_name(&self) -> &str {
        match self.target_ref() {
            LookupRef::Known(target, _) => target.logical_name,
            LookupRef::Unknown(unknown) => &unknown.logical_name,
        }
    }

    /// The target's metadata; `None` for an unknown target.
    fn target(&self) -> Option<&'static TargetMetadata> {
        match self.target_ref() {
            LookupRef::Known(target, _) => Some(target),
            LookupRef::Unknown(_) => None,
        }
    }

    /// True when the target is declared in some layer.
    fn is_known(&self) -> bool {
        self.target().is_some()
    }

    /// The navigation property (the `@odata.bind` key); `None` for an unknown target the
    /// service did not name.
    fn navigation(&self) -> Option<&str> {
        match self.target_ref() {
            LookupRef::Known(target, _) => Some(target.navigation),
            LookupRef::Unknown(unknown) => unknown.navigation.as_deref(),
        }
    }

    /// `/<entity set>(<id>)`, the `@odata.bind` value; `None` for an unknown target, whose
    /// entity set is not known.
    fn bind_path(&self) -> Option<String> {
        self.target()
            .map(|t| format!("/{}({})", t.entity_set, self.id()))
    }
}

//! What cascades did, recorded for tests to read ([`Emulator::journal`](crate::Emulator::journal)).

use uuid::Uuid;

/// What a cascade did to one related row, recorded in [`Emulator::journal`](crate::Emulator::journal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CascadeEvent {
    /// The parent's action: `"Delete"` or `"Assign"`.
    pub action: &'static str,
    /// The relationship's schema name (empty for a target declared without one).
    pub relationship: &'static str,
    /// The parent row's table and id.
    pub parent: (&'static str, Uuid),
    /// The related row's table and id.
    pub child: (&'static str, Uuid),
    /// What happened to the related row.
    pub effect: CascadeEffect,
}

/// What a cascade did to a related row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CascadeEffect {
    /// Deleted with its parent (Delete `Cascade`).
    Deleted,
    /// Its lookup to the parent cleared (Delete `RemoveLink`).
    LinkRemoved,
    /// Given the parent's new owner (Assign `Cascade`, `Active` or `UserOwned`).
    Assigned,
}

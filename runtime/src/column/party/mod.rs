//! Party-list columns (`from`, `to`, `cc`, ...): the parties of an activity.
//!
//! The Web API has no property for a party list on the row: every party of an activity is a
//! row of `activityparty` in the activity's `<table>_activity_parties` collection, with a
//! participation type that says which column it belongs to. Reading gathers that collection
//! (an expansion: `$expand=<table>_activity_parties`) and hands each column the parties of
//! its type; a create body writes the parties of every column into that one collection.

mod codec;
mod model;
mod read;

pub(crate) use codec::{PartyBody, PartyResponse};
pub use model::{ActivityParty, ParticipationType, PartyList, PartyRef};
pub use read::ActivityParties;

//! Microsoft Dataverse tables as Rust types.
//!
//! Declare choice (option set) columns with [`choice!`], lookup columns with their target
//! tables, relationships and cascade configuration with [`lookup!`], and tables with
//! [`macro@dataverse_entity`]. You get typed values, Web API JSON (de)serialization,
//! `'static` metadata and validation; schema mistakes are compile errors at your source line.
//!
//! ```
//! use dataverse_model::{choice, Choice};
//!
//! choice! {
//!     /// Reasons recorded on Omnichannel session events.
//!     #[choice(name = "msdyn_occallsessioneventreasons", global)]
//!     pub enum SessionEventReason {
//!         Default = 192_350_000,
//!         AgentTransfer = 192_350_001,
//!         #[label = "PostchatSurvey"]
//!         PostChatSurvey = 192_350_004,
//!     }
//! }
//!
//! let reason = SessionEventReason::from_value(192_350_004);
//! assert_eq!(reason, SessionEventReason::PostChatSurvey);
//! assert_eq!(reason.label(), Some("PostchatSurvey"));
//! assert!(!SessionEventReason::from_value(7).is_known());
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod cascade;
mod choice;
mod choices;
mod column;
mod entity;
mod error;
mod field;
mod lookup;
#[doc(hidden)]
pub mod lookup_column;
mod reader;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use cascade::{CascadeConfiguration, CascadeType};
pub use choice::{Choice, ChoiceMetadata, LocalizedLabel, OptionMetadata, StatusChoice};
pub use choices::{Choices, MAX_MULTI_SELECT_VALUES, ParseChoicesError};
pub use column::{ColumnKind, ColumnValue};
pub use entity::{
    ColumnMetadata, Entity, EntityMetadata, FormattedValues, Operation, Page, Payload,
};
pub use error::{DecodeError, ParseChoiceError, Rule, ValidationError, ValidationErrors};
pub use field::Field;
pub use lookup::{Lookup, LookupMetadata, RelationshipMetadata, TargetMetadata, UnknownTarget};

/// A Dataverse unique identifier (`Edm.Guid`).
pub use uuid::Uuid as Guid;

pub use dataverse_model_macros::dataverse_entity;

#[doc(hidden)]
pub use dataverse_model_macros::{choice_impl as __choice_impl, lookup_impl as __lookup_impl};

/// Declares a choice (option set): an enum with one variant per option and a fallback.
///
/// See the crate documentation and DESIGN.md's "Choices" and "Layers".
#[macro_export]
macro_rules! choice {
    ($($input:tt)*) => {
        $crate::__choice_impl! { { $crate } $($input)* }
    };
}

/// Declares a lookup: an enum with one variant per target table carrying the row id.
///
/// See the crate documentation and DESIGN.md's "Lookups" and "Layers".
#[macro_export]
macro_rules! lookup {
    ($($input:tt)*) => {
        $crate::__lookup_impl! { { $crate } $($input)* }
    };
}

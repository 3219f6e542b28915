//! The macros' output names everything by absolute path: it compiles under `#![deny(warnings)]`
//! beside shadowed prelude names and a local `mod dataverse_model`.
#![deny(warnings, missing_docs)]

/// Shadows prelude and runtime names that generated code must not pick up.
pub mod shadowed {
    #![allow(unused_imports)]

    /// Not the prelude's `Result`.
    pub struct Result;
    /// Not the prelude's `Ok`.
    pub struct Ok;
    /// Not the prelude's `Option`.
    pub struct Option;
    /// Not the prelude's `Some`.
    pub struct Some;
    /// Not the prelude's `None`.
    pub struct None;
    /// Not the prelude's `String`.
    pub struct String;
    /// Not the prelude's `Default`.
    pub struct Default;
    /// Not the prelude's `Box`.
    pub struct Box;
    /// Not the runtime crate.
    pub mod dataverse_model {}
    /// Not `core`.
    pub mod core {}
}

/// Uses the macros where every shadowed name is in scope.
pub mod choices {
    #![allow(unused_imports)]
    use super::shadowed::*;

    ::dataverse_model::choice! {
        /// Reasons recorded on Omnichannel session events.
        #[choice(name = "msdyn_occallsessioneventreasons", global)]
        pub enum SessionEventReason {
            /// The default reason.
            Default = 192_350_000,
            /// An agent transferred the session.
            AgentTransfer = 192_350_001,
            /// The bot handed over.
            BotTransferSession = 192_350_024,
            /// Sent as `None` in some places: a variant name that shadows the prelude.
            None = 192_350_002,
        }
    }

    ::dataverse_model::choice! {
        /// The Sales layer.
        #[choice(extends = SessionEventReason, option_prefix = 19235, base = Inherited)]
        pub enum SalesSessionEventReason {
            /// Relabelled by Sales.
            #[overrides]
            #[label(1033 = "BotTransferSession ", 1036 = "Transfert du bot ")]
            BotTransferSession = 192_350_024,
            /// New in Sales.
            Some = 192_350_100,
        }
    }

    ::dataverse_model::choice! {
        /// Activity status.
        #[choice(name = "msdyn_ocsession_statecode", fallback = Other)]
        pub enum SessionState {
            /// Open.
            Open = 0,
            /// Completed.
            Completed = 1,
        }
    }

    ::dataverse_model::choice! {
        /// Status reason.
        #[choice(name = "msdyn_ocsession_statuscode", status_of = SessionState)]
        pub enum SessionStatus {
            /// Open.
            #[state = Open]
            Open = 1,
            /// Completed.
            #[state = Completed]
            Ok = 2,
        }
    }

    // (lookup! uses go here)
}

#[test]
fn generated_code_works_beside_shadowed_names() {
    use ::dataverse_model::{Choice, StatusChoice};
    use choices::*;

    let sales = SalesSessionEventReason::from_value(192_350_024);
    ::core::assert_eq!(sales, SalesSessionEventReason::BotTransferSession);
    ::core::assert_eq!(
        sales.label_in(1036),
        ::core::option::Option::Some("Transfert du bot ")
    );
    ::core::assert_eq!(
        SalesSessionEventReason::from_value(192_350_002),
        SalesSessionEventReason::Inherited(SessionEventReason::None)
    );
    ::core::assert!(SalesSessionEventReason::Some.is_known());
    ::core::assert_eq!(
        SessionStatus::Ok.state(),
        ::core::option::Option::Some(SessionState::Completed)
    );
    ::core::assert_eq!(SessionState::from_value(5), SessionState::Other(5));
    ::core::assert_eq!(<SessionEventReason as Choice>::METADATA.len(), 4);
}

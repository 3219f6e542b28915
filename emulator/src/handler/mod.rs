//! Requests in, responses out: the URL's resource path, the method, the headers.
//!
//! Paths are those of "Perform operations using the Web API": `<entity set>`,
//! `<entity set>(<id>)`, `<entity set>(<id>)/<navigation>/$ref`, `$batch`, under the service
//! root `/api/data/v9.x/` (a path without that root is read relative to it).
//!
//! Documentation:
//! <https://learn.microsoft.com/power-apps/developer/data-platform/webapi/perform-operations-web-api>
//! <https://learn.microsoft.com/power-apps/developer/data-platform/webapi/associate-disassociate-entities-using-web-api>

mod call;
#[cfg(feature = "entity-definitions")]
mod metadata;
mod read;
mod reference;
mod write;

pub(crate) use call::{Call, Reply, reads_only, service_root};

use crate::ops::State;

/// Answers one call (a `$batch` is taken apart by the batch module first).
pub(crate) fn handle(state: &mut State, call: &Call<'_>) -> Reply {
    write::dispatch(state, call).unwrap_or_else(Reply::from)
}

/// Answers one call that only reads.
pub(crate) fn handle_read(state: &State, call: &Call<'_>) -> Reply {
    read::read(state, call).unwrap_or_else(Reply::from)
}

//! `$batch`: placeholder replaced below.
use crate::handler::{Call, Reply};
use crate::ops::State;

pub(crate) fn is_batch(call: &Call<'_>) -> bool {
    call.path.trim_end_matches('/').ends_with("/$batch") || call.path == "$batch"
}

pub(crate) fn handle(_state: &mut State, _call: &Call<'_>) -> Reply {
    crate::ServiceError::not_emulated("$batch").into()
}

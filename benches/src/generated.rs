//! (a) The generated model: a 25-column projection of `Session` with `#[dataverse_entity]`,
//! the same column types and attributes as `tests/src/session.rs`.

use dataverse_model::{FormattedValues, Guid, Operation, Page, ValidationErrors, dataverse_entity};
use dataverse_model_tests::session_choices::{
    SessionEventReason, SessionPriority, SessionState, SessionStatus, StreamSource,
};
use dataverse_model_tests::session_lookups::Regarding;
use time::OffsetDateTime;

/// The workload's columns of a Session row.
#[dataverse_entity(
    logical_name = "msdyn_ocsession",
    entity_set = "msdyn_ocsessions",
    primary_id = "activityid",
    primary_name = "subject"
)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SessionRow {
    pub activityid: Option<Guid>,
    #[dataverse(required, max_length = 200)]
    pub subject: Option<String>,
    #[dataverse(max_length = 2000)]
    pub description: Option<String>,
    #[dataverse(max_length = 100)]
    pub msdyn_sessionid: Option<String>,
    pub owneridtype: Option<String>,
    #[dataverse(required)]
    pub msdyn_queueassignedreason: Option<SessionEventReason>,
    #[dataverse(required)]
    pub msdyn_sessioncreationreason: Option<SessionEventReason>,
    pub regardingobjectid: Option<Regarding>,
    pub statecode: Option<SessionState>,
    pub statuscode: Option<SessionStatus>,
    pub msdyn_channel: Option<StreamSource>,
    pub prioritycode: Option<SessionPriority>,
    pub msdyn_sessioncreatedon: Option<OffsetDateTime>,
    pub msdyn_sessionclosedon: Option<OffsetDateTime>,
    pub msdyn_agentassignedon: Option<OffsetDateTime>,
    pub msdyn_queueassignedon: Option<OffsetDateTime>,
    pub actualstart: Option<OffsetDateTime>,
    pub actualend: Option<OffsetDateTime>,
    #[dataverse(min = 0)]
    pub msdyn_sessionwrapuptimeinseconds: Option<i32>,
    #[dataverse(min = 0)]
    pub msdyn_sessionactivewrapuptimeinseconds: Option<i32>,
    #[dataverse(min = 0)]
    pub actualdurationminutes: Option<i32>,
    #[dataverse(min = -1)]
    pub timezoneruleversionnumber: Option<i32>,
    pub isbilled: Option<bool>,
    #[dataverse(read_only)]
    pub versionnumber: Option<i64>,
    #[dataverse(read_only)]
    pub createdon: Option<OffsetDateTime>,
    #[dataverse(formatted_values)]
    pub formatted: FormattedValues,
    #[dataverse(etag)]
    pub etag: Option<String>,
}

pub fn decode(json: &str) -> Vec<SessionRow> {
    serde_json::from_str::<Page<SessionRow>>(json)
        .expect("page decodes")
        .value
}

/// Appends the create body of `row` to `out`.
pub fn encode(row: &SessionRow, out: &mut Vec<u8>) {
    serde_json::to_writer(out, &row.create_payload()).expect("row encodes");
}

pub fn validate(row: &SessionRow) -> Result<(), ValidationErrors> {
    row.validate(Operation::Create)
}

use dataverse_model::{dataverse_entity, Field, Guid};

#[dataverse_entity(logical_name = "msdyn_ocsession", entity_set = "msdyn_ocsessions", primary_id = "activityid")]
pub struct Session {
    pub activityid: Option<Guid>,
    pub subject: Option<String>,
}

#[dataverse_entity(extends = Session, publisher_prefix = "sample")]
pub struct SalesSession {
    pub activityid: Option<Guid>,
    pub subject: Field<i32>,
}

fn main() {}

use dataverse_model::{dataverse_entity, lookup, Guid};

lookup! {
    #[lookup(column = "ownerid", table = "msdyn_ocsession")]
    pub enum Owner {
        #[target(entity_set = "systemusers")]
        User = "systemuser",
    }
}

#[dataverse_entity(logical_name = "msdyn_ocsession", entity_set = "msdyn_ocsessions", primary_id = "activityid")]
pub struct Session {
    pub activityid: Option<Guid>,
    pub createdby: Option<Owner>,
}

fn main() {}

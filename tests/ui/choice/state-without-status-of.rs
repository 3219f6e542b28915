use dataverse_model::choice;

choice! {
    #[choice(name = "msdyn_ocsession_statuscode")]
    pub enum SessionStatus {
        #[state = Open]
        Open = 1,
    }
}

fn main() {}

use dataverse_model::choice;

choice! {
    #[choice(name = "msdyn_ocsession_statecode")]
    pub enum SessionState {
        Open = 0,
        Completed = 1,
    }
}

choice! {
    #[choice(name = "msdyn_ocsession_statuscode", status_of = SessionState)]
    pub enum SessionStatus {
        #[state = Open]
        Open = 1,
        #[state = Closed]
        Completed = 2,
    }
}

fn main() {}

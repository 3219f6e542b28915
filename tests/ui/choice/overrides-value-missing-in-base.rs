use dataverse_model::choice;

choice! {
    #[choice(name = "msdyn_occallsessioneventreasons", global)]
    pub enum SessionEventReason {
        Default = 192_350_000,
    }
}

choice! {
    #[choice(extends = SessionEventReason, option_prefix = 19235)]
    pub enum SalesSessionEventReason {
        #[overrides]
        #[label = "BotTransferSession "]
        BotTransferSession = 192_350_024,
    }
}

fn main() {}

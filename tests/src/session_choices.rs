//! Every choice column of the Session table (`msdyn_ocsession`), as documented for the base
//! (Omnichannel) layer, and the Dynamics 365 Sales layer of `msdyn_occallsessioneventreasons`.
//!
//! Values and labels are copied from the table's reference page; labels are kept byte for
//! byte. Boolean columns are plain `bool`, not choices.

use dataverse_model::choice;

choice! {
    /// Queue Assignment Reason: Reason for Queue Assignment (This is for internal use only.
    /// Customers are advised to not use this property)
    ///
    /// Option set `msdyn_occallsessioneventreasons`, used by columns
    /// `msdyn_queueassignedreason` and `msdyn_sessioncreationreason`.
    /// Default form value: -1.
    #[choice(name = "msdyn_occallsessioneventreasons", global)]
    pub enum SessionEventReason {
        Default = 192_350_000,
        AgentTransfer = 192_350_001,
        QueueTransfer = 192_350_002,
        PreChatSurvey = 192_350_003,
        PostchatSurvey = 192_350_004,
        UserAccept = 192_350_005,
        AutoAccept = 192_350_006,
        Closed = 192_350_007,
        AgentInviteRejected = 192_350_008,
        AgentInviteTimeout = 192_350_009,
        AgentDisconnected = 192_350_010,
        AgentTimeout = 192_350_011,
        AgentTransferred = 192_350_012,
        CustomerTimeout = 192_350_013,
        CustomerDisconnect = 192_350_014,
        SessionTimeout = 192_350_015,
        Escalated = 192_350_016,
        Rejected = 192_350_017,
        TimedOut = 192_350_018,
        Accepted = 192_350_019,
        AutoAccepted = 192_350_020,
        Disconnect = 192_350_021,
        Timeout = 192_350_022,
        End = 192_350_023,
        BotTransferSession = 192_350_024,
        BotEndConversation = 192_350_025,
        AssignToAgentBySupervisor = 192_350_026,
        AssignToQueueBySupervisor = 192_350_027,
        CustomerRejoin = 192_350_028,
        CustomerEndConversation = 192_350_029,
        AgentEndConversation = 192_350_030,
        SupervisorTransferToAgent = 192_350_031,
        AgentEndConsult = 192_350_032,
        ForceClose = 192_350_033,
        OverflowQueueTransfer = 192_350_034,
        OverflowEndConversation = 192_350_035,
        OverflowAssignToQueue = 192_350_036,
        SessionEndAfterWrapUp = 192_350_037,
        ConversationExpired = 192_350_038,
        Consult = 192_350_039,
        AgentMonitor = 192_350_040,
        AgentConversationJoin = 192_350_041,
        Preview = 192_350_042,
        BotCallFailureEndConversation = 192_350_043,
        BotCallFailureExternalTransfer = 192_350_044,
        BotCallFailurePromptAndEscalate = 192_350_045,
        BotCallFailureEscalate = 192_350_046,
        CustomerReconnect = 192_350_049,
        AgentGroupTransfer = 192_350_050,
        MonitorDisconnected = 192_350_052,
    }
}

choice! {
    /// The Dynamics 365 Sales layer of `msdyn_occallsessioneventreasons`: it relabels four
    /// options of the base layer (its labels end in one or two spaces, kept as is).
    #[choice(extends = SessionEventReason, option_prefix = 19235)]
    pub enum SalesSessionEventReason {
        #[overrides]
        #[label = "BotTransferSession "]
        BotTransferSession = 192_350_024,
        #[overrides]
        #[label = "BotEndConversation "]
        BotEndConversation = 192_350_025,
        #[overrides]
        #[label = "AssignToAgentBySupervisor  "]
        AssignToAgentBySupervisor = 192_350_026,
        #[overrides]
        #[label = "AssignToQueueBySupervisor  "]
        AssignToQueueBySupervisor = 192_350_027,
    }
}

choice! {
    /// Social Channel: Shows how contact about the social activity originated, such as from
    /// Twitter or Facebook. This field is read-only.
    ///
    /// Option set `socialprofile_community`, used by column `community`.
    /// Default form value: -1.
    #[choice(name = "socialprofile_community", global)]
    pub enum SocialProfileCommunity {
        Other = 0,
        Facebook = 1,
        Twitter = 2,
        Line = 3,
        Wechat = 4,
        Cortana = 5,
        #[label = "Direct Line"]
        DirectLine = 6,
        #[label = "Microsoft Teams"]
        MicrosoftTeams = 7,
        #[label = "Direct Line Speech"]
        DirectLineSpeech = 8,
        Email = 9,
        GroupMe = 10,
        Kik = 11,
        Telegram = 12,
        Skype = 13,
        Slack = 14,
        WhatsApp = 15,
        #[label = "Apple Messages For Business"]
        AppleMessagesForBusiness = 16,
        #[label = "Google's Business Messages"]
        GoogleSBusinessMessages = 17,
    }
}

choice! {
    /// Delivery Priority: Priority of delivery of the activity to the email server.
    ///
    /// Option set `activitypointer_deliveryprioritycode`, used by column
    /// `deliveryprioritycode`.
    /// Default form value: 1.
    #[choice(name = "activitypointer_deliveryprioritycode")]
    pub enum DeliveryPriority {
        Low = 0,
        Normal = 1,
        High = 2,
    }
}

choice! {
    /// Bot Engagement Mode: Indicates when a bot was engaged
    ///
    /// Option set `msdyn_ocsession_msdyn_botengagementmode`, used by column
    /// `msdyn_botengagementmode`.
    /// Default form value: -1.
    #[choice(name = "msdyn_ocsession_msdyn_botengagementmode")]
    pub enum BotEngagementMode {
        Default = 192_350_000,
        PreConversation = 192_350_001,
        PostConverstation = 192_350_002,
        OffBusinessHour = 192_350_003,
    }
}

choice! {
    /// Channel: The channel type of the session
    ///
    /// Option set `msdyn_streamsource`, used by column `msdyn_channel`.
    /// Default form value: -1.
    #[choice(name = "msdyn_streamsource", global)]
    pub enum StreamSource {
        #[label = "Entity Records"]
        EntityRecords = 192_350_000,
    }
}

choice! {
    /// Closure Reason: Reason for session closure
    ///
    /// Option set `msdyn_ocsession_msdyn_closurereason`, used by column `msdyn_closurereason`.
    /// Default form value: -1.
    #[choice(name = "msdyn_ocsession_msdyn_closurereason")]
    pub enum ClosureReason {
        Default = 192_350_000,
        AgentReject = 192_350_001,
        AgentTimeout = 192_350_002,
        ConversationTimeout = 192_350_003,
        AgentClosed = 192_350_004,
        ConversationClosed = 192_350_005,
        AgentTransfered = 192_350_006,
        AgentDisconnected = 192_350_007,
        AgentReRouted = 192_350_008,
        VirtualAgentClosed = 192_350_009,
        AgentTransferToQueue = 192_350_010,
        SupervisorAssignToQueue = 192_350_011,
        SupervisorTransferToAgent = 192_350_012,
        SystemReject = 192_350_013,
        ForceClose = 192_350_014,
        OverflowQueueTransfer = 192_350_015,
        OverflowEndConversation = 192_350_016,
        AddAgentFailed = 192_350_017,
        AutoClose = 192_350_018,
        SecondaryChannelClosed = 192_350_019,
        CustomerDisconnect = 192_350_020,
        AgentEndConversation = 192_350_021,
        CustomerEndConversation = 192_350_022,
        QueueTransfer = 192_350_023,
        InqueueOverflowQueueTransfer = 192_350_024,
        InqueueOverflowEndConversation = 192_350_025,
        BotTransferToAgent = 192_350_026,
        BotEndConversation = 192_350_027,
        BotCallFailureEndConversation = 192_350_028,
        BotCallFailureExternalTransfer = 192_350_029,
        BotCallFailurePromptAndEscalate = 192_350_030,
        BotCallFailureEscalate = 192_350_031,
        CanceledByProactiveService = 192_350_032,
        ManuallyClosedConversation = 192_350_033,
        ManuallyClosedSession = 192_350_034,
        AgentTransferToAgentGroup = 192_350_035,
        ExternalAgentAccept = 192_350_036,
        ExternalAgentReject = 192_350_037,
        ExternalAgentTransfer = 192_350_038,
        MonitorDisconnected = 192_350_052,
    }
}

choice! {
    /// Routing Failure Stage: Routing Failure Stage
    ///
    /// Option set `msdyn_routingfailurestage`, used by column `msdyn_routingfailurestage`.
    /// Default form value: 10.
    #[choice(name = "msdyn_routingfailurestage", global)]
    pub enum RoutingFailureStage {
        None = 10,
        #[label = "Record Identification"]
        RecordIdentification = 1000,
        #[label = "Demand Classification"]
        DemandClassification = 2000,
    }
}

choice! {
    /// State: (Deprecated)
    ///
    /// Option set `msdyn_ocsession_msdyn_state`, used by column `msdyn_state`.
    /// Default form value: -1.
    #[choice(name = "msdyn_ocsession_msdyn_state")]
    pub enum SessionLegacyState {
        Default = 192_350_000,
        Active = 192_350_001,
        Closed = 192_350_002,
        New = 192_350_003,
        #[label = "Wrap-up"]
        WrapUp = 192_350_004,
    }
}

choice! {
    /// Priority: Priority of the activity.
    ///
    /// Option set `msdyn_ocsession_prioritycode`, used by column `prioritycode`.
    /// Default form value: 1.
    #[choice(name = "msdyn_ocsession_prioritycode")]
    pub enum SessionPriority {
        Low = 0,
        Normal = 1,
        High = 2,
    }
}

choice! {
    /// Activity Status: Status of the activity.
    ///
    /// Option set `msdyn_ocsession_statecode`, used by column `statecode`.
    /// Default form value: 0.
    #[choice(name = "msdyn_ocsession_statecode")]
    pub enum SessionState {
        /// State `Open`; its default status reason is 1.
        Open = 0,
        /// State `Completed`; its default status reason is 2.
        Completed = 1,
        /// State `Canceled`; its default status reason is 3.
        Canceled = 2,
        /// State `Scheduled`; its default status reason is 4.
        Scheduled = 3,
    }
}

choice! {
    /// Status Reason: Reason for the status of the activity.
    ///
    /// Option set `msdyn_ocsession_statuscode`, used by column `statuscode`.
    /// Default form value: -1.
    #[choice(name = "msdyn_ocsession_statuscode", status_of = SessionState)]
    pub enum SessionStatus {
        #[state = Open]
        Open = 1,
        #[state = Completed]
        Completed = 2,
        #[state = Canceled]
        Canceled = 3,
        #[state = Scheduled]
        Scheduled = 4,
    }
}

choice! {
    /// Recurring Instance Type: Type of instance of a recurring series.
    ///
    /// Option set `msdyn_ocsession_instancetypecode`, used by column `instancetypecode`.
    /// Default form value: 0.
    #[choice(name = "msdyn_ocsession_instancetypecode")]
    pub enum RecurringInstanceType {
        #[label = "Not Recurring"]
        NotRecurring = 0,
        #[label = "Recurring Master"]
        RecurringMaster = 1,
        #[label = "Recurring Instance"]
        RecurringInstance = 2,
        #[label = "Recurring Exception"]
        RecurringException = 3,
        #[label = "Recurring Future Exception"]
        RecurringFutureException = 4,
    }
}

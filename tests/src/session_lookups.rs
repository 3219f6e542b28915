//! Every lookup column of the Session table (`msdyn_ocsession`) as a [`lookup!`] enum, with
//! all 51 many-to-one relationships of the base layer, and the Dynamics 365 Sales layer that
//! adds `sample_bankaccount` to `regardingobjectid`.
//!
//! Transcribed from the table reference page (Microsoft Learn). Entity sets: the page lists
//! none per target. `accounts`, `msdyn_ocsessions` and `sample_bankaccounts` are confirmed by the
//! reference data; `opportunities`, `campaignactivities`, `transactioncurrencies` and
//! `mailboxes` are the platform's irregular plurals; every other entity set is ASSUMED to be
//! `<logical name>s`. PartyList columns (`to`, `from`, `cc`, ...) are not lookups and are
//! left out.

use dataverse_model::lookup;

lookup! {
    /// Regarding (`regardingobjectid`, Lookup): Unique identifier of the object with which the activity is associated.
    #[lookup(column = "regardingobjectid", table = "msdyn_ocsession", navigation = "regardingobjectid_{target}_msdyn_ocsession")]
    pub enum Regarding {
        #[target(
            entity_set = "accounts",
            relationship = "account_msdyn_ocsessions",
            referenced_attribute = "accountid",
            cascade(parental, merge = Cascade),
        )]
        Account = "account",
        #[target(
            entity_set = "adx_invitations",
            relationship = "adx_invitation_msdyn_ocsessions",
            referenced_attribute = "adx_invitationid",
            cascade(parental),
        )]
        AdxInvitation = "adx_invitation",
        #[target(
            entity_set = "bookableresourcebookings",
            relationship = "bookableresourcebooking_msdyn_ocsessions",
            referenced_attribute = "bookableresourcebookingid",
            cascade(parental),
        )]
        BookableResourceBooking = "bookableresourcebooking",
        #[target(
            entity_set = "bookableresourcebookingheaders",
            relationship = "bookableresourcebookingheader_msdyn_ocsessions",
            referenced_attribute = "bookableresourcebookingheaderid",
            cascade(parental),
        )]
        BookableResourceBookingHeader = "bookableresourcebookingheader",
        #[target(
            entity_set = "bulkoperations",
            relationship = "bulkoperation_msdyn_ocsessions",
            referenced_attribute = "activityid",
            cascade(parental),
        )]
        BulkOperation = "bulkoperation",
        #[target(
            entity_set = "campaigns",
            relationship = "campaign_msdyn_ocsessions",
            referenced_attribute = "campaignid",
            cascade(parental),
        )]
        Campaign = "campaign",
        #[target(
            entity_set = "campaignactivities",
            relationship = "campaignactivity_msdyn_ocsessions",
            referenced_attribute = "activityid",
            cascade(parental),
        )]
        CampaignActivity = "campaignactivity",
        #[target(
            entity_set = "contacts",
            relationship = "contact_msdyn_ocsessions",
            referenced_attribute = "contactid",
            cascade(parental, merge = Cascade),
        )]
        Contact = "contact",
        #[target(
            entity_set = "contracts",
            relationship = "contract_msdyn_ocsessions",
            referenced_attribute = "contractid",
            cascade(parental),
        )]
        Contract = "contract",
        #[target(
            entity_set = "entitlements",
            relationship = "entitlement_msdyn_ocsessions",
            referenced_attribute = "entitlementid",
            cascade(parental),
        )]
        Entitlement = "entitlement",
        #[target(
            entity_set = "entitlementtemplates",
            relationship = "entitlementtemplate_msdyn_ocsessions",
            referenced_attribute = "entitlementtemplateid",
            cascade(delete = Cascade),
        )]
        EntitlementTemplate = "entitlementtemplate",
        #[target(
            entity_set = "incidents",
            relationship = "incident_msdyn_ocsessions",
            referenced_attribute = "incidentid",
            cascade(parental, merge = Cascade),
        )]
        Incident = "incident",
        #[target(
            entity_set = "interactionforemails",
            navigation = "regardingobjectid_new_interactionforemail_msdyn_ocsession",
            relationship = "interactionforemail_msdyn_ocsessions",
            referenced_attribute = "interactionforemailid",
            cascade(parental),
        )]
        InteractionForEmail = "interactionforemail",
        #[target(
            entity_set = "invoices",
            relationship = "invoice_msdyn_ocsessions",
            referenced_attribute = "invoiceid",
            cascade(parental),
        )]
        Invoice = "invoice",
        #[target(
            entity_set = "knowledgearticles",
            relationship = "knowledgearticle_msdyn_ocsessions",
            referenced_attribute = "knowledgearticleid",
            cascade(parental),
        )]
        KnowledgeArticle = "knowledgearticle",
        #[target(
            entity_set = "knowledgebaserecords",
            relationship = "knowledgebaserecord_msdyn_ocsessions",
            referenced_attribute = "knowledgebaserecordid",
            cascade(delete = Cascade),
        )]
        KnowledgeBaseRecord = "knowledgebaserecord",
        #[target(
            entity_set = "leads",
            relationship = "lead_msdyn_ocsessions",
            referenced_attribute = "leadid",
            cascade(parental, merge = Cascade),
        )]
        Lead = "lead",
        #[target(
            entity_set = "msdyn_customerassets",
            relationship = "msdyn_customerasset_msdyn_ocsessions",
            referenced_attribute = "msdyn_customerassetid",
            cascade(parental),
        )]
        CustomerAsset = "msdyn_customerasset",
        /// The reference page documents no relationship for this target.
        #[target(entity_set = "msdyn_playbookinstances")]
        PlaybookInstance = "msdyn_playbookinstance",
        #[target(
            entity_set = "msdyn_postalbums",
            relationship = "msdyn_postalbum_msdyn_ocsessions",
            referenced_attribute = "msdyn_postalbumid",
            cascade(parental),
        )]
        PostAlbum = "msdyn_postalbum",
        #[target(
            entity_set = "msdyn_salessuggestions",
            relationship = "msdyn_salessuggestion_msdyn_ocsessions",
            referenced_attribute = "msdyn_salessuggestionid",
            cascade(parental),
        )]
        SalesSuggestion = "msdyn_salessuggestion",
        #[target(
            entity_set = "msdyn_swarms",
            relationship = "msdyn_swarm_msdyn_ocsessions",
            referenced_attribute = "msdyn_swarmid",
            cascade(parental),
        )]
        Swarm = "msdyn_swarm",
        #[target(
            entity_set = "mspp_adplacements",
            relationship = "mspp_adplacement_msdyn_ocsessions",
            referenced_attribute = "mspp_adplacementid",
            cascade(delete = Cascade),
        )]
        AdPlacement = "mspp_adplacement",
        #[target(
            entity_set = "mspp_pollplacements",
            relationship = "mspp_pollplacement_msdyn_ocsessions",
            referenced_attribute = "mspp_pollplacementid",
            cascade(delete = Cascade),
        )]
        PollPlacement = "mspp_pollplacement",
        #[target(
            entity_set = "mspp_publishingstatetransitionrules",
            relationship = "mspp_publishingstatetransitionrule_msdyn_ocsessions",
            referenced_attribute = "mspp_publishingstatetransitionruleid",
            cascade(delete = Cascade),
        )]
        PublishingStateTransitionRule = "mspp_publishingstatetransitionrule",
        #[target(
            entity_set = "mspp_redirects",
            relationship = "mspp_redirect_msdyn_ocsessions",
            referenced_attribute = "mspp_redirectid",
            cascade(delete = Cascade),
        )]
        Redirect = "mspp_redirect",
        #[target(
            entity_set = "mspp_shortcuts",
            relationship = "mspp_shortcut_msdyn_ocsessions",
            referenced_attribute = "mspp_shortcutid",
            cascade(delete = Cascade),
        )]
        Shortcut = "mspp_shortcut",
        #[target(
            entity_set = "mspp_websites",
            relationship = "mspp_website_msdyn_ocsessions",
            referenced_attribute = "mspp_websiteid",
            cascade(delete = Cascade),
        )]
        Website = "mspp_website",
        #[target(
            entity_set = "opportunities",
            relationship = "opportunity_msdyn_ocsessions",
            referenced_attribute = "opportunityid",
            cascade(parental),
        )]
        Opportunity = "opportunity",
        #[target(
            entity_set = "quotes",
            relationship = "quote_msdyn_ocsessions",
            referenced_attribute = "quoteid",
            cascade(parental),
        )]
        Quote = "quote",
        #[target(
            entity_set = "salesorders",
            relationship = "salesorder_msdyn_ocsessions",
            referenced_attribute = "salesorderid",
            cascade(parental),
        )]
        SalesOrder = "salesorder",
        #[target(
            entity_set = "sites",
            relationship = "site_msdyn_ocsessions",
            referenced_attribute = "siteid",
            cascade(delete = Cascade),
        )]
        Site = "site",
    }
}

lookup! {
    /// Activity (`activityid`, Uniqueidentifier): Unique identifier of the activity.
    ///
    /// Not a lookup column but the primary key this activity table shares with
    /// `activitypointer` through relationship `activity_pointer_msdyn_ocsession`; declared
    /// so every many-to-one relationship of the table has a home.
    #[lookup(column = "activityid", table = "msdyn_ocsession")]
    pub enum SessionActivity {
        #[target(
            entity_set = "activitypointers",
            navigation = "activityid_msdyn_ocsession",
            relationship = "activity_pointer_msdyn_ocsession",
            referenced_attribute = "activityid",
            system,
        )]
        ActivityPointer = "activitypointer",
    }
}

lookup! {
    /// Owner (`ownerid`, Owner): Unique identifier of the user or team who owns the activity.
    ///
    /// The relationship `msdyn_ocsession_owner_ownerid` references the abstract `owner`
    /// table; it is recorded once, on the `SystemUser` target.
    #[lookup(column = "ownerid", table = "msdyn_ocsession")]
    pub enum SessionOwner {
        #[target(
            entity_set = "systemusers",
            navigation = "ownerid_msdyn_ocsession",
            relationship = "msdyn_ocsession_owner_ownerid",
            referenced_attribute = "ownerid",
            referenced_entity = "owner",
            system,
        )]
        SystemUser = "systemuser",
        #[target(entity_set = "teams", navigation = "ownerid_msdyn_ocsession")]
        Team = "team",
    }
}

lookup! {
    /// Owning Business Unit (`owningbusinessunit`, Lookup): Unique identifier of the business unit that owns the activity.
    #[lookup(column = "owningbusinessunit", table = "msdyn_ocsession")]
    pub enum SessionOwningBusinessUnit {
        #[target(
            entity_set = "businessunits",
            navigation = "owningbusinessunit_msdyn_ocsession",
            relationship = "msdyn_ocsession_businessunit_owningbusinessunit",
            referenced_attribute = "businessunitid",
            system,
        )]
        BusinessUnit = "businessunit",
    }
}

lookup! {
    /// Owning User (`owninguser`, Lookup): Unique identifier of the user that owns the activity.
    #[lookup(column = "owninguser", table = "msdyn_ocsession")]
    pub enum SessionOwningUser {
        #[target(
            entity_set = "systemusers",
            navigation = "owninguser_msdyn_ocsession",
            relationship = "msdyn_ocsession_systemuser_owninguser",
            referenced_attribute = "systemuserid",
            system,
        )]
        SystemUser = "systemuser",
    }
}

lookup! {
    /// Owning Team (`owningteam`, Lookup): Unique identifier of the team that owns the activity.
    #[lookup(column = "owningteam", table = "msdyn_ocsession")]
    pub enum SessionOwningTeam {
        #[target(
            entity_set = "teams",
            navigation = "owningteam_msdyn_ocsession",
            relationship = "msdyn_ocsession_team_owningteam",
            referenced_attribute = "teamid",
            system,
        )]
        Team = "team",
    }
}

lookup! {
    /// Created By (`createdby`, Lookup): Unique identifier of the user who created the activity.
    #[lookup(column = "createdby", table = "msdyn_ocsession")]
    pub enum SessionCreatedBy {
        #[target(
            entity_set = "systemusers",
            navigation = "createdby_msdyn_ocsession",
            relationship = "msdyn_ocsession_systemuser_createdby",
            referenced_attribute = "systemuserid",
            system,
        )]
        SystemUser = "systemuser",
    }
}

lookup! {
    /// Created By (Delegate) (`createdonbehalfby`, Lookup): Unique identifier of the delegate user who created the activitypointer.
    #[lookup(column = "createdonbehalfby", table = "msdyn_ocsession")]
    pub enum SessionCreatedOnBehalfBy {
        #[target(
            entity_set = "systemusers",
            navigation = "createdonbehalfby_msdyn_ocsession",
            relationship = "msdyn_ocsession_systemuser_createdonbehalfby",
            referenced_attribute = "systemuserid",
            system,
        )]
        SystemUser = "systemuser",
    }
}

lookup! {
    /// Modified By (`modifiedby`, Lookup): Unique identifier of user who last modified the activity.
    #[lookup(column = "modifiedby", table = "msdyn_ocsession")]
    pub enum SessionModifiedBy {
        #[target(
            entity_set = "systemusers",
            navigation = "modifiedby_msdyn_ocsession",
            relationship = "msdyn_ocsession_systemuser_modifiedby",
            referenced_attribute = "systemuserid",
            system,
        )]
        SystemUser = "systemuser",
    }
}

lookup! {
    /// Modified By (Delegate) (`modifiedonbehalfby`, Lookup): Unique identifier of the delegate user who last modified the activitypointer.
    #[lookup(column = "modifiedonbehalfby", table = "msdyn_ocsession")]
    pub enum SessionModifiedOnBehalfBy {
        #[target(
            entity_set = "systemusers",
            navigation = "modifiedonbehalfby_msdyn_ocsession",
            relationship = "msdyn_ocsession_systemuser_modifiedonbehalfby",
            referenced_attribute = "systemuserid",
            system,
        )]
        SystemUser = "systemuser",
    }
}

lookup! {
    /// Active Agent Group (`msdyn_activeagentgroupid`, Lookup): Active Agent Group Associated with the Conversation
    #[lookup(column = "msdyn_activeagentgroupid", table = "msdyn_ocsession")]
    pub enum SessionActiveAgentGroup {
        #[target(
            entity_set = "msdyn_agentgroups",
            navigation = "msdyn_activeagentgroupid",
            relationship = "msdyn_msdyn_ocsession_msdyn_agentgroup_activeagentgroupid",
            referenced_attribute = "msdyn_agentgroupid",
            cascade(referential, archive = RemoveLink),
        )]
        AgentGroup = "msdyn_agentgroup",
    }
}

lookup! {
    /// Queue Id (`msdyn_cdsqueueid`, Lookup): Unique identifier for Queue associated with Session.
    #[lookup(column = "msdyn_cdsqueueid", table = "msdyn_ocsession")]
    pub enum SessionCdsQueue {
        #[target(
            entity_set = "queues",
            navigation = "msdyn_cdsqueueid_msdyn_ocsession",
            relationship = "msdyn_queue_msdyn_ocsession_queueid",
            referenced_attribute = "queueid",
            cascade(referential),
        )]
        Queue = "queue",
    }
}

lookup! {
    /// Channel Instance ID (`msdyn_channelinstanceid`, Lookup): Unique identifier to identify the app to which this conversation belogs to.
    #[lookup(column = "msdyn_channelinstanceid", table = "msdyn_ocsession")]
    pub enum SessionChannelInstance {
        #[target(
            entity_set = "msdyn_channelinstances",
            navigation = "msdyn_channelinstanceid",
            relationship = "msdyn_msdyn_ocsession_msdyn_channelinstance",
            referenced_attribute = "msdyn_channelinstanceid",
            cascade(referential, archive = RemoveLink),
        )]
        ChannelInstance = "msdyn_channelinstance",
    }
}

lookup! {
    /// Channel Profile Id (`msdyn_channelprofileid`, Lookup): Channel Profile Associated with the Conversation
    #[lookup(column = "msdyn_channelprofileid", table = "msdyn_ocsession")]
    pub enum SessionChannelProfile {
        #[target(
            entity_set = "msdyn_channelprofiles",
            navigation = "msdyn_channelprofileid",
            relationship = "msdyn_ocsession_msdyn_channelprofileid_msdyn_channelprofile",
            referenced_attribute = "msdyn_channelprofileid",
            cascade(referential, archive = RemoveLink),
        )]
        ChannelProfile = "msdyn_channelprofile",
    }
}

lookup! {
    /// Conversation (`msdyn_liveworkitemid`, Lookup): Unique Identifier  of Conversation associated to the session
    #[lookup(column = "msdyn_liveworkitemid", table = "msdyn_ocsession")]
    pub enum SessionLiveWorkItem {
        #[target(
            entity_set = "msdyn_ocliveworkitems",
            navigation = "msdyn_liveworkitemid_msdyn_ocsession",
            relationship = "msdyn_msdyn_ocliveworkitem_msdyn_ocsession_liveworkstreamid",
            referenced_attribute = "activityid",
            cascade(delete = Cascade),
        )]
        LiveWorkItem = "msdyn_ocliveworkitem",
    }
}

lookup! {
    /// Primary Session (`msdyn_primarysession`, Lookup): Reference to primary session.
    #[lookup(column = "msdyn_primarysession", table = "msdyn_ocsession")]
    pub enum SessionPrimarySession {
        #[target(
            entity_set = "msdyn_ocsessions",
            navigation = "msdyn_primarysession_msdyn_ocsession",
            relationship = "msdyn_msdyn_ocsession_msdyn_ocsession_primarysession",
            referenced_attribute = "activityid",
            cascade(referential),
        )]
        Session = "msdyn_ocsession",
    }
}

lookup! {
    /// Queue Id (`msdyn_queueid`, Lookup): Queue associated to the session
    ///
    /// The reference page lists no relationship (nor navigation property) for this column;
    /// the navigation property is assumed to be the column name.
    #[lookup(column = "msdyn_queueid", table = "msdyn_ocsession")]
    pub enum SessionQueue {
        #[target(entity_set = "msdyn_omnichannelqueues")]
        OmnichannelQueue = "msdyn_omnichannelqueue",
    }
}

lookup! {
    /// Sender's Mailbox (`sendermailboxid`, Lookup): Unique identifier of the mailbox associated with the sender of the email message.
    #[lookup(column = "sendermailboxid", table = "msdyn_ocsession")]
    pub enum SessionSenderMailbox {
        #[target(
            entity_set = "mailboxes",
            navigation = "sendermailboxid_msdyn_ocsession",
            relationship = "msdyn_ocsession_mailbox_sendermailboxid",
            referenced_attribute = "mailboxid",
            system,
        )]
        Mailbox = "mailbox",
    }
}

lookup! {
    /// Service (`serviceid`, Lookup): Unique identifier of an associated service.
    #[lookup(column = "serviceid", table = "msdyn_ocsession")]
    pub enum SessionService {
        #[target(
            entity_set = "services",
            navigation = "serviceid_msdyn_ocsession",
            relationship = "msdyn_ocsession_service_serviceid",
            referenced_attribute = "serviceid",
            cascade(restrict),
        )]
        Service = "service",
    }
}

lookup! {
    /// SLA (`slaid`, Lookup): Choose the service level agreement (SLA) that you want to apply to the case record.
    #[lookup(column = "slaid", table = "msdyn_ocsession")]
    pub enum SessionSla {
        #[target(
            entity_set = "slas",
            navigation = "sla_activitypointer_sla_msdyn_ocsession",
            relationship = "msdyn_ocsession_sla_slaid",
            referenced_attribute = "slaid",
            cascade(referential),
        )]
        Sla = "sla",
    }
}

lookup! {
    /// Last SLA applied (`slainvokedid`, Lookup): Last SLA that was applied to this case. This field is for internal use only.
    #[lookup(column = "slainvokedid", table = "msdyn_ocsession")]
    pub enum SessionSlaInvoked {
        #[target(
            entity_set = "slas",
            navigation = "slainvokedid_activitypointer_sla_msdyn_ocsession",
            relationship = "msdyn_ocsession_sla_slainvokedid",
            referenced_attribute = "slaid",
            cascade(referential),
        )]
        Sla = "sla",
    }
}

lookup! {
    /// Currency (`transactioncurrencyid`, Lookup): Unique identifier of the currency associated with the activitypointer.
    #[lookup(column = "transactioncurrencyid", table = "msdyn_ocsession")]
    pub enum SessionTransactionCurrency {
        #[target(
            entity_set = "transactioncurrencies",
            navigation = "transactioncurrencyid_msdyn_ocsession",
            relationship = "msdyn_ocsession_transactioncurrency_transactioncurrencyid",
            referenced_attribute = "transactioncurrencyid",
            cascade(restrict),
        )]
        TransactionCurrency = "transactioncurrency",
    }
}
lookup! {
    /// Regarding, as the Dynamics 365 Sales layer extends it: adds `sample_bankaccount`.
    #[lookup(extends = Regarding)]
    pub enum SalesRegarding {
        /// A bank account (custom table of the Sales layer's sample solution).
        #[target(entity_set = "sample_bankaccounts",
                 relationship = "sample_bankaccount_msdyn_ocsessions",
                 referenced_attribute = "sample_bankaccountid",
                 cascade(archive = NoCascade, assign = Cascade, delete = Cascade, merge = NoCascade,
                         reparent = Cascade, rollup_view = NoCascade, share = Cascade, unshare = Cascade))]
        SampleBankAccount = "sample_bankaccount",
    }
}

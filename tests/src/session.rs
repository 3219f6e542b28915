//! The Session table (`msdyn_ocsession`) as the base layer declares it — all 94 columns of the
//! Dynamics 365 reference page — and the Dynamics 365 Sales layer over it.

use dataverse_model::{Field, FormattedValues, Guid, PartyList, dataverse_entity};
use rust_decimal::Decimal;
use time::OffsetDateTime;

use crate::session_choices::{
    BotEngagementMode, ClosureReason, DeliveryPriority, RecurringInstanceType, RoutingFailureStage,
    SalesSessionEventReason, SessionEventReason, SessionLegacyState, SessionPriority, SessionState,
    SessionStatus, SocialProfileCommunity, StreamSource,
};
use crate::session_lookups::{
    Regarding, SalesRegarding, SessionActiveAgentGroup, SessionCdsQueue, SessionChannelInstance,
    SessionChannelProfile, SessionCreatedBy, SessionCreatedOnBehalfBy, SessionLiveWorkItem,
    SessionModifiedBy, SessionModifiedOnBehalfBy, SessionOwner, SessionOwningBusinessUnit,
    SessionOwningTeam, SessionOwningUser, SessionPrimarySession, SessionQueue,
    SessionSenderMailbox, SessionService, SessionSla, SessionSlaInvoked,
    SessionTransactionCurrency,
};

/// A Session row: every column of the base (Omnichannel) layer, each `Option` (a projection
/// that selects fewer columns reads the rest as `None`).
#[dataverse_entity(
    logical_name = "msdyn_ocsession",
    entity_set = "msdyn_ocsessions",
    primary_id = "activityid",
    primary_name = "subject"
)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Session {
    /// Additional information provided by the external application as JSON. For internal use only.
    ///
    /// `ActivityAdditionalParams`: Memo.
    #[dataverse(max_length = 8192)]
    pub activityadditionalparams: Option<String>,
    /// Unique identifier of the activity.
    ///
    /// `ActivityId`: Uniqueidentifier, SystemRequired.
    #[dataverse(required_level = SystemRequired)]
    pub activityid: Option<Guid>,
    /// Actual duration of the activity in minutes.
    ///
    /// `ActualDurationMinutes`: Integer.
    #[dataverse(min = 0)]
    pub actualdurationminutes: Option<i32>,
    /// Actual end time of the activity.
    ///
    /// `ActualEnd`: DateTime.
    pub actualend: Option<OffsetDateTime>,
    /// Actual start time of the activity.
    ///
    /// `ActualStart`: DateTime.
    pub actualstart: Option<OffsetDateTime>,
    /// Blind Carbon-copy (bcc) recipients of the activity.
    ///
    /// `BCC`: PartyList.
    pub bcc: Option<PartyList>,
    /// Carbon-copy (cc) recipients of the activity.
    ///
    /// `CC`: PartyList.
    pub cc: Option<PartyList>,
    /// Shows how contact about the social activity originated, such as from Twitter or Facebook. This field is read-only.
    ///
    /// `Community`: Picklist.
    pub community: Option<SocialProfileCommunity>,
    /// Customer with which the activity is associated.
    ///
    /// `Customers`: PartyList.
    pub customers: Option<PartyList>,
    /// Priority of delivery of the activity to the email server.
    ///
    /// `DeliveryPriorityCode`: Picklist.
    #[dataverse(default = 1)]
    pub deliveryprioritycode: Option<DeliveryPriority>,
    /// Description of the activity.
    ///
    /// `Description`: Memo.
    #[dataverse(max_length = 2000)]
    pub description: Option<String>,
    /// The message id of activity which is returned from Exchange Server.
    ///
    /// `ExchangeItemId`: String.
    #[dataverse(max_length = 200)]
    pub exchangeitemid: Option<String>,
    /// Shows the web link of Activity of type email.
    ///
    /// `ExchangeWebLink`: String.
    #[dataverse(max_length = 1250)]
    pub exchangeweblink: Option<String>,
    /// Person who the activity is from.
    ///
    /// `From`: PartyList.
    pub from: Option<PartyList>,
    /// Sequence number of the import that created this record.
    ///
    /// `ImportSequenceNumber`: Integer.
    pub importsequencenumber: Option<i32>,
    /// Information regarding whether the activity was billed as part of resolving a case.
    ///
    /// `IsBilled`: Boolean.
    #[dataverse(true_label = "Yes", false_label = "No", default = false)]
    pub isbilled: Option<bool>,
    /// For internal use only.
    ///
    /// `IsMapiPrivate`: Boolean.
    #[dataverse(true_label = "Yes", false_label = "No", default = false)]
    pub ismapiprivate: Option<bool>,
    /// Information regarding whether the activity was created from a workflow rule.
    ///
    /// `IsWorkflowCreated`: Boolean.
    #[dataverse(true_label = "Yes", false_label = "No", default = false)]
    pub isworkflowcreated: Option<bool>,
    /// Contains the date and time stamp of the last on hold time.
    ///
    /// `LastOnHoldTime`: DateTime.
    pub lastonholdtime: Option<OffsetDateTime>,
    /// Left the voice mail
    ///
    /// `LeftVoiceMail`: Boolean.
    #[dataverse(true_label = "Yes", false_label = "No", default = false)]
    pub leftvoicemail: Option<bool>,
    /// Active Agent Group Associated with the Conversation
    ///
    /// `msdyn_activeagentgroupid`: Lookup.
    pub msdyn_activeagentgroupid: Option<SessionActiveAgentGroup>,
    /// Date and time when session was accepted by agent
    ///
    /// `msdyn_agentacceptedon`: DateTime.
    pub msdyn_agentacceptedon: Option<OffsetDateTime>,
    /// Date and time when session was assigned to agent
    ///
    /// `msdyn_agentassignedon`: DateTime.
    pub msdyn_agentassignedon: Option<OffsetDateTime>,
    /// Indicates when a bot was engaged
    ///
    /// `msdyn_botengagementmode`: Picklist.
    pub msdyn_botengagementmode: Option<BotEngagementMode>,
    /// Unique identifier for Queue associated with Session.
    ///
    /// `msdyn_cdsqueueid`: Lookup.
    pub msdyn_cdsqueueid: Option<SessionCdsQueue>,
    /// The channel type of the session
    ///
    /// `msdyn_channel`: Picklist.
    pub msdyn_channel: Option<StreamSource>,
    /// Unique identifier to identify the app to which this conversation belogs to.
    ///
    /// `msdyn_channelinstanceid`: Lookup.
    pub msdyn_channelinstanceid: Option<SessionChannelInstance>,
    /// Channel Profile Associated with the Conversation
    ///
    /// `msdyn_channelprofileid`: Lookup.
    pub msdyn_channelprofileid: Option<SessionChannelProfile>,
    /// Reason for session closure
    ///
    /// `msdyn_closurereason`: Picklist.
    pub msdyn_closurereason: Option<ClosureReason>,
    /// Unique Identifier  of Conversation associated to the session
    ///
    /// `msdyn_liveworkitemid`: Lookup.
    pub msdyn_liveworkitemid: Option<SessionLiveWorkItem>,
    /// Reference to primary session.
    ///
    /// `msdyn_primarysession`: Lookup.
    pub msdyn_primarysession: Option<SessionPrimarySession>,
    /// Date and time when queue was assigned to session
    ///
    /// `msdyn_queueassignedon`: DateTime.
    pub msdyn_queueassignedon: Option<OffsetDateTime>,
    /// Reason for Queue Assignment (This is for internal use only. Customers are advised to not use this property)
    ///
    /// `msdyn_queueassignedreason`: Picklist, ApplicationRequired.
    #[dataverse(required)]
    pub msdyn_queueassignedreason: Option<SessionEventReason>,
    /// Queue associated to the session
    ///
    /// `msdyn_queueid`: Lookup.
    pub msdyn_queueid: Option<SessionQueue>,
    /// Routing Failure Stage
    ///
    /// `msdyn_routingfailurestage`: Picklist.
    #[dataverse(default = 10)]
    pub msdyn_routingfailurestage: Option<RoutingFailureStage>,
    ///
    /// `msdyn_sessionactivewrapuptimeinseconds`: Integer.
    #[dataverse(min = 0)]
    pub msdyn_sessionactivewrapuptimeinseconds: Option<i32>,
    /// Date and time when session was closed
    ///
    /// `msdyn_sessionclosedon`: DateTime.
    pub msdyn_sessionclosedon: Option<OffsetDateTime>,
    /// Date and time when session was created
    ///
    /// `msdyn_sessioncreatedon`: DateTime.
    pub msdyn_sessioncreatedon: Option<OffsetDateTime>,
    /// Reason for session creation (This is for internal use only. Customers are advised to not use this property)
    ///
    /// `msdyn_sessioncreationreason`: Picklist, ApplicationRequired.
    #[dataverse(required)]
    pub msdyn_sessioncreationreason: Option<SessionEventReason>,
    /// Unique Identifier of Session
    ///
    /// `msdyn_sessionid`: String.
    #[dataverse(max_length = 100)]
    pub msdyn_sessionid: Option<String>,
    /// Date and time when session was last modified
    ///
    /// `msdyn_sessionmodifiedon`: DateTime.
    pub msdyn_sessionmodifiedon: Option<OffsetDateTime>,
    ///
    /// `msdyn_sessionwrapuptimeinseconds`: Integer.
    #[dataverse(min = 0)]
    pub msdyn_sessionwrapuptimeinseconds: Option<i32>,
    /// (Deprecated)
    ///
    /// `msdyn_state`: Picklist.
    pub msdyn_state: Option<SessionLegacyState>,
    /// Date and time when session wrap-up was initiated
    ///
    /// `msdyn_wrapupinitiatedon`: DateTime.
    pub msdyn_wrapupinitiatedon: Option<OffsetDateTime>,
    /// List of optional attendees for the activity.
    ///
    /// `OptionalAttendees`: PartyList.
    pub optionalattendees: Option<PartyList>,
    /// Person who organized the activity.
    ///
    /// `Organizer`: PartyList.
    pub organizer: Option<PartyList>,
    /// Date and time that the record was migrated.
    ///
    /// `OverriddenCreatedOn`: DateTime.
    pub overriddencreatedon: Option<OffsetDateTime>,
    /// Unique identifier of the user or team who owns the activity.
    ///
    /// `OwnerId`: Owner, SystemRequired.
    #[dataverse(required_level = SystemRequired)]
    pub ownerid: Option<SessionOwner>,
    ///
    /// `OwnerIdType`: EntityName, SystemRequired.
    #[dataverse(required_level = SystemRequired)]
    pub owneridtype: Option<String>,
    /// Outsource vendor with which activity is associated.
    ///
    /// `Partners`: PartyList.
    pub partners: Option<PartyList>,
    /// Priority of the activity.
    ///
    /// `PriorityCode`: Picklist.
    #[dataverse(default = 1)]
    pub prioritycode: Option<SessionPriority>,
    /// Unique identifier of the Process.
    ///
    /// `ProcessId`: Uniqueidentifier.
    pub processid: Option<Guid>,
    /// Unique identifier of the object with which the activity is associated.
    ///
    /// `RegardingObjectId`: Lookup.
    pub regardingobjectid: Option<Regarding>,
    ///
    /// `RegardingObjectTypeCode`: EntityName.
    pub regardingobjecttypecode: Option<String>,
    /// List of required attendees for the activity.
    ///
    /// `RequiredAttendees`: PartyList.
    pub requiredattendees: Option<PartyList>,
    /// Users or facility/equipment that are required for the activity.
    ///
    /// `Resources`: PartyList.
    pub resources: Option<PartyList>,
    /// Scheduled duration of the activity, specified in minutes.
    ///
    /// `ScheduledDurationMinutes`: Integer.
    #[dataverse(min = 0)]
    pub scheduleddurationminutes: Option<i32>,
    /// Scheduled end time of the activity.
    ///
    /// `ScheduledEnd`: DateTime.
    pub scheduledend: Option<OffsetDateTime>,
    /// Scheduled start time of the activity.
    ///
    /// `ScheduledStart`: DateTime.
    pub scheduledstart: Option<OffsetDateTime>,
    /// Unique identifier of an associated service.
    ///
    /// `ServiceId`: Lookup.
    pub serviceid: Option<SessionService>,
    /// Choose the service level agreement (SLA) that you want to apply to the case record.
    ///
    /// `SLAId`: Lookup.
    pub slaid: Option<SessionSla>,
    /// Shows the date and time by which the activities are sorted.
    ///
    /// `SortDate`: DateTime.
    pub sortdate: Option<OffsetDateTime>,
    /// Unique identifier of the Stage.
    ///
    /// `StageId`: Uniqueidentifier.
    pub stageid: Option<Guid>,
    /// Status of the activity.
    ///
    /// `StateCode`: State, SystemRequired.
    #[dataverse(required_level = SystemRequired, default = 0)]
    pub statecode: Option<SessionState>,
    /// Reason for the status of the activity.
    ///
    /// `StatusCode`: Status.
    pub statuscode: Option<SessionStatus>,
    /// Subject associated with the activity.
    ///
    /// `Subject`: String, ApplicationRequired.
    #[dataverse(required, max_length = 200)]
    pub subject: Option<String>,
    /// For internal use only.
    ///
    /// `TimeZoneRuleVersionNumber`: Integer.
    #[dataverse(min = -1)]
    pub timezoneruleversionnumber: Option<i32>,
    /// Person who is the receiver of the activity.
    ///
    /// `To`: PartyList.
    pub to: Option<PartyList>,
    /// Unique identifier of the currency associated with the activitypointer.
    ///
    /// `TransactionCurrencyId`: Lookup.
    pub transactioncurrencyid: Option<SessionTransactionCurrency>,
    /// For internal use only.
    ///
    /// `TraversedPath`: String.
    #[dataverse(max_length = 1250)]
    pub traversedpath: Option<String>,
    /// Time zone code that was in use when the record was created.
    ///
    /// `UTCConversionTimeZoneCode`: Integer.
    #[dataverse(min = -1)]
    pub utcconversiontimezonecode: Option<i32>,
    /// Type of activity.
    ///
    /// `ActivityTypeCode`: EntityName, SystemRequired, read-only.
    #[dataverse(read_only, required_level = SystemRequired)]
    pub activitytypecode: Option<String>,
    /// Unique identifier of the user who created the activity.
    ///
    /// `CreatedBy`: Lookup, read-only.
    #[dataverse(read_only)]
    pub createdby: Option<SessionCreatedBy>,
    /// Date and time when the activity was created.
    ///
    /// `CreatedOn`: DateTime, read-only.
    #[dataverse(read_only)]
    pub createdon: Option<OffsetDateTime>,
    /// Unique identifier of the delegate user who created the activitypointer.
    ///
    /// `CreatedOnBehalfBy`: Lookup, read-only.
    #[dataverse(read_only)]
    pub createdonbehalfby: Option<SessionCreatedOnBehalfBy>,
    /// Date and time when the delivery of the activity was last attempted.
    ///
    /// `DeliveryLastAttemptedOn`: DateTime, read-only.
    #[dataverse(read_only)]
    pub deliverylastattemptedon: Option<OffsetDateTime>,
    /// Exchange rate for the currency associated with the activitypointer with respect to the base currency.
    ///
    /// `ExchangeRate`: Decimal, read-only.
    #[dataverse(read_only, precision = 12, min = 0.000000000001, max = 100000000000)]
    pub exchangerate: Option<Decimal>,
    /// Type of instance of a recurring series.
    ///
    /// `InstanceTypeCode`: Picklist, SystemRequired, read-only.
    #[dataverse(read_only, required_level = SystemRequired, default = 0)]
    pub instancetypecode: Option<RecurringInstanceType>,
    /// Information regarding whether the activity is a regular activity type or event type.
    ///
    /// `IsRegularActivity`: Boolean, SystemRequired, read-only.
    #[dataverse(read_only, required_level = SystemRequired, true_label = "Yes", false_label = "No", default = true)]
    pub isregularactivity: Option<bool>,
    /// Unique identifier of user who last modified the activity.
    ///
    /// `ModifiedBy`: Lookup, read-only.
    #[dataverse(read_only)]
    pub modifiedby: Option<SessionModifiedBy>,
    /// Date and time when activity was last modified.
    ///
    /// `ModifiedOn`: DateTime, read-only.
    #[dataverse(read_only)]
    pub modifiedon: Option<OffsetDateTime>,
    /// Unique identifier of the delegate user who last modified the activitypointer.
    ///
    /// `ModifiedOnBehalfBy`: Lookup, read-only.
    #[dataverse(read_only)]
    pub modifiedonbehalfby: Option<SessionModifiedOnBehalfBy>,
    /// Shows how long, in minutes, that the record was on hold.
    ///
    /// `OnHoldTime`: Integer, read-only.
    #[dataverse(read_only)]
    pub onholdtime: Option<i32>,
    ///
    /// `OwnerIdName`: String, SystemRequired, read-only.
    #[dataverse(read_only, max_length = 100, required_level = SystemRequired)]
    pub owneridname: Option<String>,
    ///
    /// `OwnerIdYomiName`: String, SystemRequired, read-only.
    #[dataverse(read_only, max_length = 100, required_level = SystemRequired)]
    pub owneridyominame: Option<String>,
    /// Unique identifier of the business unit that owns the activity.
    ///
    /// `OwningBusinessUnit`: Lookup, read-only.
    #[dataverse(read_only)]
    pub owningbusinessunit: Option<SessionOwningBusinessUnit>,
    /// Unique identifier of the team that owns the activity.
    ///
    /// `OwningTeam`: Lookup, read-only.
    #[dataverse(read_only)]
    pub owningteam: Option<SessionOwningTeam>,
    /// Unique identifier of the user that owns the activity.
    ///
    /// `OwningUser`: Lookup, read-only.
    #[dataverse(read_only)]
    pub owninguser: Option<SessionOwningUser>,
    /// For internal use only.
    ///
    /// `PostponeActivityProcessingUntil`: DateTime, read-only.
    #[dataverse(read_only)]
    pub postponeactivityprocessinguntil: Option<OffsetDateTime>,
    /// Unique identifier of the mailbox associated with the sender of the email message.
    ///
    /// `SenderMailboxId`: Lookup, read-only.
    #[dataverse(read_only)]
    pub sendermailboxid: Option<SessionSenderMailbox>,
    /// Date and time when the activity was sent.
    ///
    /// `SentOn`: DateTime, read-only.
    #[dataverse(read_only)]
    pub senton: Option<OffsetDateTime>,
    /// Uniqueidentifier specifying the id of recurring series of an instance.
    ///
    /// `SeriesId`: Uniqueidentifier, read-only.
    #[dataverse(read_only)]
    pub seriesid: Option<Guid>,
    /// Last SLA that was applied to this case. This field is for internal use only.
    ///
    /// `SLAInvokedId`: Lookup, read-only.
    #[dataverse(read_only)]
    pub slainvokedid: Option<SessionSlaInvoked>,
    /// Version number of the activity.
    ///
    /// `VersionNumber`: BigInt, read-only.
    #[dataverse(read_only)]
    pub versionnumber: Option<i64>,
}

/// The Dynamics 365 Sales layer over Session: the two reason columns take the Sales choice
/// layer, `regardingobjectid` can also point at a bank account, and a custom column is added.
/// Fields are `Field<T>` so an update sends only what was set.
#[dataverse_entity(extends = Session, publisher_prefix = "sample")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SalesSession {
    /// Unique identifier of the activity.
    #[dataverse(required_level = SystemRequired)]
    pub activityid: Field<Guid>,
    /// Subject associated with the activity.
    #[dataverse(max_length = 200, required)]
    pub subject: Field<String>,
    /// Reason the session was assigned to its queue (Sales choice layer).
    #[dataverse(required)]
    pub msdyn_queueassignedreason: Field<SalesSessionEventReason>,
    /// Reason the session was created (Sales choice layer).
    #[dataverse(required)]
    pub msdyn_sessioncreationreason: Field<SalesSessionEventReason>,
    /// What the session is about, including the Sales `sample_bankaccount` target.
    pub regardingobjectid: Field<SalesRegarding>,
    /// Status of the session.
    #[dataverse(required_level = SystemRequired, default = 0)]
    pub statecode: Field<SessionState>,
    /// Reason for the status of the session.
    pub statuscode: Field<SessionStatus>,
    /// When the session was created.
    pub msdyn_sessioncreatedon: Field<OffsetDateTime>,
    /// Version number of the session (read-only).
    #[dataverse(read_only)]
    pub versionnumber: Field<i64>,
    /// A note a Sales agent keeps on the channel: a custom column of the Sales solution.
    #[dataverse(max_length = 100)]
    pub sample_channelnote: Field<String>,
    /// Formatted values the service sent (`Prefer: odata.include-annotations`).
    #[dataverse(formatted_values)]
    pub formatted: FormattedValues,
    /// The row version (`@odata.etag`), for optimistic concurrency.
    #[dataverse(etag)]
    pub etag: Option<String>,
}

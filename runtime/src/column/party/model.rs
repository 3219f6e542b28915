//! The parties of an activity as values: who (`PartyRef`), how (`ParticipationType`), one
//! party (`ActivityParty`) and a party-list column's value (`PartyList`).

use crate::Guid;

crate::choice! {
    /// How a party takes part in an activity (`activityparty.participationtypemask`), as the
    /// ActivityParty table documentation lists the values. Each party-list column holds one
    /// type: see [`ParticipationType::of_column`].
    #[choice(name = "activityparty_participationtypemask")]
    pub enum ParticipationType {
        /// The sender (`from`).
        Sender = 1,
        /// A recipient in the To field (`to`).
        ToRecipient = 2,
        /// A recipient in the Cc field (`cc`).
        #[label = "CCRecipient"]
        CcRecipient = 3,
        /// A recipient in the Bcc field (`bcc`).
        BccRecipient = 4,
        /// A required attendee (`requiredattendees`).
        RequiredAttendee = 5,
        /// An optional attendee (`optionalattendees`).
        OptionalAttendee = 6,
        /// The organizer (`organizer`).
        Organizer = 7,
        /// The regarding row (read-only: set through `regardingobjectid`).
        Regarding = 8,
        /// The owner (read-only: set through `ownerid`).
        Owner = 9,
        /// A resource (`resources`).
        Resource = 10,
        /// A customer (`customers`).
        Customer = 11,
        /// A participant in a Teams chat; value 12 was documented as `Partner` before, and
        /// is the type of the `partners` column.
        ChatParticipant = 12,
        /// One or more related rows.
        Related = 13,
    }
}

impl ParticipationType {
    /// The participation type a party-list column holds, by the column's logical name:
    /// `from` Sender, `to` ToRecipient, `cc` CcRecipient, `bcc` BccRecipient,
    /// `requiredattendees` RequiredAttendee, `optionalattendees` OptionalAttendee,
    /// `organizer` Organizer, `resources` Resource, `customers` Customer, `partners`
    /// ChatParticipant (value 12, documented as `Partner` for that column). `None` for any
    /// other column: its parties are then written with their own type and read by none.
    // inline: a party-list column's reader passes its own name, a constant the match folds
    #[inline]
    pub fn of_column(column: &str) -> Option<Self> {
        Some(match column {
            "from" => Self::Sender,
            "to" => Self::ToRecipient,
            "cc" => Self::CcRecipient,
            "bcc" => Self::BccRecipient,
            "requiredattendees" => Self::RequiredAttendee,
            "optionalattendees" => Self::OptionalAttendee,
            "organizer" => Self::Organizer,
            "resources" => Self::Resource,
            "customers" => Self::Customer,
            "partners" => Self::ChatParticipant,
            _ => return None,
        })
    }
}

crate::lookup! {
    /// Who a party is (`activityparty.partyid`): the tables the ActivityParty table
    /// documents as party targets (Dataverse's, then those Dynamics 365 adds). A table not
    /// listed is kept by the fallback.
    #[lookup(table = "activityparty", column = "partyid", navigation = "partyid_{target}")]
    pub enum PartyRef {
        #[target(entity_set = "accounts")]
        Account = "account",
        #[target(entity_set = "contacts")]
        Contact = "contact",
        #[target(entity_set = "systemusers")]
        SystemUser = "systemuser",
        #[target(entity_set = "queues")]
        Queue = "queue",
        #[target(entity_set = "knowledgearticles")]
        KnowledgeArticle = "knowledgearticle",
        #[target(entity_set = "leads")]
        Lead = "lead",
        #[target(entity_set = "equipments")]
        Equipment = "equipment",
        #[target(entity_set = "opportunities")]
        Opportunity = "opportunity",
        #[target(entity_set = "incidents")]
        Incident = "incident",
        #[target(entity_set = "quotes")]
        Quote = "quote",
        #[target(entity_set = "salesorders")]
        SalesOrder = "salesorder",
        #[target(entity_set = "invoices")]
        Invoice = "invoice",
        #[target(entity_set = "contracts")]
        Contract = "contract",
        #[target(entity_set = "entitlements")]
        Entitlement = "entitlement",
        #[target(entity_set = "campaigns")]
        Campaign = "campaign",
        #[target(entity_set = "campaignactivities")]
        CampaignActivity = "campaignactivity",
        #[target(entity_set = "bulkoperations")]
        BulkOperation = "bulkoperation",
        #[target(entity_set = "msdyn_salessuggestions")]
        SalesSuggestion = "msdyn_salessuggestion",
    }
}

/// One party of an activity: a row of `activityparty`.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityParty {
    /// `activitypartyid`, when read from the service (never written).
    pub id: Option<Guid>,
    /// `partyid`: who takes part; `None` for an address the service could not resolve to a
    /// row (then [`address_used`](Self::address_used) holds it).
    pub party: Option<PartyRef>,
    /// `participationtypemask`. A party-list column writes its own type (see
    /// [`ParticipationType::of_column`]), whatever this says.
    pub participation: ParticipationType,
    /// `addressused`: the e-mail address used for the party.
    pub address_used: Option<String>,
}

impl ActivityParty {
    /// A party that takes part as `participation`.
    pub fn new(party: PartyRef, participation: ParticipationType) -> Self {
        Self {
            id: None,
            party: Some(party),
            participation,
            address_used: None,
        }
    }
}

/// A party-list column of an activity table (`from`, `to`, `cc`, `bcc`, `customers`, ...):
/// the parties of the column's participation type.
///
/// Read from the activity's `<table>_activity_parties` collection (ask for it with
/// `$expand=<table>_activity_parties`; without it the column reads as absent) and written
/// into it by a create body. `$select` and update bodies leave party lists out: replace an
/// activity's parties with `PUT <entity set>(<id>)/<table>_activity_parties` (see
/// [`Entity::activity_parties_body`](crate::Entity::activity_parties_body)).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PartyList {
    /// The parties, in the order the service sent them.
    pub parties: Vec<ActivityParty>,
}

impl PartyList {
    /// A party list of `parties`.
    pub fn new(parties: Vec<ActivityParty>) -> Self {
        Self { parties }
    }
}

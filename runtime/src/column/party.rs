//! Party-list columns (`from`, `to`, `cc`, ...): the parties of an activity.
//!
//! The Web API has no property for a party list on the row: every party of an activity is a
//! row of `activityparty` in the activity's `<table>_activity_parties` collection, with a
//! participation type that says which column it belongs to. Reading gathers that collection
//! (an expansion: `$expand=<table>_activity_parties`) and hands each column the parties of
//! its type; a create body writes the parties of every column into that one collection.

use std::fmt;
use std::mem::ManuallyDrop;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeMap;

use super::lookup::{self as lookup_codec, LookupSlot};
use super::{
    ColumnCodec, ColumnKind, ColumnMetadata, ColumnValue, Key, OptionalGuid, OptionalText,
    Presence, skip,
};
use crate::{Guid, Lookup, Rule, ValidationErrors};

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

/// Every party of an activity read from its `<table>_activity_parties` collection, sorted by
/// participation type as it is read, before the party-list columns take theirs.
#[derive(Debug, Default)]
pub struct ActivityParties {
    /// `None` when the response did not expand the collection (one word to set and test
    /// per row).
    buckets: Option<Buckets>,
}

/// The parties of each documented participation type, at `value - 1`. A party of a type no
/// column holds is dropped, as no field would keep it.
#[derive(Debug, Default)]
struct Buckets {
    /// Dropped by hand, bucket by bucket, as `filled` says: the array is left undropped,
    /// which frees nothing, as every bucket is then empty and an empty `Vec` owns no memory
    /// (dropping 13 `Vec`s per row cost more than reading one party; see benches/).
    by_type: ManuallyDrop<[Vec<ActivityParty>; PARTICIPATION_TYPES]>,
    /// Bit `i` set: `by_type[i]` holds parties no column has taken.
    filled: u16,
}

impl Drop for Buckets {
    fn drop(&mut self) {
        while self.filled != 0 {
            let index = self.filled.trailing_zeros() as usize;
            drop(std::mem::take(&mut self.by_type[index]));
            self.filled &= self.filled - 1;
        }
    }
}

/// How many participation types are documented (values 1 to 13).
const PARTICIPATION_TYPES: usize = 13;
const _: () = assert!(
    PARTICIPATION_TYPES <= u16::BITS as usize,
    "`Buckets::filled` has a bit per type"
);

/// `_activity_parties`: the suffix of an activity's party collection.
const PARTIES_SUFFIX: &str = "_activity_parties";

impl ActivityParties {
    /// Reads `key` when it is `<table>_activity_parties` of table `table`; false, with
    /// nothing read, for any other key.
    #[inline]
    pub fn read_if_parties<'de, A: MapAccess<'de>>(
        &mut self,
        table: &str,
        key: &str,
        map: &mut A,
    ) -> Result<bool, A::Error> {
        match key.strip_suffix(PARTIES_SUFFIX) {
            Some(prefix) if prefix == table => self.read(key, map).map(|()| true),
            _ => Ok(false),
        }
    }

    /// Reads the value of `navigation`, the activity's `<table>_activity_parties`.
    pub fn read<'de, A: MapAccess<'de>>(
        &mut self,
        navigation: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let buckets = self.buckets.get_or_insert_with(Default::default);
        map.next_value_seed(PartiesSeed {
            navigation,
            buckets,
        })
    }

    fn bucket(kind: ParticipationType) -> Option<usize> {
        let index = usize::try_from(kind.value()).ok()?.checked_sub(1)?;
        (index < PARTICIPATION_TYPES).then_some(index)
    }

    /// Takes the parties of `column`'s participation type (moved, not copied: each type
    /// belongs to one column).
    #[inline]
    fn take_for_column(&mut self, column: &str) -> Presence<PartyList> {
        let Some(buckets) = &mut self.buckets else {
            return Presence::Absent;
        };
        let Some(index) = ParticipationType::of_column(column).and_then(Self::bucket) else {
            return Presence::Absent;
        };
        buckets.filled &= !(1 << index);
        Presence::Value(PartyList::new(std::mem::take(&mut buckets.by_type[index])))
    }
}

/// Reads the party rows of `<table>_activity_parties` into their participation types.
struct PartiesSeed<'k, 'p> {
    navigation: &'k str,
    buckets: &'p mut Buckets,
}

impl<'de> de::DeserializeSeed<'de> for PartiesSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for PartiesSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "navigation `{}`: an array of activity parties",
            self.navigation
        )
    }
    fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<(), S::Error> {
        while let Some(party) = seq
            .next_element::<ActivityParty>()
            .map_err(|e| de::Error::custom(format_args!("navigation `{}`: {e}", self.navigation)))?
        {
            let Some(index) = ActivityParties::bucket(party.participation) else {
                continue;
            };
            self.buckets.filled |= 1 << index;
            let bucket = &mut self.buckets.by_type[index];
            // a party row is large and a column usually holds one or two: the first takes an
            // allocation of exactly one, later ones grow as a `Vec` does
            if bucket.capacity() == 0 {
                *bucket = Vec::with_capacity(1);
            }
            bucket.push(party);
        }
        Ok(())
    }
}

impl<'de> de::Deserialize<'de> for ActivityParty {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(PartyVisitor)
    }
}

/// A property of a party row, told apart as the key is read (as serde's derived field
/// identifiers do: no key string is kept).
enum PartyField {
    /// `activitypartyid`.
    Id,
    /// `_partyid_value`.
    Party,
    /// `participationtypemask`.
    Participation,
    /// `addressused`.
    AddressUsed,
    /// `_partyid_value@Microsoft.Dynamics.CRM.lookuplogicalname`: the party's table.
    PartyTable,
    /// An annotation the party lookup reads (`lookuplogicalname`, the associated navigation,
    /// a bind), as `lookup_codec::read_annotation` takes it.
    PartyAnnotation(&'static str),
    /// Anything else: skipped.
    Other,
}

impl PartyField {
    fn of_key(key: &str) -> Self {
        match key {
            "activitypartyid" => Self::Id,
            "_partyid_value" => Self::Party,
            "participationtypemask" => Self::Participation,
            "addressused" => Self::AddressUsed,
            // the annotation every party carries, matched whole: no scan for `@`
            "_partyid_value@Microsoft.Dynamics.CRM.lookuplogicalname" => Self::PartyTable,
            other => match other.split_once('@') {
                Some(("_partyid_value", lookup_codec::ASSOCIATED_NAVIGATION)) => {
                    Self::PartyAnnotation(lookup_codec::ASSOCIATED_NAVIGATION)
                }
                Some(("_partyid_value", lookup_codec::BIND)) => {
                    Self::PartyAnnotation(lookup_codec::BIND)
                }
                Some((navigation, lookup_codec::BIND)) if navigation.starts_with("partyid_") => {
                    Self::PartyAnnotation(lookup_codec::BIND)
                }
                _ => Self::Other,
            },
        }
    }
}

impl<'de> de::Deserialize<'de> for PartyField {
    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_identifier(PartyFieldVisitor)
    }
}

struct PartyFieldVisitor;

impl Visitor<'_> for PartyFieldVisitor {
    type Value = PartyField;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a property name")
    }
    #[inline]
    fn visit_str<E: de::Error>(self, key: &str) -> Result<PartyField, E> {
        Ok(PartyField::of_key(key))
    }
}

struct PartyVisitor;

impl<'de> Visitor<'de> for PartyVisitor {
    type Value = ActivityParty;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an activity party as a JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ActivityParty, A::Error> {
        let mut id = None;
        let mut party = LookupSlot::default();
        let mut participation = None;
        let mut address_used = None;
        // the party's table, borrowed from the input: matched once, when the party is built
        let mut table: Option<Key<'de>> = None;
        let named = |column: &'static str| {
            move |e: A::Error| de::Error::custom(format_args!("column `{column}`: {e}"))
        };
        while let Some(field) = map.next_key::<PartyField>()? {
            match field {
                PartyField::Id => {
                    let OptionalGuid(read) = map.next_value().map_err(named("activitypartyid"))?;
                    id = read;
                }
                PartyField::Party => {
                    lookup_codec::read(&mut party, &mut map).map_err(named("partyid"))?
                }
                PartyField::Participation => {
                    participation = map
                        .next_value::<Option<i32>>()
                        .map_err(named("participationtypemask"))?
                        .map(ParticipationType::from_value);
                }
                PartyField::AddressUsed => {
                    let OptionalText(text) = map.next_value().map_err(named("addressused"))?;
                    address_used = text.map(Key::into_owned);
                }
                PartyField::PartyTable => {
                    let OptionalText(text) = map.next_value().map_err(named("partyid"))?;
                    table = text;
                }
                PartyField::PartyAnnotation(annotation) => {
                    lookup_codec::read_annotation::<PartyRef, A>(&mut party, annotation, &mut map)
                        .map_err(named("partyid"))?;
                }
                PartyField::Other => skip(&mut map)?,
            }
        }
        let table = table.as_ref().map(Key::as_str);
        let party = match lookup_codec::finish_named::<PartyRef>(party, table, "partyid") {
            Ok(Presence::Value(party)) => Some(party),
            Ok(Presence::Null | Presence::Absent) => None,
            Err(message) => {
                return Err(de::Error::custom(format_args!(
                    "column `partyid`: {message}"
                )));
            }
        };
        let Some(participation) = participation else {
            return Err(de::Error::custom(
                "column `participationtypemask`: an activity party must say how it takes part; keep `participationtypemask` in the expansion's `$select`",
            ));
        };
        Ok(ActivityParty {
            id,
            party,
            participation,
            address_used,
        })
    }
}

/// One party as a request body writes it: the party's bind, the participation type, and
/// the address when set.
pub(crate) struct PartyBody<'a> {
    pub(crate) party: &'a ActivityParty,
    pub(crate) participation: ParticipationType,
}

impl serde::Serialize for PartyBody<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        if let Some(party) = &self.party.party {
            lookup_codec::write(party, "partyid", &mut map)?;
        }
        map.serialize_entry("participationtypemask", &self.participation.value())?;
        if let Some(address) = &self.party.address_used {
            map.serialize_entry("addressused", address)?;
        }
        map.end()
    }
}

/// One party as a response carries it.
pub(crate) struct PartyResponse<'a>(pub(crate) &'a ActivityParty);

impl serde::Serialize for PartyResponse<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let party = self.0;
        let mut map = s.serialize_map(None)?;
        if let Some(id) = &party.id {
            map.serialize_entry("activitypartyid", id)?;
        }
        match &party.party {
            Some(target) => lookup_codec::write_response(target, "partyid", &mut map)?,
            None => lookup_codec::write_response_null("partyid", &mut map)?,
        }
        map.serialize_entry("participationtypemask", &party.participation.value())?;
        map.serialize_entry("addressused", &party.address_used)?;
        map.end()
    }
}

impl ColumnValue for PartyList {
    type Codec = Self;
}

impl ColumnCodec<PartyList> for PartyList {
    const KIND: ColumnKind = ColumnKind::PartyList;
    type Slot = ();
    #[inline]
    fn read<'de, A: MapAccess<'de>>(_: &mut (), map: &mut A) -> Result<(), A::Error> {
        skip(map)
    }
    fn finish(_: (), _: &'static str) -> Result<Presence<Self>, String> {
        Ok(Presence::Absent)
    }
    #[inline]
    fn finish_in_row(
        _: (),
        column: &'static str,
        parties: &mut ActivityParties,
    ) -> Result<Presence<Self>, String> {
        Ok(parties.take_for_column(column))
    }
    // the row writers write every party list at once, into `<table>_activity_parties`
    #[inline]
    fn write<M: SerializeMap>(_: &Self, _: &'static str, _: &mut M) -> Result<(), M::Error> {
        Ok(())
    }
    fn write_null<M: SerializeMap>(_: &'static str, _: &mut M) -> Result<(), M::Error> {
        Ok(())
    }
    fn write_response<M: SerializeMap>(
        _: &Self,
        _: &'static str,
        _: &mut M,
    ) -> Result<(), M::Error> {
        Ok(())
    }
    fn write_response_null<M: SerializeMap>(_: &'static str, _: &mut M) -> Result<(), M::Error> {
        Ok(())
    }
    fn party_list(value: &Self) -> Option<&PartyList> {
        Some(value)
    }
    fn check(value: &Self, column: &ColumnMetadata, errors: &mut ValidationErrors) {
        for party in &value.parties {
            if let Some(target) = &party.party
                && !target.is_known()
            {
                errors.add(
                    column.logical_name,
                    Rule::LookupTarget,
                    target.logical_name(),
                    format!(
                        "table `{}` is not a party target of `PartyRef`; a party must be one of the documented party tables",
                        target.logical_name()
                    ),
                );
            }
        }
    }
}

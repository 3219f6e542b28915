//! Reading an activity's `<table>_activity_parties` collection: each party read as a row of
//! `activityparty` and filed by participation type, for the party-list columns to take.

use std::fmt;
use std::mem::ManuallyDrop;

use serde::de::{self, MapAccess, SeqAccess, Visitor};

use super::model::{ActivityParty, ParticipationType, PartyList, PartyRef};
use crate::column::lookup::{self as lookup_codec, LookupSlot};
use crate::column::{Key, OptionalGuid, OptionalString, OptionalText, Presence, skip};

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
    pub(super) fn take_for_column(&mut self, column: &str) -> Presence<PartyList> {
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
        while seq
            .next_element_seed(FilingSeed(&mut *self.buckets))
            .map_err(|e| de::Error::custom(format_args!("navigation `{}`: {e}", self.navigation)))?
            .is_some()
        {}
        Ok(())
    }
}

impl Buckets {
    /// Files `party` under its participation type.
    #[inline]
    fn file(&mut self, party: ActivityParty) {
        let Some(index) = ActivityParties::bucket(party.participation) else {
            return;
        };
        self.filled |= 1 << index;
        let bucket = &mut self.by_type[index];
        // a party row is large and a column usually holds one or two: the first takes an
        // allocation of exactly one, later ones grow as a `Vec` does
        if bucket.capacity() == 0 {
            // the empty `Vec` replaced owns nothing: forgotten, not dropped in a call
            std::mem::forget(std::mem::replace(bucket, Vec::with_capacity(1)));
        }
        bucket.push(party);
    }
}

/// Reads one party row and files it under its participation type, rather than handing the
/// party back through the collection's reader first (decode speed: see benches/).
struct FilingSeed<'p>(&'p mut Buckets);

impl<'de> de::DeserializeSeed<'de> for FilingSeed<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for FilingSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        PartyVisitor.expecting(f)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let party = PartyVisitor.visit_map(map)?;
        self.0.file(party);
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
    /// `_partyid_value@Microsoft.Dynamics.CRM.associatednavigationproperty`.
    PartyNavigation,
    /// A bind of the party lookup: `_partyid_value@odata.bind` or `partyid_<table>@odata.bind`.
    PartyBind,
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
                    Self::PartyNavigation
                }
                Some(("_partyid_value", lookup_codec::BIND)) => Self::PartyBind,
                Some((navigation, lookup_codec::BIND)) if navigation.starts_with("partyid_") => {
                    Self::PartyBind
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
        // `_partyid_value` alone (with the table below) makes the party without a lookup
        // slot; a navigation or bind annotation, rare in a response, takes the slot's path
        let mut party_id = Presence::Absent;
        let mut annotated: Option<LookupSlot> = None;
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
                PartyField::Party => match &mut annotated {
                    Some(slot) => lookup_codec::read(slot, &mut map).map_err(named("partyid"))?,
                    None => {
                        let OptionalGuid(read) = map.next_value().map_err(named("partyid"))?;
                        party_id = lookup_codec::id_presence(read);
                    }
                },
                PartyField::Participation => {
                    // a plain `i32`, not `Option<i32>`: the service always sends the type, and a
                    // `null` fails here as an absent one fails below (decode speed: see benches/)
                    let value = map
                        .next_value::<i32>()
                        .map_err(named("participationtypemask"))?;
                    participation = Some(ParticipationType::from_value(value));
                }
                PartyField::AddressUsed => {
                    let OptionalString(text) = map.next_value().map_err(named("addressused"))?;
                    address_used = text;
                }
                PartyField::PartyTable => {
                    let OptionalText(text) = map.next_value().map_err(named("partyid"))?;
                    table = text;
                }
                PartyField::PartyNavigation | PartyField::PartyBind => {
                    // named here, not carried in the variant: a field-less `PartyField` is one
                    // byte to hand back from every key read (decode speed: see benches/)
                    let annotation = if matches!(field, PartyField::PartyNavigation) {
                        lookup_codec::ASSOCIATED_NAVIGATION
                    } else {
                        lookup_codec::BIND
                    };
                    let slot = annotated
                        .get_or_insert_with(|| LookupSlot::with_id(std::mem::take(&mut party_id)));
                    lookup_codec::read_annotation::<PartyRef, A>(slot, annotation, &mut map)
                        .map_err(named("partyid"))?;
                }
                PartyField::Other => skip(&mut map)?,
            }
        }
        let table = table.as_ref().map(Key::as_str);
        let party = match (annotated, party_id, table) {
            // the common case, the id and its table: matched once, no slot
            (None, Presence::Value(id), Some(table)) => {
                Some(<PartyRef as crate::Lookup>::from_target(table, id))
            }
            (slot, id, table) => {
                let slot = slot.unwrap_or_else(|| LookupSlot::with_id(id));
                match lookup_codec::finish_named::<PartyRef>(slot, table, "partyid") {
                    Ok(Presence::Value(party)) => Some(party),
                    Ok(Presence::Null | Presence::Absent) => None,
                    Err(message) => {
                        return Err(de::Error::custom(format_args!(
                            "column `partyid`: {message}"
                        )));
                    }
                }
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

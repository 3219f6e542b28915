//! A party-list column's codec, and the bodies parties are written in: every party of a
//! create body in the activity's one collection, each with its column's participation type.

use serde::de::MapAccess;
use serde::ser::SerializeMap;

use super::model::{ActivityParty, ParticipationType, PartyList};
use super::read::ActivityParties;
use crate::column::lookup as lookup_codec;
use crate::column::{ColumnCodec, ColumnKind, ColumnMetadata, ColumnValue, Presence, skip};
use crate::{Lookup, Rule, ValidationErrors};

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

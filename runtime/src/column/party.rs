//! Party-list columns, declared for their metadata only.

use serde::de::MapAccess;
use serde::ser::SerializeMap;

use super::{ColumnCodec, ColumnKind, ColumnValue, Presence, skip};

/// A party-list column of an activity table (`from`, `to`, `cc`, `bcc`, `customers`, ...).
///
/// The Web API has no property for these on the row: an activity's parties travel in its
/// `<table>_activity_parties` collection (`activityparty` rows with a participation type),
/// which this version does not read or write. Declaring the column keeps it in the table's
/// metadata; reading leaves it `None`/`Unset`, writing and `$select` leave it out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct PartyList;

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
}

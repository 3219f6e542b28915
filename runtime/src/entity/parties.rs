//! Writing an activity's party-list columns: every column's parties go into the one
//! `<table>_activity_parties` collection, each with its column's participation type.

use serde::ser::{SerializeMap, SerializeSeq};

use super::Entity;
use crate::column::{
    CodecOf, ColumnCodec, ColumnKind, ColumnMetadata, ColumnValue, ParticipationType, PartyBody,
    PartyList, PartyResponse,
};
use crate::row::{ColumnVisitor, Wrap};

/// Calls `each` with every party of the row's party-list columns and the participation type
/// it is written with (the column's; a column of no documented type keeps the party's own).
fn for_each_party<E: Entity>(row: &E, each: impl FnMut(&PartyList, Option<ParticipationType>)) {
    struct Visit<F>(F);
    impl<F: FnMut(&PartyList, Option<ParticipationType>)> ColumnVisitor for Visit<F> {
        fn column<T: ColumnValue, W: Wrap<T>>(
            &mut self,
            value: &W::Out,
            column: &'static ColumnMetadata,
        ) {
            if let Some(list) = W::get(value).and_then(CodecOf::<T>::party_list) {
                (self.0)(list, ParticipationType::of_column(column.logical_name));
            }
        }
    }
    if E::METADATA
        .columns
        .iter()
        .any(|c| c.kind == ColumnKind::PartyList)
    {
        row.visit_columns(&mut Visit(each));
    }
}

/// The parties as a JSON array: request bodies (`response` false) or response rows.
struct Parties<'a, E> {
    row: &'a E,
    response: bool,
}

impl<E: Entity> serde::Serialize for Parties<'_, E> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        let mut result = Ok(());
        for_each_party(self.row, |list, participation| {
            for party in &list.parties {
                if result.is_err() {
                    return;
                }
                result = if self.response {
                    seq.serialize_element(&PartyResponse(party))
                } else {
                    let participation = participation.unwrap_or(party.participation);
                    seq.serialize_element(&PartyBody {
                        party,
                        participation,
                    })
                };
            }
        });
        result?;
        seq.end()
    }
}

/// `<table>_activity_parties`.
struct PartiesKey(&'static str);

impl serde::Serialize for PartiesKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{}_activity_parties", self.0))
    }
}

/// Writes `<table>_activity_parties` into a create body when a party list holds a party, or
/// into a response when a party list was read (`response`).
pub(super) fn write_parties<E: Entity, M: SerializeMap>(
    row: &E,
    response: bool,
    map: &mut M,
) -> Result<(), M::Error> {
    let (mut lists, mut parties) = (0, 0);
    for_each_party(row, |list, _| {
        lists += 1;
        parties += list.parties.len();
    });
    if (response && lists > 0) || parties > 0 {
        map.serialize_entry(
            &PartiesKey(E::METADATA.logical_name),
            &Parties { row, response },
        )?;
    }
    Ok(())
}

/// The body of `PUT <entity set>(<id>)/<table>_activity_parties`, which replaces an
/// activity's parties: `{"value": [...]}`; see [`Entity::activity_parties_body`].
pub struct ActivityPartiesBody<'a, E> {
    pub(super) row: &'a E,
}

impl<E: Entity> serde::Serialize for ActivityPartiesBody<'_, E> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(1))?;
        map.serialize_entry(
            "value",
            &Parties {
                row: self.row,
                response: false,
            },
        )?;
        map.end()
    }
}

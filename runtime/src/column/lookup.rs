//! Reading and writing lookup columns: `_<col>_value` with its annotations on read,
//! `<navigation>@odata.bind` on write. `lookup!` types implement
//! [`ColumnValue`](super::ColumnValue) through [`LookupCodec`], which calls these.

use std::fmt;

use serde::Deserialize;
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;

use super::{ColumnCodec, ColumnKind, ColumnMetadata, OptionalGuid, OptionalText, Presence};
use crate::{Guid, Lookup, LookupMetadata, Rule, TargetMetadata, ValidationErrors};

/// The annotation naming a lookup's target table.
pub const LOOKUP_LOGICAL_NAME: &str = "Microsoft.Dynamics.CRM.lookuplogicalname";
/// The annotation naming a lookup's navigation property.
pub const ASSOCIATED_NAVIGATION: &str = "Microsoft.Dynamics.CRM.associatednavigationproperty";
/// The annotation binding a navigation property to a row: `<navigation>@odata.bind`.
pub const BIND: &str = "odata.bind";

/// Which table a lookup value points at, as far as the response has said.
#[derive(Debug, Default)]
pub enum TargetRef {
    /// Not said (yet).
    #[default]
    Unsaid,
    /// A declared target.
    Known(&'static TargetMetadata),
    /// A table the declaration does not know.
    Unknown(String),
}

/// What the reader gathers for one lookup column.
#[derive(Debug, Default)]
pub struct LookupSlot {
    id: Presence<Guid>,
    by_name: TargetRef,
    by_navigation: Option<&'static TargetMetadata>,
}

impl LookupSlot {
    /// A slot that has read `_<col>_value` as `id` and nothing else yet.
    pub(crate) fn with_id(id: Presence<Guid>) -> Self {
        Self {
            id,
            ..Self::default()
        }
    }
}

/// The id read from `_<col>_value`: a unique identifier or `null`.
pub(crate) fn id_presence(id: Option<Guid>) -> Presence<Guid> {
    match id {
        Some(id) => Presence::Value(id),
        None => Presence::Null,
    }
}

/// Reads `_<col>_value`.
pub fn read<'de, A: MapAccess<'de>>(slot: &mut LookupSlot, map: &mut A) -> Result<(), A::Error> {
    slot.id = id_presence(map.next_value::<OptionalGuid>()?.0);
    Ok(())
}

/// Reads the navigation property `<col>` of a lookup: `null` says the lookup is empty (when
/// `_<col>_value` has not said otherwise); an expanded row the struct does not declare as a
/// navigation field is skipped, never read as the lookup's value.
pub fn read_navigation<'de, A: MapAccess<'de>>(
    slot: &mut LookupSlot,
    map: &mut A,
) -> Result<(), A::Error> {
    if map.next_value::<NullOrSkipped>()?.0 && matches!(slot.id, Presence::Absent) {
        slot.id = Presence::Null;
    }
    Ok(())
}

/// Any JSON value, skipped; true when it was `null`.
struct NullOrSkipped(bool);

impl<'de> Deserialize<'de> for NullOrSkipped {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct AnyValue;
        impl<'de> Visitor<'de> for AnyValue {
            type Value = NullOrSkipped;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_unit<E>(self) -> Result<NullOrSkipped, E> {
                Ok(NullOrSkipped(true))
            }
            fn visit_none<E>(self) -> Result<NullOrSkipped, E> {
                Ok(NullOrSkipped(true))
            }
            fn visit_some<D: serde::Deserializer<'de>>(
                self,
                d: D,
            ) -> Result<NullOrSkipped, D::Error> {
                serde::de::IgnoredAny::deserialize(d).map(|_| NullOrSkipped(false))
            }
            fn visit_bool<E>(self, _: bool) -> Result<NullOrSkipped, E> {
                Ok(NullOrSkipped(false))
            }
            fn visit_i64<E>(self, _: i64) -> Result<NullOrSkipped, E> {
                Ok(NullOrSkipped(false))
            }
            fn visit_u64<E>(self, _: u64) -> Result<NullOrSkipped, E> {
                Ok(NullOrSkipped(false))
            }
            fn visit_f64<E>(self, _: f64) -> Result<NullOrSkipped, E> {
                Ok(NullOrSkipped(false))
            }
            fn visit_str<E>(self, _: &str) -> Result<NullOrSkipped, E> {
                Ok(NullOrSkipped(false))
            }
            fn visit_seq<S: serde::de::SeqAccess<'de>>(
                self,
                seq: S,
            ) -> Result<NullOrSkipped, S::Error> {
                serde::de::IgnoredAny
                    .visit_seq(seq)
                    .map(|_| NullOrSkipped(false))
            }
            fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<NullOrSkipped, M::Error> {
                serde::de::IgnoredAny
                    .visit_map(map)
                    .map(|_| NullOrSkipped(false))
            }
        }
        d.deserialize_any(AnyValue)
    }
}

/// Splits a bind path, `/<entity set>(<id>)`, `<entity set>(<id>)` or a full URL ending in
/// either, into the entity set and the id.
pub(crate) fn parse_bind_path(path: &str) -> Option<(&str, Guid)> {
    let inner = path.strip_suffix(')')?;
    let (head, id) = inner.rsplit_once('(')?;
    let entity_set = head.rsplit('/').next().unwrap_or(head);
    let id = id.trim_matches('\'');
    Some((entity_set, id.parse().ok()?))
}

/// Reads `<navigation>@odata.bind` (a request body's, or what `InitializeFrom` returns) into
/// the lookup it binds: the path's entity set names the target.
fn read_bind<'de, L: Lookup, A: MapAccess<'de>>(
    slot: &mut LookupSlot,
    map: &mut A,
) -> Result<(), A::Error> {
    match map.next_value_seed(BindSeed::<L>(std::marker::PhantomData))? {
        Some((target, id)) => {
            slot.id = Presence::Value(id);
            slot.by_name = TargetRef::Known(target);
        }
        None => slot.id = Presence::Null,
    }
    Ok(())
}

/// A bind path read as the declared target and id (`None` for `null`); errors come from the
/// value, so the reader names the column in them.
struct BindSeed<L>(std::marker::PhantomData<L>);

impl<'de, L: Lookup> serde::de::DeserializeSeed<'de> for BindSeed<L> {
    type Value = Option<(&'static TargetMetadata, Guid)>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        use serde::de::Error;
        let OptionalText(path) = OptionalText::deserialize(d)?;
        let Some(path) = path else {
            return Ok(None);
        };
        let Some((entity_set, id)) = parse_bind_path(path.as_str()) else {
            return Err(D::Error::custom(format_args!(
                "`@odata.bind` value `{}` is not a row path; expected `/<entity set>(<id>)`",
                path.as_str()
            )));
        };
        let target = L::METADATA
            .layers()
            .flat_map(|l| l.targets.iter())
            .find(|t| t.entity_set == entity_set);
        match target {
            Some(target) => Ok(Some((target, id))),
            None => Err(D::Error::custom(format_args!(
                "`@odata.bind` names entity set `{entity_set}`, which no target of lookup `{}` has; add that table as a target (in a layer of the lookup)",
                L::METADATA.layer
            ))),
        }
    }
}

/// Reads the `lookuplogicalname` and `associatednavigationproperty` annotations, and a bind.
pub fn read_annotation<'de, L: Lookup, A: MapAccess<'de>>(
    slot: &mut LookupSlot,
    annotation: &str,
    map: &mut A,
) -> Result<bool, A::Error> {
    // `split_annotation` hands out the constant: equal pointers, when the build gives it one
    // address, skip the compare
    if std::ptr::eq(annotation, LOOKUP_LOGICAL_NAME) || annotation == LOOKUP_LOGICAL_NAME {
        if let OptionalText(Some(name)) = map.next_value()? {
            slot.by_name = match L::METADATA.find_target(name.as_str()) {
                Some(t) => TargetRef::Known(t),
                None => TargetRef::Unknown(name.into_owned()),
            };
        }
        Ok(true)
    } else if std::ptr::eq(annotation, ASSOCIATED_NAVIGATION) || annotation == ASSOCIATED_NAVIGATION
    {
        if let OptionalText(Some(nav)) = map.next_value()? {
            // an unknown navigation says nothing the logical name does not
            slot.by_navigation = target_by_navigation(L::METADATA, nav.as_str());
        }
        Ok(true)
    } else if annotation == BIND {
        read_bind::<L, A>(slot, map).map(|()| true)
    } else {
        Ok(false)
    }
}

fn target_by_navigation(
    lookup: &'static LookupMetadata,
    navigation: &str,
) -> Option<&'static TargetMetadata> {
    lookup
        .layers()
        .flat_map(|l| l.targets.iter())
        .find(|t| t.navigation == navigation)
}

/// Builds the value from what was gathered.
pub fn finish<L: Lookup>(slot: LookupSlot, column: &'static str) -> Result<Presence<L>, String> {
    let id = match slot.id {
        Presence::Absent => return Ok(Presence::Absent),
        Presence::Null => return Ok(Presence::Null),
        Presence::Value(id) => id,
    };
    let value = match (slot.by_name, slot.by_navigation) {
        (TargetRef::Known(t), _) => L::from_target(t.logical_name, id),
        (TargetRef::Unknown(name), _) => L::from_target(&name, id),
        (TargetRef::Unsaid, Some(t)) => L::from_target(t.logical_name, id),
        (TargetRef::Unsaid, None) => {
            let mut targets = L::METADATA.layers().flat_map(|l| l.targets.iter());
            match (targets.next(), targets.next()) {
                (Some(only), None) => L::from_target(only.logical_name, id),
                _ => {
                    return Err(format!(
                        "lookup `_{column}_value` can point at several tables, but the response does not say which; \
                         send the header `Prefer: odata.include-annotations=\"{LOOKUP_LOGICAL_NAME}\"` (or `\"*\"`) with the request"
                    ));
                }
            }
        }
    };
    Ok(Presence::Value(value))
}

/// [`finish`], given the table the `lookuplogicalname` annotation named, as the caller read
/// it (borrowed from the input): the value is matched by name once, without searching the
/// targets first. A bind read into the slot still says the table.
pub fn finish_named<L: Lookup>(
    slot: LookupSlot,
    table: Option<&str>,
    column: &'static str,
) -> Result<Presence<L>, String> {
    if let (Some(table), Presence::Value(id), TargetRef::Unsaid) = (table, &slot.id, &slot.by_name)
    {
        return Ok(Presence::Value(L::from_target(table, *id)));
    }
    finish(slot, column)
}

/// A string written piece by piece: no allocation, no format string to interpret (encode
/// speed: see benches/).
struct Pieces<'a, const N: usize>([&'a str; N]);

impl<const N: usize> fmt::Display for Pieces<'_, N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|piece| f.write_str(piece))
    }
}

/// `<navigation>@odata.bind`.
pub(crate) struct BindKey<'a>(pub(crate) &'a str);

impl serde::Serialize for BindKey<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&Pieces([self.0, "@odata.bind"]))
    }
}

/// `/<entity set>(<id>)`.
pub(crate) struct BindPath<'a>(pub(crate) &'a str, pub(crate) Guid);

impl serde::Serialize for BindPath<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut id = [0; uuid::fmt::Hyphenated::LENGTH];
        let id = self.1.as_hyphenated().encode_lower(&mut id);
        s.collect_str(&Pieces(["/", self.0, "(", id, ")"]))
    }
}

/// Writes `"<navigation>@odata.bind": "/<entity set>(<id>)"`.
pub fn write<L: Lookup, M: SerializeMap>(
    lookup: &L,
    column: &'static str,
    map: &mut M,
) -> Result<(), M::Error> {
    match lookup.target() {
        Some(t) => {
            map.serialize_entry(&BindKey(t.navigation), &BindPath(t.entity_set, lookup.id()))
        }
        None => Err(serde::ser::Error::custom(format_args!(
            "column `{column}`: cannot bind table `{}`, which lookup `{}` does not declare, because its entity set is unknown; \
             add it as a target (in a layer of the lookup) or leave the column unset (an update leaves it out by itself)",
            lookup.logical_name(),
            L::METADATA.layer
        ))),
    }
}

/// Writes a cleared lookup as its navigation property set to null: `"<navigation>": null`.
///
/// Not `"<navigation>@odata.bind": null`: the documentation shows both forms, but the service
/// silently ignores the `@odata.bind` one and keeps the old value (MicrosoftDocs/powerapps-docs
/// issue 4268; `DELETE <set>(<id>)/<navigation>/$ref` is the other form that works, see
/// `Service::clear_reference`). A multi-target lookup's navigation properties (one per target)
/// all stand for the one lookup column, so the first target's clears the column whatever
/// table the old value pointed to; a lookup without declared targets uses the column name,
/// the navigation property of a single-target lookup.
pub fn write_null<L: Lookup, M: SerializeMap>(
    column: &'static str,
    map: &mut M,
) -> Result<(), M::Error> {
    match L::METADATA.layers().last().and_then(|l| l.targets.first()) {
        Some(t) => map.serialize_entry(t.navigation, &()),
        None => map.serialize_entry(column, &()),
    }
}

/// `_<column>_value` or `_<column>_value@<annotation>`, written without building a string.
struct ValueKey<'a>(&'a str, Option<&'a str>);

impl serde::Serialize for ValueKey<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.1 {
            Some(annotation) => s.collect_str(&format_args!("_{}_value@{annotation}", self.0)),
            None => s.collect_str(&format_args!("_{}_value", self.0)),
        }
    }
}

/// Writes the lookup as a response carries it: `_<col>_value` with the
/// `lookuplogicalname` and (for a declared target) `associatednavigationproperty` annotations.
pub fn write_response<L: Lookup, M: SerializeMap>(
    lookup: &L,
    column: &'static str,
    map: &mut M,
) -> Result<(), M::Error> {
    if let Some(navigation) = lookup.navigation() {
        map.serialize_entry(&ValueKey(column, Some(ASSOCIATED_NAVIGATION)), navigation)?;
    }
    map.serialize_entry(
        &ValueKey(column, Some(LOOKUP_LOGICAL_NAME)),
        lookup.logical_name(),
    )?;
    map.serialize_entry(&ValueKey(column, None), &lookup.id())
}

/// Writes a null lookup as a response carries it: `"_<col>_value": null`.
pub fn write_response_null<M: SerializeMap>(
    column: &'static str,
    map: &mut M,
) -> Result<(), M::Error> {
    map.serialize_entry(&ValueKey(column, None), &())
}

/// Reports a target the lookup does not declare.
pub fn check<L: Lookup>(lookup: &L, column: &ColumnMetadata, errors: &mut ValidationErrors) {
    if !lookup.is_known() {
        errors.add(
            column.logical_name,
            Rule::LookupTarget,
            lookup.logical_name(),
            format!(
                "table `{}` is not a target of lookup `{}`; add it as a target in a layer of the lookup",
                lookup.logical_name(),
                L::METADATA.layer
            ),
        );
    }
}

/// The codec of `lookup!` types: the functions of this module, generic over the lookup.
#[derive(Debug, Clone, Copy)]
pub struct LookupCodec;

impl<L: Lookup> ColumnCodec<L> for LookupCodec {
    const KIND: ColumnKind = ColumnKind::Lookup;
    const LOOKUP: Option<&'static LookupMetadata> = Some(L::METADATA);
    const VALUE_PROPERTY: bool = true;
    type Slot = LookupSlot;
    fn read<'de, A: MapAccess<'de>>(slot: &mut LookupSlot, map: &mut A) -> Result<(), A::Error> {
        read(slot, map)
    }
    fn read_other_property<'de, A: MapAccess<'de>>(
        slot: &mut LookupSlot,
        map: &mut A,
    ) -> Result<(), A::Error> {
        read_navigation(slot, map)
    }
    fn read_annotation<'de, A: MapAccess<'de>>(
        slot: &mut LookupSlot,
        annotation: &str,
        map: &mut A,
    ) -> Result<bool, A::Error> {
        read_annotation::<L, A>(slot, annotation, map)
    }
    fn finish(slot: LookupSlot, column: &'static str) -> Result<Presence<L>, String> {
        finish(slot, column)
    }
    fn write<M: SerializeMap>(
        value: &L,
        column: &'static str,
        map: &mut M,
    ) -> Result<(), M::Error> {
        write(value, column, map)
    }
    fn can_write(value: &L) -> bool {
        value.target().is_some()
    }
    fn write_null<M: SerializeMap>(column: &'static str, map: &mut M) -> Result<(), M::Error> {
        write_null::<L, M>(column, map)
    }
    fn write_response<M: SerializeMap>(
        value: &L,
        column: &'static str,
        map: &mut M,
    ) -> Result<(), M::Error> {
        write_response(value, column, map)
    }
    fn write_response_null<M: SerializeMap>(
        column: &'static str,
        map: &mut M,
    ) -> Result<(), M::Error> {
        write_response_null(column, map)
    }
    fn check(value: &L, column: &ColumnMetadata, errors: &mut ValidationErrors) {
        check(value, column, errors)
    }
}

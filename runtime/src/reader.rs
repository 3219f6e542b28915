//! Building blocks of the code `#[dataverse_entity]` generates: presence wrappers (bare
//! `T`, `Option<T>`, `Field<T>`) and map-key helpers. Not public API.

use std::fmt;

use serde::de::{self, MapAccess};
use serde::ser::SerializeMap;

use crate::column::{CodecOf, ColumnCodec, ColumnValue, Presence, SlotOf};
use crate::entity::{ColumnMetadata, FormattedValues, Operation};
use crate::{Field, Rule, ValidationErrors};

/// The formatted-value annotation.
pub const FORMATTED_VALUE: &str = "OData.Community.Display.V1.FormattedValue";

/// How a field wraps its column value.
pub trait Wrap<T: ColumnValue> {
    /// The field's type.
    type Out;
    /// Turns what was read into the field.
    fn finish(read: Presence<T>, column: &'static str) -> Result<Self::Out, String>;
    /// Writes the field into a request body for `operation` (nothing when unset, and on
    /// update nothing for a value that cannot be written back, so the service keeps it).
    fn write<M: SerializeMap>(
        out: &Self::Out,
        column: &'static str,
        operation: Operation,
        map: &mut M,
    ) -> Result<(), M::Error>;
    /// Writes the field as a response carries it (nothing when unset).
    fn write_response<M: SerializeMap>(
        out: &Self::Out,
        column: &'static str,
        map: &mut M,
    ) -> Result<(), M::Error>;
    /// Validates the field.
    fn validate(
        out: &Self::Out,
        column: &ColumnMetadata,
        operation: Operation,
        errors: &mut ValidationErrors,
    );
    /// The value, when there is one.
    fn get(out: &Self::Out) -> Option<&T>;
}

/// Writes a value, leaving out on update one that cannot be written back (a lookup target
/// whose entity set no layer declares): left out of a `PATCH`, the service keeps it.
#[inline]
fn write_value<T: ColumnValue, M: SerializeMap>(
    value: &T,
    column: &'static str,
    operation: Operation,
    map: &mut M,
) -> Result<(), M::Error> {
    if operation == Operation::Update && !CodecOf::<T>::can_write(value) {
        return Ok(());
    }
    CodecOf::<T>::write(value, column, map)
}

/// A bare `T`: must be in the response and not null.
pub struct Bare;
/// `Option<T>`: absent or `null` is `None`.
pub struct Optional;
/// `Field<T>`: absent is `Unset`, `null` is `Null`.
pub struct Tri;

fn required_missing(column: &ColumnMetadata, operation: Operation, errors: &mut ValidationErrors) {
    if column.required && operation == Operation::Create {
        errors.add(
            column.logical_name,
            Rule::Required,
            "null",
            "is required on create; give it a value",
        );
    }
}

impl<T: ColumnValue> Wrap<T> for Bare {
    type Out = T;
    fn finish(read: Presence<T>, column: &'static str) -> Result<T, String> {
        match read {
            Presence::Value(v) => Ok(v),
            Presence::Absent => Err(format!(
                "the response has no `{column}`; add it to `$select`, or declare the field as `Option<_>` or `Field<_>`"
            )),
            Presence::Null => Err(format!(
                "`{column}` is null; declare the field as `Option<_>` or `Field<_>` to accept null"
            )),
        }
    }
    #[inline]
    fn write<M: SerializeMap>(
        out: &T,
        column: &'static str,
        operation: Operation,
        map: &mut M,
    ) -> Result<(), M::Error> {
        write_value(out, column, operation, map)
    }
    fn write_response<M: SerializeMap>(
        out: &T,
        column: &'static str,
        map: &mut M,
    ) -> Result<(), M::Error> {
        CodecOf::<T>::write_response(out, column, map)
    }
    fn validate(out: &T, column: &ColumnMetadata, _: Operation, errors: &mut ValidationErrors) {
        CodecOf::<T>::check(out, column, errors);
    }
    fn get(out: &T) -> Option<&T> {
        Some(out)
    }
}

impl<T: ColumnValue> Wrap<T> for Optional {
    type Out = Option<T>;
    fn finish(read: Presence<T>, _: &'static str) -> Result<Option<T>, String> {
        Ok(match read {
            Presence::Value(v) => Some(v),
            Presence::Absent | Presence::Null => None,
        })
    }
    #[inline]
    fn write<M: SerializeMap>(
        out: &Option<T>,
        column: &'static str,
        operation: Operation,
        map: &mut M,
    ) -> Result<(), M::Error> {
        match out {
            Some(v) => write_value(v, column, operation, map),
            None => CodecOf::<T>::write_null(column, map),
        }
    }
    fn write_response<M: SerializeMap>(
        out: &Option<T>,
        column: &'static str,
        map: &mut M,
    ) -> Result<(), M::Error> {
        match out {
            Some(v) => CodecOf::<T>::write_response(v, column, map),
            None => CodecOf::<T>::write_response_null(column, map),
        }
    }
    fn validate(
        out: &Option<T>,
        column: &ColumnMetadata,
        operation: Operation,
        errors: &mut ValidationErrors,
    ) {
        match out {
            Some(v) => CodecOf::<T>::check(v, column, errors),
            None => required_missing(column, operation, errors),
        }
    }
    fn get(out: &Option<T>) -> Option<&T> {
        out.as_ref()
    }
}

impl<T: ColumnValue> Wrap<T> for Tri {
    type Out = Field<T>;
    fn finish(read: Presence<T>, _: &'static str) -> Result<Field<T>, String> {
        Ok(match read {
            Presence::Value(v) => Field::Value(v),
            Presence::Absent => Field::Unset,
            Presence::Null => Field::Null,
        })
    }
    #[inline]
    fn write<M: SerializeMap>(
        out: &Field<T>,
        column: &'static str,
        operation: Operation,
        map: &mut M,
    ) -> Result<(), M::Error> {
        match out {
            Field::Value(v) => write_value(v, column, operation, map),
            Field::Null => CodecOf::<T>::write_null(column, map),
            Field::Unset => Ok(()),
        }
    }
    fn write_response<M: SerializeMap>(
        out: &Field<T>,
        column: &'static str,
        map: &mut M,
    ) -> Result<(), M::Error> {
        match out {
            Field::Value(v) => CodecOf::<T>::write_response(v, column, map),
            Field::Null => CodecOf::<T>::write_response_null(column, map),
            Field::Unset => Ok(()),
        }
    }
    fn validate(
        out: &Field<T>,
        column: &ColumnMetadata,
        operation: Operation,
        errors: &mut ValidationErrors,
    ) {
        match out {
            Field::Value(v) => CodecOf::<T>::check(v, column, errors),
            Field::Null | Field::Unset => required_missing(column, operation, errors),
        }
    }
    fn get(out: &Field<T>) -> Option<&T> {
        out.value()
    }
}

/// Reads a column's property into its slot, naming the column in any error.
#[inline]
pub fn read_column<'de, T: ColumnValue, A: MapAccess<'de>>(
    slot: &mut SlotOf<T>,
    column: &'static str,
    map: &mut A,
) -> Result<(), A::Error> {
    CodecOf::<T>::read(slot, &mut ColumnMap { inner: map, column })
}

/// Reads an annotation of a column's property; false when the column type does not use it.
#[inline]
pub fn read_column_annotation<'de, T: ColumnValue, A: MapAccess<'de>>(
    slot: &mut SlotOf<T>,
    annotation: &str,
    column: &'static str,
    map: &mut A,
) -> Result<bool, A::Error> {
    CodecOf::<T>::read_annotation(slot, annotation, &mut ColumnMap { inner: map, column })
}

/// Finishes a column, naming it in any error.
pub fn finish_column<T: ColumnValue, W: Wrap<T>, E: de::Error>(
    slot: SlotOf<T>,
    column: &'static str,
) -> Result<W::Out, E> {
    CodecOf::<T>::finish(slot, column)
        .and_then(|read| W::finish(read, column))
        .map_err(|message| E::custom(crate::DecodeError::new(column, message)))
}

/// A `MapAccess` whose value errors name the column.
struct ColumnMap<'a, A> {
    inner: &'a mut A,
    column: &'static str,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for ColumnMap<'_, A> {
    type Error = A::Error;
    #[inline]
    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.inner.next_key_seed(seed)
    }
    #[inline]
    fn next_value_seed<V: de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, A::Error> {
        self.inner
            .next_value_seed(seed)
            .map_err(|e| crate::column::column_error(self.column, e))
    }
}

/// A map key, borrowed from the input when it has no escapes.
pub enum Key<'de> {
    /// Borrowed from the input.
    Borrowed(&'de str),
    /// Copied (the input had escapes or is not borrowable).
    Owned(String),
}

impl<'de> Key<'de> {
    /// The key's text.
    #[inline]
    pub fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(s) => s,
            Key::Owned(s) => s,
        }
    }

    /// The key as an owned string.
    #[inline]
    pub fn into_owned(self) -> String {
        match self {
            Key::Borrowed(s) => s.to_owned(),
            Key::Owned(s) => s,
        }
    }
}

impl<'de> de::Deserialize<'de> for Key<'de> {
    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(TextVisitor)?
            .ok_or_else(|| de::Error::invalid_type(de::Unexpected::Unit, &"a string"))
    }
}

/// A string or `null`, borrowed from the input when it has no escapes: annotation values.
/// Read with one dispatch on the next byte rather than `Option`'s null check followed by a
/// string read (decode speed: see benches/).
pub(crate) struct OptionalText<'de>(pub(crate) Option<Key<'de>>);

impl<'de> de::Deserialize<'de> for OptionalText<'de> {
    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TextVisitor).map(OptionalText)
    }
}

/// Visits a string, borrowed when the input allows, or a null (`None`).
struct TextVisitor;

impl<'de> de::Visitor<'de> for TextVisitor {
    type Value = Option<Key<'de>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or null")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Some(Key::Borrowed(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(Key::Owned(v.to_owned())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(Key::Owned(v)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

/// `@` and the formatted-value annotation: the suffix of most annotated keys.
const FORMATTED_VALUE_SUFFIX: &str = "@OData.Community.Display.V1.FormattedValue";

/// Splits `prop@annotation`; `None` for a plain property.
#[inline]
pub fn split_annotation(key: &str) -> Option<(&str, &str)> {
    // Most of a row's annotations are formatted values: a suffix test (one short compare)
    // finds them without scanning the key for `@` (decode speed: see benches/). Same split
    // as below, as OData annotation names hold no `@`.
    if let Some(property) = key.strip_suffix(FORMATTED_VALUE_SUFFIX) {
        return Some((property, FORMATTED_VALUE));
    }
    key.split_once('@')
}

/// Handles an annotation no column claimed: keeps formatted values when the struct
/// collects them, skips everything else.
#[inline]
pub fn read_other_annotation<'de, A: MapAccess<'de>>(
    property: &str,
    annotation: &str,
    map: &mut A,
    formatted: Option<&mut FormattedValues>,
) -> Result<(), A::Error> {
    match formatted {
        // `split_annotation` hands out the constant itself: equal pointers skip the compare
        Some(formatted)
            if std::ptr::eq(annotation, FORMATTED_VALUE) || annotation == FORMATTED_VALUE =>
        {
            // borrowed from the input when it has no escapes: no `String` per value
            let OptionalText(text) = map.next_value::<OptionalText<'de>>().map_err(|e| {
                let column = property
                    .strip_prefix('_')
                    .and_then(|p| p.strip_suffix("_value"))
                    .unwrap_or(property);
                crate::column::column_error(column, format_args!("formatted value: {e}"))
            })?;
            if let Some(text) = text {
                formatted.insert_str(property, text.as_str());
            }
            Ok(())
        }
        _ => crate::column::skip(map),
    }
}

/// Reports a status reason that does not belong to the row's state.
pub fn check_status<S: ColumnValue, T: ColumnValue>(
    state: Option<&S>,
    status: Option<&T>,
    status_column: &ColumnMetadata,
    errors: &mut ValidationErrors,
) {
    let (Some(state), Some(status)) = (state, status) else {
        return;
    };
    let (Some(state_value), Some(status_value)) = (
        CodecOf::<S>::choice_value(state),
        CodecOf::<T>::choice_value(status),
    ) else {
        return;
    };
    let owner = CodecOf::<T>::CHOICE
        .and_then(|c| c.option(status_value))
        .and_then(|o| o.state);
    if let Some(owner) = owner
        && owner != state_value
    {
        errors.add(
            status_column.logical_name,
            Rule::StatusForState,
            status_value,
            format!("belongs to state {owner}, not to the row's state {state_value}; pick a status of state {state_value}"),
        );
    }
}

/// The kind of column type `T` (compile-time checks of generated code).
pub const fn kind_of<T: ColumnValue>() -> crate::ColumnKind {
    CodecOf::<T>::KIND
}

/// Whether column type `T` may stand for `base`'s column in an extension (see
/// [`extends_compatible`]).
pub const fn extends_compatible_type<T: ColumnValue>(base: &ColumnMetadata) -> bool {
    extends_compatible(
        base,
        CodecOf::<T>::KIND,
        CodecOf::<T>::CHOICE,
        CodecOf::<T>::LOOKUP,
    )
}

/// Whether an extension's column type fits the base's column: same kind (money and decimal
/// alike), and for choices and lookups the same type or an extension of it.
pub const fn extends_compatible(
    base: &ColumnMetadata,
    kind: crate::ColumnKind,
    choice: Option<&'static crate::ChoiceMetadata>,
    lookup: Option<&'static crate::LookupMetadata>,
) -> bool {
    use crate::__private::const_str_eq;
    use crate::ColumnKind::{Decimal, Money};
    let same_kind = base.kind as u8 == kind as u8
        || (matches!(base.kind, Decimal | Money) && matches!(kind, Decimal | Money));
    if !same_kind {
        return false;
    }
    if let Some(wanted) = base.choice {
        let mut layer = choice;
        while let Some(current) = layer {
            if const_str_eq(current.layer, wanted.layer) && const_str_eq(current.name, wanted.name)
            {
                return true;
            }
            layer = current.base;
        }
        return false;
    }
    if let Some(wanted) = base.lookup {
        let mut layer = lookup;
        while let Some(current) = layer {
            if const_str_eq(current.layer, wanted.layer)
                && const_str_eq(current.column, wanted.column)
            {
                return true;
            }
            layer = current.base;
        }
        return false;
    }
    true
}

/// Writes formatted values as a response carries them, each before nothing in particular:
/// `<col>@OData.Community.Display.V1.FormattedValue` (`_<col>_value@...` for a lookup).
pub fn write_formatted_values<M: SerializeMap>(
    columns: &'static [ColumnMetadata],
    formatted: &FormattedValues,
    map: &mut M,
) -> Result<(), M::Error> {
    struct Key<'a>(&'a str, bool);
    impl serde::Serialize for Key<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            if self.1 {
                s.collect_str(&format_args!("_{}_value@{FORMATTED_VALUE}", self.0))
            } else {
                s.collect_str(&format_args!("{}@{FORMATTED_VALUE}", self.0))
            }
        }
    }
    for (column, text) in formatted.iter() {
        let is_lookup = columns
            .iter()
            .any(|c| c.logical_name == column && c.kind == crate::ColumnKind::Lookup);
        map.serialize_entry(&Key(column, is_lookup), text)?;
    }
    Ok(())
}

// Generated code calls the helpers below once per column. They take an accumulator instead of
// returning a `Result`, so a table's generated code has no `?` per column: type-checking and
// borrow-checking a `?` per column is much of what large tables cost to compile.

/// Finishes a column into its field value; on error records the first one and gives `None`.
pub fn finish_field<T: ColumnValue, W: Wrap<T>, E: de::Error>(
    slot: SlotOf<T>,
    column: &'static str,
    error: &mut Option<E>,
) -> Option<W::Out> {
    match finish_column::<T, W, E>(slot, column) {
        Ok(out) => Some(out),
        Err(e) => {
            error.get_or_insert(e);
            None
        }
    }
}

/// The error `finish_field` recorded.
pub fn first_error<E: de::Error>(error: Option<E>) -> E {
    error.unwrap_or_else(|| E::custom("a column could not be read"))
}

/// Reads `@odata.etag` into `etag`.
pub fn read_etag_into<'de, A: MapAccess<'de>>(
    etag: &mut Option<String>,
    map: &mut A,
) -> Result<(), A::Error> {
    *etag = crate::column::read_etag(map)?;
    Ok(())
}

/// Reads an annotation of a column's property when the column type claims it, else hands it
/// to [`read_other_annotation`].
#[inline]
pub fn read_annotation_or_other<'de, A: MapAccess<'de>>(
    claimed: Result<bool, A::Error>,
    property: &str,
    annotation: &str,
    map: &mut A,
    formatted: Option<&mut FormattedValues>,
) -> Result<(), A::Error> {
    match claimed {
        Ok(true) => Ok(()),
        Ok(false) => read_other_annotation(property, annotation, map, formatted),
        Err(e) => Err(e),
    }
}

/// What a table's generated `visit_columns` calls for each column.
pub trait ColumnVisitor {
    /// One column: its field (of the type wrapper `W` gives) and its metadata.
    fn column<T: ColumnValue, W: Wrap<T>>(
        &mut self,
        value: &W::Out,
        column: &'static ColumnMetadata,
    );
}

/// Validates every writable column (see [`Entity::validate`](crate::Entity::validate)).
pub struct Validator {
    /// What the row is checked for.
    pub operation: Operation,
    /// What was found so far.
    pub errors: ValidationErrors,
}

impl ColumnVisitor for Validator {
    fn column<T: ColumnValue, W: Wrap<T>>(
        &mut self,
        value: &W::Out,
        column: &'static ColumnMetadata,
    ) {
        if !column.read_only {
            W::validate(value, column, self.operation, &mut self.errors);
        }
    }
}

/// Writes a request body (see [`Entity::write_columns`](crate::Entity::write_columns)).
pub struct RequestWriter<'a, M: SerializeMap> {
    /// Create or update.
    pub operation: Operation,
    /// The table's primary id column, not written on update.
    pub primary_id: &'static str,
    /// The body being written.
    pub map: &'a mut M,
    /// The first error.
    pub result: Result<(), M::Error>,
}

impl<M: SerializeMap> ColumnVisitor for RequestWriter<'_, M> {
    #[inline]
    fn column<T: ColumnValue, W: Wrap<T>>(
        &mut self,
        value: &W::Out,
        column: &'static ColumnMetadata,
    ) {
        let skip = column.read_only
            || (self.operation == Operation::Update && column.logical_name == self.primary_id);
        if !skip && self.result.is_ok() {
            self.result = W::write(value, column.logical_name, self.operation, self.map);
        }
    }
}

/// Writes a row as a response carries it (see
/// [`Entity::write_response_columns`](crate::Entity::write_response_columns)).
pub struct ResponseWriter<'a, M: SerializeMap> {
    /// The body being written.
    pub map: &'a mut M,
    /// The first error.
    pub result: Result<(), M::Error>,
}

impl<M: SerializeMap> ColumnVisitor for ResponseWriter<'_, M> {
    fn column<T: ColumnValue, W: Wrap<T>>(
        &mut self,
        value: &W::Out,
        column: &'static ColumnMetadata,
    ) {
        if self.result.is_ok() {
            self.result = W::write_response(value, column.logical_name, self.map);
        }
    }
}

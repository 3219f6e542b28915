//! Reading one column of a row: its property, its annotations, and the finished field.

use serde::de::{self, MapAccess};

use super::Wrap;
use crate::column::{ActivityParties, CodecOf, ColumnCodec, ColumnValue, SlotOf, column_error};

/// Reads property `key` of a column (`<col>` or `_<col>_value`) into its slot, naming the
/// column in any error. Only the column's value property holds its value: the plain name of
/// a lookup is its navigation property (an expanded row), never the lookup's id.
#[inline]
pub fn read_column<'de, T: ColumnValue, A: MapAccess<'de>>(
    slot: &mut SlotOf<T>,
    column: &'static str,
    key: &str,
    map: &mut A,
) -> Result<(), A::Error> {
    let map = &mut ColumnMap { inner: map, column };
    // the generated match sends only `<col>` and `_<col>_value` here: their lengths differ
    let value_form = key.len() != column.len();
    if value_form == CodecOf::<T>::VALUE_PROPERTY {
        CodecOf::<T>::read(slot, map)
    } else {
        CodecOf::<T>::read_other_property(slot, map)
    }
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
    parties: &mut ActivityParties,
) -> Result<W::Out, E> {
    CodecOf::<T>::finish_in_row(slot, column, parties)
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
            .map_err(|e| column_error(self.column, e))
    }
}

// Generated code calls the helpers below once per column. They take an accumulator instead of
// returning a `Result`, so a table's generated code has no `?` per column: type-checking and
// borrow-checking a `?` per column is much of what large tables cost to compile.

/// Finishes a column into its field value; on error records the first one and gives `None`.
pub fn finish_field<T: ColumnValue, W: Wrap<T>, E: de::Error>(
    slot: SlotOf<T>,
    column: &'static str,
    parties: &mut ActivityParties,
    error: &mut Option<E>,
) -> Option<W::Out> {
    match finish_column::<T, W, E>(slot, column, parties) {
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

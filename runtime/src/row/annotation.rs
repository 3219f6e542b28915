//! Map keys and annotations of a row: `prop@annotation` splitting, formatted values, the
//! `@odata.etag`, and annotations no column claims.

use serde::de::{self, MapAccess};

use super::FormattedValues;
use crate::column::{BIND, ColumnMetadata, OptionalText, column_error, skip};

/// The formatted-value annotation.
pub const FORMATTED_VALUE: &str = "OData.Community.Display.V1.FormattedValue";

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
                column_error(column, format_args!("formatted value: {e}"))
            })?;
            if let Some(text) = text {
                formatted.insert_str(property, text.as_str());
            }
            Ok(())
        }
        _ => skip(map),
    }
}

/// Reads `@odata.etag`, naming the property in any error.
pub fn read_etag<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<String>, A::Error> {
    map.next_value::<Option<String>>()
        .map_err(|e| de::Error::custom(format_args!("property `@odata.etag`: {e}")))
}

/// Reads `@odata.etag` into `etag`.
#[inline]
pub fn read_etag_into<'de, A: MapAccess<'de>>(
    etag: &mut Option<String>,
    map: &mut A,
) -> Result<(), A::Error> {
    *etag = read_etag(map)?;
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

/// The column whose annotation `annotation` of `property` is: `<col>` for `_<col>_value` (a
/// lookup's value property); for a bind, `<navigation>@odata.bind`, the lookup column one of
/// whose targets has that navigation (`customerid_account` binds `customerid`); else
/// `property` itself. One name per column, so the generated match has one arm per column.
#[inline]
pub fn annotated_column<'a>(
    columns: &'static [ColumnMetadata],
    property: &'a str,
    annotation: &str,
) -> &'a str {
    if annotation == BIND {
        return bound_column(columns, property).unwrap_or(property);
    }
    match property.strip_prefix('_') {
        Some(rest) => rest.strip_suffix("_value").unwrap_or(property),
        None => property,
    }
}

#[cold]
fn bound_column(columns: &'static [ColumnMetadata], navigation: &str) -> Option<&'static str> {
    columns.iter().find_map(|column| {
        let lookup = column.lookup?;
        lookup
            .layers()
            .flat_map(|l| l.targets.iter())
            .any(|t| t.navigation == navigation)
            .then_some(column.logical_name)
    })
}

//! Map keys and annotations of a row: `prop@annotation` splitting, formatted values, the
//! `@odata.etag`, and annotations no column claims.

use serde::de::{self, MapAccess};

use super::FormattedValues;
use crate::column::{
    ASSOCIATED_NAVIGATION, BIND, ColumnMetadata, LOOKUP_LOGICAL_NAME, OptionalString, OptionalText,
    column_error, skip,
};

/// The formatted-value annotation.
pub const FORMATTED_VALUE: &str = "OData.Community.Display.V1.FormattedValue";

/// Splits `prop@annotation`; `None` for a plain property.
#[inline]
pub fn split_annotation(key: &str) -> Option<(&str, &str)> {
    // Nearly every annotation a row carries is a formatted value or a lookup's table name or
    // navigation: the key's last 8 bytes tell which, in one compare, without scanning the
    // key for `@` (decode speed: see benches/). The constant itself is handed out, so a
    // reader's pointer compare may skip the string compare (when the build gives the constant
    // one address; `==` decides otherwise). OData annotation names hold no `@`, so this is
    // the same split as `split_once`.
    const fn tail(annotation: &str) -> u64 {
        let bytes = annotation.as_bytes();
        let mut tail = [0; 8];
        let mut i = 0;
        while i < 8 {
            tail[i] = bytes[bytes.len() - 8 + i];
            i += 1;
        }
        u64::from_le_bytes(tail)
    }
    const FORMATTED: u64 = tail(FORMATTED_VALUE);
    const LOGICAL_NAME: u64 = tail(LOOKUP_LOGICAL_NAME);
    const NAVIGATION: u64 = tail(ASSOCIATED_NAVIGATION);
    let Some(last) = key.as_bytes().last_chunk::<8>() else {
        return key.split_once('@');
    };
    let known = match u64::from_le_bytes(*last) {
        FORMATTED => FORMATTED_VALUE,
        LOGICAL_NAME => LOOKUP_LOGICAL_NAME,
        NAVIGATION => ASSOCIATED_NAVIGATION,
        _ => return key.split_once('@'),
    };
    match key.len().checked_sub(known.len() + 1) {
        Some(at) if key.as_bytes()[at] == b'@' && key.ends_with(known) => Some((&key[..at], known)),
        _ => key.split_once('@'),
    }
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
        // `split_annotation` hands out the constant: equal pointers, when the build gives it
        // one address, skip the compare
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
    map.next_value::<OptionalString>()
        .map(|etag| etag.0)
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

#[cfg(test)]
mod tests {
    use super::split_annotation;

    /// The last-8-bytes shortcut splits exactly as `split_once('@')` does, for the annotations
    /// it knows, for keys that only end like them, and for everything else.
    #[test]
    fn split_annotation_agrees_with_split_once() {
        let keys = [
            "statecode@OData.Community.Display.V1.FormattedValue",
            "_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname",
            "_regardingobjectid_value@Microsoft.Dynamics.CRM.associatednavigationproperty",
            "parentaccountid@odata.bind",
            "@odata.etag",
            "@OData.Community.Display.V1.FormattedValue",
            // ends like a known annotation, but is another one or none at all
            "x@Other.FormattedValue",
            "x@Other.lookuplogicalname",
            "x@Microsoft.Dynamics.CRX.lookuplogicalname",
            "a@property",
            "property",
            "ownerid_lookuplogicalname",
            "subject",
            "a@b",
            "",
        ];
        for key in &keys {
            assert_eq!(split_annotation(key), key.split_once('@'), "{key}");
        }
    }
}

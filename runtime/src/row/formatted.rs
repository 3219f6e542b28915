//! [`FormattedValues`]: a row's formatted-value annotations, kept in one string.

use std::fmt;

/// The `@OData.Community.Display.V1.FormattedValue` annotations of a row, by column.
///
/// Declare a field of this type with `#[dataverse(formatted_values)]` to keep them (send
/// `Prefer: odata.include-annotations="OData.Community.Display.V1.FormattedValue"`).
#[derive(Clone, Default)]
pub struct FormattedValues {
    // Every column name and text sits in this one string as netstring-style records,
    // `<length>:<bytes>` (column, then its text), so a row's formatted values cost one
    // allocation and an insert only appends (decode speed: see benches/). A column inserted
    // again (a duplicate key in the response) shadows its earlier record: the last one wins.
    records: String,
}

impl FormattedValues {
    /// Room reserved by the first insert: enough for a typical annotated row.
    const FIRST_RESERVE: usize = 768;

    /// No formatted values.
    pub const fn new() -> Self {
        Self {
            records: String::new(),
        }
    }

    /// The formatted value of `column` (a logical name; lookups too, not `_<col>_value`).
    pub fn get(&self, column: &str) -> Option<&str> {
        self.records()
            .filter(|(c, _)| *c == column)
            .last()
            .map(|(_, text)| text)
    }

    /// Records the formatted value of a response property (`_<col>_value` is stored as `<col>`).
    pub fn insert(&mut self, property: &str, formatted: String) {
        self.insert_str(property, &formatted);
    }

    /// [`insert`](Self::insert) from borrowed text (the reader's path: no `String` per value).
    #[inline]
    pub(crate) fn insert_str(&mut self, property: &str, formatted: &str) {
        let column = property
            .strip_prefix('_')
            .and_then(|p| p.strip_suffix("_value"))
            .unwrap_or(property);
        if self.records.is_empty() {
            self.records.reserve(Self::FIRST_RESERVE);
        }
        push_record(&mut self.records, column);
        push_record(&mut self.records, formatted);
    }

    /// Every stored (column, text) record, duplicates included, in insertion order.
    fn records(&self) -> Records<'_> {
        Records {
            rest: &self.records,
        }
    }

    /// Every (column, formatted value) pair, in response order (a column given twice: at
    /// its first place, with its last value).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.records()
            .enumerate()
            .filter_map(move |(i, (column, _))| {
                let repeated = self.records().take(i).any(|(earlier, _)| earlier == column);
                // `get` finds the last value given for the column
                (!repeated).then(|| (column, self.get(column).unwrap_or_default()))
            })
    }

    /// How many columns have a formatted value.
    pub fn len(&self) -> usize {
        self.iter().count()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }
}

/// Appends `<length>:<text>`.
#[inline]
fn push_record(records: &mut String, text: &str) {
    let length = text.len();
    // nearly every column name and formatted value is under 100 bytes: no formatting
    match LENGTH_HEADERS.get(3 * length..3 * length + 3) {
        Some(header) if length < 100 => records.push_str(header),
        _ => push_long_header(records, length),
    }
    records.push_str(text);
}

/// `"00:"` to `"99:"`, the headers of records under 100 bytes.
const LENGTH_HEADERS: &str = "00:01:02:03:04:05:06:07:08:09:10:11:12:13:14:15:16:17:18:19:\
20:21:22:23:24:25:26:27:28:29:30:31:32:33:34:35:36:37:38:39:40:41:42:43:44:45:46:47:48:49:\
50:51:52:53:54:55:56:57:58:59:60:61:62:63:64:65:66:67:68:69:70:71:72:73:74:75:76:77:78:79:\
80:81:82:83:84:85:86:87:88:89:90:91:92:93:94:95:96:97:98:99:";

#[cold]
fn push_long_header(records: &mut String, length: usize) {
    records.push_str(&length.to_string());
    records.push(':');
}

/// Reads back the records [`push_record`] wrote, as (column, text) pairs.
struct Records<'a> {
    rest: &'a str,
}

impl<'a> Records<'a> {
    fn field(&mut self) -> Option<&'a str> {
        let (length, rest) = self.rest.split_once(':')?;
        let (field, rest) = rest.split_at_checked(length.parse().ok()?)?;
        self.rest = rest;
        Some(field)
    }
}

impl<'a> Iterator for Records<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        Some((self.field()?, self.field()?))
    }
}

/// Equal when the same (column, value) pairs are in the same order.
impl PartialEq for FormattedValues {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for FormattedValues {}

impl fmt::Debug for FormattedValues {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::FormattedValues;

    #[test]
    fn formatted_values_keep_order_replace_and_compare_by_content() {
        let mut a = FormattedValues::new();
        a.insert("statecode", "Open".into());
        a.insert("_regardingobjectid_value", "Litware".into());
        a.insert_str("statecode", "Completed");
        assert_eq!(a.get("statecode"), Some("Completed"));
        assert_eq!(a.get("regardingobjectid"), Some("Litware"));
        assert_eq!(a.get("_regardingobjectid_value"), None);
        assert_eq!(
            a.iter().collect::<Vec<_>>(),
            [("statecode", "Completed"), ("regardingobjectid", "Litware")]
        );
        let mut b = FormattedValues::new();
        b.insert("statecode", "Completed".into());
        b.insert("_regardingobjectid_value", "Litware".into());
        assert_eq!(a, b, "a replaced text leaves no trace in equality");
        assert_eq!(
            format!("{b:?}"),
            r#"{"statecode": "Completed", "regardingobjectid": "Litware"}"#
        );
        assert_ne!(a, FormattedValues::new());
        assert!(FormattedValues::new().is_empty());
    }

    /// Lengths of one, two and more digits, and texts holding digits and colons, read back
    /// exactly: each record's length prefix alone says where it ends.
    #[test]
    fn formatted_values_keep_texts_of_any_length_and_content() {
        let long = "12:34 ".repeat(40);
        let texts = ["", "7", "10:30 AM", "1:2:", long.as_str(), "Café 42 €"];
        let mut values = FormattedValues::new();
        for (i, text) in texts.iter().enumerate() {
            values.insert_str(&format!("c{i}"), text);
        }
        values.insert_str("9:", "x");
        for (i, text) in texts.iter().enumerate() {
            assert_eq!(values.get(&format!("c{i}")), Some(*text));
        }
        assert_eq!(values.get("9:"), Some("x"));
        assert_eq!(values.len(), texts.len() + 1);
    }
}

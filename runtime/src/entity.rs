//! Tables: the [`Entity`] trait, its `'static` metadata, and Web API collection pages.

use std::fmt;

use serde::Deserialize;

use crate::column::{CodecOf, ColumnCodec, ColumnKind};
use crate::{ChoiceMetadata, Guid, LookupMetadata, RelationshipMetadata, ValidationErrors};

/// One column of a table, as the struct declares it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ColumnMetadata {
    /// The column's logical name (the JSON property; lookups read as `_<name>_value`).
    pub logical_name: &'static str,
    /// The Rust field that holds it.
    pub field: &'static str,
    /// What the column holds.
    pub kind: ColumnKind,
    /// Must have a value on create.
    pub required: bool,
    /// Never written.
    pub read_only: bool,
    /// Most characters a text column holds.
    pub max_length: Option<u32>,
    /// Smallest allowed number.
    pub min: Option<f64>,
    /// Largest allowed number.
    pub max: Option<f64>,
    /// Most decimal places a decimal or money column keeps.
    pub precision: Option<u32>,
    /// The choice behind a choice or multi-select column.
    pub choice: Option<&'static ChoiceMetadata>,
    /// The lookup behind a lookup column.
    pub lookup: Option<&'static LookupMetadata>,
}

impl ColumnMetadata {
    /// A column with no constraints (what generated code starts from).
    pub const fn new(logical_name: &'static str, field: &'static str, kind: ColumnKind) -> Self {
        Self {
            logical_name,
            field,
            kind,
            required: false,
            read_only: false,
            max_length: None,
            min: None,
            max: None,
            precision: None,
            choice: None,
            lookup: None,
        }
    }

    /// The column of Rust type `T` (kind, choice and lookup taken from `T`), no constraints:
    /// what generated code starts from, adding constraints with the methods below.
    pub const fn of<T: crate::ColumnValue>(
        logical_name: &'static str,
        field: &'static str,
    ) -> Self {
        Self {
            choice: CodecOf::<T>::CHOICE,
            lookup: CodecOf::<T>::LOOKUP,
            ..Self::new(logical_name, field, CodecOf::<T>::KIND)
        }
    }

    /// Marks the column required on create.
    pub const fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// Marks the column read-only (never written).
    pub const fn read_only(mut self) -> Self {
        self.read_only = true;
        self
    }

    /// Marks a decimal column as money.
    pub const fn money(mut self) -> Self {
        self.kind = ColumnKind::Money;
        self
    }

    /// Sets the most characters a text column holds.
    pub const fn max_length(mut self, max_length: u32) -> Self {
        self.max_length = Some(max_length);
        self
    }

    /// Sets the smallest allowed number.
    pub const fn min(mut self, min: f64) -> Self {
        self.min = Some(min);
        self
    }

    /// Sets the largest allowed number.
    pub const fn max(mut self, max: f64) -> Self {
        self.max = Some(max);
        self
    }

    /// Sets the most decimal places kept.
    pub const fn precision(mut self, precision: u32) -> Self {
        self.precision = Some(precision);
        self
    }

    /// The property name used in `$select`: `_<name>_value` for a lookup.
    pub fn select_name(&self) -> std::borrow::Cow<'static, str> {
        if self.kind == ColumnKind::Lookup {
            format!("_{}_value", self.logical_name).into()
        } else {
            self.logical_name.into()
        }
    }
}

/// `'static` description of a table as one struct declares it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EntityMetadata {
    /// The table's logical name, e.g. `msdyn_ocsession`.
    pub logical_name: &'static str,
    /// The Web API entity set, e.g. `msdyn_ocsessions`.
    pub entity_set: &'static str,
    /// The primary key column, e.g. `activityid`.
    pub primary_id: &'static str,
    /// The primary name column, e.g. `subject`.
    pub primary_name: Option<&'static str>,
    /// The Rust type name of the struct.
    pub rust_name: &'static str,
    /// The columns the struct declares, in field order.
    pub columns: &'static [ColumnMetadata],
    /// The struct this one extends (a solution layer over the same table).
    pub base: Option<&'static EntityMetadata>,
}

impl EntityMetadata {
    /// The column with `logical_name`, in this struct or the structs it extends.
    pub const fn column(&'static self, logical_name: &str) -> Option<&'static ColumnMetadata> {
        let mut layer = Some(self);
        while let Some(current) = layer {
            let mut i = 0;
            while i < current.columns.len() {
                if crate::__private::const_str_eq(current.columns[i].logical_name, logical_name) {
                    return Some(&current.columns[i]);
                }
                i += 1;
            }
            layer = current.base;
        }
        None
    }

    /// True when this struct or a base declares `logical_name`.
    pub const fn has_column(&'static self, logical_name: &str) -> bool {
        self.column(logical_name).is_some()
    }

    /// The many-to-one relationships of this struct's lookup columns, in column order.
    pub fn relationships(&'static self) -> impl Iterator<Item = &'static RelationshipMetadata> {
        self.columns
            .iter()
            .filter_map(|c| c.lookup)
            .flat_map(|l| l.relationships())
    }

    /// The `$select` list: every column, lookups as `_<name>_value`, comma-separated
    /// (party lists, which are no row properties, left out).
    pub fn select(&'static self) -> String {
        let mut out = String::new();
        for c in self
            .columns
            .iter()
            .filter(|c| c.kind != ColumnKind::PartyList)
        {
            if !out.is_empty() {
                out.push(',');
            }
            out.push_str(&c.select_name());
        }
        out
    }
}

/// What a request does with a row; decides which columns are written and required.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Operation {
    /// `POST <entity set>`: required columns must have values; the primary id is written
    /// when set.
    Create,
    /// `PATCH <entity set>(<id>)`: the primary id is not written.
    Update,
}

/// A table type, generated by [`macro@crate::dataverse_entity`].
pub trait Entity: Sized {
    /// The table and the columns this struct declares.
    const METADATA: &'static EntityMetadata;

    /// Calls `visitor` with every column's field and metadata, in declaration order.
    /// Generated: the one piece of per-column code the generic methods below build on.
    #[doc(hidden)]
    fn visit_columns<V: crate::reader::ColumnVisitor>(&self, visitor: &mut V);

    /// Row-level rules beyond single columns (the state/status pair). Generated when needed.
    #[doc(hidden)]
    fn validate_row(&self, errors: &mut ValidationErrors) {
        let _ = errors;
    }

    /// The `@odata.etag` the row was read with, when the struct keeps it.
    fn etag(&self) -> Option<&str> {
        None
    }

    /// The formatted values the row was read with, when the struct keeps them.
    fn formatted_values(&self) -> Option<&FormattedValues> {
        None
    }

    /// Every rule the row breaks for `operation`, all at once. A valid row costs no heap
    /// allocation.
    fn validate(&self, operation: Operation) -> Result<(), ValidationErrors> {
        let mut validator = crate::reader::Validator {
            operation,
            errors: ValidationErrors::new(),
        };
        self.visit_columns(&mut validator);
        self.validate_row(&mut validator.errors);
        validator.errors.into_result()
    }

    /// Writes the request body's properties for `operation`: read-only columns and unset
    /// fields never, the primary id not on update.
    fn write_columns<M: serde::ser::SerializeMap>(
        &self,
        operation: Operation,
        map: &mut M,
    ) -> Result<(), M::Error> {
        let mut writer = crate::reader::RequestWriter {
            operation,
            primary_id: Self::METADATA.primary_id,
            map,
            result: Ok(()),
        };
        self.visit_columns(&mut writer);
        writer.result
    }

    /// Writes the row's properties as a Web API response carries them (with
    /// `Prefer: odata.include-annotations="*"`): `@odata.etag`, every column including
    /// read-only ones, lookups as `_<col>_value` with their annotations, formatted values.
    fn write_response_columns<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        if let Some(etag) = self.etag() {
            map.serialize_entry("@odata.etag", etag)?;
        }
        if let Some(formatted) = self.formatted_values() {
            crate::reader::write_formatted_values(Self::METADATA.columns, formatted, map)?;
        }
        let mut writer = crate::reader::ResponseWriter {
            map,
            result: Ok(()),
        };
        self.visit_columns(&mut writer);
        writer.result
    }

    /// The primary id, when the struct declares it and it is set.
    fn primary_id(&self) -> Option<Guid>;

    /// The `$select` list for the declared columns (lookups as `_<col>_value`).
    fn select() -> String {
        Self::METADATA.select()
    }

    /// `/<entity set>`, e.g. `/msdyn_ocsessions`.
    fn collection_path() -> String {
        format!("/{}", Self::METADATA.entity_set)
    }

    /// `/<entity set>(<id>)`.
    fn entity_path(id: Guid) -> String {
        format!("/{}({})", Self::METADATA.entity_set, id.as_hyphenated())
    }

    /// The row rendered as the service returns it, to fake the service in tests: decoding
    /// the rendered JSON gives back an equal row.
    ///
    /// ```
    /// # use dataverse_model::{dataverse_entity, Entity, Guid};
    /// #[dataverse_entity(logical_name = "account", entity_set = "accounts", primary_id = "accountid")]
    /// #[derive(Debug, PartialEq)]
    /// pub struct Account {
    ///     pub accountid: Option<Guid>,
    ///     pub name: Option<String>,
    /// }
    /// let row = Account { accountid: Some(Guid::nil()), name: Some("Contoso".into()) };
    /// let json = serde_json::to_string(&row.response_body()).unwrap();
    /// assert_eq!(serde_json::from_str::<Account>(&json).unwrap(), row);
    /// ```
    fn response_body(&self) -> ResponseBody<'_, Self> {
        ResponseBody { row: self }
    }

    /// The body of a create request (`POST`).
    fn create_payload(&self) -> Payload<'_, Self> {
        Payload {
            row: self,
            operation: Operation::Create,
        }
    }

    /// The body of an update request (`PATCH`): read-only columns, unset fields and the
    /// primary id are left out.
    fn update_payload(&self) -> Payload<'_, Self> {
        Payload {
            row: self,
            operation: Operation::Update,
        }
    }
}

/// A request body for one row, ready for `serde_json::to_string` and friends.
pub struct Payload<'a, E> {
    row: &'a E,
    operation: Operation,
}

impl<E: Entity> serde::Serialize for Payload<'_, E> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        self.row.write_columns(self.operation, &mut map)?;
        map.end()
    }
}

/// One row as a Web API response carries it; see [`Entity::response_body`].
pub struct ResponseBody<'a, E> {
    row: &'a E,
}

impl<E: Entity> serde::Serialize for ResponseBody<'_, E> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        self.row.write_response_columns(&mut map)?;
        map.end()
    }
}

impl<E: Entity> serde::Serialize for Page<E> {
    /// The page as the service returns it (rows rendered with [`Entity::response_body`]).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        struct Rows<'a, E>(&'a [E]);
        impl<E: Entity> serde::Serialize for Rows<'_, E> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.iter().map(Entity::response_body))
            }
        }
        let mut map = serializer.serialize_map(None)?;
        if let Some(context) = &self.context {
            map.serialize_entry("@odata.context", context)?;
        }
        if let Some(count) = self.count {
            map.serialize_entry("@odata.count", &count)?;
        }
        map.serialize_entry("value", &Rows(&self.value))?;
        if let Some(next) = &self.next_link {
            map.serialize_entry("@odata.nextLink", next)?;
        }
        map.end()
    }
}

/// A page of a collection response: `{"@odata.context", "value", "@odata.nextLink"}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
pub struct Page<T> {
    /// `@odata.context`, when present.
    #[serde(rename = "@odata.context", default)]
    pub context: Option<String>,
    /// The rows.
    pub value: Vec<T>,
    /// `@odata.nextLink`: the URL of the next page, when there is one.
    #[serde(rename = "@odata.nextLink", default)]
    pub next_link: Option<String>,
    /// `@odata.count`, when `$count=true` was asked.
    #[serde(rename = "@odata.count", default)]
    pub count: Option<u64>,
}

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

impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Operation::Create => "create",
            Operation::Update => "update",
        })
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

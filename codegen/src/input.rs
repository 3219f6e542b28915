//! The saved metadata JSON, as the Web API's metadata requests return it.
//!
//! Only what the generator and the drift check use is modelled; every other property is
//! ignored, so responses of newer service versions still read.

use serde::{Deserialize, Deserializer};

/// A label in every language (`{LocalizedLabels, UserLocalizedLabel}`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Label {
    /// The label in each language the environment has.
    #[serde(deserialize_with = "null_as_default")]
    pub localized_labels: Vec<LocalizedLabel>,
    /// The label in the language of the user who asked.
    pub user_localized_label: Option<LocalizedLabel>,
}

impl Label {
    /// The label in `lcid`, from `LocalizedLabels`, else `UserLocalizedLabel` when it is in that language.
    pub fn get(&self, lcid: u32) -> Option<&str> {
        self.localized_labels
            .iter()
            .chain(self.user_localized_label.as_ref())
            .find(|l| l.language_code == lcid)
            .map(|l| l.label.as_str())
    }

    /// The label to show: 1033 (English) first, then the user's language, then any.
    pub fn text(&self) -> Option<&str> {
        self.get(1033)
            .or(self.user_localized_label.as_ref().map(|l| l.label.as_str()))
            .or(self.localized_labels.first().map(|l| l.label.as_str()))
    }

    /// Every language's label, sorted by language code, each language once.
    pub fn all(&self) -> Vec<(u32, &str)> {
        let mut out: Vec<(u32, &str)> = Vec::new();
        for l in self
            .localized_labels
            .iter()
            .chain(self.user_localized_label.as_ref())
        {
            if !out.iter().any(|(lcid, _)| *lcid == l.language_code) {
                out.push((l.language_code, l.label.as_str()));
            }
        }
        out.sort_by_key(|(lcid, _)| *lcid);
        out
    }
}

/// One language's label.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct LocalizedLabel {
    /// The text, byte for byte.
    pub label: String,
    /// The language (LCID), e.g. 1033.
    pub language_code: u32,
}

/// A managed property: `{Value, CanBeChanged, ManagedPropertyLogicalName}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Managed<T> {
    /// The property's value.
    pub value: T,
}

/// `GET EntityDefinitions(LogicalName='…')?$expand=Attributes,ManyToOneRelationships,OneToManyRelationships`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct EntityDefinition {
    /// The table's logical name, e.g. `msdyn_ocsession`.
    pub logical_name: String,
    /// The table's schema name, e.g. `msdyn_ocsession` or `sample_BankAccount`.
    pub schema_name: String,
    /// The Web API entity set, e.g. `msdyn_ocsessions`.
    pub entity_set_name: Option<String>,
    /// The primary key column.
    pub primary_id_attribute: String,
    /// The primary name column.
    pub primary_name_attribute: Option<String>,
    /// The table's display name.
    #[serde(default, deserialize_with = "null_as_default")]
    pub display_name: Label,
    /// The table's description.
    #[serde(default, deserialize_with = "null_as_default")]
    pub description: Label,
    /// Every column (with `$expand=Attributes`).
    #[serde(default, deserialize_with = "null_as_default")]
    pub attributes: Vec<Attribute>,
    /// The relationships in which this table holds the lookup.
    #[serde(default, deserialize_with = "null_as_default")]
    pub many_to_one_relationships: Vec<Relationship>,
    /// The relationships in which other tables hold a lookup to this one.
    #[serde(default, deserialize_with = "null_as_default")]
    pub one_to_many_relationships: Vec<Relationship>,
}

/// One attribute (column) with the properties of its derived type.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Attribute {
    /// The derived type, e.g. `#Microsoft.Dynamics.CRM.StringAttributeMetadata`.
    #[serde(rename = "@odata.type")]
    pub odata_type: Option<String>,
    /// The column's logical name.
    pub logical_name: String,
    /// The column's schema name.
    pub schema_name: String,
    /// `String`, `Picklist`, `Lookup`, `Virtual`, ...
    pub attribute_type: Option<String>,
    /// `{Value: "StringType"}`, `{Value: "MultiSelectPicklistType"}`, ...
    pub attribute_type_name: Option<Managed<String>>,
    /// Set on a companion attribute (`…name`, `…yominame`, ...): the column it belongs to.
    pub attribute_of: Option<String>,
    /// The column may be set on create.
    pub is_valid_for_create: Option<bool>,
    /// The column may be set on update.
    pub is_valid_for_update: Option<bool>,
    /// `None`, `Recommended`, `ApplicationRequired` or `SystemRequired`.
    pub required_level: Option<Managed<String>>,
    /// The column's display name.
    #[serde(deserialize_with = "null_as_default")]
    pub display_name: Label,
    /// The column's description.
    #[serde(deserialize_with = "null_as_default")]
    pub description: Label,
    /// Text: most characters.
    pub max_length: Option<i64>,
    /// Numbers: smallest value.
    pub min_value: Option<serde_json::Number>,
    /// Numbers: largest value.
    pub max_value: Option<serde_json::Number>,
    /// Decimal, money, float: decimal places.
    pub precision: Option<i64>,
    /// Lookups: the tables the column can point at.
    pub targets: Option<Vec<String>>,
    /// Date and time: `{Value: "UserLocal" | "DateOnly" | "TimeZoneIndependent"}`.
    pub date_time_behavior: Option<Managed<String>>,
    /// Date and time: `DateOnly` or `DateAndTime` (display only).
    pub format: Option<String>,
    /// Boolean columns: the default (`DefaultValue`).
    pub default_value: Option<serde_json::Value>,
    /// Choice columns: the default option's value (`DefaultFormValue`; `-1` for none).
    pub default_form_value: Option<i64>,
    /// Choice columns, from the attribute cast files: the option set (local, or the global one expanded).
    pub option_set: Option<OptionSet>,
    /// Choice columns, from the attribute cast files: the global option set.
    pub global_option_set: Option<OptionSet>,
}

impl Attribute {
    /// The type name without namespace, e.g. `StringAttributeMetadata`.
    pub fn cast(&self) -> Option<&str> {
        self.odata_type
            .as_deref()
            .map(|t| t.rsplit('.').next().unwrap_or(t))
    }

    /// `AttributeTypeName.Value`, e.g. `MultiSelectPicklistType`.
    pub fn type_name(&self) -> Option<&str> {
        self.attribute_type_name.as_ref().map(|t| t.value.as_str())
    }

    /// The required level, `None` when not given.
    pub fn required_level(&self) -> &str {
        self.required_level
            .as_ref()
            .map_or("None", |r| r.value.as_str())
    }
}

/// An option set (`OptionSetMetadata` or `BooleanOptionSetMetadata`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct OptionSet {
    /// The option set's name, e.g. `msdyn_occallsessioneventreasons`.
    pub name: String,
    /// True for a global choice.
    pub is_global: Option<bool>,
    /// `Picklist`, `State`, `Status` or `Boolean`.
    pub option_set_type: Option<String>,
    /// The option set's display name.
    #[serde(deserialize_with = "null_as_default")]
    pub display_name: Label,
    /// The option set's description.
    #[serde(deserialize_with = "null_as_default")]
    pub description: Label,
    /// The options (picklist, state, status).
    #[serde(deserialize_with = "null_as_default")]
    pub options: Vec<OptionValue>,
    /// Boolean: the true option.
    pub true_option: Option<OptionValue>,
    /// Boolean: the false option.
    pub false_option: Option<OptionValue>,
}

/// One option (`OptionMetadata`, `StateOptionMetadata`, `StatusOptionMetadata`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct OptionValue {
    /// The option's value.
    pub value: i64,
    /// The option's label.
    #[serde(deserialize_with = "null_as_default")]
    pub label: Label,
    /// The option's description.
    #[serde(deserialize_with = "null_as_default")]
    pub description: Label,
    /// Status options: the state option they belong to.
    pub state: Option<i64>,
    /// State options: their default status.
    pub default_status: Option<i64>,
}

/// A one-to-many or many-to-one relationship (`OneToManyRelationshipMetadata`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Relationship {
    /// The relationship's schema name.
    pub schema_name: String,
    /// The referenced ("one" side) table.
    pub referenced_entity: String,
    /// The referenced table's key.
    pub referenced_attribute: String,
    /// The table holding the lookup.
    pub referencing_entity: String,
    /// The lookup column.
    pub referencing_attribute: String,
    /// The referencing side's single-valued navigation property.
    pub referencing_entity_navigation_property_name: Option<String>,
    /// The referenced side's collection-valued navigation property.
    pub referenced_entity_navigation_property_name: Option<String>,
    /// What actions on the parent do to the children.
    pub cascade_configuration: Option<Cascade>,
}

/// `CascadeConfiguration`; `Archive` and `RollupView` are missing from older responses
/// (then `NoCascade`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Cascade {
    /// When the parent is archived.
    #[serde(default = "no_cascade")]
    pub archive: String,
    /// When the parent is assigned.
    pub assign: String,
    /// When the parent is deleted.
    pub delete: String,
    /// When the parent is merged.
    pub merge: String,
    /// When the child's parent changes.
    pub reparent: String,
    /// Roll-up of child rows into the parent's views.
    #[serde(default = "no_cascade")]
    pub rollup_view: String,
    /// When the parent is shared.
    pub share: String,
    /// When sharing of the parent is removed.
    pub unshare: String,
}

fn no_cascade() -> String {
    "NoCascade".to_owned()
}

/// A collection response: `{"value": [...]}`.
#[derive(Debug, Clone, Deserialize)]
pub struct Collection<T> {
    /// The items.
    pub value: Vec<T>,
}

/// One row of `GET EntityDefinitions?$select=LogicalName,EntitySetName`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct EntitySetRow {
    /// The table's logical name.
    pub logical_name: String,
    /// Its entity set; null for tables the Web API does not expose.
    pub entity_set_name: Option<String>,
}

/// `null` reads as the type's default (the service sends `null` for empty labels).
fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

//! The column kind each saved attribute maps to, or why it is skipped.

use dataverse_model::ColumnKind;

use crate::input::Attribute;

/// How a saved attribute maps to a column kind, or why it is skipped.
pub(crate) fn attribute_kind(attribute: &Attribute) -> Result<ColumnKind, String> {
    if let Some(of) = &attribute.attribute_of {
        return Err(format!("companion of `{of}`"));
    }
    let ty = attribute.attribute_type.as_deref().unwrap_or("");
    let type_name = attribute.type_name().unwrap_or("");
    Ok(match (ty, type_name) {
        (_, "MultiSelectPicklistType") => ColumnKind::MultiChoice,
        (_, "ImageType") | (_, "FileType") => {
            return Err(format!("`{type_name}` columns are not modelled"));
        }
        ("String" | "Memo" | "EntityName", _) => ColumnKind::Text,
        ("Integer", _) => ColumnKind::Integer,
        ("BigInt", _) => ColumnKind::BigInt,
        ("Decimal", _) => ColumnKind::Decimal,
        ("Money", _) => ColumnKind::Money,
        ("Double", _) => ColumnKind::Float,
        ("Boolean", _) => ColumnKind::Boolean,
        ("Uniqueidentifier", _) => ColumnKind::Guid,
        ("DateTime", _) => {
            let behavior = attribute
                .date_time_behavior
                .as_ref()
                .map(|b| b.value.as_str());
            if behavior == Some("DateOnly") {
                ColumnKind::DateOnly
            } else {
                ColumnKind::DateTime
            }
        }
        ("Picklist" | "State" | "Status", _) => ColumnKind::Choice,
        ("Lookup" | "Customer" | "Owner", _) => ColumnKind::Lookup,
        ("PartyList", _) => ColumnKind::PartyList,
        ("", _) => return Err("no `AttributeType`".to_owned()),
        (other, "") => return Err(format!("`{other}` columns are not modelled")),
        (other, name) => return Err(format!("`{other}` (`{name}`) columns are not modelled")),
    })
}

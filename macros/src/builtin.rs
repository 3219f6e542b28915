//! The built-in column types, by name: `#[dataverse_entity]` tells them from `choice!` and
//! `lookup!` types by a field type's last path segment (it cannot see through types), so
//! `choice!` and `lookup!` refuse those names.

/// Each built-in column type's name and its column kind (as `ColumnKind` names it).
const BUILT_IN: &[(&str, &str)] = &[
    ("String", "Text"),
    ("i32", "Integer"),
    ("i64", "BigInt"),
    ("f64", "Float"),
    ("bool", "Boolean"),
    ("Decimal", "Decimal"),
    ("Money", "Money"),
    ("Guid", "Guid"),
    ("Uuid", "Guid"),
    ("OffsetDateTime", "DateTime"),
    ("Date", "DateOnly"),
    ("PartyList", "PartyList"),
    ("Choices", "MultiChoice"),
];

/// The column kind of the built-in type named `name`; `None` for any other name.
pub(crate) fn built_in_kind(name: &syn::Ident) -> Option<&'static str> {
    BUILT_IN
        .iter()
        .find(|(built_in, _)| name == built_in)
        .map(|(_, kind)| *kind)
}

/// The error for a `choice!` or `lookup!` type (`what`) named like a built-in column type,
/// or `None` when the name is free.
pub(crate) fn name_taken(name: &syn::Ident, what: &str) -> Option<String> {
    built_in_kind(name).map(|_| {
        format!(
            "a {what} type cannot be named `{name}`: `#[dataverse_entity]` takes a column of a type named `{name}` for the built-in `{name}` column (it goes by the name), so this {what}'s checks and annotations would be skipped; give it another name"
        )
    })
}

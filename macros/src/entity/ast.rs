//! Our model of a `#[dataverse_entity]` struct, built from syn with spans kept.

use proc_macro2::{Span, TokenStream};

/// The table-level arguments of `#[dataverse_entity(...)]`.
#[derive(Default)]
pub struct EntityArgs {
    pub logical_name: Option<syn::LitStr>,
    pub entity_set: Option<syn::LitStr>,
    pub primary_id: Option<syn::LitStr>,
    pub primary_name: Option<syn::LitStr>,
    pub extends: Option<syn::Path>,
    pub publisher_prefix: Option<syn::LitStr>,
    pub krate: Option<syn::Path>,
}

/// How a field wraps its column value.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Wrapper {
    Bare,
    Option,
    Field,
}

/// What a field is for.
pub enum FieldRole {
    /// A column.
    Column(Box<Column>),
    /// Collects formatted values.
    FormattedValues,
    /// Holds `@odata.etag`.
    Etag,
    /// Holds a navigation property's related row or rows.
    Navigation(Box<NavigationField>),
}

/// A `#[dataverse(navigation = "...")]` field.
pub struct NavigationField {
    /// The navigation property's name, as the service spells it.
    pub name: syn::LitStr,
    /// The field's type (`Option<Box<T>>` or `RelatedRows<T>`).
    pub ty: syn::Type,
}

/// Column constraints from `#[dataverse(...)]`.
#[derive(Default)]
pub struct ColumnAttrs {
    pub logical_name: Option<syn::LitStr>,
    pub required: Option<Span>,
    /// A name of `REQUIRED_LEVELS`, checked.
    pub required_level: Option<(&'static str, Span)>,
    pub default: Option<(DefaultValue, Span)>,
    pub true_label: Option<(Labels, Span)>,
    pub false_label: Option<(Labels, Span)>,
    pub read_only: Option<Span>,
    pub money: Option<Span>,
    pub max_length: Option<(u32, Span)>,
    pub min: Option<(f64, Span)>,
    pub max: Option<(f64, Span)>,
    pub precision: Option<(u32, Span)>,
}

/// `(locale id, label)` pairs.
pub type Labels = Vec<(u32, syn::LitStr)>;

/// `default = ...`: a Boolean's default or a choice's default option value.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum DefaultValue {
    Boolean(bool),
    Option(i32),
}

pub struct Column {
    pub attrs: ColumnAttrs,
    pub wrapper: Wrapper,
    /// The column value type (inside `Option`/`Field`).
    pub value_ty: syn::Type,
}

impl Column {
    pub fn logical_name(&self, ident: &syn::Ident) -> String {
        match &self.attrs.logical_name {
            Some(lit) => lit.value(),
            None => {
                let text = ident.to_string();
                text.strip_prefix("r#").map(str::to_owned).unwrap_or(text)
            }
        }
    }
}

pub struct EntityField {
    pub ident: syn::Ident,
    pub role: FieldRole,
}

pub struct Entity {
    pub args: EntityArgs,
    /// The struct as parsed, without its doc comments (read, never emitted).
    pub item: syn::DeriveInput,
    pub fields: Vec<EntityField>,
    /// The struct as the user wrote it, the fields' `#[dataverse]` attributes stripped: what
    /// the expansion emits.
    pub tokens: proc_macro2::TokenStream,
}

impl Entity {
    pub fn columns(&self) -> impl Iterator<Item = (&EntityField, &Column)> {
        self.fields.iter().filter_map(|f| match &f.role {
            FieldRole::Column(c) => Some((f, &**c)),
            _ => None,
        })
    }

    pub fn navigations(&self) -> impl Iterator<Item = (&EntityField, &NavigationField)> {
        self.fields.iter().filter_map(|f| match &f.role {
            FieldRole::Navigation(n) => Some((f, &**n)),
            _ => None,
        })
    }

    pub fn krate(&self) -> TokenStream {
        match &self.args.krate {
            Some(path) => quote::quote!(#path),
            None => quote::quote!(::dataverse_model),
        }
    }
}

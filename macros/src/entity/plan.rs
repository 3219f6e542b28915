//! What every part of the entity expansion shares: a column's plan and the table's identity.

use proc_macro2::{Span, TokenStream};
use quote::quote;

use super::ast::{Column, Entity, EntityField};

/// One column as every part of the expansion sees it.
pub(super) struct ColumnPlan<'a> {
    pub(super) field: &'a EntityField,
    pub(super) column: &'a Column,
    pub(super) name: String,
    pub(super) index: usize,
    /// `<T as __F<W>>` (`__dv::FieldType`, imported short): every generated use of the column
    /// type goes through this one trait, so an unsupported type gives one error, at the
    /// field's type.
    pub(super) ty: TokenStream,
    /// The value type's span, computed once: `Spanned::span` re-tokenizes the type.
    pub(super) span: Span,
}

/// `Some(value)` or `None` as tokens.
pub(super) fn opt<T: quote::ToTokens>(value: Option<T>) -> TokenStream {
    match value {
        Some(v) => quote!(::core::option::Option::Some(#v)),
        None => quote!(::core::option::Option::None),
    }
}

/// The table's logical name, entity set, primary id and primary name: literals, or the
/// base's metadata for an extension.
pub(super) fn identity(entity: &Entity, p: &proc_macro2::Ident) -> [TokenStream; 4] {
    let args = &entity.args;
    match &args.extends {
        Some(base) => {
            let base_meta = quote!(<#base as #p::Entity>::METADATA);
            [
                quote!(#base_meta.logical_name),
                quote!(#base_meta.entity_set),
                quote!(#base_meta.primary_id),
                quote!(#base_meta.primary_name),
            ]
        }
        None => {
            let lit = |l: &Option<syn::LitStr>| match l {
                Some(l) => quote!(#l),
                None => quote!(""),
            };
            [
                lit(&args.logical_name),
                lit(&args.entity_set),
                lit(&args.primary_id),
                opt(args.primary_name.as_ref()),
            ]
        }
    }
}

/// Whether column `name` can be the primary id: without `extends` the primary id is known
/// here, so only its column; with `extends` it is the base's, known at compile time only.
pub(super) fn may_be_primary(entity: &Entity, name: &str) -> bool {
    entity.args.extends.is_some()
        || entity
            .args
            .primary_id
            .as_ref()
            .is_some_and(|id| id.value() == name)
}

/// A generated local (`self`, `__map`, ...) named at the call site. Code spanned on a column's
/// type names its locals through this: a type from a `macro_rules!` metavariable carries that
/// macro's hygiene, under which a local spelled inside `quote_spanned!` would not resolve.
pub(super) fn local(name: &str) -> proc_macro2::Ident {
    proc_macro2::Ident::new(name, Span::call_site())
}

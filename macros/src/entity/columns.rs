//! Generates the typed column handles of a table: a `<Table>Columns` struct with one
//! `Column<Table, T>` per column, reached through the associated const `<Table>::COLUMNS`.
//!
//! One struct and one const keep the generated code small (each handle is a name and two
//! types), and an associated const named in capitals never clashes with the generated
//! methods (`validate`, `select`, ...) or with a column named like one of them. Its `Clone`,
//! `Copy` and `Debug` are written out, not derived: a derive repeats every field (a line per
//! column for every user crate to compile), while `Debug` can read the names from the table's
//! metadata.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::ast::Entity;

/// The struct, at the table's module level (users name it).
pub fn expand_struct(entity: &Entity, krate: &TokenStream) -> TokenStream {
    let ident = &entity.item.ident;
    let vis = &entity.item.vis;
    let columns_ident = format_ident!("{}Columns", ident);
    let fields = entity.columns().map(|(field, col)| {
        let (name, ty) = (&field.ident, &col.value_ty);
        let doc = format!("`{}`", col.logical_name(&field.ident));
        quote!(#[doc = #doc] pub #name: #krate::query::Column<#ident, #ty>)
    });
    let struct_doc = format!(
        "The typed column handles of [`{ident}`], for queries: `{ident}::COLUMNS.<field>`."
    );
    quote! {
        #[doc = #struct_doc]
        // a field spelled like the service's column (`Account_Tasks`) warns once, on the user's struct
        #[allow(non_snake_case)]
        #vis struct #columns_ident {
            #(#fields,)*
        }
    }
}

/// Its impls and the `COLUMNS` const, inside the expansion's block (where `__dv` names the
/// runtime's `__private`).
pub fn expand_impls(entity: &Entity) -> TokenStream {
    let ident = &entity.item.ident;
    let columns_ident = format_ident!("{}Columns", ident);
    let name = columns_ident.to_string();
    let values = entity.columns().map(|(field, col)| {
        let (field, logical_name) = (&field.ident, col.logical_name(&field.ident));
        quote!(#field: __dv::QueryColumn::new(#logical_name))
    });
    quote! {
        #[automatically_derived]
        impl ::core::clone::Clone for #columns_ident {
            #[inline]
            fn clone(&self) -> Self {
                *self
            }
        }
        #[automatically_derived]
        impl ::core::marker::Copy for #columns_ident {}
        #[automatically_derived]
        impl ::core::fmt::Debug for #columns_ident {
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                __dv::debug_columns(__f, #name, <#ident as __dv::Entity>::METADATA.columns)
            }
        }
        #[automatically_derived]
        impl #ident {
            /// The typed column handles, for queries (see `dataverse_model::query`).
            pub const COLUMNS: #columns_ident = #columns_ident { #(#values,)* };
        }
    }
}

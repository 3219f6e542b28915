//! Generates the typed column handles of a table: a `<Table>Columns` struct with one
//! `Column<Table, T>` per column, reached through the associated const `<Table>::COLUMNS`.
//!
//! One struct and one const keep the generated code small (each handle is a name and two
//! types), and an associated const named in capitals never clashes with the generated
//! methods (`validate`, `select`, ...) or with a column named like one of them.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::ast::Entity;

pub fn expand(entity: &Entity, krate: &TokenStream) -> TokenStream {
    let ident = &entity.item.ident;
    let vis = &entity.item.vis;
    let columns_ident = format_ident!("{}Columns", ident);
    let column = quote!(#krate::__private::QueryColumn);
    let mut fields = Vec::new();
    let mut values = Vec::new();
    for (field, col) in entity.columns() {
        let (name, ty, logical_name) =
            (&field.ident, &col.value_ty, col.logical_name(&field.ident));
        let doc = format!("`{logical_name}`");
        fields.push(quote!(#[doc = #doc] pub #name: #column<#ident, #ty>));
        values.push(quote!(#name: #column::new(#logical_name)));
    }
    let struct_doc = format!(
        "The typed column handles of [`{ident}`], for queries: `{ident}::COLUMNS.<field>`."
    );
    quote! {
        #[doc = #struct_doc]
        #[derive(Clone, Copy, Debug)]
        // a field spelled like the service's column (`Account_Tasks`) warns once, on the user's struct
        #[allow(non_snake_case)]
        #vis struct #columns_ident {
            #(#fields,)*
        }

        #[automatically_derived]
        impl #ident {
            /// The typed column handles, for queries (see `dataverse_model::query`).
            pub const COLUMNS: #columns_ident = #columns_ident { #(#values,)* };
        }
    }
}

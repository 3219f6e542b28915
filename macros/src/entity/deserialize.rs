//! The generated `Deserialize` impl of a table: reads a Web API row.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::ast::{Entity, EntityField, FieldRole, NavigationField};
use super::checks::may_be_lookup;
use super::plan::{ColumnPlan, local};

/// The `Deserialize` impl: one pass over the response's properties, each column's slot filled
/// by its codec, annotations routed to their column, then every field finished.
pub(super) fn expand_deserialize(
    entity: &Entity,
    plans: &[ColumnPlan],
    navigations: &[(&EntityField, &NavigationField)],
    p: &proc_macro2::Ident,
) -> TokenStream {
    let ident = &entity.item.ident;
    let expecting = format!(
        "a `{ident}` row as a JSON object (read a list of rows as `Vec<{ident}>`, a collection response as `Page<{ident}>`)"
    );
    let row_name = ident.to_string();
    let (key, map, annotation) = (local("__key"), local("__map"), local("__annotation"));
    let (parties, error) = (local("__parties"), local("__error"));
    let slot =
        |plan: &ColumnPlan| syn::Ident::new(&format!("__slot{}", plan.index), Span::call_site());
    let slots = plans.iter().map(|plan| {
        // the slot's type is inferred from its first use, so it is not named here
        let s = slot(plan);
        quote!(let mut #s = __Default::default();)
    });
    // a lookup column's plain name is its navigation property: a navigation field declared
    // with that name reads it, and the column keeps only `_<col>_value` (and its binds)
    let navigation_names: Vec<String> = navigations.iter().map(|(_, n)| n.name.value()).collect();
    let is_navigation = |name: &String| navigation_names.contains(name);
    let value_arms = plans.iter().map(|plan| {
        let (s, name, ty) = (slot(plan), &plan.name, &plan.ty);
        let lookup_name = format!("_{name}_value");
        let read = quote_spanned!(plan.span=> #ty::read(&mut #s, #name, #key.as_str(), &mut #map));
        if is_navigation(name) {
            quote!(#lookup_name => #read,)
        } else {
            quote!(#name | #lookup_name => #read,)
        }
    });
    // only a lookup reads annotations of its property (the built-in types never do: their
    // arm would give what the fallback arm gives), so only columns that may be one get an arm
    let annotation_arms = plans.iter().filter(|plan| may_be_lookup(&plan.column.value_ty)).map(|plan| {
        let (s, name, ty) = (slot(plan), &plan.name, &plan.ty);
        let read =
            quote_spanned!(plan.span=> #ty::read_annotation(&mut #s, #annotation, #name, &mut #map));
        quote!(#name => #read,)
    });
    let navigation_slot =
        |index: usize| syn::Ident::new(&format!("__nav{index}"), Span::call_site());
    let navigation_slots = navigations.iter().enumerate().map(|(index, (_, nav))| {
        let (s, ty) = (navigation_slot(index), &nav.ty);
        quote_spanned!(ty.span()=> let mut #s: #ty = ::core::default::Default::default();)
    });
    let navigation_arms = navigations.iter().enumerate().map(|(index, (_, nav))| {
        let (s, name) = (navigation_slot(index), &nav.name);
        quote!(#name => #p::read_navigation(&mut #s, #name, &mut __map),)
    });
    let column_names: Vec<&String> = plans.iter().map(|plan| &plan.name).collect();
    let navigation_annotation_arms = navigations
        .iter()
        .enumerate()
        // a name a column already claims (a lookup's navigation) carries the column's binds
        .filter(|(_, (_, nav))| !column_names.contains(&&nav.name.value()))
        .map(|(index, (_, nav))| {
            let (s, name) = (navigation_slot(index), &nav.name);
            quote!(#name => #p::read_navigation_annotation(&mut #s, __annotation, #name, &mut __map),)
        });
    let formatted = entity
        .fields
        .iter()
        .find(|f| matches!(f.role, FieldRole::FormattedValues));
    let etag = entity
        .fields
        .iter()
        .find(|f| matches!(f.role, FieldRole::Etag));
    let formatted_local =
        formatted.map(|_| quote!(let mut __formatted = #p::FormattedValues::new();));
    let formatted_arg = match formatted {
        Some(_) => quote!(::core::option::Option::Some(&mut __formatted)),
        None => quote!(::core::option::Option::None),
    };
    // an activity's party collection, `<table>_activity_parties`, read for its party-list
    // columns: matched here, so the key is not scanned for `@` first (decode speed: see
    // benches/); a table without its own logical name (an extension) finds it at run time
    let parties_arm = entity.args.logical_name.as_ref().and_then(|table| {
        let key = format!("{}_activity_parties", table.value());
        let claimed =
            column_names.iter().any(|name| **name == key) || navigation_names.contains(&key);
        (!claimed).then(|| quote!(#key => #parties.read(#key, &mut #map),))
    });
    let etag_local = etag.map(|_| quote!(let mut __etag: ::core::option::Option<#p::std::string::String> = ::core::option::Option::None;));
    let etag_arm =
        etag.map(|_| quote!("@odata.etag" => #p::read_etag_into(&mut __etag, &mut __map),));
    let finished =
        |plan: &ColumnPlan| syn::Ident::new(&format!("__field{}", plan.index), Span::call_site());
    let finished_names: Vec<_> = plans.iter().map(finished).collect();
    let finishes = plans.iter().map(|plan| {
        let (s, name, ty) = (slot(plan), &plan.name, &plan.ty);
        quote_spanned!(plan.span=> #ty::finish(#s, #name, &mut #parties, &mut #error))
    });
    let inits = entity.fields.iter().map(|field| {
        let f = &field.ident;
        match &field.role {
            FieldRole::FormattedValues => quote!(#f: __formatted,),
            FieldRole::Etag => quote!(#f: __etag,),
            FieldRole::Navigation(_) => {
                let index = navigations
                    .iter()
                    .position(|(nav_field, _)| std::ptr::eq(*nav_field, field))
                    .expect("navigation field");
                let local = navigation_slot(index);
                quote!(#f: #local,)
            }
            FieldRole::Column(_) => {
                let plan = plans
                    .iter()
                    .find(|plan| std::ptr::eq(plan.field, field))
                    .expect("column plan");
                let local = finished(plan);
                quote_spanned!(plan.span=> #f: #local,)
            }
        }
    });
    quote! {
        #[automatically_derived]
        impl<'de> #p::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: #p::serde::Deserializer<'de>>(__deserializer: __D) -> ::core::result::Result<Self, __D::Error> {
                // short names for what every column repeats (each token costs the user's build)
                use ::core::default::Default as __Default;
                use ::core::option::Option::Some as __Some;
                struct __Visitor;
                impl<'de> #p::serde::de::Visitor<'de> for __Visitor {
                    type Value = #ident;
                    fn expecting(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        __f.write_str(#expecting)
                    }
                    fn visit_map<__A: #p::serde::de::MapAccess<'de>>(self, mut __map: __A) -> ::core::result::Result<#ident, __A::Error> {
                        #(#slots)*
                        #(#navigation_slots)*
                        let mut __parties = #p::ActivityParties::default();
                        #formatted_local
                        #etag_local
                        while let ::core::option::Option::Some(__key) =
                            #p::serde::de::MapAccess::next_key::<#p::Key<'de>>(&mut __map)?
                        {
                            // every arm gives a `Result`; one `?` for them all
                            let __step = match __key.as_str() {
                                #(#value_arms)*
                                #(#navigation_arms)*
                                #etag_arm
                                #parties_arm
                                "@odata.context" => #p::read_row_context(#row_name, &mut __map),
                                __other => match #p::split_annotation(__other) {
                                    ::core::option::Option::Some((__property, __annotation)) => {
                                        let __claimed = match #p::annotated_column(&__DV_COLUMNS, __property, __annotation) {
                                            #(#annotation_arms)*
                                            #(#navigation_annotation_arms)*
                                            _ => ::core::result::Result::Ok(false),
                                        };
                                        #p::read_annotation_or_other(__claimed, __property, __annotation, &mut __map, #formatted_arg)
                                    }
                                    ::core::option::Option::None => #p::read_unclaimed_property(__other, #row_name, __DV_METADATA.logical_name, &mut __parties, &mut __map),
                                },
                            };
                            __step?;
                        }
                        let mut __error = ::core::option::Option::None;
                        let (#(__Some(#finished_names),)*) = (#(#finishes,)*) else {
                            return ::core::result::Result::Err(#p::first_error(__error));
                        };
                        ::core::result::Result::Ok(#ident { #(#inits)* })
                    }
                }
                __deserializer.deserialize_map(__Visitor)
            }
        }
    }
}

//! Generates the metadata, serde impls, validation and request helpers of a valid model.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned;

use super::ast::{
    Column, DefaultValue, Entity, EntityField, FieldRole, Labels, NavigationField, Wrapper,
};

struct ColumnPlan<'a> {
    field: &'a EntityField,
    column: &'a Column,
    name: String,
    index: usize,
    /// `<T as __dv::FieldType<W>>`: every generated use of the column type goes through
    /// this one trait, so an unsupported type gives one error, at the field's type.
    ty: TokenStream,
    /// The value type's span, computed once: `Spanned::span` re-tokenizes the type.
    span: Span,
}

pub fn expand(entity: &Entity) -> TokenStream {
    let krate = entity.krate();
    // everything generated sits in one block that names the runtime once: short paths keep
    // the expansion (compiled in every user crate) small
    // an `Ident`, not a `TokenStream`: interpolating a stream makes proc_macro2 flush its
    // buffer across the compiler bridge, and `#p` is interpolated thousands of times
    let p = proc_macro2::Ident::new("__dv", proc_macro2::Span::call_site());
    let item = &entity.tokens;
    let ident = &entity.item.ident;
    let plans: Vec<ColumnPlan> = entity
        .columns()
        .enumerate()
        .map(|(index, (field, column))| {
            let value_ty = &column.value_ty;
            let span = value_ty.span();
            let wrap = match column.wrapper {
                Wrapper::Bare => quote_spanned!(span=> __dv::Bare),
                Wrapper::Option => quote_spanned!(span=> __dv::Optional),
                Wrapper::Field => quote_spanned!(span=> __dv::Tri),
            };
            // every token on the type's first token: all uses fail at one span, reported once
            let value_ty = respan(value_ty.to_token_stream(), span);
            let ty = quote_spanned!(span=> <#value_ty as __dv::FieldType<#wrap>>);
            ColumnPlan {
                field,
                column,
                name: column.logical_name(&field.ident),
                index,
                ty,
                span,
            }
        })
        .collect();

    let metadata = expand_metadata(&plans, &p);
    let checks = expand_checks(entity, &plans, &p);
    let navigations: Vec<(&EntityField, &NavigationField)> = entity.navigations().collect();
    let deserialize = expand_deserialize(entity, &plans, &navigations, &p);
    let entity_impl = expand_entity_impl(entity, &plans, &navigations, &p);
    let navigation_table = (!navigations.is_empty()).then(|| {
        let count = navigations.len();
        let entries = navigations.iter().map(|(field, nav)| {
            let (name, ty, field) = (&nav.name, &nav.ty, field.ident.to_string());
            quote_spanned!(ty.span()=> __dv::NavigationMetadata::of::<#ty>(#name, #field))
        });
        quote!(static __DV_NAVIGATIONS: [#p::NavigationMetadata; #count] = [#(#entries),*];)
    });
    let column_count = plans.len();
    let api = api(ident, &p);

    let columns = super::columns::expand(entity, &krate);

    quote! {
        #item
        #columns

        const _: () = {
            use #krate::__private as __dv;
            static __DV_COLUMNS: [#p::ColumnMetadata; #column_count] = #metadata;
            #navigation_table
            #checks
            #entity_impl
            #deserialize

            #api
        };
    }
}

/// `tokens` with every token (and group) at `span`.
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tree| {
            if let proc_macro2::TokenTree::Group(group) = &tree {
                let mut inner =
                    proc_macro2::Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                tree = proc_macro2::TokenTree::Group(inner);
            } else {
                tree.set_span(span);
            }
            tree
        })
        .collect()
}

/// `Serialize` (the create body) and the inherent request helpers: calls to the `Entity`
/// trait, the same for a valid struct and for the fallback.
fn api(ident: &syn::Ident, p: &proc_macro2::Ident) -> TokenStream {
    quote! {
    #[automatically_derived]
    impl #p::serde::Serialize for #ident {
        /// The create form of the row (see `Entity::create_payload`).
        fn serialize<__S: #p::serde::Serializer>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error> {
            #p::serde::Serialize::serialize(&<Self as #p::Entity>::create_payload(self), __serializer)
        }
    }

    #[automatically_derived]
    impl #ident {
        /// Every rule the row breaks for `operation`, all at once (no allocation when valid).
        pub fn validate(&self, operation: #p::Operation) -> ::core::result::Result<(), #p::ValidationErrors> {
            <Self as #p::Entity>::validate(self, operation)
        }
        /// The `$select` list of the declared columns (lookups as `_<col>_value`).
        pub fn select() -> #p::std::string::String {
            <Self as #p::Entity>::select()
        }
        /// `/<entity set>`.
        pub fn collection_path() -> #p::std::string::String {
            <Self as #p::Entity>::collection_path()
        }
        /// `/<entity set>(<id>)`.
        pub fn entity_path(id: #p::Guid) -> #p::std::string::String {
            <Self as #p::Entity>::entity_path(id)
        }
        /// The body of a create request (`POST`).
        pub fn create_payload(&self) -> #p::Payload<'_, Self> {
            <Self as #p::Entity>::create_payload(self)
        }
        /// The body of an update request (`PATCH`): no primary id, read-only or unset column.
        pub fn update_payload(&self) -> #p::Payload<'_, Self> {
            <Self as #p::Entity>::update_payload(self)
        }
        /// The row as the Web API returns it (to fake the service in tests).
        pub fn response_body(&self) -> #p::ResponseBody<'_, Self> {
            <Self as #p::Entity>::response_body(self)
        }
    }
    }
}

/// What is emitted beside the errors: the struct as written (helper attributes stripped)
/// and, for a plain struct with named fields, stub impls of the generated API (an empty
/// table), so the user's code that uses it gets no follow-on errors.
pub fn fallback(entity: &Entity) -> TokenStream {
    let item = &entity.tokens;
    let generics = &entity.item.generics;
    let named = matches!(&entity.item.data, syn::Data::Struct(s) if matches!(s.fields, syn::Fields::Named(_)));
    if !named || !generics.params.is_empty() || generics.where_clause.is_some() {
        return item.clone();
    }
    let krate = entity.krate();
    let p = proc_macro2::Ident::new("__dv", Span::call_site());
    let ident = &entity.item.ident;
    let rust_name = ident.to_string();
    let api = api(ident, &p);
    let message = format!("`{ident}` has errors: fix the compile errors reported for it");
    let columns = super::columns::expand(entity, &krate);
    quote! {
        #item
        #columns

        const _: () = {
            use #krate::__private as __dv;
            static __DV_METADATA: #p::EntityMetadata = #p::EntityMetadata {
                logical_name: "",
                entity_set: "",
                primary_id: "",
                primary_name: ::core::option::Option::None,
                rust_name: #rust_name,
                columns: &[],
                base: ::core::option::Option::None,
                navigations: &[],
            };
            impl #p::Entity for #ident {
                const METADATA: &'static #p::EntityMetadata = &__DV_METADATA;
                fn visit_columns<__V: #p::ColumnVisitor>(&self, __visitor: &mut __V) {}
                fn primary_id(&self) -> ::core::option::Option<#p::Guid> {
                    ::core::option::Option::None
                }
            }
            impl<'de> #p::serde::Deserialize<'de> for #ident {
                fn deserialize<__D: #p::serde::Deserializer<'de>>(_: __D) -> ::core::result::Result<Self, __D::Error> {
                    ::core::result::Result::Err(<__D::Error as #p::serde::de::Error>::custom(#message))
                }
            }
            #api
        };
    }
}

fn opt<T: quote::ToTokens>(value: Option<T>) -> TokenStream {
    match value {
        Some(v) => quote!(::core::option::Option::Some(#v)),
        None => quote!(::core::option::Option::None),
    }
}

fn identity(entity: &Entity, p: &proc_macro2::Ident) -> [TokenStream; 4] {
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

fn expand_metadata(plans: &[ColumnPlan], p: &proc_macro2::Ident) -> TokenStream {
    let entries = plans.iter().map(|plan| {
        let a = &plan.column.attrs;
        let (name, ty) = (&plan.name, &plan.ty);
        let field = plan.field.ident.to_string();
        let of = quote_spanned!(plan.span=> #ty::TYPE);
        let mut entry = quote!(#p::column(#name, #field, #of));
        if a.required.is_some() {
            entry.extend(quote!(.required()));
        }
        if let Some((level, _)) = a.required_level {
            let level = proc_macro2::Ident::new(level, Span::call_site());
            entry.extend(quote!(.required_level(#p::RequiredLevel::#level)));
        }
        match a.default {
            Some((DefaultValue::Boolean(v), _)) => entry.extend(quote!(.default_boolean(#v))),
            Some((DefaultValue::Option(v), _)) => entry.extend(quote!(.default_option(#v))),
            None => {}
        }
        if let (Some((yes, _)), Some((no, _))) = (&a.true_label, &a.false_label) {
            let labels = |labels: &Labels| {
                let labels = labels
                    .iter()
                    .map(|(lcid, label)| quote!(#p::LocalizedLabel { lcid: #lcid, label: #label }));
                quote!(&[#(#labels),*])
            };
            let (yes, no) = (labels(yes), labels(no));
            entry.extend(quote!(.boolean_labels(#yes, #no)));
        }
        if a.read_only.is_some() {
            entry.extend(quote!(.read_only()));
        }
        if a.money.is_some() {
            entry.extend(quote!(.money()));
        }
        if let Some((v, _)) = a.max_length {
            entry.extend(quote!(.max_length(#v)));
        }
        if let Some((v, _)) = a.min {
            entry.extend(quote!(.min(#v)));
        }
        if let Some((v, _)) = a.max {
            entry.extend(quote!(.max(#v)));
        }
        if let Some((v, _)) = a.precision {
            entry.extend(quote!(.precision(#v)));
        }
        entry
    });
    quote!([#(#entries),*])
}

fn expand_entity_impl(
    entity: &Entity,
    plans: &[ColumnPlan],
    navigations: &[(&EntityField, &NavigationField)],
    p: &proc_macro2::Ident,
) -> TokenStream {
    let (navigation_list, visit_navigations) = if navigations.is_empty() {
        (quote!(&[]), None)
    } else {
        let visits = navigations.iter().enumerate().map(|(index, (field, nav))| {
            let (f, ty) = (&field.ident, &nav.ty);
            quote!(__visitor.navigation::<#ty>(&self.#f, &__DV_NAVIGATIONS[#index]);)
        });
        let visit = quote! {
            fn visit_navigations<__V: #p::NavigationVisitor>(&self, __visitor: &mut __V) {
                #(#visits)*
            }
        };
        (quote!(&__DV_NAVIGATIONS), Some(visit))
    };
    let ident = &entity.item.ident;
    let [logical_name, entity_set, primary_id, primary_name] = identity(entity, p);
    let rust_name = ident.to_string();
    let base = opt(entity
        .args
        .extends
        .as_ref()
        .map(|b| quote!(<#b as #p::Entity>::METADATA)));

    // the one per-column piece the trait's generic validate / write methods build on
    let visits = plans.iter().map(|plan| {
        let (f, index, ty) = (&plan.field.ident, plan.index, &plan.ty);
        quote_spanned!(plan.span=> #ty::visit(__visitor, &self.#f, &__DV_COLUMNS[#index]);)
    });
    let status = status_check(plans, p).map(|check| {
        quote! {
            fn validate_row(&self, __errors: &mut #p::ValidationErrors) {
                #check
            }
        }
    });
    let etag = entity
        .fields
        .iter()
        .find(|f| matches!(f.role, FieldRole::Etag))
        .map(|f| {
            let f = &f.ident;
            quote! {
                fn etag(&self) -> ::core::option::Option<&str> {
                    ::core::option::Option::as_deref(&self.#f)
                }
            }
        });
    let formatted = entity
        .fields
        .iter()
        .find(|f| matches!(f.role, FieldRole::FormattedValues))
        .map(|f| {
            let f = &f.ident;
            quote! {
                fn formatted_values(&self) -> ::core::option::Option<&#p::FormattedValues> {
                    ::core::option::Option::Some(&self.#f)
                }
            }
        });
    let id_reads = plans
        .iter()
        .filter(|plan| looks_like_guid(&plan.column.value_ty) && may_be_primary(entity, &plan.name))
        .map(|plan| {
            let (f, name, ty) = (&plan.field.ident, &plan.name, &plan.ty);
            let get = quote_spanned!(plan.span=> #ty::get(&self.#f));
            quote! {
                if #p::const_str_eq(__META.primary_id, #name)
                    && let ::core::option::Option::Some(__id) = #get
                {
                    return ::core::option::Option::Some(*__id);
                }
            }
        });

    quote! {
        static __DV_METADATA: #p::EntityMetadata = #p::EntityMetadata {
            logical_name: #logical_name,
            entity_set: #entity_set,
            primary_id: #primary_id,
            primary_name: #primary_name,
            rust_name: #rust_name,
            columns: &__DV_COLUMNS,
            base: #base,
            navigations: #navigation_list,
        };

        #[automatically_derived]
        impl #p::Entity for #ident {
            const METADATA: &'static #p::EntityMetadata = &__DV_METADATA;

            fn visit_columns<__V: #p::ColumnVisitor>(&self, __visitor: &mut __V) {
                #(#visits)*
            }

            #visit_navigations
            #status
            #etag
            #formatted

            #[allow(unreachable_code)]
            fn primary_id(&self) -> ::core::option::Option<#p::Guid> {
                const __META: &#p::EntityMetadata = &__DV_METADATA;
                #(#id_reads)*
                ::core::option::Option::None
            }
        }
    }
}

/// Whether column `name` can be the primary id: without `extends` the primary id is known
/// here, so only its column; with `extends` it is the base's, known at compile time only.
fn may_be_primary(entity: &Entity, name: &str) -> bool {
    entity.args.extends.is_some()
        || entity
            .args
            .primary_id
            .as_ref()
            .is_some_and(|id| id.value() == name)
}

/// `Guid`, `Uuid` or a path ending in either: the only types a primary id may have.
fn looks_like_guid(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Guid" || s.ident == "Uuid"))
}

fn status_check(plans: &[ColumnPlan], p: &proc_macro2::Ident) -> Option<TokenStream> {
    let find = |name: &str| plans.iter().find(|plan| plan.name == name);
    let (Some(state), Some(status)) = (find("statecode"), find("statuscode")) else {
        return None;
    };
    let (sf, sty) = (&state.field.ident, &state.ty);
    let (tf, tty) = (&status.field.ident, &status.ty);
    let index = status.index;
    let state_get = quote_spanned!(state.span=> #sty::get(&self.#sf));
    let status_get = quote_spanned!(status.span=> #tty::get(&self.#tf));
    Some(quote! {
        #p::check_status(
            #state_get,
            #status_get,
            &__DV_COLUMNS[#index],
            __errors,
        );
    })
}

fn expand_deserialize(
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
    let slot =
        |plan: &ColumnPlan| syn::Ident::new(&format!("__slot{}", plan.index), Span::call_site());
    let slots = plans.iter().map(|plan| {
        // the slot's type is inferred from its first use, so it is not named here
        let s = slot(plan);
        quote!(let mut #s = ::core::default::Default::default();)
    });
    // a lookup column's plain name is its navigation property: a navigation field declared
    // with that name reads it, and the column keeps only `_<col>_value` (and its binds)
    let navigation_names: Vec<String> = navigations.iter().map(|(_, n)| n.name.value()).collect();
    let is_navigation = |name: &String| navigation_names.contains(name);
    let value_arms = plans.iter().map(|plan| {
        let (s, name, ty) = (slot(plan), &plan.name, &plan.ty);
        let lookup_name = format!("_{name}_value");
        let read =
            quote_spanned!(plan.span=> #ty::read(&mut #s, #name, __key.as_str(), &mut __map));
        if is_navigation(name) {
            quote!(#lookup_name => #read,)
        } else {
            quote!(#name | #lookup_name => #read,)
        }
    });
    let annotation_arms = plans.iter().map(|plan| {
        let (s, name, ty) = (slot(plan), &plan.name, &plan.ty);
        let read =
            quote_spanned!(plan.span=> #ty::read_annotation(&mut #s, __annotation, #name, &mut __map));
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
    let etag_local = etag.map(|_| quote!(let mut __etag: ::core::option::Option<#p::std::string::String> = ::core::option::Option::None;));
    let etag_arm =
        etag.map(|_| quote!("@odata.etag" => #p::read_etag_into(&mut __etag, &mut __map),));
    let finished =
        |plan: &ColumnPlan| syn::Ident::new(&format!("__field{}", plan.index), plan.span);
    let finished_names: Vec<_> = plans.iter().map(finished).collect();
    let finishes = plans.iter().map(|plan| {
        let (s, name, ty) = (slot(plan), &plan.name, &plan.ty);
        quote_spanned!(plan.span=> #ty::finish(#s, #name, &mut __parties, &mut __error))
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
                        let (#(::core::option::Option::Some(#finished_names),)*) = (#(#finishes,)*) else {
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

/// Compile-time checks that need other types' metadata, as `const` evaluations spanned on
/// the user's tokens: attribute/kind fit, primary id type, and extension rules.
fn expand_checks(entity: &Entity, plans: &[ColumnPlan], p: &proc_macro2::Ident) -> TokenStream {
    let ident = entity.item.ident.to_string();
    let [table, _, primary_id, _] = identity(entity, p);
    let mut out = TokenStream::new();
    let base_text = entity
        .args
        .extends
        .as_ref()
        .map(|base| quote!(#base).to_string().replace(' ', ""));
    for plan in plans {
        let (name, a) = (&plan.name, &plan.column.attrs);
        let ty = &plan.column.value_ty;
        let field_ty = &plan.ty;
        let field_type = quote_spanned!(plan.span=> #field_ty::TYPE);
        let kind = quote!(#field_type.kind);
        // for messages only: most columns have none
        let ty_text = || quote!(#ty).to_string().replace(' ', "");
        let field = &plan.field.ident;
        let mut kind_check = |span: Span, key: &str, kinds: TokenStream, what: &str| {
            let message = format!(
                "`{key}` applies to {what} columns, but column `{name}` has type `{}`; remove it",
                ty_text()
            );
            out.extend(quote_spanned! {span=>
                const _: () = if !::core::matches!(#kind, #kinds) { ::core::panic!(#message) };
            });
        };
        if let Some((_, span)) = a.max_length {
            kind_check(
                span,
                "max_length",
                quote!(#p::ColumnKind::Text),
                "text (`String`)",
            );
        }
        if let Some(span) = a.money {
            kind_check(
                span,
                "money",
                quote!(#p::ColumnKind::Decimal | #p::ColumnKind::Money),
                "`rust_decimal::Decimal`",
            );
        }
        if let Some((_, span)) = a.precision {
            kind_check(
                span,
                "precision",
                quote!(#p::ColumnKind::Decimal | #p::ColumnKind::Money | #p::ColumnKind::Float),
                "decimal and float",
            );
        }
        // a field written `bool` is a Boolean column: no check to emit
        let boolean = is_bool(&plan.column.value_ty);
        if let Some((_, span)) = a.true_label.as_ref().filter(|_| !boolean) {
            kind_check(
                *span,
                "true_label",
                quote!(#p::ColumnKind::Boolean),
                "Boolean (`bool`)",
            );
        }
        if let Some((DefaultValue::Boolean(value), span)) = a.default.filter(|_| !boolean) {
            kind_check(
                span,
                &format!("default = {value}"),
                quote!(#p::ColumnKind::Boolean),
                "Boolean (`bool`)",
            );
        }
        for (bound, key) in [(a.min, "min"), (a.max, "max")] {
            if let Some((_, span)) = bound {
                kind_check(
                    span,
                    key,
                    quote!(#p::ColumnKind::Integer | #p::ColumnKind::BigInt | #p::ColumnKind::Decimal | #p::ColumnKind::Money | #p::ColumnKind::Float),
                    "number",
                );
            }
        }
        out.extend(may_be_primary(entity, name).then(|| {
            let message = format!(
                "column `{name}` is the primary id of `{ident}`, so its type must be `Guid` (bare, in `Option` or in `Field`), not `{}`",
                ty_text()
            );
            quote_spanned! {plan.span=>
            const _: () = if #p::const_str_eq(#primary_id, #name) && !::core::matches!(#kind, #p::ColumnKind::Guid) {
                ::core::panic!(#message)
            };
            }
        }));
        if let (Some(base), Some(base_text), Some(prefix)) = (
            &entity.args.extends,
            &base_text,
            &entity.args.publisher_prefix,
        ) {
            let keep = format!(
                "column `{name}` has another type in base `{base_text}`; keep the base's type or use an extension of it (a `choice!` or `lookup!` with `extends = ...`)"
            );
            let prefix = format!("{}_", prefix.value());
            let new_check = if name.starts_with(&prefix) {
                quote!()
            } else {
                let message = format!(
                    "column `{name}` is not in base `{base_text}`, so it is new in this layer and must carry the publisher prefix: rename it `{prefix}{name}` (or fix the name if the base has it)"
                );
                quote_spanned! {field.span()=>
                    const _: () = if !<#base as #p::Entity>::METADATA.has_column(#name) { ::core::panic!(#message) };
                }
            };
            out.extend(quote_spanned! {plan.span=>
                const _: () = if let ::core::option::Option::Some(__base) = <#base as #p::Entity>::METADATA.column(#name) {
                    if !#field_type.fits_base(__base) {
                        ::core::panic!(#keep)
                    }
                };
                #new_check
            });
        }
        if let Some((DefaultValue::Option(value), span)) = a.default {
            let ty_text = ty_text();
            out.extend(quote_spanned! {span=>
                const _: () = if let ::core::option::Option::Some(__m) =
                    __dv::default_option_mismatch(#field_type.choice, #value, #name, #ty_text)
                {
                    ::core::panic!("{}", __m.as_str())
                };
            });
        }
        if may_be_lookup(&plan.column.value_ty) {
            out.extend(quote_spanned! {plan.span=>
                const _: () = if let ::core::option::Option::Some(__m) =
                    __dv::lookup_mismatch(#field_type.lookup, #name, #table)
                {
                    ::core::panic!("{}", __m.as_str())
                };
            });
        }
    }
    out
}

/// `bool`, the one way to write a Boolean column.
fn is_bool(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.qself.is_none() && p.path.is_ident("bool"))
}

/// False for the built-in column types, which are never lookups: their fields need no
/// lookup check (a short expansion in every user crate).
fn may_be_lookup(ty: &syn::Type) -> bool {
    const BUILT_IN: &[&str] = &[
        "String",
        "i32",
        "i64",
        "f64",
        "bool",
        "Decimal",
        "Money",
        "Guid",
        "Uuid",
        "OffsetDateTime",
        "Date",
        "PartyList",
        "Choices",
    ];
    !matches!(ty, syn::Type::Path(p) if p.path.segments.last().is_some_and(|s| BUILT_IN.iter().any(|b| s.ident == b)))
}

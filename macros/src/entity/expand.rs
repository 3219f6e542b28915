//! Generates the metadata, serde impls, validation and request helpers of a valid model.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned;

use super::ast::{DefaultValue, Entity, EntityField, FieldRole, Labels, NavigationField, Wrapper};
use super::checks::expand_checks;
use super::deserialize::expand_deserialize;
use super::plan::{ColumnPlan, identity, local, may_be_primary, opt};

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
                Wrapper::Bare => quote_spanned!(span=> __B),
                Wrapper::Option => quote_spanned!(span=> __O),
                Wrapper::Field => quote_spanned!(span=> __T),
            };
            // every token on the type's first token: all uses fail at one span, reported once
            let value_ty = respan(value_ty.to_token_stream(), span);
            let ty = quote_spanned!(span=> <#value_ty as __F<#wrap>>);
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

    let columns = super::columns::expand_struct(entity, &krate);
    let column_impls = super::columns::expand_impls(entity);

    quote! {
        #item
        #columns

        const _: () = {
            use #krate::__private as __dv;
            #column_impls
            // short names for the gate every column goes through: it is named hundreds of
            // times in a large table, and each token costs the user's build
            #[allow(unused_imports)]
            use __dv::{Bare as __B, FieldType as __F, Optional as __O, Tri as __T};
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
    let columns = super::columns::expand_struct(entity, &krate);
    let column_impls = super::columns::expand_impls(entity);
    quote! {
        #item
        #columns

        const _: () = {
            use #krate::__private as __dv;
            #column_impls
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
    let (self_, visitor) = (local("self"), local("__visitor"));
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
        quote_spanned!(plan.span=> #ty::visit(#visitor, &#self_.#f, &__DV_COLUMNS[#index]);)
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
            let get = quote_spanned!(plan.span=> #ty::get(&#self_.#f));
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
    let self_ = local("self");
    let state_get = quote_spanned!(state.span=> #sty::get(&#self_.#sf));
    let status_get = quote_spanned!(status.span=> #tty::get(&#self_.#tf));
    Some(quote! {
        #p::check_status(
            #state_get,
            #status_get,
            &__DV_COLUMNS[#index],
            __errors,
        );
    })
}

//! Generates the enum, its `'static` metadata tables and short impls from the checked model.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use super::ast::{Lookup, Target};
use super::cascade::Action;

/// The whole expansion: the enum, then everything else inside one `const _: () = { ... };`.
pub fn expand(lookup: &Lookup) -> TokenStream {
    let krate = &lookup.krate;
    // the block after the enum names the runtime through one short alias
    // an `Ident`, not a `TokenStream`: interpolating a stream makes proc_macro2 flush its
    // buffer across the compiler bridge, and `#p` is interpolated thousands of times
    let p = proc_macro2::Ident::new("__dv", proc_macro2::Span::call_site());
    let ident = lookup.ident;
    let name = ident.to_string();
    let targets: Vec<&Target> = lookup.emitted().collect();
    let fallback = &lookup.fallback;
    let base_variant = &lookup.base_variant;

    let total = targets.len();
    let column = match (&lookup.column, &lookup.extends) {
        (_, Some(base)) => quote!(<#base as #p::Lookup>::METADATA.column),
        (Some(c), None) => quote!(#c),
        (None, None) => quote!(""),
    };
    let table = match (&lookup.table, &lookup.extends) {
        (_, Some(base)) => quote!(<#base as #p::Lookup>::METADATA.table),
        (Some(t), None) => quote!(#t),
        (None, None) => quote!(""),
    };
    let pattern = match &lookup.pattern {
        Some(pat) => quote!(::core::option::Option::Some(#pat)),
        None => quote!(::core::option::Option::None),
    };
    let base_meta = match &lookup.extends {
        Some(base) => quote!(::core::option::Option::Some(<#base as #p::Lookup>::METADATA)),
        None => quote!(::core::option::Option::None),
    };

    // positional constructors (runtime `compact.rs`): short tokens, fast user builds
    let target_tables = targets.iter().map(|t| {
        let table = &t.table;
        let variant = t.ident.to_string();
        let entity_set = match &t.attr.entity_set {
            Some(s) => quote!(#s),
            None => quote!(""),
        };
        let nav = navigation(lookup, t, total);
        let target = quote!(#p::target(#table, #variant, #entity_set, #nav, __LAYER));
        match &t.attr.relationship {
            None => target,
            Some(schema) => {
                let referenced_entity = t.attr.referenced_entity.as_ref().unwrap_or(&t.table);
                let referenced_attribute = match &t.attr.referenced_attribute {
                    Some(a) => quote!(#a),
                    None => quote!(""),
                };
                let values = t.cascade();
                let codes: String = Action::ALL
                    .iter()
                    .map(|a| values[a.index()].code())
                    .collect();
                let system = t.attr.system.is_some();
                quote! {
                    #p::related(#target, #column, #schema, #referenced_entity,
                        #referenced_attribute, #codes, #system)
                }
            }
        }
    });

    // an extension's target must be new to every base layer: checked when the base is known
    let base_checks = lookup.extends.as_ref().map(|base| {
        let base_name = path_name(base);
        let checks = targets.iter().map(|t| {
            let table = &t.table;
            let message = format!(
                "table `{}` is already a target of base lookup `{base_name}`; remove this variant (the extension inherits it)",
                t.table.value()
            )
            .replace('{', "{{")
            .replace('}', "}}");
            quote_spanned! {t.table.span()=>
                const _: () = if <#base as #p::Lookup>::METADATA.has_target(#table) {
                    ::core::panic!(#message)
                };
            }
        });
        quote!(#(#checks)*)
    });

    let ref_arms = targets.iter().enumerate().map(|(i, t)| {
        let v = t.ident;
        quote!(Self::#v(__id) => #p::LookupRef::Known(&__TARGETS[#i], *__id),)
    });
    let from_arms: Vec<TokenStream> = targets
        .iter()
        .filter(|t| !t.duplicate_table.get())
        .map(|t| {
            let v = t.ident;
            let table = &t.table;
            quote!(#table => Self::#v(__id),)
        })
        .collect();

    let (from_other, ref_other) = match &lookup.extends {
        None => (
            quote! {
                Self::#fallback(#p::std::boxed::Box::new(#p::UnknownTarget {
                    logical_name: #p::std::borrow::ToOwned::to_owned(__logical_name),
                    id: __id,
                    navigation: ::core::option::Option::None,
                }))
            },
            quote!(Self::#fallback(__unknown) => #p::LookupRef::Unknown(__unknown),),
        ),
        Some(base) => (
            quote!(Self::#base_variant(<#base as #p::Lookup>::from_target(__logical_name, __id))),
            quote!(Self::#base_variant(__base) => #p::Lookup::target_ref(__base),),
        ),
    };
    let from_target_body = if from_arms.is_empty() {
        from_other
    } else {
        quote! {
            match __logical_name {
                #(#from_arms)*
                _ => #from_other,
            }
        }
    };

    let from_base = lookup.extends.as_ref().map(|base| {
        let body = if from_arms.is_empty() {
            quote!(Self::#base_variant(__base))
        } else {
            let arms = targets
                .iter()
                .filter(|t| !t.duplicate_table.get())
                .map(|t| {
                    let v = t.ident;
                    let table = &t.table;
                    quote!(#table => Self::#v(#p::Lookup::id(&__base)),)
                });
            quote! {
                match #p::Lookup::logical_name(&__base) {
                    #(#arms)*
                    _ => Self::#base_variant(__base),
                }
            }
        };
        quote! {
            #[automatically_derived]
            impl ::core::convert::From<#base> for #ident {
                /// Lifts a base value, moving a table this layer declares to its own variant.
                fn from(__base: #base) -> Self {
                    #body
                }
            }
        }
    });

    let enum_def = enum_def(lookup);
    quote! {
        #enum_def

        const _: () = {
            use #krate::__private as __dv;
            const __LAYER: &str = #name;
            static __TARGETS: [#p::TargetMetadata; #total] = [#(#target_tables),*];

            static __METADATA: #p::LookupMetadata =
                #p::lookup(#column, #table, #pattern, __LAYER, &__TARGETS, #base_meta);

            #base_checks

            // reading and writing as an entity column: generic code in the runtime
            #[automatically_derived]
            impl #p::ColumnValue for #ident {
                type Codec = #p::LookupCodec;
            }

            #[automatically_derived]
            impl #p::Lookup for #ident {
                const METADATA: &'static #p::LookupMetadata = &__METADATA;

                #[inline]
                fn from_target(__logical_name: &str, __id: #p::Guid) -> Self {
                    #from_target_body
                }

                #[inline]
                fn target_ref(&self) -> #p::LookupRef<'_> {
                    match self {
                        #(#ref_arms)*
                        #ref_other
                    }
                }
            }

            // equality and hash through `target_ref`: one short function each, not a match
            // over every variant
            #[automatically_derived]
            impl ::core::cmp::PartialEq for #ident {
                fn eq(&self, __other: &Self) -> bool {
                    #p::Lookup::target_ref(self).same_as(&#p::Lookup::target_ref(__other))
                }
            }

            #[automatically_derived]
            impl ::core::cmp::Eq for #ident {}

            #[automatically_derived]
            impl ::core::hash::Hash for #ident {
                fn hash<__H: ::core::hash::Hasher>(&self, __state: &mut __H) {
                    #p::Lookup::target_ref(self).hash_into(__state)
                }
            }

            #[automatically_derived]
            impl #ident {
                /// The lookup's column, targets and layers (`'static`).
                pub const METADATA: &'static #p::LookupMetadata = &__METADATA;
            }

            #from_base
        };
    }
}

/// The enum itself: the user's attributes and doc comments, one variant per emitted target
/// and the fallback (base lookups) or base (extensions) variant. Also emitted on error.
fn enum_def(lookup: &Lookup) -> TokenStream {
    let krate = &lookup.krate;
    let full = quote!(#krate::__private);
    let ident = lookup.ident;
    let vis = lookup.vis;
    let attrs = &lookup.attrs;
    let targets: Vec<&Target> = lookup.emitted().collect();
    let has_docs = attrs.iter().any(|a| a.path().is_ident("doc"));
    let enum_doc = (!has_docs).then(|| {
        let doc = match (&lookup.column, &lookup.extends) {
            (Some(c), _) => format!(" Lookup column `{}`.", c.value()),
            (None, Some(b)) => format!(" A layer of lookup [`{}`].", path_name(b)),
            (None, None) => " A lookup column.".to_owned(),
        };
        quote!(#[doc = #doc])
    });

    let variants = targets.iter().map(|t| {
        let v = t.ident;
        let docs = &t.docs;
        let doc = docs.is_empty().then(|| {
            let doc = format!(" Table `{}`, carrying the row id.", t.table.value());
            quote!(#[doc = #doc])
        });
        quote!(#(#docs)* #doc #v(#full::Guid),)
    });
    let fallback = &lookup.fallback;
    let base_variant = &lookup.base_variant;
    let extra_variant = match &lookup.extends {
        None => quote! {
            /// A target table this lookup does not declare, kept with its id so nothing is lost.
            #fallback(#full::std::boxed::Box<#full::UnknownTarget>),
        },
        Some(base) => {
            let doc = format!(
                " A target of the base lookup [`{}`] (or a table no layer declares).",
                path_name(base)
            );
            quote!(#[doc = #doc] #base_variant(#base),)
        }
    };

    quote! {
        #(#attrs)*
        #enum_doc
        #[derive(::core::clone::Clone, ::core::fmt::Debug)]
        #vis enum #ident {
            #(#variants)*
            #extra_variant
        }
    }
}

/// What is emitted beside the errors: the enum plus stub impls of the generated API, so the
/// user's code that uses the lookup gets no follow-on errors.
pub fn fallback(lookup: &Lookup) -> TokenStream {
    let krate = &lookup.krate;
    let ident = lookup.ident;
    let name = ident.to_string();
    let enum_def = enum_def(lookup);
    let stub = quote!(::core::panic!(
        "`lookup!` input has errors: fix the compile errors reported for it"
    ));
    let from_base = lookup.extends.as_ref().map(|base| {
        quote! {
            impl ::core::convert::From<#base> for #ident {
                fn from(__base: #base) -> Self { #stub }
            }
        }
    });
    quote! {
        #enum_def

        const _: () = {
            use #krate::__private as __dv;
            static __METADATA: __dv::LookupMetadata = __dv::lookup(
                "", "", ::core::option::Option::None, #name, &[], ::core::option::Option::None,
            );
            impl __dv::ColumnValue for #ident {
                type Codec = __dv::LookupCodec;
            }
            impl __dv::Lookup for #ident {
                const METADATA: &'static __dv::LookupMetadata = &__METADATA;
                fn from_target(__logical_name: &str, __id: __dv::Guid) -> Self { #stub }
                fn target_ref(&self) -> __dv::LookupRef<'_> { #stub }
            }
            impl ::core::cmp::PartialEq for #ident {
                fn eq(&self, __other: &Self) -> bool { #stub }
            }
            impl ::core::cmp::Eq for #ident {}
            impl ::core::hash::Hash for #ident {
                fn hash<__H: ::core::hash::Hasher>(&self, __state: &mut __H) { #stub }
            }
            #[allow(dead_code)]
            impl #ident {
                pub const METADATA: &'static __dv::LookupMetadata = &__METADATA;
            }
            #from_base
        };
    }
}

/// The target's navigation property: declared, from this layer's pattern, from the column, or
/// (an extension without either) built at compile time from the base's inherited pattern.
fn navigation(lookup: &Lookup, target: &Target, own_count: usize) -> TokenStream {
    // an `Ident`, not a `TokenStream`: interpolating a stream makes proc_macro2 flush its
    // buffer across the compiler bridge, and `#p` is interpolated thousands of times
    let p = proc_macro2::Ident::new("__dv", proc_macro2::Span::call_site());
    let table = target.table.value();
    if let Some(nav) = &target.attr.navigation {
        return quote!(#nav);
    }
    if let Some(pattern) = &lookup.pattern {
        let nav = pattern.value().replace("{target}", &table);
        return quote!(#nav);
    }
    match (&lookup.extends, &lookup.column) {
        (Some(base), _) => quote! {{
            const __NAV: #p::ConstStr<256> = #p::ConstStr::navigation(
                <#base as #p::Lookup>::METADATA.effective_pattern(),
                <#base as #p::Lookup>::METADATA.column,
                #table,
                <#base as #p::Lookup>::METADATA.target_count() + #own_count,
            );
            __NAV.as_str()
        }},
        (None, Some(column)) if own_count > 1 => {
            let nav = format!("{}_{table}", column.value());
            quote!(#nav)
        }
        (None, Some(column)) => quote!(#column),
        (None, None) => quote!(""),
    }
}

fn path_name(path: &syn::Path) -> String {
    path.segments
        .last()
        .map(|s| s.ident.to_string())
        .unwrap_or_default()
}

//! Generates the enum and its impls from a validated [`Choice`]. Never creates user errors,
//! except the `const` checks against the base choice, which compile in the user's crate.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote, quote_spanned};

use super::ast::Choice;

/// The full expansion of a valid choice.
pub fn expand(krate: &TokenStream, choice: &Choice) -> TokenStream {
    // generated code reaches the runtime through one short alias declared in its block
    // an `Ident`, not a `TokenStream`: interpolating a stream makes proc_macro2 flush its
    // buffer across the compiler bridge, and `#p` is interpolated thousands of times
    let p = proc_macro2::Ident::new("__dv", proc_macro2::Span::call_site());
    let ident = &choice.ident;
    let layer = ident.to_string();
    let enum_def = enum_def(choice);

    let (values, option_idents): (Vec<Literal>, Vec<&syn::Ident>) = choice
        .options
        .iter()
        .map(|o| (Literal::i32_unsuffixed(o.value.unwrap_or(0)), &o.ident))
        .unzip();

    // ---- metadata ----------------------------------------------------------------------
    let mut checks = Vec::new();
    let options_meta = choice.options.iter().enumerate().map(|(i, o)| {
        let value = Literal::i32_unsuffixed(o.value.unwrap_or(0));
        let variant = o.ident.to_string();
        let label = o.label();
        let labels = o.all_labels().into_iter().map(|(lcid, label)| {
            let lcid = Literal::u32_unsuffixed(lcid);
            quote!(#p::LocalizedLabel { lcid: #lcid, label: #label })
        });
        let description = &o.description;
        let state = match (&o.state, &choice.args.status_of) {
            (Some(state), Some(state_choice)) => {
                let const_name = format_ident!("__STATE_{}", i);
                let state_text = state.to_string();
                let state_choice_name = state_choice
                    .segments
                    .last()
                    .map_or_else(String::new, |s| s.ident.to_string());
                let message = format!(
                    "status option `{variant}` names state `{state_text}`, but state choice \
                     `{state_choice_name}` has no variant `{state_text}`; use one of its variants"
                );
                checks.push(quote_spanned! {state.span()=>
                    const #const_name: i32 =
                        match <#state_choice as #p::Choice>::METADATA.value_of_variant(#state_text) {
                            ::core::option::Option::Some(__value) => __value,
                            ::core::option::Option::None => ::core::panic!(#message),
                        };
                });
                Some(const_name)
            }
            _ => None,
        };
        // positional constructors (runtime `compact.rs`): short tokens, fast user builds
        let option = quote! {
            #p::option(#value, #variant, #label, &[#(#labels),*], #description, __LAYER)
        };
        match state {
            Some(state) => quote!(#p::status_option(#option, #state)),
            None => option,
        }
    });
    let options_meta: Vec<TokenStream> = options_meta.collect();

    let (name, global, base_meta) = match &choice.args.extends {
        Some(base) => (
            quote!(<#base as #p::Choice>::METADATA.name),
            quote!(<#base as #p::Choice>::METADATA.global),
            quote!(::core::option::Option::Some(<#base as #p::Choice>::METADATA)),
        ),
        None => {
            let name = choice
                .args
                .name
                .as_ref()
                .map(|n| n.value())
                .unwrap_or_default();
            let global = choice.args.global.is_some();
            (
                quote!(#name),
                quote!(#global),
                quote!(::core::option::Option::None),
            )
        }
    };
    let state_choice = match &choice.args.status_of {
        Some(s) => quote!(::core::option::Option::Some(<#s as #p::Choice>::METADATA)),
        None => quote!(::core::option::Option::None),
    };

    // ---- checks against the base (const evaluation in the user's crate) -----------------
    if let Some(base) = &choice.args.extends {
        let base_name = choice.base_name();
        for o in &choice.options {
            let Some(value) = o.value else { continue };
            let lit = Literal::i32_unsuffixed(value);
            let option = &o.ident;
            match &o.overrides {
                None => {
                    let message = format!(
                        "option value {value} already exists in base choice `{base_name}`; add \
                         `#[overrides]` to relabel it in this layer"
                    );
                    checks.push(quote_spanned! {option.span()=>
                        const _: () = if <#base as #p::Choice>::METADATA.contains(#lit) {
                            ::core::panic!(#message)
                        };
                    });
                }
                Some(overrides) => {
                    let message = format!(
                        "option `{option}` overrides value {value}, but base choice `{base_name}` \
                         has no option with that value; remove `#[overrides]` to add it as a new \
                         option"
                    );
                    let span = overrides
                        .get_ident()
                        .map_or_else(proc_macro2::Span::call_site, |i| i.span());
                    checks.push(quote_spanned! {span=>
                        const _: () = if !<#base as #p::Choice>::METADATA.contains(#lit) {
                            ::core::panic!(#message)
                        };
                    });
                }
            }
        }
    }

    // ---- per-kind methods ---------------------------------------------------------------
    let core_methods = match &choice.args.extends {
        None => {
            let fallback = choice.fallback_ident();
            quote! {
                /// The option with `value`, or the fallback variant for a value no option declares.
                pub const fn from_value(value: i32) -> Self {
                    match value {
                        #(#values => Self::#option_idents,)*
                        __value => Self::#fallback(__value),
                    }
                }

                /// The option's integer value, as stored and sent on the wire.
                pub const fn value(self) -> i32 {
                    match self {
                        #(Self::#option_idents => #values,)*
                        Self::#fallback(__value) => __value,
                    }
                }

                /// True when an option declares this value (false for the fallback variant).
                pub const fn is_known(self) -> bool {
                    !::core::matches!(self, Self::#fallback(_))
                }
            }
        }
        Some(base) => {
            let base_variant = choice.base_ident();
            quote! {
                /// The option with `value`: this layer's own option first, then the base's
                /// (which keeps a value no layer declares).
                pub fn from_value(value: i32) -> Self {
                    match value {
                        #(#values => Self::#option_idents,)*
                        __value => Self::#base_variant(<#base as #p::Choice>::from_value(__value)),
                    }
                }

                /// The option's integer value, as stored and sent on the wire.
                pub fn value(self) -> i32 {
                    match self {
                        #(Self::#option_idents => #values,)*
                        Self::#base_variant(__base) => <#base as #p::Choice>::value(__base),
                    }
                }

                /// True when some layer declares this value.
                pub fn is_known(self) -> bool {
                    match self {
                        Self::#base_variant(__base) => <#base as #p::Choice>::is_known(__base),
                        _ => true,
                    }
                }
            }
        }
    };

    // as `#[derive(Debug)]` prints it: `Variant`, `Fallback(value)`, `Base(BaseVariant)`
    let debug_body = match &choice.args.extends {
        None => {
            let fallback = choice.fallback_ident().to_string();
            quote!(#p::debug_choice(Self::value(*self), &__METADATA, #fallback, __f))
        }
        Some(_) => {
            let base_variant = choice.base_ident();
            let base_name = base_variant.to_string();
            quote! {
                match self {
                    Self::#base_variant(__base) => __f.debug_tuple(#base_name).field(__base).finish(),
                    _ => #p::debug_choice(Self::value(*self), &__METADATA, "", __f),
                }
            }
        }
    };

    let extra_impls = match (&choice.args.extends, &choice.args.status_of) {
        (Some(base), _) => {
            quote! {
                #[automatically_derived]
                impl ::core::convert::From<#base> for #ident {
                    fn from(__base: #base) -> Self {
                        Self::from_value(<#base as #p::Choice>::value(__base))
                    }
                }
            }
        }
        (None, Some(state_choice)) => quote! {
            #[automatically_derived]
            impl #p::StatusChoice for #ident {
                type State = #state_choice;
            }
        },
        (None, None) => quote!(),
    };

    quote! {
        #enum_def

        const _: () = {
            use #krate::__private as __dv;
            #(#checks)*

            const __LAYER: &str = #layer;
            static __METADATA: #p::ChoiceMetadata = #p::ChoiceMetadata {
                name: #name,
                global: #global,
                layer: __LAYER,
                options: &[#(#options_meta),*],
                base: #base_meta,
                state_choice: #state_choice,
            };

            #[automatically_derived]
            #[allow(dead_code)]
            impl #ident {
                #core_methods
            }

            #[automatically_derived]
            impl #p::Choice for #ident {
                const METADATA: &'static #p::ChoiceMetadata = &__METADATA;
                fn from_value(__value: i32) -> Self {
                    Self::from_value(__value)
                }
                fn value(self) -> i32 {
                    Self::value(self)
                }
                fn is_known(self) -> bool {
                    Self::is_known(self)
                }
            }

            #extra_impls

            // reading and writing as an entity column: generic code in the runtime
            #[automatically_derived]
            impl #p::ColumnValue for #ident {
                type Codec = #p::ChoiceCodec;
            }

            #[automatically_derived]
            impl ::core::cmp::PartialEq for #ident {
                fn eq(&self, __other: &Self) -> bool {
                    Self::value(*self) == Self::value(*__other)
                }
            }

            #[automatically_derived]
            impl ::core::cmp::Eq for #ident {}

            #[automatically_derived]
            impl ::core::hash::Hash for #ident {
                fn hash<__H: ::core::hash::Hasher>(&self, __state: &mut __H) {
                    ::core::hash::Hash::hash(&Self::value(*self), __state);
                }
            }

            // the variant's name from the metadata: one call, not a match over every option
            #[automatically_derived]
            impl ::core::fmt::Debug for #ident {
                fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    #debug_body
                }
            }

            #[automatically_derived]
            impl ::core::fmt::Display for #ident {
                fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    #p::display_choice(*self, __f)
                }
            }

            #[automatically_derived]
            impl ::core::str::FromStr for #ident {
                type Err = #krate::ParseChoiceError;
                fn from_str(__text: &str) -> ::core::result::Result<Self, Self::Err> {
                    #p::parse_choice(__text)
                }
            }

            #[automatically_derived]
            impl #p::serde::Serialize for #ident {
                fn serialize<__S: #p::serde::Serializer>(
                    &self,
                    __serializer: __S,
                ) -> ::core::result::Result<__S::Ok, __S::Error> {
                    #p::serialize_choice(self, __serializer)
                }
            }

            #[automatically_derived]
            impl<'de> #p::serde::Deserialize<'de> for #ident {
                fn deserialize<__D: #p::serde::Deserializer<'de>>(
                    __deserializer: __D,
                ) -> ::core::result::Result<Self, __D::Error> {
                    #p::deserialize_choice(__deserializer)
                }
            }
        };
    }
}

/// The enum itself: the user's attributes and doc comments, one unit variant per option
/// (without discriminant), and the fallback or base variant. Also emitted on error.
pub fn enum_def(choice: &Choice) -> TokenStream {
    let attrs = &choice.attrs;
    let vis = &choice.vis;
    let ident = &choice.ident;
    let special = match &choice.args.extends {
        Some(base) => {
            let variant = choice.base_ident();
            let doc = "An option of the base layer, or a value no layer declares (kept by the \
                       base's fallback). Values this layer declares decode to its own variants.";
            quote!(#[doc = #doc] #variant(#base))
        }
        None => {
            let variant = choice.fallback_ident();
            quote! {
                #[doc = "A value no option declares, kept as is so it is written back unchanged."]
                #variant(i32)
            }
        }
    };
    let special_name = match &choice.args.extends {
        Some(_) => choice.base_ident(),
        None => choice.fallback_ident(),
    };
    // skip repeated and clashing names so an erroneous input gives no follow-on errors
    let mut seen = std::collections::HashSet::new();
    let variants = choice
        .options
        .iter()
        .filter(|o| o.ident != special_name && seen.insert(o.ident.to_string()))
        .map(|o| {
            let docs = &o.docs;
            let variant = &o.ident;
            if docs.is_empty() {
                // an option without a doc comment still gets rustdoc: its label and value
                let doc = match o.value {
                    Some(value) => format!("Option {value}, labelled {:?}.", o.label()),
                    None => format!("Option labelled {:?}.", o.label()),
                };
                quote!(#[doc = #doc] #variant)
            } else {
                quote!(#(#docs)* #variant)
            }
        });
    quote! {
        #(#attrs)*
        #[derive(::core::clone::Clone, ::core::marker::Copy)]
        #vis enum #ident {
            #(#variants,)*
            #special,
        }
    }
}

/// What is emitted beside the errors: the plain enum plus stub impls of the generated API,
/// so the user's code that uses the choice gets no follow-on errors.
pub fn fallback(krate: &TokenStream, choice: &Choice) -> TokenStream {
    let p = quote!(#krate::__private);
    let ident = &choice.ident;
    let enum_def = enum_def(choice);
    let layer = ident.to_string();
    let stub = quote!(::core::panic!(
        "`choice!` input has errors: fix the compile errors reported for it"
    ));
    quote! {
        #enum_def

        const _: () = {
            static __METADATA: #p::ChoiceMetadata = #p::ChoiceMetadata {
                name: "",
                global: false,
                layer: #layer,
                options: &[],
                base: ::core::option::Option::None,
                state_choice: ::core::option::Option::None,
            };

            #[allow(dead_code, unused_variables)]
            impl #ident {
                pub fn from_value(value: i32) -> Self { #stub }
                pub fn value(self) -> i32 { #stub }
                pub fn is_known(self) -> bool { #stub }
            }

            impl #p::Choice for #ident {
                const METADATA: &'static #p::ChoiceMetadata = &__METADATA;
                fn from_value(__value: i32) -> Self { #stub }
                fn value(self) -> i32 { #stub }
                fn is_known(self) -> bool { #stub }
            }

            impl #p::ColumnValue for #ident {
                type Codec = #p::ChoiceCodec;
            }
            impl ::core::cmp::PartialEq for #ident {
                fn eq(&self, __other: &Self) -> bool { #stub }
            }
            impl ::core::cmp::Eq for #ident {}
            impl ::core::hash::Hash for #ident {
                fn hash<__H: ::core::hash::Hasher>(&self, __state: &mut __H) { #stub }
            }
            impl ::core::fmt::Debug for #ident {
                fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result { #stub }
            }
        };
    }
}

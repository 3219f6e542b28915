//! Compile-time checks of a table that need other types' metadata, emitted as spanned `const`
//! evaluations so each failure is reported at the user's token.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};

use super::ast::{DefaultValue, Entity};
use super::plan::{ColumnPlan, identity, may_be_primary};

/// Compile-time checks that need other types' metadata, as `const` evaluations spanned on
/// the user's tokens: attribute/kind fit, primary id type, and extension rules.
pub(super) fn expand_checks(
    entity: &Entity,
    plans: &[ColumnPlan],
    p: &proc_macro2::Ident,
) -> TokenStream {
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

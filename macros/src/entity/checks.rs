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
        // a built-in type's kind is known here: its fitting checks need no `const` (each one
        // costs every user crate a body to type-check and evaluate)
        let known_kind = built_in_kind(ty);
        // for messages only: most columns have none
        let ty_text = || quote!(#ty).to_string().replace(' ', "");
        let field = &plan.field.ident;
        let mut kind_check = |span: Span, key: &str, kinds: &[&str], what: &str| {
            if known_kind.is_some_and(|known| kinds.contains(&known)) {
                return;
            }
            let message = format!(
                "`{key}` applies to {what} columns, but column `{name}` has type `{}`; remove it",
                ty_text()
            );
            let kinds = kinds.iter().map(|k| {
                let k = proc_macro2::Ident::new(k, Span::call_site());
                quote!(#p::ColumnKind::#k)
            });
            out.extend(quote_spanned! {span=>
                const _: () = __dv::check(::core::matches!(#kind, #(#kinds)|*), #message);
            });
        };
        if let Some((_, span)) = a.max_length {
            kind_check(span, "max_length", &["Text"], "text (`String`)");
        }
        if let Some(span) = a.money {
            kind_check(
                span,
                "money",
                &["Decimal", "Money"],
                "`rust_decimal::Decimal`",
            );
        }
        if let Some((_, span)) = a.precision {
            kind_check(
                span,
                "precision",
                &["Decimal", "Money", "Float"],
                "decimal and float",
            );
        }
        if let Some((_, span)) = a.true_label {
            kind_check(span, "true_label", &["Boolean"], "Boolean (`bool`)");
        }
        if let Some((DefaultValue::Boolean(value), span)) = a.default {
            kind_check(
                span,
                &format!("default = {value}"),
                &["Boolean"],
                "Boolean (`bool`)",
            );
        }
        for (bound, key) in [(a.min, "min"), (a.max, "max")] {
            if let Some((_, span)) = bound {
                kind_check(
                    span,
                    key,
                    &["Integer", "BigInt", "Decimal", "Money", "Float"],
                    "number",
                );
            }
        }
        if may_be_primary(entity, name) && known_kind != Some("Guid") {
            let message = format!(
                "column `{name}` is the primary id of `{ident}`, so its type must be `Guid` (bare, in `Option` or in `Field`), not `{}`",
                ty_text()
            );
            out.extend(quote_spanned! {plan.span=>
                const _: () = __dv::check(
                    !#p::const_str_eq(#primary_id, #name) || ::core::matches!(#kind, #p::ColumnKind::Guid),
                    #message,
                );
            });
        }
        if let (Some(base), Some(base_text), Some(prefix)) = (
            &entity.args.extends,
            &base_text,
            &entity.args.publisher_prefix,
        ) {
            let keep = format!(
                "column `{name}` has another type in base `{base_text}`; keep the base's type or use an extension of it (a `choice!` or `lookup!` with `extends = ...`)"
            );
            let prefix = format!("{}_", prefix.value());
            if !name.starts_with(&prefix) {
                let message = format!(
                    "column `{name}` is not in base `{base_text}`, so it is new in this layer and must carry the publisher prefix: rename it `{prefix}{name}` (or fix the name if the base has it)"
                );
                out.extend(quote_spanned! {field.span()=>
                    const _: () = __dv::check(<#base as #p::Entity>::METADATA.has_column(#name), #message);
                });
            }
            out.extend(quote_spanned! {plan.span=>
                const _: () = #field_type.check_fits_base(<#base as #p::Entity>::METADATA.column(#name), #keep);
            });
        }
        if let Some((DefaultValue::Option(value), span)) = a.default {
            let ty_text = ty_text();
            out.extend(quote_spanned! {span=>
                const _: () = __dv::check_default_option(#field_type.choice, #value, #name, #ty_text);
            });
        }
        if may_be_lookup(ty) {
            out.extend(quote_spanned! {plan.span=>
                const _: () = __dv::check_lookup(#field_type.lookup, #name, #table);
            });
        }
    }
    out
}

/// False for the built-in column types, which are never lookups: their fields need no
/// lookup check and read no annotations (a short expansion in every user crate).
pub(super) fn may_be_lookup(ty: &syn::Type) -> bool {
    built_in_kind(ty).is_none()
}

/// The kind of a built-in column type, by its last path segment (`None` for any other
/// type, which may be a `choice!` or `lookup!`): checks that this kind passes are not emitted.
fn built_in_kind(ty: &syn::Type) -> Option<&'static str> {
    let syn::Type::Path(p) = ty else { return None };
    crate::builtin::built_in_kind(&p.path.segments.last()?.ident)
}

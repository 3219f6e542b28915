//! `#[dataverse_entity]`: parse → validate → expand.

mod ast;
mod attr;
mod expand;
mod valid;

#[cfg(test)]
mod tests;

use proc_macro2::TokenStream;
use quote::quote;

use crate::ctxt::Ctxt;
use crate::symbol::DATAVERSE;
use ast::{Column, Entity, EntityField, FieldRole, Wrapper};

pub fn expand(args: TokenStream, input: TokenStream) -> TokenStream {
    let item: syn::DeriveInput = match syn::parse2(input.clone()) {
        Ok(item) => item,
        Err(e) => {
            let mut out = e.to_compile_error();
            out.extend(input);
            return out;
        }
    };
    let cx = Ctxt::new();
    let entity = parse(&cx, args, item);
    valid::check(&cx, &entity);
    match cx.check() {
        Ok(()) => expand::expand(&entity),
        Err(errors) => {
            let item = &entity.item;
            let errors = errors.to_compile_error();
            quote!(#item #errors)
        }
    }
}

/// Builds the model; the struct is kept with `#[dataverse]` attributes stripped.
fn parse(cx: &Ctxt, args: TokenStream, mut item: syn::DeriveInput) -> Entity {
    let args = attr::parse_entity_args(cx, args);
    let mut fields = Vec::new();
    match &mut item.data {
        syn::Data::Struct(data) => match &mut data.fields {
            syn::Fields::Named(named) => {
                for field in &mut named.named {
                    let attrs = attr::parse_field_attrs(cx, &field.attrs);
                    field.attrs.retain(|a| !a.path().is_ident(DATAVERSE));
                    let ident = field.ident.clone().expect("named field");
                    let role = if attrs.formatted_values.is_some() {
                        FieldRole::FormattedValues
                    } else if attrs.etag.is_some() {
                        FieldRole::Etag
                    } else {
                        let (wrapper, value_ty) = unwrap_type(&field.ty);
                        FieldRole::Column(Box::new(Column {
                            attrs: attrs.column,
                            wrapper,
                            value_ty,
                        }))
                    };
                    fields.push(EntityField {
                        ident,
                        role,
                    });
                }
            }
            other => cx.error_spanned_by(
                &*other,
                "`#[dataverse_entity]` needs a struct with named fields, one per column; write `struct Name { column: Type, ... }`",
            ),
        },
        syn::Data::Enum(data) => cx.error_spanned_by(
            data.enum_token,
            "`#[dataverse_entity]` works on structs, not enums; declare choices with `choice!` and lookups with `lookup!`",
        ),
        syn::Data::Union(data) => cx.error_spanned_by(
            data.union_token,
            "`#[dataverse_entity]` works on structs with named fields, not unions",
        ),
    }
    Entity { args, item, fields }
}

/// `Option<T>` → (Option, T), `Field<T>` → (Field, T), else (Bare, ty).
fn unwrap_type(ty: &syn::Type) -> (Wrapper, syn::Type) {
    if let syn::Type::Path(path) = ty
        && path.qself.is_none()
        && let Some(last) = path.path.segments.last()
        && let syn::PathArguments::AngleBracketed(args) = &last.arguments
        && args.args.len() == 1
        && let Some(syn::GenericArgument::Type(inner)) = args.args.first()
    {
        if last.ident == "Option" {
            return (Wrapper::Option, inner.clone());
        }
        if last.ident == "Field" {
            return (Wrapper::Field, inner.clone());
        }
    }
    (Wrapper::Bare, ty.clone())
}

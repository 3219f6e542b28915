//! `#[dataverse_entity]`: parse → validate → expand, or the errors beside a fallback.

mod ast;
mod attr;
mod checks;
mod columns;
mod deserialize;
mod expand;
mod plan;
mod strip;
mod valid;

#[cfg(test)]
mod tests;

use proc_macro2::TokenStream;

use crate::ctxt::{Ctxt, Model, expand_or_fallback};
use ast::{Column, Entity, EntityField, FieldRole, NavigationField, Wrapper};

pub fn expand(args: TokenStream, input: TokenStream) -> TokenStream {
    // syn parses what the macro reads, without the doc comments
    let split = strip::split(&input);
    let item: syn::DeriveInput = match syn::parse2(split.parse) {
        Ok(item) => item,
        Err(e) => {
            let mut out = e.to_compile_error();
            out.extend(input);
            return out;
        }
    };
    let cx = Ctxt::new();
    let entity = parse(&cx, args, item, input, split.emit);
    expand_or_fallback(cx, Some(entity))
}

impl Model for Entity {
    fn validate(&self, cx: &Ctxt) {
        valid::check(cx, self);
    }
    fn expand(&self) -> TokenStream {
        expand::expand(self)
    }
    fn fallback(&self) -> TokenStream {
        expand::fallback(self)
    }
}

/// Builds the model from `item` (parsed without doc comments). A struct with named fields is
/// emitted as `stripped` (the user's tokens without the fields' `#[dataverse]` attributes);
/// any other item as `input`, untouched, beside its error.
fn parse(
    cx: &Ctxt,
    args: TokenStream,
    item: syn::DeriveInput,
    input: TokenStream,
    stripped: TokenStream,
) -> Entity {
    let args = attr::parse_entity_args(cx, args);
    let mut fields = Vec::new();
    let mut tokens = input;
    match &item.data {
        syn::Data::Struct(data) => match &data.fields {
            syn::Fields::Named(named) => {
                tokens = stripped;
                for field in &named.named {
                    let attrs = attr::parse_field_attrs(cx, &field.attrs);
                    let ident = field.ident.clone().expect("named field");
                    let role = if attrs.formatted_values.is_some() {
                        FieldRole::FormattedValues
                    } else if attrs.etag.is_some() {
                        FieldRole::Etag
                    } else if let Some(name) = attrs.navigation {
                        FieldRole::Navigation(Box::new(NavigationField {
                            name,
                            ty: field.ty.clone(),
                        }))
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
                other,
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
    Entity {
        args,
        item,
        fields,
        tokens,
    }
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

//! The struct's tokens split two ways in one walk, at the token level: for syn, without doc
//! comments (most of a documented table's tokens, and most of syn's time on it); for the
//! output, as the user wrote them but without the fields' `#[dataverse(...)]` helpers.

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};

use crate::symbol::DATAVERSE;

/// The two forms of the item.
pub struct Split {
    /// Without doc attributes, on the item or inside its body: what syn parses.
    pub parse: TokenStream,
    /// Without the `#[dataverse]` attributes inside the body: what the expansion emits.
    pub emit: TokenStream,
}

/// What an outer attribute is, by its first token.
#[derive(PartialEq)]
enum Attr {
    Doc,
    Helper,
    Other,
}

/// Splits `input`, an item whose body is its top-level `{ ... }`.
pub fn split(input: &TokenStream) -> Split {
    let mut split = Split {
        parse: TokenStream::new(),
        emit: TokenStream::new(),
    };
    walk(input, false, &mut split);
    split
}

/// Copies `tokens` into both forms; `in_body` when they are the body's own.
fn walk(tokens: &TokenStream, in_body: bool, out: &mut Split) {
    let mut trees = tokens.clone().into_iter().peekable();
    while let Some(tree) = trees.next() {
        match tree {
            TokenTree::Punct(pound) if pound.as_char() == '#' => {
                let pound = TokenTree::Punct(pound);
                let bracketed = |t: &TokenTree| matches!(t, TokenTree::Group(g) if g.delimiter() == Delimiter::Bracket);
                let Some(group) = trees.next_if(bracketed) else {
                    out.parse.extend([pound.clone()]);
                    out.emit.extend([pound]);
                    continue;
                };
                let attr = classify(&group);
                if attr != Attr::Doc {
                    out.parse.extend([pound.clone(), group.clone()]);
                }
                if !(in_body && attr == Attr::Helper) {
                    out.emit.extend([pound, group]);
                }
            }
            TokenTree::Group(body) if !in_body && body.delimiter() == Delimiter::Brace => {
                let mut inner = Split {
                    parse: TokenStream::new(),
                    emit: TokenStream::new(),
                };
                walk(&body.stream(), true, &mut inner);
                for (stream, into) in [(inner.parse, &mut out.parse), (inner.emit, &mut out.emit)] {
                    let mut group = Group::new(Delimiter::Brace, stream);
                    group.set_span(body.span());
                    into.extend([TokenTree::Group(group)]);
                }
            }
            tree => {
                out.parse.extend([tree.clone()]);
                out.emit.extend([tree]);
            }
        }
    }
}

/// Classifies the `[...]` of an attribute by its first token.
fn classify(attribute: &TokenTree) -> Attr {
    let TokenTree::Group(group) = attribute else {
        return Attr::Other;
    };
    match group.stream().into_iter().next() {
        Some(TokenTree::Ident(name)) => match name.to_string().as_str() {
            "doc" => Attr::Doc,
            DATAVERSE => Attr::Helper,
            _ => Attr::Other,
        },
        _ => Attr::Other,
    }
}

#[cfg(test)]
mod tests {
    use proc_macro2::TokenStream;
    use quote::quote;

    use super::split;

    #[test]
    fn docs_leave_the_parse_and_helpers_leave_the_fields_of_the_output() {
        let input = quote! {
            /// The table.
            #[derive(Debug)]
            #[dataverse(logical_name = "x")]
            pub struct Row {
                /// A column.
                #[dataverse(required)]
                #[doc = "more"]
                pub name: Option<String>,
                pub map: std::collections::HashMap<String, i32>,
            }
        };
        let split = split(&input);
        assert_eq!(
            split.parse.to_string(),
            quote! {
                #[derive(Debug)]
                #[dataverse(logical_name = "x")]
                pub struct Row {
                    #[dataverse(required)]
                    pub name: Option<String>,
                    pub map: std::collections::HashMap<String, i32>,
                }
            }
            .to_string()
        );
        assert_eq!(
            split.emit.to_string(),
            quote! {
                /// The table.
                #[derive(Debug)]
                #[dataverse(logical_name = "x")]
                pub struct Row {
                    /// A column.
                    #[doc = "more"]
                    pub name: Option<String>,
                    pub map: std::collections::HashMap<String, i32>,
                }
            }
            .to_string()
        );
    }

    #[test]
    fn a_lone_pound_and_inner_attributes_are_kept() {
        for text in ["struct S { a: u8 } #", "#![doc = \"inner\"] struct S {}"] {
            let input: TokenStream = text.parse().unwrap();
            let split = split(&input);
            assert_eq!(split.parse.to_string(), input.to_string());
            assert_eq!(split.emit.to_string(), input.to_string());
        }
    }
}

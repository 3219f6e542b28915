//! `#[dataverse_entity]`: parse → validate → expand.

use proc_macro2::TokenStream;

pub fn expand(args: TokenStream, input: TokenStream) -> TokenStream {
    let _ = args;
    let mut out = syn::Error::new(
        proc_macro2::Span::call_site(),
        "`dataverse_entity` is being built",
    )
    .to_compile_error();
    out.extend(input);
    out
}

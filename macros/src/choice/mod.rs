//! `choice!`: parse → validate → expand.

use proc_macro2::TokenStream;

pub fn expand(input: TokenStream) -> TokenStream {
    let _ = input;
    syn::Error::new(proc_macro2::Span::call_site(), "`choice!` is being built").to_compile_error()
}

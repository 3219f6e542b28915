//! Rule coverage: `quote!` inputs fed to parse + validate, asserting the messages.

use quote::quote;

use super::errors;

fn one_error(input: proc_macro2::TokenStream) -> String {
    let errors = errors(input);
    assert_eq!(errors.len(), 1, "expected one error, got {errors:#?}");
    errors.into_iter().next().unwrap()
}

#[test]
fn valid_base_and_extension_have_no_errors() {
    assert!(
        errors(quote! {
            /// Reasons.
            #[choice(name = "msdyn_occallsessioneventreasons", global)]
            pub enum SessionEventReason {
                /// The default.
                Default = 192_350_000,
                #[label = "PostchatSurvey"]
                PostChatSurvey = 192_350_004,
                #[label(1033 = "Negative", 1036 = "Négatif")]
                Negative = -1,
            }
        })
        .is_empty()
    );
    assert!(
        errors(quote! {
            #[choice(extends = SessionEventReason, option_prefix = 19235, base = Inherited)]
            pub enum Sales {
                #[overrides] #[label = "BotTransferSession "] BotTransferSession = 192_350_024,
                New = 192_359_999,
            }
        })
        .is_empty()
    );
}

#[test]
fn duplicate_value_reports_at_second_and_names_first() {
    let e = one_error(quote! {
        #[choice(name = "x")]
        enum E { A = 1, B = 1 }
    });
    assert_eq!(
        e,
        "duplicate option value `1`; option `A` already has it, give each option its own value"
    );
}

#[test]
fn duplicate_variant() {
    let e = one_error(quote! {
        #[choice(name = "x")]
        enum E { A = 1, A = 2 }
    });
    assert!(e.starts_with("duplicate option `A`"), "{e}");
}

#[test]
fn value_outside_i32() {
    let e = one_error(quote! {
        #[choice(name = "x")]
        enum E { A = 3_000_000_000, B = -2147483648, C = 2147483647 }
    });
    assert!(
        e.starts_with("option value `3000000000` is outside the 32-bit integer range"),
        "{e}"
    );
    let e = one_error(quote! {
        #[choice(name = "x")]
        enum E { A = -2147483649 }
    });
    assert!(e.contains("`-2147483649`"), "{e}");
}

#[test]
fn non_integer_and_missing_discriminants() {
    let e = one_error(quote! {
        #[choice(name = "x")]
        enum E { A = "one" }
    });
    assert_eq!(
        e,
        "option value must be an integer literal, e.g. `Name = 192_350_000`"
    );
    let e = one_error(quote! {
        #[choice(name = "x")]
        enum E { A = 1 + 1 }
    });
    assert!(
        e.starts_with("option value must be an integer literal"),
        "{e}"
    );
    let e = one_error(quote! {
        #[choice(name = "x")]
        enum E { A }
    });
    assert_eq!(e, "option `A` has no value; write `A = <integer>`");
    let e = one_error(quote! {
        #[choice(name = "x")]
        enum E { A = 1u8 }
    });
    assert!(e.contains("without the `u8` suffix"), "{e}");
}

#[test]
fn option_prefix_range() {
    let e = one_error(quote! {
        #[choice(name = "x", option_prefix = 19235)]
        enum E { A = 192_350_000, B = 192_359_999, C = 192_360_000 }
    });
    assert_eq!(
        e,
        "option value `192360000` is outside the range of `option_prefix = 19235` \
         (192350000..=192359999); use a value in that range"
    );
    for bad in [quote!(9999), quote!(100000)] {
        let e = one_error(quote! {
            #[choice(name = "x", option_prefix = #bad)]
            enum E { A = 1 }
        });
        assert!(
            e.starts_with("`option_prefix` must be between 10000 and 99999"),
            "{e}"
        );
    }
}

#[test]
fn overrides_needs_extends() {
    let e = one_error(quote! {
        #[choice(name = "x")]
        enum E { #[overrides] A = 1 }
    });
    assert!(
        e.starts_with("`#[overrides]` relabels an option of the base choice"),
        "{e}"
    );
}

#[test]
fn unknown_keys_suggest() {
    let e = one_error(quote! {
        #[choice(name = "x", option_prefx = 19235)]
        enum E { A = 192_350_000 }
    });
    assert_eq!(
        e,
        "unknown `choice` attribute `option_prefx`; did you mean `option_prefix`?"
    );
    let e = one_error(quote! {
        #[choice(name = "x")]
        enum E { #[labl = "a"] A = 1 }
    });
    assert_eq!(e, "unknown option attribute `labl`; did you mean `label`?");
    let e = one_error(quote! {
        #[choice(name = "x", zzzzzz)]
        enum E { A = 1 }
    });
    assert!(e.contains("expected one of `name`, `global`"), "{e}");
}

#[test]
fn fallback_and_base_clashes() {
    let e = one_error(quote! {
        #[choice(name = "x")]
        enum E { Unrecognized = 1 }
    });
    assert_eq!(
        e,
        "option `Unrecognized` clashes with the fallback variant that keeps unknown values; \
         rename the fallback variant with `#[choice(fallback = OtherName)]`"
    );
    assert!(
        errors(quote! {
            #[choice(name = "x", fallback = Other)]
            enum E { Unrecognized = 1 }
        })
        .is_empty()
    );
    let e = one_error(quote! {
        #[choice(extends = B)]
        enum E { Base = 1 }
    });
    assert!(e.contains("`#[choice(base = OtherName)]`"), "{e}");
}

#[test]
fn labels_must_be_strings() {
    let e = one_error(quote! {
        #[choice(name = "x")]
        enum E { #[label = 5] A = 1 }
    });
    assert_eq!(e, "`label` takes a string: write `#[label = \"...\"]`");
    let e = one_error(quote! {
        #[choice(name = "x")]
        enum E { #[label(1036 = "Un")] A = 1 }
    });
    assert_eq!(
        e,
        "`label(...)` needs the default label: add `1033 = \"...\"`"
    );
    let e = one_error(quote! {
        #[choice(name = "x")]
        enum E { #[label(1033 = 1)] A = 1 }
    });
    assert!(e.starts_with("a label must be a string"), "{e}");
}

#[test]
fn empty_choice_and_missing_name() {
    let e = one_error(quote! {
        #[choice(name = "x")]
        pub enum E {}
    });
    assert_eq!(
        e,
        "choice `E` has no options; declare at least one, e.g. `Default = 1`"
    );
    let e = one_error(quote! {
        enum E { A = 1 }
    });
    assert!(e.starts_with("a choice needs its option set name"), "{e}");
    // an extension may be empty: it only re-labels nothing, but stays a layer
    assert!(
        errors(quote!(
            #[choice(extends = B)]
            enum E {}
        ))
        .is_empty()
    );
}

#[test]
fn extension_inherits_name_global_and_fallback() {
    let errors = errors(quote! {
        #[choice(extends = B, name = "y", global, fallback = F, status_of = S)]
        enum E { A = 1 }
    });
    // name, global, fallback, status_of; and `A` then lacks its state
    assert_eq!(errors.len(), 5, "{errors:#?}");
}

#[test]
fn status_needs_states() {
    let e = one_error(quote! {
        #[choice(name = "x")]
        enum E { #[state = Open] A = 1 }
    });
    assert!(
        e.starts_with("`#[state = ...]` needs a status choice"),
        "{e}"
    );
    let e = one_error(quote! {
        #[choice(name = "x", status_of = S)]
        enum E { #[state = Open] A = 1, B = 2 }
    });
    assert!(e.starts_with("status option `B` needs its state"), "{e}");
}

#[test]
fn every_error_is_reported_at_once() {
    let errors = errors(quote! {
        #[choice(name = "x", globl)]
        enum E { A = 1, B = 1, C, #[lable = "c"] D = 4 }
    });
    assert_eq!(errors.len(), 4, "{errors:#?}");
}

#[test]
fn not_an_enum() {
    let e = one_error(quote!(
        struct S;
    ));
    assert!(e.starts_with("`choice!` takes an enum"), "{e}");
}

#[test]
fn expansion_on_error_still_emits_the_enum() {
    let out = super::expand(quote! {
        { ::dataverse_model }
        #[choice(name = "x")]
        pub enum E { A = 1, A = 2, Unrecognized = 3 }
    })
    .to_string();
    assert!(out.contains("compile_error"), "{out}");
    assert!(out.contains("pub enum E"), "{out}");
    assert_eq!(out.matches("Unrecognized").count(), 2, "{out}"); // the error + the fallback
    assert_eq!(out.matches(" A ,").count(), 1, "{out}");
}

#[test]
fn a_choice_cannot_be_named_like_a_built_in_column_type() {
    let e = one_error(quote! {
        #[choice(name = "x")]
        enum Money { A = 1 }
    });
    assert!(
        e.starts_with("a choice type cannot be named `Money`: `#[dataverse_entity]` takes a column of a type named `Money` for the built-in `Money` column"),
        "{e}"
    );
    assert!(
        errors(quote! {
            #[choice(name = "x")]
            enum MoneyKind { A = 1 }
        })
        .is_empty()
    );
}

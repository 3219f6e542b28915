//! Rule coverage of `#[dataverse_entity]` on `quote!` inputs: parse and validate only.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ctxt::Ctxt;

/// Every message the model's parse and validate passes record.
fn messages(args: TokenStream, item: TokenStream) -> Vec<String> {
    let cx = Ctxt::new();
    let split = super::strip::split(&item);
    let entity = super::parse(
        &cx,
        args,
        syn::parse2(split.parse).unwrap(),
        item,
        split.emit,
    );
    super::valid::check(&cx, &entity);
    crate::ctxt::messages(cx)
}

fn identity() -> TokenStream {
    quote!(
        logical_name = "account",
        entity_set = "accounts",
        primary_id = "accountid"
    )
}

#[test]
fn a_valid_struct_has_no_errors() {
    let item = quote! {
        pub struct Account {
            pub accountid: Option<Guid>,
            #[dataverse(max_length = 160, required)]
            pub name: Field<String>,
            #[dataverse(money, min = 0, max = 100000000000, precision = 2)]
            pub revenue: Option<Decimal>,
            #[dataverse(formatted_values)]
            pub formatted: FormattedValues,
            #[dataverse(etag)]
            pub etag: Option<String>,
        }
    };
    assert_eq!(messages(identity(), item), Vec::<String>::new());
}

#[test]
fn unknown_keys_suggest_the_closest() {
    let found = messages(
        quote!(
            logical_name = "account",
            entity_set = "accounts",
            primary_id = "accountid",
            primay_name = "name"
        ),
        quote!(
            pub struct Account {
                #[dataverse(requird)]
                pub name: Option<String>,
            }
        ),
    );
    assert_eq!(
        found,
        [
            "unknown `dataverse_entity` attribute `primay_name`; did you mean `primary_name`?",
            "unknown `dataverse` attribute `requird`; did you mean `required`?",
        ]
    );
}

#[test]
fn every_error_is_reported_at_once() {
    let found = messages(
        quote!(entity_set = "accounts", entity_set = "x"),
        quote! {
            pub struct Account<T> {
                pub name: Option<String>,
                #[dataverse(logical_name = "name", max_length = 5, max_length = 6)]
                pub other: Option<String>,
                #[dataverse(min = 10, max = 1)]
                pub count: Option<i32>,
                #[dataverse(logical_name = "Bad Name")]
                pub bad: Option<T>,
            }
        },
    );
    let expected = [
        "duplicate `dataverse_entity` attribute `entity_set`; give it once",
        "`entity_set` is first given here",
        "duplicate `dataverse` attribute `max_length`; give it once",
        "`max_length` is first given here",
        "`#[dataverse_entity]` does not take generic parameters",
        "needs `logical_name = \"...\"`",
        "needs `primary_id = \"...\"`",
        "column `name` is already declared by field `name`",
        "`min = 10` is greater than `max = 1`; swap them",
        "column logical name `Bad Name` must be lowercase letters, digits and `_`",
    ];
    for wanted in expected {
        assert!(
            found.iter().any(|m| m.contains(wanted)),
            "missing {wanted:?} in {found:#?}"
        );
    }
    assert_eq!(found.len(), expected.len(), "{found:#?}");
}

#[test]
fn an_extension_inherits_identity_and_needs_a_prefix() {
    let found = messages(
        quote!(extends = Session, logical_name = "msdyn_ocsession"),
        quote!(
            pub struct SalesSession {
                pub activityid: Option<Guid>,
            }
        ),
    );
    assert_eq!(
        found,
        [
            "`logical_name` is inherited from `Session`; remove it from this layer",
            "an extension needs `publisher_prefix = \"...\"`, the prefix its new columns carry (e.g. `publisher_prefix = \"sample\"`)",
        ]
    );
    let found = messages(
        quote!(extends = Session, publisher_prefix = "Sample_"),
        quote!(
            pub struct SalesSession {
                pub activityid: Option<Guid>,
            }
        ),
    );
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with("publisher prefix `Sample_` must be lowercase"),
        "{found:?}"
    );
}

#[test]
fn struct_shape_is_checked() {
    for (item, wanted) in [
        (
            quote!(
                pub struct Account(Option<Guid>);
            ),
            "needs a struct with named fields",
        ),
        (
            quote!(
                pub enum Account {
                    A,
                }
            ),
            "works on structs, not enums",
        ),
        (
            quote!(
                pub union Account {
                    a: u32,
                }
            ),
            "not unions",
        ),
    ] {
        let found = messages(identity(), item);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains(wanted), "{found:?}");
    }
}

#[test]
fn expansion_on_error_still_emits_the_struct_without_helper_attributes() {
    let out = super::expand(
        quote!(entity_set = "accounts"),
        quote!(
            pub struct Account {
                #[dataverse(required)]
                pub name: Option<String>,
            }
        ),
    )
    .to_string();
    assert!(out.contains("pub struct Account"), "{out}");
    assert!(!out.contains("dataverse (required)"), "{out}");
    assert!(out.contains("compile_error"), "{out}");
}

#[test]
fn navigation_names_are_identifiers_declared_once() {
    let item = quote! {
        pub struct Account {
            #[dataverse(navigation = "Account_Tasks")]
            pub tasks: RelatedRows<Task>,
            #[dataverse(navigation = "Account_Tasks")]
            pub more_tasks: RelatedRows<Task>,
            #[dataverse(navigation = "primary contact")]
            pub contact: Option<Box<Contact>>,
        }
    };
    assert_eq!(
        messages(identity(), item),
        [
            "navigation `Account_Tasks` is declared twice; remove one of them",
            "navigation `Account_Tasks` first declared here",
            "navigation name `primary contact` must be letters, digits and `_`, spelled as the service does (e.g. `primarycontactid`, `Account_Tasks`)",
        ]
    );
}

#[test]
fn column_properties_parse_and_their_mistakes_name_the_fix() {
    let valid = quote! {
        pub struct Account {
            #[dataverse(required_level = SystemRequired)]
            pub accountid: Option<Guid>,
            #[dataverse(required_level = Recommended, default = -5)]
            pub customertypecode: Option<Kind>,
            #[dataverse(true_label(1033 = "Yes", 1036 = "Oui"), false_label = "No", default = true)]
            pub donotemail: Option<bool>,
        }
    };
    assert_eq!(messages(identity(), valid), Vec::<String>::new());
    let found = messages(
        identity(),
        quote! {
            pub struct Account {
                #[dataverse(required_level = "SystemRequired")]
                pub accountid: Option<Guid>,
                #[dataverse(required_level = Required)]
                pub name: Option<String>,
                #[dataverse(required_level = Recomended)]
                pub description: Option<String>,
                #[dataverse(default = 2147483648)]
                pub customertypecode: Option<Kind>,
                #[dataverse(default = Preferred)]
                pub industrycode: Option<Kind>,
                #[dataverse(false_label(1033 = "No"))]
                pub donotemail: Option<bool>,
            }
        },
    );
    assert_eq!(
        found,
        [
            "write the required level without quotes: `required_level = SystemRequired`",
            "unknown required level `Required`; expected one of `None`, `Recommended`, `ApplicationRequired`, `SystemRequired`",
            "unknown required level `Recomended`; did you mean `Recommended`?",
            "an option value lies in the 32-bit integer range (-2147483648..=2147483647)",
            "expected `true`, `false` or an option value, e.g. `default = false` or `default = 1`",
            "`false_label` needs `true_label` beside it: a Boolean column labels both options; add `true_label = \"...\"`",
        ]
    );
}

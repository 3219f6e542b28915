//! Rule coverage: `quote!` inputs through parse and validate, asserting the messages.

use proc_macro2::TokenStream;
use quote::quote;

use super::errors;

fn expect(input: TokenStream, needle: &str) {
    let errors = errors(input);
    assert!(
        errors.iter().any(|e| e.contains(needle)),
        "expected an error containing {needle:?}, got {errors:#?}"
    );
}

#[test]
fn valid_base_and_extension_have_no_errors() {
    let base = quote! {
        /// What a session is about.
        #[lookup(column = "regardingobjectid", table = "msdyn_ocsession", navigation = "regardingobjectid_{target}_msdyn_ocsession")]
        pub enum Regarding {
            #[target(entity_set = "accounts", relationship = "account_msdyn_ocsessions",
                     referenced_attribute = "accountid", cascade(parental, merge = Cascade))]
            Account = "account",
            #[target(entity_set = "interactionforemails",
                     navigation = "regardingobjectid_new_interactionforemail_msdyn_ocsession")]
            InteractionForEmail = "interactionforemail",
        }
    };
    assert_eq!(errors(base), Vec::<String>::new());
    let ext = quote! {
        #[lookup(extends = Regarding)]
        pub enum SalesRegarding {
            #[target(entity_set = "sample_bankaccounts",
                     relationship = "sample_bankaccount_msdyn_ocsessions",
                     referenced_attribute = "sample_bankaccountid",
                     cascade(archive = NoCascade, assign = Cascade, delete = Cascade, merge = NoCascade,
                             reparent = Cascade, rollup_view = NoCascade, share = Cascade, unshare = Cascade))]
            SampleBankAccount = "sample_bankaccount",
        }
    };
    assert_eq!(errors(ext), Vec::<String>::new());
}

#[test]
fn action_values_are_checked() {
    let case = |cascade: TokenStream| {
        quote! {
            #[lookup(column = "parentid", table = "msdyn_ocsession")]
            pub enum Parent {
                #[target(entity_set = "accounts", relationship = "r", referenced_attribute = "accountid", #cascade)]
                Account = "account",
            }
        }
    };
    expect(
        case(quote!(cascade(delete = NoCascade))),
        "cascade action `delete` cannot be `NoCascade`; use one of `Cascade`, `RemoveLink`, `Restrict`, or mark a platform relationship `system`",
    );
    expect(
        case(quote!(cascade(parental, merge = UserOwned))),
        "cascade action `merge` cannot be `UserOwned`; use one of `Cascade`, `NoCascade`",
    );
    expect(
        case(quote!(cascade(referential, assign = RemoveLink))),
        "cascade action `assign` cannot be `RemoveLink`",
    );
    expect(
        case(quote!(cascade(referential, rollup_view = Restrict))),
        "cascade action `rollup_view` cannot be `Restrict`",
    );
    expect(
        case(quote!(cascade(referential, archive = Active))),
        "cascade action `archive` cannot be `Active`",
    );
    expect(
        case(quote!(cascade(merge = Cascade))),
        "`cascade` leaves `delete` at `NoCascade`",
    );
    expect(
        case(quote!(cascade(no_cascade))),
        "preset `no_cascade` sets `delete` to `NoCascade`",
    );
    expect(
        case(quote!(cascade(referntial))),
        "unknown `cascade` preset or action `referntial`; did you mean `referential`?",
    );
    expect(
        case(quote!(cascade(referential, delete = Casade))),
        "unknown cascade value `Casade`; did you mean `Cascade`?",
    );
    expect(
        case(quote!(cascade(referential, parental))),
        "`cascade` already starts from preset `referential`",
    );
    expect(
        case(quote!(cascade(delete = Cascade, delete = Restrict))),
        "duplicate `cascade` action `delete`; give it once",
    );
    // `system` accepts the platform's values
    assert!(errors(case(quote!(system, cascade(no_cascade)))).is_empty());
}

#[test]
fn relationship_rules() {
    expect(
        quote! {
            #[lookup(column = "parentid", table = "msdyn_ocsession")]
            pub enum Parent {
                #[target(entity_set = "accounts", relationship = "r", cascade(referential))]
                Account = "account",
            }
        },
        "relationship `r` needs the referenced table's key; add `referenced_attribute = \"accountid\"`",
    );
    expect(
        quote! {
            #[lookup(column = "parentid", table = "msdyn_ocsession")]
            pub enum Parent {
                #[target(entity_set = "accounts", cascade(referential))]
                Account = "account",
            }
        },
        "`cascade` describes a relationship; add `relationship = \"<schema name>\"`",
    );
    expect(
        quote! {
            #[lookup(column = "parentid", table = "msdyn_ocsession")]
            pub enum Parent {
                #[target(entity_set = "accounts", relationship = "r", referenced_attribute = "accountid")]
                Account = "account",
            }
        },
        "relationship `r` leaves `delete` at `NoCascade`",
    );
}

#[test]
fn keys_names_and_duplicates() {
    expect(
        quote! {
            #[lookup(colum = "parentid")]
            pub enum Parent { #[target(entity_set = "accounts")] Account = "account" }
        },
        "unknown `lookup` attribute `colum`; did you mean `column`?",
    );
    expect(
        quote! {
            #[lookup(column = "parentid", table = "msdyn_ocsession")]
            pub enum Parent { #[target(entity_sets = "accounts")] Account = "account" }
        },
        "unknown `target` attribute `entity_sets`; did you mean `entity_set`?",
    );
    expect(
        quote! {
            #[lookup(column = "parentid", table = "msdyn_ocsession")]
            pub enum Parent {
                #[target(entity_set = "accounts")] Account = "account",
                #[target(entity_set = "accounts")] Customer = "account",
            }
        },
        "table `account` is already a target of this lookup, as `Account`; remove one of them",
    );
    expect(
        quote! {
            #[lookup(column = "parentid", table = "msdyn_ocsession")]
            pub enum Parent {
                #[target(entity_set = "accounts")] Account = "account",
                #[target(entity_set = "contacts")] Account = "contact",
            }
        },
        "duplicate variant `Account`",
    );
    expect(
        quote! {
            #[lookup(column = "parentid", table = "msdyn_ocsession", fallback = Other)]
            pub enum Parent { #[target(entity_set = "others")] Other = "other" }
        },
        "variant `Other` clashes with the generated fallback variant",
    );
    expect(
        quote! {
            #[lookup(column = "parentid", table = "msdyn_ocsession")]
            pub enum Parent { #[target(entity_set = "my accounts")] Account = "account" }
        },
        "`my accounts` is not a valid entity set name; use only letters, digits and `_`, not starting with a digit",
    );
    expect(
        quote! {
            #[lookup(column = "parentid", table = "msdyn_ocsession")]
            pub enum Parent { #[target(entity_set = "accounts", navigation = "1parent")] Account = "account" }
        },
        "`1parent` is not a valid navigation property name",
    );
    expect(
        quote! {
            #[lookup(column = "parentid", table = "msdyn_ocsession", navigation = "parent-{target}")]
            pub enum Parent { #[target(entity_set = "accounts")] Account = "account" }
        },
        "`parent-{target}` is not a valid navigation property pattern; after replacing `{target}`",
    );
    expect(
        quote! {
            #[lookup(table = "msdyn_ocsession", navigation = "x")]
            pub enum Parent { #[target(entity_set = "accounts")] Account = "account" }
        },
        "missing lookup column",
    );
    expect(
        quote! {
            #[lookup(column = "parentid", table = "msdyn_ocsession")]
            pub enum Parent { Account = "account" }
        },
        "missing entity set of table `account`",
    );
    expect(
        quote! {
            #[lookup(extends = Regarding, fallback = Other)]
            pub enum SalesRegarding { #[target(entity_set = "others")] Thing = "thing" }
        },
        "an extension has no fallback of its own",
    );
}

#[test]
fn a_base_lookup_states_its_table_and_an_extension_inherits_it() {
    expect(
        quote! {
            #[lookup(column = "parentid")]
            pub enum Parent { #[target(entity_set = "accounts")] Account = "account" }
        },
        "missing lookup table; a lookup belongs to one column of one table: add `table = \"<logical name of the table the column is on>\"` to `#[lookup(...)]`",
    );
    expect(
        quote! {
            #[lookup(extends = Parent, table = "contact")]
            pub enum SalesParent { #[target(entity_set = "leads")] Lead = "lead" }
        },
        "an extension inherits `table` from its base lookup; remove `table`",
    );
    expect(
        quote! {
            #[lookup(column = "parentid", table = "my table")]
            pub enum Parent { #[target(entity_set = "accounts")] Account = "account" }
        },
        "`my table` is not a valid table logical name",
    );
}

#[test]
fn valid_identifiers() {
    use super::valid::is_odata_identifier;
    assert!(is_odata_identifier("sample_CustomerId_account"));
    assert!(is_odata_identifier("_x1"));
    assert!(!is_odata_identifier("1x"));
    assert!(!is_odata_identifier(""));
    assert!(!is_odata_identifier("a.b"));
}

#[test]
fn a_lookup_cannot_be_named_like_a_built_in_column_type() {
    expect(
        quote! {
            #[lookup(column = "x", table = "t")]
            pub enum Date { Account = "account" }
        },
        "a lookup type cannot be named `Date`: `#[dataverse_entity]` takes a column of a type named `Date` for the built-in `Date` column",
    );
    assert_eq!(
        errors(quote! {
            #[lookup(column = "x", table = "t")]
            pub enum DateOwner {
                #[target(entity_set = "accounts")]
                Account = "account",
            }
        }),
        Vec::<String>::new()
    );
}

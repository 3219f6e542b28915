//! Cross-cutting checks of a parsed choice. Checks that need the base choice (another crate)
//! are emitted as `const` evaluations by `expand.rs` instead.

use std::collections::HashMap;

use super::ast::Choice;
use crate::ctxt::Ctxt;

pub fn validate(cx: &Ctxt, choice: &Choice) {
    if let Some(message) = crate::builtin::name_taken(&choice.ident, "choice") {
        cx.error_spanned_by(&choice.ident, message);
    }
    check_args(cx, choice);
    check_options(cx, choice);
}

fn check_args(cx: &Ctxt, choice: &Choice) {
    let args = &choice.args;
    if let Some((lit, value)) = &args.option_prefix
        && !value.is_some_and(|p| (10_000..=99_999).contains(&p))
    {
        cx.error_spanned_by(
            lit,
            format!(
                "`option_prefix` must be between 10000 and 99999 (the publisher's option value \
                 prefix); got `{lit}`"
            ),
        );
    }
    if let Some(ext) = &args.extends {
        if let Some(name) = &args.name {
            cx.error_spanned_by(
                name,
                "an extension takes its `name` from the base choice; remove `name = ...`",
            );
        }
        if let Some(global) = &args.global {
            cx.error_spanned_by(
                global,
                "an extension takes `global` from the base choice; remove `global`",
            );
        }
        if let Some(fallback) = &args.fallback {
            cx.error_spanned_by(
                fallback,
                "an extension has no fallback of its own (the base's fallback keeps unknown \
                 values); remove `fallback = ...`",
            );
        }
        if let Some(status_of) = &args.status_of {
            cx.error_spanned_by(
                status_of,
                "`status_of` goes on the base status choice, not on an extension; remove it here",
            );
        }
        let _ = ext;
    } else {
        if let Some(base) = &args.base {
            cx.error_spanned_by(
                base,
                "`base = ...` names the variant holding the base choice and needs `extends`; \
                 add `extends = BaseChoice` or remove `base`",
            );
        }
        if args.name.is_none() {
            cx.error_spanned_by(
                choice.enum_token,
                "a choice needs its option set name: add `#[choice(name = \"...\")]`",
            );
        }
        if choice.options.is_empty() {
            cx.error_spanned_by(
                &choice.ident,
                format!(
                    "choice `{}` has no options; declare at least one, e.g. `Default = 1`",
                    choice.ident
                ),
            );
        }
    }
}

fn check_options(cx: &Ctxt, choice: &Choice) {
    let args = &choice.args;
    let extends = args.extends.is_some();
    let (special, special_key) = if extends {
        (choice.base_ident(), "base")
    } else {
        (choice.fallback_ident(), "fallback")
    };
    let mut names: HashMap<String, &syn::Ident> = HashMap::new();
    let mut values: HashMap<i32, &syn::Ident> = HashMap::new();
    let range = choice.prefix_range();
    for option in &choice.options {
        let name = option.ident.to_string();
        if let Some(first) = names.get(&name) {
            cx.error_spanned_by(
                &option.ident,
                format!(
                    "duplicate option `{name}`; `{first}` is already declared above, rename one \
                     of them"
                ),
            );
        } else {
            names.insert(name.clone(), &option.ident);
        }
        if option.ident == special {
            let what = if extends {
                "the variant that holds the base choice"
            } else {
                "the fallback variant that keeps unknown values"
            };
            cx.error_spanned_by(
                &option.ident,
                format!(
                    "option `{name}` clashes with {what}; rename the {special_key} variant with \
                     `#[choice({special_key} = OtherName)]`"
                ),
            );
        }
        if let (Some(value), Some(expr)) = (option.value, &option.discriminant) {
            if let Some(first) = values.get(&value) {
                cx.error_spanned_by(
                    expr,
                    format!(
                        "duplicate option value `{value}`; option `{first}` already has it, give \
                         each option its own value"
                    ),
                );
            } else {
                values.insert(value, &option.ident);
            }
            if let Some(range) = &range
                && option.overrides.is_none()
                && !range.contains(&i64::from(value))
            {
                cx.error_spanned_by(
                    expr,
                    format!(
                        "option value `{value}` is outside the range of `option_prefix = {}` \
                         ({}..={}); use a value in that range",
                        range.start() / 10_000,
                        range.start(),
                        range.end()
                    ),
                );
            }
        }
        if let Some(overrides) = &option.overrides
            && !extends
        {
            cx.error_spanned_by(
                overrides,
                "`#[overrides]` relabels an option of the base choice and needs \
                 `#[choice(extends = BaseChoice)]`; remove `#[overrides]` or add `extends`",
            );
        }
        if option.label_attr.is_some()
            && !option.labels.is_empty()
            && !option.labels.iter().any(|(lcid, _)| *lcid == 1033)
        {
            cx.error_spanned_by(
                &option.label_attr,
                "`label(...)` needs the default label: add `1033 = \"...\"`",
            );
        }
        match (&option.state, &args.status_of) {
            (Some(state), None) => cx.error_spanned_by(
                state,
                "`#[state = ...]` needs a status choice; add `#[choice(status_of = StateChoice)]` \
                 or remove `#[state]`",
            ),
            (None, Some(_)) => cx.error_spanned_by(
                &option.ident,
                format!(
                    "status option `{name}` needs its state: add `#[state = <variant of the state \
                     choice>]`"
                ),
            ),
            _ => {}
        }
    }
}

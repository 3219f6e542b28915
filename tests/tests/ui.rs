//! Compile-fail tests: each `ui/<macro>/<rule>.rs` breaks one rule; its `.stderr` shows our
//! message at the offending token. `ui/typeck/` holds the few whose message rustc's type
//! checker prints (worded by our `#[diagnostic::on_unimplemented]`): their layout changes
//! between compiler versions, ours does not.

#[test]
fn choice_ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/choice/*.rs");
}

#[test]
fn lookup_ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/lookup/*.rs");
}

#[test]
fn entity_ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/entity/*.rs");
}

#[test]
fn typeck_ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/typeck/*.rs");
}

/// Typed-query mistakes: rustc's own type errors on the column handles (method not found,
/// mismatched types, our `on_unimplemented` wording).
#[test]
fn query_ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/query/*.rs");
}

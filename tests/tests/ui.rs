//! Compile-fail tests: each `ui/<macro>/<rule>.rs` breaks one rule; its `.stderr` shows our
//! message at the offending token.

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

/// rustc's own type errors (wording may change between compiler versions): kept few.
#[test]
fn query_ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/query/*.rs");
}

#[test]
fn lookup_ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/lookup/*.rs");
}

//! Metadata text as the declarations carry it: doc comment lines, and numbers as written.

pub(super) fn doc_lines(text: Option<&str>) -> Vec<String> {
    text.filter(|t| !t.trim().is_empty())
        .map(|t| t.lines().map(|l| l.trim_end().to_owned()).collect())
        .unwrap_or_default()
}

pub(super) fn number_text(n: &serde_json::Number) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    let text = n.to_string();
    // keep decimals as written when they are plain (arbitrary precision), else Rust's shortest
    if text
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
    {
        return text;
    }
    match n.as_f64() {
        Some(f) => format!("{f:?}"),
        None => text,
    }
}

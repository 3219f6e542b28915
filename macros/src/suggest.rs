//! "did you mean `x`?" for misspelt keys.

/// The candidate closest to `unknown`, when it is close enough to be a likely typo: of the
/// whole key, or of one `_`-separated part of it (`prefx` → `option_prefix`).
pub fn closest<'a>(unknown: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let close = |d: usize, target: &str| d <= (target.len().max(unknown.len()) / 3).max(1);
    candidates
        .iter()
        .filter_map(|c| {
            let whole = edit_distance(unknown, c);
            if close(whole, c) || c.starts_with(unknown) {
                return Some((whole, *c));
            }
            // a part matches: rank it after any whole-key match
            c.split('_')
                .filter(|part| part.len() >= 3)
                .map(|part| (edit_distance(unknown, part), part))
                .filter(|(d, part)| close(*d, part))
                .map(|(d, _)| (d + c.len(), *c))
                .min()
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// `unknown <kind> `x`; did you mean `y`?` or, with no close candidate, the list.
pub fn unknown_key_message(kind: &str, unknown: &str, candidates: &[&str]) -> String {
    match closest(unknown, candidates) {
        Some(best) => format!("unknown {kind} `{unknown}`; did you mean `{best}`?"),
        None => format!(
            "unknown {kind} `{unknown}`; expected one of {}",
            candidates
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    // rows i-2, i-1 and i of the optimal-string-alignment table
    let mut before: Vec<usize> = Vec::new();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut current = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j - 1] + cost)
                .min(previous[j] + 1)
                .min(current[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
        }
        before = std::mem::replace(&mut previous, current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keys_only() {
        let keys = ["name", "global", "extends", "option_prefix", "fallback"];
        assert_eq!(
            closest("prefx", &["option_prefix", "name"]),
            Some("option_prefix")
        );
        assert_eq!(
            closest("lable", &["label", "overrides", "state"]),
            Some("label")
        );
        assert_eq!(edit_distance("lable", "label"), 1);
        assert_eq!(closest("option_prefx", &keys), Some("option_prefix"));
        assert_eq!(closest("globl", &keys), Some("global"));
        assert_eq!(closest("zzzzzz", &keys), None);
    }
}

//! "did you mean `x`?" for misspelt keys.

/// The candidate closest to `unknown`, when it is close enough to be a likely typo.
pub fn closest<'a>(unknown: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (edit_distance(unknown, c), *c))
        .filter(|(d, c)| *d <= (c.len().max(unknown.len()) / 3).max(1) || c.starts_with(unknown))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// `unknown `kind` key `x`; did you mean `y`?` or, with no close candidate, the list.
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

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keys_only() {
        let keys = ["name", "global", "extends", "option_prefix", "fallback"];
        assert_eq!(closest("prefx", &["option_prefix", "name"]), None);
        assert_eq!(closest("option_prefx", &keys), Some("option_prefix"));
        assert_eq!(closest("globl", &keys), Some("global"));
        assert_eq!(closest("zzzzzz", &keys), None);
    }
}

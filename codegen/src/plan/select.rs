//! Column selection: the `include` and `exclude` patterns of the options.

use crate::Options;

/// Whether a column is kept: it matches an `include` pattern (or there is none) and no
/// `exclude` pattern.
pub(super) fn column_selected(options: &Options, column: &str) -> bool {
    (options.include.is_empty() || options.include.iter().any(|p| wildcard(p, column)))
        && !options.exclude.iter().any(|p| wildcard(p, column))
}

/// Matches `*` (any run) and `?` (one character) wildcards.
fn wildcard(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti, mut star, mut mark) = (0, 0, None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::wildcard;

    #[test]
    fn column_patterns_match_with_wildcards() {
        assert!(wildcard("*", "subject"));
        assert!(wildcard("msdyn_*", "msdyn_sessionid"));
        assert!(!wildcard("msdyn_*", "subject"));
        assert!(wildcard("*id", "activityid"));
        assert!(wildcard("owner?d", "ownerid"));
        assert!(!wildcard("owner?d", "owneridname"));
        assert!(wildcard("*name*", "owneridyominame"));
        assert!(wildcard("", ""));
        assert!(!wildcard("", "x"));
    }
}

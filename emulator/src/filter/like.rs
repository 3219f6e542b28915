//! SQL `LIKE` matching, which the service applies to `contains`, `startswith` and
//! `endswith` ("Use wildcard characters in conditions for string values").

/// SQL `LIKE`: `%` any run, `_` one character, `[abc]`, `[a-c]` and `[^abc]` one of (or
/// none of) a set.
pub(super) fn like(text: &str, pattern: &str) -> bool {
    let text: Vec<char> = text.chars().collect();
    let pattern: Vec<char> = pattern.chars().collect();
    // positions in `text` reachable after matching a prefix of the pattern
    let mut states = vec![false; text.len() + 1];
    states[0] = true;
    let mut p = 0;
    while p < pattern.len() {
        let mut next = vec![false; text.len() + 1];
        match pattern[p] {
            '%' => {
                let mut reachable = false;
                for i in 0..=text.len() {
                    reachable |= states[i];
                    next[i] = reachable;
                }
                p += 1;
            }
            '[' if pattern[p..].contains(&']') => {
                let close = p + pattern[p..].iter().position(|c| *c == ']').unwrap_or(0);
                let set = &pattern[p + 1..close];
                let (negated, set) = match set.split_first() {
                    Some(('^', rest)) if !rest.is_empty() => (true, rest),
                    _ => (false, set),
                };
                let in_set = |c: char| {
                    let mut k = 0;
                    while k < set.len() {
                        if k + 2 < set.len() && set[k + 1] == '-' {
                            if (set[k]..=set[k + 2]).contains(&c) {
                                return true;
                            }
                            k += 3;
                        } else {
                            if set[k] == c {
                                return true;
                            }
                            k += 1;
                        }
                    }
                    false
                };
                for i in 0..text.len() {
                    if states[i] && in_set(text[i]) != negated {
                        next[i + 1] = true;
                    }
                }
                p = close + 1;
            }
            c => {
                for i in 0..text.len() {
                    if states[i] && (c == '_' || text[i] == c) {
                        next[i + 1] = true;
                    }
                }
                p += 1;
            }
        }
        states = next;
    }
    states[text.len()]
}

#[cfg(test)]
mod tests {
    use super::like;

    #[test]
    fn like_wildcards() {
        assert!(like("contoso ltd", "%toso%"));
        assert!(like("50% off", "50[%]%"));
        assert!(!like("50 off", "50[%]%"));
        assert!(like("cat", "c_t"));
        assert!(like("bat", "[a-c]at"));
        assert!(!like("rat", "[a-c]at"));
        assert!(like("rat", "[^a-c]at"));
        assert!(!like("cats", "c_t"));
    }
}

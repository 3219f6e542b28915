//! Const string helpers: comparing and building strings at compile time, for `'static`
//! metadata and the compile-time checks of generated code.

/// `a == b` usable in `const` items (compile-time checks of generated code).
pub const fn const_str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A string built at compile time in a fixed buffer, e.g. a navigation property made from
/// an inherited `{target}` pattern, so target metadata stays `'static` across crates.
pub struct ConstStr<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

impl<const N: usize> ConstStr<N> {
    /// Replaces every `{target}` in `pattern` with `target`.
    ///
    /// # Panics
    /// At compile time, when the result exceeds `N` bytes.
    pub const fn expand(pattern: &str, target: &str) -> Self {
        let (p, t) = (pattern.as_bytes(), target.as_bytes());
        let placeholder = b"{target}";
        let mut out = Self {
            bytes: [0; N],
            len: 0,
        };
        let mut i = 0;
        while i < p.len() {
            if i + placeholder.len() <= p.len() && starts_with_at(p, i, placeholder) {
                out = out.push_bytes(t);
                i += placeholder.len();
            } else {
                out = out.push_bytes(&[p[i]]);
                i += 1;
            }
        }
        out
    }

    /// `column` + `_` + `target`, the navigation of a multi-target lookup without a pattern.
    pub const fn joined(column: &str, target: &str) -> Self {
        let out = Self {
            bytes: [0; N],
            len: 0,
        };
        out.push_bytes(column.as_bytes())
            .push_bytes(b"_")
            .push_bytes(target.as_bytes())
    }

    /// The navigation an inherited target gets: the nearest layer's pattern, else
    /// `<column>_<target>` (several targets) or `<column>` (one target).
    pub const fn navigation(
        pattern: Option<&str>,
        column: &str,
        target: &str,
        target_count: usize,
    ) -> Self {
        match pattern {
            Some(p) => Self::expand(p, target),
            None if target_count > 1 => Self::joined(column, target),
            None => Self::expand(column, ""),
        }
    }

    const fn push_bytes(mut self, more: &[u8]) -> Self {
        assert!(
            self.len + more.len() <= N,
            "generated name is too long for its buffer"
        );
        let mut i = 0;
        while i < more.len() {
            self.bytes[self.len] = more[i];
            self.len += 1;
            i += 1;
        }
        self
    }

    /// The built string.
    pub const fn as_str(&'static self) -> &'static str {
        match core::str::from_utf8(self.bytes.split_at(self.len).0) {
            Ok(s) => s,
            Err(_) => panic!("generated name is not UTF-8"),
        }
    }
}

const fn starts_with_at(haystack: &[u8], at: usize, needle: &[u8]) -> bool {
    let mut j = 0;
    while j < needle.len() {
        if haystack[at + j] != needle[j] {
            return false;
        }
        j += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{LookupMetadata, TargetMetadata};

    static BASE: LookupMetadata = LookupMetadata {
        column: "regardingobjectid",
        table: "msdyn_ocsession",
        navigation_pattern: Some("regardingobjectid_{target}_msdyn_ocsession"),
        layer: "Regarding",
        targets: &[],
        base: None,
    };

    // the shape generated code uses: a `const` buffer promoted to `'static` inside a `static`
    static TARGET: TargetMetadata = TargetMetadata {
        logical_name: "sample_bankaccount",
        variant: "SampleBankAccount",
        entity_set: "sample_bankaccounts",
        navigation: {
            const NAV: ConstStr<256> = ConstStr::navigation(
                BASE.effective_pattern(),
                BASE.column,
                "sample_bankaccount",
                BASE.target_count() + 1,
            );
            NAV.as_str()
        },
        relationship: None,
        layer: "SalesRegarding",
    };

    #[test]
    fn inherited_pattern_builds_static_navigation() {
        assert_eq!(
            TARGET.navigation,
            "regardingobjectid_sample_bankaccount_msdyn_ocsession"
        );
        assert_eq!(
            ConstStr::<64>::navigation(None, "customerid", "account", 2).as_str_owned(),
            "customerid_account"
        );
        assert_eq!(
            ConstStr::<64>::navigation(None, "parentid", "account", 1).as_str_owned(),
            "parentid"
        );
    }

    impl<const N: usize> ConstStr<N> {
        fn as_str_owned(&self) -> String {
            String::from_utf8(self.bytes[..self.len].to_vec()).unwrap()
        }
    }

    #[test]
    fn const_str_eq_compares_bytes() {
        assert!(const_str_eq("account", "account"));
        assert!(!const_str_eq("account", "accounts"));
        assert!(!const_str_eq("contact", "account"));
    }
}

//! Labels and names to Rust identifiers (the rule is stated in this package's README).

use heck::ToUpperCamelCase;

/// A type or variant name from any text: transliterated to ASCII, split at every character
/// that is not a letter or digit (punctuation dropped), UpperCamelCase; a leading digit gets
/// `N` before it and the keyword `Self` becomes `SelfValue`. Empty when the text has no letter
/// or digit.
pub fn type_name(text: &str) -> String {
    let ascii = deunicode::deunicode(text);
    let spaced: String = ascii
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    let mut name = spaced.to_upper_camel_case();
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, 'N');
    }
    if name == "Self" {
        name.push_str("Value");
    }
    name
}

/// The suffix naming a value: `5` for 5, `Minus5` for -5.
fn value_suffix(value: i64) -> String {
    if value < 0 {
        format!("Minus{}", value.unsigned_abs())
    } else {
        value.to_string()
    }
}

/// Variant names for options `(value, label)`, unique among themselves and the `reserved`
/// names. An empty label is named `Value<value>`. Among options whose names collide, the one
/// with the smallest value keeps the name and each other gets its value appended, so a new
/// option never renames an existing one with a smaller value.
pub fn option_variants(options: &[(i64, &str)], reserved: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = options
        .iter()
        .map(|(value, label)| {
            let name = type_name(label);
            if name.is_empty() {
                format!("Value{}", value_suffix(*value))
            } else {
                name
            }
        })
        .collect();
    let mut order: Vec<usize> = (0..options.len()).collect();
    order.sort_by_key(|&i| options[i].0);
    let mut taken: Vec<String> = reserved.iter().map(|s| (*s).to_owned()).collect();
    for i in order {
        let mut name = names[i].clone();
        while taken.contains(&name) {
            name.push_str(&value_suffix(options[i].0));
        }
        taken.push(name.clone());
        names[i] = name;
    }
    names
}

/// A struct field for a column's logical name: the name itself, or `<name>_` for a keyword.
pub fn field_name(logical_name: &str) -> String {
    const KEYWORDS: &[&str] = &[
        "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum",
        "extern", "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod",
        "move", "mut", "pub", "ref", "return", "self", "static", "struct", "super", "trait",
        "true", "type", "unsafe", "use", "where", "while", "abstract", "become", "box", "do",
        "final", "macro", "override", "priv", "typeof", "unsized", "virtual", "yield", "try",
    ];
    let mut name: String = logical_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, '_');
    }
    if KEYWORDS.contains(&name.as_str()) {
        name.push('_');
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_become_identifiers_by_the_stated_rule() {
        let cases: &[(&str, &str)] = &[
            ("Default", "Default"),
            ("Direct Line", "DirectLine"),
            ("BotTransferSession ", "BotTransferSession"),
            ("Wrap-up", "WrapUp"),
            ("Google's Business Messages", "GoogleSBusinessMessages"),
            ("Réunion été", "ReunionEte"),
            ("Straße", "Strasse"),
            ("Ελλάδα", "Ellada"),
            ("北京", "BeiJing"),
            ("100% done!", "N100Done"),
            ("3rd party", "N3rdParty"),
            ("Self", "SelfValue"),
            ("  (none)  ", "None"),
            ("snake_case label", "SnakeCaseLabel"),
            ("", ""),
            ("---", ""),
        ];
        for (label, expected) in cases {
            assert_eq!(type_name(label), *expected, "label {label:?}");
        }
    }

    #[test]
    fn empty_labels_are_named_from_the_value() {
        let names = option_variants(&[(0, ""), (-1, "..."), (7, "Seven")], &[]);
        assert_eq!(names, ["Value0", "ValueMinus1", "Seven"]);
    }

    #[test]
    fn duplicates_are_unique_and_stable() {
        let before = option_variants(&[(10, "Open"), (20, "Closed")], &[]);
        assert_eq!(before, ["Open", "Closed"]);
        // a new option with a label that exists gets its value; the old one keeps its name
        let after = option_variants(&[(10, "Open"), (20, "Closed"), (30, "open")], &[]);
        assert_eq!(after, ["Open", "Closed", "Open30"]);
        // reserved names (the fallback variant) are never taken
        let reserved = option_variants(&[(1, "Unrecognized")], &["Unrecognized"]);
        assert_eq!(reserved, ["Unrecognized1"]);
        // negative values
        assert_eq!(
            option_variants(&[(-5, "A"), (-9, "a")], &[]),
            ["AMinus5", "A"]
        );
    }

    #[test]
    fn fields_avoid_keywords() {
        assert_eq!(field_name("subject"), "subject");
        assert_eq!(field_name("type"), "type_");
        assert_eq!(field_name("sample_Name"), "sample_name");
    }
}

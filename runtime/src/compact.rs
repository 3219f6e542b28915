//! Positional `const` constructors of the `'static` metadata that `choice!` and `lookup!`
//! emit. Every user crate parses, lowers and hashes the generated tokens on each build, so
//! one call per option or target (instead of struct literals naming every field and path)
//! keeps builds fast. Reached through [`__private`](crate::__private); not public API.

use crate::{
    CascadeConfiguration, CascadeType, LocalizedLabel, OptionMetadata, RelationshipMetadata,
    TargetMetadata,
};

/// An option of a choice layer.
pub const fn option(
    value: i32,
    variant: &'static str,
    label: &'static str,
    labels: &'static [LocalizedLabel],
    description: &'static str,
    layer: &'static str,
) -> OptionMetadata {
    OptionMetadata {
        value,
        variant,
        label,
        labels,
        description,
        layer,
        state: None,
    }
}

/// A status option: `option` owned by the state option with value `state`.
pub const fn status_option(option: OptionMetadata, state: i32) -> OptionMetadata {
    OptionMetadata {
        state: Some(state),
        ..option
    }
}

/// A lookup target without a declared relationship.
pub const fn target(
    logical_name: &'static str,
    variant: &'static str,
    entity_set: &'static str,
    navigation: &'static str,
    layer: &'static str,
) -> TargetMetadata {
    TargetMetadata {
        logical_name,
        variant,
        entity_set,
        navigation,
        relationship: None,
        layer,
    }
}

/// `target` with its many-to-one relationship; the referencing side (column and navigation)
/// is the target's.
#[allow(clippy::too_many_arguments)] // generated calls only, positional on purpose
pub const fn related(
    target: TargetMetadata,
    referencing_attribute: &'static str,
    schema_name: &'static str,
    referenced_entity: &'static str,
    referenced_attribute: &'static str,
    cascade: &str,
    system: bool,
) -> TargetMetadata {
    TargetMetadata {
        relationship: Some(RelationshipMetadata {
            schema_name,
            referenced_entity,
            referenced_attribute,
            referencing_attribute,
            referencing_navigation: target.navigation,
            cascade: cascade_from_codes(cascade),
            system,
        }),
        ..target
    }
}

/// The one-letter code of a cascade value in [`cascade_from_codes`].
#[cfg(test)]
const fn cascade_code(value: CascadeType) -> char {
    match value {
        CascadeType::NoCascade => 'N',
        CascadeType::Cascade => 'C',
        CascadeType::Active => 'A',
        CascadeType::UserOwned => 'U',
        CascadeType::RemoveLink => 'R',
        CascadeType::Restrict => 'X',
    }
}

/// A cascade configuration from eight one-letter codes (`N`oCascade, `C`ascade, `A`ctive,
/// `U`serOwned, `R`emoveLink, restrict `X`), in the order archive, assign, delete, merge,
/// reparent, rollup view, share, unshare.
pub const fn cascade_from_codes(codes: &str) -> CascadeConfiguration {
    let codes = codes.as_bytes();
    assert!(codes.len() == 8, "a cascade configuration has eight codes");
    CascadeConfiguration {
        archive: cascade_from_code(codes[0]),
        assign: cascade_from_code(codes[1]),
        delete: cascade_from_code(codes[2]),
        merge: cascade_from_code(codes[3]),
        reparent: cascade_from_code(codes[4]),
        rollup_view: cascade_from_code(codes[5]),
        share: cascade_from_code(codes[6]),
        unshare: cascade_from_code(codes[7]),
    }
}

const fn cascade_from_code(code: u8) -> CascadeType {
    match code {
        b'N' => CascadeType::NoCascade,
        b'C' => CascadeType::Cascade,
        b'A' => CascadeType::Active,
        b'U' => CascadeType::UserOwned,
        b'R' => CascadeType::RemoveLink,
        b'X' => CascadeType::Restrict,
        _ => panic!("unknown cascade code"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cascade_codes_round_trip_every_value_in_every_position() {
        let values = [
            CascadeType::NoCascade,
            CascadeType::Cascade,
            CascadeType::Active,
            CascadeType::UserOwned,
            CascadeType::RemoveLink,
            CascadeType::Restrict,
        ];
        for value in values {
            for position in 0..8 {
                let codes: String = (0..8)
                    .map(|i| {
                        if i == position {
                            cascade_code(value)
                        } else {
                            'N'
                        }
                    })
                    .collect();
                let config = cascade_from_codes(&codes);
                let actions = config.actions();
                for (i, (_, got)) in actions.iter().enumerate() {
                    let want = if i == position {
                        value
                    } else {
                        CascadeType::NoCascade
                    };
                    assert_eq!(*got, want, "codes {codes}");
                }
            }
        }
    }

    #[test]
    fn related_takes_the_referencing_navigation_from_the_target() {
        const T: TargetMetadata = related(
            target(
                "account",
                "Account",
                "accounts",
                "regardingobjectid_account",
                "L",
            ),
            "regardingobjectid",
            "account_sessions",
            "account",
            "accountid",
            "NCCNCNCC",
            false,
        );
        let relationship = T.relationship.unwrap();
        assert_eq!(
            relationship.referencing_navigation,
            "regardingobjectid_account"
        );
        assert_eq!(relationship.cascade, CascadeConfiguration::parental());
    }
}

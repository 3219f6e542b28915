//! A user's own serde code behaves as if dataverse-model were not in the build.

use dataverse_model::{Decimal, Money};
use dataverse_model_user_serde_test::{Account, Amount, Envelope, Measures, Tagged};
use serde_json::{Value, json};

#[test]
fn flatten_with_a_float_field_reads() {
    // with serde_json's `arbitrary_precision` on anywhere in the build, this failed with
    // "invalid type: map, expected f64"
    let envelope: Envelope =
        serde_json::from_str(r#"{"name": "n", "ratio": 1.5, "count": 3}"#).unwrap();
    assert_eq!(
        envelope,
        Envelope {
            name: "n".into(),
            measures: Measures {
                ratio: 1.5,
                count: 3
            }
        }
    );
}

#[test]
fn untagged_enum_with_numbers_reads() {
    let amounts: Vec<Amount> = serde_json::from_str(r#"[42, 1.25, "x", -7]"#).unwrap();
    assert_eq!(
        amounts,
        [
            Amount::Whole(42),
            Amount::Float(1.25),
            Amount::Text("x".into()),
            Amount::Whole(-7)
        ]
    );
}

#[test]
fn a_value_holds_numbers_as_serde_json_documents() {
    let parsed: Value = serde_json::from_str("1.10").unwrap();
    assert_eq!(parsed, json!(1.1));
    assert!(parsed.is_f64());
    assert_eq!(parsed.to_string(), "1.1");
    let whole: Value = serde_json::from_str("638255741810315438").unwrap();
    assert_eq!(whole.as_u64(), Some(638255741810315438));
}

#[test]
fn the_crates_rows_still_read_exactly_beside_the_users_code() {
    let json = r#"{"revenue": 80000.0000, "sample_rate": 123456.7890123456789012345678,
        "sample_ratio": 0.30000000000000004, "versionnumber": 638255741810315438}"#;
    for row in [
        serde_json::from_str::<Account>(json).unwrap(),
        serde_json::from_slice::<Account>(json.as_bytes()).unwrap(),
        serde_json::from_reader::<_, Account>(json.as_bytes()).unwrap(),
    ] {
        assert_eq!(row.revenue.unwrap().to_string(), "80000.0000");
        assert_eq!(
            row.sample_rate.unwrap().to_string(),
            "123456.7890123456789012345678"
        );
        assert_eq!(row.sample_ratio, Some(0.30000000000000004));
        assert_eq!(row.versionnumber, Some(638255741810315438));
    }
}

#[test]
fn a_row_flattened_in_a_users_struct_reads_its_numbers() {
    // `flatten` hands the row serde's buffered content, where a number is already an
    // `f64`/`u64`: a decimal is read from the float's shortest text
    let tagged: Tagged = serde_json::from_str(
        r#"{"tag": "t", "revenue": 80000.25, "sample_rate": "12.50", "versionnumber": 638255741810315438}"#,
    )
    .unwrap();
    assert_eq!(tagged.tag, "t");
    assert_eq!(
        tagged.account.revenue,
        Some(Money(Decimal::new(8000025, 2)))
    );
    assert_eq!(tagged.account.sample_rate.unwrap().to_string(), "12.50");
    assert_eq!(tagged.account.versionnumber, Some(638255741810315438));
}

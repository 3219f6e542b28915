//! Hostile and malformed Web API JSON: every case gives a defined result — a value, or an
//! error that names the column (value errors) or the position (pure syntax errors) — and
//! never a panic. The behaviours are listed in GUARANTEES.md at the repository root.

use dataverse_model::{Choices, Field, Guid, Lookup, Operation, Page, Rule};
use dataverse_model_tests::all_kinds::AllKinds;
use dataverse_model_tests::session::{SalesSession, Session};
use dataverse_model_tests::session_choices::SessionEventReason;
use dataverse_model_tests::session_lookups::Regarding;

const PAGE: &str = include_str!("../fixtures/sessions.page.json");

fn error<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str) -> String {
    serde_json::from_str::<T>(json)
        .expect_err("hostile input must not decode")
        .to_string()
}

/// The error names `column` first and ends with the position.
#[track_caller]
fn assert_names(message: &str, column: &str) {
    assert!(
        message.starts_with(&format!("column `{column}`: ")),
        "{message}"
    );
    assert!(message.contains(" at line "), "{message}");
}

#[test]
fn syntax_errors_name_the_position() {
    // truncated between properties: a syntax error, with its position
    let message = error::<Session>(r#"{"subject": "abc","#);
    assert!(
        message.starts_with("EOF while parsing a value at line 1 column 18"),
        "{message}"
    );
    let message = error::<Session>(r#"{"actualdurationminutes": 12"#);
    assert!(
        message.starts_with("EOF while parsing an object"),
        "{message}"
    );
    // truncated inside a value: the column is named too
    assert_names(&error::<Session>(r#"{"subject": "abc"#), "subject");
    assert_names(&error::<Session>(r#"{"subject" "x"}"#), "subject");
    let message = error::<Session>("[]");
    assert!(
        message.starts_with("invalid type: sequence, expected a `Session` row as a JSON object"),
        "{message}"
    );
    for bad in [
        "",
        "{",
        "}",
        "nul",
        "{\"subject\":}",
        "{,}",
        "{\"a\" 1}",
        "\u{0}",
    ] {
        let message = error::<Session>(bad);
        assert!(message.contains("line 1 column"), "{bad:?}: {message}");
    }
}

#[test]
fn every_truncation_of_a_real_page_is_an_error_with_a_position() {
    let mut named = 0;
    for end in 0..PAGE.trim_end().len() {
        let Some(prefix) = PAGE.get(..end) else {
            continue;
        };
        let message = error::<Page<SalesSession>>(prefix);
        assert!(message.contains(" at line "), "{end}: {message}");
        named += usize::from(message.starts_with("column `"));
    }
    assert!(
        named > 100,
        "truncations inside values name their column ({named})"
    );
}

#[test]
fn wrong_types_name_the_column_for_every_kind() {
    for (column, json) in [
        ("sample_allkindsid", r#"{"sample_allkindsid": 5}"#),
        ("sample_name", r#"{"sample_name": 5}"#),
        ("sample_name", r#"{"sample_name": ["x"]}"#),
        ("sample_count", r#"{"sample_count": "five"}"#),
        ("sample_count", r#"{"sample_count": "2147483648"}"#),
        ("sample_count", r#"{"sample_count": 1.0}"#),
        ("sample_count", r#"{"sample_count": 1e2}"#),
        ("sample_big", r#"{"sample_big": true}"#),
        ("sample_amount", r#"{"sample_amount": true}"#),
        ("sample_amount", r#"{"sample_amount": {"a": 1}}"#),
        ("sample_amount", r#"{"sample_amount": "x"}"#),
        ("sample_price", r#"{"sample_price": []}"#),
        ("sample_ratio", r#"{"sample_ratio": "1.5.0"}"#),
        ("sample_ratio", r#"{"sample_ratio": true}"#),
        ("sample_big", r#"{"sample_big": "12.5"}"#),
        ("sample_flag", r#"{"sample_flag": 1}"#),
        ("sample_when", r#"{"sample_when": 5}"#),
        ("sample_day", r#"{"sample_day": 5}"#),
        ("sample_reason", r#"{"sample_reason": "192350000"}"#),
        ("sample_reason", r#"{"sample_reason": 1.5}"#),
        ("sample_salesreason", r#"{"sample_salesreason": {}}"#),
        ("sample_reasons", r#"{"sample_reasons": 5}"#),
        ("sample_reasons", r#"{"sample_reasons": [1, 2]}"#),
    ] {
        assert_names(&error::<AllKinds>(json), column);
    }
    assert_names(&error::<Session>(r#"{"_ownerid_value": 5}"#), "ownerid");
    assert_names(
        &error::<Session>(
            r#"{"_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname": 5}"#,
        ),
        "regardingobjectid",
    );
    // annotations and the etag name their column or property
    assert_names(
        &error::<SalesSession>(r#"{"subject@OData.Community.Display.V1.FormattedValue": 5}"#),
        "subject",
    );
    assert_names(
        &error::<SalesSession>(
            r#"{"_regardingobjectid_value@OData.Community.Display.V1.FormattedValue": 5}"#,
        ),
        "regardingobjectid",
    );
    let message = error::<SalesSession>(r#"{"@odata.etag": 5}"#);
    assert!(
        message.starts_with("property `@odata.etag`: invalid type"),
        "{message}"
    );
    // a bare column that is missing or null
    #[dataverse_model::dataverse_entity(logical_name = "t", entity_set = "ts", primary_id = "tid")]
    #[derive(Debug)]
    struct Bare {
        name: String,
    }
    assert!(error::<Bare>("{}").starts_with("column `name`: the response has no `name`"));
    assert!(error::<Bare>(r#"{"name": null}"#).starts_with("column `name`: `name` is null"));
}

#[test]
fn numbers_beyond_their_column() {
    let message = error::<AllKinds>(r#"{"sample_count": 2147483648}"#);
    assert_names(&message, "sample_count");
    assert!(
        message.contains("integer `2147483648`, expected i32"),
        "{message}"
    );
    assert_names(
        &error::<AllKinds>(r#"{"sample_count": -2147483649}"#),
        "sample_count",
    );
    assert_names(
        &error::<AllKinds>(r#"{"sample_big": 9223372036854775808}"#),
        "sample_big",
    );
    assert_names(
        &error::<AllKinds>(r#"{"sample_big": -9223372036854775809}"#),
        "sample_big",
    );
    assert_names(
        &error::<AllKinds>(r#"{"sample_big": 123456789012345678901234567890}"#),
        "sample_big",
    );
    // the extremes themselves decode
    let row: AllKinds = serde_json::from_str(
        r#"{"sample_count": -2147483648, "sample_big": 9223372036854775807, "sample_reason": 2147483647}"#,
    )
    .unwrap();
    assert_eq!(
        (row.sample_count, row.sample_big),
        (Some(i32::MIN), Some(i64::MAX))
    );
    // an option value outside i32 (this error used to lack the column)
    let message = error::<AllKinds>(r#"{"sample_reason": 192350000000}"#);
    assert_names(&message, "sample_reason");
    assert!(message.contains("option value 192350000000 is outside the 32-bit integer range"));
    assert_names(
        &error::<AllKinds>(r#"{"sample_salesreason": -2147483649}"#),
        "sample_salesreason",
    );
    assert_names(
        &error::<AllKinds>(r#"{"sample_reason": 18446744073709551616}"#),
        "sample_reason",
    );
    // an option value is a JSON integer: a string or a fraction is an error naming the column
    for wrong in [r#""1""#, "1.5", "true", "[1]"] {
        let message = error::<AllKinds>(&format!(r#"{{"sample_reason": {wrong}}}"#));
        assert_names(&message, "sample_reason");
        assert!(message.contains("expected an option value"), "{message}");
    }
}

#[test]
fn one_e_400_and_other_number_edges() {
    for column in [
        "sample_count",
        "sample_big",
        "sample_ratio",
        "sample_amount",
        "sample_reason",
    ] {
        for number in ["1e400", "-1e400"] {
            let message = error::<AllKinds>(&format!(r#"{{"{column}": {number}}}"#));
            assert_names(&message, column);
        }
    }
    assert!(error::<AllKinds>(r#"{"sample_ratio": 1e400}"#).contains("out of range"));
    // tiny floats underflow to zero, as everywhere in JSON
    let row: AllKinds = serde_json::from_str(r#"{"sample_ratio": 1e-400}"#).unwrap();
    assert_eq!(row.sample_ratio, Some(0.0));
    // an unknown property is skipped whatever number it holds
    let row: Session =
        serde_json::from_str(r#"{"sample_unknown": 1e400, "subject": "s"}"#).unwrap();
    assert_eq!(row.subject.as_deref(), Some("s"));
}

/// Every way serde_json can be handed the input: borrowed text, bytes, a reader (the number's
/// text is copied, not borrowed) and a `Value` (whose numbers are floats: strings stay exact).
fn decode_every_way(json: &str) -> Vec<AllKinds> {
    vec![
        serde_json::from_str(json).unwrap(),
        serde_json::from_slice(json.as_bytes()).unwrap(),
        serde_json::from_reader(json.as_bytes()).unwrap(),
    ]
}

#[test]
fn numbers_read_exactly_from_every_input() {
    let json = r#"{"sample_amount": 123456.7890123456789012345678, "sample_price": 80000.0000,
        "sample_ratio": -7.610416432227591e-230, "sample_big": 638255741810315438,
        "sample_count": -1000}"#;
    for row in decode_every_way(json) {
        assert_eq!(
            row.sample_amount.unwrap().to_string(),
            "123456.7890123456789012345678"
        );
        assert_eq!(row.sample_price.value().unwrap().to_string(), "80000.0000");
        assert_eq!(
            row.sample_ratio.map(f64::to_bits),
            Some((-7.610416432227591e-230f64).to_bits())
        );
        assert_eq!(row.sample_big, Some(638255741810315438));
        assert_eq!(row.sample_count, Some(-1000));
    }
}

#[test]
fn numbers_sent_as_strings_read_exactly() {
    // `Prefer: odata.IEEE754Compatible=true` sends `Int64` and `Decimal` values as strings
    let json = r#"{"sample_amount": "12.50", "sample_price": "80000.0000",
        "sample_big": "638255741810315438", "sample_count": "42", "sample_ratio": "0.1"}"#;
    let mut rows = decode_every_way(json);
    rows.push(serde_json::from_value(serde_json::from_str(json).unwrap()).unwrap());
    for row in rows {
        assert_eq!(row.sample_amount.unwrap().to_string(), "12.50");
        assert_eq!(row.sample_price.value().unwrap().to_string(), "80000.0000");
        assert_eq!(row.sample_big, Some(638255741810315438));
        assert_eq!(row.sample_count, Some(42));
        assert_eq!(row.sample_ratio, Some(0.1));
    }
    // what the string holds is checked as a number of the column's type
    for (column, json) in [
        ("sample_big", r#"{"sample_big": "9223372036854775808"}"#),
        ("sample_count", r#"{"sample_count": "4.5"}"#),
        ("sample_amount", r#"{"sample_amount": "12,50"}"#),
        ("sample_ratio", r#"{"sample_ratio": "1e400"}"#),
        // no Dataverse column holds them, and JSON cannot carry them back
        ("sample_ratio", r#"{"sample_ratio": "NaN"}"#),
        ("sample_ratio", r#"{"sample_ratio": "INF"}"#),
    ] {
        let message = error::<AllKinds>(json);
        assert_names(&message, column);
        assert!(message.contains("invalid value: string"), "{message}");
    }
}

#[test]
fn decimals_write_every_digit_and_their_scale() {
    let row = AllKinds {
        sample_amount: Some("0.0000000000000000000000000001".parse().unwrap()),
        sample_price: Field::Value("80000.0000".parse().unwrap()),
        ..AllKinds::default()
    };
    let body = serde_json::to_string(&row.create_payload()).unwrap();
    assert!(
        body.contains(r#""sample_amount":0.0000000000000000000000000001"#),
        "{body}"
    );
    assert!(body.contains(r#""sample_price":80000.0000"#), "{body}");
}

#[test]
fn decimals_are_exact_or_an_error() {
    let amount = |json: &str| {
        serde_json::from_str::<AllKinds>(&format!(r#"{{"sample_amount": {json}}}"#))
            .map(|r| r.sample_amount.unwrap().to_string())
            .map_err(|e| e.to_string())
    };
    assert_eq!(amount("1.5e3").unwrap(), "1500");
    assert_eq!(amount("-1E-3").unwrap(), "-0.001");
    assert_eq!(
        amount("79228162514264337593543950335").unwrap(),
        "79228162514264337593543950335"
    );
    assert_eq!(
        amount("0.0000000000000000000000000001").unwrap(),
        "0.0000000000000000000000000001"
    );
    assert_eq!(
        amount("123456.7890123456789012345678").unwrap(),
        "123456.7890123456789012345678"
    );
    // a string holding a number (`Prefer: odata.IEEE754Compatible=true`)
    assert_eq!(amount(r#""12.50""#).unwrap(), "12.50");
    // what a 96-bit decimal cannot hold exactly is an error, never rounded (this used to be
    // rounded silently: 29 decimal places read as 0)
    for json in [
        "0.00000000000000000000000000001",
        "79228162514264337593543950336",
        "12345678901234567890.123456789012",
        "1.2345678901234567890123456789012e0",
        "1e-29",
        "1e29",
    ] {
        let message = amount(json).unwrap_err();
        assert_names(&message, "sample_amount");
        assert!(
            message.contains("is not a decimal number that fits"),
            "{message}"
        );
    }
}

#[test]
fn malformed_guid_and_dates() {
    let message = error::<Session>(r#"{"activityid": "0928bcb4-bb27-ed11-9db1-002248274ad"}"#);
    assert_names(&message, "activityid");
    assert!(message.contains("UUID parsing failed"), "{message}");
    assert_names(
        &error::<Session>(r#"{"_ownerid_value": "nope"}"#),
        "ownerid",
    );
    assert_names(
        &error::<AllKinds>(r#"{"sample_day": "2024-13-01"}"#),
        "sample_day",
    );
    assert_names(
        &error::<AllKinds>(r#"{"sample_day": "2024-02-30"}"#),
        "sample_day",
    );
    assert_names(
        &error::<AllKinds>(r#"{"sample_when": "2024-01-01 10:00"}"#),
        "sample_when",
    );
    assert_names(
        &error::<AllKinds>(r#"{"sample_when": "2024-01-01T25:00:00Z"}"#),
        "sample_when",
    );
    // before 1753-01-01: decodes (nothing lost) but fails validation
    let row: AllKinds = serde_json::from_str(
        r#"{"sample_day": "1752-12-31", "sample_when": "0001-01-01T00:00:00Z"}"#,
    )
    .unwrap();
    let errors = row.validate(Operation::Update).unwrap_err();
    let found: Vec<_> = errors.iter().map(|e| (e.column, e.rule)).collect();
    assert_eq!(
        found,
        [
            ("sample_when", Rule::DateRange),
            ("sample_day", Rule::DateRange)
        ]
    );
}

#[test]
fn multi_select_junk_and_too_many_values() {
    for junk in ["1,2,x", "1,,2", "1;2", "99999999999", "1.5", "0x10", "1 2"] {
        let message = error::<AllKinds>(&format!(r#"{{"sample_reasons": "{junk}"}}"#));
        assert_names(&message, "sample_reasons");
        assert!(message.contains("is not an integer"), "{message}");
    }
    // 151 values decode (nothing lost) and fail validation
    let many = (192_350_000..192_350_151)
        .map(|v| v.to_string())
        .collect::<Vec<_>>();
    let row: AllKinds =
        serde_json::from_str(&format!(r#"{{"sample_reasons": "{}"}}"#, many.join(", "))).unwrap();
    assert_eq!(row.sample_reasons.value().map(Choices::len), Some(151));
    let errors = row.validate(Operation::Create).unwrap_err();
    let too_many = errors
        .iter()
        .find(|e| e.rule == Rule::TooManyValues)
        .unwrap();
    assert_eq!(
        (too_many.column, too_many.value.as_str()),
        ("sample_reasons", "151")
    );
    // null and "" read as the empty set
    for empty in ["null", r#""""#, r#"" ""#] {
        let row: AllKinds =
            serde_json::from_str(&format!(r#"{{"sample_reasons": {empty}}}"#)).unwrap();
        assert_eq!(row.sample_reasons, Field::Value(Choices::new()));
    }
}

#[test]
fn text_beyond_max_length_decodes_and_fails_validation() {
    let long = "é".repeat(201);
    let row: Session = serde_json::from_str(&format!(r#"{{"subject": "{long}"}}"#)).unwrap();
    assert_eq!(row.subject.as_deref(), Some(long.as_str()));
    let errors = row.validate(Operation::Update).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(
        (errors.errors()[0].column, errors.errors()[0].rule),
        ("subject", Rule::MaxLength)
    );
    // escapes and unicode survive; broken escapes name the column
    let row: Session =
        serde_json::from_str(r#"{"subject": "tab\t quote\" nul\u0000 \ud83d\ude00 ü"}"#).unwrap();
    assert_eq!(row.subject.as_deref(), Some("tab\t quote\" nul\0 😀 ü"));
    assert_names(&error::<Session>(r#"{"subject": "\ud800"}"#), "subject");
    assert_names(&error::<Session>(r#"{"subject": "\q"}"#), "subject");
    assert_names(
        &error::<Session>("{\"subject\": \"raw\u{1}control\"}"),
        "subject",
    );
    // a key or an annotation value written with escapes reads as its plain spelling
    let row: Session = serde_json::from_str(
        r#"{"subj\u0065ct": "s", "_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalnam\u0065": "\u0061ccount", "_regardingobjectid_value": "00000000-0000-0000-0000-000000000001"}"#,
    )
    .unwrap();
    assert_eq!(row.subject.as_deref(), Some("s"));
    assert_eq!(
        row.regardingobjectid,
        Some(Regarding::Account(Guid::from_u128(1)))
    );
}

#[test]
fn deep_nesting_in_an_unknown_property_is_skipped() {
    // serde_json skips an unknown value without recursing, so even a million levels are
    // skipped, no stack overflow and no recursion-limit error
    for depth in [200, 1_000_000] {
        let json = format!(
            r#"{{"sample_unknown": {}1{}, "x@y": {}{}, "subject": "s"}}"#,
            "[".repeat(depth),
            "]".repeat(depth),
            "{\"a\":".repeat(depth.min(10_000)) + "1",
            "}".repeat(depth.min(10_000)),
        );
        let row: Session = serde_json::from_str(&json).unwrap();
        assert_eq!(row.subject.as_deref(), Some("s"));
        // the properties a row looks into to tell a wrong-shaped body (`error`, `value`)
        let json = format!(
            r#"{{"error": {{"code": {}1{}, "x": {}1{}}}, "value": {}1{}, "subject": "s"}}"#,
            "[".repeat(depth),
            "]".repeat(depth),
            "[".repeat(depth),
            "]".repeat(depth),
            "[".repeat(depth),
            "]".repeat(depth),
        );
        let message = error::<Session>(&json);
        assert!(
            message.starts_with("received a collection page"),
            "{message}"
        );
        let page: Page<Session> = serde_json::from_str(&format!(
            r#"{{"value": [], "x": {}{}}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        ))
        .unwrap();
        assert!(page.value.is_empty());
    }
    // unbalanced nesting is a syntax error with a position
    let message = error::<Session>(&format!(r#"{{"sample_unknown": {}"#, "[".repeat(1000)));
    assert!(message.contains(" at line "), "{message}");
    // nesting where a column's scalar is expected is a type error naming the column
    assert_names(
        &error::<Session>(&format!(r#"{{"subject": {}]}}"#, "[".repeat(1000))),
        "subject",
    );
}

#[test]
fn duplicate_keys_the_last_one_wins() {
    let row: Session = serde_json::from_str(r#"{"subject": "a", "subject": "b"}"#).unwrap();
    assert_eq!(row.subject.as_deref(), Some("b"));
    let row: Session = serde_json::from_str(
        r#"{"_msdyn_queueid_value": "0928bcb4-bb27-ed11-9db1-002248274ada", "_msdyn_queueid_value": null}"#,
    )
    .unwrap();
    assert_eq!(row.msdyn_queueid, None);
    let row: SalesSession = serde_json::from_str(
        r#"{"@odata.etag": "1", "@odata.etag": "2",
            "subject@OData.Community.Display.V1.FormattedValue": "a",
            "subject@OData.Community.Display.V1.FormattedValue": "b",
            "_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname": "account",
            "_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname": "contact",
            "_regardingobjectid_value": "0928bcb4-bb27-ed11-9db1-002248274ada"}"#,
    )
    .unwrap();
    assert_eq!(row.etag.as_deref(), Some("2"));
    assert_eq!(row.formatted.get("subject"), Some("b"));
    assert_eq!(
        row.regardingobjectid.value().unwrap().logical_name(),
        "contact"
    );
    // the page's own keys are serde-derived: a duplicate is an error there
    let message = error::<Page<Session>>(r#"{"value": [], "value": []}"#);
    assert!(message.starts_with("duplicate field `value`"), "{message}");
}

#[test]
fn a_very_large_page_decodes() {
    let page: serde_json::Value = serde_json::from_str(PAGE).unwrap();
    let row = page["value"][0].clone();
    let rows = 20_000;
    let big = serde_json::json!({ "value": vec![row; rows], "@odata.nextLink": "next" });
    let text = serde_json::to_string(&big).unwrap();
    assert!(text.len() > 20_000_000, "{}", text.len());
    let decoded: Page<SalesSession> = serde_json::from_str(&text).unwrap();
    assert_eq!(decoded.value.len(), rows);
    assert!(
        decoded
            .value
            .iter()
            .all(|r| r.validate(Operation::Create).is_ok())
    );
    // a bad value deep in a large page still names its column
    let mut bad = big;
    bad["value"][rows - 1]["versionnumber"] = serde_json::json!("v");
    let message = error::<Page<SalesSession>>(&serde_json::to_string(&bad).unwrap());
    assert_names(&message, "versionnumber");
    // one huge string
    let huge = "x".repeat(8 << 20);
    let row: Session = serde_json::from_str(&format!(r#"{{"description": "{huge}"}}"#)).unwrap();
    assert_eq!(row.description.map(|d| d.len()), Some(8 << 20));
}

#[test]
fn unknown_options_and_targets_are_kept() {
    let row: Session = serde_json::from_str(
        r#"{"msdyn_queueassignedreason": -7,
            "_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname": "new_thing",
            "_regardingobjectid_value": "0928bcb4-bb27-ed11-9db1-002248274ada"}"#,
    )
    .unwrap();
    assert_eq!(
        row.msdyn_queueassignedreason,
        Some(SessionEventReason::from_value(-7))
    );
    assert_eq!(
        row.regardingobjectid.as_ref().unwrap().logical_name(),
        "new_thing"
    );
    let errors = row.validate(Operation::Update).unwrap_err();
    let rules: Vec<_> = errors.iter().map(|e| (e.column, e.rule)).collect();
    assert_eq!(
        rules,
        [
            ("msdyn_queueassignedreason", Rule::UnknownOption),
            ("regardingobjectid", Rule::LookupTarget)
        ]
    );
}

//! Property tests: any row, rendered as the service returns it ([`Entity::response_body`],
//! `Page<E>`'s `Serialize`), decodes back to the same row; any choice value, known or not,
//! survives decode → encode; `Choices<C>` parse/format round-trips.
//!
//! Case count: proptest's `PROPTEST_CASES` (default 256 per property), e.g.
//! `PROPTEST_CASES=20000 cargo test --release -p dataverse-model-tests --test properties`.

use dataverse_model::{Choice, Choices, Entity, Field, FormattedValues, Guid, Lookup, Page};
use dataverse_model_tests::all_kinds::AllKinds;
use dataverse_model_tests::session::{SalesSession, Session};
use dataverse_model_tests::session_choices::{
    SalesSessionEventReason, SessionEventReason, SessionPriority, SessionState, SessionStatus,
};
use dataverse_model_tests::session_lookups::{
    Regarding, SalesRegarding, SessionCreatedBy, SessionOwner, SessionQueue,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use time::{Date, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

// ---- strategies --------------------------------------------------------------------------

fn guid() -> impl Strategy<Value = Guid> {
    prop_oneof![
        Just(Guid::nil()),
        Just(Guid::max()),
        any::<u128>().prop_map(Guid::from_u128)
    ]
}

/// Any Unicode, plus text heavy in what JSON must escape.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\"\\\\/\\t\\n\\r\\u{0}-\\u{1f}\\u{7f}\\u{2028}é😀 a@_]{0,40}",
        Just(String::new()),
    ]
}

fn int() -> impl Strategy<Value = i32> {
    prop_oneof![
        Just(i32::MIN),
        Just(i32::MAX),
        Just(0),
        Just(-1),
        any::<i32>()
    ]
}

fn bigint() -> impl Strategy<Value = i64> {
    prop_oneof![Just(i64::MIN), Just(i64::MAX), Just(0), any::<i64>()]
}

/// Every `Decimal`: 96-bit mantissa, scale 0..=28, either sign.
fn decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        Just(Decimal::new(1, 28)),
        (
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            any::<bool>(),
            0u32..=28
        )
            .prop_map(|(lo, mid, hi, negative, scale)| Decimal::from_parts(
                lo, mid, hi, negative, scale
            )),
        (any::<i64>(), 0u32..=10).prop_map(|(m, scale)| Decimal::new(m, scale)),
    ]
}

/// Finite floats only: JSON has no NaN or infinity (they would render as `null`; see
/// GUARANTEES.md), and validation reports them.
fn float() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(f64::MAX),
        Just(f64::MIN),
        Just(f64::MIN_POSITIVE),
        Just(f64::EPSILON),
        Just(5e-324),
        Just(-0.0),
        any::<f64>().prop_filter("finite", |f| f.is_finite()),
    ]
}

/// Years 1..=9999 (RFC 3339's range; before 1753 too), nanoseconds, offsets to ±23:59.
fn date_time() -> impl Strategy<Value = OffsetDateTime> {
    (
        date(),
        0u8..24,
        0u8..60,
        0u8..60,
        0u32..1_000_000_000,
        -23i8..=23,
        0i8..60,
    )
        .prop_map(|(date, h, m, s, ns, oh, om)| {
            let time = Time::from_hms_nano(h, m, s, ns).unwrap();
            let offset = UtcOffset::from_hms(oh, if oh < 0 { -om } else { om }, 0).unwrap();
            PrimitiveDateTime::new(date, time).assume_offset(offset)
        })
}

fn date() -> impl Strategy<Value = Date> {
    (1i32..=9999, 1u16..=365).prop_map(|(y, d)| Date::from_ordinal_date(y, d).unwrap())
}

/// A value a choice declares, or any other `i32`.
fn choice<C: Choice>() -> impl Strategy<Value = C> {
    let known: Vec<i32> = C::METADATA.effective_options().map(|o| o.value).collect();
    prop_oneof![proptest::sample::select(known), int()].prop_map(C::from_value)
}

/// A declared target, or a table no layer declares.
fn lookup<L: Lookup>() -> impl Strategy<Value = L> {
    let known: Vec<&'static str> = L::METADATA.all_targets().map(|t| t.logical_name).collect();
    let table = prop_oneof![
        proptest::sample::select(known).prop_map(str::to_owned),
        "[a-z][a-z0-9_]{0,30}",
    ];
    (table, guid()).prop_map(|(table, id)| L::from_target(&table, id))
}

fn field<T: std::fmt::Debug + Clone>(
    value: impl Strategy<Value = T>,
) -> impl Strategy<Value = Field<T>> {
    prop_oneof![
        Just(Field::Unset),
        Just(Field::Null),
        value.prop_map(Field::Value)
    ]
}

fn formatted(columns: &'static [&'static str]) -> impl Strategy<Value = FormattedValues> {
    let column = prop_oneof![proptest::sample::select(columns), Just("sample_other")];
    proptest::collection::vec((column, text()), 0..6).prop_map(|entries| {
        let mut formatted = FormattedValues::new();
        for (column, text) in entries {
            formatted.insert(column, text);
        }
        formatted
    })
}

prop_compose! {
    fn session()(
        (activityid, subject, description, owneridtype, actualdurationminutes, timezone, versionnumber, exchangerate)
            in (option::of(guid()), option::of(text()), option::of(text()), option::of(text()),
                option::of(int()), option::of(int()), option::of(bigint()), option::of(decimal())),
        (isbilled, actualstart, createdon, processid)
            in (option::of(any::<bool>()), option::of(date_time()), option::of(date_time()), option::of(guid())),
        (queue_reason, creation_reason, prioritycode, statecode, statuscode)
            in (option::of(choice::<SessionEventReason>()), option::of(choice::<SessionEventReason>()),
                option::of(choice::<SessionPriority>()), option::of(choice::<SessionState>()),
                option::of(choice::<SessionStatus>())),
        (regarding, queue, owner, createdby)
            in (option::of(lookup::<Regarding>()), option::of(lookup::<SessionQueue>()),
                option::of(lookup::<SessionOwner>()), option::of(lookup::<SessionCreatedBy>())),
    ) -> Session {
        Session {
            activityid, subject, description, owneridtype, actualdurationminutes,
            timezoneruleversionnumber: timezone, versionnumber, exchangerate, isbilled, actualstart,
            createdon, processid, msdyn_queueassignedreason: queue_reason,
            msdyn_sessioncreationreason: creation_reason, prioritycode, statecode, statuscode,
            regardingobjectid: regarding, msdyn_queueid: queue, ownerid: owner, createdby,
            ..Session::default()
        }
    }
}

prop_compose! {
    fn sales_session()(
        (activityid, subject, queue_reason, creation_reason, regarding, statecode)
            in (field(guid()), field(text()), field(choice::<SalesSessionEventReason>()),
                field(choice::<SalesSessionEventReason>()), field(lookup::<SalesRegarding>()),
                field(choice::<SessionState>())),
        (statuscode, created, versionnumber, note, etag)
            in (field(choice::<SessionStatus>()), field(date_time()), field(bigint()), field(text()),
                option::of(text())),
        formatted in formatted(&["subject", "regardingobjectid", "msdyn_queueassignedreason", "statecode", "ownerid"]),
    ) -> SalesSession {
        SalesSession {
            activityid, subject, msdyn_queueassignedreason: queue_reason,
            msdyn_sessioncreationreason: creation_reason, regardingobjectid: regarding, statecode,
            statuscode, msdyn_sessioncreatedon: created, versionnumber, sample_channelnote: note,
            formatted, etag,
        }
    }
}

prop_compose! {
    fn all_kinds()(
        (id, name, count, big, amount, price, ratio)
            in (option::of(guid()), option::of(text()), option::of(int()), option::of(bigint()),
                option::of(decimal()), field(decimal()), option::of(float())),
        (flag, when, day, reason, salesreason, reasons)
            in (option::of(any::<bool>()), option::of(date_time()), option::of(date()),
                option::of(choice::<SessionEventReason>()), field(choice::<SalesSessionEventReason>()),
                // `null` reads as the empty set, so a multi-select is never `Null` after a read
                prop_oneof![Just(Field::Unset), choices().prop_map(Field::Value)]),
    ) -> AllKinds {
        AllKinds {
            sample_allkindsid: id, sample_name: name, sample_count: count, sample_big: big,
            sample_amount: amount, sample_price: price, sample_ratio: ratio, sample_flag: flag,
            sample_when: when, sample_day: day, sample_reason: reason,
            sample_salesreason: salesreason, sample_reasons: reasons,
        }
    }
}

fn choices() -> impl Strategy<Value = Choices<SessionEventReason>> {
    proptest::collection::vec(choice::<SessionEventReason>(), 0..200).prop_map(Choices::from_iter)
}

use proptest::option;

fn render<E: Entity>(row: &E) -> String {
    serde_json::to_string(&row.response_body()).expect("a row renders")
}

// ---- properties --------------------------------------------------------------------------

proptest! {
    #[test]
    fn a_rendered_session_decodes_to_the_same_row(row in session()) {
        let json = render(&row);
        let back: Session = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(format!("{e}\n{json}")))?;
        prop_assert_eq!(&back, &row);
        // validation is total: it may fail, it must not panic
        let _ = back.validate(dataverse_model::Operation::Create);
    }

    #[test]
    fn a_rendered_sales_session_decodes_to_the_same_row(row in sales_session()) {
        let json = render(&row);
        let back: SalesSession = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(format!("{e}\n{json}")))?;
        prop_assert_eq!(&back, &row);
    }

    #[test]
    fn a_rendered_row_of_every_kind_decodes_to_the_same_row(row in all_kinds()) {
        let json = render(&row);
        let back: AllKinds = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(format!("{e}\n{json}")))?;
        prop_assert_eq!(&back, &row);
    }

    #[test]
    fn a_rendered_page_decodes_to_the_same_page(
        value in proptest::collection::vec(session(), 0..4),
        context in option::of(text()),
        next_link in option::of(text()),
        delta_link in option::of(text()),
        count in option::of(any::<u64>()),
    ) {
        let page = Page { context, value, next_link, delta_link, count };
        let json = serde_json::to_string(&page).unwrap();
        let back: Page<Session> = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(format!("{e}\n{json}")))?;
        prop_assert_eq!(back, page);
    }

    #[test]
    fn any_choice_value_survives_decode_and_encode(value in any::<i32>()) {
        let json = value.to_string();
        let base: SessionEventReason = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(base.value(), value);
        prop_assert_eq!(serde_json::to_string(&base).unwrap(), json.clone());
        let sales: SalesSessionEventReason = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(serde_json::to_string(&sales).unwrap(), json.clone());
        let status: SessionStatus = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(serde_json::to_string(&status).unwrap(), json);
        // and through a row
        let row = AllKinds { sample_reason: Some(base), sample_salesreason: Field::Value(sales), ..AllKinds::default() };
        let back: AllKinds = serde_json::from_str(&render(&row)).unwrap();
        prop_assert_eq!(back, row);
    }

    #[test]
    fn any_choice_displays_and_parses_back(value in int()) {
        let base = SessionEventReason::from_value(value);
        prop_assert_eq!(base.to_string().parse::<SessionEventReason>(), Ok(base));
        let sales = SalesSessionEventReason::from_value(value);
        prop_assert_eq!(sales.to_string().parse::<SalesSessionEventReason>(), Ok(sales));
    }

    #[test]
    fn choices_format_and_parse_round_trip(set in choices(), spaces in "[ \t]{0,2}") {
        let wire = set.to_string();
        prop_assert_eq!(wire.parse::<Choices<SessionEventReason>>(), Ok(set.clone()));
        // the read side also accepts white space around each value
        let spaced = set.iter().map(|c| format!("{spaces}{}{spaces}", c.value())).collect::<Vec<_>>().join(",");
        prop_assert_eq!(spaced.parse::<Choices<SessionEventReason>>(), Ok(set.clone()));
        // JSON: a string, or null for the empty set
        let json = serde_json::to_string(&set).unwrap();
        prop_assert_eq!(serde_json::from_str::<Choices<SessionEventReason>>(&json).unwrap(), set);
    }

    #[test]
    fn parsing_any_text_as_choices_is_total_and_stable(text in any::<String>()) {
        if let Ok(set) = text.parse::<Choices<SessionEventReason>>() {
            prop_assert_eq!(set.to_string().parse::<Choices<SessionEventReason>>(), Ok(set));
        }
        let _ = text.parse::<SessionEventReason>();
    }
}

/// Found by `a_rendered_row_of_every_kind_decodes_to_the_same_row`: without serde_json's
/// `float_roundtrip`, this float read back one bit off.
#[test]
fn a_float_reads_back_to_the_same_bits() {
    for value in [-7.610416432227591e-230, 5e-324, f64::MAX, 0.1 + 0.2] {
        let row = AllKinds {
            sample_ratio: Some(value),
            ..AllKinds::default()
        };
        let back: AllKinds = serde_json::from_str(&render(&row)).unwrap();
        assert_eq!(back.sample_ratio.map(f64::to_bits), Some(value.to_bits()));
    }
}

//! One column's plan: its doc, range, default and Boolean labels, from the saved attribute.

use dataverse_model::ColumnKind;

use super::ColumnPlan;
use super::text::{doc_lines, number_text};
use crate::input::Attribute;
use crate::naming::field_name;

/// The column a saved attribute of `kind` declares (its choice or lookup type is filled in
/// by the table).
pub(super) fn column_plan(attribute: &Attribute, kind: ColumnKind) -> ColumnPlan {
    let read_only = attribute.is_valid_for_create == Some(false)
        && attribute.is_valid_for_update == Some(false);
    let mut doc = doc_lines(attribute.description.text());
    let mut facts = vec![attribute.attribute_type.clone().unwrap_or_default()];
    if attribute.required_level() != "None" {
        facts.push(attribute.required_level().to_owned());
    }
    if read_only {
        facts.push("read-only".to_owned());
    }
    if !doc.is_empty() {
        doc.push(String::new());
    }
    doc.push(format!(
        "`{}`: {}.",
        attribute.schema_name,
        facts.join(", ")
    ));
    let (min, max) = match kind {
        // the type's own range is no constraint
        ColumnKind::Integer | ColumnKind::BigInt => {
            let (lo, hi) = if kind == ColumnKind::Integer {
                (i64::from(i32::MIN), i64::from(i32::MAX))
            } else {
                (i64::MIN, i64::MAX)
            };
            (
                attribute
                    .min_value
                    .as_ref()
                    .filter(|n| n.as_i64() != Some(lo)),
                attribute
                    .max_value
                    .as_ref()
                    .filter(|n| n.as_i64() != Some(hi)),
            )
        }
        ColumnKind::Decimal | ColumnKind::Money | ColumnKind::Float => {
            (attribute.min_value.as_ref(), attribute.max_value.as_ref())
        }
        _ => (None, None),
    };
    ColumnPlan {
        logical_name: attribute.logical_name.clone(),
        field: field_name(&attribute.logical_name),
        kind,
        type_ref: None,
        doc,
        required_level: attribute.required_level().to_owned(),
        default: column_default(attribute, kind),
        boolean_labels: boolean_labels(attribute, kind),
        read_only,
        max_length: attribute.max_length.filter(|_| {
            kind == ColumnKind::Text && attribute.attribute_type.as_deref() != Some("EntityName")
        }),
        min: min.map(number_text),
        max: max.map(number_text),
        precision: attribute
            .precision
            .filter(|_| matches!(kind, ColumnKind::Decimal | ColumnKind::Money)),
    }
}

/// The default a column declares: a Boolean's `DefaultValue`, or a choice's
/// `DefaultFormValue` when it is one of the column's options (`-1` is none).
fn column_default(attribute: &Attribute, kind: ColumnKind) -> Option<String> {
    match kind {
        ColumnKind::Boolean => attribute
            .default_value
            .as_ref()
            .and_then(serde_json::Value::as_bool)
            .map(|value| value.to_string()),
        ColumnKind::Choice | ColumnKind::MultiChoice => {
            let value = attribute.default_form_value?;
            let set = attribute
                .option_set
                .as_ref()
                .or(attribute.global_option_set.as_ref())?;
            set.options
                .iter()
                .any(|o| o.value == value)
                .then(|| value.to_string())
        }
        _ => None,
    }
}

/// A Boolean column's two labels (true, false) in every language, when the metadata has
/// its option set.
fn boolean_labels(attribute: &Attribute, kind: ColumnKind) -> Option<[Vec<(u32, String)>; 2]> {
    if kind != ColumnKind::Boolean {
        return None;
    }
    let set = attribute.option_set.as_ref()?;
    let labels = |option: &Option<crate::input::OptionValue>| -> Option<Vec<(u32, String)>> {
        let all = option.as_ref()?.label.all();
        (!all.is_empty()).then(|| all.into_iter().map(|(l, t)| (l, t.to_owned())).collect())
    };
    Some([labels(&set.true_option)?, labels(&set.false_option)?])
}

//! Free-form values of the reference: as spec text, and as report lines when they have
//! no place in the spec.

use serde_yaml::Value;

use super::reference::Ordered;
use crate::import::report::Findings;

/// How much of a value a report line shows.
const SHOWN_CHARS: usize = 60;

/// A value as the spec writes examples and defaults: text as it is, numbers and
/// booleans as JSON writes them, lists and objects as compact JSON. `null` is no value.
pub fn text(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(text) => Some(text.clone()),
        Value::Bool(flag) => Some(flag.to_string()),
        Value::Number(number) => Some(number.to_string()),
        other => serde_json::to_string(other).ok(),
    }
}

/// A value as a report line shows it: compact JSON, cut short.
pub fn shown(value: &Value) -> String {
    let json = serde_json::to_string(value).unwrap_or_default();
    if json.chars().count() > SHOWN_CHARS {
        let cut: String = json.chars().take(SHOWN_CHARS).collect();
        format!("{cut}...")
    } else {
        json
    }
}

/// Reports every key of `other`, the keys of the node at `at` that the importer does
/// not know, as having no place in the spec format.
pub fn report_unknown(other: &Ordered<Value>, at: &str, findings: &mut Findings) {
    for (key, value) in other.iter() {
        findings.push(at, key, format!("no place in the spec format ({})", shown(value)));
    }
}

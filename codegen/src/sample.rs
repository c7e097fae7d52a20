//! A sample success answer for each method, built from its response fields: what a
//! fake Slack server answers when a test scripts nothing else. Every required field
//! gets a placeholder of its type; optional fields are left out. Keys come out sorted,
//! so the sample is the same from run to run.

use serde_json::{Map, Value, json};

use crate::spec::model::{ExampleSpec, FieldSpec, ValueType};

/// The sample answer of a method whose response has `fields`, in compact JSON.
pub fn sample_response(fields: &[FieldSpec], paginated: bool) -> String {
    let mut body = Map::new();
    body.insert("ok".to_owned(), Value::Bool(true));
    body.extend(required_fields(fields));
    if paginated {
        body.insert("response_metadata".to_owned(), json!({"next_cursor": ""}));
    }
    Value::Object(body).to_string()
}

/// The success examples of a method's page (bodies whose `ok` is true), in compact
/// JSON: real answers a fake server can send, and a test decodes.
pub fn success_examples(examples: &[ExampleSpec]) -> Vec<String> {
    examples
        .iter()
        .filter_map(|example| serde_json::from_str::<Value>(&example.body).ok())
        .filter(|body| body.get("ok") == Some(&Value::Bool(true)))
        .map(|body| body.to_string())
        .collect()
}

fn required_fields(fields: &[FieldSpec]) -> Map<String, Value> {
    fields.iter().filter(|field| field.required).map(|field| (field.name.clone(), field_value(field))).collect()
}

fn field_value(field: &FieldSpec) -> Value {
    if field.map {
        return Value::Object(Map::new());
    }
    if field.list.is_some() {
        return Value::Array(Vec::new());
    }
    match field.ty {
        ValueType::Object => Value::Object(required_fields(&field.fields)),
        ValueType::Json => json!({}),
        ValueType::Boolean => Value::Bool(false),
        ValueType::Integer => json!(0),
        ValueType::Number => json!(0.0),
        ValueType::Timestamp => json!("1700000000.000100"),
        ValueType::UserId => json!("U0000000000"),
        ValueType::ChannelId => json!("C0000000000"),
        ValueType::TeamId => json!("T0000000000"),
        ValueType::EnterpriseId => json!("E0000000000"),
        ValueType::AppId => json!("A0000000000"),
        ValueType::BotId => json!("B0000000000"),
        ValueType::FileId => json!("F0000000000"),
        ValueType::UsergroupId => json!("S0000000000"),
        ValueType::TriggerId => json!("1700000000.0000000000.00000000000000000000000000000000"),
        ValueType::Token | ValueType::String | ValueType::Cursor | ValueType::Secret => json!(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(yaml: &str) -> FieldSpec {
        serde_yaml::from_str(yaml).unwrap()
    }

    #[test]
    fn required_fields_get_placeholders_and_optional_ones_are_left_out() {
        let fields = [
            field("{name: channel, type: channel_id, required: true}"),
            field("{name: ts, type: timestamp}"),
            field("{name: members, type: user_id, list: array, required: true}"),
            field(
                "{name: purpose, type: object, required: true, fields: [{name: value, type: string, required: true}, {name: creator, type: user_id}]}",
            ),
        ];
        assert_eq!(
            sample_response(&fields, true),
            r#"{"channel":"C0000000000","members":[],"ok":true,"purpose":{"value":""},"response_metadata":{"next_cursor":""}}"#
        );
        assert_eq!(sample_response(&[], false), r#"{"ok":true}"#);
    }
}

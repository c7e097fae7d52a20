//! The arguments of a request, as the fake read them.

use std::fmt;

use serde_json::Value;

/// A request's arguments by name, in the order they came: from the query string, then
/// the body.
///
/// Values from a form body or a query string are JSON strings; those of a JSON body are
/// as sent. The credential `token` is not an argument (only a method whose spec lists a
/// `token` argument of its own, such as `oauth.v2.exchange`, has one). `Debug` output
/// hides the values of secrets: `token`, `…_token`, `…_secret`.
#[derive(Clone, Default, PartialEq)]
pub struct Arguments(Vec<(String, Value)>);

impl Arguments {
    /// The value of the argument `name` (the last one, if it came more than once).
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(key, _)| key == name).map(|(_, value)| value)
    }

    /// The argument `name` as text, when it is a string.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.get(name).and_then(Value::as_str)
    }

    /// The argument `name` as a list: a comma-separated string split at its commas, or
    /// the strings of a JSON array. Empty when the argument is absent.
    pub fn list(&self, name: &str) -> Vec<&str> {
        match self.get(name) {
            Some(Value::String(text)) => text.split(',').map(str::trim).filter(|item| !item.is_empty()).collect(),
            Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        }
    }

    /// Whether the argument `name` was sent.
    pub fn contains(&self, name: &str) -> bool {
        self.0.iter().any(|(key, _)| key == name)
    }

    /// Every argument, in the order they came.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(name, value)| (name.as_str(), value))
    }

    /// How many arguments came.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no argument came.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Cuts every text value to at most `cap` bytes (for the record of a body over it).
    pub(crate) fn cut_texts(&mut self, cap: usize) {
        for (_, value) in &mut self.0 {
            crate::log::cut_value(value, cap);
        }
    }

    pub(crate) fn push(&mut self, name: String, value: Value) {
        self.0.push((name, value));
    }
}

/// Whether an argument holds a secret, hidden in `Debug` output and the control API:
/// `token` (an argument of `oauth.v2.exchange`), `refresh_token`, `client_secret`, the
/// OAuth `code` and the like, by the runtime's one rule.
pub(crate) use typed_slack_runtime::is_secret_name as is_secret;

impl fmt::Debug for Arguments {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for (name, value) in &self.0 {
            if is_secret(name) {
                map.entry(name, &format_args!("<redacted>"));
            } else {
                // Values as JSON: `{"channel": "C1", "blocks": [{"type":"divider"}]}`.
                map.entry(name, &format_args!("{value}"));
            }
        }
        map.finish()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn reads_text_lists_and_the_last_of_repeated_names() {
        let mut arguments = Arguments::default();
        arguments.push("scopes".into(), json!("a, b,,c"));
        arguments.push("users".into(), json!(["U1", "U2"]));
        arguments.push("limit".into(), json!("1"));
        arguments.push("limit".into(), json!("2"));
        assert_eq!(arguments.list("scopes"), ["a", "b", "c"]);
        assert_eq!(arguments.list("users"), ["U1", "U2"]);
        assert_eq!(arguments.text("limit"), Some("2"));
        assert_eq!(arguments.text("users"), None);
        assert!(arguments.list("absent").is_empty());
        assert_eq!(format!("{arguments:?}").matches("limit").count(), 2);
        arguments.push("client_secret".into(), json!("s3cr3t"));
        assert!(format!("{arguments:?}").ends_with(r#""client_secret": <redacted>}"#), "{arguments:?}");
        assert!(format!("{arguments:?}").starts_with(r#"{"scopes": "a, b,,c", "users": ["U1","U2"]"#), "{arguments:?}");
    }
}

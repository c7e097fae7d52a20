//! The `examples` of a reference file: example response bodies.

use serde::Serialize;
use serde_json::ser::{PrettyFormatter, Serializer};
use serde_yaml::Value;

use super::reference::{Example, Ordered};
use super::values::report_unknown;
use crate::import::report::Findings;
use crate::import::text::NOT_DOCUMENTED;
use crate::spec::model::ExampleSpec;

/// How Slack's pages indent example bodies.
const INDENT: &[u8] = b"    ";

/// The examples whose body is JSON, in the reference's order; the others are reported.
pub fn examples(examples: &Ordered<Example>, at: &str, findings: &mut Findings) -> Vec<ExampleSpec> {
    let mut specs = Vec::new();
    for (name, example) in examples.iter() {
        let example_at = format!("{at}.{name}");
        report_unknown(&example.other, &example_at, findings);
        let Some(body) = body(example.example.as_ref(), &example_at, findings) else { continue };
        let description = match example.description.as_deref().map(str::trim) {
            Some(description) if !description.is_empty() => description.to_owned(),
            _ => {
                findings.push(&example_at, "description", format!("missing; described as \"{NOT_DOCUMENTED}\""));
                NOT_DOCUMENTED.to_owned()
            }
        };
        specs.push(ExampleSpec { description, body });
    }
    specs
}

/// The body, pretty-printed as Slack's pages show it; `None` (reported) when it is
/// missing, empty or not JSON.
fn body(example: Option<&Value>, at: &str, findings: &mut Findings) -> Option<String> {
    let parsed;
    let value = match example {
        None | Some(Value::Null) => {
            findings.push(at, "example", "no body; the example is skipped");
            return None;
        }
        Some(Value::String(text)) if text.trim().is_empty() => {
            findings.push(at, "example", "an empty body; the example is skipped");
            return None;
        }
        Some(Value::String(text)) => match serde_json::from_str::<Value>(text) {
            Ok(value) => {
                parsed = value;
                &parsed
            }
            Err(error) => {
                findings.push(at, "example", format!("the body is not JSON ({error}); the example is skipped"));
                return None;
            }
        },
        Some(value) => value,
    };
    match pretty(value) {
        Ok(text) => Some(text),
        Err(error) => {
            findings.push(
                at,
                "example",
                format!("the body cannot be written as JSON ({error}); the example is skipped"),
            );
            None
        }
    }
}

/// `value` as JSON indented by four spaces, ending with a line break.
fn pretty(value: &Value) -> Result<String, serde_json::Error> {
    let mut out = Vec::new();
    value.serialize(&mut Serializer::with_formatter(&mut out, PrettyFormatter::with_indent(INDENT)))?;
    out.push(b'\n');
    Ok(String::from_utf8_lossy(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_keep_their_key_order_and_slacks_indentation() {
        let value: Value = serde_json::from_str(r#"{"ok": true, "channel": "C1", "a": [1, 2.5]}"#).unwrap();
        assert_eq!(
            pretty(&value).unwrap(),
            "{\n    \"ok\": true,\n    \"channel\": \"C1\",\n    \"a\": [\n        1,\n        2.5\n    ]\n}\n"
        );
    }
}

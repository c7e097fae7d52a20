//! Deserializes one spec file and reports every structural problem in it, not only
//! the first one serde meets.
//!
//! The YAML is parsed once into a `serde_yaml::Value`, then deserialized with
//! serde_path_to_error so that each error knows the path of the value at fault. After
//! an error the faulty part is set aside (a list item is dropped, a top-level value is
//! replaced by a valid stand-in) and deserialization runs again, until the file
//! deserializes or no progress can be made. The stand-ins only let the search go on:
//! a file with any structural problem is never generated from.

use serde::de::DeserializeOwned;
use serde_path_to_error::Segment;
use serde_yaml::{Mapping, Value};

use super::locate::Locator;
use crate::diagnostics::{Diagnostic, Location};

/// How many problems one file may report before the rest are left for the next run.
const MAX_PROBLEMS_PER_FILE: usize = 50;

/// A minimal valid document of a kind of spec file, whose top-level values stand in
/// for faulty or missing ones.
pub trait StandIn {
    /// The document, in YAML.
    const STAND_IN: &'static str;
}

/// Deserializes `text`, or returns every problem found in it.
pub fn deserialize<T: DeserializeOwned + StandIn>(
    file: &str,
    text: &str,
    locator: &Locator,
) -> Result<T, Vec<Diagnostic>> {
    let mut document: Value = match serde_yaml::from_str(text) {
        Ok(Value::Null) => return Err(vec![Diagnostic::new(file, Location::START, "the file is empty")]),
        Ok(document) => document,
        Err(error) => return Err(vec![yaml_syntax_problem(file, &error)]),
    };
    let stand_in: Value = serde_yaml::from_str(T::STAND_IN).unwrap_or(Value::Null);
    let mut removed = RemovedItems::default();
    let mut problems = Vec::new();
    loop {
        match serde_path_to_error::deserialize::<_, T>(document.clone()) {
            Ok(value) if problems.is_empty() => return Ok(value),
            Ok(_) => return Err(problems),
            Err(error) => {
                let segments: Vec<Segment> = error.path().iter().cloned().collect();
                let original = removed.original_path(&segments);
                let message = humanize(&error.into_inner().to_string());
                problems.push(locate(file, locator, &original, &message));
                if problems.len() >= MAX_PROBLEMS_PER_FILE
                    || !set_aside(&mut document, &segments, &original, &message, &stand_in, &mut removed)
                {
                    return Err(problems);
                }
            }
        }
    }
}

/// The list items dropped so far, by the original path of their list, so that later
/// errors still point at the original positions.
#[derive(Debug, Default)]
struct RemovedItems(std::collections::HashMap<String, Vec<usize>>);

impl RemovedItems {
    /// `segments` (indices as in the edited document) with indices as in the file.
    fn original_path(&self, segments: &[Segment]) -> Vec<Segment> {
        let mut original = Vec::with_capacity(segments.len());
        for segment in segments {
            let segment = match segment {
                Segment::Seq { index } => {
                    let list = dotted(&original);
                    let dropped = self.0.get(&list).map(Vec::as_slice).unwrap_or_default();
                    Segment::Seq { index: nth_kept(*index, dropped) }
                }
                other => other.clone(),
            };
            original.push(segment);
        }
        original
    }

    fn record(&mut self, original_list_path: String, original_index: usize) {
        let dropped = self.0.entry(original_list_path).or_default();
        dropped.push(original_index);
        dropped.sort_unstable();
    }
}

/// The original index of the `index`-th item still kept, `dropped` being sorted.
fn nth_kept(index: usize, dropped: &[usize]) -> usize {
    let mut original = index;
    for &gone in dropped {
        if gone <= original {
            original += 1;
        }
    }
    original
}

/// A YAML syntax error, at the position serde_yaml gives, without the position it
/// repeats in its message.
pub fn yaml_syntax_problem(file: &str, error: &serde_yaml::Error) -> Diagnostic {
    let location =
        error.location().map(|at| Location { line: at.line(), column: at.column() }).unwrap_or(Location::START);
    Diagnostic::new(file, location, without_position(&error.to_string()))
}

/// Drops the ` at line N column M` that serde_yaml writes into its messages.
fn without_position(message: &str) -> String {
    let Some(start) = message.find(" at line ") else { return message.to_owned() };
    let after_line = message[start + " at line ".len()..].trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = after_line
        .strip_prefix(" column ")
        .map_or(after_line, |after| after.trim_start_matches(|c: char| c.is_ascii_digit()));
    format!("{}{rest}", &message[..start])
}

/// Rewords what serde says in terms of its own types into terms of the spec format.
fn humanize(message: &str) -> String {
    let message = message.replace("expected a Value::Tagged enum", "expected one of the names spec/README.md lists");
    match message.find("expected struct ") {
        Some(at) => format!("{}expected a mapping", &message[..at]),
        None => message,
    }
}

/// The dotted locator path of `segments` (`arguments.2.type`).
fn dotted(segments: &[Segment]) -> String {
    let parts: Vec<String> = segments
        .iter()
        .filter_map(|segment| match segment {
            Segment::Seq { index } => Some(index.to_string()),
            Segment::Map { key } => Some(key.clone()),
            Segment::Enum { .. } | Segment::Unknown => None,
        })
        .collect();
    parts.join(".")
}

fn locate(file: &str, locator: &Locator, segments: &[Segment], message: &str) -> Diagnostic {
    let path = dotted(segments);
    let location = if message.starts_with("unknown field") { locator.find_key(&path) } else { locator.find(&path) };
    let prefix = if path.is_empty() { String::new() } else { format!("{path}: ") };
    let diagnostic = Diagnostic::new(file, location, format!("{prefix}{message}"));
    match hint(message) {
        Some(hint) => diagnostic.with_hint(hint),
        None => diagnostic,
    }
}

fn hint(message: &str) -> Option<&'static str> {
    if message.starts_with("unknown field") {
        Some("check the spelling; spec/README.md lists every key")
    } else if message.starts_with("unknown variant") {
        Some("use one of the values listed")
    } else if message.starts_with("missing field") {
        Some("add it; spec/README.md shows an example")
    } else {
        None
    }
}

/// Sets the faulty part of `document` aside so that deserialization can go on.
/// Returns false when nothing could be set aside.
fn set_aside(
    document: &mut Value,
    segments: &[Segment],
    original: &[Segment],
    message: &str,
    stand_in: &Value,
    removed: &mut RemovedItems,
) -> bool {
    // Inside a list: drop the item, so that its siblings are still checked.
    if let Some(last_seq) = segments.iter().rposition(|segment| matches!(segment, Segment::Seq { .. })) {
        let (Segment::Seq { index }, Segment::Seq { index: original_index }) =
            (&segments[last_seq], &original[last_seq])
        else {
            return false;
        };
        return match value_at(document, &segments[..last_seq]).and_then(Value::as_sequence_mut) {
            Some(items) if *index < items.len() => {
                items.remove(*index);
                removed.record(dotted(&original[..last_seq]), *original_index);
                true
            }
            _ => false,
        };
    }
    let Some(root) = document.as_mapping_mut() else { return false };
    let key = match segments.first() {
        Some(Segment::Map { key }) => key.clone(),
        // At the top level itself: a missing field gets its stand-in.
        _ => match missing_field(message) {
            Some(key) => key.to_owned(),
            None => return false,
        },
    };
    replace_with_stand_in(root, &key, stand_in)
}

fn replace_with_stand_in(root: &mut Mapping, key: &str, stand_in: &Value) -> bool {
    let key = Value::String(key.to_owned());
    match stand_in.get(&key) {
        Some(value) if root.get(&key) != Some(value) => {
            root.insert(key, value.clone());
            true
        }
        Some(_) => false,
        None => root.remove(&key).is_some(),
    }
}

fn missing_field(message: &str) -> Option<&str> {
    message.strip_prefix("missing field `")?.split('`').next()
}

fn value_at<'a>(document: &'a mut Value, segments: &[Segment]) -> Option<&'a mut Value> {
    let mut value = document;
    for segment in segments {
        value = match segment {
            Segment::Seq { index } => value.as_sequence_mut()?.get_mut(*index)?,
            Segment::Map { key } => value.as_mapping_mut()?.get_mut(key.as_str())?,
            Segment::Enum { .. } | Segment::Unknown => value,
        };
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_indices_back_past_dropped_items() {
        assert_eq!(nth_kept(0, &[0]), 1);
        assert_eq!(nth_kept(0, &[0, 1]), 2);
        assert_eq!(nth_kept(1, &[0, 2]), 3);
        assert_eq!(nth_kept(2, &[5]), 2);
    }

    #[test]
    fn speaks_of_the_format_not_of_rust_types() {
        assert_eq!(
            humanize("invalid type: integer `1`, expected a Value::Tagged enum"),
            "invalid type: integer `1`, expected one of the names spec/README.md lists"
        );
        assert_eq!(
            humanize("invalid type: string \"x\", expected struct CodeSpec"),
            "invalid type: string \"x\", expected a mapping"
        );
    }

    #[test]
    fn drops_positions_from_messages() {
        assert_eq!(
            without_position("did not find ',' at line 3 column 1, while parsing"),
            "did not find ',', while parsing"
        );
        assert_eq!(without_position("bad thing at line 12 column 40"), "bad thing");
        assert_eq!(without_position("no position"), "no position");
    }
}

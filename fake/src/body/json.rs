//! A JSON body's members, in the order they were sent.

use std::fmt;

use serde::Deserialize;
use serde::de::{MapAccess, Visitor};
use serde_json::Value;

/// Why a JSON body gives no members.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum InvalidJson {
    /// It does not parse.
    Syntax,
    /// It parses, but is not an object.
    NotAnObject,
}

/// The members of the object `text`, in order (a `serde_json::Map` would sort them).
pub(crate) fn members(text: &str) -> Result<Vec<(String, Value)>, InvalidJson> {
    match serde_json::from_str::<Value>(text).map_err(|_| InvalidJson::Syntax)? {
        Value::Object(_) => {
            serde_json::from_str::<Members>(text).map(|members| members.0).map_err(|_| InvalidJson::Syntax)
        }
        _ => Err(InvalidJson::NotAnObject),
    }
}

struct Members(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Members {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(MembersVisitor)
    }
}

struct MembersVisitor;

impl<'de> Visitor<'de> for MembersVisitor {
    type Value = Members;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members, A::Error> {
        let mut members = Vec::new();
        while let Some(member) = map.next_entry::<String, Value>()? {
            members.push(member);
        }
        Ok(Members(members))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn keeps_the_order_members_came_in() {
        let members = members(r#"{"text":"hi","channel":"C1","blocks":[]}"#).unwrap();
        let names: Vec<&str> = members.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["text", "channel", "blocks"]);
        assert_eq!(members[2].1, json!([]));
    }

    #[test]
    fn tells_bad_syntax_from_other_values() {
        assert_eq!(members("{"), Err(InvalidJson::Syntax));
        assert_eq!(members("[1]"), Err(InvalidJson::NotAnObject));
        assert_eq!(members("\"text\""), Err(InvalidJson::NotAnObject));
    }
}

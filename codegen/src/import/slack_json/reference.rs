//! One file of Slack's machine-readable method reference (`slack-api/methods/*.json`),
//! as serde types.
//!
//! Every key the importer knows has a field; any other key lands in an `other` map, so
//! that it is reported rather than lost. Maps keep the order of the file (arguments and
//! response fields are listed as Slack lists them), and free-form values are read into
//! `serde_yaml::Value`, whose mappings keep their order too: serde_json's own `Value`
//! sorts keys unless a crate-wide feature is turned on.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde_yaml::Value;

/// A method file.
#[derive(Debug, Deserialize)]
pub struct MethodReference {
    /// What the method does: a one-liner, sometimes a few sentences.
    pub desc: Option<String>,
    /// `GET` or `POST`.
    pub http_method: Option<String>,
    /// The scopes each token type needs (`bot`, `user`), or `"none"`.
    pub scope: Option<Scope>,
    /// `t1`..`t4`, `t5` for special limits, or a sentence.
    pub rate_limits: Option<String>,
    /// Whether the method accepts a JSON body.
    pub json_input_supported: Option<bool>,
    /// Whether the method is deprecated.
    pub deprecated: Option<bool>,
    /// The arguments: a JSON Schema object.
    pub args: Option<Schema>,
    /// The success response: a JSON Schema object.
    pub output: Option<Schema>,
    /// The method's error codes, by code.
    pub errors: Option<Ordered<CodeEntry>>,
    /// The method's warning codes, by code.
    pub warnings: Option<Ordered<CodeEntry>>,
    /// Example responses, by name (`success`, `error`, ...).
    pub examples: Option<Ordered<Example>>,
    /// Every other key.
    #[serde(flatten)]
    pub other: Ordered<Value>,
}

/// The `scope` key.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Scope {
    /// Scopes by token type.
    ByTokenType(Ordered<Vec<String>>),
    /// Anything else (`"none"`).
    Other(Value),
}

/// A node of Slack's JSON Schema: an argument, a response field, or a container of them.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Schema {
    /// `string`, `boolean`, `integer`, `number`, `array`, `object`, `null`, or a list
    /// of them.
    #[serde(rename = "type")]
    pub ty: Option<TypeNames>,
    /// A finer type: `channel`, `user`, `timestamp`, `auth` (the token), ...
    pub subtype: Option<String>,
    /// A reference to a named schema: an ID (`user_id`) or an object (`conversation`).
    pub schema: Option<String>,
    /// The description.
    pub desc: Option<String>,
    /// The description, as a few response nodes spell it.
    pub description: Option<String>,
    /// An example value.
    pub example: Option<Value>,
    /// The value assumed when none is given.
    pub default: Option<Value>,
    /// The only values accepted.
    #[serde(rename = "enum")]
    pub values: Option<Vec<Value>>,
    /// Alternatives, one of which applies.
    pub any_of: Option<Vec<Schema>>,
    /// Alternatives, exactly one of which applies.
    pub one_of: Option<Vec<Schema>>,
    /// Schemas that all apply.
    pub all_of: Option<Vec<Schema>>,
    /// For an array: its items.
    pub items: Option<Box<Schema>>,
    /// For an object: its members, in order.
    pub properties: Option<Ordered<Schema>>,
    /// For an object used as a map: its values, by key pattern.
    pub pattern_properties: Option<Ordered<Schema>>,
    /// For an object: the members always present.
    pub required: Option<Vec<String>>,
    /// Every other key.
    #[serde(flatten)]
    pub other: Ordered<Value>,
}

/// The `type` key: one type name or several.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum TypeNames {
    /// One type.
    One(String),
    /// Any of these types.
    Any(Vec<String>),
}

impl TypeNames {
    /// The type names, `null` included.
    pub fn names(&self) -> Vec<&str> {
        match self {
            Self::One(name) => vec![name.as_str()],
            Self::Any(names) => names.iter().map(String::as_str).collect(),
        }
    }
}

/// An error or warning.
#[derive(Debug, Deserialize)]
pub struct CodeEntry {
    /// What it means.
    pub desc: Option<String>,
    /// Every other key.
    #[serde(flatten)]
    pub other: Ordered<Value>,
}

/// An example response.
#[derive(Debug, Deserialize)]
pub struct Example {
    /// What it shows.
    pub description: Option<String>,
    /// The body: JSON, or a string holding it.
    pub example: Option<Value>,
    /// Every other key.
    #[serde(flatten)]
    pub other: Ordered<Value>,
}

/// A JSON object read into its entries, in the order of the file.
#[derive(Debug)]
pub struct Ordered<T>(pub Vec<(String, T)>);

impl<T> Default for Ordered<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<T> Ordered<T> {
    /// The entries, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &T)> {
        self.0.iter().map(|(key, value)| (key.as_str(), value))
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&T> {
        self.iter().find(|(name, _)| *name == key).map(|(_, value)| value)
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Ordered<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for EntriesVisitor<T> {
            type Value = Ordered<T>;

            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("a JSON object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Ordered(entries))
            }
        }

        deserializer.deserialize_map(EntriesVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_order_of_the_file_and_the_unknown_keys() {
        let text = r#"{"desc": "d", "args": {"properties": {"z": {"type": "string"}, "a": {"minItems": 1}}},
            "familyName": "lists"}"#;
        let reference: MethodReference = serde_json::from_str(text).unwrap();
        let properties = reference.args.unwrap().properties.unwrap();
        let names: Vec<&str> = properties.iter().map(|(name, _)| name).collect();
        assert_eq!(names, ["z", "a"]);
        assert_eq!(properties.get("a").unwrap().other.iter().next().unwrap().0, "minItems");
        assert_eq!(reference.other.iter().next().unwrap().0, "familyName");
    }
}

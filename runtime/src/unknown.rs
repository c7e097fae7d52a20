//! The fields of an object that its type does not model, kept as Slack sent them.

use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

/// The fields of a Slack object or answer that its type does not model, and those
/// whose value was not of the documented type, as Slack sent them.
///
/// Every generated object and response has one, in its `unknown` field, so nothing
/// Slack sends is lost: serializing the value again writes them back beside the typed
/// fields. It also notes the required fields the object came without, which hold their
/// default and are not written back, so that serializing never adds a field either.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UnknownFields {
    fields: Map<String, Value>,
    missing: Vec<&'static str>,
}

impl UnknownFields {
    /// No field.
    pub fn new() -> Self {
        Self::default()
    }

    /// The value kept under `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.fields.get(key)
    }

    /// Whether a value is kept under `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.fields.contains_key(key)
    }

    /// Keeps `value` under `key`, answering the value kept there before.
    pub fn insert(&mut self, key: impl Into<String>, value: Value) -> Option<Value> {
        self.fields.insert(key.into(), value)
    }

    /// Takes the value kept under `key` out.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        self.fields.remove(key)
    }

    /// How many fields are kept.
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    /// Whether no field is kept.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// The kept fields, by key.
    pub fn iter(&self) -> serde_json::map::Iter<'_> {
        self.fields.iter()
    }

    /// The kept fields as a JSON map.
    pub fn as_map(&self) -> &Map<String, Value> {
        &self.fields
    }

    /// The kept fields as a JSON map, owned.
    pub fn into_map(self) -> Map<String, Value> {
        self.fields
    }

    /// The required fields the object came without: they hold their default, and
    /// serializing leaves them out.
    pub fn missing(&self) -> &[&'static str] {
        &self.missing
    }

    /// Notes that the object came without the required field `key`.
    pub fn note_missing(&mut self, key: &'static str) {
        if !self.missing.contains(&key) {
            self.missing.push(key);
        }
    }

    /// Whether serializing writes the typed field `key`: not when a value is kept under
    /// its key, nor when the object came without it.
    pub fn replaces(&self, key: &str) -> bool {
        self.fields.contains_key(key) || self.missing.contains(&key)
    }
}

impl From<Map<String, Value>> for UnknownFields {
    fn from(map: Map<String, Value>) -> Self {
        Self { fields: map, missing: Vec::new() }
    }
}

impl<'a> IntoIterator for &'a UnknownFields {
    type Item = (&'a String, &'a Value);
    type IntoIter = serde_json::map::Iter<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.fields.iter()
    }
}

/// The kept fields as a JSON object of their own.
impl Serialize for UnknownFields {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.fields.serialize(serializer)
    }
}

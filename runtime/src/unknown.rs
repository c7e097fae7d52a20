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
///
/// It is one pointer wide, and allocates only when something is kept: most objects
/// keep nothing, and every record has one.
#[derive(Debug, Clone, Default)]
pub struct UnknownFields(Option<Box<Kept>>);

/// Equal when they keep the same fields and miss the same ones, allocated or not.
impl PartialEq for UnknownFields {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter()) && self.missing() == other.missing()
    }
}

/// What an [`UnknownFields`] keeps, once it keeps anything.
#[derive(Debug, Clone, Default)]
struct Kept {
    fields: Map<String, Value>,
    missing: Vec<&'static str>,
}

/// The iterator over kept fields.
pub type Iter<'a> = std::iter::Flatten<std::option::IntoIter<serde_json::map::Iter<'a>>>;

impl UnknownFields {
    /// No field.
    pub const fn new() -> Self {
        Self(None)
    }

    fn kept(&mut self) -> &mut Kept {
        self.0.get_or_insert_with(Box::default)
    }

    /// The value kept under `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.as_ref()?.fields.get(key)
    }

    /// Whether a value is kept under `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.0.as_ref().is_some_and(|kept| kept.fields.contains_key(key))
    }

    /// Keeps `value` under `key`, answering the value kept there before.
    pub fn insert(&mut self, key: impl Into<String>, value: Value) -> Option<Value> {
        self.kept().fields.insert(key.into(), value)
    }

    /// Takes the value kept under `key` out.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        self.0.as_mut()?.fields.remove(key)
    }

    /// How many fields are kept.
    pub fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |kept| kept.fields.len())
    }

    /// Whether no field is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The kept fields, by key.
    pub fn iter(&self) -> Iter<'_> {
        self.0.as_ref().map(|kept| kept.fields.iter()).into_iter().flatten()
    }

    /// The kept fields as a JSON map, owned.
    pub fn into_map(self) -> Map<String, Value> {
        self.0.map(|kept| kept.fields).unwrap_or_default()
    }

    /// The required fields the object came without: they hold their default, and
    /// serializing leaves them out.
    pub fn missing(&self) -> &[&'static str] {
        self.0.as_ref().map_or(&[], |kept| kept.missing.as_slice())
    }

    /// Notes that the object came without the required field `key`.
    pub fn note_missing(&mut self, key: &'static str) {
        let missing = &mut self.kept().missing;
        if !missing.contains(&key) {
            missing.push(key);
        }
    }

    /// Whether serializing writes the typed field `key`: not when a value is kept under
    /// its key, nor when the object came without it.
    pub fn replaces(&self, key: &str) -> bool {
        self.0.as_ref().is_some_and(|kept| kept.fields.contains_key(key) || kept.missing.contains(&key))
    }
}

impl From<Map<String, Value>> for UnknownFields {
    fn from(fields: Map<String, Value>) -> Self {
        if fields.is_empty() { Self::new() } else { Self(Some(Box::new(Kept { fields, missing: Vec::new() }))) }
    }
}

impl<'a> IntoIterator for &'a UnknownFields {
    type Item = (&'a String, &'a Value);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// The kept fields as a JSON object of their own.
impl Serialize for UnknownFields {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn is_one_pointer_wide_and_allocates_only_what_it_keeps() {
        assert_eq!(std::mem::size_of::<UnknownFields>(), std::mem::size_of::<usize>());
        let mut unknown = UnknownFields::new();
        assert!(unknown.is_empty() && unknown.get("a").is_none() && !unknown.replaces("a"));
        assert_eq!(unknown.insert("a", json!(1)), None);
        assert_eq!((unknown.len(), unknown.get("a")), (1, Some(&json!(1))));
        assert!(unknown.replaces("a"));
    }

    #[test]
    fn equal_when_keeping_the_same_allocated_or_not() {
        let mut emptied = UnknownFields::new();
        emptied.insert("a", json!(1));
        assert_ne!(emptied, UnknownFields::new());
        assert_eq!(emptied.remove("a"), Some(json!(1)));
        assert_eq!(emptied, UnknownFields::new());
        let mut missing = UnknownFields::new();
        missing.note_missing("id");
        missing.note_missing("id");
        assert_eq!(missing.missing(), ["id"]);
        assert!(missing.replaces("id") && missing.is_empty());
        assert_ne!(missing, UnknownFields::new());
    }

    #[test]
    fn serializes_as_the_object_it_keeps() {
        let unknown = UnknownFields::from(json!({"b": [1], "a": null}).as_object().cloned().unwrap_or_default());
        assert_eq!(serde_json::to_value(&unknown).ok(), Some(json!({"a": null, "b": [1]})));
        assert_eq!(serde_json::to_value(UnknownFields::new()).ok(), Some(json!({})));
        assert_eq!(unknown.into_map().len(), 2);
    }
}

//! Decoding that never fails on shape: a value of another type than documented is
//! handed back as JSON, for the object holding it to keep.
//!
//! Every type a generated object or response holds implements [`Lenient`]: one hook
//! per kind of JSON value, each answering the typed value or, by default, the JSON it
//! was given. The value is read once, by one visitor, whatever its kind: nothing is
//! buffered to try a type and then another.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Serialize, Serializer};
use serde_json::{Number, Value};

/// What a lenient decode gives: the typed value, or the JSON that was not of the type.
pub type Outcome<T> = Result<T, Value>;

/// A type that decodes from any JSON value, handing back a value of another kind as
/// JSON instead of failing.
///
/// Each hook receives one kind of JSON value. The defaults answer it back as JSON:
/// a type overrides the hooks of the kinds it is made of.
pub trait Lenient: Sized {
    /// From `true` or `false`.
    fn from_bool(value: bool) -> Outcome<Self> {
        Err(Value::Bool(value))
    }

    /// From a negative integer.
    fn from_i64(value: i64) -> Outcome<Self> {
        Err(Value::from(value))
    }

    /// From a non-negative integer.
    fn from_u64(value: u64) -> Outcome<Self> {
        Err(Value::from(value))
    }

    /// From a number with a fraction or an exponent.
    fn from_f64(value: f64) -> Outcome<Self> {
        Err(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    /// From a string.
    fn from_str(value: &str) -> Outcome<Self> {
        Err(Value::String(value.to_owned()))
    }

    /// From an object.
    ///
    /// # Errors
    ///
    /// When the input is not valid JSON.
    fn from_map<'de, A: MapAccess<'de>>(map: A) -> Result<Outcome<Self>, A::Error> {
        Value::deserialize(MapAccessDeserializer::new(map)).map(Err)
    }

    /// From an array.
    ///
    /// # Errors
    ///
    /// When the input is not valid JSON.
    fn from_seq<'de, A: SeqAccess<'de>>(seq: A) -> Result<Outcome<Self>, A::Error> {
        Value::deserialize(SeqAccessDeserializer::new(seq)).map(Err)
    }
}

/// A value decoded leniently: `Deserialize` for any [`Lenient`] type, which never
/// fails on shape.
#[derive(Debug)]
pub struct Tolerant<T>(pub Outcome<T>);

impl<'de, T: Lenient> Deserialize<'de> for Tolerant<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LenientVisitor(PhantomData)).map(Tolerant)
    }
}

/// The one visitor behind [`Tolerant`]: it forwards each kind of value to its hook.
struct LenientVisitor<T>(PhantomData<T>);

impl<'de, T: Lenient> Visitor<'de> for LenientVisitor<T> {
    type Value = Outcome<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Self::Value, E> {
        Ok(T::from_bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Self::Value, E> {
        Ok(T::from_i64(value))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Self::Value, E> {
        Ok(T::from_u64(value))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Self::Value, E> {
        Ok(T::from_f64(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Self::Value, E> {
        Ok(T::from_str(value))
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Err(Value::Null))
    }

    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(Err(Value::Null))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        T::from_map(map)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        T::from_seq(seq)
    }
}

/// Decodes `T` strictly from a deserializer: the `Deserialize` of a generated type,
/// which must be of its kind at the top (an object for an object).
///
/// # Errors
///
/// When the input is not valid JSON, or not of the kind `T` is made of.
pub fn strict<'de, T: Lenient, D: Deserializer<'de>>(deserializer: D, expected: &str) -> Result<T, D::Error> {
    match Tolerant::<T>::deserialize(deserializer)?.0 {
        Ok(value) => Ok(value),
        Err(other) => Err(serde::de::Error::custom(format_args!("expected {expected}, found {}", kind(&other)))),
    }
}

/// The kind of a JSON value, as messages name it.
pub fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Lenient for Value {
    fn from_bool(value: bool) -> Outcome<Self> {
        Ok(Value::Bool(value))
    }

    fn from_i64(value: i64) -> Outcome<Self> {
        Ok(Value::from(value))
    }

    fn from_u64(value: u64) -> Outcome<Self> {
        Ok(Value::from(value))
    }

    fn from_f64(value: f64) -> Outcome<Self> {
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn from_str(value: &str) -> Outcome<Self> {
        Ok(Value::String(value.to_owned()))
    }

    fn from_map<'de, A: MapAccess<'de>>(map: A) -> Result<Outcome<Self>, A::Error> {
        Value::deserialize(MapAccessDeserializer::new(map)).map(Ok)
    }

    fn from_seq<'de, A: SeqAccess<'de>>(seq: A) -> Result<Outcome<Self>, A::Error> {
        Value::deserialize(SeqAccessDeserializer::new(seq)).map(Ok)
    }
}

impl Lenient for String {
    fn from_str(value: &str) -> Outcome<Self> {
        Ok(value.to_owned())
    }
}

impl Lenient for bool {
    fn from_bool(value: bool) -> Outcome<Self> {
        Ok(value)
    }
}

impl Lenient for i64 {
    fn from_i64(value: i64) -> Outcome<Self> {
        Ok(value)
    }

    fn from_u64(value: u64) -> Outcome<Self> {
        i64::try_from(value).map_err(|_| Value::from(value))
    }
}

/// A JSON number of any kind, as Slack wrote it: `5` stays `5` and `5.0` stays `5.0`.
impl Lenient for Number {
    fn from_i64(value: i64) -> Outcome<Self> {
        Ok(value.into())
    }

    fn from_u64(value: u64) -> Outcome<Self> {
        Ok(value.into())
    }

    fn from_f64(value: f64) -> Outcome<Self> {
        Number::from_f64(value).ok_or(Value::Null)
    }
}

impl<T: Lenient> Lenient for Box<T> {
    fn from_bool(value: bool) -> Outcome<Self> {
        T::from_bool(value).map(Box::new)
    }

    fn from_i64(value: i64) -> Outcome<Self> {
        T::from_i64(value).map(Box::new)
    }

    fn from_u64(value: u64) -> Outcome<Self> {
        T::from_u64(value).map(Box::new)
    }

    fn from_f64(value: f64) -> Outcome<Self> {
        T::from_f64(value).map(Box::new)
    }

    fn from_str(value: &str) -> Outcome<Self> {
        T::from_str(value).map(Box::new)
    }

    fn from_map<'de, A: MapAccess<'de>>(map: A) -> Result<Outcome<Self>, A::Error> {
        Ok(T::from_map(map)?.map(Box::new))
    }

    fn from_seq<'de, A: SeqAccess<'de>>(seq: A) -> Result<Outcome<Self>, A::Error> {
        Ok(T::from_seq(seq)?.map(Box::new))
    }
}

/// An array whose items are all of the type. One item of another kind makes the whole
/// array JSON, items already read included, so that their order is kept.
impl<T: Lenient + Serialize> Lenient for Vec<T> {
    fn from_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<Outcome<Self>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(Tolerant(item)) = seq.next_element::<Tolerant<T>>()? {
            match item {
                Ok(item) => items.push(item),
                Err(other) => {
                    let mut values: Vec<Value> = items.iter().map(to_json).collect();
                    values.push(other);
                    while let Some(value) = seq.next_element::<Value>()? {
                        values.push(value);
                    }
                    return Ok(Err(Value::Array(values)));
                }
            }
        }
        Ok(Ok(items))
    }
}

/// An object keyed by data (channel or user IDs), whose values are all of the type. One
/// value of another kind makes the whole object JSON, entries already read included.
impl<T: Lenient + Serialize> Lenient for BTreeMap<String, T> {
    fn from_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Outcome<Self>, A::Error> {
        let mut entries = BTreeMap::new();
        while let Some(key) = map.next_key::<String>()? {
            match map.next_value::<Tolerant<T>>()?.0 {
                Ok(value) => {
                    entries.insert(key, value);
                }
                Err(other) => {
                    let mut values: serde_json::Map<String, Value> =
                        entries.iter().map(|(key, value)| (key.clone(), to_json(value))).collect();
                    values.insert(key, other);
                    while let Some((key, value)) = map.next_entry::<String, Value>()? {
                        values.insert(key, value);
                    }
                    return Ok(Err(Value::Object(values)));
                }
            }
        }
        Ok(Ok(entries))
    }
}

/// A decoded value back as JSON. The generated types serialize to JSON objects with
/// string keys, which cannot fail.
fn to_json<T: Serialize>(value: &T) -> Value {
    value.serialize(serde_json::value::Serializer).unwrap_or(Value::Null)
}

/// The marker under which values kept as JSON serialize: a newtype struct, which JSON
/// serializers write as the value itself. A serializer of its own can tell kept values
/// from typed ones by it (the coverage test of the generated crate does).
pub const KEPT: &str = "typed_slack::kept";

/// A value kept as JSON, serialized under the [`KEPT`] marker.
pub struct Kept<'a, T: ?Sized>(pub &'a T);

impl<T: ?Sized> fmt::Debug for Kept<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Kept")
    }
}

impl<T: Serialize + ?Sized> Serialize for Kept<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_newtype_struct(KEPT, self.0)
    }
}

/// Implements [`Lenient`] for a string newtype with a `From<&str>`.
macro_rules! lenient_text {
    ($($name:ty),* $(,)?) => {
        $(impl $crate::lenient::Lenient for $name {
            fn from_str(value: &str) -> $crate::lenient::Outcome<Self> {
                Ok(<$name>::from(value))
            }
        })*
    };
}

pub(crate) use lenient_text;

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn decode<T: Lenient>(json: &str) -> Outcome<T> {
        serde_json::from_str::<Tolerant<T>>(json).unwrap_or_else(|error| panic!("{error}")).0
    }

    #[test]
    fn a_value_of_the_type_decodes_and_any_other_comes_back_as_json() {
        assert_eq!(decode::<String>(r#""a""#), Ok("a".to_owned()));
        assert_eq!(decode::<String>("12"), Err(json!(12)));
        assert_eq!(decode::<i64>("-3"), Ok(-3));
        assert_eq!(decode::<i64>("1.5"), Err(json!(1.5)));
        assert_eq!(decode::<i64>("18446744073709551615"), Err(json!(u64::MAX)));
        assert_eq!(decode::<bool>(r#"{"a":[1]}"#), Err(json!({"a": [1]})));
        assert_eq!(decode::<bool>("null"), Err(Value::Null));
    }

    #[test]
    fn numbers_keep_how_they_were_written() {
        assert_eq!(decode::<Number>("5").map(|n| n.to_string()), Ok("5".to_owned()));
        assert_eq!(decode::<Number>("5.0").map(|n| n.to_string()), Ok("5.0".to_owned()));
    }

    #[test]
    fn an_array_with_one_item_of_another_kind_is_kept_whole_in_order() {
        assert_eq!(decode::<Vec<i64>>("[1, 2]"), Ok(vec![1, 2]));
        assert_eq!(decode::<Vec<i64>>(r#"[1, "two", 3]"#), Err(json!([1, "two", 3])));
        assert_eq!(decode::<Vec<i64>>("{}"), Err(json!({})));
    }

    #[test]
    fn a_map_with_one_value_of_another_kind_is_kept_whole() {
        let map = decode::<BTreeMap<String, Vec<i64>>>(r#"{"C1": [1], "C2": []}"#);
        assert_eq!(map, Ok(BTreeMap::from([("C1".to_owned(), vec![1]), ("C2".to_owned(), vec![])])));
        assert_eq!(
            decode::<BTreeMap<String, i64>>(r#"{"a": 1, "b": "x", "c": 3}"#),
            Err(json!({"a": 1, "b": "x", "c": 3}))
        );
        assert_eq!(decode::<BTreeMap<String, i64>>("[1]"), Err(json!([1])));
    }

    #[test]
    fn strict_decoding_names_what_was_expected() {
        let error = strict::<i64, _>(&mut serde_json::Deserializer::from_str(r#""x""#), "an integer").unwrap_err();
        assert_eq!(error.to_string(), "expected an integer, found a string");
    }
}

//! How much of a decoded answer its types model: its leaf values, typed ones told
//! from those kept as raw JSON.
//!
//! The generated types serialize the values they kept as raw JSON (unknown fields, and
//! fields typed `serde_json::Value`) inside a newtype struct named
//! [`KEPT`]. A JSON serializer writes it away; the counter here sees
//! it. [`MethodInfo::coverage`](crate::MethodInfo) measures a method's answer with it.

use std::fmt;

use crate::de::KEPT;
use serde::Serialize;
use serde::ser;

/// How many leaf values (null, booleans, numbers, strings) a value has, by whether a
/// typed field or a value kept as raw JSON holds them.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Coverage {
    /// Leaves of typed fields.
    pub typed: u64,
    /// Leaves anywhere beneath a value kept as raw JSON.
    pub kept: u64,
}

impl Coverage {
    /// Every leaf, typed or kept.
    pub fn total(self) -> u64 {
        self.typed + self.kept
    }
}

impl Coverage {
    /// The share of the leaves that typed fields hold, from 0 to 1 (1 when there is no
    /// leaf).
    #[allow(clippy::cast_precision_loss)] // Leaf counts stay far below 2^52.
    pub fn typed_share(self) -> f64 {
        if self.total() == 0 { 1.0 } else { self.typed as f64 / self.total() as f64 }
    }
}

impl std::ops::AddAssign for Coverage {
    fn add_assign(&mut self, other: Self) {
        self.typed += other.typed;
        self.kept += other.kept;
    }
}

/// The leaves of `value`, as its `Serialize` implementation writes them. Empty arrays
/// and objects have none; object keys are not leaves.
///
/// # Panics
///
/// When `value`'s `Serialize` implementation fails by itself: the counter never does.
pub fn count<T: Serialize + ?Sized>(value: &T) -> Coverage {
    let mut leaves = Coverage::default();
    value.serialize(Counter { leaves: &mut leaves, kept: false }).unwrap_or_else(|e| panic!("serializing failed: {e}"));
    leaves
}

/// A failure of the value's own `Serialize` implementation: the counter has none.
#[derive(Debug)]
struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Self(message.to_string())
    }
}

/// The serializer: adds each leaf it is given to `leaves`, as kept when `kept` (it is
/// beneath a [`KEPT`] marker), else as typed.
#[derive(Debug)]
struct Counter<'a> {
    leaves: &'a mut Coverage,
    kept: bool,
}

impl Counter<'_> {
    /// Counts one leaf.
    fn leaf(self) -> Result<(), Error> {
        if self.kept {
            self.leaves.kept += 1;
        } else {
            self.leaves.typed += 1;
        }
        Ok(())
    }

    /// A counter for a value inside this one, kept if this one is.
    fn inner(&mut self) -> Counter<'_> {
        Counter { leaves: self.leaves, kept: self.kept }
    }
}

/// Implements the methods of `serde::Serializer` whose value is one leaf.
macro_rules! leaves {
    ($($method:ident($type:ty)),* $(,)?) => {
        $(fn $method(self, _: $type) -> Result<(), Error> {
            self.leaf()
        })*
    };
}

impl ser::Serializer for Counter<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    leaves! {
        serialize_bool(bool),
        serialize_i8(i8), serialize_i16(i16), serialize_i32(i32), serialize_i64(i64), serialize_i128(i128),
        serialize_u8(u8), serialize_u16(u16), serialize_u32(u32), serialize_u64(u64), serialize_u128(u128),
        serialize_f32(f32), serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_unit_struct(&'static str),
    }

    /// JSON writes bytes as an array of numbers: one leaf each.
    fn serialize_bytes(self, bytes: &[u8]) -> Result<(), Error> {
        if self.kept {
            self.leaves.kept += bytes.len() as u64;
        } else {
            self.leaves.typed += bytes.len() as u64;
        }
        Ok(())
    }

    /// `null`.
    fn serialize_none(self) -> Result<(), Error> {
        self.leaf()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    /// `null`.
    fn serialize_unit(self) -> Result<(), Error> {
        self.leaf()
    }

    /// JSON writes the variant's name: one string.
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Error> {
        self.leaf()
    }

    /// The value itself, kept from here down when the marker is [`KEPT`].
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, name: &'static str, value: &T) -> Result<(), Error> {
        let kept = self.kept || name == KEPT;
        value.serialize(Counter { leaves: self.leaves, kept })
    }

    /// JSON writes `{"variant": value}`: the value's leaves.
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Error> {
        Ok(self)
    }

    fn serialize_tuple(self, _: usize) -> Result<Self, Error> {
        Ok(self)
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Error> {
        Ok(self)
    }

    fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self, Error> {
        Ok(self)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self, Error> {
        Ok(self)
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Error> {
        Ok(self)
    }

    fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self, Error> {
        Ok(self)
    }
}

/// Implements the element methods of serde's compound serializers: each element's
/// leaves count, in the compound's kind (kept or typed).
macro_rules! elements {
    ($($trait:ident::$method:ident),* $(,)?) => {
        $(impl ser::$trait for Counter<'_> {
            type Ok = ();
            type Error = Error;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                value.serialize(self.inner())
            }

            fn end(self) -> Result<(), Error> {
                Ok(())
            }
        })*
    };
}

elements! {
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
}

/// Implements the field methods of serde's struct serializers: each field's value
/// counts, its name does not.
macro_rules! fields {
    ($($trait:ident),* $(,)?) => {
        $(impl ser::$trait for Counter<'_> {
            type Ok = ();
            type Error = Error;

            fn serialize_field<T: Serialize + ?Sized>(&mut self, _: &'static str, value: &T) -> Result<(), Error> {
                value.serialize(self.inner())
            }

            fn end(self) -> Result<(), Error> {
                Ok(())
            }
        })*
    };
}

fields!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Counter<'_> {
    type Ok = ();
    type Error = Error;

    /// Keys are not leaves.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, _: &T) -> Result<(), Error> {
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(self.inner())
    }

    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::{Serialize, Serializer};
    use serde_json::{Value, json};

    use super::{Coverage, KEPT, count};

    /// A value kept as raw JSON, serialized as the generated types do.
    struct Raw(Value);

    impl Serialize for Raw {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_newtype_struct(KEPT, &self.0)
        }
    }

    /// A hand-built record: typed fields, and kept values inside a map and a list.
    #[derive(Serialize)]
    struct Sample {
        id: String,
        count: u32,
        missing: Option<bool>,
        present: Option<bool>,
        tags: Vec<String>,
        empty_list: Vec<u8>,
        empty_map: BTreeMap<String, u8>,
        extra: BTreeMap<String, Raw>,
        items: Vec<Raw>,
    }

    fn sample() -> Sample {
        let extra = BTreeMap::from([
            ("new".to_owned(), Raw(json!({"x": [1, 2, {"y": null}], "z": {}}))),
            ("flag".to_owned(), Raw(json!(true))),
        ]);
        Sample {
            id: "U1".to_owned(),
            count: 3,
            missing: None,
            present: Some(false),
            tags: vec!["a".to_owned(), "b".to_owned()],
            empty_list: Vec::new(),
            empty_map: BTreeMap::new(),
            extra,
            items: vec![Raw(json!("text")), Raw(json!([])), Raw(json!([[1.5]]))],
        }
    }

    #[test]
    fn leaves_beneath_the_kept_marker_count_as_kept_and_the_others_as_typed() {
        // Typed: id, count, missing (null), present, two tags. Kept: 1, 2, null, true
        // in `extra`; "text", 1.5 in `items`. Empty containers and keys: nothing.
        assert_eq!(count(&sample()), Coverage { typed: 6, kept: 6 });
    }

    #[test]
    fn the_marker_is_transparent_to_json() {
        let json = serde_json::to_value(sample()).unwrap_or_else(|e| panic!("serializing the sample: {e}"));
        assert_eq!(json["extra"]["new"], json!({"x": [1, 2, {"y": null}], "z": {}}));
        assert_eq!(json["items"], json!(["text", [], [[1.5]]]));
    }

    #[test]
    fn a_json_value_is_all_typed_leaves_and_empty_containers_are_none() {
        let value = json!({"a": [null, true, 1, "s", {}, []], "b": {"c": -2.5}});
        assert_eq!(count(&value), Coverage { typed: 5, kept: 0 });
        assert_eq!(count(&json!({})), Coverage::default());
        assert_eq!(count(&json!([[], {}])), Coverage::default());
    }

    #[test]
    fn a_value_kept_whole_is_all_kept() {
        assert_eq!(count(&Raw(json!({"a": [1, {"b": "c"}]}))), Coverage { typed: 0, kept: 2 });
    }
}

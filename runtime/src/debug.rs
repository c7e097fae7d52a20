//! `Debug` for the generated records, written from what they serialize.
//!
//! A record prints as `Message { ts: "1524523204.000192", user: "U0123ABCD" }`:
//! the fields Slack sent, typed then kept, in the order they serialize, and nothing for
//! the fields it left out. Nested objects print as `{name: value, ..}` maps, and values
//! as Rust prints them, except JSON's `null`. A [`Secret`](crate::types::Secret) prints `Secret(<redacted>)`, as
//! its own `Debug` does: it serializes inside a newtype struct named [`SECRET`], which a
//! JSON serializer writes away and this formatter redacts.
//!
//! One generic function serves every record, so the generated crate compiles no
//! `Debug` body of its own per record: a derived one costs as much to compile as the
//! record's decoder.

use std::fmt;

use serde::Serialize;
use serde::ser;

use crate::de::{Record, Writer};

/// The name of the newtype struct a [`Secret`](crate::types::Secret) serializes in.
pub const SECRET: &str = "typed_slack::secret";

/// What a secret prints as.
pub(crate) const REDACTED: &str = "Secret(<redacted>)";

/// Formats `record` as its type's name and the fields it serializes, for its `Debug`.
///
/// # Errors
///
/// When the formatter does.
pub fn debug_record<T: Record>(record: &T, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let mut writer = Writer::new(Entries::named(f.debug_struct(T::NAME)), record.unknown());
    record.write(&mut writer);
    writer.finish().map_err(|Failed| fmt::Error)
}

/// A serializable value, formatted with `Debug`.
struct AsDebug<'a, T: ?Sized>(&'a T);

impl<T: Serialize + ?Sized> fmt::Debug for AsDebug<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.serialize(Formatter(f)).map_err(|Failed| fmt::Error)
    }
}

/// A key printed as it is, without quotes: `name: value`.
struct Key<'a>(&'a str);

impl fmt::Debug for Key<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// The formatter failed, or a value's own `Serialize` implementation did.
#[derive(Debug)]
struct Failed;

impl fmt::Display for Failed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("formatting failed")
    }
}

impl std::error::Error for Failed {}

impl ser::Error for Failed {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Self
    }
}

fn done(result: fmt::Result) -> Result<(), Failed> {
    result.map_err(|fmt::Error| Failed)
}

/// A serializer that writes a value as `Debug` would.
struct Formatter<'a, 'b>(&'a mut fmt::Formatter<'b>);

impl<'a, 'b> ser::Serializer for Formatter<'a, 'b> {
    type Ok = ();
    type Error = Failed;
    type SerializeSeq = List<'a, 'b>;
    type SerializeTuple = List<'a, 'b>;
    type SerializeTupleStruct = Tuple<'a, 'b>;
    type SerializeTupleVariant = Tuple<'a, 'b>;
    type SerializeMap = Entries<'a, 'b>;
    type SerializeStruct = Entries<'a, 'b>;
    type SerializeStructVariant = Entries<'a, 'b>;

    fn serialize_bool(self, v: bool) -> Result<(), Failed> {
        done(fmt::Debug::fmt(&v, self.0))
    }

    fn serialize_i64(self, v: i64) -> Result<(), Failed> {
        done(fmt::Debug::fmt(&v, self.0))
    }

    fn serialize_u64(self, v: u64) -> Result<(), Failed> {
        done(fmt::Debug::fmt(&v, self.0))
    }

    fn serialize_i128(self, v: i128) -> Result<(), Failed> {
        done(fmt::Debug::fmt(&v, self.0))
    }

    fn serialize_u128(self, v: u128) -> Result<(), Failed> {
        done(fmt::Debug::fmt(&v, self.0))
    }

    fn serialize_i8(self, v: i8) -> Result<(), Failed> {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i16(self, v: i16) -> Result<(), Failed> {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i32(self, v: i32) -> Result<(), Failed> {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_u8(self, v: u8) -> Result<(), Failed> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u16(self, v: u16) -> Result<(), Failed> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u32(self, v: u32) -> Result<(), Failed> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_f32(self, v: f32) -> Result<(), Failed> {
        done(fmt::Debug::fmt(&v, self.0))
    }

    fn serialize_f64(self, v: f64) -> Result<(), Failed> {
        done(fmt::Debug::fmt(&v, self.0))
    }

    fn serialize_char(self, v: char) -> Result<(), Failed> {
        done(fmt::Debug::fmt(&v, self.0))
    }

    fn serialize_str(self, v: &str) -> Result<(), Failed> {
        done(fmt::Debug::fmt(v, self.0))
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Failed> {
        done(fmt::Debug::fmt(v, self.0))
    }

    /// `null`, as in the JSON: a record writes no field that is not set.
    fn serialize_none(self) -> Result<(), Failed> {
        done(self.0.write_str("null"))
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Failed> {
        value.serialize(self)
    }

    /// A JSON `null`.
    fn serialize_unit(self) -> Result<(), Failed> {
        done(self.0.write_str("null"))
    }

    fn serialize_unit_struct(self, name: &'static str) -> Result<(), Failed> {
        done(self.0.write_str(name))
    }

    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Failed> {
        done(self.0.write_str(variant))
    }

    /// A secret is redacted; a value kept as raw JSON (the `KEPT` marker) and any other
    /// newtype print as their content.
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, name: &'static str, value: &T) -> Result<(), Failed> {
        if name == SECRET { done(self.0.write_str(REDACTED)) } else { value.serialize(self) }
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Failed> {
        done(self.0.debug_tuple(variant).field(&AsDebug(value)).finish())
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<List<'a, 'b>, Failed> {
        Ok(List(self.0.debug_list()))
    }

    fn serialize_tuple(self, len: usize) -> Result<List<'a, 'b>, Failed> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, name: &'static str, _: usize) -> Result<Tuple<'a, 'b>, Failed> {
        Ok(Tuple(self.0.debug_tuple(name)))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Tuple<'a, 'b>, Failed> {
        Ok(Tuple(self.0.debug_tuple(variant)))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Entries<'a, 'b>, Failed> {
        Ok(Entries::map(self.0.debug_map()))
    }

    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Entries<'a, 'b>, Failed> {
        Ok(Entries::named(self.0.debug_struct(name)))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Entries<'a, 'b>, Failed> {
        Ok(Entries::named(self.0.debug_struct(variant)))
    }
}

/// The elements of a list.
struct List<'a, 'b>(fmt::DebugList<'a, 'b>);

impl ser::SerializeSeq for List<'_, '_> {
    type Ok = ();
    type Error = Failed;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Failed> {
        self.0.entry(&AsDebug(value));
        Ok(())
    }

    fn end(mut self) -> Result<(), Failed> {
        done(self.0.finish())
    }
}

impl ser::SerializeTuple for List<'_, '_> {
    type Ok = ();
    type Error = Failed;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Failed> {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(self) -> Result<(), Failed> {
        ser::SerializeSeq::end(self)
    }
}

/// The fields of a tuple struct or variant.
struct Tuple<'a, 'b>(fmt::DebugTuple<'a, 'b>);

impl ser::SerializeTupleStruct for Tuple<'_, '_> {
    type Ok = ();
    type Error = Failed;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Failed> {
        self.0.field(&AsDebug(value));
        Ok(())
    }

    fn end(mut self) -> Result<(), Failed> {
        done(self.0.finish())
    }
}

impl ser::SerializeTupleVariant for Tuple<'_, '_> {
    type Ok = ();
    type Error = Failed;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Failed> {
        ser::SerializeTupleStruct::serialize_field(self, value)
    }

    fn end(self) -> Result<(), Failed> {
        ser::SerializeTupleStruct::end(self)
    }
}

/// The entries of a record (named), or of an object or map (`{key: value}`).
struct Entries<'a, 'b> {
    entries: Builder<'a, 'b>,
    /// A key given alone, waiting for its value.
    key: Option<String>,
}

enum Builder<'a, 'b> {
    Struct(fmt::DebugStruct<'a, 'b>),
    Map(fmt::DebugMap<'a, 'b>),
}

impl<'a, 'b> Entries<'a, 'b> {
    fn named(fields: fmt::DebugStruct<'a, 'b>) -> Self {
        Self { entries: Builder::Struct(fields), key: None }
    }

    fn map(entries: fmt::DebugMap<'a, 'b>) -> Self {
        Self { entries: Builder::Map(entries), key: None }
    }
}

/// A key as text: JSON keys are strings; any other is written as JSON.
fn key_text<K: Serialize + ?Sized>(key: &K) -> Result<String, Failed> {
    let key = serde_json::to_value(key).map_err(|_| Failed)?;
    Ok(match key {
        serde_json::Value::String(key) => key,
        other => other.to_string(),
    })
}

impl Entries<'_, '_> {
    fn entry(&mut self, key: &str, value: &dyn fmt::Debug) {
        match &mut self.entries {
            Builder::Struct(fields) => {
                fields.field(key, value);
            }
            Builder::Map(entries) => {
                entries.entry(&Key(key), value);
            }
        }
    }

    fn finish(self) -> Result<(), Failed> {
        done(match self.entries {
            Builder::Struct(mut fields) => fields.finish(),
            Builder::Map(mut entries) => entries.finish(),
        })
    }
}

impl ser::SerializeMap for Entries<'_, '_> {
    type Ok = ();
    type Error = Failed;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Failed> {
        self.key = Some(key_text(key)?);
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Failed> {
        let key = self.key.take().ok_or(Failed)?;
        self.entry(&key, &AsDebug(value));
        Ok(())
    }

    fn serialize_entry<K: Serialize + ?Sized, V: Serialize + ?Sized>(
        &mut self,
        key: &K,
        value: &V,
    ) -> Result<(), Failed> {
        self.entry(&key_text(key)?, &AsDebug(value));
        Ok(())
    }

    fn end(self) -> Result<(), Failed> {
        self.finish()
    }
}

impl ser::SerializeStruct for Entries<'_, '_> {
    type Ok = ();
    type Error = Failed;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Failed> {
        self.entry(key, &AsDebug(value));
        Ok(())
    }

    fn end(self) -> Result<(), Failed> {
        self.finish()
    }
}

impl ser::SerializeStructVariant for Entries<'_, '_> {
    type Ok = ();
    type Error = Failed;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Failed> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }

    fn end(self) -> Result<(), Failed> {
        self.finish()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::de::{Reader, Record, UnknownFields, Writer};
    use crate::types::{Secret, UserId};

    /// A record as the generator writes one, with a secret, a list and a nested record.
    #[derive(Default, PartialEq)]
    struct Grant {
        user: Option<UserId>,
        token: Option<Secret>,
        scopes: Option<Vec<String>>,
        team: Option<Box<Grant>>,
        unknown: UnknownFields,
    }

    impl Record for Grant {
        const NAME: &'static str = "Grant";

        fn read_field<'de, A: serde::de::MapAccess<'de>>(
            &mut self,
            key: &[u8],
            reader: &mut Reader<'de, A>,
        ) -> Result<bool, A::Error> {
            match key {
                b"user" => reader.field(&mut self.user, "user"),
                b"token" => reader.field(&mut self.token, "token"),
                b"scopes" => reader.field(&mut self.scopes, "scopes"),
                b"team" => reader.field(&mut self.team, "team"),
                _ => return Ok(false),
            }?;
            Ok(true)
        }

        fn write<M: serde::ser::SerializeMap>(&self, writer: &mut Writer<'_, M>) {
            writer
                .opt("user", &self.user)
                .opt("token", &self.token)
                .opt("scopes", &self.scopes)
                .opt("team", &self.team);
        }

        fn unknown(&self) -> &UnknownFields {
            &self.unknown
        }

        fn unknown_mut(&mut self) -> &mut UnknownFields {
            &mut self.unknown
        }
    }

    crate::record!(Grant);

    fn grant() -> Grant {
        serde_json::from_value(json!({
            "user": "U1",
            "token": "xoxb-very-secret",
            "scopes": ["chat:write", "users:read"],
            "team": {"user": "U2", "token": "xoxp-also-secret", "plan": "plus"},
            "ok": true,
            "count": 3
        }))
        .unwrap()
    }

    #[test]
    fn a_record_prints_its_typed_fields_then_the_kept_ones_and_nested_records_as_maps() {
        assert_eq!(
            format!("{:?}", grant()),
            r#"Grant { user: "U1", token: Secret(<redacted>), scopes: ["chat:write", "users:read"], team: {user: "U2", token: Secret(<redacted>), plan: "plus"}, count: 3, ok: true }"#
        );
    }

    #[test]
    fn fields_left_out_do_not_print() {
        assert_eq!(format!("{:?}", Grant::default()), "Grant");
    }

    #[test]
    fn no_secret_reaches_pretty_output_and_the_serialized_value_keeps_it() {
        let grant = grant();
        let pretty = format!("{grant:#?}");
        assert!(!pretty.contains("secret"), "{pretty}");
        assert!(pretty.contains("    token: Secret(<redacted>),\n"), "{pretty}");
        let json = serde_json::to_value(&grant).unwrap();
        assert_eq!(json["token"], "xoxb-very-secret");
        assert_eq!(json["team"]["token"], "xoxp-also-secret");
    }

    /// A map written key, then value, as serde's own flattening does.
    struct KeyThenValue;

    impl serde::Serialize for KeyThenValue {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeMap;
            let mut map = serializer.serialize_map(None)?;
            map.serialize_key("a")?;
            map.serialize_value(&1)?;
            map.serialize_key(&7)?;
            map.serialize_value("seven")?;
            map.end()
        }
    }

    #[test]
    fn a_map_written_key_then_value_prints_like_one_written_by_entries() {
        assert_eq!(format!("{:?}", super::AsDebug(&KeyThenValue)), r#"{a: 1, 7: "seven"}"#);
    }

    #[test]
    fn kept_objects_print_as_maps_with_bare_keys() {
        let grant: Grant = serde_json::from_value(json!({"user": {"id": "U1", "n": [1, 2.5, null]}})).unwrap();
        assert_eq!(format!("{grant:?}"), r#"Grant { user: {id: "U1", n: [1, 2.5, null]} }"#);
    }
}

//! What the generated objects and responses share to decode and encode themselves.
//!
//! Each generated object (and response) is a [`Record`]: it reads a JSON object key by
//! key through a [`Reader`], which decodes each known field leniently and keeps
//! everything else in the record's [`UnknownFields`]; it writes itself back through a
//! [`Writer`]. [`record!`](crate::record) derives `Deserialize`, `Serialize` and
//! [`Lenient`] from that. They are public for the generated crate, not for use by hand.
//!
//! Nothing Slack sends makes a record fail: a field of another type than documented, or
//! `null`, is kept in the unknown fields under its key (the typed field stays empty),
//! and a required field that is missing takes its default. Both surprises are logged
//! once per type and field, at warn level, through `tracing`.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;
use std::sync::Mutex;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::Serializer;
use serde_json::Value;

pub use crate::debug::{SECRET, debug_record};
pub use crate::lenient::{KEPT, Kept, Lenient, Outcome, Tolerant, kind, strict};
pub use crate::unknown::UnknownFields;
/// serde, for the macros the generated crate expands.
#[doc(hidden)]
pub use serde;
/// serde's `MapAccess`, under a name that keeps generated signatures on one line.
pub use serde::de::MapAccess as Map;
/// serde's `SerializeMap`, which a [`Writer`] writes into.
pub use serde::ser::SerializeMap;

/// An object key as its bytes, borrowed from the input when it can be.
///
/// Keys are read as bytes, not text: a record compares a key with the names of its
/// fields, which needs no check that the bytes are UTF-8. Only a key that is kept, with
/// the unknown fields, is checked (serde_json's checks are skipped for bytes).
#[derive(Debug)]
pub struct Key<'de>(Cow<'de, [u8]>);

impl<'de> Key<'de> {
    /// The key's bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The key as text.
    ///
    /// # Errors
    ///
    /// When the key is not UTF-8.
    fn into_string<E: serde::de::Error>(self) -> Result<String, E> {
        String::from_utf8(self.0.into_owned()).map_err(|_| E::custom("an object key is not UTF-8"))
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;

        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object key")
            }

            fn visit_borrowed_bytes<E: serde::de::Error>(self, key: &'de [u8]) -> Result<Self::Value, E> {
                Ok(Key(Cow::Borrowed(key)))
            }

            fn visit_bytes<E: serde::de::Error>(self, key: &[u8]) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(key.to_owned())))
            }

            fn visit_borrowed_str<E: serde::de::Error>(self, key: &'de str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Borrowed(key.as_bytes())))
            }

            fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(key.as_bytes().to_owned())))
            }

            fn visit_string<E: serde::de::Error>(self, key: String) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(key.into_bytes())))
            }
        }

        deserializer.deserialize_bytes(KeyVisitor)
    }
}

/// A generated object or response: a JSON object read field by field.
///
/// The loop over the object's entries is [`read_fields`], shared by every record: a
/// record only says what one key is ([`Record::read_field`]), which keeps the
/// generated code small and quick to compile.
pub trait Record: Sized + Default {
    /// The type's name, for messages and logs.
    const NAME: &'static str;
    /// The fields the spec says every object has: one that is missing takes its default,
    /// is logged, and is not written back.
    const REQUIRED: &'static [&'static str] = &[];

    /// Reads the value of `key` into its field, answering whether the record has such a
    /// field (when not, the caller keeps the value with the unknown fields).
    ///
    /// # Errors
    ///
    /// Only when the input is not valid JSON: no value makes a record fail.
    fn read_field<'de, A: MapAccess<'de>>(&mut self, key: &[u8], reader: &mut Reader<'de, A>)
    -> Result<bool, A::Error>;

    /// Writes the typed fields; the unknown ones follow. A failure of the serializer is
    /// kept by the writer, which reports it.
    fn write<M: SerializeMap>(&self, writer: &mut Writer<'_, M>);

    /// The fields kept as Slack sent them.
    fn unknown(&self) -> &UnknownFields;

    /// The fields kept as Slack sent them, to fill in.
    fn unknown_mut(&mut self) -> &mut UnknownFields;
}

/// Reads a JSON object's entries into a [`Record`]: each key its record has, into its
/// field; any other, with the unknown fields; then notes the required fields that were
/// missing.
///
/// # Errors
///
/// When the input is not valid JSON.
pub fn read_fields<'de, T: Record, A: MapAccess<'de>>(reader: Reader<'de, A>) -> Result<T, A::Error> {
    let mut this = T::default();
    let unknown = fill(&mut this, T::REQUIRED, reader)?;
    *this.unknown_mut() = unknown;
    Ok(this)
}

/// A record as [`fill`] sees it: through a vtable, so that one read loop serves every
/// record type. A loop of its own per record, with the key parsing inlined in it, was
/// the largest share of the instruction-cache misses of decoding a large answer (which
/// holds a hundred record types): sharing it cut those misses by a quarter, for 1.4%
/// more instructions.
trait Fields<'de, A: MapAccess<'de>> {
    /// [`Record::read_field`].
    fn read(&mut self, key: &[u8], reader: &mut Reader<'de, A>) -> Result<bool, A::Error>;
}

impl<'de, A: MapAccess<'de>, T: Record> Fields<'de, A> for T {
    fn read(&mut self, key: &[u8], reader: &mut Reader<'de, A>) -> Result<bool, A::Error> {
        self.read_field(key, reader)
    }
}

/// Reads every entry into `this` or the unknown fields, notes the `required` fields
/// that were missing, and gives the unknown fields.
#[inline(never)]
fn fill<'de, A: MapAccess<'de>>(
    this: &mut dyn Fields<'de, A>,
    required: &'static [&'static str],
    mut reader: Reader<'de, A>,
) -> Result<UnknownFields, A::Error> {
    // Which of the first 64 required fields came; more are never checked.
    let mut came: u64 = 0;
    while let Some(key) = reader.next_key()? {
        if this.read(key.as_bytes(), &mut reader)? {
            if let Some(index) = required.iter().position(|required| required.as_bytes() == key.as_bytes()) {
                came |= 1u64.checked_shl(u32::try_from(index).unwrap_or(u32::MAX)).unwrap_or(0);
            }
        } else {
            reader.keep(key)?;
        }
    }
    for (index, key) in required.iter().enumerate().take(64) {
        if came & (1u64 << index) == 0 {
            reader.missing(key);
        }
    }
    Ok(reader.finish())
}

/// Reads one JSON object into a [`Record`].
pub struct Reader<'de, A> {
    map: A,
    unknown: UnknownFields,
    owner: &'static str,
    input: std::marker::PhantomData<&'de ()>,
}

impl<'de, A: MapAccess<'de>> Reader<'de, A> {
    /// A reader of `map` for the record `owner`.
    pub fn new(map: A, owner: &'static str) -> Self {
        Self { map, unknown: UnknownFields::new(), owner, input: std::marker::PhantomData }
    }

    /// The next key, or `None` at the end of the object.
    ///
    /// # Errors
    ///
    /// When the input is not valid JSON.
    pub fn next_key(&mut self) -> Result<Option<Key<'de>>, A::Error> {
        self.map.next_key()
    }

    /// Reads the value of the field `key` into `slot`, or keeps it with the unknown
    /// fields when it is `null` or not of the type.
    ///
    /// # Errors
    ///
    /// When the input is not valid JSON.
    pub fn field<T: Lenient>(&mut self, slot: &mut Option<T>, key: &'static str) -> Result<(), A::Error> {
        match self.map.next_value::<Tolerant<T>>()?.0 {
            Ok(value) => *slot = Some(value),
            Err(Value::Null) => {
                self.unknown.insert(key, Value::Null);
            }
            Err(other) => {
                surprise(self.owner, key, kind(&other));
                self.unknown.insert(key, other);
            }
        }
        Ok(())
    }

    /// Keeps the value of a key the record does not model.
    ///
    /// # Errors
    ///
    /// When the input is not valid JSON.
    pub fn keep(&mut self, key: Key<'de>) -> Result<(), A::Error> {
        let key = key.into_string()?;
        let value = self.map.next_value::<Value>()?;
        self.unknown.insert(key, value);
        Ok(())
    }

    /// Reads past a value the record knows and does not keep (a response's `ok`).
    ///
    /// # Errors
    ///
    /// When the input is not valid JSON.
    pub fn skip(&mut self) -> Result<(), A::Error> {
        self.map.next_value::<serde::de::IgnoredAny>().map(drop)
    }

    /// Reads the value of the required field `key` into `slot`, or keeps it with the
    /// unknown fields when it is `null` or not of the type (`slot` keeps its default).
    ///
    /// # Errors
    ///
    /// When the input is not valid JSON.
    pub fn value<T: Lenient>(&mut self, slot: &mut T, key: &'static str) -> Result<(), A::Error> {
        let mut read = None;
        self.field(&mut read, key)?;
        if let Some(value) = read {
            *slot = value;
        }
        Ok(())
    }

    /// Notes that the required field `key` did not come (unless a value of another type
    /// came, which is kept, and logged, already): logged, and left out when serializing.
    fn missing(&mut self, key: &'static str) {
        if !self.unknown.contains_key(key) {
            surprise(self.owner, key, "nothing");
            self.unknown.note_missing(key);
        }
    }

    /// The fields kept as they came.
    pub fn finish(self) -> UnknownFields {
        self.unknown
    }

    /// Keeps every entry left, and gives all the fields kept.
    ///
    /// # Errors
    ///
    /// When the input is not valid JSON.
    pub fn keep_all(mut self) -> Result<UnknownFields, A::Error> {
        while let Some(key) = self.next_key()? {
            self.keep(key)?;
        }
        Ok(self.unknown)
    }
}

impl<A> fmt::Debug for Reader<'_, A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Reader").field("owner", &self.owner).finish_non_exhaustive()
    }
}

/// Logs, once per type and field, that a value decoded (an answer of Slack's, or JSON an
/// app decodes into the objects itself) holds `found` where the spec documents another
/// type, or nothing where it documents a field every object has.
fn surprise(owner: &'static str, field: &'static str, found: &'static str) {
    static SEEN: Mutex<BTreeSet<(&'static str, &'static str)>> = Mutex::new(BTreeSet::new());
    let first = SEEN.lock().map_or(true, |mut seen| seen.insert((owner, field)));
    if first {
        tracing::warn!(
            object = owner,
            field,
            found,
            "a value is not of the type the spec describes; it is kept in `unknown`"
        );
    }
}

/// Writes a [`Record`] back as a JSON object.
pub struct Writer<'a, M: SerializeMap> {
    map: M,
    unknown: &'a UnknownFields,
    /// The first failure of the serializer: the fields after it are not written.
    failed: Option<M::Error>,
}

impl<'a, M: SerializeMap> Writer<'a, M> {
    pub(crate) fn new(map: M, unknown: &'a UnknownFields) -> Self {
        Self { map, unknown, failed: None }
    }

    /// Writes an entry, unless the serializer failed before.
    fn entry<T: serde::Serialize + ?Sized>(&mut self, key: &str, value: &T) -> &mut Self {
        if self.failed.is_none() {
            if let Err(error) = self.map.serialize_entry(key, value) {
                self.failed = Some(error);
            }
        }
        self
    }

    /// Writes an optional field when it is set. Each write answers the writer, to chain
    /// the next: a failure of the serializer is kept, and reported once at the end.
    pub fn opt<T: serde::Serialize>(&mut self, key: &str, value: &Option<T>) -> &mut Self {
        match value {
            Some(value) => self.req(key, value),
            None => self,
        }
    }

    /// Writes a field, unless a value kept under its key replaces it or the object came
    /// without it.
    pub fn req<T: serde::Serialize + ?Sized>(&mut self, key: &str, value: &T) -> &mut Self {
        if self.unknown.replaces(key) { self } else { self.entry(key, value) }
    }

    /// Writes an optional field of raw JSON when it is set, marked as kept.
    pub fn opt_json<T: serde::Serialize>(&mut self, key: &str, value: &Option<T>) -> &mut Self {
        match value {
            Some(value) => self.req(key, &Kept(value)),
            None => self,
        }
    }

    /// Writes a field of raw JSON, marked as kept.
    pub fn req_json<T: serde::Serialize>(&mut self, key: &str, value: &T) -> &mut Self {
        self.req(key, &Kept(value))
    }

    /// Writes the unknown fields after the typed ones, and ends the object.
    pub(crate) fn finish(mut self) -> Result<M::Ok, M::Error> {
        for (key, value) in self.unknown {
            self.entry(key, &Kept(value));
        }
        match self.failed {
            Some(error) => Err(error),
            None => self.map.end(),
        }
    }
}

impl<M: SerializeMap> fmt::Debug for Writer<'_, M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Writer").finish_non_exhaustive()
    }
}

/// Decodes a [`Record`] from a JSON object's entries: its [`Lenient::from_map`].
///
/// # Errors
///
/// When the input is not valid JSON.
pub fn read_record<'de, T: Record, A: MapAccess<'de>>(map: A) -> Result<T, A::Error> {
    read_fields(Reader::new(map, T::NAME))
}

/// Serializes a [`Record`]: its typed fields, then its unknown ones, marked as kept.
///
/// # Errors
///
/// When the serializer fails.
pub fn write_record<T: Record, S: Serializer>(record: &T, serializer: S) -> Result<S::Ok, S::Error> {
    write_fields(record, &[], serializer)
}

/// Serializes a [`Record`], after the leading `(key, value)` entries that are given (the
/// tags of the unions that hold it).
fn write_fields<T: Record, S: Serializer>(
    record: &T,
    leading: &[Option<(&str, &str)>],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut writer = Writer::new(serializer.serialize_map(None)?, record.unknown());
    for (key, value) in leading.iter().flatten() {
        writer.entry(key, value);
    }
    record.write(&mut writer);
    writer.finish()
}

/// A generated object of several kinds, told apart by the string value of a tag field
/// (a Block Kit block by its `type`).
pub trait Union: Sized {
    /// The type's name, for messages and logs.
    const NAME: &'static str;
    /// The tag field (`type`).
    const TAG: &'static str;
    /// The tag values of the kinds the type models, sorted (a tag is looked up by
    /// binary search).
    const TAGS: &'static [&'static str];
    /// The kind of an object without the tag, when the type has one (a message event
    /// without a `subtype`): its index, which is `TAGS.len()`.
    const UNTAGGED: Option<usize> = None;

    /// Reads the rest of an object whose tag is `TAGS[kind]` (or that has no tag, for
    /// [`Union::UNTAGGED`]), as that kind.
    ///
    /// # Errors
    ///
    /// When the input is not valid JSON.
    fn read_kind<'de, A: MapAccess<'de>>(kind: usize, reader: Reader<'de, A>) -> Result<Self, A::Error>;

    /// An object of a kind the type does not model (or without a tag), kept whole.
    fn unknown(fields: UnknownFields) -> Self;

    /// The value's kind, as an index into `TAGS` (or [`Union::UNTAGGED`]); `None` for a
    /// kind it does not model.
    fn kind(&self) -> Option<usize>;

    /// Serializes the value: the tag of the union that holds it when it is one kind of
    /// another (`"type": "message"` before a message event's `subtype`), its own tag,
    /// then its fields.
    ///
    /// # Errors
    ///
    /// When the serializer fails.
    fn write<S: Serializer>(&self, outer: Option<(&str, &str)>, serializer: S) -> Result<S::Ok, S::Error>;
}

/// Decodes a [`Union`] from a JSON object's entries: its [`Lenient::from_map`].
///
/// When the tag comes first, as Slack writes it, the object is read once, straight
/// into its kind. Otherwise its entries are gathered first, then read as the kind
/// their tag names.
///
/// # Errors
///
/// When the input is not valid JSON.
pub fn read_union<'de, T: Union, A: MapAccess<'de>>(mut map: A) -> Result<T, A::Error> {
    let Some(first) = map.next_key::<Key<'de>>()? else {
        // An empty object has no tag: it is the kind without one, if the type has it.
        return match T::UNTAGGED {
            Some(kind) => T::read_kind(kind, Reader::new(map, T::NAME)),
            None => Ok(T::unknown(UnknownFields::new())),
        };
    };
    if first.as_bytes() == T::TAG.as_bytes() {
        let tag = map.next_value::<Tag<'de>>()?;
        let kind = match &tag {
            Tag::Text(text) => T::TAGS.binary_search(&text.as_ref()).ok(),
            Tag::Other(_) => None,
        };
        let mut reader = Reader::new(map, T::NAME);
        return match kind {
            Some(kind) => T::read_kind(kind, reader),
            None => {
                reader.unknown.insert(T::TAG, tag.into_json());
                reader.keep_all().map(T::unknown)
            }
        };
    }
    let mut entries = serde_json::Map::new();
    entries.insert(first.into_string()?, map.next_value()?);
    while let Some(key) = map.next_key::<String>()? {
        let value = map.next_value()?;
        entries.insert(key, value);
    }
    let kind = match entries.get(T::TAG) {
        Some(tag) => tag.as_str().and_then(|tag| T::TAGS.binary_search(&tag).ok()),
        None => T::UNTAGGED,
    };
    let Some(kind) = kind else { return Ok(T::unknown(entries.into())) };
    entries.remove(T::TAG);
    let gathered = serde::de::value::MapDeserializer::new(entries.into_iter());
    T::read_kind(kind, Reader::new(gathered, T::NAME)).map_err(serde::de::Error::custom)
}

/// The value of a union's tag: text, borrowed from the input when it can be, or any
/// other JSON (which names no kind, and is kept).
enum Tag<'de> {
    Text(Cow<'de, str>),
    Other(Value),
}

impl Tag<'_> {
    fn into_json(self) -> Value {
        match self {
            Tag::Text(text) => Value::String(text.into_owned()),
            Tag::Other(other) => other,
        }
    }
}

impl<'de> Deserialize<'de> for Tag<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TagVisitor;

        impl<'de> Visitor<'de> for TagVisitor {
            type Value = Tag<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }

            fn visit_borrowed_str<E: serde::de::Error>(self, tag: &'de str) -> Result<Self::Value, E> {
                Ok(Tag::Text(Cow::Borrowed(tag)))
            }

            fn visit_str<E: serde::de::Error>(self, tag: &str) -> Result<Self::Value, E> {
                Ok(Tag::Text(Cow::Owned(tag.to_owned())))
            }

            fn visit_string<E: serde::de::Error>(self, tag: String) -> Result<Self::Value, E> {
                Ok(Tag::Text(Cow::Owned(tag)))
            }

            fn visit_bool<E>(self, value: bool) -> Result<Self::Value, E> {
                Ok(Tag::Other(Value::Bool(value)))
            }

            fn visit_i64<E>(self, value: i64) -> Result<Self::Value, E> {
                Ok(Tag::Other(value.into()))
            }

            fn visit_u64<E>(self, value: u64) -> Result<Self::Value, E> {
                Ok(Tag::Other(value.into()))
            }

            fn visit_f64<E>(self, value: f64) -> Result<Self::Value, E> {
                Ok(Tag::Other(serde_json::Number::from_f64(value).map_or(Value::Null, Value::Number)))
            }

            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Tag::Other(Value::Null))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                Value::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(Tag::Other)
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                Value::deserialize(serde::de::value::SeqAccessDeserializer::new(seq)).map(Tag::Other)
            }
        }

        deserializer.deserialize_any(TagVisitor)
    }
}

/// Serializes one kind of a [`Union`]: the tag of the union that holds it, if any, its
/// own tag (none for [`Union::UNTAGGED`]), then the kind's record.
///
/// # Errors
///
/// When the serializer fails.
pub fn write_kind<T: Record, S: Serializer>(
    outer: Option<(&str, &str)>,
    tag: Option<(&str, &str)>,
    kind: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    write_fields(kind, &[outer, tag], serializer)
}

/// Reads the rest of an object as the union `T`, the kind of another union it is (a
/// message event, once its `type` said `message`, by its `subtype`).
///
/// # Errors
///
/// When the input is not valid JSON.
pub fn read_nested<'de, T: Union, A: MapAccess<'de>>(reader: Reader<'de, A>) -> Result<T, A::Error> {
    read_union(reader.map)
}

/// Serializes a union `T` that is the kind `(tag, value)` of another union.
///
/// # Errors
///
/// When the serializer fails.
pub fn write_nested<T: Union, S: Serializer>(
    tag: &str,
    value: &str,
    kind: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    kind.write(Some((tag, value)), serializer)
}

/// Serializes a kind a [`Union`] does not model: its fields, all kept, after the tag of
/// the union that holds it, if any.
///
/// # Errors
///
/// When the serializer fails.
pub fn write_unknown<S: Serializer>(
    outer: Option<(&str, &str)>,
    fields: &UnknownFields,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(fields.len() + usize::from(outer.is_some())))?;
    if let Some((key, value)) = outer {
        map.serialize_entry(key, value)?;
    }
    for (key, value) in fields {
        map.serialize_entry(key, &Kept(value))?;
    }
    map.end()
}

/// Serializes a [`Union`]: its `Serialize`.
///
/// # Errors
///
/// When the serializer fails.
pub fn write_union<T: Union, S: Serializer>(union: &T, serializer: S) -> Result<S::Ok, S::Error> {
    union.write(None, serializer)
}

/// Implements `Deserialize`, `Serialize` and [`Lenient`] for a type that `read` reads
/// from a JSON object's entries and `write` serializes, named `NAME` by `kind` (the
/// expansion shared by [`record!`](crate::record) and
/// [`tagged_union!`](crate::tagged_union)).
#[doc(hidden)]
#[macro_export]
macro_rules! __object_traits {
    ($name:ident, $kind:path, $read:path, $write:path) => {
        impl $crate::de::Lenient for $name {
            fn from_map<'de, A: $crate::de::Map<'de>>(
                map: A,
            ) -> ::std::result::Result<$crate::de::Outcome<Self>, A::Error> {
                $read(map).map(Ok)
            }
        }

        impl<'de> $crate::de::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::de::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                $crate::de::strict(d, <$name as $kind>::NAME)
            }
        }

        impl $crate::de::serde::Serialize for $name {
            fn serialize<S: $crate::de::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                $write(self, s)
            }
        }
    };
}

/// Implements `Deserialize`, `Serialize`, [`Lenient`] and `Debug` (through
/// [`debug_record`]) for a [`Record`].
#[macro_export]
macro_rules! record {
    ($name:ident) => {
        $crate::__object_traits!($name, $crate::de::Record, $crate::de::read_record, $crate::de::write_record);

        impl ::std::fmt::Debug for $name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $crate::de::debug_record(self, f)
            }
        }
    };
}

/// Implements `Deserialize`, `Serialize` and [`Lenient`] for a [`Union`].
#[macro_export]
macro_rules! tagged_union {
    ($name:ident) => {
        $crate::__object_traits!($name, $crate::de::Union, $crate::de::read_union, $crate::de::write_union);
    };
}

/// Implements `Deserialize`, `Serialize`, `Display` and [`Lenient`] for an enum of
/// string values with `as_str` and `From<&str>` (which keeps values it does not know).
#[macro_export]
macro_rules! text_enum {
    ($name:ident) => {
        impl $crate::de::Lenient for $name {
            #[inline]
            fn from_str(value: &str) -> $crate::de::Outcome<Self> {
                Ok(Self::from(value))
            }
        }

        impl<'de> $crate::de::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::de::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                $crate::de::strict(d, "a string")
            }
        }

        impl $crate::de::serde::Serialize for $name {
            fn serialize<S: $crate::de::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl ::std::fmt::Display for $name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A record as the generator writes one: `id` required, `count` optional.
    #[derive(Default, PartialEq)]
    struct Sample {
        id: String,
        count: Option<i64>,
        nested: Option<Box<Sample>>,
        unknown: UnknownFields,
    }

    impl Record for Sample {
        const NAME: &'static str = "Sample";

        const REQUIRED: &'static [&'static str] = &["id"];

        fn read_field<'de, A: Map<'de>>(&mut self, key: &[u8], reader: &mut Reader<'de, A>) -> Result<bool, A::Error> {
            match key {
                b"id" => reader.value(&mut self.id, "id"),
                b"count" => reader.field(&mut self.count, "count"),
                b"nested" => reader.field(&mut self.nested, "nested"),
                _ => return Ok(false),
            }?;
            Ok(true)
        }

        fn write<M: SerializeMap>(&self, writer: &mut Writer<'_, M>) {
            writer.req("id", &self.id).opt("count", &self.count).opt("nested", &self.nested);
        }

        fn unknown(&self) -> &UnknownFields {
            &self.unknown
        }

        fn unknown_mut(&mut self) -> &mut UnknownFields {
            &mut self.unknown
        }
    }

    crate::record!(Sample);

    fn round_trip(json: &Value) -> Sample {
        let sample: Sample = serde_json::from_value(json.clone()).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(&serde_json::to_value(&sample).unwrap_or_else(|error| panic!("{error}")), json);
        sample
    }

    #[test]
    fn typed_fields_decode_and_the_others_are_kept() {
        let sample = round_trip(&json!({"id": "a", "count": 2, "new": {"x": [1]}}));
        assert_eq!((sample.id.as_str(), sample.count), ("a", Some(2)));
        assert_eq!(sample.unknown.get("new"), Some(&json!({"x": [1]})));
    }

    #[test]
    fn a_value_of_another_type_or_null_is_kept_and_the_field_left_empty() {
        let sample = round_trip(&json!({"id": 7, "count": "2", "nested": null}));
        assert_eq!((sample.id.as_str(), sample.count, sample.nested.is_none()), ("", None, true));
        assert_eq!(sample.unknown.get("id"), Some(&json!(7)));
        assert_eq!(sample.unknown.get("count"), Some(&json!("2")));
        assert_eq!(sample.unknown.get("nested"), Some(&Value::Null));
    }

    #[test]
    fn nested_records_keep_their_own_unknown_fields() {
        let sample = round_trip(&json!({"id": "a", "nested": {"id": "b", "deep": true, "nested": {"id": "c"}}}));
        let nested = sample.nested.unwrap_or_else(|| panic!("nested"));
        assert_eq!(nested.unknown.get("deep"), Some(&json!(true)));
        assert_eq!(nested.nested.map(|deeper| deeper.id), Some("c".to_owned()));
    }

    #[test]
    fn a_missing_required_field_takes_its_default() {
        let sample = round_trip(&json!({"count": 1}));
        assert_eq!(sample.id, "");
        assert!(sample.unknown.is_empty());
        assert_eq!(sample.unknown.missing(), ["id"]);
    }

    #[test]
    fn only_a_value_that_is_no_object_fails_at_the_top() {
        let error = serde_json::from_value::<Sample>(json!("text")).unwrap_err();
        assert_eq!(error.to_string(), "expected Sample, found a string");
        assert!(serde_json::from_str::<Sample>(r#"{"id": "a", "count": }"#).is_err());
    }

    /// A union as the generator writes one: kinds `sample` and `empty`.
    #[derive(Debug, PartialEq)]
    enum Shape {
        Sample(Box<Sample>),
        Unknown(UnknownFields),
    }

    impl Union for Shape {
        const NAME: &'static str = "Shape";
        const TAG: &'static str = "type";
        const TAGS: &'static [&'static str] = &["sample"];

        fn read_kind<'de, A: Map<'de>>(kind: usize, reader: Reader<'de, A>) -> Result<Self, A::Error> {
            Ok(match kind {
                0 => Self::Sample(Box::new(read_fields(reader)?)),
                _ => Self::Unknown(reader.keep_all()?),
            })
        }

        fn unknown(fields: UnknownFields) -> Self {
            Self::Unknown(fields)
        }

        fn kind(&self) -> Option<usize> {
            match self {
                Self::Sample(_) => Some(0),
                Self::Unknown(_) => None,
            }
        }

        fn write<S: Serializer>(&self, outer: Option<(&str, &str)>, serializer: S) -> Result<S::Ok, S::Error> {
            match self {
                Self::Sample(kind) => write_kind(outer, Some(("type", "sample")), kind.as_ref(), serializer),
                Self::Unknown(fields) => write_unknown(outer, fields, serializer),
            }
        }
    }

    crate::tagged_union!(Shape);

    fn union_round_trip(json: &Value) -> Shape {
        let shape: Shape = serde_json::from_value(json.clone()).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(&serde_json::to_value(&shape).unwrap_or_else(|error| panic!("{error}")), json);
        let from_text: Shape = serde_json::from_str(&json.to_string()).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(from_text, shape, "from text as from a value");
        shape
    }

    #[test]
    fn a_union_reads_the_kind_its_tag_names_wherever_the_tag_is() {
        for json in [json!({"type": "sample", "id": "a", "extra": 1}), json!({"id": "a", "extra": 1, "type": "sample"})]
        {
            let Shape::Sample(sample) = union_round_trip(&json) else { panic!("{json} is a sample") };
            assert_eq!(sample.id, "a");
            assert_eq!(sample.unknown.get("extra"), Some(&json!(1)));
            assert!(sample.unknown.get("type").is_none(), "the tag is not a field of the kind");
        }
    }

    #[test]
    fn a_kind_the_union_does_not_know_is_kept_whole() {
        for json in [
            json!({"type": "circle", "r": 2}),
            json!({"r": 2, "type": "circle"}),
            json!({"type": 7, "r": 2}),
            json!({"r": 2}),
            json!({}),
        ] {
            let Shape::Unknown(fields) = union_round_trip(&json) else { panic!("{json} is unknown") };
            assert_eq!(fields.len(), json.as_object().map_or(0, serde_json::Map::len));
        }
    }

    #[test]
    fn a_key_is_checked_as_text_only_when_kept() {
        let kept = serde_json::from_slice::<Sample>(b"{\"id\": \"a\", \"caf\xc3\xa9\": 1}");
        assert_eq!(kept.ok().and_then(|sample| sample.unknown.get("caf\u{e9}").cloned()), Some(json!(1)));
        let error = serde_json::from_slice::<Sample>(b"{\"id\": \"a\", \"\xff\": 1}").unwrap_err();
        assert!(error.to_string().contains("not UTF-8"), "{error}");
    }

    #[test]
    fn a_union_tag_of_another_type_is_kept_with_the_object() {
        let Shape::Unknown(fields) = union_round_trip(&json!({"type": ["sample"], "id": "a"})) else {
            panic!("a tag that is no text names no kind")
        };
        assert_eq!(fields.get("type"), Some(&json!(["sample"])));
    }

    /// A union held by another, as message events are by `Event`: kinds by `subtype`,
    /// and one for an object without it.
    #[derive(Debug, PartialEq)]
    enum Inner {
        Changed(Box<Sample>),
        Plain(Box<Sample>),
        Unknown(UnknownFields),
    }

    impl Union for Inner {
        const NAME: &'static str = "Inner";
        const TAG: &'static str = "subtype";
        const TAGS: &'static [&'static str] = &["changed"];
        const UNTAGGED: Option<usize> = Some(1);

        fn read_kind<'de, A: Map<'de>>(kind: usize, reader: Reader<'de, A>) -> Result<Self, A::Error> {
            Ok(match kind {
                0 => Self::Changed(Box::new(read_fields(reader)?)),
                1 => Self::Plain(Box::new(read_fields(reader)?)),
                _ => Self::Unknown(reader.keep_all()?),
            })
        }

        fn unknown(fields: UnknownFields) -> Self {
            Self::Unknown(fields)
        }

        fn kind(&self) -> Option<usize> {
            match self {
                Self::Changed(_) => Some(0),
                Self::Plain(_) => Some(1),
                Self::Unknown(_) => None,
            }
        }

        fn write<S: Serializer>(&self, outer: Option<(&str, &str)>, serializer: S) -> Result<S::Ok, S::Error> {
            match self {
                Self::Changed(kind) => write_kind(outer, Some(("subtype", "changed")), kind.as_ref(), serializer),
                Self::Plain(kind) => write_kind(outer, None, kind.as_ref(), serializer),
                Self::Unknown(fields) => write_unknown(outer, fields, serializer),
            }
        }
    }

    crate::tagged_union!(Inner);

    #[derive(Debug, PartialEq)]
    enum Outer {
        Message(Box<Inner>),
        Unknown(UnknownFields),
    }

    impl Union for Outer {
        const NAME: &'static str = "Outer";
        const TAG: &'static str = "type";
        const TAGS: &'static [&'static str] = &["message"];

        fn read_kind<'de, A: Map<'de>>(kind: usize, reader: Reader<'de, A>) -> Result<Self, A::Error> {
            Ok(match kind {
                0 => Self::Message(Box::new(read_nested(reader)?)),
                _ => Self::Unknown(reader.keep_all()?),
            })
        }

        fn unknown(fields: UnknownFields) -> Self {
            Self::Unknown(fields)
        }

        fn kind(&self) -> Option<usize> {
            match self {
                Self::Message(_) => Some(0),
                Self::Unknown(_) => None,
            }
        }

        fn write<S: Serializer>(&self, outer: Option<(&str, &str)>, serializer: S) -> Result<S::Ok, S::Error> {
            match self {
                Self::Message(kind) => write_nested("type", "message", kind.as_ref(), serializer),
                Self::Unknown(fields) => write_unknown(outer, fields, serializer),
            }
        }
    }

    crate::tagged_union!(Outer);

    fn nested_round_trip(json: &Value) -> Outer {
        let outer: Outer = serde_json::from_value(json.clone()).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(&serde_json::to_value(&outer).unwrap_or_else(|error| panic!("{error}")), json);
        let from_text: Outer = serde_json::from_str(&json.to_string()).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(from_text, outer, "from text as from a value");
        outer
    }

    #[test]
    fn a_union_held_by_another_reads_its_kind_by_its_own_tag() {
        for json in [
            json!({"type": "message", "subtype": "changed", "id": "a"}),
            json!({"id": "a", "subtype": "changed", "type": "message"}),
        ] {
            let Outer::Message(inner) = nested_round_trip(&json) else { panic!("{json} is a message") };
            let Inner::Changed(sample) = *inner else { panic!("{json} is a change") };
            assert_eq!(sample.id, "a");
            assert!(sample.unknown.is_empty(), "neither tag is a field: {:?}", sample.unknown);
        }
    }

    #[test]
    fn an_object_without_the_inner_tag_is_the_untagged_kind() {
        for json in [json!({"type": "message", "id": "a"}), json!({"id": "a", "type": "message"})] {
            let Outer::Message(inner) = nested_round_trip(&json) else { panic!("{json} is a message") };
            assert!(matches!(*inner, Inner::Plain(ref sample) if sample.id == "a"), "{inner:?}");
        }
        let Outer::Message(inner) = nested_round_trip(&json!({"type": "message"})) else {
            panic!("a message with nothing else is a message")
        };
        assert!(matches!(*inner, Inner::Plain(_)), "nothing after the outer tag is no tag: {inner:?}");
        let Outer::Message(inner) = nested_round_trip(&json!({"type": "message", "subtype": "new", "id": "a"})) else {
            panic!("a message of an unknown subtype is still a message")
        };
        let Inner::Unknown(fields) = *inner else { panic!("an unknown subtype is kept whole") };
        assert_eq!(fields.get("subtype"), Some(&json!("new")));
    }

    #[test]
    fn borrows_plain_keys_and_owns_escaped_ones() {
        let plain: Key<'_> = serde_json::from_str(r#""channel""#).unwrap_or_else(|error| panic!("{error}"));
        assert!(matches!(plain.0, Cow::Borrowed(b"channel")));
        let escaped: Key<'_> = serde_json::from_str(r#""chan\u006eel""#).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(escaped.as_bytes(), b"channel");
    }
}

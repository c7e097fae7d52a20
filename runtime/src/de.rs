//! What the generated deserializers of responses share.
//!
//! Each generated response (and response object) implements [`Answer`], reading a JSON
//! object key by key, and deserializes through [`answer`]. They are public for the
//! generated crate, not for use by hand.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};

/// An object key, borrowed from the input when it can be.
#[derive(Debug)]
pub struct Key<'de>(Cow<'de, str>);

impl Key<'_> {
    /// The key as text.
    pub fn as_str(&self) -> &str {
        &self.0
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

            fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Borrowed(key)))
            }

            fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(key.to_owned())))
            }

            fn visit_string<E: de::Error>(self, key: String) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(key)))
            }
        }

        deserializer.deserialize_str(KeyVisitor)
    }
}

/// serde's `MapAccess`, under a name that keeps generated signatures on one line.
pub use serde::de::MapAccess as Map;

/// A struct that a generated deserializer reads from a JSON object, key by key.
pub trait Answer: Sized {
    /// The type's name, for error messages.
    const NAME: &'static str;

    /// Reads the object's entries into the struct.
    ///
    /// # Errors
    ///
    /// When a value does not decode, or a required field is missing.
    fn read_map<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

/// Deserializes an [`Answer`] from a JSON object: what each generated `Deserialize`
/// implementation calls.
///
/// # Errors
///
/// When the input is not an object of the type.
pub fn answer<'de, T: Answer, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    struct AnswerVisitor<T>(PhantomData<T>);

    impl<'de, T: Answer> Visitor<'de> for AnswerVisitor<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "the JSON object of {}", T::NAME)
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            T::read_map(map)
        }
    }

    deserializer.deserialize_map(AnswerVisitor(PhantomData))
}

/// Reads the value of a field that every answer has into its slot.
///
/// # Errors
///
/// When the value does not decode.
pub fn set<'de, A: MapAccess<'de>, T: Deserialize<'de>>(map: &mut A, slot: &mut Option<T>) -> Result<(), A::Error> {
    *slot = Some(map.next_value()?);
    Ok(())
}

/// Reads the value of an optional field into its slot: `null` leaves it empty.
///
/// # Errors
///
/// When the value does not decode.
pub fn set_opt<'de, A: MapAccess<'de>, T: Deserialize<'de>>(map: &mut A, slot: &mut Option<T>) -> Result<(), A::Error> {
    *slot = map.next_value()?;
    Ok(())
}

/// Skips the value of a key the struct does not know.
///
/// # Errors
///
/// When the value is not valid JSON.
pub fn skip<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<IgnoredAny>().map(drop)
}

/// Reads past every entry of an object whose fields the struct does not model.
///
/// # Errors
///
/// When the object is not valid JSON.
pub fn skip_all<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_key::<IgnoredAny>()?.is_some() {
        skip(&mut map)?;
    }
    Ok(())
}

/// The value of a required field, or serde's "missing field" error naming it.
///
/// # Errors
///
/// When the object did not have the field.
pub fn required<T, E: de::Error>(value: Option<T>, field: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(field))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrows_plain_keys_and_owns_escaped_ones() {
        let plain: Key<'_> = serde_json::from_str(r#""channel""#).unwrap_or_else(|error| panic!("{error}"));
        assert!(matches!(plain.0, Cow::Borrowed("channel")));
        let escaped: Key<'_> = serde_json::from_str(r#""chan\u006eel""#).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(escaped.as_str(), "channel");
    }

    #[test]
    fn a_missing_required_field_is_named() {
        let error = required::<u8, serde_json::Error>(None, "ts").unwrap_err();
        assert_eq!(error.to_string(), "missing field `ts`");
    }
}

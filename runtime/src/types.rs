//! Typed values that Slack methods take and answer: IDs, timestamps, cursors.
//!
//! Each is a thin wrapper over the string Slack sends, so a user ID cannot be passed
//! where a channel ID is expected. They serialize as plain strings.

use serde::ser::SerializeMap;

use crate::de::{Map, Reader, Record, UnknownFields, Writer};

macro_rules! string_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps a value as Slack sends it.
            pub fn new(value: impl Into<String>) -> Self {
                Self(value.into())
            }

            /// The value as Slack sends it.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The inner string.
            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl ::std::convert::AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl ::std::convert::From<String> for $name {
            fn from(value: String) -> Self {
                Self(value)
            }
        }

        impl $crate::ArgValue for $name {
            fn write_arg<W: $crate::ArgWriter + ?Sized>(
                &self,
                name: &str,
                args: &mut W,
            ) -> ::std::result::Result<(), serde_json::Error> {
                args.text(name, &self.0);
                Ok(())
            }
        }

        impl $crate::ArgText for $name {
            fn arg_text(&self) -> ::std::borrow::Cow<'_, str> {
                ::std::borrow::Cow::Borrowed(&self.0)
            }
        }

        impl ::std::convert::From<&str> for $name {
            fn from(value: &str) -> Self {
                Self(value.to_owned())
            }
        }

        $crate::lenient::lenient_text!($name);
    };
}

string_type! {
    /// A user ID (`U0123ABCD` or `W0123ABCD`).
    UserId
}
string_type! {
    /// A channel, private channel, DM or MPIM ID (`C0123ABCD`, `G…`, `D…`).
    ChannelId
}
string_type! {
    /// A workspace (team) ID (`T0123ABCD`).
    TeamId
}
string_type! {
    /// An Enterprise Grid organization ID (`E0123ABCD`).
    EnterpriseId
}
string_type! {
    /// An app ID (`A0123ABCD`).
    AppId
}
string_type! {
    /// A bot ID (`B0123ABCD`).
    BotId
}
string_type! {
    /// A file ID (`F0123ABCD`).
    FileId
}
string_type! {
    /// A user group ID (`S0123ABCD`).
    UsergroupId
}
string_type! {
    /// A short-lived trigger ID from an interaction, used to open modals or request
    /// permissions. Single use.
    TriggerId
}
string_type! {
    /// A message timestamp (`1524523204.000192`), which is also the message's ID within
    /// its channel. Kept as the exact string: it is not a float.
    Timestamp
}
string_type! {
    /// An opaque pagination cursor from `response_metadata.next_cursor`.
    Cursor
}

/// Text that grants access: a client secret, an OAuth code, an access or refresh
/// token, a webhook URL.
///
/// It redacts itself in `Debug` output (`Secret(<redacted>)`) and has no `Display`, so
/// it cannot reach a log line by accident; read it with [`Secret::expose`]. The client
/// sends it, like every argument, in the request body, never in a URL. It serializes
/// as the plain string, so that an answer stored as JSON (an installation, say) keeps
/// it: inside a newtype struct named [`SECRET`](crate::de::SECRET), which JSON writes
/// away and the records' `Debug` redacts.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(String);

impl serde::Serialize for Secret {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_newtype_struct(crate::de::SECRET, &self.0)
    }
}

/// From the plain string, or from the newtype struct it serializes as (formats that
/// keep newtypes, such as RON, write one).
impl<'de> serde::Deserialize<'de> for Secret {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SecretVisitor;

        impl<'de> serde::de::Visitor<'de> for SecretVisitor {
            type Value = Secret;

            fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str("a secret, as a string")
            }

            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Secret, E> {
                Ok(Secret(value.to_owned()))
            }

            fn visit_string<E: serde::de::Error>(self, value: String) -> Result<Secret, E> {
                Ok(Secret(value))
            }

            fn visit_newtype_struct<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Secret, D::Error> {
                <String as serde::Deserialize>::deserialize(deserializer).map(Secret)
            }
        }

        deserializer.deserialize_newtype_struct(crate::de::SECRET, SecretVisitor)
    }
}

impl Secret {
    /// Wraps a secret.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself, to hand to what needs it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The secret itself, owned.
    pub fn into_exposed(self) -> String {
        self.0
    }
}

impl ::std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(crate::debug::REDACTED)
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

impl crate::ArgValue for Secret {
    fn write_arg<W: crate::ArgWriter + ?Sized>(&self, name: &str, args: &mut W) -> Result<(), serde_json::Error> {
        args.text(name, &self.0);
        Ok(())
    }
}

crate::lenient::lenient_text!(Secret);

/// The `response_metadata` of an answer: where the next page starts, and notes.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ResponseMetadata {
    /// The cursor of the next page; empty or absent on the last page.
    pub next_cursor: Option<Cursor>,
    /// Warning codes, as text (the client also decodes them into the method's type).
    pub warnings: Option<Vec<String>>,
    /// Human-readable notes, such as why an argument was rejected.
    pub messages: Option<Vec<String>>,
    /// Fields this type does not model, kept as Slack sent them.
    pub unknown: UnknownFields,
}

impl ResponseMetadata {
    /// The cursor of the next page, or `None` on the last page (Slack sends an empty
    /// string there).
    pub fn next_cursor(&self) -> Option<&Cursor> {
        self.next_cursor.as_ref().filter(|cursor| !cursor.as_str().is_empty())
    }
}

impl Record for ResponseMetadata {
    const NAME: &'static str = "ResponseMetadata";

    fn read_field<'de, A: Map<'de>>(&mut self, key: &[u8], reader: &mut Reader<'de, A>) -> Result<bool, A::Error> {
        match key {
            b"next_cursor" => reader.field(&mut self.next_cursor, "next_cursor"),
            b"warnings" => reader.field(&mut self.warnings, "warnings"),
            b"messages" => reader.field(&mut self.messages, "messages"),
            _ => return Ok(false),
        }?;
        Ok(true)
    }

    fn write<M: SerializeMap>(&self, writer: &mut Writer<'_, M>) {
        writer.opt("next_cursor", &self.next_cursor).opt("warnings", &self.warnings).opt("messages", &self.messages);
    }

    fn unknown(&self) -> &UnknownFields {
        &self.unknown
    }

    fn unknown_mut(&mut self) -> &mut UnknownFields {
        &mut self.unknown
    }
}

crate::record!(ResponseMetadata);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_serialize_as_plain_strings() {
        let user = UserId::new("U123");
        assert_eq!(serde_json::to_string(&user).unwrap(), "\"U123\"");
        let back: UserId = serde_json::from_str("\"U123\"").unwrap();
        assert_eq!(back, user);
        assert_eq!(back.to_string(), "U123");
        assert_eq!(Timestamp::from("1524523204.000192").as_str(), "1524523204.000192");
    }

    #[test]
    fn an_empty_next_cursor_means_the_last_page() {
        let last: ResponseMetadata = serde_json::from_str(r#"{"next_cursor": ""}"#).unwrap();
        assert_eq!(last.next_cursor(), None);
        let more: ResponseMetadata = serde_json::from_str(r#"{"next_cursor": "dXNlcg=="}"#).unwrap();
        assert_eq!(more.next_cursor().map(Cursor::as_str), Some("dXNlcg=="));
        assert_eq!(ResponseMetadata::default().next_cursor(), None);
    }

    #[test]
    fn response_metadata_keeps_what_it_does_not_model() {
        let json = serde_json::json!({"next_cursor": "", "messages": ["a"], "scopes": ["chat:write"]});
        let metadata: ResponseMetadata = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(metadata.messages.as_deref(), Some(&["a".to_owned()][..]));
        assert_eq!(metadata.unknown.get("scopes"), Some(&serde_json::json!(["chat:write"])));
        assert_eq!(serde_json::to_value(&metadata).unwrap(), json);
    }

    #[test]
    fn a_secret_never_shows_in_debug_output_and_round_trips_as_text() {
        let secret = Secret::new("xoxe-1-refresh");
        assert_eq!(format!("{secret:?}"), "Secret(<redacted>)");
        assert_eq!(format!("{:?}", Some(&secret)), "Some(Secret(<redacted>))");
        assert_eq!(serde_json::to_string(&secret).unwrap(), "\"xoxe-1-refresh\"");
        let back: Secret = serde_json::from_str("\"xoxe-1-refresh\"").unwrap();
        assert_eq!((back.expose(), back == secret), ("xoxe-1-refresh", true));
        let mut form = crate::FormArgs::new();
        crate::ArgValue::write_arg(&secret, "refresh_token", &mut form).unwrap();
        assert_eq!(form.finish(), "refresh_token=xoxe-1-refresh");
    }
}

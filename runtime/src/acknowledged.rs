//! The answer of a method whose spec documents no field beyond `ok`.

use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::de::{self, Map, Reader, Record, UnknownFields, Writer};
use crate::{Code, MethodResponse};

/// A success answer with no documented field: `{"ok": true}`, the warnings that came
/// with it, and whatever else Slack sent. The `…Response` type of every method whose
/// spec lists no response field is this one, with its method's warnings.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Acknowledged<W> {
    /// The warnings Slack sent with the answer, from its `warning` and
    /// `response_metadata.warnings` fields.
    pub warnings: Vec<W>,
    /// The fields of the answer beside `ok`, kept as Slack sent them.
    pub unknown: UnknownFields,
}

impl<W> Default for Acknowledged<W> {
    fn default() -> Self {
        Self { warnings: Vec::new(), unknown: UnknownFields::new() }
    }
}

impl<W> Record for Acknowledged<W> {
    const NAME: &'static str = "Acknowledged";

    fn read_field<'de, A: Map<'de>>(&mut self, key: &[u8], reader: &mut Reader<'de, A>) -> Result<bool, A::Error> {
        if key == b"ok" {
            reader.skip()?;
            return Ok(true);
        }
        Ok(false)
    }

    fn write<M: SerializeMap>(&self, writer: &mut Writer<'_, M>) {
        writer.req("ok", &true);
    }

    fn unknown(&self) -> &UnknownFields {
        &self.unknown
    }

    fn unknown_mut(&mut self) -> &mut UnknownFields {
        &mut self.unknown
    }
}

impl<W> de::Lenient for Acknowledged<W> {
    fn from_map<'de, A: Map<'de>>(map: A) -> Result<de::Outcome<Self>, A::Error> {
        de::read_record(map).map(Ok)
    }
}

impl<'de, W> Deserialize<'de> for Acknowledged<W> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        de::strict(deserializer, Self::NAME)
    }
}

impl<W> Serialize for Acknowledged<W> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        de::write_record(self, serializer)
    }
}

impl<W: Code> MethodResponse for Acknowledged<W> {
    type Warning = W;

    fn warnings(&self) -> &[W] {
        &self.warnings
    }

    fn set_warnings(&mut self, warnings: Vec<W>) {
        self.warnings = warnings;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CommonOnly, CommonWarning};

    type Answer = Acknowledged<CommonOnly<CommonWarning>>;

    #[test]
    fn keeps_any_object_and_the_warnings_set_on_it() {
        let json = r#"{"ok": true, "extra": {"nested": [1, 2]}}"#;
        let mut answer: Answer = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(answer.unknown.get("extra"), Some(&serde_json::json!({"nested": [1, 2]})));
        assert!(answer.warnings().is_empty());
        answer.set_warnings(vec![CommonOnly::Common(CommonWarning::MissingCharset)]);
        assert_eq!(answer.warnings().len(), 1);
        let back = serde_json::to_value(&answer).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, serde_json::from_str::<serde_json::Value>(json).unwrap_or_else(|e| panic!("{e}")));
        let error = serde_json::from_str::<Answer>("[1]").unwrap_err();
        assert_eq!(error.to_string(), "expected Acknowledged, found an array");
    }
}

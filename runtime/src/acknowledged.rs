//! The answer of a method whose spec documents no field beyond `ok`.

use serde::{Deserialize, Deserializer};

use crate::de::{self, Answer, Map};
use crate::{Code, MethodResponse};

/// A success answer with no documented field: `{"ok": true}`, and the warnings that
/// came with it. The `…Response` type of every method whose spec lists no response
/// field is this one, with its method's warnings.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Acknowledged<W> {
    /// The warnings Slack sent with the answer, from its `warning` and
    /// `response_metadata.warnings` fields.
    pub warnings: Vec<W>,
}

impl<W> Default for Acknowledged<W> {
    fn default() -> Self {
        Self { warnings: Vec::new() }
    }
}

impl<W> Answer for Acknowledged<W> {
    const NAME: &'static str = "an answer with no documented field";

    fn read_map<'de, A: Map<'de>>(map: A) -> Result<Self, A::Error> {
        de::skip_all(map)?;
        Ok(Self::default())
    }
}

impl<'de, W> Deserialize<'de> for Acknowledged<W> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        de::answer(deserializer)
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

    #[test]
    fn reads_any_object_and_keeps_the_warnings_set_on_it() {
        let mut answer: Acknowledged<CommonOnly<CommonWarning>> =
            serde_json::from_str(r#"{"ok": true, "extra": {"nested": [1, 2]}}"#).unwrap_or_else(|e| panic!("{e}"));
        assert!(answer.warnings().is_empty());
        answer.set_warnings(vec![CommonOnly::Common(CommonWarning::MissingCharset)]);
        assert_eq!(answer.warnings().len(), 1);
        assert!(serde_json::from_str::<Acknowledged<CommonOnly<CommonWarning>>>("[1]").is_err());
    }
}

//! Calling a method the spec does not have yet, by its name.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::encoding::{EncodedBody, FORM_CONTENT_TYPE, JSON_CONTENT_TYPE};
use crate::{
    ArgResult, ArgWriter, CommonError, CommonOnly, CommonWarning, ContentType, FormArgs, HttpMethod, Lifecycle, Method,
    RateTier, Scopes,
};

/// A call of any method by its name, with a form or JSON body: for a method Slack added
/// after the spec (`client.call_untyped(UntypedCall::json("new.method", args))`).
///
/// It goes through the client like any call: the same `Authorization` header, retries,
/// pacing (by the tier it is given, Tier 3 unless told) and [`CallError`](crate::CallError)
/// classes, typed as [`Untyped`]'s. To type a method of your own instead, implement
/// [`Method`] for your request type (see [`Untyped`]'s source for a minimal one).
///
/// Its `Debug` output shows the method and the body's length, never the arguments,
/// which may hold secrets (`client_secret`).
#[derive(Clone)]
pub struct UntypedCall {
    pub(crate) method: String,
    pub(crate) body: EncodedBody,
    pub(crate) tier: RateTier,
}

impl UntypedCall {
    /// A call of `method` with these arguments as a form, the encoding every method
    /// takes.
    pub fn form<'a>(method: impl Into<String>, arguments: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut form = FormArgs::new();
        for (name, value) in arguments {
            form.text(name, value);
        }
        let body = EncodedBody { content_type: FORM_CONTENT_TYPE, bytes: form.finish().into_bytes() };
        Self { method: method.into(), body, tier: RateTier::Tier3 }
    }

    /// A call of `method` with this JSON object as its body, for a method that takes JSON
    /// (a method that does not ignores it).
    pub fn json(method: impl Into<String>, arguments: &Map<String, Value>) -> Self {
        let bytes = serde_json::to_vec(arguments).unwrap_or_else(|_| b"{}".to_vec());
        let body = EncodedBody { content_type: JSON_CONTENT_TYPE, bytes };
        Self { method: method.into(), body, tier: RateTier::Tier3 }
    }

    /// The same call, paced as a method of `tier` (when the client paces).
    pub fn tier(mut self, tier: RateTier) -> Self {
        self.tier = tier;
        self
    }

    /// The method's name.
    pub fn method(&self) -> &str {
        &self.method
    }
}

impl std::fmt::Debug for UntypedCall {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UntypedCall")
            .field("method", &self.method)
            .field("content_type", &self.body.content_type)
            .field("body_len", &self.body.bytes.len())
            .field("tier", &self.tier)
            .finish()
    }
}

/// What an [`UntypedCall`]'s errors and answer are typed as: a method that documents no
/// code of its own, so its errors are the codes every method answers
/// (`CommonOnly<CommonError>`) or kept as Slack sent them.
///
/// Its `NAME`, which error messages and the warnings' log line name, is not the method
/// called (which [`UntypedCall::method`] and the client's log lines of each attempt
/// give): a constant cannot be.
#[derive(Debug, Clone, Copy)]
pub struct Untyped;

impl Method for Untyped {
    const NAME: &'static str = "an untyped method";
    const HTTP_METHOD: HttpMethod = HttpMethod::Post;
    const CONTENT_TYPES: &'static [ContentType] = &[ContentType::FormUrlEncoded, ContentType::Json];
    const RATE_TIER: RateTier = RateTier::Tier3;
    const SCOPES: Scopes = Scopes::new(None, None);
    const LIFECYCLE: Lifecycle = Lifecycle::Stable;
    const AUTHENTICATED: bool = true;

    type Response = UntypedResponse;
    type Error = CommonOnly<CommonError>;
    type Warning = CommonOnly<CommonWarning>;

    fn write_args<W: ArgWriter>(&self, _args: &mut W) -> ArgResult {
        Ok(())
    }
}

/// The success answer of an [`UntypedCall`]: its JSON object, `ok` included, and the
/// warnings that came with it.
///
/// Its `Debug` output redacts the fields that hold secrets (`access_token`,
/// `refresh_token`, `client_secret` and the like), at any depth.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct UntypedResponse {
    /// The answer's fields.
    #[serde(flatten)]
    pub fields: Map<String, Value>,
    /// The warnings, from `warning` and `response_metadata.warnings`.
    #[serde(skip)]
    pub warnings: Vec<CommonOnly<CommonWarning>>,
}

impl UntypedResponse {
    /// The field `name` of the answer.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.fields.get(name)
    }
}

crate::method_response!(UntypedResponse, CommonOnly<CommonWarning>);

impl std::fmt::Debug for UntypedResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut fields = Value::Object(self.fields.clone());
        redact(&mut fields);
        f.debug_struct("UntypedResponse").field("fields", &fields).field("warnings", &self.warnings).finish()
    }
}

/// Replaces the values of secret fields ([`is_secret_name`](crate::is_secret_name)) with
/// `<redacted>`.
fn redact(value: &mut Value) {
    match value {
        Value::Object(fields) => {
            for (name, value) in fields.iter_mut() {
                if crate::is_secret_name(name) {
                    *value = Value::from("<redacted>");
                } else {
                    redact(value);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_redacts_secrets_at_any_depth() {
        let answer: UntypedResponse = serde_json::from_value(serde_json::json!({
            "ok": true, "access_token": "xoxb-SECRET", "authed_user": {"access_token": "xoxp-SECRET", "id": "U1"},
            "refresh": [{"refresh_token": "xoxe-SECRET"}],
        }))
        .unwrap();
        let debug = format!("{answer:?}");
        assert!(!debug.contains("SECRET"), "{debug}");
        assert!(debug.contains("U1"), "{debug}");
        assert_eq!(answer.get("access_token"), Some(&Value::from("xoxb-SECRET")));
        for (name, secret) in
            [("code", true), ("client_secret", true), ("token", true), ("channel", false), ("tokens", false)]
        {
            assert_eq!(crate::is_secret_name(name), secret, "{name}");
        }
    }
}

//! Reading Slack's answer into the outcome of a call.
//!
//! The body is parsed once into an [`Envelope`] holding only what every method shares
//! (`ok`, `error`, the warnings); everything else is skipped. A success then
//! deserializes the method's response type from the same bytes, ignoring fields it
//! does not know; an error, which is small, is read once more for its extra fields.

use std::time::Duration;

use http::header::RETRY_AFTER;
use http::{HeaderMap, StatusCode};
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::excerpt::excerpt;
use crate::{CallError, Code, DecodeError, HttpError, Method, MethodError, MethodResponse, RateLimited};

/// The fields every Slack answer shares.
#[derive(Debug, Deserialize)]
struct Envelope {
    ok: bool,
    error: Option<String>,
    warning: Option<String>,
    response_metadata: Option<ResponseMetadata>,
}

#[derive(Debug, Deserialize)]
struct ResponseMetadata {
    #[serde(default)]
    warnings: Vec<String>,
}

impl Envelope {
    /// The warning codes from `warning` (which may hold several, comma-separated) and
    /// `response_metadata.warnings`, each once, in the order Slack sent them.
    fn warning_codes(&self) -> Vec<&str> {
        let from_warning = self.warning.iter().flat_map(|warning| warning.split(','));
        let from_metadata = self.response_metadata.iter().flat_map(|metadata| metadata.warnings.iter());
        let mut codes: Vec<&str> = Vec::new();
        for code in from_warning.chain(from_metadata.map(String::as_str)) {
            let code = code.trim();
            if !code.is_empty() && !codes.contains(&code) {
                codes.push(code);
            }
        }
        codes
    }
}

/// Turns one HTTP answer to a call of `M` into the call's outcome, as
/// [`Client::call`](crate::Client::call) does after each attempt: for answers that
/// reach you some other way (your own HTTP stack, a recorded fixture).
///
/// - 429 is [`CallError::RateLimited`], whatever the body.
/// - `"ok": false` is [`CallError::Method`], whatever the status.
/// - `"ok": true` with a 2xx status is the typed response, with its warnings attached.
/// - Anything else is [`CallError::Http`] for an error status, [`CallError::Decode`] for
///   a successful one.
///
/// Warnings are logged here, once per answer, at warn level.
pub fn decode_answer<M: Method>(answer: &http::Response<Vec<u8>>) -> Result<M::Response, CallError<M>> {
    let status = answer.status();
    let body = answer.body();
    if status == StatusCode::TOO_MANY_REQUESTS {
        return Err(CallError::RateLimited(RateLimited { retry_after: retry_after(answer.headers()) }));
    }
    let envelope: Envelope = serde_json::from_slice(body).map_err(|reason| not_an_answer(status, body, reason))?;
    let codes = envelope.warning_codes();
    if !codes.is_empty() {
        tracing::warn!(method = M::NAME, warnings = %codes.join(","), "Slack answered with warnings");
    }
    let warnings: Vec<M::Warning> = codes.into_iter().map(M::Warning::from_code).collect();
    if !envelope.ok {
        let Some(code) = envelope.error else {
            let reason = serde::de::Error::custom("`ok` is false but there is no `error` code");
            return Err(not_an_answer(status, body, reason));
        };
        return Err(CallError::Method(MethodError {
            code: M::Error::from_code(&code),
            warnings,
            extra: extra_fields(body),
        }));
    }
    if !status.is_success() {
        return Err(CallError::Http(HttpError { status, excerpt: excerpt(body) }));
    }
    let mut response: M::Response =
        serde_json::from_slice(body).map_err(|reason| not_an_answer(status, body, reason))?;
    response.set_warnings(warnings);
    Ok(response)
}

/// A body that is not a Slack answer: an HTTP error when the status says so, else a
/// decode error.
fn not_an_answer<M: Method>(status: StatusCode, body: &[u8], reason: serde_json::Error) -> CallError<M> {
    if status.is_success() {
        CallError::Decode(DecodeError { status, excerpt: excerpt(body), reason })
    } else {
        CallError::Http(HttpError { status, excerpt: excerpt(body) })
    }
}

/// The `Retry-After` header in whole seconds, or [`RateLimited::DEFAULT_RETRY_AFTER`]
/// when it is missing or unreadable (Slack does not send the HTTP-date form).
fn retry_after(headers: &HeaderMap) -> Duration {
    headers
        .get(RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok())
        .map_or(RateLimited::DEFAULT_RETRY_AFTER, Duration::from_secs)
}

/// The fields of an error answer beyond `ok`, `error` and the warnings.
fn extra_fields(body: &[u8]) -> Map<String, Value> {
    let Ok(mut fields) = serde_json::from_slice::<Map<String, Value>>(body) else {
        return Map::new();
    };
    for shared in ["ok", "error", "warning"] {
        fields.remove(shared);
    }
    if let Some(Value::Object(metadata)) = fields.get_mut("response_metadata") {
        metadata.remove("warnings");
        if metadata.is_empty() {
            fields.remove("response_metadata");
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use http::HeaderValue;

    use super::*;

    fn envelope(json: &str) -> Envelope {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn warnings_come_from_both_places_once_each() {
        let answer = envelope(
            r#"{"ok":true,"warning":"missing_charset,superfluous_charset",
                "response_metadata":{"warnings":["superfluous_charset","new_warning"]}}"#,
        );
        assert_eq!(answer.warning_codes(), ["missing_charset", "superfluous_charset", "new_warning"]);
        assert!(envelope(r#"{"ok":true,"response_metadata":{"next_cursor":""}}"#).warning_codes().is_empty());
    }

    #[test]
    fn retry_after_is_whole_seconds_with_a_default() {
        let mut headers = HeaderMap::new();
        assert_eq!(retry_after(&headers), RateLimited::DEFAULT_RETRY_AFTER);
        headers.insert(RETRY_AFTER, HeaderValue::from_static("30"));
        assert_eq!(retry_after(&headers), Duration::from_secs(30));
        headers.insert(RETRY_AFTER, HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"));
        assert_eq!(retry_after(&headers), RateLimited::DEFAULT_RETRY_AFTER);
    }

    #[test]
    fn extra_fields_keep_everything_but_the_envelope() {
        let extra = extra_fields(
            br#"{"ok":false,"error":"missing_scope","needed":"chat:write","provided":"identify",
                 "warning":"x","response_metadata":{"warnings":["x"],"messages":["[ERROR] bad"]}}"#,
        );
        assert_eq!(
            Value::Object(extra),
            serde_json::json!({"needed":"chat:write","provided":"identify","response_metadata":{"messages":["[ERROR] bad"]}})
        );
        assert!(extra_fields(br#"{"ok":false,"error":"x","response_metadata":{"warnings":["y"]}}"#).is_empty());
    }
}

//! Reading Slack's answer into the outcome of a call.
//!
//! Most answers are read in one pass. A success without warnings (Slack writes `ok`
//! first, and a body that never says `"warning` has none) deserializes straight into
//! the method's response type; an error (`"ok":false` first) is read once into a map,
//! from which the code, the warnings and the extra fields are taken. Anything else
//! takes the general path: an [`Envelope`] holding only what every method shares (`ok`,
//! the warnings, everything else skipped), then the response type from the same bytes,
//! or, for an error, the same map as above. Each fast path falls back to the general
//! one when it does not fit, so the outcome never depends on which path read the body.

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
        let from_metadata = self.response_metadata.iter().flat_map(|metadata| metadata.warnings.iter());
        warning_codes(self.warning.as_deref(), from_metadata.map(String::as_str))
    }
}

/// The warning codes of an answer from its `warning` field and its
/// `response_metadata.warnings`, each once, in the order Slack sent them.
fn warning_codes<'a>(warning: Option<&'a str>, from_metadata: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let from_warning = warning.into_iter().flat_map(|warning| warning.split(','));
    let mut codes: Vec<&str> = Vec::new();
    for code in from_warning.chain(from_metadata) {
        let code = code.trim();
        if !code.is_empty() && !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

/// The value of `ok` when it is the first member of the body's object, as Slack writes
/// it; `None` for any other layout.
fn leading_ok(body: &[u8]) -> Option<bool> {
    let rest = body.trim_ascii_start().strip_prefix(b"{")?.trim_ascii_start();
    let rest = rest.strip_prefix(b"\"ok\"")?.trim_ascii_start().strip_prefix(b":")?.trim_ascii_start();
    if rest.starts_with(b"true") {
        Some(true)
    } else if rest.starts_with(b"false") {
        Some(false)
    } else {
        None
    }
}

/// Whether the body may hold warnings: it mentions `"warning` somewhere (a `warning`
/// field, `response_metadata.warnings`, or by chance inside some text).
fn mentions_warnings(body: &[u8]) -> bool {
    memchr::memmem::find(body, b"\"warning").is_some()
}

/// Logs the warnings of an answer, once, and types them.
fn typed_warnings<M: Method>(codes: &[impl std::borrow::Borrow<str>]) -> Vec<M::Warning> {
    if !codes.is_empty() {
        tracing::warn!(method = M::NAME, warnings = %codes.join(","), "Slack answered with warnings");
    }
    codes.iter().map(|code| M::Warning::from_code(code.borrow())).collect()
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
    match leading_ok(body) {
        Some(true) if status.is_success() && !mentions_warnings(body) => {
            if let Ok(response) = serde_json::from_slice::<M::Response>(body) {
                return Ok(response);
            }
        }
        Some(false) => {
            if let Ok(fields) = serde_json::from_slice::<Map<String, Value>>(body) {
                return Err(failure(status, body, fields));
            }
        }
        _ => {}
    }
    let envelope: Envelope = serde_json::from_slice(body).map_err(|reason| not_an_answer(status, body, reason))?;
    if !envelope.ok {
        return Err(match serde_json::from_slice::<Map<String, Value>>(body) {
            Ok(fields) => failure(status, body, fields),
            Err(reason) => not_an_answer(status, body, reason),
        });
    }
    let warnings = typed_warnings::<M>(&envelope.warning_codes());
    if !status.is_success() {
        return Err(CallError::Http(HttpError { status, excerpt: excerpt(body) }));
    }
    let mut response: M::Response =
        serde_json::from_slice(body).map_err(|reason| not_an_answer(status, body, reason))?;
    response.set_warnings(warnings);
    Ok(response)
}

/// An `"ok": false` answer read into `fields`, as the call's outcome: Slack's error,
/// typed, with its warnings and whatever else came beside the code.
fn failure<M: Method>(status: StatusCode, body: &[u8], fields: Map<String, Value>) -> CallError<M> {
    let Some(failure) = Failure::read(fields) else {
        let reason = serde::de::Error::custom("`ok` is false but there is no `error` code");
        return not_an_answer(status, body, reason);
    };
    CallError::Method(MethodError {
        code: M::Error::from_code(&failure.code),
        warnings: typed_warnings::<M>(&failure.warning_codes),
        extra: failure.extra,
    })
}

/// Slack's `"ok": false` answer taken apart: its code, its warnings, and the fields left
/// beside them.
#[derive(Debug)]
struct Failure {
    code: String,
    warning_codes: Vec<String>,
    extra: Map<String, Value>,
}

impl Failure {
    /// Takes each shared member (`ok`, `error`, the warnings) out of `fields` once, so
    /// that what is left is the extra fields; `None` when there is no `error` code.
    fn read(mut fields: Map<String, Value>) -> Option<Self> {
        fields.remove("ok");
        let Some(Value::String(code)) = fields.remove("error") else { return None };
        let warning = fields.remove("warning");
        let mut metadata_warnings = Vec::new();
        if let Some(Value::Object(metadata)) = fields.get_mut("response_metadata") {
            if let Some(Value::Array(listed)) = metadata.remove("warnings") {
                metadata_warnings = listed;
            }
            if metadata.is_empty() {
                fields.remove("response_metadata");
            }
        }
        let warning_codes =
            warning_codes(warning.as_ref().and_then(Value::as_str), metadata_warnings.iter().filter_map(Value::as_str))
                .into_iter()
                .map(str::to_owned)
                .collect();
        Some(Self { code, warning_codes, extra: fields })
    }
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
    fn reads_ok_only_where_slack_writes_it() {
        assert_eq!(leading_ok(br#"{"ok":true,"channel":"C1"}"#), Some(true));
        assert_eq!(leading_ok(b" {\n  \"ok\" : false }"), Some(false));
        assert_eq!(leading_ok(br#"{"channel":"C1","ok":true}"#), None);
        assert_eq!(leading_ok(br#"{"ok":"true"}"#), None);
        assert_eq!(leading_ok(b"<html>"), None);
        assert_eq!(leading_ok(b""), None);
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

    /// The extra fields of an `"ok": false` body.
    fn extra_fields(body: &[u8]) -> Map<String, Value> {
        Failure::read(serde_json::from_slice(body).unwrap()).unwrap().extra
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

    #[test]
    fn a_failure_without_a_code_is_not_read() {
        assert!(Failure::read(serde_json::from_str(r#"{"ok":false,"warning":"x"}"#).unwrap()).is_none());
        let failure =
            Failure::read(serde_json::from_str(r#"{"ok":false,"error":"e","warning":"a,b"}"#).unwrap()).unwrap();
        assert_eq!(failure.code, "e");
        assert_eq!(failure.warning_codes, ["a", "b"]);
    }
}

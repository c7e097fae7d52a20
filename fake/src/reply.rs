//! What the fake answers a valid call: scripted by a test, chosen by a behaviour, or the
//! method's sample response.

use std::time::Duration;

use http::{HeaderMap, StatusCode};
use hyper::body::Bytes;
use serde_json::{Map, Value};
use typed_slack_runtime::MethodInfo;

use crate::TokenKind;
use crate::answer::{Answer, add_warnings};

/// One answer to a call that passed validation.
///
/// Build one with the constructors below, and queue it with
/// [`Script::reply`](crate::Script::reply) (or the shorthands on [`Script`](crate::Script)),
/// or return it from a [`Behaviour`](crate::Behaviour). The warnings a request earns
/// (`missing_charset`, `superfluous_charset`) are added to the JSON object answers of
/// [`sample`](Self::sample), [`success`](Self::success) and [`error`](Self::error).
#[derive(Debug, Clone)]
#[must_use]
pub struct Reply {
    kind: Kind,
    delay: Duration,
    /// Tokens the answer issues, which the fake accepts from then on.
    grants: Vec<Grant>,
}

/// A token an answer issues.
#[derive(Debug, Clone)]
pub(crate) struct Grant {
    pub(crate) token: String,
    pub(crate) kind: TokenKind,
    /// How long it lives from the answer on, for a rotating token.
    pub(crate) lifetime: Option<Duration>,
}

#[derive(Debug, Clone)]
enum Kind {
    Sample,
    Success(Value),
    Error { code: String, fields: Map<String, Value> },
    Json(Value),
    RateLimited(Duration),
    ServerError(StatusCode),
    Raw { status: StatusCode, headers: HeaderMap, body: Bytes },
}

impl Reply {
    /// The method's sample response: the first success example of its spec, else a
    /// success with a placeholder for every required field.
    pub fn sample() -> Self {
        Self::of(Kind::Sample)
    }

    /// A success with this body. An object without `ok` gets `"ok": true`; anything
    /// else is sent as it is.
    pub fn success(body: Value) -> Self {
        let body = match body {
            Value::Object(mut fields) => {
                fields.entry("ok").or_insert(Value::Bool(true));
                Value::Object(fields)
            }
            other => other,
        };
        Self::of(Kind::Success(body))
    }

    /// `{"ok": false, "error": code}`, with HTTP 200 as Slack answers errors.
    pub fn error(code: impl Into<String>) -> Self {
        Self::of(Kind::Error { code: code.into(), fields: Map::new() })
    }

    /// An error with more fields beside the code, such as `needed` and `provided` for
    /// `missing_scope`. `fields` is an object; anything else adds nothing.
    pub fn error_with(code: impl Into<String>, fields: Value) -> Self {
        let fields = match fields {
            Value::Object(fields) => fields,
            _ => Map::new(),
        };
        Self::of(Kind::Error { code: code.into(), fields })
    }

    /// HTTP 200 with exactly this JSON body, warnings not added: for answers that are not
    /// Slack's, such as `{"ok": false}` without an error code.
    pub fn json(body: Value) -> Self {
        Self::of(Kind::Json(body))
    }

    /// HTTP 429 with `Retry-After` (whole seconds, rounded up) and
    /// `{"ok": false, "error": "ratelimited"}`, as Slack answers a call over its limit.
    pub fn rate_limited(retry_after: Duration) -> Self {
        Self::of(Kind::RateLimited(retry_after))
    }

    /// An HTML error page with this status (a 5xx, as a proxy in front of Slack sends);
    /// a number that is not an HTTP status becomes 500.
    pub fn server_error(status: u16) -> Self {
        Self::of(Kind::ServerError(StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)))
    }

    /// Exactly this HTTP response: any status, headers and body.
    pub fn raw(response: http::Response<Vec<u8>>) -> Self {
        let (parts, body) = response.into_parts();
        Self::of(Kind::Raw { status: parts.status, headers: parts.headers, body: Bytes::from(body) })
    }

    /// The same answer, sent after `delay` (on tokio's clock, so a test on a paused clock
    /// does not wait for it).
    pub fn delayed(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }

    /// The same answer, issuing `token` of `kind`: the fake accepts it from then on, as
    /// Slack accepts the tokens `oauth.v2.access` answers.
    pub fn granting(mut self, token: impl Into<String>, kind: TokenKind) -> Self {
        self.grants.push(Grant { token: token.into(), kind, lifetime: None });
        self
    }

    /// The same answer, issuing `token` of `kind` for `lifetime`: the fake accepts it
    /// until then, and answers `token_expired` after, as Slack does with rotating
    /// tokens.
    pub fn granting_for(mut self, token: impl Into<String>, kind: TokenKind, lifetime: Duration) -> Self {
        self.grants.push(Grant { token: token.into(), kind, lifetime: Some(lifetime) });
        self
    }

    fn of(kind: Kind) -> Self {
        Self { kind, delay: Duration::ZERO, grants: Vec::new() }
    }

    /// The tokens the answer issues, taken out of it.
    pub(crate) fn take_grants(&mut self) -> Vec<Grant> {
        std::mem::take(&mut self.grants)
    }

    /// The answer to a call of `info` that earned `warnings`.
    pub(crate) fn render(self, info: &MethodInfo, warnings: &[&str]) -> Answer {
        let sample = info.success_examples.first().copied().unwrap_or(info.sample_response);
        self.answer(sample, warnings)
    }

    /// The answer of an upload URL this reply was scripted for: `None` for a success
    /// (the URL then receives the bytes as usual), else the reply as a method sends it.
    pub(crate) fn render_upload(self) -> Option<Answer> {
        match self.kind {
            Kind::Sample | Kind::Success(_) => None,
            _ => Some(self.answer("", &[])),
        }
    }

    /// The answer, with `sample` for the method's sample response.
    fn answer(self, sample: &str, warnings: &[&str]) -> Answer {
        let mut answer = match self.kind {
            Kind::Sample => {
                match serde_json::from_str::<Value>(sample) {
                    Ok(sample) if !warnings.is_empty() => with_warnings(sample, warnings),
                    // Verbatim, so a test compares it to the spec's byte for byte.
                    _ => Answer::bytes(StatusCode::OK, JSON, sample.as_bytes().to_vec(), None),
                }
            }
            Kind::Success(body) => with_warnings(body, warnings),
            Kind::Error { code, fields } => {
                let mut body = Map::new();
                body.insert("ok".to_owned(), Value::Bool(false));
                body.insert("error".to_owned(), Value::String(code));
                for (name, value) in fields {
                    body.entry(name).or_insert(value);
                }
                with_warnings(Value::Object(body), warnings)
            }
            Kind::Json(body) => Answer::json(StatusCode::OK, &body),
            Kind::RateLimited(retry_after) => Answer::rate_limited(retry_after),
            Kind::ServerError(status) => Answer::html_error(status),
            Kind::Raw { status, headers, body } => {
                let error = serde_json::from_slice::<Value>(&body)
                    .ok()
                    .filter(|value| value["ok"] == Value::Bool(false))
                    .and_then(|value| value["error"].as_str().map(str::to_owned));
                Answer { status, headers, body, delay: Duration::ZERO, error }
            }
        };
        answer.delay = self.delay;
        answer
    }
}

const JSON: &str = "application/json; charset=utf-8";

fn with_warnings(mut body: Value, warnings: &[&str]) -> Answer {
    add_warnings(&mut body, warnings);
    Answer::json(StatusCode::OK, &body)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::testing;

    fn body(answer: &Answer) -> Value {
        serde_json::from_slice(&answer.body).unwrap()
    }

    #[test]
    fn the_sample_is_verbatim_unless_warned() {
        assert_eq!(Reply::sample().render(&testing::post(), &[]).body, testing::post().sample_response.as_bytes());
        let warned = Reply::sample().render(&testing::post(), &["missing_charset"]);
        let expected = json!({"ok": true, "channel": "C0000000000", "ts": "0000000000.000000",
                              "warning": "missing_charset", "response_metadata": {"warnings": ["missing_charset"]}});
        assert_eq!(body(&warned), expected);
    }

    #[test]
    fn successes_get_ok_and_errors_keep_their_code() {
        assert_eq!(body(&Reply::success(json!({"n": 2})).render(&testing::post(), &[])), json!({"ok": true, "n": 2}));
        let error = Reply::error_with("missing_scope", json!({"needed": "chat:write", "error": "x"}))
            .render(&testing::post(), &[]);
        assert_eq!(body(&error), json!({"ok": false, "error": "missing_scope", "needed": "chat:write"}));
        assert_eq!(error.error.as_deref(), Some("missing_scope"));
    }

    #[test]
    fn raw_answers_are_sent_as_given_after_their_delay() {
        let response = http::Response::builder().status(302).header("location", "/x").body(b"moved".to_vec()).unwrap();
        let answer =
            Reply::raw(response).delayed(Duration::from_secs(2)).render(&testing::post(), &["missing_charset"]);
        assert_eq!((answer.status.as_u16(), &answer.body[..]), (302, &b"moved"[..]));
        assert_eq!(answer.headers["location"], "/x");
        assert_eq!(answer.delay, Duration::from_secs(2));
        assert_eq!(Reply::server_error(5).render(&testing::post(), &[]).status, StatusCode::INTERNAL_SERVER_ERROR);
    }
}

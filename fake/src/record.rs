//! What the fake records of each request, for a test's assertions.

use std::fmt;

use http::header::AUTHORIZATION;
use http::{HeaderMap, StatusCode};
use hyper::body::Bytes;
use tokio::time::Instant;

use crate::{Arguments, TokenKind, TokenSource};

/// A request the fake received, and how it answered.
///
/// Its `Debug` output never shows the token: the `Authorization` header is marked
/// sensitive, a `token` field is not among the [`arguments`](Self::arguments), a
/// `token` in the query string is hidden, and the raw body is shown by length only.
#[derive(Clone)]
pub struct Request {
    pub(crate) method: String,
    pub(crate) http_method: http::Method,
    pub(crate) path: String,
    pub(crate) query: Option<String>,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
    /// The body's length as received, before the record cut it.
    pub(crate) body_len: usize,
    pub(crate) arguments: Arguments,
    pub(crate) token_kind: Option<TokenKind>,
    pub(crate) token_source: Option<TokenSource>,
    pub(crate) at: Instant,
    pub(crate) status: StatusCode,
    pub(crate) error: Option<String>,
    pub(crate) warnings: Vec<&'static str>,
}

impl Request {
    /// The Slack method named by the path (`chat.postMessage` for
    /// `/api/chat.postMessage`), whether the fake knows it or not; empty for an upload
    /// to an upload URL.
    pub fn method(&self) -> &str {
        &self.method
    }

    /// The HTTP method (`POST`).
    pub fn http_method(&self) -> &http::Method {
        &self.http_method
    }

    /// The path (`/api/chat.postMessage`).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The query string, if there was one.
    pub fn query(&self) -> Option<&str> {
        self.query.as_deref()
    }

    /// The headers. `Authorization` is marked sensitive, so it does not show in `Debug`
    /// output; [`header`](Self::header) still reads it.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The header `name` as text, if present and printable.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }

    /// The raw body, as sent (with a form's `token` field, if it had one), cut to the
    /// fake's [`RecordLimits::body_bytes`](crate::RecordLimits) when longer; its text
    /// arguments are then cut likewise.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// The body's length as received, whether or not the record kept it whole.
    pub fn body_len(&self) -> usize {
        self.body_len
    }

    /// Whether the record cut the body (and its text arguments) to the fake's limit.
    pub fn body_cut(&self) -> bool {
        self.body_len > self.body.len()
    }

    /// The raw body as text, invalid UTF-8 replaced.
    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The arguments, decoded from the query string and the body (see [`Arguments`]).
    pub fn arguments(&self) -> &Arguments {
        &self.arguments
    }

    /// The kind of the request's token, when it was one the fake accepts.
    pub fn token_kind(&self) -> Option<TokenKind> {
        self.token_kind
    }

    /// Where the request carried its token, if it had one.
    pub fn token_source(&self) -> Option<TokenSource> {
        self.token_source
    }

    /// When it arrived, on tokio's clock.
    pub fn at(&self) -> Instant {
        self.at
    }

    /// The HTTP status the fake answered.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The `error` code the fake answered, when it answered `"ok": false`.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// The warnings the request earned (`missing_charset`, `superfluous_charset`).
    pub fn warnings(&self) -> &[&'static str] {
        &self.warnings
    }
}

/// Marks the `Authorization` header sensitive, so `Debug` output does not show it.
pub(crate) fn hide_authorization(headers: &mut HeaderMap) {
    if let Some(value) = headers.get_mut(AUTHORIZATION) {
        value.set_sensitive(true);
    }
}

/// The query string with the value of any `token` pair hidden.
fn redact_query(query: &str) -> String {
    let pairs = query.split('&').map(|pair| match pair.split_once('=') {
        Some(("token", _)) => "token=<redacted>",
        _ => pair,
    });
    pairs.collect::<Vec<_>>().join("&")
}

impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("http_method", &self.http_method)
            .field("path", &self.path)
            .field("query", &self.query.as_deref().map(redact_query))
            .field("headers", &self.headers)
            .field("body", &format_args!("<{} bytes>", self.body_len))
            .field("arguments", &self.arguments)
            .field("token_kind", &self.token_kind)
            .field("token_source", &self.token_source)
            .field("at", &self.at)
            .field("status", &self.status)
            .field("error", &self.error)
            .field("warnings", &self.warnings)
            .finish()
    }
}

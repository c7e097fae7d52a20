//! Why a call did not succeed, one type per way it can fail.
//!
//! Each error's `Display` is complete on one line, its causes included, so none of them
//! also returns those causes from `source()`: printed as a chain, nothing repeats.

use std::fmt;
use std::time::Duration;

use http::StatusCode;
use serde_json::{Map, Value};

use crate::{Code, CommonError, Method, TransportError};

/// Why a call to method `M` did not succeed.
///
/// The first variant is Slack's own answer (`"ok": false`), typed with the method's
/// error enum; the others say why there was no such answer.
#[derive(thiserror::Error)]
#[non_exhaustive]
pub enum CallError<M: Method> {
    /// Slack answered `"ok": false` with an error code.
    #[error("{method} failed: {0}", method = M::NAME)]
    Method(MethodError<M>),
    /// Slack answered HTTP 429: too many calls to this method.
    #[error("{method} was rate limited: {0}", method = M::NAME)]
    RateLimited(RateLimited),
    /// An HTTP error status with no Slack answer in the body (an HTML 502 page).
    #[error("{method} got {0}", method = M::NAME)]
    Http(HttpError),
    /// No complete HTTP answer: the connection failed, timed out, or broke.
    #[error("{method} could not reach Slack: {0}", method = M::NAME)]
    Transport(TransportError),
    /// A successful HTTP status whose body is not the answer the method defines.
    #[error("{method} got an answer that does not decode: {0}", method = M::NAME)]
    Decode(DecodeError),
    /// The request could not be built, so nothing was sent.
    #[error("{method} was not sent: {0}", method = M::NAME)]
    Request(RequestError),
    /// The call would have waited for the rate limit past its deadline
    /// ([`Client::with_deadline`](crate::Client::with_deadline)), so it was not sent.
    #[error("{method} was not sent: {0}", method = M::NAME)]
    Deadline(crate::limits::WouldWait),
    /// The rate limiter's store failed, and the pacing fails closed, so it was not sent.
    #[error("{method} was not sent: {0}", method = M::NAME)]
    Limiter(crate::limits::StoreError),
}

impl<M: Method> CallError<M> {
    /// Whether making the same call again could succeed: after a rate limit, a failed
    /// connection, a timeout, or a 5xx status. Never for Slack's `"ok": false` answers,
    /// which would be answered the same way.
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::RateLimited(_) => true,
            Self::Http(error) => error.is_retryable(),
            Self::Transport(error) => error.is_retryable(),
            Self::Limiter(_) => true,
            Self::Method(_) | Self::Decode(_) | Self::Request(_) | Self::Deadline(_) => false,
        }
    }

    /// The method's error code, when Slack answered `"ok": false`.
    pub fn code(&self) -> Option<&M::Error> {
        match self {
            Self::Method(error) => Some(&error.code),
            _ => None,
        }
    }

    /// The error code when Slack answered one that every method can answer
    /// (`token_revoked`, `missing_scope`, ...): the same type whatever the method, for
    /// code written for any method.
    pub fn common_code(&self) -> Option<CommonError> {
        self.code().and_then(Code::common)
    }
}

impl<M: Method> fmt::Debug for CallError<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Method(error) => f.debug_tuple("Method").field(error).finish(),
            Self::RateLimited(error) => f.debug_tuple("RateLimited").field(error).finish(),
            Self::Http(error) => f.debug_tuple("Http").field(error).finish(),
            Self::Transport(error) => f.debug_tuple("Transport").field(error).finish(),
            Self::Decode(error) => f.debug_tuple("Decode").field(error).finish(),
            Self::Request(error) => f.debug_tuple("Request").field(error).finish(),
            Self::Deadline(error) => f.debug_tuple("Deadline").field(error).finish(),
            Self::Limiter(error) => f.debug_tuple("Limiter").field(error).finish(),
        }
    }
}

/// Slack's `"ok": false` answer: the error code, typed, with whatever came beside it.
#[non_exhaustive]
pub struct MethodError<M: Method> {
    /// The error code. A code the spec does not document is kept in the enum's
    /// `Unknown` variant.
    pub code: M::Error,
    /// The warnings that came with the error, from `warning` and
    /// `response_metadata.warnings`.
    pub warnings: Vec<M::Warning>,
    /// Every other field of the answer: `needed` and `provided` on `missing_scope`,
    /// `response_metadata.messages` explaining `invalid_arguments`, and so on.
    pub extra: Map<String, Value>,
}

impl<M: Method> MethodError<M> {
    /// A text field from [`extra`](Self::extra): on `missing_scope`, `extra_str("needed")`
    /// is the scope the token lacks and `extra_str("provided")` the scopes it has.
    pub fn extra_str(&self, name: &str) -> Option<&str> {
        self.extra.get(name).and_then(Value::as_str)
    }
}

impl<M: Method> fmt::Display for MethodError<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.code, f)
    }
}

impl<M: Method> fmt::Debug for MethodError<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MethodError")
            .field("code", &self.code)
            .field("warnings", &self.warnings)
            .field("extra", &self.extra)
            .finish()
    }
}

impl<M: Method> Clone for MethodError<M> {
    fn clone(&self) -> Self {
        Self { code: self.code.clone(), warnings: self.warnings.clone(), extra: self.extra.clone() }
    }
}

/// HTTP 429: Slack refused the call for going over the method's rate limit.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("retry after {retry_after:?}")]
#[non_exhaustive]
pub struct RateLimited {
    /// How long Slack asked to wait, from the `Retry-After` header (whole seconds). When
    /// the header is missing or unreadable, [`RateLimited::DEFAULT_RETRY_AFTER`].
    pub retry_after: Duration,
}

impl RateLimited {
    /// The wait assumed when a 429 answer has no readable `Retry-After` header: 1 s.
    pub const DEFAULT_RETRY_AFTER: Duration = Duration::from_secs(1);
}

/// An HTTP error status whose body is not a Slack answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("HTTP {status}: {excerpt}")]
#[non_exhaustive]
pub struct HttpError {
    /// The status.
    pub status: StatusCode,
    /// The start of the body, on one line, at most 200 characters.
    pub excerpt: String,
}

impl HttpError {
    /// Whether the status is a server error (5xx), which may pass.
    pub fn is_retryable(&self) -> bool {
        self.status.is_server_error()
    }
}

/// A body that is not the answer the method defines: not JSON, empty, cut short, without
/// `ok`, or not matching the response type.
#[derive(Debug, thiserror::Error)]
#[error("HTTP {status}, {reason}; the body starts {excerpt:?}")]
#[non_exhaustive]
pub struct DecodeError {
    /// The HTTP status.
    pub status: StatusCode,
    /// The start of the body, on one line, at most 200 characters.
    pub excerpt: String,
    /// What did not decode.
    pub reason: serde_json::Error,
}

/// Why a request could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RequestError {
    /// A JSON-encoded argument (`blocks`, `metadata`) failed to serialize.
    #[error("an argument failed to serialize: {0}")]
    Arguments(serde_json::Error),
    /// The arguments break limits of Slack's (too many blocks, a button's text too long),
    /// which Slack would refuse: every broken limit, with its path.
    #[error("the arguments break Slack's limits: {0}")]
    Limits(crate::Violations),
    /// The method name does not form a valid URL with the base URL.
    #[error("{url:?} is not a valid URL: {reason}")]
    Url {
        /// The URL that was formed.
        url: String,
        /// Why it is not valid.
        reason: http::uri::InvalidUri,
    },
}

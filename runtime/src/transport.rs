//! The seam between the client and an HTTP library.

use std::error::Error as StdError;
use std::fmt;
use std::future::Future;
use std::pin::Pin;

use crate::StreamingBody;

/// What a [`Transport`] returns: the answer, or why there was none.
pub type TransportFuture<'a> =
    Pin<Box<dyn Future<Output = Result<http::Response<Vec<u8>>, TransportError>> + Send + 'a>>;

/// Sends one HTTP request and reads the whole answer.
///
/// The client builds every request completely (method, URL, headers including the
/// sensitive `Authorization` header, body) and interprets every answer; a transport
/// only moves bytes. It should not follow redirects (a redirect is reported to the
/// caller as an HTTP error) and need not time out: the client bounds each attempt.
///
/// The default is `ReqwestTransport` (feature `reqwest`). Implement this trait to
/// use another HTTP client, or to record requests in tests:
///
/// ```
/// use typed_slack_runtime::{http, Transport, TransportFuture};
///
/// #[derive(Debug)]
/// struct AlwaysOk;
///
/// impl Transport for AlwaysOk {
///     fn send(&self, _request: http::Request<Vec<u8>>) -> TransportFuture<'_> {
///         Box::pin(async { Ok(http::Response::new(br#"{"ok":true}"#.to_vec())) })
///     }
/// }
/// ```
pub trait Transport: fmt::Debug + Send + Sync + 'static {
    /// Sends `request` and reads the answer's status, headers and whole body, whatever
    /// the status.
    ///
    /// # Errors
    ///
    /// When no complete answer arrived: classify the failure with
    /// [`TransportError::connect`] (nothing reached the server), [`TransportError::timeout`]
    /// or [`TransportError::other`].
    fn send(&self, request: http::Request<Vec<u8>>) -> TransportFuture<'_>;

    /// Sends `request` with a body read while it is sent (a file's bytes, to an upload
    /// URL), with `Content-Length` set, and reads the whole answer.
    ///
    /// The default reads the body into memory and calls [`send`](Self::send); a
    /// transport that can stream overrides it, as `ReqwestTransport` does.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send)'s. A body whose source fails is
    /// [`TransportError::other`], its cause the source's `io::Error`.
    fn send_streaming(&self, request: http::Request<StreamingBody>) -> TransportFuture<'_> {
        Box::pin(async move {
            let (parts, body) = request.into_parts();
            let bytes = body.collect().await.map_err(TransportError::other)?;
            self.send(http::Request::from_parts(parts, bytes)).await
        })
    }
}

/// No complete HTTP answer: the connection failed, timed out, or broke.
///
/// Its `Display` names the kind and every cause in the chain (`could not connect: error
/// sending request …: tcp connect error: Connection refused`).
#[derive(Debug)]
pub struct TransportError {
    kind: TransportErrorKind,
    cause: Box<dyn StdError + Send + Sync>,
}

/// What kind of failure a [`TransportError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// No connection was made (refused, unreachable, DNS, TLS handshake): the request
    /// did not reach Slack, so sending it again is always safe.
    Connect,
    /// No complete answer in time. The request may have reached Slack and had its
    /// effect.
    Timeout,
    /// Anything else, such as a connection closed halfway through the answer.
    Other,
}

impl fmt::Display for TransportErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Connect => "could not connect",
            Self::Timeout => "timed out",
            Self::Other => "HTTP exchange failed",
        })
    }
}

impl TransportError {
    /// A connection that was never made: the request did not reach the server.
    pub fn connect(cause: impl Into<Box<dyn StdError + Send + Sync>>) -> Self {
        Self { kind: TransportErrorKind::Connect, cause: cause.into() }
    }

    /// No complete answer in time.
    pub fn timeout(cause: impl Into<Box<dyn StdError + Send + Sync>>) -> Self {
        Self { kind: TransportErrorKind::Timeout, cause: cause.into() }
    }

    /// Any other failure to exchange the request and its answer.
    pub fn other(cause: impl Into<Box<dyn StdError + Send + Sync>>) -> Self {
        Self { kind: TransportErrorKind::Other, cause: cause.into() }
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> TransportErrorKind {
        self.kind
    }

    /// Whether sending the request again could succeed: after a failed connection or a
    /// timeout.
    pub fn is_retryable(&self) -> bool {
        matches!(self.kind, TransportErrorKind::Connect | TransportErrorKind::Timeout)
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.cause)?;
        let mut next = self.cause.source();
        while let Some(cause) = next {
            write!(f, ": {cause}")?;
            next = cause.source();
        }
        Ok(())
    }
}

/// The causes are part of the message, so `source()` is `None`.
impl StdError for TransportError {}

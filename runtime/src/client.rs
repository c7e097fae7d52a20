//! Making calls: encode, pace, send, decode, retry.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use http::header::{AUTHORIZATION, CONTENT_TYPE, USER_AGENT};
use http::{HeaderValue, Uri};

use crate::decode::decode_answer;
use crate::encoding::EncodedBody;
use crate::pacing::Pacer;
use crate::retry::RetryCause;
use crate::{
    BaseUrl, BodyEncoding, CallError, ClientBuilder, Method, RequestError, RetryPolicy, Token, Transport,
    TransportError,
};

/// The `User-Agent` every call sends.
const USER_AGENT_VALUE: &str = concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"));

/// Calls Slack Web API methods with one token.
///
/// Cheap to clone: clones share the connection pool and the pacer. Every call is a
/// `POST` to the base URL plus the method name, with the token in the
/// `Authorization: Bearer` header and the arguments in the body (see [`BodyEncoding`]).
///
/// Calls need a tokio runtime with its time driver (`#[tokio::main]` has one): the
/// client times out attempts, sleeps before retries and paces with `tokio::time`.
///
/// ```no_run
/// use typed_slack_runtime::{CallError, Client, Method, MethodResponse, Token};
///
/// async fn call<M: Method>(request: M) -> Result<(), Box<dyn std::error::Error>> {
///     let client = Client::new(Token::from_env("SLACK_TOKEN")?);
///     match client.call(request).await {
///         Ok(response) => println!("ok, with warnings {:?}", response.warnings()),
///         Err(CallError::Method(error)) => println!("Slack said {} (also sent {:?})", error.code, error.extra),
///         Err(error) if error.is_retryable() => println!("try again later: {error}"),
///         Err(error) => return Err(error.to_string().into()),
///     }
///     Ok(())
/// }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    token: Token,
    base_url: BaseUrl,
    timeout: Duration,
    retry: RetryPolicy,
    encoding: BodyEncoding,
    pacer: Pacer,
    transport: Arc<dyn Transport>,
    check_limits: bool,
}

/// The attempt had no complete answer within the client's timeout.
#[derive(Debug, thiserror::Error)]
#[error("no complete answer within {0:?}")]
struct AttemptTimedOut(Duration);

impl Client {
    /// The default timeout of each attempt: 30 s.
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

    /// A client for `https://slack.com/api/` with the defaults: 30 s timeout per attempt,
    /// the default [`RetryPolicy`], no pacing, form bodies, and [`ReqwestTransport`](crate::ReqwestTransport).
    ///
    /// # Panics
    ///
    /// When the TLS backend cannot be initialized (see [`ReqwestTransport::new`](crate::ReqwestTransport::new)).
    #[cfg(feature = "reqwest")]
    pub fn new(token: Token) -> Self {
        Self::assemble(ClientBuilder::new(token), BaseUrl::slack(), Arc::new(crate::ReqwestTransport::new()))
    }

    /// A client from a builder's settings, with its base URL checked and its transport
    /// chosen.
    pub(crate) fn assemble(settings: ClientBuilder, base_url: BaseUrl, transport: Arc<dyn Transport>) -> Self {
        let inner = Inner {
            token: settings.token,
            base_url,
            timeout: settings.timeout,
            retry: settings.retry,
            encoding: settings.encoding,
            pacer: Pacer::new(settings.pacing),
            transport,
            check_limits: settings.check_limits,
        };
        Self { inner: Arc::new(inner) }
    }

    /// A builder, to set the base URL, timeout, retry policy, pacing, body encoding or
    /// transport.
    pub fn builder(token: Token) -> ClientBuilder {
        ClientBuilder::new(token)
    }

    /// Calls a method and decodes its answer.
    ///
    /// On success, the typed response, with any warnings Slack sent in its `warnings`
    /// (also logged at warn level). Otherwise a [`CallError`] saying why, after the
    /// retries the [`RetryPolicy`] allows.
    ///
    /// # Errors
    ///
    /// [`CallError::Method`] when Slack answered `"ok": false`, and the other variants
    /// when there was no such answer: see [`CallError`].
    pub async fn call<M: Method>(&self, request: M) -> Result<M::Response, CallError<M>> {
        let inner = &*self.inner;
        let (uri, body) = inner.prepare(&request).map_err(CallError::Request)?;
        let mut attempts = 0;
        loop {
            attempts += 1;
            inner.pacer.wait_turn(M::NAME, M::RATE_TIER).await;
            let error = match inner.attempt::<M>(&uri, &body).await {
                Ok(response) => return Ok(response),
                Err(error) => error,
            };
            let Some(delay) = RetryCause::of(&error).and_then(|cause| inner.retry.delay_before_retry(cause, attempts))
            else {
                return Err(error);
            };
            tracing::info!(
                method = M::NAME,
                attempt = attempts,
                retry_in_ms = delay.as_millis() as u64,
                error = %error,
                "retrying a failed call",
            );
            tokio::time::sleep(delay).await;
        }
    }
}

impl Inner {
    /// The URL and body of a call, the same for each of its attempts.
    fn prepare<M: Method>(&self, request: &M) -> Result<(Uri, EncodedBody), RequestError> {
        if self.check_limits {
            crate::validate::request(request).map_err(RequestError::Limits)?;
        }
        let body = self.encoding.encode(request).map_err(RequestError::Arguments)?;
        let url = self.base_url.method_url(M::NAME);
        let uri = url.parse::<Uri>().map_err(|reason| RequestError::Url { url, reason })?;
        Ok((uri, body))
    }

    /// One HTTP exchange, bounded by the timeout, and its decoded answer.
    async fn attempt<M: Method>(&self, uri: &Uri, body: &EncodedBody) -> Result<M::Response, CallError<M>> {
        tracing::debug!(method = M::NAME, "calling Slack");
        let request = self.http_request(uri, body);
        let answer = match tokio::time::timeout(self.timeout, self.transport.send(request)).await {
            Ok(Ok(answer)) => answer,
            Ok(Err(error)) => return Err(CallError::Transport(error)),
            Err(_elapsed) => return Err(CallError::Transport(TransportError::timeout(AttemptTimedOut(self.timeout)))),
        };
        tracing::debug!(method = M::NAME, status = answer.status().as_u16(), "Slack answered");
        decode_answer::<M>(&answer)
    }

    /// The `POST` for one attempt; the token goes in the sensitive `Authorization` header
    /// and nowhere else.
    fn http_request(&self, uri: &Uri, body: &EncodedBody) -> http::Request<Vec<u8>> {
        let mut request = http::Request::new(body.bytes.clone());
        *request.method_mut() = http::Method::POST;
        *request.uri_mut() = uri.clone();
        let headers = request.headers_mut();
        headers.insert(AUTHORIZATION, self.token.authorization());
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(body.content_type));
        headers.insert(USER_AGENT, HeaderValue::from_static(USER_AGENT_VALUE));
        request
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &*self.inner;
        f.debug_struct("Client")
            .field("token", &inner.token)
            .field("base_url", &inner.base_url)
            .field("timeout", &inner.timeout)
            .field("retry", &inner.retry)
            .field("encoding", &inner.encoding)
            .field("pacing", &inner.pacer.pacing())
            .field("transport", &inner.transport)
            .finish()
    }
}

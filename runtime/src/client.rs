//! Making calls: encode, pace, send, decode, retry.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use http::header::{AUTHORIZATION, CONTENT_TYPE, USER_AGENT};
use http::{HeaderValue, Uri};
use tokio::time::Instant;

use crate::decode::decode_answer;
use crate::encoding::EncodedBody;
use crate::limits::{CallLimits, Limiter, RateLimitFacts, Refusal, WaitSource, WouldWait};
use crate::retry::RetryCause;
use crate::{
    BaseUrl, BodyEncoding, CallError, ClientBuilder, Method, RateTier, RequestError, RetryPolicy, Token, Transport,
    TransportError, Untyped, UntypedCall, UntypedResponse,
};

/// The `User-Agent` every call sends.
pub(crate) const USER_AGENT_VALUE: &str = concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"));

/// Calls Slack Web API methods with one token.
///
/// Cheap to clone: clones share the connection pool and the rate limiter. Every call is a
/// `POST` to the base URL plus the method name, with the token in the
/// `Authorization: Bearer` header and the arguments in the body (see [`BodyEncoding`]).
///
/// An app installed in many workspaces holds one client and calls
/// [`with_token`](Self::with_token) for each workspace's token: the clients share the
/// connection pool, the transport and the settings, and each token is paced apart.
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

/// One token's client.
struct Inner {
    /// `None` for an app's client before it has any token (see [`Client::without_token`]).
    token: Option<Token>,
    /// What tells the token's workspace and app apart for the rate limits: a hash of the
    /// token (the limiter holds no secret).
    scope: u64,
    /// When the rate limiter must have let a call go, if ever.
    deadline: Option<Instant>,
    shared: Arc<Shared>,
}

/// What the clients made by [`Client::with_token`] share.
struct Shared {
    base_url: BaseUrl,
    timeout: Duration,
    retry: RetryPolicy,
    encoding: BodyEncoding,
    limiter: Limiter,
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
        Self::assemble(ClientBuilder::new(Some(token)), BaseUrl::slack(), Arc::new(crate::ReqwestTransport::new()))
    }

    /// A client from a builder's settings, with its base URL checked and its transport
    /// chosen.
    pub(crate) fn assemble(settings: ClientBuilder, base_url: BaseUrl, transport: Arc<dyn Transport>) -> Self {
        let shared = Shared {
            base_url,
            timeout: settings.timeout,
            retry: settings.retry,
            encoding: settings.encoding,
            limiter: Limiter::new(settings.pacing),
            transport,
            check_limits: settings.check_limits,
        };
        Self::of(settings.token, None, Arc::new(shared))
    }

    fn of(token: Option<Token>, deadline: Option<Instant>, shared: Arc<Shared>) -> Self {
        let scope = token.as_ref().map_or(0, Token::key);
        Self { inner: Arc::new(Inner { token, scope, deadline, shared }) }
    }

    /// The same client for another token, such as another workspace's: it shares this
    /// one's connection pool, transport, settings and rate limiter, and counts its calls
    /// apart from other tokens' (clients of the same token share one count). Cheap enough to call
    /// for each call: `client.with_token(token).call(request)`.
    ///
    /// ```no_run
    /// use typed_slack_runtime::{Client, Method, Token};
    ///
    /// /// Calls `request` for each installed workspace, over one connection pool.
    /// async fn for_each_workspace<M: Method + Clone>(client: &Client, tokens: &[Token], request: M) {
    ///     for token in tokens {
    ///         let _ = client.with_token(token.clone()).call(request.clone()).await;
    ///     }
    /// }
    /// ```
    pub fn with_token(&self, token: Token) -> Self {
        Self::of(Some(token), self.inner.deadline, self.inner.shared.clone())
    }

    /// The same client, counting its calls against Slack's rate limits under
    /// `workspace_and_app` (such as `T0123ABCD:A0456EFGH`) instead of its token: Slack
    /// counts the calls of one app in one workspace together, whatever token makes them,
    /// so the bot and user tokens of one install should share a scope.
    pub fn with_limit_scope(&self, workspace_and_app: &str) -> Self {
        self.with_inner(|inner| inner.scope = crate::limits::scope_of(workspace_and_app.as_bytes()))
    }

    /// The same client, whose calls fail at once with [`CallError::Deadline`] when the
    /// rate limit would make them wait past `deadline`, instead of sleeping: for a
    /// request handler that must answer in time.
    ///
    /// ```no_run
    /// use std::time::Duration;
    /// use tokio::time::Instant;
    /// use typed_slack_runtime::{CallError, Client, Method};
    ///
    /// # async fn run<M: Method>(client: Client, request: M) {
    /// let soon = client.with_deadline(Instant::now() + Duration::from_secs(3));
    /// match soon.call(request).await {
    ///     Err(CallError::Deadline(wait)) => println!("would wait {:?}: answer later", wait.wait),
    ///     other => drop(other),
    /// }
    /// # }
    /// ```
    pub fn with_deadline(&self, deadline: Instant) -> Self {
        self.with_inner(|inner| inner.deadline = Some(deadline))
    }

    /// A client like this one, with `change` made to its own settings.
    fn with_inner(&self, change: impl FnOnce(&mut Inner)) -> Self {
        let mut inner = Inner {
            token: self.inner.token.clone(),
            scope: self.inner.scope,
            deadline: self.inner.deadline,
            shared: self.inner.shared.clone(),
        };
        change(&mut inner);
        Self { inner: Arc::new(inner) }
    }

    /// A builder, to set the base URL, timeout, retry policy, pacing, body encoding or
    /// transport.
    pub fn builder(token: Token) -> ClientBuilder {
        ClientBuilder::new(Some(token))
    }

    /// A builder for a client with no token yet: an app's own, before any install, for
    /// the methods called with the app's credentials (`oauth.v2.access`). Its calls of
    /// other methods go without a token, and Slack answers them `not_authed`; give it one
    /// with [`with_token`](Self::with_token).
    pub fn without_token() -> ClientBuilder {
        ClientBuilder::new(None)
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
        let (uri, body) = self.inner.prepare(&request).map_err(CallError::Request)?;
        let limits = self.inner.limits(M::NAME, M::RATE_TIER, M::RATE_LIMITS, request.limit_channel());
        self.inner.run::<M>(&limits, &uri, &body).await
    }

    /// Calls a method by its name, for one Slack added after the spec: the answer's
    /// JSON, with the same retries, pacing and [`CallError`] classes as [`call`](Self::call).
    ///
    /// ```no_run
    /// use typed_slack_runtime::{Client, UntypedCall};
    ///
    /// # async fn run(client: Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let call = UntypedCall::form("conversations.newThing", [("channel", "C0123456789")]);
    /// let answer = client.call_untyped(call).await?;
    /// println!("{:?}", answer.get("thing"));
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// As [`call`](Self::call)'s, typed as [`Untyped`]'s: any error code is
    /// `CommonOnly<CommonError>`, a common one or kept as Slack sent it.
    pub async fn call_untyped(&self, call: UntypedCall) -> Result<UntypedResponse, CallError<Untyped>> {
        let url = self.inner.shared.base_url.method_url(&call.method);
        let uri = url.parse::<Uri>().map_err(|reason| CallError::Request(RequestError::Url { url, reason }))?;
        let limits = self.inner.limits(&call.method, call.tier, RateLimitFacts::NONE, None);
        self.inner.run::<Untyped>(&limits, &uri, &call.body).await
    }

    /// The transport every clone and [`with_token`](Self::with_token) client shares.
    pub(crate) fn transport(&self) -> &dyn Transport {
        &*self.inner.shared.transport
    }
}

impl Inner {
    /// What a call of `method` is limited by.
    fn limits<'a>(
        &self,
        method: &'a str,
        tier: RateTier,
        facts: RateLimitFacts,
        channel: Option<&'a str>,
    ) -> CallLimits<'a> {
        CallLimits { method, tier, facts, channel, scope: self.scope }
    }

    /// Sends the call (answered as `M`'s) when its rate limits allow, and retries it as
    /// the policy allows.
    async fn run<M: Method>(
        &self,
        limits: &CallLimits<'_>,
        uri: &Uri,
        body: &EncodedBody,
    ) -> Result<M::Response, CallError<M>> {
        let method = limits.method;
        let limiter = &self.shared.limiter;
        let mut attempts = 0;
        loop {
            attempts += 1;
            limiter.admit(limits, self.deadline).await.map_err(|refusal| match refusal {
                Refusal::Deadline(wait) => CallError::Deadline(wait),
                Refusal::Store(error) => CallError::Limiter(error),
            })?;
            let error = match self.attempt::<M>(method, uri, body).await {
                Ok(response) => return Ok(response),
                Err(error) => error,
            };
            if let CallError::RateLimited(limited) = &error {
                if limiter.pacing().is_enabled() {
                    limiter.rate_limited(limits, limited.retry_after).await;
                }
            }
            let retry = &self.shared.retry;
            let Some(delay) = RetryCause::of(&error).and_then(|cause| retry.delay_before_retry(cause, attempts)) else {
                return Err(error);
            };
            if self.deadline.is_some_and(|deadline| Instant::now() + delay > deadline) {
                // Waiting out a 429 past the deadline is a wait like the limiter's.
                return Err(match error {
                    CallError::RateLimited(_) => CallError::Deadline(WouldWait::new(delay, WaitSource::RetryAfter)),
                    other => other,
                });
            }
            tracing::info!(
                method,
                attempt = attempts,
                retry_in_ms = delay.as_millis() as u64,
                error = %error,
                "retrying a failed call",
            );
            tokio::time::sleep(delay).await;
        }
    }

    /// The URL and body of a call, the same for each of its attempts.
    fn prepare<M: Method>(&self, request: &M) -> Result<(Uri, EncodedBody), RequestError> {
        let shared = &*self.shared;
        if shared.check_limits {
            crate::validate::request(request).map_err(RequestError::Limits)?;
        }
        let max_limit = shared.limiter.pacing().max_limit(M::RATE_LIMITS);
        let body = shared.encoding.encode(request, max_limit).map_err(RequestError::Arguments)?;
        let url = shared.base_url.method_url(M::NAME);
        let uri = url.parse::<Uri>().map_err(|reason| RequestError::Url { url, reason })?;
        Ok((uri, body))
    }

    /// One HTTP exchange, bounded by the timeout, and its decoded answer.
    async fn attempt<M: Method>(
        &self,
        method: &str,
        uri: &Uri,
        body: &EncodedBody,
    ) -> Result<M::Response, CallError<M>> {
        tracing::debug!(method, "calling Slack");
        let request = self.http_request(uri, body, M::AUTHENTICATED);
        let timeout = self.shared.timeout;
        let answer = match tokio::time::timeout(timeout, self.shared.transport.send(request)).await {
            Ok(Ok(answer)) => answer,
            Ok(Err(error)) => return Err(CallError::Transport(error)),
            Err(_elapsed) => return Err(CallError::Transport(TransportError::timeout(AttemptTimedOut(timeout)))),
        };
        tracing::debug!(method, status = answer.status().as_u16(), "Slack answered");
        decode_answer::<M>(&answer)
    }

    /// The `POST` for one attempt; the token goes in the sensitive `Authorization` header
    /// and nowhere else, and not at all to a method called without one
    /// (`oauth.v2.access`, which takes the app's credentials instead).
    fn http_request(&self, uri: &Uri, body: &EncodedBody, authenticated: bool) -> http::Request<Vec<u8>> {
        let mut request = http::Request::new(body.bytes.clone());
        *request.method_mut() = http::Method::POST;
        *request.uri_mut() = uri.clone();
        let headers = request.headers_mut();
        if let Some(token) = self.token.as_ref().filter(|_| authenticated) {
            headers.insert(AUTHORIZATION, token.authorization());
        }
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(body.content_type));
        headers.insert(USER_AGENT, HeaderValue::from_static(USER_AGENT_VALUE));
        request
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shared = &*self.inner.shared;
        f.debug_struct("Client")
            .field("token", &self.inner.token)
            .field("base_url", &shared.base_url)
            .field("timeout", &shared.timeout)
            .field("retry", &shared.retry)
            .field("encoding", &shared.encoding)
            .field("pacing", shared.limiter.pacing())
            .field("transport", &shared.transport)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TransportFuture;

    #[derive(Debug)]
    struct Nowhere;

    impl Transport for Nowhere {
        fn send(&self, _: http::Request<Vec<u8>>) -> TransportFuture<'_> {
            Box::pin(async { Err(TransportError::connect(std::io::Error::other("nowhere"))) })
        }
    }

    fn client() -> Client {
        Client::builder(Token::new("xoxb-0").unwrap()).transport(Nowhere).build().unwrap()
    }

    #[test]
    fn clients_of_other_tokens_share_the_limiter_and_keep_their_scopes_apart() {
        let client = client();
        let same = client.with_token(Token::new("xoxb-0").unwrap());
        let other = client.with_token(Token::new("xoxb-1").unwrap());
        assert_eq!(client.inner.scope, same.inner.scope);
        assert_ne!(client.inner.scope, other.inner.scope);
        assert!(Arc::ptr_eq(&client.inner.shared, &other.inner.shared));
        assert!(format!("{other:?}").contains("xoxb-<redacted>"));
    }
}

//! Configuring a [`Client`].

use std::sync::Arc;
use std::time::Duration;

use crate::{BaseUrl, BaseUrlError, BodyEncoding, Client, Pacing, RetryPolicy, Token, Transport};

/// Configures a [`Client`]; start with [`Client::builder`].
///
/// ```no_run
/// use std::time::Duration;
/// use typed_slack_runtime::{Client, Pacing, RetryPolicy, Token};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let client = Client::builder(Token::from_env("SLACK_TOKEN")?)
///     .timeout(Duration::from_secs(10))
///     .retry_policy(RetryPolicy::default().max_attempts(5))
///     .pacing(Pacing::by_tier())
///     .build()?;
/// # let _ = client;
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
#[must_use = "a builder does nothing until `build` is called"]
pub struct ClientBuilder {
    pub(crate) token: Option<Token>,
    pub(crate) base_url: Option<String>,
    pub(crate) timeout: Duration,
    pub(crate) retry: RetryPolicy,
    pub(crate) pacing: Pacing,
    pub(crate) encoding: BodyEncoding,
    pub(crate) transport: Option<Arc<dyn Transport>>,
    pub(crate) check_limits: bool,
}

/// Why a [`ClientBuilder`] could not build a client.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// The base URL was refused.
    #[error(transparent)]
    BaseUrl(#[from] BaseUrlError),
    /// No transport was given, and the `reqwest` feature, which provides the default
    /// one, is off.
    #[error("no transport: enable the `reqwest` feature or give the builder a transport")]
    NoTransport,
}

impl ClientBuilder {
    pub(crate) fn new(token: Option<Token>) -> Self {
        Self {
            token,
            base_url: None,
            timeout: Client::DEFAULT_TIMEOUT,
            retry: RetryPolicy::default(),
            pacing: Pacing::off(),
            encoding: BodyEncoding::default(),
            transport: None,
            check_limits: true,
        }
    }

    /// Where calls go instead of `https://slack.com/api/`: Slack for government, a proxy,
    /// a local test server. It must be `https`, or `http` to a loopback address; see
    /// [`BaseUrl::parse`], which [`build`](Self::build) applies.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// How long each attempt may take, from sending the request to reading the whole
    /// answer (default 30 s). A retry gets its own.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// When failed calls are made again (default [`RetryPolicy::default`]).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Whether calls are spaced by rate tier (default [`Pacing::off`]).
    pub fn pacing(mut self, pacing: Pacing) -> Self {
        self.pacing = pacing;
        self
    }

    /// How arguments are encoded (default [`BodyEncoding::Form`]).
    pub fn body_encoding(mut self, encoding: BodyEncoding) -> Self {
        self.encoding = encoding;
        self
    }

    /// Whether each call's arguments are checked against Slack's limits before it is
    /// sent (default `true`): a message of 51 blocks then fails with
    /// [`RequestError::Limits`](crate::RequestError::Limits) without reaching Slack.
    /// The check walks the call's typed blocks, attachments or view: about 0.1 ms for
    /// a message of 50 blocks full of menus (BENCHMARKS.md). Off, Slack checks them, and
    /// answers `invalid_blocks`.
    pub fn check_limits(mut self, check: bool) -> Self {
        self.check_limits = check;
        self
    }

    /// The HTTP client to send requests with (default `ReqwestTransport`).
    pub fn transport(mut self, transport: impl Transport) -> Self {
        self.transport = Some(Arc::new(transport));
        self
    }

    /// The client.
    ///
    /// # Errors
    ///
    /// When the base URL is refused, or no transport was given without the `reqwest`
    /// feature.
    ///
    /// # Panics
    ///
    /// When no transport was given and the default one's TLS backend cannot be
    /// initialized (see `ReqwestTransport::new`).
    pub fn build(mut self) -> Result<Client, BuildError> {
        let base_url = match &self.base_url {
            Some(url) => BaseUrl::parse(url)?,
            None => BaseUrl::slack(),
        };
        let transport = match self.transport.take() {
            Some(transport) => transport,
            None => default_transport()?,
        };
        Ok(Client::assemble(self, base_url, transport))
    }
}

#[cfg(feature = "reqwest")]
fn default_transport() -> Result<Arc<dyn Transport>, BuildError> {
    Ok(Arc::new(crate::ReqwestTransport::new()))
}

#[cfg(not(feature = "reqwest"))]
fn default_transport() -> Result<Arc<dyn Transport>, BuildError> {
    Err(BuildError::NoTransport)
}

//! Token rotation: a rotating token (`xoxe.xoxb-…`) lives 12 hours and is renewed through
//! `oauth.v2.access` with `grant_type=refresh_token`, before it expires and when Slack
//! answers `token_expired`.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use tokio::sync::Mutex;
use typed_slack::OauthV2Access;
use typed_slack::runtime::{CallError, Client, CommonError, Method, Token};

use super::installation::{refresh, token};
use super::{Installation, InstallationStore, OAuthApp, Refresh, StoreError};

/// Which of an installation's tokens a [`RotatingClient`] calls with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenOf {
    /// The bot token.
    Bot,
    /// The installing user's token.
    User,
}

/// Why a token could not be renewed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RefreshError {
    /// The installation has no such token, or no refresh token for it (rotation is off).
    #[error("the installation has no rotating {0:?} token")]
    NotRotating(TokenOf),
    /// `oauth.v2.access` did not renew it (`invalid_refresh_token`, say).
    #[error(transparent)]
    Exchange(#[from] CallError<OauthV2Access>),
    /// Slack's answer lacks a new token or refresh token.
    #[error("the refresh answered no {0}")]
    Incomplete(&'static str),
    /// The renewed installation could not be saved.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why a call through a [`RotatingClient`] failed.
#[derive(thiserror::Error)]
#[non_exhaustive]
pub enum RotatingCallError<M: Method> {
    /// The call failed.
    #[error(transparent)]
    Call(#[from] CallError<M>),
    /// The token needed renewing and could not be renewed.
    #[error("the token could not be renewed: {0}")]
    Refresh(#[from] RefreshError),
}

impl<M: Method> fmt::Debug for RotatingCallError<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Call(error) => f.debug_tuple("Call").field(error).finish(),
            Self::Refresh(error) => f.debug_tuple("Refresh").field(error).finish(),
        }
    }
}

/// Calls with an installation's rotating token, renewing it when it is about to expire
/// ([`refresh_before`](Self::refresh_before), default 10 minutes) and when Slack answers
/// `token_expired`, then saving the renewed installation in the store.
///
/// However many calls are in flight, a token is renewed once: the others wait for the
/// new token. A call answered `token_expired` is made once more with the new token.
/// Cheap to clone; clones share the token.
///
/// ```no_run
/// use std::sync::Arc;
/// use typed_slack::AuthTest;
/// use typed_slack::runtime::Client;
/// use typed_slack_flows::oauth::{Installation, MemoryInstallations, OAuthApp, RotatingClient};
///
/// # async fn run(client: Client, app: OAuthApp, installation: Installation) -> Result<(), Box<dyn std::error::Error>> {
/// let store = Arc::new(MemoryInstallations::new());
/// let bot = RotatingClient::bot(client, app, store, installation);
/// let me = bot.call(AuthTest::new()).await?;
/// # let _ = me;
/// # Ok(())
/// # }
/// ```
pub struct RotatingClient<S> {
    inner: Arc<Shared<S>>,
}

struct Shared<S> {
    client: Client,
    app: OAuthApp,
    store: Arc<S>,
    which: TokenOf,
    /// How long before its expiry a token is renewed, in milliseconds.
    refresh_before_ms: AtomicU64,
    /// The installation as last renewed; locked while a renewal is under way, so that
    /// the calls waiting for it get its result.
    installation: Mutex<Installation>,
}

impl<S> Shared<S> {
    fn refresh_before(&self) -> Duration {
        Duration::from_millis(self.refresh_before_ms.load(Ordering::Relaxed))
    }
}

impl<S> Clone for RotatingClient<S> {
    fn clone(&self) -> Self {
        Self { inner: self.inner.clone() }
    }
}

impl<S> fmt::Debug for RotatingClient<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RotatingClient")
            .field("which", &self.inner.which)
            .field("refresh_before", &self.inner.refresh_before())
            .finish_non_exhaustive()
    }
}

impl<S: InstallationStore> RotatingClient<S> {
    /// Calls with the bot token of `installation`, renewed with `app`'s credentials and
    /// saved in `store`; `client` gives the connection pool and settings.
    pub fn bot(client: Client, app: OAuthApp, store: Arc<S>, installation: Installation) -> Self {
        Self::new(client, app, store, installation, TokenOf::Bot)
    }

    /// Calls with the installing user's token of `installation`.
    pub fn user(client: Client, app: OAuthApp, store: Arc<S>, installation: Installation) -> Self {
        Self::new(client, app, store, installation, TokenOf::User)
    }

    fn new(client: Client, app: OAuthApp, store: Arc<S>, installation: Installation, which: TokenOf) -> Self {
        let shared = Shared {
            client,
            app,
            store,
            which,
            refresh_before_ms: AtomicU64::new(10 * 60 * 1000),
            installation: Mutex::new(installation),
        };
        Self { inner: Arc::new(shared) }
    }

    /// Renews the token when it has less than `margin` left (default 10 minutes), for
    /// this client and its clones.
    #[must_use]
    pub fn refresh_before(self, margin: Duration) -> Self {
        let millis = u64::try_from(margin.as_millis()).unwrap_or(u64::MAX);
        self.inner.refresh_before_ms.store(millis, Ordering::Relaxed);
        self
    }

    /// The installation now, with the latest token.
    pub async fn installation(&self) -> Installation {
        self.inner.installation.lock().await.clone()
    }

    /// Calls `request` with the current token, renewed first when it is about to
    /// expire; answered `token_expired`, renews it and calls once more.
    ///
    /// # Errors
    ///
    /// The call's error, or why the token could not be renewed.
    pub async fn call<M: Method + Clone>(&self, request: M) -> Result<M::Response, RotatingCallError<M>> {
        let used = self.token().await?;
        match self.inner.client.with_token(used.clone()).call(request.clone()).await {
            Err(error) if error.common_code() == Some(CommonError::TokenExpired) => {
                tracing::info!(method = M::NAME, "the token expired: renewing it");
                let renewed = self.renew_after(&used).await?;
                Ok(self.inner.client.with_token(renewed).call(request).await?)
            }
            answer => Ok(answer?),
        }
    }

    /// The current token, renewed first when it has less than the margin left.
    ///
    /// # Errors
    ///
    /// When it needed renewing and could not be renewed.
    pub async fn token(&self) -> Result<Token, RefreshError> {
        let mut installation = self.inner.installation.lock().await;
        let which = self.inner.which;
        let (current, renewal) = parts(&installation, which)?;
        let due = renewal.is_some_and(|renewal| {
            let margin = self.inner.refresh_before();
            renewal.expires_at.duration_since(SystemTime::now()).map_or(true, |left| left < margin)
        });
        if !due {
            return Ok(current);
        }
        self.renew(&mut installation).await
    }

    /// The token that replaced `used`: renewed now, unless another call renewed it since.
    async fn renew_after(&self, used: &Token) -> Result<Token, RefreshError> {
        let mut installation = self.inner.installation.lock().await;
        let (current, _) = parts(&installation, self.inner.which)?;
        if current != *used {
            return Ok(current);
        }
        self.renew(&mut installation).await
    }

    /// Renews the token of `installation` and saves it.
    async fn renew(&self, installation: &mut Installation) -> Result<Token, RefreshError> {
        let which = self.inner.which;
        let (_, renewal) = parts(installation, which)?;
        let renewal = renewal.ok_or(RefreshError::NotRotating(which))?;
        let renewed = self.inner.app.refresh(&self.inner.client, &renewal.refresh_token).await?;
        let mut updated = installation.clone();
        let (slot, refresh_slot) = match which {
            TokenOf::Bot => (&mut updated.bot_token, &mut updated.bot_refresh),
            TokenOf::User => (&mut updated.user_token, &mut updated.user_refresh),
        };
        *slot = Some(renewed.token.clone());
        *refresh_slot = Some(renewed.refresh);
        self.inner.store.save(updated.clone()).await?;
        *installation = updated;
        tracing::info!(token = ?which, "renewed a rotating token");
        Ok(renewed.token)
    }
}

/// The token `which` of `installation` and its renewal.
fn parts(installation: &Installation, which: TokenOf) -> Result<(Token, Option<Refresh>), RefreshError> {
    let (token, renewal) = match which {
        TokenOf::Bot => (&installation.bot_token, &installation.bot_refresh),
        TokenOf::User => (&installation.user_token, &installation.user_refresh),
    };
    let token = token.clone().ok_or(RefreshError::NotRotating(which))?;
    Ok((token, renewal.clone()))
}

/// A token renewed by `oauth.v2.access`.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Renewed {
    /// The new token.
    pub token: Token,
    /// Its refresh token and expiry.
    pub refresh: Refresh,
}

impl OAuthApp {
    /// Renews a rotating token through `oauth.v2.access` with
    /// `grant_type=refresh_token`, with the app's credentials. [`RotatingClient`] calls
    /// it when it is due.
    ///
    /// # Errors
    ///
    /// A failed exchange, or an answer without a new token and refresh token.
    pub async fn refresh(
        &self,
        client: &Client,
        refresh_token: &typed_slack::runtime::types::Secret,
    ) -> Result<Renewed, RefreshError> {
        let exchange = OauthV2Access::new()
            .client_id(self.client_id.clone())
            .client_secret(self.client_secret.clone())
            .grant_type("refresh_token")
            .refresh_token(refresh_token.clone());
        let answer = client.call(exchange).await?;
        let token = token(answer.access_token.as_ref())
            .ok()
            .flatten()
            .ok_or(RefreshError::Incomplete("well-formed access_token"))?;
        let refresh = refresh(answer.refresh_token.as_ref(), answer.expires_in)
            .ok_or(RefreshError::Incomplete("refresh_token and expires_in"))?;
        Ok(Renewed { token, refresh })
    }
}

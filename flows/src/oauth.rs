//! Installing an app with OAuth v2: the authorize URL, a state that resists CSRF, the
//! code exchanged through `oauth.v2.access`, a store of installations, and the rotation
//! of tokens that expire.

mod installation;
mod rotation;
mod state;
mod store;

use std::fmt;
use std::time::Duration;

use typed_slack::OauthV2Access;
use typed_slack::runtime::types::Secret;
use typed_slack::runtime::{CallError, Client};

pub use installation::{Installation, Refresh};
pub use rotation::{RefreshError, Renewed, RotatingCallError, RotatingClient, TokenOf};
pub use state::StateError;
pub use store::{InstallationStore, MemoryInstallations, StoreError};

use state::StateKey;

/// Slack's authorize page, where an install starts.
const AUTHORIZE_URL: &str = "https://slack.com/oauth/v2/authorize";

/// An app's OAuth v2 settings: its credentials, scopes and redirect URI, and the key
/// its `state` values are signed with.
///
/// ```no_run
/// use typed_slack::runtime::Client;
/// use typed_slack_flows::oauth::OAuthApp;
///
/// # async fn run(client: Client, code: &str, state: &str) -> Result<(), Box<dyn std::error::Error>> {
/// let app = OAuthApp::new("1234.5678", "client-secret").scopes(["chat:write", "commands"]);
/// let start = app.authorize_url(); // send the user there
/// # let _ = start;
/// // Slack sends the user back to the redirect URI with `code` and `state`:
/// let installation = app.install(&client, code, state).await?;
/// # let _ = installation;
/// # Ok(())
/// # }
/// ```
///
/// Its `Debug` output shows no secret.
#[derive(Clone)]
pub struct OAuthApp {
    client_id: String,
    client_secret: Secret,
    scopes: Vec<String>,
    user_scopes: Vec<String>,
    redirect_uri: Option<String>,
    state_key: StateKey,
    state_ttl: Duration,
    authorize_url: String,
}

/// Where to send the user to install the app, and the state it carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorizeUrl {
    /// The URL of Slack's authorize page with the app's parameters.
    pub url: String,
    /// The signed `state` in it, which the redirect brings back.
    pub state: String,
}

/// Why an install failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InstallError {
    /// The `state` the redirect brought back is not one this app signed, or has
    /// expired: a forged or replayed request.
    #[error("the install's state was refused: {0}")]
    State(#[from] StateError),
    /// `oauth.v2.access` did not exchange the code.
    #[error(transparent)]
    Exchange(#[from] CallError<OauthV2Access>),
    /// Slack's answer lacks what an installation needs.
    #[error("oauth.v2.access answered no {0}")]
    Incomplete(&'static str),
}

impl OAuthApp {
    /// An app with these credentials, asking no scope yet, whose states are signed with a
    /// random key and expire after 10 minutes.
    pub fn new(client_id: impl Into<String>, client_secret: impl Into<Secret>) -> Self {
        Self {
            client_id: client_id.into(),
            client_secret: client_secret.into(),
            scopes: Vec::new(),
            user_scopes: Vec::new(),
            redirect_uri: None,
            state_key: StateKey::random(),
            state_ttl: Duration::from_secs(10 * 60),
            authorize_url: AUTHORIZE_URL.to_owned(),
        }
    }

    /// The bot scopes it asks for.
    pub fn scopes<S: Into<String>>(mut self, scopes: impl IntoIterator<Item = S>) -> Self {
        self.scopes = scopes.into_iter().map(Into::into).collect();
        self
    }

    /// The user scopes it asks for.
    pub fn user_scopes<S: Into<String>>(mut self, scopes: impl IntoIterator<Item = S>) -> Self {
        self.user_scopes = scopes.into_iter().map(Into::into).collect();
        self
    }

    /// The redirect URI, one of those set in the app's settings.
    pub fn redirect_uri(mut self, uri: impl Into<String>) -> Self {
        self.redirect_uri = Some(uri.into());
        self
    }

    /// How long a state stays valid (default 10 minutes).
    pub fn state_ttl(mut self, ttl: Duration) -> Self {
        self.state_ttl = ttl;
        self
    }

    /// Signs states with this key instead of a random one, so that every process of
    /// the app accepts the states any of them made.
    pub fn state_key(mut self, key: &[u8]) -> Self {
        self.state_key = StateKey::new(key);
        self
    }

    /// Sends users to this authorize page instead of Slack's (a test's).
    pub fn authorize_page(mut self, url: impl Into<String>) -> Self {
        self.authorize_url = url.into();
        self
    }

    /// Where to send a user to install the app, with a new signed state.
    pub fn authorize_url(&self) -> AuthorizeUrl {
        let state = self.state_key.issue(self.state_ttl);
        let mut query = form_urlencoded::Serializer::new(String::new());
        query.append_pair("client_id", &self.client_id);
        query.append_pair("scope", &self.scopes.join(","));
        if !self.user_scopes.is_empty() {
            query.append_pair("user_scope", &self.user_scopes.join(","));
        }
        if let Some(uri) = &self.redirect_uri {
            query.append_pair("redirect_uri", uri);
        }
        query.append_pair("state", &state);
        AuthorizeUrl { url: format!("{}?{}", self.authorize_url, query.finish()), state }
    }

    /// Checks a `state` the redirect brought back: signed by this app's key, in constant
    /// time, and not expired.
    ///
    /// # Errors
    ///
    /// Why it is refused.
    pub fn check_state(&self, state: &str) -> Result<(), StateError> {
        self.state_key.check(state)
    }

    /// Completes an install from the redirect's `code` and `state`: checks the state,
    /// then exchanges the code through `oauth.v2.access` with the app's credentials
    /// (sent in the form body, as Slack documents; the client sends no token with it).
    ///
    /// # Errors
    ///
    /// A refused state (nothing is sent to Slack then), a failed exchange, or an answer
    /// without a team or token.
    pub async fn install(&self, client: &Client, code: &str, state: &str) -> Result<Installation, InstallError> {
        self.check_state(state)?;
        let mut exchange = OauthV2Access::new()
            .client_id(self.client_id.clone())
            .client_secret(self.client_secret.clone())
            .code(Secret::new(code));
        if let Some(uri) = &self.redirect_uri {
            exchange = exchange.redirect_uri(uri.clone());
        }
        let granted = client.call(exchange).await?;
        Installation::from_access(granted)
    }
}

impl fmt::Debug for OAuthApp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuthApp")
            .field("client_id", &self.client_id)
            .field("client_secret", &self.client_secret)
            .field("scopes", &self.scopes)
            .field("user_scopes", &self.user_scopes)
            .field("redirect_uri", &self.redirect_uri)
            .field("state_ttl", &self.state_ttl)
            .finish_non_exhaustive()
    }
}

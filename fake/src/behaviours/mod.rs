//! Methods that behave like Slack beyond their spec: state kept between calls, and the
//! errors that come of it.
//!
//! A [`Behaviour`] answers the valid calls of one method that no test scripted. The
//! fake has one built in for each method below, in use when the method is among those
//! it serves (unless [`FakeSlackBuilder::without_behaviours`](crate::FakeSlackBuilder::without_behaviours));
//! give one configured your way with [`FakeSlackBuilder::behaviour`](crate::FakeSlackBuilder::behaviour).
//!
//! | Method | Behaviour |
//! | --- | --- |
//! | `apps.permissions.users.request` | [`Permissions`]: single-use triggers, known users and scopes |
//! | `oauth.v2.access` | [`OAuthAccess`]: the app's credentials checked, single-use codes, tokens the fake then accepts |

mod oauth;
mod permissions;

use std::fmt;

use typed_slack_runtime::MethodInfo;

pub use oauth::OAuthAccess;
pub use permissions::Permissions;

use crate::{Arguments, Reply, Seed, TokenKind};

/// How one method answers the calls that pass validation and have no scripted reply.
///
/// ```
/// use typed_slack_fake::{Behaviour, Call, Reply};
///
/// /// `chat.postMessage` that numbers its messages.
/// #[derive(Debug, Default)]
/// struct Numbered(u64);
///
/// impl Behaviour for Numbered {
///     fn method(&self) -> &str {
///         "chat.postMessage"
///     }
///
///     fn answer(&mut self, call: &Call<'_>) -> Option<Reply> {
///         self.0 += 1;
///         let channel = call.arguments().text("channel")?;
///         Some(Reply::success(serde_json::json!({"channel": channel, "ts": format!("{}.000100", self.0)})))
///     }
/// }
/// ```
pub trait Behaviour: fmt::Debug + Send + 'static {
    /// The name of the method it plays (`chat.postMessage`).
    fn method(&self) -> &str;

    /// The answer to `call`, or `None` for the method's sample response.
    fn answer(&mut self, call: &Call<'_>) -> Option<Reply>;
}

/// A valid call, as a [`Behaviour`] sees it.
#[derive(Debug, Clone, Copy)]
pub struct Call<'a> {
    pub(crate) info: &'a MethodInfo,
    pub(crate) arguments: &'a Arguments,
    pub(crate) token_kind: Option<TokenKind>,
    pub(crate) client: Option<&'a (String, String)>,
    pub(crate) workspace: &'a Seed,
}

impl<'a> Call<'a> {
    /// The facts of the method called.
    pub fn info(&self) -> &'a MethodInfo {
        self.info
    }

    /// The arguments it was called with.
    pub fn arguments(&self) -> &'a Arguments {
        self.arguments
    }

    /// The kind of token it was called with; `None` for a method called without one
    /// (`oauth.v2.access`).
    pub fn token_kind(&self) -> Option<TokenKind> {
        self.token_kind
    }

    /// The fake's workspace as it is now: its team, users, bot and what they hold.
    pub fn workspace(&self) -> &'a Seed {
        self.workspace
    }

    /// The app's client ID and secret, from the `client_id` and `client_secret`
    /// arguments or else an `Authorization: Basic` header (as Slack's Python SDK sends
    /// them to `oauth.v2.access`).
    pub fn client_credentials(&self) -> Option<(&'a str, &'a str)> {
        let arguments = self.arguments;
        match (arguments.text("client_id"), arguments.text("client_secret"), self.client) {
            (Some(id), Some(secret), _) => Some((id, secret)),
            (_, _, Some((id, secret))) => Some((id.as_str(), secret.as_str())),
            (Some(id), None, None) => Some((id, "")),
            (None, _, None) => None,
        }
    }
}

/// The built-in behaviour of the method `name`, with its defaults, if it has one.
pub(crate) fn built_in(name: &str) -> Option<Box<dyn Behaviour>> {
    match name {
        Permissions::METHOD => Some(Box::new(Permissions::new())),
        OAuthAccess::METHOD => Some(Box::new(OAuthAccess::new())),
        _ => None,
    }
}

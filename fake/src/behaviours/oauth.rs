//! `oauth.v2.access` as its Slack page documents it.

use std::collections::HashSet;

use serde_json::{Value, json};

use super::{Behaviour, Call};
use crate::{FakeSlack, Reply, Seed, TokenKind};

/// `oauth.v2.access` as Slack documents it: the app's credentials are checked, a code is
/// exchanged once, and the tokens it answers are accepted by the fake from then on.
///
/// Checked in this order, a call answers:
///
/// - `invalid_client_id` when no client ID came, or not the app's;
/// - `bad_client_secret` when the secret is not the app's;
/// - `invalid_grant_type` when `grant_type` is neither absent nor `authorization_code`
///   (token rotation is not played);
/// - `invalid_code` when no `code` came, it is not known, or it was exchanged already;
/// - `bad_redirect_uri` when a `redirect_uri` came that is not the app's (when it has one);
/// - else a bot token of the app's bot scopes, and a user token when the app asks user
///   scopes, both accepted by the fake from then on, for the workspace's team, bot and
///   installer.
///
/// The credentials come as the `client_id` and `client_secret` arguments (as the Node
/// SDK sends them) or an `Authorization: Basic` header (as the Python SDK does). By
/// default the app is [`FakeSlack::CLIENT_ID`] and [`FakeSlack::CLIENT_SECRET`], any
/// non-empty code is known, and the bot scope is `chat:write`.
///
/// ```
/// use typed_slack_fake::{FakeSlack, behaviours::OAuthAccess};
///
/// # async fn run() -> std::io::Result<()> {
/// let slack = FakeSlack::builder()
///     .methods(typed_slack::catalog())
///     .behaviour(OAuthAccess::new().client("1234.5678", "s3cr3t").code("a-code").user_scope("search:read"))
///     .start()
///     .await?;
/// # drop(slack);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct OAuthAccess {
    client_id: String,
    client_secret: String,
    redirect_uri: Option<String>,
    codes: Option<HashSet<String>>,
    exchanged: HashSet<String>,
    bot_scope: String,
    user_scope: Option<String>,
    issued: u64,
}

impl OAuthAccess {
    /// The method it plays.
    pub const METHOD: &'static str = "oauth.v2.access";

    /// The behaviour with its defaults (see above).
    pub fn new() -> Self {
        Self {
            client_id: FakeSlack::CLIENT_ID.to_owned(),
            client_secret: FakeSlack::CLIENT_SECRET.to_owned(),
            redirect_uri: None,
            codes: None,
            exchanged: HashSet::new(),
            bot_scope: "chat:write".to_owned(),
            user_scope: None,
            issued: 0,
        }
    }

    /// The app's client ID and secret.
    pub fn client(mut self, id: impl Into<String>, secret: impl Into<String>) -> Self {
        self.client_id = id.into();
        self.client_secret = secret.into();
        self
    }

    /// The app's redirect URI: a call giving another one gets `bad_redirect_uri`.
    pub fn redirect_uri(mut self, uri: impl Into<String>) -> Self {
        self.redirect_uri = Some(uri.into());
        self
    }

    /// Knows `code`; once one is registered, only registered codes are known.
    pub fn code(mut self, code: impl Into<String>) -> Self {
        self.codes.get_or_insert_default().insert(code.into());
        self
    }

    /// The scopes of the bot token it issues, comma-separated (`chat:write,commands`).
    pub fn bot_scope(mut self, scope: impl Into<String>) -> Self {
        self.bot_scope = scope.into();
        self
    }

    /// The user scopes the app asks, comma-separated: the answer then holds a user
    /// token of them too.
    pub fn user_scope(mut self, scope: impl Into<String>) -> Self {
        self.user_scope = Some(scope.into());
        self
    }

    /// The success answer for the `issued`-th exchange, issuing its tokens: the app's
    /// bot in the workspace's team, installed by its installer.
    fn success(&self, workspace: &Seed) -> Reply {
        let number = self.issued;
        let bot_token = format!("xoxb-0000000000-{number:010}-fake-slack-oauth-bot");
        let installer = &workspace.installer;
        let mut authed_user = json!({"id": installer});
        let mut reply_tokens = vec![(bot_token.clone(), TokenKind::Bot)];
        if let Some(scope) = &self.user_scope {
            let user_token = format!("xoxp-0000000000-{number:010}-fake-slack-oauth-user");
            authed_user = json!({"id": installer, "scope": scope, "access_token": user_token, "token_type": "user"});
            reply_tokens.push((user_token, TokenKind::User));
        }
        let body: Value = json!({
            "access_token": bot_token,
            "token_type": "bot",
            "scope": self.bot_scope,
            "bot_user_id": workspace.bot.user_id,
            "app_id": workspace.bot.app_id,
            "team": {"id": workspace.team.id, "name": workspace.team.name},
            "enterprise": null,
            "is_enterprise_install": false,
            "authed_user": authed_user,
        });
        reply_tokens.into_iter().fold(Reply::success(body), |reply, (token, kind)| reply.granting(token, kind))
    }
}

impl Default for OAuthAccess {
    fn default() -> Self {
        Self::new()
    }
}

impl Behaviour for OAuthAccess {
    fn method(&self) -> &str {
        Self::METHOD
    }

    fn answer(&mut self, call: &Call<'_>) -> Option<Reply> {
        let arguments = call.arguments();
        let Some((_, secret)) = call.client_credentials().filter(|(id, _)| *id == self.client_id) else {
            return Some(Reply::error("invalid_client_id"));
        };
        if secret != self.client_secret {
            return Some(Reply::error("bad_client_secret"));
        }
        if !matches!(arguments.text("grant_type"), None | Some("authorization_code")) {
            return Some(Reply::error("invalid_grant_type"));
        }
        let code = arguments.text("code").unwrap_or_default();
        let known = match &self.codes {
            Some(codes) => codes.contains(code),
            None => !code.is_empty(),
        };
        if !known || self.exchanged.contains(code) {
            return Some(Reply::error("invalid_code"));
        }
        if let (Some(sent), Some(own)) = (arguments.text("redirect_uri"), &self.redirect_uri) {
            if sent != own {
                return Some(Reply::error("bad_redirect_uri"));
            }
        }
        self.exchanged.insert(code.to_owned());
        self.issued += 1;
        Some(self.success(call.workspace()))
    }
}

//! `oauth.v2.access` as its Slack page documents it.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

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
/// - `invalid_grant_type` when `grant_type` is neither absent, `authorization_code` nor
///   `refresh_token`;
/// - with `grant_type=refresh_token`: `invalid_refresh_token` when the `refresh_token`
///   is not one the fake issued, or was used already; else a new token of the same kind
///   and a new refresh token, the old token staying valid until it expires;
/// - `invalid_code` when no `code` came, it is not known, or it was exchanged already;
/// - `bad_redirect_uri` when a `redirect_uri` came that is not the app's (when it has one);
/// - else a bot token of the app's bot scopes, and a user token when the app asks user
///   scopes, both accepted by the fake from then on, for the workspace's team, bot and
///   installer.
///
/// With [`rotation`](Self::rotation) on, the tokens it issues are rotating ones
/// (`xoxe.xoxb-…`): each comes with a `refresh_token` and its `expires_in`, and after it
/// the fake answers the token's calls `token_expired`.
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
    /// How long the tokens it issues live, when rotation is on.
    rotation: Option<Duration>,
    /// The refresh tokens issued and not used yet, with the kind of token they renew.
    refresh_tokens: HashMap<String, TokenKind>,
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
            rotation: None,
            refresh_tokens: HashMap::new(),
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

    /// Issues rotating tokens that live `lifetime` (Slack's live 12 hours), each with a
    /// refresh token; whole seconds, at least one.
    pub fn rotation(mut self, lifetime: Duration) -> Self {
        self.rotation = Some(Duration::from_secs(lifetime.as_secs().max(1)));
        self
    }

    /// The success answer for the `issued`-th exchange, issuing its tokens: the app's
    /// bot in the workspace's team, installed by its installer.
    fn success(&mut self, workspace: &Seed) -> Reply {
        let installer = &workspace.installer;
        let mut grants = Vec::new();
        let mut authed_user = json!({"id": installer});
        if let Some(scope) = self.user_scope.clone() {
            let (user_token, renewal) = self.issue(TokenKind::User, &mut grants);
            authed_user = json!({"id": installer, "scope": scope, "access_token": user_token, "token_type": "user"});
            extend(&mut authed_user, renewal);
        }
        let (bot_token, renewal) = self.issue(TokenKind::Bot, &mut grants);
        let mut body: Value = json!({
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
        extend(&mut body, renewal);
        grant(Reply::success(body), grants)
    }

    /// The answer to a refresh: a new token of the kind `refresh_token` renews.
    fn refreshed(&mut self, workspace: &Seed, kind: TokenKind) -> Reply {
        let mut grants = Vec::new();
        let (token, renewal) = self.issue(kind, &mut grants);
        let scope = match kind {
            TokenKind::User => self.user_scope.clone().unwrap_or_default(),
            _ => self.bot_scope.clone(),
        };
        let mut body = json!({
            "access_token": token,
            "token_type": kind.to_string(),
            "scope": scope,
            "app_id": workspace.bot.app_id,
            "team": {"id": workspace.team.id, "name": workspace.team.name},
            "enterprise": null,
            "is_enterprise_install": false,
        });
        if kind == TokenKind::Bot {
            body["bot_user_id"] = json!(workspace.bot.user_id);
        } else {
            body["user_id"] = json!(workspace.installer);
        }
        extend(&mut body, renewal);
        grant(Reply::success(body), grants)
    }

    /// A new token of `kind` among `grants`, and with rotation on the fields that
    /// renew it (`refresh_token`, `expires_in`).
    fn issue(&mut self, kind: TokenKind, grants: &mut Vec<(String, TokenKind, Option<Duration>)>) -> (String, Value) {
        self.issued += 1;
        let number = self.issued;
        let (prefix, name) = match kind {
            TokenKind::User => ("xoxp", "user"),
            _ => ("xoxb", "bot"),
        };
        let Some(lifetime) = self.rotation else {
            grants.push((format!("{prefix}-0000000000-{number:010}-fake-slack-oauth-{name}"), kind, None));
            return (grants[grants.len() - 1].0.clone(), json!({}));
        };
        let token = format!("xoxe.{prefix}-1-{number:010}-fake-slack-rotating-{name}");
        let refresh_token = format!("xoxe-1-{number:010}-fake-slack-refresh-{name}");
        self.refresh_tokens.insert(refresh_token.clone(), kind);
        grants.push((token.clone(), kind, Some(lifetime)));
        (token, json!({"refresh_token": refresh_token, "expires_in": lifetime.as_secs()}))
    }
}

/// `fields` added to the object `body`.
fn extend(body: &mut Value, fields: Value) {
    if let (Value::Object(body), Value::Object(fields)) = (body, fields) {
        body.extend(fields);
    }
}

/// `reply`, issuing `grants`.
fn grant(reply: Reply, grants: Vec<(String, TokenKind, Option<Duration>)>) -> Reply {
    grants.into_iter().fold(reply, |reply, (token, kind, lifetime)| match lifetime {
        Some(lifetime) => reply.granting_for(token, kind, lifetime),
        None => reply.granting(token, kind),
    })
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
        match arguments.text("grant_type") {
            None | Some("authorization_code") => {}
            Some("refresh_token") => {
                let refresh_token = arguments.text("refresh_token").unwrap_or_default();
                return Some(match self.refresh_tokens.remove(refresh_token) {
                    Some(kind) => self.refreshed(call.workspace(), kind),
                    None => Reply::error("invalid_refresh_token"),
                });
            }
            Some(_) => return Some(Reply::error("invalid_grant_type")),
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
        Some(self.success(call.workspace()))
    }
}

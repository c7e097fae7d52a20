//! What an install gives the app: its tokens for one workspace or organization.

use std::time::{Duration, SystemTime};

use typed_slack::OauthV2AccessResponse;
use typed_slack::runtime::Token;
use typed_slack::runtime::types::{AppId, Secret, TeamId, UserId};

use super::InstallError;

/// The app installed in one workspace (or organization), as `oauth.v2.access` answered:
/// the bot's token and the installing user's, with their scopes and expiry. Its `Debug`
/// output shows no token.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Installation {
    /// The workspace; `None` for an install on a whole organization.
    pub team_id: Option<TeamId>,
    /// The workspace's name.
    pub team_name: Option<String>,
    /// The organization, for an Enterprise Grid install.
    pub enterprise_id: Option<String>,
    /// Whether the app was installed on the whole organization.
    pub is_enterprise_install: bool,
    /// The app.
    pub app_id: AppId,
    /// The bot's user, when the app has a bot.
    pub bot_user_id: Option<UserId>,
    /// The bot token, when bot scopes were granted.
    pub bot_token: Option<Token>,
    /// The bot scopes granted.
    pub bot_scopes: Vec<String>,
    /// With token rotation on: the bot token's refresh token and when the token expires.
    pub bot_refresh: Option<Refresh>,
    /// The user who installed the app.
    pub user_id: Option<UserId>,
    /// The user token, when user scopes were granted.
    pub user_token: Option<Token>,
    /// The user scopes granted.
    pub user_scopes: Vec<String>,
    /// With token rotation on: the user token's refresh token and when it expires.
    pub user_refresh: Option<Refresh>,
}

/// A rotating token's refresh token and expiry.
#[derive(Debug, Clone)]
pub struct Refresh {
    /// The refresh token, for `oauth.v2.access` with `grant_type=refresh_token`.
    pub refresh_token: Secret,
    /// When the token expires.
    pub expires_at: SystemTime,
}

impl Installation {
    /// The installation an `oauth.v2.access` answer describes.
    ///
    /// # Errors
    ///
    /// When it names neither a workspace nor an organization, or holds no usable token.
    pub(super) fn from_access(answer: OauthV2AccessResponse) -> Result<Self, InstallError> {
        let team = answer.team.as_deref();
        let enterprise_id = answer.enterprise.as_ref().and_then(|enterprise| enterprise.id.clone());
        let team_id = team.and_then(|team| team.id.clone());
        if team_id.is_none() && enterprise_id.is_none() {
            return Err(InstallError::Incomplete("team or enterprise"));
        }
        let bot_token = token(answer.access_token.as_ref())?;
        let user = answer.authed_user.as_ref();
        let user_token = token(user.and_then(|user| user.access_token.as_ref()))?;
        if bot_token.is_none() && user_token.is_none() {
            return Err(InstallError::Incomplete("token"));
        }
        Ok(Self {
            team_name: team.and_then(|team| team.name.clone()),
            team_id,
            enterprise_id,
            is_enterprise_install: answer.is_enterprise_install.unwrap_or(false),
            app_id: answer.app_id.clone(),
            bot_user_id: answer.bot_user_id.clone(),
            bot_scopes: scopes(answer.scope.as_deref()),
            bot_refresh: refresh(answer.refresh_token.as_ref(), answer.expires_in),
            bot_token,
            user_id: user.map(|user| user.id.clone()),
            user_scopes: scopes(user.and_then(|user| user.scope.as_deref())),
            user_refresh: refresh(
                user.and_then(|user| user.refresh_token.as_ref()),
                user.and_then(|user| user.expires_in),
            ),
            user_token,
        })
    }
}

pub(super) fn token(secret: Option<&Secret>) -> Result<Option<Token>, InstallError> {
    secret
        .map(|secret| Token::new(secret.expose()).map_err(|_| InstallError::Incomplete("well-formed token")))
        .transpose()
}

fn scopes(scope: Option<&str>) -> Vec<String> {
    scope.unwrap_or_default().split(',').map(str::trim).filter(|scope| !scope.is_empty()).map(str::to_owned).collect()
}

pub(super) fn refresh(refresh_token: Option<&Secret>, expires_in: Option<i64>) -> Option<Refresh> {
    let seconds = u64::try_from(expires_in?).ok()?;
    Some(Refresh {
        refresh_token: refresh_token?.clone(),
        expires_at: SystemTime::now() + Duration::from_secs(seconds),
    })
}

//! `oauth.v2.access` behaves like its Slack page says, built in: the app's credentials
//! are checked, a code works once, and the tokens it answers are then accepted.

use typed_slack::runtime::{Client, Token};
use typed_slack::{AuthTest, OauthV2Access, OauthV2AccessError as Error};
use typed_slack_fake::behaviours::OAuthAccess;
use typed_slack_fake::{FakeSlack, TokenKind};
use typed_slack_runtime::Transport;
use typed_slack_runtime::http;

async fn fake(behaviour: OAuthAccess) -> FakeSlack {
    FakeSlack::builder().methods(typed_slack::catalog()).behaviour(behaviour).start().await.expect("a fake")
}

/// A client holding `token`; `oauth.v2.access` is called without one.
fn client(slack: &FakeSlack, token: &str) -> Client {
    slack.client(Token::new(token).expect("a token")).build().expect("a client")
}

fn exchange(code: &str, secret: &str) -> OauthV2Access {
    OauthV2Access::new().client_id(FakeSlack::CLIENT_ID).client_secret(secret).code(code)
}

#[tokio::test]
async fn a_code_is_exchanged_once_for_tokens_the_fake_then_accepts() {
    let slack = fake(OAuthAccess::new().user_scope("search:read")).await;
    let app = client(&slack, FakeSlack::BOT_TOKEN);

    let installed = app.call(exchange("code-1", FakeSlack::CLIENT_SECRET)).await.expect("an install");
    let bot_token = installed.access_token.clone().expect("a bot token");
    let user = installed.authed_user.as_ref().expect("the installing user");
    let user_token = user.access_token.clone().expect("a user token");
    assert_eq!(installed.token_type.as_deref(), Some("bot"));
    assert_eq!(installed.scope.as_deref(), Some("chat:write"));

    // The tokens work: a token the fake did not issue would be `invalid_auth`.
    client(&slack, bot_token.expose()).call(AuthTest::new()).await.expect("the bot token is accepted");
    client(&slack, user_token.expose()).call(AuthTest::new()).await.expect("the user token is accepted");
    let requests = slack.requests();
    let [.., bot_call, user_call] = requests.as_slice() else { panic!("the two calls") };
    assert_eq!((bot_call.token_kind(), user_call.token_kind()), (Some(TokenKind::Bot), Some(TokenKind::User)));

    let again = app.call(exchange("code-1", FakeSlack::CLIENT_SECRET)).await.unwrap_err();
    assert_eq!(again.code(), Some(&Error::InvalidCode));
}

#[tokio::test]
async fn the_apps_credentials_code_and_redirect_are_checked_in_slacks_order() {
    let slack =
        fake(OAuthAccess::new().client("1234.5678", "s3cr3t").code("known").redirect_uri("https://app/cb")).await;
    let app = client(&slack, FakeSlack::BOT_TOKEN);
    let error = async |request: OauthV2Access| app.call(request).await.unwrap_err().code().cloned();

    assert_eq!(error(OauthV2Access::new().code("known")).await, Some(Error::InvalidClientId));
    let with = |secret: &str| OauthV2Access::new().client_id("1234.5678").client_secret(secret);
    assert_eq!(error(with("wrong").code("known")).await, Some(Error::BadClientSecret));
    assert_eq!(error(with("s3cr3t").code("known").grant_type("password")).await, Some(Error::InvalidGrantType));
    assert_eq!(error(with("s3cr3t").code("unknown")).await, Some(Error::InvalidCode));
    assert_eq!(error(with("s3cr3t").code("known").redirect_uri("https://evil/cb")).await, Some(Error::BadRedirectUri));
    app.call(with("s3cr3t").code("known").redirect_uri("https://app/cb")).await.expect("an install");
}

/// Slack's Python SDK sends the credentials as HTTP Basic authentication.
#[tokio::test]
async fn the_credentials_may_come_as_basic_authentication() {
    use base64::Engine;
    let slack = fake(OAuthAccess::new()).await;
    let credentials = format!("{}:{}", FakeSlack::CLIENT_ID, FakeSlack::CLIENT_SECRET);
    let basic = base64::engine::general_purpose::STANDARD.encode(credentials);
    let request = http::Request::post("https://slack.com/api/oauth.v2.access")
        .header("authorization", format!("Basic {basic}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(b"code=from-python".to_vec())
        .expect("a request");
    let answer = slack.transport().send(request).await.expect("an answer");
    let body: serde_json::Value = serde_json::from_slice(answer.body()).expect("JSON");
    assert_eq!(body["ok"], serde_json::json!(true), "{body}");
    assert!(body["access_token"].as_str().is_some_and(|token| token.starts_with("xoxb-")));
}

/// A client over the in-process transport, for tests on a paused clock.
fn in_process(slack: &FakeSlack, token: &str) -> Client {
    let token = Token::new(token).expect("a token");
    Client::builder(token).transport(slack.transport()).build().expect("a client")
}

#[tokio::test(start_paused = true)]
async fn with_rotation_tokens_expire_and_a_refresh_token_renews_them_once() {
    let slack = fake(OAuthAccess::new().rotation(std::time::Duration::from_secs(600))).await;
    let app = in_process(&slack, FakeSlack::BOT_TOKEN);
    let installed = app.call(exchange("code-1", FakeSlack::CLIENT_SECRET)).await.expect("an install");
    let token = installed.access_token.clone().expect("a token");
    assert!(token.expose().starts_with("xoxe.xoxb-"), "a rotating bot token");
    assert_eq!(installed.expires_in, Some(600));
    let refresh_token = installed.refresh_token.clone().expect("a refresh token");

    let bot = in_process(&slack, token.expose());
    bot.call(AuthTest::new()).await.expect("valid for 10 minutes");
    tokio::time::advance(std::time::Duration::from_secs(600)).await;
    let expired = bot.call(AuthTest::new()).await.expect_err("expired");
    assert_eq!(expired.common_code(), Some(typed_slack::runtime::CommonError::TokenExpired));

    let refresh = || {
        OauthV2Access::new()
            .client_id(FakeSlack::CLIENT_ID)
            .client_secret(FakeSlack::CLIENT_SECRET)
            .grant_type("refresh_token")
            .refresh_token(refresh_token.clone())
    };
    let renewed = app.call(refresh()).await.expect("renewed");
    assert_eq!((renewed.token_type.as_deref(), renewed.expires_in), (Some("bot"), Some(600)));
    let new_token = renewed.access_token.expect("a new token");
    assert_ne!(new_token.expose(), token.expose());
    assert_ne!(renewed.refresh_token.as_ref().map(|secret| secret.expose()), Some(refresh_token.expose()));
    in_process(&slack, new_token.expose()).call(AuthTest::new()).await.expect("the new token works");

    let reused = app.call(refresh()).await.expect_err("a refresh token works once");
    assert_eq!(reused.code(), Some(&Error::InvalidRefreshToken));
}

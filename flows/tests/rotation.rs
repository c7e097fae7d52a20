//! Token rotation against the fake Slack, which expires its rotating tokens and renews
//! them once per refresh token: renewed before the expiry, renewed once for 50 calls
//! answered `token_expired` at once, and saved in the store.

use std::sync::Arc;
use std::time::Duration;

use typed_slack::runtime::{Client, CommonError, Token, Transport, TransportFuture, http};
use typed_slack::{AuthTest, OauthV2Access, OauthV2AccessError};
use typed_slack_fake::behaviours::OAuthAccess;
use typed_slack_fake::{FakeSlack, InProcessTransport, Request};
use typed_slack_flows::oauth::{
    Installation, InstallationStore, MemoryInstallations, OAuthApp, RefreshError, RotatingCallError, RotatingClient,
};

const LIFETIME: Duration = Duration::from_secs(12 * 60 * 60);

async fn fake(behaviour: OAuthAccess) -> FakeSlack {
    FakeSlack::builder().methods(typed_slack::catalog()).behaviour(behaviour).start().await.expect("a fake Slack")
}

fn app() -> OAuthApp {
    OAuthApp::new(FakeSlack::CLIENT_ID, FakeSlack::CLIENT_SECRET)
}

fn app_client(slack: &FakeSlack) -> Client {
    Client::without_token().transport(slack.transport()).build().expect("a client")
}

async fn install(slack: &FakeSlack, app: &OAuthApp) -> Installation {
    let state = app.authorize_url().state;
    app.install(&app_client(slack), "a-code", &state).await.expect("installed")
}

fn refreshes(slack: &FakeSlack) -> Vec<Request> {
    let requests = slack.requests_to::<OauthV2Access>().into_iter();
    requests.filter(|request| request.arguments().text("grant_type") == Some("refresh_token")).collect()
}

fn bot_token(installation: &Installation) -> Token {
    installation.bot_token.clone().expect("a bot token")
}

#[tokio::test]
async fn a_token_close_to_its_expiry_is_renewed_before_the_call_and_saved() {
    let slack = fake(OAuthAccess::new().rotation(LIFETIME)).await;
    let app = app();
    let installation = install(&slack, &app).await;
    let first = bot_token(&installation);
    assert!(installation.bot_refresh.is_some(), "a rotating install");
    let store = Arc::new(MemoryInstallations::new());

    // 12 hours left, renewed 10 minutes before: not due.
    let bot = RotatingClient::bot(app_client(&slack), app.clone(), store.clone(), installation.clone());
    bot.call(AuthTest::new()).await.expect("called");
    assert!(refreshes(&slack).is_empty());
    assert_eq!(bot.token().await.expect("the token"), first);

    // Renewed a day before: due, so renewed first.
    let eager = RotatingClient::bot(app_client(&slack), app, store.clone(), installation).refresh_before(LIFETIME * 2);
    eager.call(AuthTest::new()).await.expect("called with the new token");
    assert_eq!(refreshes(&slack).len(), 1);
    let renewed = eager.installation().await;
    assert_ne!(bot_token(&renewed), first);
    let saved = store.find(None, Some("T0000000001")).await.expect("the store").expect("saved");
    assert_eq!(bot_token(&saved), bot_token(&renewed));
    let last = slack.requests_to::<AuthTest>().pop().expect("the call");
    assert_eq!(last.error(), None, "the call went with the renewed token");
}

#[tokio::test(start_paused = true)]
async fn fifty_calls_answered_token_expired_renew_the_token_once() {
    let slack = fake(OAuthAccess::new().rotation(LIFETIME)).await;
    let app = app();
    let installation = install(&slack, &app).await;
    let store = Arc::new(MemoryInstallations::new());
    // Every exchange takes 10 ms, so that the 50 calls are in flight together when
    // Slack answers them `token_expired`.
    let slow = Client::without_token().transport(Slow(slack.transport())).build().expect("a client");
    let bot = RotatingClient::bot(slow, app, store.clone(), installation);
    // Slack's clock, not the app's, passes the expiry: the app learns it from Slack.
    tokio::time::advance(LIFETIME).await;

    let calls = (0..50).map(|_| {
        let bot = bot.clone();
        async move { bot.call(AuthTest::new()).await }
    });
    let answers = futures_util::future::join_all(calls).await;
    assert!(answers.iter().all(Result::is_ok), "{:?}", answers.iter().find(|answer| answer.is_err()));
    assert_eq!(refreshes(&slack).len(), 1, "one renewal for every call");

    let expired = slack.requests_to::<AuthTest>().iter().filter(|call| call.error() == Some("token_expired")).count();
    assert_eq!(expired, 50, "every call was in flight with the old token");
    assert_eq!(slack.requests_to::<AuthTest>().len(), 100, "each expired call made once more");
    let saved = store.find(None, Some("T0000000001")).await.expect("the store").expect("saved");
    assert_eq!(bot_token(&saved), bot.token().await.expect("the token"));
}

/// The fake's transport, answering 10 ms late.
#[derive(Debug)]
struct Slow(InProcessTransport);

impl Transport for Slow {
    fn send(&self, request: http::Request<Vec<u8>>) -> TransportFuture<'_> {
        Box::pin(async move {
            tokio::time::sleep(Duration::from_millis(10)).await;
            self.0.send(request).await
        })
    }
}

#[tokio::test(start_paused = true)]
async fn a_refresh_token_slack_refuses_fails_the_call_with_the_reason() {
    let slack = fake(OAuthAccess::new().rotation(LIFETIME)).await;
    let app = app();
    let installation = install(&slack, &app).await;
    // Another process renewed it first: this refresh token is spent.
    let spent = installation.bot_refresh.as_ref().expect("rotating").refresh_token.clone();
    app.refresh(&app_client(&slack), &spent).await.expect("renewed elsewhere");
    tokio::time::advance(LIFETIME).await;

    let bot = RotatingClient::bot(app_client(&slack), app, Arc::new(MemoryInstallations::new()), installation);
    let error = bot.call(AuthTest::new()).await.expect_err("cannot be renewed");
    let RotatingCallError::Refresh(RefreshError::Exchange(exchange)) = &error else { panic!("{error:?}") };
    assert_eq!(exchange.code(), Some(&OauthV2AccessError::InvalidRefreshToken));
}

#[tokio::test]
async fn without_rotation_an_expired_token_is_a_refresh_error() {
    let slack = fake(OAuthAccess::new()).await;
    let app = app();
    let installation = install(&slack, &app).await;
    assert!(installation.bot_refresh.is_none());
    let bot = RotatingClient::bot(app_client(&slack), app, Arc::new(MemoryInstallations::new()), installation);
    bot.call(AuthTest::new()).await.expect("a token that does not expire");
    slack.on::<AuthTest>().fail(CommonError::TokenExpired);
    let error = bot.call(AuthTest::new()).await.expect_err("nothing to renew it with");
    assert!(matches!(error, RotatingCallError::Refresh(RefreshError::NotRotating(_))), "{error:?}");
}

#[tokio::test]
async fn with_a_one_second_expiry_the_token_is_renewed_before_slack_refuses_it() {
    let slack = fake(OAuthAccess::new().rotation(Duration::from_secs(1))).await;
    let app = app();
    let installation = install(&slack, &app).await;
    let store = Arc::new(MemoryInstallations::new());
    let bot =
        RotatingClient::bot(app_client(&slack), app, store, installation).refresh_before(Duration::from_millis(700));
    for _ in 0..4 {
        bot.call(AuthTest::new()).await.expect("called");
        tokio::time::sleep(Duration::from_millis(400)).await;
    }
    // 1.6 s of calls: the token of 1 s was renewed at least once, always in time.
    assert!(!refreshes(&slack).is_empty());
    let refused = slack.requests_to::<AuthTest>().iter().filter(|call| call.error().is_some()).count();
    assert_eq!(refused, 0, "no call went with an expired token");
}

//! OAuth installs against the fake Slack's `oauth.v2.access`: a good one, a bad state,
//! a code used twice, and nothing secret in `Debug` output.

use std::time::Duration;

use typed_slack::OauthV2Access;
use typed_slack::runtime::Client;
use typed_slack_fake::FakeSlack;
use typed_slack_flows::oauth::{InstallError, InstallationStore, MemoryInstallations, OAuthApp, StateError};

async fn fake_and_client() -> (FakeSlack, Client) {
    let slack = FakeSlack::builder().methods(typed_slack::catalog()).start().await.expect("a fake Slack");
    let client = Client::without_token().transport(slack.transport()).build().expect("a client");
    (slack, client)
}

fn new_app() -> OAuthApp {
    OAuthApp::new(FakeSlack::CLIENT_ID, FakeSlack::CLIENT_SECRET).scopes(["chat:write", "commands"])
}

#[tokio::test]
async fn an_install_gives_a_typed_installation_whose_token_the_fake_accepts() {
    let (slack, client) = fake_and_client().await;
    let app = new_app().user_scopes(["search:read"]).redirect_uri("https://app.example.com/redirect");
    let start = app.authorize_url();
    assert!(start.url.starts_with("https://slack.com/oauth/v2/authorize?client_id=0000000000.0000000000000&scope=chat%3Awrite%2Ccommands&user_scope=search%3Aread&redirect_uri=https%3A%2F%2Fapp.example.com%2Fredirect&state="), "{}", start.url);
    assert!(start.url.ends_with(&start.state));

    let installation = app.install(&client, "code-1", &start.state).await.expect("installed");
    assert_eq!(installation.team_id.as_ref().map(|id| id.as_str()), Some("T0000000001"));
    assert_eq!(installation.team_name.as_deref(), Some("Fake Slack"));
    assert_eq!(installation.bot_user_id.as_ref().map(|id| id.as_str()), Some("U0000000003"));
    assert_eq!(installation.bot_scopes, ["chat:write"]);
    assert!(installation.bot_token.is_some());

    let [exchange] = slack.requests_to::<OauthV2Access>().try_into().expect("one exchange");
    assert_eq!(exchange.arguments().text("client_id"), Some(FakeSlack::CLIENT_ID));
    assert_eq!(exchange.arguments().text("redirect_uri"), Some("https://app.example.com/redirect"));
    assert_eq!(exchange.header("authorization"), None, "no workspace's token goes with the app's credentials");

    let store = MemoryInstallations::new();
    store.save(installation.clone()).await.expect("saved");
    let found = store.find(None, Some("T0000000001")).await.expect("found").expect("an installation");
    assert_eq!(found.app_id, installation.app_id);
    assert!(store.find(None, Some("T404")).await.expect("found").is_none());
    let bot = client.with_token(found.bot_token.expect("a bot token"));
    let identity = bot.call(typed_slack::AuthTest::new()).await.expect("the new token works");
    assert_eq!(identity.user_id.as_ref().map(|id| id.as_str()), Some("U0000000003"));
}

#[tokio::test]
async fn a_forged_or_expired_state_is_refused_before_anything_is_sent() {
    let (slack, client) = fake_and_client().await;
    let app = new_app();
    let other_app = new_app().state_key(b"another app's key");
    let forged = other_app.authorize_url().state;
    let refused = app.install(&client, "code-1", &forged).await.expect_err("a forged state");
    assert!(matches!(refused, InstallError::State(StateError::Forged)), "{refused:?}");
    let refused = app.install(&client, "code-1", "not-a-state").await.expect_err("garbage");
    assert!(matches!(refused, InstallError::State(StateError::Malformed)), "{refused:?}");
    let stale = app.clone().state_ttl(Duration::ZERO).authorize_url().state;
    let refused = app.install(&client, "code-1", &stale).await.expect_err("an expired state");
    assert!(matches!(refused, InstallError::State(StateError::Expired)), "{refused:?}");
    assert!(slack.requests_to::<OauthV2Access>().is_empty());

    // Processes sharing a key accept each other's states.
    let shared = new_app().state_key(b"shared");
    assert_eq!(new_app().state_key(b"shared").check_state(&shared.authorize_url().state), Ok(()));
}

#[tokio::test]
async fn a_code_works_once_and_nothing_secret_shows() {
    let (_slack, client) = fake_and_client().await;
    let app = new_app();
    let installation = app.install(&client, "code-once", &app.authorize_url().state).await.expect("installed");
    let again = app.install(&client, "code-once", &app.authorize_url().state).await.expect_err("used already");
    match again {
        InstallError::Exchange(error) => assert_eq!(
            error.code().map(|code| typed_slack::runtime::Code::code(code).to_owned()),
            Some("invalid_code".to_owned())
        ),
        other => panic!("{other:?}"),
    }
    let debug = format!("{app:?} {installation:?}");
    assert!(!debug.contains(FakeSlack::CLIENT_SECRET), "{debug}");
    assert!(!debug.contains("fake-slack-oauth-bot"), "{debug}");
}

//! Many workspaces, one client: `Client::with_token` shares the connection pool and the
//! settings, never mixes tokens, and paces each token apart.

#![cfg(all(feature = "chat", feature = "users", feature = "catalog"))]

use std::time::Duration;

use tokio::task::JoinSet;
use tokio::time::Instant;
use typed_slack::runtime::{Client, Pacing, Token};
use typed_slack::{ChatPostMessage, UsersList};
use typed_slack_fake::FakeSlack;

const TEAM_A: &str = "xoxb-1111-team-a";
const TEAM_B: &str = "xoxb-2222-team-b";

async fn fake() -> FakeSlack {
    let builder = FakeSlack::builder().methods(typed_slack::catalog());
    builder.token(TEAM_A).token(TEAM_B).start().await.expect("a fake Slack")
}

fn token(token: &str) -> Token {
    Token::new(token).expect("a well-formed token")
}

#[tokio::test]
async fn concurrent_calls_for_two_workspaces_each_carry_their_own_token() {
    let slack = fake().await;
    let client = slack.client(token(TEAM_A)).build().expect("a client");
    let mut calls = JoinSet::new();
    for index in 0..40 {
        let (name, team) = if index % 2 == 0 { ("a", TEAM_A) } else { ("b", TEAM_B) };
        // A client per call, as a multi-tenant app makes one per event it handles.
        let client = client.with_token(token(team));
        calls.spawn(async move {
            let request = ChatPostMessage::new("C0000000001").text(format!("{name}-{index}"));
            client.call(request).await.expect("the post succeeds");
        });
    }
    while let Some(call) = calls.join_next().await {
        call.expect("no call panics");
    }
    let posts = slack.requests_to::<ChatPostMessage>();
    assert_eq!(posts.len(), 40);
    for post in posts {
        let text = post.arguments().text("text").expect("a text");
        let expected = if text.starts_with("a-") { TEAM_A } else { TEAM_B };
        assert_eq!(post.header("authorization"), Some(format!("Bearer {expected}").as_str()), "{text}");
    }
}

#[tokio::test(start_paused = true)]
async fn each_token_is_paced_apart_and_clients_of_one_token_share_its_pace() {
    let slack = fake().await;
    let client = Client::builder(token(TEAM_A)).transport(slack.transport()).pacing(Pacing::by_tier()).build();
    let client = client.expect("a client");
    // users.list is Tier 2: a burst of 20 per token, then one call every 3 s. Team A's
    // client spends the burst.
    for _ in 0..20 {
        client.call(UsersList::new()).await.expect("a page");
    }
    let start = Instant::now();
    let team_a = client.with_token(token(TEAM_A));
    let team_b = client.with_token(token(TEAM_B));
    let (same, other) = tokio::join!(
        async {
            team_a.call(UsersList::new()).await.expect("a page");
            start.elapsed()
        },
        async {
            team_b.call(UsersList::new()).await.expect("a page");
            start.elapsed()
        },
    );
    // Another client of team A's token shares its count and waits; team B goes at once.
    assert!(same >= Duration::from_secs(3) && same < Duration::from_millis(3100), "{same:?}");
    assert_eq!(other, Duration::ZERO);
}

#[cfg(feature = "oauth")]
#[tokio::test]
async fn a_method_called_with_the_apps_credentials_gets_no_token() {
    use typed_slack::OauthV2Access;
    use typed_slack::runtime::types::Secret;

    let slack = fake().await;
    let client = slack.client(token(TEAM_A)).build().expect("a client");
    let exchange = OauthV2Access::new()
        .client_id(FakeSlack::CLIENT_ID)
        .client_secret(Secret::new(FakeSlack::CLIENT_SECRET))
        .code(Secret::new("a-code"));
    let granted = client.call(exchange).await.expect("the code is exchanged");
    assert!(granted.access_token.is_some());
    let [sent] = slack.requests_to::<OauthV2Access>().try_into().expect("one request");
    assert_eq!(sent.header("authorization"), None);
    assert_eq!(sent.token_kind(), None);

    // An app's client before any install has no token at all: fine for the exchange,
    // `not_authed` for the rest, until it is given one.
    let app = Client::without_token().base_url(slack.base_url()).build().expect("a client");
    let exchange = OauthV2Access::new()
        .client_id(FakeSlack::CLIENT_ID)
        .client_secret(Secret::new(FakeSlack::CLIENT_SECRET))
        .code(Secret::new("another-code"));
    app.call(exchange).await.expect("the code is exchanged");
    let refused = app.call(UsersList::new()).await.expect_err("no token");
    assert_eq!(refused.common_code(), Some(typed_slack::runtime::CommonError::NotAuthed));
    app.with_token(token(TEAM_A)).call(UsersList::new()).await.expect("with a token");
    assert!(format!("{app:?}").contains("token: None"), "{app:?}");
}

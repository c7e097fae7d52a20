//! `apps.permissions.users.request` behaves like its Slack page says, built in.

#![allow(deprecated)] // The seed method is deprecated; calling it is the point here.

use typed_slack::runtime::{Client, Token};
use typed_slack::{AppsPermissionsUsersRequest as Request, AppsPermissionsUsersRequestError as Error};
use typed_slack_fake::behaviours::Permissions;
use typed_slack_fake::{Behaviour, Call, FakeSlack, Reply};

const TRIGGER: &str = "13345224609.738474920.8088930838d88f008e0";

fn client(slack: &FakeSlack) -> Client {
    slack.client(Token::new(FakeSlack::USER_TOKEN).expect("a token")).build().expect("a client")
}

async fn error_of(client: &Client, request: Request) -> Option<Error> {
    client.call(request).await.err().and_then(|error| error.code().cloned())
}

#[tokio::test]
async fn a_trigger_works_once() {
    let slack = FakeSlack::builder().methods(typed_slack::catalog()).start().await.unwrap();
    let client = client(&slack);

    let first = error_of(&client, Request::new(["chat:write"], TRIGGER, "U0DJ9S1Q8")).await;
    let second = error_of(&client, Request::new(["chat:write"], TRIGGER, "U0DJ9S1Q8")).await;

    assert_eq!(first, None);
    assert_eq!(second, Some(Error::TriggerExchanged));
}

#[tokio::test]
async fn unknown_triggers_users_and_scopes() {
    let slack = FakeSlack::builder()
        .methods(typed_slack::catalog())
        .behaviour(Permissions::new().trigger("t1").trigger("t2").user("U1").scope("chat:write"))
        .start()
        .await
        .unwrap();
    let client = client(&slack);

    assert_eq!(error_of(&client, Request::new(["chat:write"], TRIGGER, "U1")).await, Some(Error::InvalidTrigger));
    assert_eq!(error_of(&client, Request::new(["chat:write"], "t1", "U0DJ9S1Q8")).await, Some(Error::InvalidUser));
    assert_eq!(error_of(&client, Request::new(["admin"], "t1", "U1")).await, Some(Error::InvalidScope));
    assert_eq!(error_of(&client, Request::new(["chat:write"], "t1", "U1")).await, None);
    assert_eq!(error_of(&client, Request::new(["chat:write"], "t1", "U1")).await, Some(Error::TriggerExchanged));
}

#[tokio::test]
async fn a_scripted_answer_comes_first_and_without_behaviours_there_is_only_the_sample() {
    let scripted = FakeSlack::builder().methods(typed_slack::catalog()).start().await.unwrap();
    scripted.on::<Request>().succeed();
    let plain = FakeSlack::builder().methods(typed_slack::catalog()).without_behaviours().start().await.unwrap();

    for slack in [&scripted, &plain] {
        let client = client(slack);
        assert_eq!(error_of(&client, Request::new(["chat:write"], "expired", "U0DJ9S1Q8")).await, None);
    }
    assert_eq!(
        error_of(&client(&scripted), Request::new(["chat:write"], "expired", "U0DJ9S1Q8")).await,
        Some(Error::InvalidTrigger)
    );
}

/// A behaviour of a test's own, for a method with none built in.
#[derive(Debug, Default)]
struct CountingUsers(u32);

impl Behaviour for CountingUsers {
    fn method(&self) -> &str {
        "apps.permissions.users.request"
    }

    fn answer(&mut self, call: &Call<'_>) -> Option<Reply> {
        self.0 += 1;
        (call.arguments().text("user") == Some("U_BANNED")).then(|| Reply::error("user_banned"))
    }
}

#[tokio::test]
async fn a_behaviour_of_ones_own_replaces_the_built_in_one() {
    let slack = FakeSlack::builder().methods(typed_slack::catalog()).behaviour(CountingUsers::default()).start().await;
    let slack = slack.unwrap();
    let client = client(&slack);

    let banned = client.call(Request::new(["x"], "any", "U_BANNED")).await.unwrap_err();
    client.call(Request::new(["x"], "any", "U1")).await.unwrap();
    client.call(Request::new(["x"], "any", "U1")).await.unwrap();

    assert_eq!(banned.code().map(|code| code.to_string()), Some("user_banned".to_owned()));
}

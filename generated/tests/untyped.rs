//! The escape hatch: a method called by its name, with a form or a JSON body, through
//! the same client: its answer's JSON, Slack's error codes, retries and pacing.

#![cfg(feature = "catalog")]

use std::time::Duration;

use serde_json::{Map, json};
use typed_slack::runtime::{CallError, Client, CommonError, Pacing, RetryPolicy, Token, UntypedCall};
use typed_slack_fake::FakeSlack;

async fn fake() -> FakeSlack {
    FakeSlack::builder().methods(typed_slack::catalog()).start().await.expect("a fake Slack")
}

fn client(slack: &FakeSlack) -> Client {
    let token = Token::new(FakeSlack::BOT_TOKEN).expect("a token");
    Client::builder(token).transport(slack.transport()).pacing(Pacing::by_tier()).build().expect("a client")
}

#[tokio::test(start_paused = true)]
async fn a_method_by_name_answers_its_json_with_the_clients_retries_and_pacing() {
    let slack = fake().await;
    let client = client(&slack);
    let arguments: Map<String, serde_json::Value> =
        json!({"channel": "C0000000001", "text": "sent untyped"}).as_object().expect("an object").clone();
    let posted = client.call_untyped(UntypedCall::json("chat.postMessage", &arguments)).await.expect("a post");
    assert_eq!(posted.get("ok"), Some(&json!(true)));
    let ts = posted.get("ts").and_then(|ts| ts.as_str()).expect("a ts").to_owned();

    let history = UntypedCall::form("conversations.history", [("channel", "C0000000001"), ("limit", "1")]);
    let history = client.call_untyped(history).await.expect("the history");
    assert_eq!(history.fields["messages"][0]["ts"], json!(ts));
    assert_eq!(history.fields["messages"][0]["text"], "sent untyped");
    let sent = &slack.requests()[1];
    assert_eq!(sent.header("content-type"), Some("application/x-www-form-urlencoded"));
    assert_eq!(sent.header("authorization"), Some(format!("Bearer {}", FakeSlack::BOT_TOKEN).as_str()));

    // A 429 is waited out and retried, as for a typed call.
    slack.on_method("conversations.info").rate_limited(Duration::from_secs(2));
    let started = tokio::time::Instant::now();
    let info = client.call_untyped(UntypedCall::form("conversations.info", [("channel", "C0000000002")])).await;
    assert_eq!(info.expect("answered after the retry").fields["channel"]["name"], "random");
    assert!(started.elapsed() >= Duration::from_secs(2));

    // Limited by the tier it is given: a Tier 2 burst of 20, then the 21st call waits 3 s.
    let started = tokio::time::Instant::now();
    for _ in 0..21 {
        let call = UntypedCall::form("users.list", []).tier(typed_slack::runtime::RateTier::Tier2);
        client.call_untyped(call).await.expect("a page");
    }
    let waited = started.elapsed();
    assert!(waited >= Duration::from_secs(3) && waited < Duration::from_millis(3100), "{waited:?}");
}

#[tokio::test]
async fn slacks_errors_come_back_as_codes_and_nothing_secret_is_shown() {
    let slack = fake().await;
    let client = client(&slack).clone();
    let missing =
        client.call_untyped(UntypedCall::form("chat.postMessage", [("channel", "C404"), ("text", "x")])).await;
    let error = missing.expect_err("no such channel");
    assert_eq!(
        error.code().map(|code| typed_slack::runtime::Code::code(code).to_owned()),
        Some("channel_not_found".to_owned())
    );
    assert!(matches!(error, CallError::Method(_)));

    let unknown = client.call_untyped(UntypedCall::form("chat.notYetInTheSpec", [])).await.expect_err("unknown");
    assert_eq!(unknown.common_code(), Some(CommonError::UnknownMethod));

    let no_retry = Client::builder(Token::new(FakeSlack::BOT_TOKEN).expect("a token"))
        .transport(slack.transport())
        .retry_policy(RetryPolicy::never())
        .build()
        .expect("a client");
    slack.on_method("auth.test").server_error(503);
    let page = no_retry.call_untyped(UntypedCall::form("auth.test", [])).await.expect_err("a 503 page");
    assert!(matches!(page, CallError::Http(_)), "{page:?}");

    let call = UntypedCall::form("oauth.v2.access", [("client_secret", "s3cr3t")]);
    assert!(!format!("{call:?}").contains("s3cr3t"), "{call:?}");
}

//! Answers scripted per method, seen through the typed client.

// The seed method is deprecated; calling it is the point here.
#![allow(deprecated)]

use std::time::Duration;

use serde_json::json;
use tokio::time::Instant;
use typed_slack::CommonError;
use typed_slack::runtime::{CallError, Client, Code, RetryPolicy, Token, TransportErrorKind};
use typed_slack::{AppsPermissionsUsersRequest as Request, AppsPermissionsUsersRequestError as Error};
use typed_slack_fake::{FakeSlack, Reply};
use typed_slack_runtime::http::{self, StatusCode};

fn request() -> Request {
    Request::new(["chat:write"], "13345224609.738474920.8088930838d88f008e0", "U0DJ9S1Q8")
}

async fn slack() -> FakeSlack {
    FakeSlack::builder().methods(typed_slack::catalog()).without_behaviours().start().await.expect("a fake")
}

fn client(slack: &FakeSlack) -> Client {
    let token = Token::new(FakeSlack::USER_TOKEN).expect("a well-formed token");
    slack.client(token).retry_policy(RetryPolicy::never()).build().expect("a client for the fake")
}

#[tokio::test]
async fn a_documented_error_chosen_by_its_variant() {
    let slack = slack().await;
    slack.on::<Request>().fail(Error::InvalidTrigger);

    let error = client(&slack).call(request()).await.unwrap_err();

    assert_eq!(error.code(), Some(&Error::InvalidTrigger));
    assert_eq!(slack.requests()[0].error(), Some("invalid_trigger"));
}

#[tokio::test]
async fn an_undocumented_code_and_extra_fields() {
    let slack = slack().await;
    slack.on::<Request>().fail_with_code("brand_new_code");
    slack.on::<Request>().fail_with(CommonError::MissingScope, json!({"needed": "admin", "provided": "identify"}));

    let client = client(&slack);
    let unknown = client.call(request()).await.unwrap_err();
    let CallError::Method(missing_scope) = client.call(request()).await.unwrap_err() else { panic!("a method error") };

    assert!(matches!(unknown.code(), Some(Error::Unknown(code)) if code.as_str() == "brand_new_code"));
    assert!(!unknown.code().unwrap().is_documented());
    assert_eq!(missing_scope.code, Error::Common(CommonError::MissingScope));
    assert_eq!(missing_scope.extra_str("needed"), Some("admin"));
}

#[tokio::test]
async fn answers_are_used_in_order_then_the_sample() {
    let slack = slack().await;
    slack.on::<Request>().times(2).fail(CommonError::InternalError);
    slack.on::<Request>().succeed_with(json!({"extra": 1}));

    let client = client(&slack);
    let mut outcomes = Vec::new();
    for _ in 0..4 {
        outcomes.push(client.call(request()).await.err().and_then(|error| error.code().cloned()));
    }

    assert_eq!(
        outcomes,
        [Some(Error::Common(CommonError::InternalError)), Some(Error::Common(CommonError::InternalError)), None, None]
    );
    let requests = slack.requests_to::<Request>();
    assert_eq!(requests.len(), 4);
    assert!(requests[2..].iter().all(|request| request.status() == StatusCode::OK && request.error().is_none()));
}

#[tokio::test]
async fn always_answers_every_call() {
    let slack = slack().await;
    slack.on::<Request>().always().server_error(503);

    let client = client(&slack);
    for _ in 0..3 {
        let error = client.call(request()).await.unwrap_err();
        let CallError::Http(http_error) = &error else { panic!("an HTTP error, got {error:?}") };
        assert_eq!(http_error.status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(http_error.excerpt.contains("503 Service Unavailable"), "{}", http_error.excerpt);
    }
}

#[tokio::test]
async fn a_429_with_retry_after_then_the_retry_succeeds() {
    let slack = slack().await;
    slack.on::<Request>().rate_limited(Duration::from_secs(7));

    let limited = client(&slack).call(request()).await.unwrap_err();
    let retried = slack.client(Token::new(FakeSlack::USER_TOKEN).unwrap()).build().unwrap();
    slack.on::<Request>().rate_limited(Duration::ZERO);
    retried.call(request()).await.unwrap();

    assert!(matches!(&limited, CallError::RateLimited(limit) if limit.retry_after == Duration::from_secs(7)));
    assert_eq!(slack.requests().len(), 3);
    assert_eq!(slack.requests()[0].status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn scripted_answers_wait_for_a_valid_call() {
    let slack = slack().await;
    slack.on::<Request>().fail(Error::InvalidTrigger);
    let stranger = slack.client(Token::new("xoxp-stranger").unwrap()).build().unwrap();

    let refused = stranger.call(request()).await.unwrap_err();
    let scripted = client(&slack).call(request()).await.unwrap_err();

    assert_eq!(refused.code(), Some(&Error::Common(CommonError::InvalidAuth)));
    assert_eq!(scripted.code(), Some(&Error::InvalidTrigger));
}

#[tokio::test]
async fn a_raw_answer_by_method_name() {
    let slack = slack().await;
    let redirect = http::Response::builder()
        .status(302)
        .header("location", "https://example.com/api/elsewhere")
        .body(b"moved".to_vec())
        .unwrap();
    slack.on_method("apps.permissions.users.request").respond(redirect);
    slack.on_method("apps.permissions.users.request").reply(Reply::json(json!({"ok": false})));

    let client = client(&slack);
    let redirected = client.call(request()).await.unwrap_err();
    let undecodable = client.call(request()).await.unwrap_err();

    assert!(matches!(&redirected, CallError::Http(error) if error.status == StatusCode::FOUND));
    assert!(matches!(undecodable, CallError::Decode(_)), "{undecodable:?}");
}

#[tokio::test]
async fn on_serves_a_method_that_was_not_given() {
    let slack = FakeSlack::builder().start().await.unwrap();
    let client = client(&slack);
    assert_eq!(client.call(request()).await.unwrap_err().code(), Some(&Error::Common(CommonError::UnknownMethod)));

    slack.on::<Request>().succeed();

    client.call(request()).await.unwrap();
    client.call(request()).await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn a_delay_runs_on_tokios_clock() {
    let slack = slack().await;
    slack.on::<Request>().delay(Duration::from_secs(20)).succeed();
    slack.on::<Request>().delay(Duration::from_secs(40)).succeed();
    let token = Token::new(FakeSlack::USER_TOKEN).unwrap();
    let client =
        Client::builder(token).transport(slack.transport()).retry_policy(RetryPolicy::never()).build().unwrap();
    let start = Instant::now();

    client.call(request()).await.unwrap();
    let answered = start.elapsed();
    let error = client.call(request()).await.unwrap_err();

    assert_eq!(answered, Duration::from_secs(20));
    assert!(matches!(&error, CallError::Transport(failure) if failure.kind() == TransportErrorKind::Timeout));
    assert_eq!(start.elapsed(), Duration::from_secs(20) + Client::DEFAULT_TIMEOUT);
}

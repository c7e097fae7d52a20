//! Rate limits, timeouts, refused connections and 5xx from the fake Slack over real
//! HTTP, and the retries the policy makes.

mod support;

use std::time::Duration;

use support::fake::{answering, raw};
use support::methods::PermissionsRequest;
use support::token;
use tokio::net::TcpListener;
use typed_slack_fake::Reply;
use typed_slack_runtime::{CallError, RateLimited, RetryPolicy, TransportErrorKind};

/// An answer that does not come within any test's timeout.
fn never() -> Reply {
    Reply::sample().delayed(Duration::from_secs(3600))
}

#[tokio::test]
async fn a_429_is_retried_after_retry_after_and_then_succeeds() {
    let slack = answering::<PermissionsRequest>([Reply::rate_limited(Duration::from_secs(1))]).await;
    let client = slack.client(token()).build().unwrap();

    client.call(PermissionsRequest::example()).await.unwrap();

    assert_eq!(slack.requests().len(), 2);
}

#[tokio::test]
async fn rate_limited_after_the_last_attempt() {
    let slack = answering::<PermissionsRequest>(vec![Reply::rate_limited(Duration::ZERO); 3]).await;
    let client = slack.client(token()).build().unwrap();

    let error = client.call(PermissionsRequest::example()).await.unwrap_err();

    assert!(matches!(&error, CallError::RateLimited(limited) if limited.retry_after == Duration::ZERO), "{error:?}");
    assert!(error.is_retryable());
    assert_eq!(slack.requests().len(), 3, "the default policy makes 3 attempts");
}

#[tokio::test]
async fn a_retry_after_beyond_the_cap_is_returned_at_once() {
    let slack = answering::<PermissionsRequest>([Reply::rate_limited(Duration::from_secs(120))]).await;
    let client = slack.client(token()).build().unwrap();

    let error = client.call(PermissionsRequest::example()).await.unwrap_err();

    assert!(matches!(&error, CallError::RateLimited(limited) if limited.retry_after == Duration::from_secs(120)));
    assert_eq!(error.to_string(), "apps.permissions.users.request was rate limited: retry after 120s");
    assert_eq!(slack.requests().len(), 1);
}

#[tokio::test]
async fn a_429_without_retry_after_assumes_one_second() {
    let slack = answering::<PermissionsRequest>([raw(429, "text/plain", "slow down")]).await;
    let client = slack.client(token()).retry_policy(RetryPolicy::never()).build().unwrap();

    let error = client.call(PermissionsRequest::example()).await.unwrap_err();

    assert!(
        matches!(error, CallError::RateLimited(limited) if limited.retry_after == RateLimited::DEFAULT_RETRY_AFTER)
    );
}

#[tokio::test]
async fn a_5xx_is_retried_only_when_opted_in() {
    let policy = RetryPolicy::default().retry_server_errors(true).initial_backoff(Duration::from_millis(10));
    let slack = answering::<PermissionsRequest>([Reply::server_error(503)]).await;
    let client = slack.client(token()).retry_policy(policy).build().unwrap();

    client.call(PermissionsRequest::example()).await.unwrap();

    assert_eq!(slack.requests().len(), 2);
}

#[tokio::test]
async fn an_attempt_that_gets_no_answer_times_out_and_is_not_retried_by_default() {
    let slack = answering::<PermissionsRequest>([never()]).await;
    let client = slack.client(token()).timeout(Duration::from_millis(200)).build().unwrap();

    let error = client.call(PermissionsRequest::example()).await.unwrap_err();

    let CallError::Transport(transport) = &error else { panic!("expected a transport error, got {error:?}") };
    assert_eq!(transport.kind(), TransportErrorKind::Timeout);
    assert!(error.is_retryable());
    assert!(error.to_string().contains("timed out: no complete answer within 200ms"), "{error}");
    assert_eq!(slack.requests().len(), 1);
}

#[tokio::test]
async fn a_timeout_is_retried_when_opted_in() {
    let policy = RetryPolicy::default().retry_timeouts(true).initial_backoff(Duration::from_millis(10));
    let slack = answering::<PermissionsRequest>([never()]).await;
    let client = slack.client(token()).timeout(Duration::from_millis(500)).retry_policy(policy).build().unwrap();

    client.call(PermissionsRequest::example()).await.unwrap();

    assert_eq!(slack.requests().len(), 2);
}

#[tokio::test]
async fn a_refused_connection_is_a_connect_error() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    drop(listener);
    let client = typed_slack_runtime::Client::builder(token())
        .base_url(format!("http://{address}/api/"))
        .retry_policy(RetryPolicy::default().initial_backoff(Duration::from_millis(1)))
        .build()
        .unwrap();

    let error = client.call(PermissionsRequest::example()).await.unwrap_err();

    let CallError::Transport(transport) = &error else { panic!("expected a transport error, got {error:?}") };
    assert_eq!(transport.kind(), TransportErrorKind::Connect);
    assert!(error.is_retryable());
    assert!(error.to_string().starts_with("apps.permissions.users.request could not reach Slack: could not connect"));
}

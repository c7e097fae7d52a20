//! Retry and timeout timing on tokio's paused clock, through an in-memory transport:
//! every assertion is about the virtual clock, none about wall-clock time.

mod support;

use std::time::Duration;

use support::methods::PermissionsRequest;
use support::scripted_transport::{Canned, ScriptedTransport, Step};
use support::token;
use tokio::time::Instant;
use typed_slack_runtime::{CallError, Client, RetryPolicy, TransportErrorKind};

fn client(transport: &ScriptedTransport, policy: RetryPolicy) -> Client {
    Client::builder(token())
        .transport(transport.clone())
        .retry_policy(policy)
        .build()
        .expect("a client over the scripted transport")
}

#[tokio::test(start_paused = true)]
async fn the_retry_waits_out_retry_after_plus_at_most_a_fifth() {
    let transport = ScriptedTransport::new([Canned::rate_limited("5").into(), Canned::ok().into()]);

    client(&transport, RetryPolicy::default()).call(PermissionsRequest::example()).await.unwrap();

    let sent = transport.sent();
    let waited = sent[1].at - sent[0].at;
    assert!(waited >= Duration::from_secs(5) && waited <= Duration::from_secs(6), "{waited:?}");
}

#[tokio::test(start_paused = true)]
async fn connection_failures_are_retried_with_a_growing_backoff() {
    let transport = ScriptedTransport::new([Step::FailToConnect, Step::FailToConnect, Canned::ok().into()]);

    client(&transport, RetryPolicy::default()).call(PermissionsRequest::example()).await.unwrap();

    let sent = transport.sent();
    let first = sent[1].at - sent[0].at;
    let second = sent[2].at - sent[1].at;
    assert!(first >= Duration::from_millis(500) && first <= Duration::from_millis(600), "{first:?}");
    assert!(second >= Duration::from_secs(1) && second <= Duration::from_millis(1200), "{second:?}");
}

#[tokio::test(start_paused = true)]
async fn connection_failures_stop_after_the_last_attempt() {
    let transport = ScriptedTransport::new([Step::FailToConnect, Step::FailToConnect, Step::FailToConnect]);

    let error = client(&transport, RetryPolicy::default()).call(PermissionsRequest::example()).await.unwrap_err();

    assert!(matches!(&error, CallError::Transport(failure) if failure.kind() == TransportErrorKind::Connect));
    assert_eq!(transport.sent().len(), 3);
}

#[tokio::test(start_paused = true)]
async fn each_attempt_times_out_after_30_seconds_by_default() {
    let transport = ScriptedTransport::new([Canned::never().into()]);
    let start = Instant::now();

    let error = client(&transport, RetryPolicy::default()).call(PermissionsRequest::example()).await.unwrap_err();

    assert!(matches!(&error, CallError::Transport(failure) if failure.kind() == TransportErrorKind::Timeout));
    assert_eq!(start.elapsed(), Client::DEFAULT_TIMEOUT);
}

//! Every rate-limit wait and every 429 is a `tracing` event with the method, the key
//! (never the token), the wait and its source. Alone in its test binary: the log capture
//! is per thread, and `tracing` caches which events are wanted across threads.

mod support;

use std::time::Duration;

use support::methods::PermissionsRequest;
use support::scripted_transport::{Canned, ScriptedTransport, Step};
use support::token;
use typed_slack_runtime::{Client, Pacing};

#[tokio::test(start_paused = true)]
async fn each_wait_and_each_429_is_a_tracing_event_with_its_key_and_source() {
    let (logs, _guard) = support::logs::CapturedLogs::start();
    let mut steps: Vec<Step> = vec![Canned::rate_limited("2").into()];
    steps.extend((0..21).map(|_| Step::from(Canned::ok())));
    let transport = ScriptedTransport::new(steps);
    let client = Client::builder(token()).transport(transport.clone()).pacing(Pacing::by_tier()).build().unwrap();

    let first = {
        let client = client.clone();
        tokio::spawn(async move { client.call(PermissionsRequest::example()).await })
    };
    tokio::time::sleep(Duration::from_millis(1)).await;
    // Called during the pause the 429 set: waits it out.
    client.call(PermissionsRequest::example()).await.expect("answered after the pause");
    first.await.expect("joined").expect("retried after the 429");
    for _ in 0..19 {
        client.call(PermissionsRequest::example()).await.expect("answered");
    }

    let text = logs.text();
    let limited = text.lines().find(|line| line.contains("Slack answered 429")).expect("the 429 is logged");
    assert!(limited.contains("apps.permissions.users.request") && limited.contains("source=Retry-After"), "{limited}");
    assert!(limited.contains("key=") && !limited.contains(support::SECRET), "{limited}");
    let paused = text.lines().find(|line| line.contains("waiting") && line.contains("source=shared pause"));
    assert!(paused.is_some(), "the wait out of the pause is logged: {text}");
    let bucket = text.lines().find(|line| line.contains("waiting") && line.contains("source=bucket"));
    assert!(bucket.is_some_and(|line| line.contains("wait_ms=")), "the wait for the bucket is logged: {text}");
}

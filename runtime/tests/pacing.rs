//! Pacing by rate tier, on tokio's paused clock through an in-memory transport.

mod support;

use std::time::Duration;

use support::methods::{PermissionsRequest, PostMessage};
use support::scripted_transport::{Canned, ScriptedTransport, Step};
use support::token;
use tokio::time::Instant;
use typed_slack_runtime::{Client, Pacing};

fn posted() -> Step {
    Canned::json(serde_json::json!({"ok": true, "channel": "C1", "ts": "1.2"})).into()
}

fn client(transport: &ScriptedTransport, pacing: Pacing) -> Client {
    Client::builder(token())
        .transport(transport.clone())
        .pacing(pacing)
        .build()
        .expect("a client over the scripted transport")
}

fn gaps(transport: &ScriptedTransport) -> Vec<Duration> {
    transport.sent().windows(2).map(|pair| pair[1].at - pair[0].at).collect()
}

#[tokio::test(start_paused = true)]
async fn calls_to_a_tier_2_method_go_3_seconds_apart() {
    let transport = ScriptedTransport::new((0..3).map(|_| Canned::ok().into()));
    let client = client(&transport, Pacing::by_tier());
    let start = Instant::now();

    for _ in 0..3 {
        client.call(PermissionsRequest::example()).await.unwrap();
    }

    assert_eq!(transport.sent()[0].at, start, "the first call goes at once");
    assert_eq!(gaps(&transport), [Duration::from_secs(3), Duration::from_secs(3)]);
}

#[tokio::test(start_paused = true)]
async fn a_concurrent_burst_lines_up_one_interval_apart() {
    let transport = ScriptedTransport::new((0..4).map(|_| Canned::ok().into()));
    let client = client(&transport, Pacing::by_tier());

    // Spawned, so also a check that a call is a `Send` future.
    let calls: Vec<_> = (0..4)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.call(PermissionsRequest::example()).await })
        })
        .collect();
    for call in calls {
        call.await.unwrap().unwrap();
    }

    assert_eq!(gaps(&transport), [Duration::from_secs(3); 3]);
}

#[tokio::test(start_paused = true)]
async fn different_methods_do_not_wait_for_each_other() {
    let transport = ScriptedTransport::new([Canned::ok().into(), posted()]);
    let client = client(&transport, Pacing::by_tier().special_tier(60));

    client.call(PermissionsRequest::example()).await.unwrap();
    client.call(PostMessage::new("C1", "hi")).await.unwrap();

    assert_eq!(gaps(&transport), [Duration::ZERO]);
}

#[tokio::test(start_paused = true)]
async fn special_limits_are_paced_only_when_given_a_rate() {
    let transport = ScriptedTransport::new([posted(), posted(), posted(), posted()]);

    let unpaced = client(&transport, Pacing::by_tier());
    unpaced.call(PostMessage::new("C1", "a")).await.unwrap();
    unpaced.call(PostMessage::new("C1", "b")).await.unwrap();
    let paced = client(&transport, Pacing::by_tier().special_tier(60));
    paced.call(PostMessage::new("C1", "c")).await.unwrap();
    paced.call(PostMessage::new("C1", "d")).await.unwrap();

    assert_eq!(gaps(&transport), [Duration::ZERO, Duration::ZERO, Duration::from_secs(1)]);
}

#[tokio::test(start_paused = true)]
async fn without_pacing_every_call_goes_at_once() {
    let transport = ScriptedTransport::new((0..3).map(|_| Canned::ok().into()));
    let client = client(&transport, Pacing::off());

    for _ in 0..3 {
        client.call(PermissionsRequest::example()).await.unwrap();
    }

    assert_eq!(gaps(&transport), [Duration::ZERO, Duration::ZERO]);
}

#[tokio::test(start_paused = true)]
async fn a_method_called_again_after_its_interval_goes_at_once() {
    let transport = ScriptedTransport::new((0..2).map(|_| Canned::ok().into()));
    let client = client(&transport, Pacing::by_tier());

    client.call(PermissionsRequest::example()).await.unwrap();
    tokio::time::sleep(Duration::from_secs(10)).await;
    client.call(PermissionsRequest::example()).await.unwrap();

    assert_eq!(gaps(&transport), [Duration::from_secs(10)]);
}

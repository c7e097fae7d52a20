//! Rate limits by tier, burst-aware, on tokio's paused clock through an in-memory
//! transport: bursts go at once, the long run keeps the tier's rate, a 429 pauses every
//! caller of the method, a per-channel limit counts channels apart, and a deadline fails
//! a call instead of sleeping.

mod support;

use std::time::Duration;

use support::methods::{PermissionsRequest, PostMessage};
use support::scripted_transport::{Canned, ScriptedTransport, Step};
use support::token;
use tokio::time::Instant;
use typed_slack_runtime::limits::WaitSource;
use typed_slack_runtime::{CallError, Client, Pacing};

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

/// When each request was sent, from `start`, in whole milliseconds.
fn sent_at(transport: &ScriptedTransport, start: Instant) -> Vec<u128> {
    transport.sent().iter().map(|sent| (sent.at - start).as_millis()).collect()
}

async fn concurrently(client: &Client, calls: usize) {
    let calls: Vec<_> = (0..calls)
        .map(|_| {
            let client = client.clone();
            // Spawned, so also a check that a call is a `Send` future.
            tokio::spawn(async move { client.call(PermissionsRequest::example()).await })
        })
        .collect();
    for call in calls {
        call.await.expect("joined").expect("answered");
    }
}

#[tokio::test(start_paused = true)]
async fn a_burst_of_a_tier_2_allowance_goes_at_once_then_one_call_every_3_seconds() {
    let transport = ScriptedTransport::new((0..24).map(|_| Canned::ok().into()));
    let client = client(&transport, Pacing::by_tier());
    let start = Instant::now();

    concurrently(&client, 24).await;

    let at = sent_at(&transport, start);
    assert!(at[..20].iter().all(|&ms| ms == 0), "the burst of 20 goes at once: {at:?}");
    // Each interval is 3 s and the client's margin of 1%, and each wait ends up to 10 ms
    // later (jitter).
    for (index, &ms) in at[20..].iter().enumerate() {
        let calls = index as u128 + 1;
        let due = 3030 * calls;
        assert!((due..due + 12 * calls).contains(&ms), "call {} at {ms} ms, due at {due}: {at:?}", index + 21);
    }
}

#[tokio::test(start_paused = true)]
async fn different_methods_do_not_wait_for_each_other() {
    let transport = ScriptedTransport::new([Canned::ok().into(), posted()]);
    let client = client(&transport, Pacing::by_tier().special_tier(60));
    let start = Instant::now();

    client.call(PermissionsRequest::example()).await.unwrap();
    client.call(PostMessage::new("C1", "hi")).await.unwrap();

    assert_eq!(sent_at(&transport, start), [0, 0]);
}

#[tokio::test(start_paused = true)]
async fn a_per_channel_limit_counts_each_channel_apart() {
    let transport = ScriptedTransport::new((0..4).map(|_| posted()));
    // chat.postMessage here: one a second in each channel, no burst.
    let client = client(&transport, Pacing::by_tier());
    let start = Instant::now();

    client.call(PostMessage::new("C1", "a")).await.unwrap();
    client.call(PostMessage::new("C2", "b")).await.unwrap();
    client.call(PostMessage::new("C1", "c")).await.unwrap();
    client.call(PostMessage::new("C2", "d")).await.unwrap();

    let at = sent_at(&transport, start);
    assert_eq!(at[..2], [0, 0], "two channels at once: {at:?}");
    assert!((1010..1030).contains(&at[2]) && at[3] - at[2] < 30, "then one more in each a second later: {at:?}");
}

#[tokio::test(start_paused = true)]
async fn without_pacing_every_call_goes_at_once() {
    let transport = ScriptedTransport::new((0..30).map(|_| Canned::ok().into()));
    let client = client(&transport, Pacing::off());
    let start = Instant::now();

    concurrently(&client, 30).await;

    assert!(sent_at(&transport, start).iter().all(|&ms| ms == 0));
}

#[tokio::test(start_paused = true)]
async fn a_429_pauses_every_caller_of_the_method_until_retry_after() {
    let mut steps: Vec<Step> = vec![Canned::rate_limited("10").into()];
    steps.extend((0..5).map(|_| Step::from(Canned::ok())));
    let transport = ScriptedTransport::new(steps);
    let client = client(&transport, Pacing::by_tier());
    let start = Instant::now();

    // The first call collects the 429; the others start after it and must wait too.
    let first = {
        let client = client.clone();
        tokio::spawn(async move { client.call(PermissionsRequest::example()).await })
    };
    tokio::time::sleep(Duration::from_millis(1)).await;
    concurrently(&client, 4).await;
    first.await.expect("joined").expect("retried after the pause");

    let at = sent_at(&transport, start);
    assert_eq!(at.len(), 6, "one 429, then every call once: {at:?}");
    assert_eq!(at[0], 0);
    assert!(at[1..].iter().all(|&ms| (10_000..12_100).contains(&ms)), "all after Retry-After, spread: {at:?}");
}

#[tokio::test(start_paused = true)]
async fn a_call_whose_wait_would_pass_its_deadline_fails_at_once() {
    let transport = ScriptedTransport::new((0..20).map(|_| Canned::ok().into()));
    let client = client(&transport, Pacing::by_tier());
    concurrently(&client, 20).await;
    let start = Instant::now();

    let soon = client.with_deadline(start + Duration::from_secs(1));
    let error = soon.call(PermissionsRequest::example()).await.unwrap_err();

    let CallError::Deadline(wait) = &error else { panic!("{error:?}") };
    assert_eq!(wait.reason, WaitSource::Bucket);
    assert!(wait.wait >= Duration::from_secs(2), "{wait:?}");
    assert_eq!(Instant::now(), start, "it did not sleep");
    assert_eq!(transport.sent().len(), 20, "nothing more was sent");
    assert!(!error.is_retryable());
}

#[tokio::test(start_paused = true)]
async fn a_429_whose_retry_after_would_pass_the_deadline_is_not_waited_out() {
    let transport = ScriptedTransport::new([Canned::rate_limited("20").into(), Canned::ok().into()]);
    let client = client(&transport, Pacing::by_tier());
    let start = Instant::now();

    let soon = client.with_deadline(start + Duration::from_secs(5));
    let error = soon.call(PermissionsRequest::example()).await.unwrap_err();

    let CallError::Deadline(wait) = &error else { panic!("{error:?}") };
    assert_eq!(wait.reason, WaitSource::RetryAfter);
    assert!(wait.wait >= Duration::from_secs(20));
    assert_eq!(Instant::now(), start, "it did not sleep");
    assert_eq!(transport.sent().len(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_method_called_again_after_its_burst_refilled_goes_at_once() {
    let transport = ScriptedTransport::new((0..21).map(|_| Canned::ok().into()));
    let client = client(&transport, Pacing::by_tier());
    concurrently(&client, 20).await;
    tokio::time::sleep(Duration::from_secs(60)).await;
    let start = Instant::now();

    client.call(PermissionsRequest::example()).await.unwrap();

    assert_eq!(sent_at(&transport, start).last(), Some(&0));
}

#[tokio::test(start_paused = true)]
async fn a_commercial_app_off_the_marketplace_gets_a_call_a_minute_and_15_items() {
    use support::methods::ListChannels;
    use typed_slack_runtime::limits::AppCohort;

    let page = || Step::from(Canned::json(serde_json::json!({"ok": true, "channels": []})));
    let transport = ScriptedTransport::new((0..4).map(|_| page()));
    let commercial = client(&transport, Pacing::by_tier().cohort(AppCohort::Commercial));
    let start = Instant::now();

    commercial.call(ListChannels { limit: Some(200), cursor: None }).await.unwrap();
    commercial.call(ListChannels { limit: Some(10), cursor: None }).await.unwrap();
    let at = sent_at(&transport, start);
    assert!(at[1] >= 60_000, "the second call waits a minute: {at:?}");
    let bodies: Vec<String> =
        transport.sent().iter().map(|sent| String::from_utf8_lossy(&sent.body).into_owned()).collect();
    assert_eq!(bodies, ["limit=15", "limit=10"], "the page size is capped at 15");

    // An internal app keeps the tier (Tier 2: a burst of 20) and its page size.
    let internal = client(&transport, Pacing::by_tier());
    let start = Instant::now();
    internal.call(ListChannels { limit: Some(200), cursor: None }).await.unwrap();
    internal.call(ListChannels { limit: Some(200), cursor: None }).await.unwrap();
    assert_eq!(sent_at(&transport, start)[2..], [0, 0]);
    assert!(String::from_utf8_lossy(&transport.sent()[3].body).contains("limit=200"));
}

#[tokio::test(start_paused = true)]
async fn the_bot_and_user_tokens_of_one_install_share_a_limit_scope() {
    let transport = ScriptedTransport::new((0..21).map(|_| Canned::ok().into()));
    let bot = client(&transport, Pacing::by_tier()).with_limit_scope("T0123:A0456");
    let user =
        bot.with_token(typed_slack_runtime::Token::new("xoxp-the-installer").unwrap()).with_limit_scope("T0123:A0456");
    concurrently(&bot, 20).await;
    let start = Instant::now();

    user.call(PermissionsRequest::example()).await.unwrap();

    assert!(sent_at(&transport, start)[20] >= 3000, "the user token's call waits for the bot's burst to refill");
}

//! Rate limits shared through a real Redis server (`redis-server`, started here on a
//! free port): clients with their own stores, as separate processes would be, together
//! stay under one quota and see each other's pauses; a Redis that goes away fails open
//! or closed, and never hangs a call.

mod support;

use std::time::Duration;

use support::methods::PermissionsRequest;
use support::redis_server::RedisServer;
use support::scripted_transport::{Canned, ScriptedTransport};
use support::token;
use tokio::time::Instant;
use typed_slack_runtime::limits::{Admission, LimiterStore, Quota, RedisStore, StoreFailure, WaitSource};
use typed_slack_runtime::{CallError, Client, Method, Pacing};

/// A quota quick enough for a test on the real clock: a burst of 5, then one call every
/// 100 ms.
const QUICK: Quota = Quota::per_minute(600).with_burst(5);

async fn client(store: RedisStore, transport: &ScriptedTransport, on_failure: StoreFailure) -> Client {
    let pacing =
        Pacing::by_tier().method_quota(PermissionsRequest::NAME, QUICK).store(store).on_store_failure(on_failure);
    Client::builder(token()).transport(transport.clone()).pacing(pacing).build().expect("a client")
}

fn answers(calls: usize) -> ScriptedTransport {
    ScriptedTransport::new((0..calls).map(|_| Canned::ok().into()))
}

#[tokio::test]
async fn clients_sharing_redis_stay_under_one_quota_together() {
    let redis = RedisServer::start();
    let prefix = format!("test-{}", std::process::id());
    let (first, second) = (answers(10), answers(10));
    let a =
        client(RedisStore::connect(&redis.url).await.expect("Redis").prefix(&prefix), &first, StoreFailure::FailClosed)
            .await;
    let b = client(
        RedisStore::connect(&redis.url).await.expect("Redis").prefix(&prefix),
        &second,
        StoreFailure::FailClosed,
    )
    .await;
    let start = Instant::now();

    let calls = (0..20).map(|index| {
        let client = if index % 2 == 0 { a.clone() } else { b.clone() };
        tokio::spawn(async move { client.call(PermissionsRequest::example()).await })
    });
    for call in calls.collect::<Vec<_>>() {
        call.await.expect("joined").expect("answered");
    }

    let mut sent: Vec<Duration> = first.sent().iter().chain(second.sent().iter()).map(|sent| sent.at - start).collect();
    sent.sort();
    assert_eq!(sent.len(), 20);
    // GCRA: after the burst of 5, the n-th call goes no sooner than (n - 4) intervals in.
    for (index, at) in sent.iter().enumerate().skip(5) {
        let earliest = Duration::from_millis(100) * (index as u32 - 4);
        assert!(*at + Duration::from_millis(5) >= earliest, "call {index} at {at:?}, before {earliest:?}: {sent:?}");
    }
    assert!(first.sent().len() >= 5 && second.sent().len() >= 5, "both clients called");
}

#[tokio::test]
async fn a_pause_one_client_records_holds_the_others() {
    let redis = RedisServer::start();
    let prefix = format!("pause-{}", std::process::id());
    let one = RedisStore::connect(&redis.url).await.expect("Redis").prefix(&prefix);
    let other = RedisStore::connect(&redis.url).await.expect("Redis").prefix(&prefix);

    one.pause("scope:chat.postMessage", Duration::from_secs(30)).await.expect("paused");
    let admission = other.acquire("scope:chat.postMessage", Quota::per_minute(100)).await.expect("asked");
    let Admission::Wait { wait, source } = admission else { panic!("{admission:?}") };
    assert_eq!(source, WaitSource::Pause);
    assert!(wait > Duration::from_secs(29) && wait <= Duration::from_secs(30), "{wait:?}");
    let unpaused = other.acquire("scope:chat.update", Quota::per_minute(100)).await.expect("asked");
    assert_eq!(unpaused, Admission::Now, "other keys are not paused");
}

#[tokio::test]
async fn a_redis_that_goes_away_fails_open_or_closed_and_never_hangs() {
    let mut redis = RedisServer::start();
    let open_store = RedisStore::connect_with_timeout(&redis.url, Duration::from_millis(200)).await.expect("Redis");
    let closed_store = RedisStore::connect_with_timeout(&redis.url, Duration::from_millis(200)).await.expect("Redis");
    let (open_answers, closed_answers) = (answers(2), answers(1));
    let open = client(open_store, &open_answers, StoreFailure::FailOpen).await;
    let closed = client(closed_store, &closed_answers, StoreFailure::FailClosed).await;
    open.call(PermissionsRequest::example()).await.expect("counted in Redis");
    redis.stop();

    let bounded = Duration::from_secs(5);
    let answered = tokio::time::timeout(bounded, open.call(PermissionsRequest::example())).await;
    answered.expect("no hang").expect("failed open: counted in the process");
    let refused = tokio::time::timeout(bounded, closed.call(PermissionsRequest::example())).await.expect("no hang");
    assert!(matches!(refused, Err(CallError::Limiter(_))), "{refused:?}");
    assert!(closed_answers.sent().is_empty(), "nothing was sent");

    let nowhere =
        tokio::time::timeout(bounded, RedisStore::connect_with_timeout(&redis.url, Duration::from_millis(200)));
    assert!(nowhere.await.expect("no hang").is_err(), "no server: an error, in time");
}

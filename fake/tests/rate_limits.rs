//! Rate limits by tier, per method and token, on tokio's paused clock: a burst of the
//! tier's allowance, then its rate.

mod support;

use std::time::Duration;

use support::methods::{Lookup, Post, UserOnly};
use tokio::time::Instant;
use typed_slack_fake::{FakeSlack, RateLimits};
use typed_slack_runtime::http::StatusCode;
use typed_slack_runtime::{CallError, Client, Pacing, RetryPolicy, Token};

async fn slack(limits: RateLimits) -> FakeSlack {
    FakeSlack::builder()
        .method::<Lookup>()
        .method::<Post>()
        .method::<UserOnly>()
        .token("xoxp-alice")
        .token("xoxp-bob")
        .rate_limits(limits)
        .start()
        .await
        .expect("a fake")
}

fn client(slack: &FakeSlack, token: &str, pacing: Pacing) -> Client {
    Client::builder(Token::new(token).expect("a token"))
        .transport(slack.transport())
        .retry_policy(RetryPolicy::never())
        .pacing(pacing)
        .build()
        .expect("a client over the in-process transport")
}

fn statuses(slack: &FakeSlack) -> Vec<u16> {
    slack.requests().iter().map(|request| request.status().as_u16()).collect()
}

#[tokio::test(start_paused = true)]
async fn a_tier_2_method_answers_a_burst_of_20_then_one_call_every_3_seconds() {
    let slack = slack(RateLimits::by_tier()).await;
    let client = client(&slack, "xoxp-alice", Pacing::off());

    for _ in 0..20 {
        client.call(Lookup).await.unwrap();
    }
    let error = client.call(Lookup).await.unwrap_err();
    assert!(
        matches!(&error, CallError::RateLimited(limit) if limit.retry_after == Duration::from_secs(3)),
        "{error:?}"
    );
    assert_eq!(slack.requests().last().map(|request| request.status()), Some(StatusCode::TOO_MANY_REQUESTS));
    tokio::time::advance(Duration::from_secs(3)).await;
    client.call(Lookup).await.expect("one more after 3 s");
    client.call(Lookup).await.expect_err("and no more");
}

#[tokio::test(start_paused = true)]
async fn the_limit_is_per_method_and_per_token() {
    let slack = slack(RateLimits::by_tier()).await;
    let alice = client(&slack, "xoxp-alice", Pacing::off());
    let bob = client(&slack, "xoxp-bob", Pacing::off());

    alice.call(UserOnly).await.unwrap();
    let limited = alice.call(UserOnly).await.unwrap_err();
    bob.call(UserOnly).await.unwrap();
    alice.call(Lookup).await.unwrap();
    tokio::time::advance(Duration::from_secs(60)).await;
    alice.call(UserOnly).await.unwrap();

    assert!(matches!(limited, CallError::RateLimited(limit) if limit.retry_after == Duration::from_secs(60)));
    assert_eq!(statuses(&slack), [200, 429, 200, 200, 200]);
}

#[tokio::test(start_paused = true)]
async fn a_client_pacing_by_tier_never_meets_the_limit() {
    let slack = slack(RateLimits::by_tier()).await;
    let client = client(&slack, "xoxp-alice", Pacing::by_tier());
    let start = Instant::now();

    for _ in 0..45 {
        client.call(Lookup).await.unwrap();
    }

    assert!(statuses(&slack).iter().all(|&status| status == 200));
    // Tier 2: 20 at once, then one every 3 s (each wait a few ms of jitter later).
    let elapsed = start.elapsed();
    assert!(elapsed >= Duration::from_secs(3 * 25) && elapsed < Duration::from_secs(3 * 25 + 1), "{elapsed:?}");
}

#[tokio::test(start_paused = true)]
async fn a_client_retrying_after_retry_after_gets_through() {
    let slack = slack(RateLimits::by_tier()).await;
    let client = Client::builder(Token::new("xoxp-alice").unwrap())
        .transport(slack.transport())
        .retry_policy(RetryPolicy::default().max_delay(Duration::from_secs(120)))
        .build()
        .unwrap();
    let start = Instant::now();

    client.call(UserOnly).await.unwrap();
    client.call(UserOnly).await.unwrap();

    assert_eq!(statuses(&slack), [200, 429, 200]);
    assert!(start.elapsed() >= Duration::from_secs(60), "{:?}", start.elapsed());
}

#[tokio::test(start_paused = true)]
async fn special_limits_and_no_limits() {
    let unlimited = slack(RateLimits::off()).await;
    let client = client(&unlimited, "xoxp-alice", Pacing::off());
    for _ in 0..5 {
        client.call(UserOnly).await.unwrap();
    }
    assert!(statuses(&unlimited).iter().all(|&status| status == 200));

    let special = FakeSlack::builder()
        .method::<support::methods::BotOnly>()
        .rate_limits(RateLimits::by_tier().special_tier(0))
        .start()
        .await
        .unwrap();
    let bot = self::client(&special, FakeSlack::BOT_TOKEN, Pacing::off());
    for _ in 0..150 {
        bot.call(support::methods::BotOnly).await.unwrap();
    }
}

#[tokio::test(start_paused = true)]
async fn a_commercial_app_off_the_marketplace_reads_history_15_messages_a_minute() {
    use typed_slack::ConversationsHistory;
    use typed_slack::runtime::limits::AppCohort;
    use typed_slack_fake::seed::{Message, Seed};

    let seed = (0..20).fold(Seed::example(), |seed, n| {
        seed.message(Message::new("C0000000001", format!("1600000{n:03}.000100"), "U0000000001", format!("m{n}")))
    });
    let slack = FakeSlack::builder()
        .methods(typed_slack::catalog())
        .seed(seed)
        .rate_limits(RateLimits::by_tier().cohort(AppCohort::Commercial))
        .start()
        .await
        .expect("a fake");
    let client = client(&slack, FakeSlack::BOT_TOKEN, Pacing::off());

    let first = client.call(ConversationsHistory::new("C0000000001").limit(100)).await.expect("a page");
    assert_eq!(first.messages.len(), 15, "15 messages a page, whatever the limit asks");
    let cursor = first.response_metadata.as_ref().and_then(|metadata| metadata.next_cursor.clone()).expect("more");
    let again = client.call(ConversationsHistory::new("C0000000001").cursor(cursor.clone())).await;
    assert!(matches!(again, Err(CallError::RateLimited(limited)) if limited.retry_after == Duration::from_secs(60)));
    tokio::time::advance(Duration::from_secs(60)).await;
    let second = client.call(ConversationsHistory::new("C0000000001").cursor(cursor)).await.expect("the next page");
    assert!(!second.messages.is_empty());
}

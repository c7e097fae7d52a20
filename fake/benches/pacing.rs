//! Rate limits against the fake Slack enforcing the tiers, on tokio's paused clock (ten
//! simulated minutes take well under a second).
//!
//! `cargo bench -p typed-slack-fake --bench pacing`. Two runs on a Tier 2 method
//! (`users.list`, 20 calls a minute), each with three clients: the pacing by tier (a
//! burst of the tier's allowance, then its rate), the same pacing spaced evenly (a burst
//! of 1: how the client paced before), and no pacing, where each caller, as a careful
//! hand-rolled client would, waits out every 429's `Retry-After` before calling again.
//!
//! - A burst: 20 calls at once; the time until all are answered, and the 429s.
//! - Sustained load: 16 callers calling as fast as they may for ten minutes; the
//!   throughput as a share of the tier's rate, and the 429s.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use tokio::time::Instant;
use typed_slack::UsersList;
use typed_slack::runtime::limits::Quota;
use typed_slack::runtime::{CallError, Client, Method, Pacing, RetryPolicy};
use typed_slack_fake::{FakeSlack, RateLimits};

const CALLERS: usize = 16;
const SIMULATED: Duration = Duration::from_secs(10 * 60);

#[derive(Debug, Default)]
struct Tally {
    answered: AtomicU64,
    rate_limited: AtomicU64,
}

async fn fake_and_client(pacing: Pacing) -> (FakeSlack, Client) {
    let slack = FakeSlack::builder()
        .method::<UsersList>()
        .rate_limits(RateLimits::by_tier())
        .start()
        .await
        .expect("a fake Slack");
    let client = Client::builder(typed_slack::Token::new(FakeSlack::BOT_TOKEN).expect("a token"))
        .transport(slack.transport())
        .retry_policy(RetryPolicy::never())
        .pacing(pacing)
        .build()
        .expect("a client");
    (slack, client)
}

/// 20 calls at once: when the last is answered, and the 429s on the way.
async fn burst(pacing: Pacing) -> (Duration, u64) {
    let (_slack, client) = fake_and_client(pacing).await;
    let start = Instant::now();
    let rate_limited = Arc::new(AtomicU64::new(0));
    let calls: Vec<_> = (0..20)
        .map(|_| {
            let (client, rate_limited) = (client.clone(), Arc::clone(&rate_limited));
            tokio::spawn(async move {
                loop {
                    match client.call(UsersList::new()).await {
                        Ok(_) => return,
                        Err(CallError::RateLimited(limited)) => {
                            rate_limited.fetch_add(1, Ordering::Relaxed);
                            tokio::time::sleep(limited.retry_after).await;
                        }
                        Err(error) => panic!("unexpected: {error}"),
                    }
                }
            })
        })
        .collect();
    for call in calls {
        call.await.expect("a call");
    }
    (start.elapsed(), rate_limited.load(Ordering::Relaxed))
}

async fn run(pacing: Pacing) -> (u64, u64) {
    let (_slack, client) = fake_and_client(pacing).await;
    let tally = Arc::new(Tally::default());
    let end = Instant::now() + SIMULATED;
    let callers: Vec<_> = (0..CALLERS)
        .map(|_| {
            let (client, tally) = (client.clone(), Arc::clone(&tally));
            tokio::spawn(async move {
                while Instant::now() < end {
                    match client.call(UsersList::new()).await {
                        // A caller paced past the end does not count.
                        Ok(_) if Instant::now() > end => {}
                        Ok(_) => {
                            tally.answered.fetch_add(1, Ordering::Relaxed);
                        }
                        Err(CallError::RateLimited(limited)) => {
                            tally.rate_limited.fetch_add(1, Ordering::Relaxed);
                            tokio::time::sleep(limited.retry_after).await;
                        }
                        Err(error) => panic!("unexpected: {error}"),
                    }
                }
            })
        })
        .collect();
    for caller in callers {
        caller.await.expect("a caller");
    }
    (tally.answered.load(Ordering::Relaxed), tally.rate_limited.load(Ordering::Relaxed))
}

fn main() {
    let runtime =
        tokio::runtime::Builder::new_current_thread().enable_all().start_paused(true).build().expect("a runtime");
    let per_minute = f64::from(UsersList::RATE_TIER.calls_per_minute().expect("a numbered tier"));
    let allowed = per_minute * SIMULATED.as_secs_f64() / 60.0;
    println!(
        "{CALLERS} callers, {} simulated minutes of {} ({}: {per_minute} calls a minute)",
        SIMULATED.as_secs() / 60,
        UsersList::NAME,
        UsersList::RATE_TIER
    );
    let clients = || {
        [
            ("pacing by tier", Pacing::by_tier()),
            ("spaced evenly", Pacing::by_tier().method_quota(UsersList::NAME, Quota::per_minute(20).with_burst(1))),
            ("no pacing", Pacing::off()),
        ]
    };
    println!("\nA burst of 20 calls at once:");
    println!("{:<22} {:>16} {:>8}", "client", "all answered in", "429s");
    for (label, pacing) in clients() {
        let (took, rate_limited) = runtime.block_on(burst(pacing));
        println!("{label:<22} {:>15.1}s {rate_limited:>8}", took.as_secs_f64());
    }
    println!("\n{CALLERS} callers for {} minutes:", SIMULATED.as_secs() / 60);
    println!("{:<22} {:>10} {:>14} {:>8}", "client", "answered", "of the rate", "429s");
    for (label, pacing) in clients() {
        let wall = std::time::Instant::now();
        let (answered, rate_limited) = runtime.block_on(run(pacing));
        println!(
            "{label:<22} {answered:>10} {:>13.1}% {rate_limited:>8}   ({:.0} ms of real time)",
            100.0 * answered as f64 / allowed,
            wall.elapsed().as_secs_f64() * 1000.0
        );
    }
}

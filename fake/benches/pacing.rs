//! Pacing against the fake Slack enforcing rate tiers, on tokio's paused clock (ten
//! simulated minutes take well under a second).
//!
//! `cargo bench -p typed-slack-fake --bench pacing`. Sixteen callers share one client and
//! call a Tier 2 method (20+ calls a minute) as fast as they may, for ten minutes:
//! once with the client's pacing by tier, once without, where each caller, as a careful
//! hand-rolled client would, waits out every 429's `Retry-After` before calling again.
//! Prints the throughput as a share of the tier's limit and the 429s collected.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use tokio::time::Instant;
use typed_slack::UsersList;
use typed_slack::runtime::{CallError, Client, Method, Pacing, RetryPolicy};
use typed_slack_fake::{FakeSlack, RateLimits};

const CALLERS: usize = 16;
const SIMULATED: Duration = Duration::from_secs(10 * 60);

#[derive(Debug, Default)]
struct Tally {
    answered: AtomicU64,
    rate_limited: AtomicU64,
}

async fn run(pacing: Pacing) -> (u64, u64) {
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
    println!("{:<22} {:>10} {:>14} {:>8}", "client", "answered", "of the limit", "429s");
    for (label, pacing) in [("pacing by tier", Pacing::by_tier()), ("no pacing", Pacing::off())] {
        let wall = std::time::Instant::now();
        let (answered, rate_limited) = runtime.block_on(run(pacing));
        println!(
            "{label:<22} {answered:>10} {:>13.1}% {rate_limited:>8}   ({:.0} ms of real time)",
            100.0 * answered as f64 / allowed,
            wall.elapsed().as_secs_f64() * 1000.0
        );
    }
}

//! Four processes calling one Tier 2 method (20 calls a minute; the tests' hand-written
//! `apps.permissions.users.request`) with one token, against the fake Slack enforcing
//! the tier, for two minutes of real time:
//! once sharing their rate limits through a real Redis (`redis-server`, started here),
//! once each counting alone. Then the cost of one limiter check, in the process and
//! through Redis on loopback.
//!
//!     cargo bench -p typed-slack-runtime --features redis --bench shared_limits [-- SECONDS]
//!
//! (default 120 s).
//!
//! The fake runs in this process, over loopback HTTP; each client is a child process of
//! this binary with 4 callers, which prints what it got. Needs redis-server.

#[path = "../tests/support/mod.rs"]
mod support;

use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use support::methods::PermissionsRequest;
use support::redis_server::RedisServer;
use support::{SECRET, token};
use tokio::time::Instant;
use typed_slack_fake::{FakeSlack, RateLimits};
use typed_slack_runtime::limits::{LimiterStore, LocalStore, Quota, RedisStore, StoreFailure};
use typed_slack_runtime::{CallError, Client, Method, Pacing, RetryPolicy};

const PROCESSES: usize = 4;
const CALLERS: usize = 4;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|arg| arg == "--child") {
        let seconds: u64 = args[at + 4].parse().expect("seconds");
        child(&args[at + 1], &args[at + 2], &args[at + 3], Duration::from_secs(seconds));
        return;
    }
    let seconds = args.iter().skip(1).find_map(|arg| arg.parse::<u64>().ok()).unwrap_or(120);
    let redis = RedisServer::start();
    // The fake serves while the runtime runs: the children are awaited within it.
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
    let slack = runtime
        .block_on(
            FakeSlack::builder()
                .method::<PermissionsRequest>()
                .token(SECRET)
                .without_behaviours()
                .rate_limits(RateLimits::by_tier())
                .start(),
        )
        .expect("a fake Slack");
    let per_minute = PermissionsRequest::RATE_TIER.calls_per_minute().expect("a numbered tier");
    // What the fake lets through: a burst of the tier's allowance, then its rate.
    let allowed = f64::from(per_minute) * (1.0 + seconds as f64 / 60.0);
    println!(
        "{PROCESSES} processes of {CALLERS} callers, {seconds} s of {} ({}: {per_minute} calls a minute, a burst of as many)",
        PermissionsRequest::NAME,
        PermissionsRequest::RATE_TIER
    );
    println!("| limits | answered | of the tier's allowance ({allowed:.0}) | 429s |");
    println!("|---|---:|---:|---:|");
    runtime.block_on(async {
        for mode in ["shared through Redis", "each process alone"] {
            slack.reset();
            let exe = std::env::current_exe().expect("this binary");
            let children: Vec<_> = (0..PROCESSES)
                .map(|_| {
                    Command::new(&exe)
                        .args(["--child", mode, slack.base_url(), &redis.url, &seconds.to_string()])
                        .stdout(Stdio::piped())
                        .spawn()
                        .expect("a child")
                })
                .collect();
            let (mut answered, mut rate_limited) = (0_u64, 0_u64);
            for child in children {
                let output = tokio::task::spawn_blocking(move || child.wait_with_output());
                let output = output.await.expect("joined").expect("the child ran");
                assert!(output.status.success(), "{mode}: a child failed");
                let report = String::from_utf8(output.stdout).expect("text");
                let mut numbers = report.split_whitespace().map(|number| number.parse::<u64>().expect("a number"));
                answered += numbers.next().expect("answered");
                rate_limited += numbers.next().expect("429s");
            }
            println!("| {mode} | {answered} | {:.1}% | {rate_limited} |", 100.0 * answered as f64 / allowed);
        }
    });
    runtime.block_on(check_costs(&redis.url));
}

/// One process: `CALLERS` callers call as fast as the limits let them until `run` has
/// passed, each waiting out a 429's `Retry-After`. Prints the calls answered and the
/// 429s.
fn child(mode: &str, base_url: &str, redis_url: &str, run: Duration) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
    runtime.block_on(async {
        let mut pacing = Pacing::by_tier().on_store_failure(StoreFailure::FailClosed);
        if mode.starts_with("shared") {
            pacing = pacing.store(RedisStore::connect(redis_url).await.expect("Redis").prefix("bench"));
        }
        let client = Client::builder(token())
            .base_url(base_url)
            .retry_policy(RetryPolicy::never())
            .pacing(pacing)
            .build()
            .expect("a client");
        let (answered, rate_limited) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
        let end = Instant::now() + run;
        let callers: Vec<_> = (0..CALLERS)
            .map(|_| {
                let (client, answered, rate_limited) = (client.clone(), answered.clone(), rate_limited.clone());
                tokio::spawn(async move {
                    while Instant::now() < end {
                        match client.with_deadline(end).call(PermissionsRequest::example()).await {
                            Ok(_) => {
                                answered.fetch_add(1, Ordering::Relaxed);
                            }
                            Err(CallError::RateLimited(limited)) => {
                                rate_limited.fetch_add(1, Ordering::Relaxed);
                                tokio::time::sleep(limited.retry_after).await;
                            }
                            Err(CallError::Deadline(_)) => return,
                            Err(error) => panic!("unexpected: {error}"),
                        }
                    }
                })
            })
            .collect();
        for caller in callers {
            caller.await.expect("a caller");
        }
        println!("{} {}", answered.load(Ordering::Relaxed), rate_limited.load(Ordering::Relaxed));
    });
}

/// The median time of one `acquire` of a quota that always has credit, over 21 rounds
/// of 2,000.
async fn median_check(store: &dyn LimiterStore) -> Duration {
    let quota = Quota::per_minute(u32::MAX / 2);
    let mut rounds = Vec::new();
    for round in 0..21 {
        let key = format!("cost:{round}");
        let start = std::time::Instant::now();
        for _ in 0..2000 {
            store.acquire(&key, quota).await.expect("answered");
        }
        rounds.push(start.elapsed() / 2000);
    }
    rounds.sort();
    rounds[rounds.len() / 2]
}

async fn check_costs(redis_url: &str) {
    let local = median_check(&LocalStore::new()).await;
    let redis = median_check(&RedisStore::connect(redis_url).await.expect("Redis").prefix("cost")).await;
    println!("\nOne limiter check (median of 21 rounds of 2,000):");
    println!("| store | one check |\n|---|---:|");
    println!("| LocalStore (in the process) | {:.2} µs |", local.as_secs_f64() * 1e6);
    println!("| RedisStore (loopback, one Lua script) | {:.1} µs |", redis.as_secs_f64() * 1e6);
}

//! Load through the Rust client to the fake over loopback: rounds of 10,000 calls with
//! 500 in flight, counting the calls that failed or hung, and the process's memory after
//! each round.
//!
//! `cargo bench -p typed-slack-fake --bench load`. One current-thread runtime runs the
//! fake and the client (as a test does); the client neither paces nor retries, so every
//! call is one request. Rounds of `auth.test` (stateless) show whether memory stays flat
//! as the fake records requests (its log keeps the latest 1,000); a round of
//! `chat.postMessage` writes 10,000 messages into the workspace, which keeps them.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use typed_slack::runtime::{Client, Pacing, RetryPolicy};
use typed_slack::{AuthTest, ChatPostMessage};
use typed_slack_fake::FakeSlack;

const CALLS: usize = 10_000;
const IN_FLIGHT: usize = 500;
/// A call still unanswered after this long counts as hung.
const HUNG: Duration = Duration::from_secs(30);

/// What one round saw.
#[derive(Debug, Default)]
struct Round {
    ok: usize,
    failed: usize,
    hung: usize,
    latencies: Vec<Duration>,
    elapsed: Duration,
}

/// The process's resident memory now and at its peak, in MiB (Linux).
fn memory() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| rest.trim().trim_end_matches(" kB").trim().parse::<f64>().ok())
            .map_or(f64::NAN, |kib| kib / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

async fn round(client: &Client, post: bool) -> Round {
    let permits = Arc::new(Semaphore::new(IN_FLIGHT));
    let mut calls = JoinSet::new();
    let started = Instant::now();
    for index in 0..CALLS {
        let permit = permits.clone().acquire_owned().await.expect("the semaphore stays open");
        let client = client.clone();
        calls.spawn(async move {
            let called = Instant::now();
            let outcome = if post {
                let request = ChatPostMessage::new("C0000000002").text(format!("message {index}"));
                tokio::time::timeout(HUNG, client.call(request)).await.map(|answer| answer.is_ok())
            } else {
                tokio::time::timeout(HUNG, client.call(AuthTest::new())).await.map(|answer| answer.is_ok())
            };
            drop(permit);
            (outcome, called.elapsed())
        });
    }
    let mut round = Round::default();
    while let Some(joined) = calls.join_next().await {
        let (outcome, latency) = joined.expect("a call does not panic");
        match outcome {
            Ok(true) => round.ok += 1,
            Ok(false) => round.failed += 1,
            Err(_) => round.hung += 1,
        }
        round.latencies.push(latency);
    }
    round.elapsed = started.elapsed();
    round.latencies.sort();
    round
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
    runtime.block_on(async {
        let slack = FakeSlack::builder().methods(typed_slack::catalog()).start().await.expect("a fake Slack");
        let token = typed_slack::Token::new(FakeSlack::BOT_TOKEN).expect("a token");
        let client =
            slack.client(token).pacing(Pacing::off()).retry_policy(RetryPolicy::never()).build().expect("a client");
        let (rss, _) = memory();
        println!("start: RSS {rss:.1} MiB");
        println!("| round | method | ok | failed | hung | calls/s | p50 | p99 | RSS after | peak RSS |");
        println!("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (number, post) in [(1, false), (2, false), (3, false), (4, false), (5, true), (6, false), (7, false)] {
            let round = round(&client, post).await;
            let (rss, peak) = memory();
            let at = |share: f64| {
                let index = ((round.latencies.len() as f64 - 1.0) * share).round() as usize;
                millis(round.latencies[index])
            };
            println!(
                "| {number} | {} | {} | {} | {} | {:.0} | {:.1} ms | {:.1} ms | {rss:.1} MiB | {peak:.1} MiB |",
                if post { "chat.postMessage" } else { "auth.test" },
                round.ok,
                round.failed,
                round.hung,
                CALLS as f64 / round.elapsed.as_secs_f64(),
                at(0.5),
                at(0.99),
            );
        }
        println!("requests recorded: {} kept, {} forgotten", slack.requests().len(), slack.requests_forgotten());
        println!(
            "messages in #random: {}",
            slack.state().messages.iter().filter(|m| m.channel == "C0000000002").count()
        );
    });
}

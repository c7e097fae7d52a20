//! The client's side of rate limiting: the key and quota of each call, waiting its turn,
//! and sharing the pauses Slack's 429s ask for.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::time::Instant;

use super::{Admission, LimiterStore, LocalStore, Quota, RateLimitFacts, StoreError, StoreFailure, WaitSource};
use crate::{Pacing, RateTier, jitter};

/// How much more than Slack's interval the client spaces calls: 1%, so that calls
/// which leave on time yet reach Slack a few milliseconds apart from where they left are
/// still counted apart (a Tier 2 interval of 3 s gets 30 ms).
const MARGIN_PERMILLE: u32 = 10;

/// A call's wait would pass its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("waiting {wait:?} for the rate limit ({reason}) would pass the call's deadline")]
#[non_exhaustive]
pub struct WouldWait {
    /// How long the call would have waited.
    pub wait: Duration,
    /// Why it would have waited.
    pub reason: WaitSource,
}

impl WouldWait {
    pub(crate) fn new(wait: Duration, reason: WaitSource) -> Self {
        Self { wait, reason }
    }
}

/// Why the limiter did not let a call go.
#[derive(Debug)]
pub(crate) enum Refusal {
    Deadline(WouldWait),
    Store(StoreError),
}

/// What one call is limited by.
pub(crate) struct CallLimits<'a> {
    pub(crate) method: &'a str,
    pub(crate) tier: RateTier,
    pub(crate) facts: RateLimitFacts,
    pub(crate) channel: Option<&'a str>,
    /// What tells the token's workspace and app apart (a hash of the token).
    pub(crate) scope: u64,
}

/// Waits each call's turn under its quotas, in the store the pacing says.
#[derive(Debug)]
pub(crate) struct Limiter {
    pacing: Pacing,
    store: Arc<dyn LimiterStore>,
    /// Where calls are counted when the store fails and the pacing fails open.
    fallback: LocalStore,
    /// Whether the store's failure was logged since it last worked.
    failing: AtomicBool,
}

impl Limiter {
    pub(crate) fn new(pacing: Pacing) -> Self {
        let store = pacing.store.clone().unwrap_or_else(|| Arc::new(LocalStore::new()));
        Self { pacing, store, fallback: LocalStore::new(), failing: AtomicBool::new(false) }
    }

    pub(crate) fn pacing(&self) -> &Pacing {
        &self.pacing
    }

    /// The keys and quotas a call counts against, each spaced by the client's margin:
    /// its method's, and its channel's when Slack limits the method per channel.
    fn quotas(&self, call: &CallLimits<'_>) -> Vec<(String, Quota)> {
        let mut quotas = Vec::with_capacity(2);
        if let Some(quota) = self.pacing.quota_of(call.method, call.tier, call.facts) {
            quotas.push((method_key(call), quota));
        }
        if let (Some(limit), Some(channel), true) = (call.facts.per_channel, call.channel, self.pacing.enabled) {
            quotas.push((format!("{}:{channel}", method_key(call)), limit.quota));
        }
        quotas.into_iter().map(|(key, quota)| (key, quota.with_margin(MARGIN_PERMILLE))).collect()
    }

    /// Waits until `call` may go under each of its quotas, counting it.
    pub(crate) async fn admit(&self, call: &CallLimits<'_>, deadline: Option<Instant>) -> Result<(), Refusal> {
        for (key, quota) in self.quotas(call) {
            loop {
                let (wait, source) = match self.acquire(&key, quota).await? {
                    Admission::Now => break,
                    Admission::Wait { wait, source } => (wait, source),
                };
                // Callers woken by the end of one pause spread out, so that they do not
                // all call at once; a bucket's waiters only a little, to keep its rate.
                let spread = match source {
                    WaitSource::Bucket => (wait / 50).min(Duration::from_millis(10)),
                    WaitSource::Pause | WaitSource::RetryAfter => wait / 5,
                };
                let wait = wait + jitter::up_to(spread);
                if deadline.is_some_and(|deadline| Instant::now() + wait > deadline) {
                    tracing::info!(method = call.method, key, wait_ms = wait.as_millis() as u64, source = %source,
                        "rate limit: the wait would pass the call's deadline");
                    return Err(Refusal::Deadline(WouldWait::new(wait, source)));
                }
                tracing::debug!(method = call.method, key, wait_ms = wait.as_millis() as u64, source = %source,
                    "rate limit: waiting");
                tokio::time::sleep(wait).await;
            }
        }
        Ok(())
    }

    /// Slack answered `call` HTTP 429: pauses its method's key for every caller.
    pub(crate) async fn rate_limited(&self, call: &CallLimits<'_>, retry_after: Duration) {
        let key = method_key(call);
        tracing::warn!(method = call.method, key, retry_after_ms = retry_after.as_millis() as u64,
            source = %WaitSource::RetryAfter, "rate limit: Slack answered 429; pausing the key for every caller");
        if let Err(error) = self.store.pause(&key, retry_after).await {
            self.store_failed(&error);
            self.fallback.pause_now(&key, retry_after);
        }
    }

    async fn acquire(&self, key: &str, quota: Quota) -> Result<Admission, Refusal> {
        match self.store.acquire(key, quota).await {
            Ok(admission) => {
                if self.failing.swap(false, Ordering::Relaxed) {
                    tracing::info!("rate limit: the store answers again");
                }
                Ok(admission)
            }
            Err(error) => {
                self.store_failed(&error);
                match self.pacing.on_store_failure {
                    StoreFailure::FailOpen => Ok(self.fallback.acquire_now(key, quota)),
                    StoreFailure::FailClosed => Err(Refusal::Store(error)),
                }
            }
        }
    }

    fn store_failed(&self, error: &StoreError) {
        if !self.failing.swap(true, Ordering::Relaxed) {
            tracing::warn!(error = %error, on_failure = ?self.pacing.on_store_failure, "rate limit: the store failed");
        }
    }
}

/// The key of a call's method: its token's (or install's) scope and the method.
fn method_key(call: &CallLimits<'_>) -> String {
    format!("{:016x}:{}", call.scope, call.method)
}

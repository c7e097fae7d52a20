//! The limiter's store in this process: a GCRA per key from `governor`, on tokio's clock.

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use governor::clock::Clock;
use governor::middleware::NoOpMiddleware;
use governor::state::{InMemoryState, NotKeyed};
use governor::{Quota as GovernorQuota, RateLimiter};
use tokio::time::Instant;

use super::{Admission, LimiterStore, Quota, StoreFuture, WaitSource};

/// Tokio's clock for governor, so that a test on a paused clock runs minutes of calls at
/// once: the time since the store was made.
#[derive(Debug, Clone, Copy)]
struct TokioClock {
    origin: Instant,
}

impl Clock for TokioClock {
    type Instant = Duration;

    fn now(&self) -> Duration {
        self.origin.elapsed()
    }
}

type Bucket = RateLimiter<NotKeyed, InMemoryState, TokioClock, NoOpMiddleware<Duration>>;

/// Counts calls in this process: one `governor` rate limiter per key and quota, and the
/// pauses of keys Slack answered 429. The default store; cheap to clone (clones share
/// the counts).
///
/// Keys not called for longer than their quota takes to refill are forgotten once the
/// store holds many, so it stays as large as the keys in use.
#[derive(Debug, Clone)]
pub struct LocalStore {
    inner: Arc<Mutex<Buckets>>,
}

#[derive(Debug)]
struct Buckets {
    clock: TokioClock,
    /// By key: the bucket, its quota, and when it was last asked.
    buckets: HashMap<String, Entry>,
    /// By key: when its pause ends.
    pauses: HashMap<String, Instant>,
}

#[derive(Debug)]
struct Entry {
    bucket: Arc<Bucket>,
    quota: Quota,
    last_asked: Instant,
}

impl LocalStore {
    /// An empty store.
    pub fn new() -> Self {
        let buckets =
            Buckets { clock: TokioClock { origin: Instant::now() }, buckets: HashMap::new(), pauses: HashMap::new() };
        Self { inner: Arc::new(Mutex::new(buckets)) }
    }

    /// Counts a call of `key` if allowed now: what [`LimiterStore::acquire`] answers,
    /// without waiting.
    pub fn acquire_now(&self, key: &str, quota: Quota) -> Admission {
        let now = Instant::now();
        let mut buckets = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(&until) = buckets.pauses.get(key) {
            if until > now {
                return Admission::Wait { wait: until - now, source: WaitSource::Pause };
            }
            buckets.pauses.remove(key);
        }
        let clock = buckets.clock;
        if buckets.buckets.len() >= 1024 && buckets.buckets.len().is_power_of_two() {
            // Forget the buckets that have refilled: asking them again starts afresh.
            buckets.buckets.retain(|_, entry| now.duration_since(entry.last_asked) < refill_time(entry.quota));
        }
        let entry = match buckets.buckets.get_mut(key) {
            Some(entry) if entry.quota == quota => entry,
            _ => {
                let bucket = Arc::new(RateLimiter::direct_with_clock(governor_quota(quota), clock));
                buckets.buckets.insert(key.to_owned(), Entry { bucket, quota, last_asked: now });
                buckets.buckets.get_mut(key).expect("just inserted")
            }
        };
        entry.last_asked = now;
        match entry.bucket.check() {
            Ok(()) => Admission::Now,
            Err(not_until) => {
                Admission::Wait { wait: not_until.wait_time_from(clock.now()), source: WaitSource::Bucket }
            }
        }
    }

    /// Pauses `key` for `duration`, unless it is paused longer already.
    pub fn pause_now(&self, key: &str, duration: Duration) {
        let until = Instant::now() + duration;
        let mut buckets = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        let pause = buckets.pauses.entry(key.to_owned()).or_insert(until);
        *pause = (*pause).max(until);
    }

    /// How many keys it holds a bucket for.
    pub fn keys(&self) -> usize {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner).buckets.len()
    }
}

impl Default for LocalStore {
    fn default() -> Self {
        Self::new()
    }
}

impl LimiterStore for LocalStore {
    fn acquire<'a>(&'a self, key: &'a str, quota: Quota) -> StoreFuture<'a, Admission> {
        let admission = self.acquire_now(key, quota);
        Box::pin(async move { Ok(admission) })
    }

    fn pause<'a>(&'a self, key: &'a str, duration: Duration) -> StoreFuture<'a, ()> {
        self.pause_now(key, duration);
        Box::pin(async { Ok(()) })
    }
}

/// How long an emptied bucket of `quota` takes to refill.
fn refill_time(quota: Quota) -> Duration {
    quota.interval() * quota.burst()
}

fn governor_quota(quota: Quota) -> GovernorQuota {
    let burst = NonZeroU32::new(quota.burst()).unwrap_or(NonZeroU32::MIN);
    GovernorQuota::with_period(quota.interval())
        .map_or_else(|| GovernorQuota::per_second(NonZeroU32::MIN), |q| q.allow_burst(burst))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_tier_2_quota_takes_a_burst_of_20_then_one_call_every_3_seconds() {
        let store = LocalStore::new();
        let tier2 = Quota::per_minute(20);
        for _ in 0..20 {
            assert_eq!(store.acquire_now("k", tier2), Admission::Now);
        }
        assert_eq!(
            store.acquire_now("k", tier2),
            Admission::Wait { wait: Duration::from_secs(3), source: WaitSource::Bucket }
        );
        assert_eq!(store.acquire_now("other", tier2), Admission::Now, "keys are counted apart");
        tokio::time::advance(Duration::from_secs(3)).await;
        assert_eq!(store.acquire_now("k", tier2), Admission::Now);
        assert!(matches!(store.acquire_now("k", tier2), Admission::Wait { .. }));
    }

    #[tokio::test(start_paused = true)]
    async fn a_pause_holds_every_caller_of_its_key_until_it_ends() {
        let store = LocalStore::new();
        store.pause_now("k", Duration::from_secs(30));
        store.pause_now("k", Duration::from_secs(5));
        let paused = store.acquire_now("k", Quota::per_minute(100));
        assert_eq!(paused, Admission::Wait { wait: Duration::from_secs(30), source: WaitSource::Pause });
        tokio::time::advance(Duration::from_secs(30)).await;
        assert_eq!(store.acquire_now("k", Quota::per_minute(100)), Admission::Now);
    }

    #[tokio::test(start_paused = true)]
    async fn refilled_buckets_are_forgotten_when_the_store_grows() {
        let store = LocalStore::new();
        for key in 0..5000 {
            store.acquire_now(&format!("key-{key}"), Quota::per_minute(60));
            tokio::time::advance(Duration::from_millis(100)).await;
        }
        assert!(store.keys() < 2100, "{} keys kept", store.keys());
    }
}

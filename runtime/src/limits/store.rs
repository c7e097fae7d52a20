//! Where a limiter counts calls: a store of quotas' state by key.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use super::{Quota, WaitSource};

/// What a [`LimiterStore`] operation returns.
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, StoreError>> + Send + 'a>>;

/// Whether a call may go now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    /// Yes: the call was counted.
    Now,
    /// Not yet: ask again after `wait`. Nothing was counted.
    Wait {
        /// How long until the call would be allowed.
        wait: Duration,
        /// Why.
        source: WaitSource,
    },
}

/// Counts calls against quotas by key, and holds the pauses Slack's 429s ask for.
/// Every operation is atomic for its key, so that callers sharing a store (threads, or
/// processes sharing a Redis) together stay under the quota.
///
/// [`LocalStore`](super::LocalStore) keeps them in this process;
/// [`RedisStore`](super::RedisStore) (feature `redis`) shares them.
pub trait LimiterStore: fmt::Debug + Send + Sync + 'static {
    /// Counts a call of `key` under `quota` if one is allowed now, else says how long
    /// until one would be, counting nothing. A paused key waits out its pause.
    fn acquire<'a>(&'a self, key: &'a str, quota: Quota) -> StoreFuture<'a, Admission>;

    /// Pauses `key` for `duration` for every caller (a pause already longer stays).
    fn pause<'a>(&'a self, key: &'a str, duration: Duration) -> StoreFuture<'a, ()>;
}

/// A store that failed (Redis unreachable, or too slow to answer).
#[derive(Debug, thiserror::Error)]
#[error("the rate limiter's store failed: {0}")]
pub struct StoreError(pub Box<dyn std::error::Error + Send + Sync>);

impl StoreError {
    /// A failure of `cause`.
    pub fn new(cause: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        Self(cause.into())
    }
}

//! Rate limits: Slack's quotas as the spec gives them, the stores that count calls
//! against them (in this process, or shared through Redis), and the client's limiter
//! that waits its turn.

mod limiter;
mod local;
#[cfg(feature = "redis")]
mod redis;
mod store;

use std::fmt;
use std::time::Duration;

use crate::RateTier;

pub use limiter::WouldWait;
pub(crate) use limiter::{CallLimits, Limiter, Refusal};
pub use local::LocalStore;
#[cfg(feature = "redis")]
pub use redis::RedisStore;
pub use store::{Admission, LimiterStore, StoreError, StoreFuture};

/// How many calls Slack allows for one key: `calls_per_minute` in the long run, and up
/// to `burst` at once after a quiet spell.
///
/// A quota is a generic cell rate (GCRA): one call every `60 s / calls_per_minute`, with
/// `burst` calls of credit. A Tier 2 method (20 a minute, burst 20) takes a burst of 20
/// calls at once, then one every 3 s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Quota {
    calls_per_minute: u32,
    burst: u32,
    /// Extra spacing per call, in thousandths of the interval: the client's margin.
    margin_permille: u32,
}

impl Quota {
    /// `calls_per_minute` (at least 1), with a burst of as many.
    pub const fn per_minute(calls_per_minute: u32) -> Self {
        let calls_per_minute = if calls_per_minute == 0 { 1 } else { calls_per_minute };
        Self { calls_per_minute, burst: calls_per_minute, margin_permille: 0 }
    }

    /// The same rate with a burst of `burst` (at least 1).
    pub const fn with_burst(self, burst: u32) -> Self {
        Self { burst: if burst == 0 { 1 } else { burst }, ..self }
    }

    /// Calls per minute in the long run.
    pub const fn calls_per_minute(self) -> u32 {
        self.calls_per_minute
    }

    /// Calls at once after a quiet spell.
    pub const fn burst(self) -> u32 {
        self.burst
    }

    /// The time one call's credit takes to come back: `60 s / calls_per_minute`, plus
    /// the margin.
    pub fn interval(self) -> Duration {
        let exact = Duration::from_secs(60) / self.calls_per_minute;
        exact + exact * self.margin_permille / 1000
    }

    /// The same quota with each call spaced `permille` thousandths of an interval more:
    /// what the client counts by, so that the jitter of the network between it and
    /// Slack does not bring two calls closer than Slack counts.
    pub(crate) const fn with_margin(self, permille: u32) -> Self {
        Self { margin_permille: permille, ..self }
    }
}

/// Slack's limits of a method beside its tier, from its spec: a limit per channel
/// (`chat.postMessage`: about one message a second in each channel), and the lower
/// limit of apps that are not on the Marketplace (`conversations.history`: one call a
/// minute since 2025).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct RateLimitFacts {
    /// The limit of each channel, counted apart, when Slack limits the method per
    /// channel; the channel is the call's [`Method::limit_channel`](crate::Method::limit_channel).
    pub per_channel: Option<ChannelLimit>,
    /// The limit of commercially distributed apps that are not on the Marketplace
    /// ([`AppCohort::Commercial`]), in place of the tier's.
    pub non_marketplace: Option<CohortLimit>,
}

/// A limit Slack counts for each channel apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ChannelLimit {
    /// The quota of each channel.
    pub quota: Quota,
    /// The argument that names the channel.
    pub argument: &'static str,
}

/// The limit of a kind of app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct CohortLimit {
    /// The quota, in place of the tier's.
    pub quota: Quota,
    /// The most items a page holds (`limit` is capped there).
    pub max_limit: Option<u32>,
}

impl RateLimitFacts {
    /// No limit beside the tier.
    pub const NONE: Self = Self { per_channel: None, non_marketplace: None };

    /// With a quota for each channel, named by the argument `argument`.
    pub const fn per_channel(self, quota: Quota, argument: &'static str) -> Self {
        Self { per_channel: Some(ChannelLimit { quota, argument }), ..self }
    }

    /// With the quota and page size of apps off the Marketplace.
    pub const fn non_marketplace(self, quota: Quota, max_limit: Option<u32>) -> Self {
        Self { non_marketplace: Some(CohortLimit { quota, max_limit }), ..self }
    }

    /// The limit an app of `cohort` has in place of the tier's, if any.
    pub fn of_cohort(self, cohort: AppCohort) -> Option<CohortLimit> {
        match cohort {
            AppCohort::Commercial => self.non_marketplace,
            AppCohort::Internal | AppCohort::Marketplace => None,
        }
    }
}

/// The quota of a method of `tier` with the finer limits `facts`, for an app of
/// `cohort`: the cohort's quota where the spec gives one, else the tier's (`special`
/// calls a minute for special tiers; `0`: not limited). The client's pacing and the
/// fake Slack both count by it.
pub fn method_quota(tier: RateTier, facts: RateLimitFacts, cohort: AppCohort, special: u32) -> Option<Quota> {
    if let Some(limit) = facts.of_cohort(cohort) {
        return Some(limit.quota);
    }
    let calls_per_minute = tier.calls_per_minute().unwrap_or(special);
    (calls_per_minute > 0).then(|| Quota::per_minute(calls_per_minute))
}

/// The scope of rate-limit keys that `bytes` (a token, or a workspace and app) name, as
/// the client counts them: FNV-1a, a fixed algorithm, so that every process (and the
/// fake Slack) counts under the same keys, and no key holds a secret.
pub fn scope_of(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, &byte| (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// What kind of app this is, which decides some of Slack's limits.
///
/// Since 2025, commercially distributed apps that are not on the Slack Marketplace get
/// lower limits on `conversations.history` and `conversations.replies` (one call a
/// minute, 15 items a page; for installs made before, from 2026-03-03). Apps built for
/// one's own organization and Marketplace apps keep the tiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum AppCohort {
    /// An app built for one's own workspace or organization (the default).
    #[default]
    Internal,
    /// An app listed on the Slack Marketplace.
    Marketplace,
    /// An app distributed to other organizations, not on the Marketplace.
    Commercial,
}

/// Why a call waits, or waited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WaitSource {
    /// Its key's quota has no credit left: the local bucket or the shared one.
    Bucket,
    /// Slack answered a call of the key HTTP 429: every caller of the key waits out its
    /// `Retry-After`.
    Pause,
    /// Slack's `Retry-After` on this very call.
    RetryAfter,
}

impl fmt::Display for WaitSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Bucket => "bucket",
            Self::Pause => "shared pause",
            Self::RetryAfter => "Retry-After",
        })
    }
}

/// What to do when the limiter's store fails (Redis is down or slow).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum StoreFailure {
    /// Count the call in this process instead, as if the store were local (the default).
    #[default]
    FailOpen,
    /// Fail the call with [`CallError::Limiter`](crate::CallError::Limiter).
    FailClosed,
}

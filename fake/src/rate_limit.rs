//! Slack's rate limits, simulated on tokio's clock with the runtime's own model of them.

use std::fmt;
use std::time::Duration;

use typed_slack_runtime::RateTier;
use typed_slack_runtime::limits::{self, Admission, AppCohort, LocalStore, Quota, RateLimitFacts};

/// Whether the fake answers HTTP 429 to calls over a method's rate limits.
///
/// With [`by_tier`](Self::by_tier), each method allows, per token, its tier's quota as
/// the client's pacing counts it (`typed_slack_runtime::limits::Quota`): a burst of the
/// tier's calls per minute (Tier 1: 1, Tier 2: 20, Tier 3: 50, Tier 4: 100) at once,
/// then calls at that rate. The finer limits of the spec apply too: a method limited
/// per channel (`chat.postMessage`) also counts each channel apart, and an app of the
/// [`cohort`](Self::cohort) [`AppCohort::Commercial`] gets the lower quotas of apps off
/// the Marketplace (and their page sizes: `conversations.history` answers at most 15
/// messages a page). A call over a limit gets HTTP 429 with `Retry-After` saying, in
/// whole seconds, when it would be allowed. Methods with special limits and no quota in
/// the spec are not limited unless [`special_tier`](Self::special_tier) gives a rate.
/// Time is tokio's, so a test on a paused clock (`#[tokio::test(start_paused = true)]`)
/// runs minutes of calls at once.
///
/// Off by default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RateLimits {
    enabled: bool,
    special_calls_per_minute: u32,
    cohort: AppCohort,
}

impl RateLimits {
    /// No limits: every call is answered.
    pub fn off() -> Self {
        Self::default()
    }

    /// Each method limited by its tier and its spec's finer limits, per token.
    pub fn by_tier() -> Self {
        Self { enabled: true, ..Self::default() }
    }

    /// With limits by tier, limits the methods with special limits to
    /// `calls_per_minute` (`0`: not limited).
    pub fn special_tier(mut self, calls_per_minute: u32) -> Self {
        self.special_calls_per_minute = calls_per_minute;
        self
    }

    /// Limits calls as Slack does an app of `cohort` (default [`AppCohort::Internal`]).
    pub fn cohort(mut self, cohort: AppCohort) -> Self {
        self.cohort = cohort;
        self
    }
}

/// The state of each token's quotas.
#[derive(Default)]
pub(crate) struct RateLimiter {
    limits: RateLimits,
    /// By a hash of the token and the method (and channel): no secret is kept.
    counts: LocalStore,
}

impl RateLimiter {
    pub(crate) fn new(limits: RateLimits) -> Self {
        Self { limits, counts: LocalStore::new() }
    }

    /// Forgets every call counted.
    pub(crate) fn clear(&mut self) {
        self.counts = LocalStore::new();
    }

    /// Counts a call of `method` with `token`, or says how long until it would be
    /// allowed.
    pub(crate) fn admit(
        &mut self,
        method: &str,
        tier: RateTier,
        facts: RateLimitFacts,
        token: &str,
    ) -> Result<(), Duration> {
        if !self.limits.enabled {
            return Ok(());
        }
        let quota = limits::method_quota(tier, facts, self.limits.cohort, self.limits.special_calls_per_minute);
        match quota {
            Some(quota) => self.count(&format!("{:016x}:{method}", hash(token)), quota),
            None => Ok(()),
        }
    }

    /// The most items a page of a method with `facts` holds for the app's cohort.
    pub(crate) fn max_items(&self, facts: RateLimitFacts) -> Option<u32> {
        facts.of_cohort(self.limits.cohort).filter(|_| self.limits.enabled).and_then(|limit| limit.max_limit)
    }

    /// Counts a call of a method limited per channel in `channel`.
    pub(crate) fn admit_channel(
        &mut self,
        method: &str,
        facts: RateLimitFacts,
        token: &str,
        channel: &str,
    ) -> Result<(), Duration> {
        match (self.limits.enabled, facts.per_channel) {
            (true, Some(limit)) => self.count(&format!("{:016x}:{method}:{channel}", hash(token)), limit.quota),
            _ => Ok(()),
        }
    }

    fn count(&self, key: &str, quota: Quota) -> Result<(), Duration> {
        match self.counts.acquire_now(key, quota) {
            Admission::Now => Ok(()),
            Admission::Wait { wait, .. } => Err(wait),
        }
    }
}

/// What the fake keys a token's counts by: a hash of it, the one the client's keys use,
/// so that no key holds the secret.
fn hash(token: &str) -> u64 {
    limits::scope_of(token.as_bytes())
}

impl fmt::Debug for RateLimiter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RateLimiter").field("limits", &self.limits).finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: RateLimitFacts = RateLimitFacts::NONE;

    #[tokio::test(start_paused = true)]
    async fn a_tier_allows_a_burst_then_its_rate_per_method_and_token() {
        let mut limiter = RateLimiter::new(RateLimits::by_tier());
        for _ in 0..20 {
            limiter.admit("m", RateTier::Tier2, NONE, "t").unwrap();
        }
        assert_eq!(limiter.admit("m", RateTier::Tier2, NONE, "t"), Err(Duration::from_secs(3)));
        assert_eq!(limiter.admit("other", RateTier::Tier2, NONE, "t"), Ok(()));
        assert_eq!(limiter.admit("m", RateTier::Tier2, NONE, "other token"), Ok(()));
        tokio::time::advance(Duration::from_secs(3)).await;
        assert_eq!(limiter.admit("m", RateTier::Tier2, NONE, "t"), Ok(()));
    }

    #[tokio::test(start_paused = true)]
    async fn special_limits_only_with_a_rate_and_nothing_when_off() {
        let mut unlimited = RateLimiter::new(RateLimits::by_tier());
        let mut limited = RateLimiter::new(RateLimits::by_tier().special_tier(1));
        let mut off = RateLimiter::new(RateLimits::off());
        for _ in 0..200 {
            unlimited.admit("m", RateTier::Special, NONE, "t").unwrap();
            off.admit("m", RateTier::Tier1, NONE, "t").unwrap();
        }
        limited.admit("m", RateTier::Special, NONE, "t").unwrap();
        assert_eq!(limited.admit("m", RateTier::Special, NONE, "t"), Err(Duration::from_secs(60)));
    }

    #[tokio::test(start_paused = true)]
    async fn channels_and_cohorts_follow_the_spec() {
        let post = RateLimitFacts::NONE.per_channel(Quota::per_minute(60).with_burst(1), "channel");
        let mut limiter = RateLimiter::new(RateLimits::by_tier());
        limiter.admit_channel("chat.postMessage", post, "t", "C1").unwrap();
        limiter.admit_channel("chat.postMessage", post, "t", "C2").unwrap();
        assert_eq!(limiter.admit_channel("chat.postMessage", post, "t", "C1"), Err(Duration::from_secs(1)));

        let history = RateLimitFacts::NONE.non_marketplace(Quota::per_minute(1), Some(15));
        let mut commercial = RateLimiter::new(RateLimits::by_tier().cohort(AppCohort::Commercial));
        commercial.admit("conversations.history", RateTier::Tier3, history, "t").unwrap();
        assert_eq!(
            commercial.admit("conversations.history", RateTier::Tier3, history, "t"),
            Err(Duration::from_secs(60))
        );
        let mut internal = RateLimiter::new(RateLimits::by_tier());
        for _ in 0..50 {
            internal.admit("conversations.history", RateTier::Tier3, history, "t").unwrap();
        }
    }
}

//! Slack's per-method rate limits, simulated on tokio's clock.

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::time::Duration;

use tokio::time::Instant;
use typed_slack_runtime::RateTier;

/// The window Slack's tiers count calls in.
const WINDOW: Duration = Duration::from_secs(60);

/// Whether the fake answers HTTP 429 to calls over a method's rate tier.
///
/// With [`by_tier`](Self::by_tier), each method allows its tier's calls per minute
/// (Tier 1: 1, Tier 2: 20, Tier 3: 50, Tier 4: 100) per token, counted over the last 60
/// seconds; a call over the limit gets HTTP 429 with `Retry-After` saying when the
/// oldest counted call leaves the window. Methods with special limits are not limited
/// unless [`special_tier`](Self::special_tier) gives a rate. Time is tokio's, so a test
/// on a paused clock (`#[tokio::test(start_paused = true)]`) runs a minute of calls at
/// once.
///
/// Off by default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RateLimits {
    enabled: bool,
    special_calls_per_minute: u32,
}

impl RateLimits {
    /// No limits: every call is answered.
    pub fn off() -> Self {
        Self::default()
    }

    /// Each method limited to its tier's calls per minute, per token.
    pub fn by_tier() -> Self {
        Self { enabled: true, special_calls_per_minute: 0 }
    }

    /// With limits by tier, limits the methods with special limits to
    /// `calls_per_minute` (`0`: not limited).
    pub fn special_tier(mut self, calls_per_minute: u32) -> Self {
        self.special_calls_per_minute = calls_per_minute;
        self
    }

    fn calls_per_minute(self, tier: RateTier) -> Option<u32> {
        if !self.enabled {
            return None;
        }
        Some(tier.calls_per_minute().unwrap_or(self.special_calls_per_minute)).filter(|&calls| calls > 0)
    }
}

/// The calls each token made to each method within the window.
#[derive(Default)]
pub(crate) struct RateLimiter {
    limits: RateLimits,
    /// By method name and token (kept only here, never shown).
    calls: HashMap<(String, String), VecDeque<Instant>>,
}

impl RateLimiter {
    pub(crate) fn new(limits: RateLimits) -> Self {
        Self { limits, calls: HashMap::new() }
    }

    /// Forgets every call counted.
    pub(crate) fn clear(&mut self) {
        self.calls.clear();
    }

    /// Counts a call at `now`, or says how long until it would be allowed.
    pub(crate) fn admit(&mut self, method: &str, tier: RateTier, token: &str, now: Instant) -> Result<(), Duration> {
        let Some(limit) = self.limits.calls_per_minute(tier) else { return Ok(()) };
        let calls = self.calls.entry((method.to_owned(), token.to_owned())).or_default();
        while calls.front().is_some_and(|&call| now.duration_since(call) >= WINDOW) {
            calls.pop_front();
        }
        match calls.front() {
            Some(&oldest) if calls.len() >= limit as usize => Err(WINDOW - now.duration_since(oldest)),
            _ => {
                calls.push_back(now);
                Ok(())
            }
        }
    }
}

impl fmt::Debug for RateLimiter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RateLimiter").field("limits", &self.limits).finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tier_allows_its_calls_per_minute_per_method_and_token() {
        let mut limiter = RateLimiter::new(RateLimits::by_tier());
        let start = Instant::now();
        for _ in 0..20 {
            limiter.admit("m", RateTier::Tier2, "t", start).unwrap();
        }
        let later = start + Duration::from_secs(15);
        assert_eq!(limiter.admit("m", RateTier::Tier2, "t", later), Err(Duration::from_secs(45)));
        assert_eq!(limiter.admit("other", RateTier::Tier2, "t", later), Ok(()));
        assert_eq!(limiter.admit("m", RateTier::Tier2, "other token", later), Ok(()));
        assert_eq!(limiter.admit("m", RateTier::Tier2, "t", start + WINDOW), Ok(()));
    }

    #[test]
    fn special_limits_only_with_a_rate_and_nothing_when_off() {
        let now = Instant::now();
        let mut unlimited = RateLimiter::new(RateLimits::by_tier());
        let mut limited = RateLimiter::new(RateLimits::by_tier().special_tier(1));
        let mut off = RateLimiter::new(RateLimits::off());
        for _ in 0..200 {
            unlimited.admit("m", RateTier::Special, "t", now).unwrap();
            off.admit("m", RateTier::Tier1, "t", now).unwrap();
        }
        limited.admit("m", RateTier::Special, "t", now).unwrap();
        assert_eq!(limited.admit("m", RateTier::Special, "t", now), Err(WINDOW));
    }
}

//! Spacing calls to each method so a burst stays under its rate tier.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use tokio::time::Instant;

use crate::RateTier;

/// Whether and how the client spaces its calls to stay under Slack's rate limits.
///
/// Slack limits each method to its tier's calls per minute, per workspace and app. With
/// pacing by tier, the client spaces calls to each method evenly: a Tier 2 method (20
/// per minute) gets one call every 3 s, so a burst of calls waits its turn instead of
/// collecting 429s. Calls to different methods do not wait for each other. Methods with
/// special limits ([`RateTier::Special`]) are not paced unless
/// [`special_tier`](Self::special_tier) gives a rate.
///
/// Off by default. A client and its clones share one pacer; separate clients do not.
///
/// ```
/// use typed_slack_runtime::Pacing;
///
/// let pacing = Pacing::by_tier().special_tier(60);
/// # let _ = pacing;
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pacing {
    enabled: bool,
    special_calls_per_minute: u32,
}

impl Pacing {
    /// No pacing: every call goes at once.
    pub fn off() -> Self {
        Self::default()
    }

    /// Pacing by each method's rate tier.
    pub fn by_tier() -> Self {
        Self { enabled: true, special_calls_per_minute: 0 }
    }

    /// When pacing by tier, paces each method with special limits at `calls_per_minute`
    /// (`0`: not paced).
    pub fn special_tier(mut self, calls_per_minute: u32) -> Self {
        self.special_calls_per_minute = calls_per_minute;
        self
    }

    /// The spacing between two calls to a method of `tier`, or `None` when not paced.
    fn interval(self, tier: RateTier) -> Option<Duration> {
        if !self.enabled {
            return None;
        }
        let calls_per_minute = tier.calls_per_minute().unwrap_or(self.special_calls_per_minute);
        (calls_per_minute > 0).then(|| Duration::from_secs(60) / calls_per_minute)
    }
}

/// Hands out each method's next free moment under a [`Pacing`].
#[derive(Debug)]
pub(crate) struct Pacer {
    pacing: Pacing,
    /// By method name.
    next_free: Mutex<HashMap<String, Instant>>,
}

impl Pacer {
    pub(crate) fn new(pacing: Pacing) -> Self {
        Self { pacing, next_free: Mutex::new(HashMap::new()) }
    }

    /// Waits until a call to `method` of `tier` may go: at once when the method's last
    /// call was long enough ago, else when the spacing has passed. Each waiter reserves
    /// its moment before sleeping, so concurrent calls line up one interval apart.
    pub(crate) async fn wait_turn(&self, method: &str, tier: RateTier) {
        let Some(interval) = self.pacing.interval(tier) else {
            return;
        };
        let now = Instant::now();
        let turn = {
            let mut next_free = self.next_free.lock().unwrap_or_else(PoisonError::into_inner);
            // The method's name is copied once, on its first paced call.
            let next = match next_free.get_mut(method) {
                Some(next) => next,
                None => next_free.entry(method.to_owned()).or_insert(now),
            };
            let turn = (*next).max(now);
            *next = turn + interval;
            turn
        };
        if turn > now {
            tracing::debug!(method, wait_ms = (turn - now).as_millis() as u64, "pacing: waiting for the method's turn");
            tokio::time::sleep_until(turn).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_follow_the_tier() {
        let pacing = Pacing::by_tier();
        assert_eq!(pacing.interval(RateTier::Tier1), Some(Duration::from_secs(60)));
        assert_eq!(pacing.interval(RateTier::Tier2), Some(Duration::from_secs(3)));
        assert_eq!(pacing.interval(RateTier::Tier3), Some(Duration::from_millis(1200)));
        assert_eq!(pacing.interval(RateTier::Tier4), Some(Duration::from_millis(600)));
        assert_eq!(pacing.interval(RateTier::Special), None);
        assert_eq!(pacing.special_tier(60).interval(RateTier::Special), Some(Duration::from_secs(1)));
        assert_eq!(Pacing::off().interval(RateTier::Tier1), None);
    }
}

//! Whether and how the client keeps its calls under Slack's rate limits.

use std::sync::Arc;

use crate::RateTier;
use crate::limits::{AppCohort, LimiterStore, Quota, RateLimitFacts, StoreFailure};

/// Whether and how the client keeps its calls under Slack's rate limits.
///
/// Slack limits each method per workspace and app to its tier's calls per minute, with
/// bursts allowed. With pacing by tier, each key (the token's workspace and app, and the
/// method) gets the tier's quota: a burst of up to the tier's per-minute allowance goes
/// at once, then calls go at the tier's rate (a Tier 2 method: 20 at once, then one
/// every 3 s). Slack's finer limits come from the spec: `chat.postMessage` is also
/// limited per channel, and `conversations.history` and `conversations.replies` have
/// lower limits for commercial apps off the Marketplace ([`cohort`](Self::cohort)).
///
/// When Slack answers HTTP 429 anyway, the method's key is paused for every caller
/// until `Retry-After` has passed, and the callers resume spread out.
///
/// By default the counts live in the client ([`LocalStore`](crate::limits::LocalStore));
/// processes that share a workspace share them through [`store`](Self::store), such as a
/// `RedisStore` (feature `redis`):
///
/// ```
/// use typed_slack_runtime::Pacing;
/// use typed_slack_runtime::limits::{AppCohort, Quota};
///
/// let pacing = Pacing::by_tier()
///     .cohort(AppCohort::Commercial)
///     .method_quota("chat.postMessage", Quota::per_minute(600));
/// # let _ = pacing;
/// ```
///
/// Off by default. A client, its clones and its [`with_token`](crate::Client::with_token)
/// clients share one limiter.
#[derive(Debug, Clone, Default)]
pub struct Pacing {
    pub(crate) enabled: bool,
    pub(crate) special_calls_per_minute: u32,
    pub(crate) cohort: AppCohort,
    pub(crate) overrides: Vec<(String, Quota)>,
    pub(crate) store: Option<Arc<dyn LimiterStore>>,
    pub(crate) on_store_failure: StoreFailure,
}

impl Pacing {
    /// No pacing: every call goes at once.
    pub fn off() -> Self {
        Self::default()
    }

    /// Each method limited by its tier and its spec's finer limits.
    pub fn by_tier() -> Self {
        Self { enabled: true, ..Self::default() }
    }

    /// Limits the methods with special limits and no quota of their own in the spec
    /// to `calls_per_minute` (`0`, the default: not limited).
    pub fn special_tier(mut self, calls_per_minute: u32) -> Self {
        self.special_calls_per_minute = calls_per_minute;
        self
    }

    /// What kind of app this is (default [`AppCohort::Internal`]), for the limits that
    /// depend on it.
    pub fn cohort(mut self, cohort: AppCohort) -> Self {
        self.cohort = cohort;
        self
    }

    /// Gives `method` this quota instead of its tier's: a limit Slack granted the app
    /// by agreement, or a stricter one of your own.
    pub fn method_quota(mut self, method: impl Into<String>, quota: Quota) -> Self {
        let method = method.into();
        self.overrides.retain(|(name, _)| *name != method);
        self.overrides.push((method, quota));
        self
    }

    /// Counts calls in `store`, shared with every process that uses the same store
    /// (a `RedisStore`), instead of in this client.
    pub fn store(mut self, store: impl LimiterStore) -> Self {
        self.store = Some(Arc::new(store));
        self
    }

    /// What a call does when the store fails (default [`StoreFailure::FailOpen`]:
    /// counted in this process instead).
    pub fn on_store_failure(mut self, on_failure: StoreFailure) -> Self {
        self.on_store_failure = on_failure;
        self
    }

    /// Whether calls are limited at all.
    pub fn is_enabled(&self) -> bool {
        self.enabled
    }

    /// The quota of `method`, or `None` when it is not limited.
    pub(crate) fn quota_of(&self, method: &str, tier: RateTier, facts: RateLimitFacts) -> Option<Quota> {
        if !self.enabled {
            return None;
        }
        if let Some((_, quota)) = self.overrides.iter().find(|(name, _)| name == method) {
            return Some(*quota);
        }
        crate::limits::method_quota(tier, facts, self.cohort, self.special_calls_per_minute)
    }

    /// The most items a page holds for this app, for a method whose spec says so for
    /// its cohort.
    pub(crate) fn max_limit(&self, facts: RateLimitFacts) -> Option<u32> {
        facts.of_cohort(self.cohort).and_then(|limit| limit.max_limit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotas_follow_the_tier_the_cohort_and_the_overrides() {
        let pacing = Pacing::by_tier();
        let none = RateLimitFacts::NONE;
        assert_eq!(pacing.quota_of("m", RateTier::Tier1, none), Some(Quota::per_minute(1)));
        assert_eq!(pacing.quota_of("m", RateTier::Tier2, none), Some(Quota::per_minute(20)));
        assert_eq!(pacing.quota_of("m", RateTier::Tier4, none), Some(Quota::per_minute(100)));
        assert_eq!(pacing.quota_of("m", RateTier::Special, none), None);
        assert_eq!(pacing.clone().special_tier(60).quota_of("m", RateTier::Special, none), Some(Quota::per_minute(60)));
        assert_eq!(Pacing::off().quota_of("m", RateTier::Tier1, none), None);

        let history = RateLimitFacts::NONE.non_marketplace(Quota::per_minute(1), Some(15));
        assert_eq!(pacing.quota_of("h", RateTier::Tier3, history), Some(Quota::per_minute(50)));
        let commercial = pacing.clone().cohort(AppCohort::Commercial);
        assert_eq!(commercial.quota_of("h", RateTier::Tier3, history), Some(Quota::per_minute(1)));
        let agreed = commercial.method_quota("h", Quota::per_minute(100));
        assert_eq!(agreed.quota_of("h", RateTier::Tier3, history), Some(Quota::per_minute(100)));
    }
}

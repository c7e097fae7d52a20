//! When a failed call is made again, and after how long.

use std::time::Duration;

use crate::{CallError, Method, TransportErrorKind, jitter};

/// When the client makes a call again after a failure, and how many times.
///
/// The default makes at most 3 attempts and retries only what is safe and likely to
/// pass:
///
/// - HTTP 429, after sleeping the `Retry-After` Slack sent. A `Retry-After` longer than
///   [`max_delay`](Self::max_delay) (default 30 s) is not waited out: the call returns
///   [`CallError::RateLimited`] at once and the caller decides.
/// - A connection that could not be made: the request never reached Slack.
///
/// Opt-in, because the request may have reached Slack and had its effect (Slack's
/// `fatal_error` warns that part of an operation may have happened): an attempt that
/// timed out ([`retry_timeouts`](Self::retry_timeouts)) and a 5xx status with no Slack
/// answer ([`retry_server_errors`](Self::retry_server_errors)).
///
/// Never retried: Slack's `"ok": false` answers, which would be answered the same way.
///
/// Connection failures, timeouts and 5xx wait an exponential backoff from
/// [`initial_backoff`](Self::initial_backoff) (default 500 ms, doubling, at most
/// `max_delay`). Every wait gets up to a fifth more at random, so clients that failed
/// together do not retry together.
///
/// ```
/// use std::time::Duration;
/// use typed_slack_runtime::RetryPolicy;
///
/// let patient = RetryPolicy::default().max_attempts(5).retry_server_errors(true).max_delay(Duration::from_secs(60));
/// let once = RetryPolicy::never();
/// # let _ = (patient, once);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    rate_limited: bool,
    connection_failures: bool,
    timeouts: bool,
    server_errors: bool,
    initial_backoff: Duration,
    max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 3,
            rate_limited: true,
            connection_failures: true,
            timeouts: false,
            server_errors: false,
            initial_backoff: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// One attempt, no retry.
    pub fn never() -> Self {
        Self::default().max_attempts(1)
    }

    /// The most attempts per call, the first included. `0` counts as `1`.
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// Whether HTTP 429 is retried after `Retry-After` (default: yes).
    pub fn retry_rate_limited(mut self, retry: bool) -> Self {
        self.rate_limited = retry;
        self
    }

    /// Whether a connection that could not be made is retried (default: yes).
    pub fn retry_connection_failures(mut self, retry: bool) -> Self {
        self.connection_failures = retry;
        self
    }

    /// Whether an attempt that timed out is retried (default: no, since the request may
    /// have had its effect).
    pub fn retry_timeouts(mut self, retry: bool) -> Self {
        self.timeouts = retry;
        self
    }

    /// Whether a 5xx status with no Slack answer is retried (default: no, since the
    /// request may have had its effect).
    pub fn retry_server_errors(mut self, retry: bool) -> Self {
        self.server_errors = retry;
        self
    }

    /// The wait before the first retry of a connection failure, timeout or 5xx; it
    /// doubles with each further retry (default 500 ms).
    pub fn initial_backoff(mut self, backoff: Duration) -> Self {
        self.initial_backoff = backoff;
        self
    }

    /// The longest wait before a retry, jitter aside (default 30 s). A longer
    /// `Retry-After` is not waited out.
    pub fn max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// How long to wait before the next attempt, or `None` to give up, after
    /// `attempts_made` attempts the last of which failed for `cause`.
    pub(crate) fn delay_before_retry(&self, cause: RetryCause, attempts_made: u32) -> Option<Duration> {
        if attempts_made >= self.max_attempts {
            return None;
        }
        let delay = match cause {
            RetryCause::RateLimited { retry_after } if self.rate_limited && retry_after <= self.max_delay => {
                retry_after
            }
            RetryCause::ConnectionFailed if self.connection_failures => self.backoff(attempts_made),
            RetryCause::TimedOut if self.timeouts => self.backoff(attempts_made),
            RetryCause::ServerError if self.server_errors => self.backoff(attempts_made),
            _ => return None,
        };
        Some(delay + jitter::up_to(delay / 5))
    }

    /// `initial_backoff`, doubled for each attempt after the first, at most `max_delay`.
    fn backoff(&self, attempts_made: u32) -> Duration {
        let doublings = attempts_made.saturating_sub(1).min(20);
        self.initial_backoff.saturating_mul(1_u32 << doublings).min(self.max_delay)
    }
}

/// Why an attempt failed, as far as retrying goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RetryCause {
    /// HTTP 429.
    RateLimited { retry_after: Duration },
    /// No connection was made.
    ConnectionFailed,
    /// No complete answer in time.
    TimedOut,
    /// A 5xx status with no Slack answer.
    ServerError,
}

impl RetryCause {
    /// The cause of a failure that a policy may retry, or `None` for one it never does.
    pub(crate) fn of<M: Method>(error: &CallError<M>) -> Option<Self> {
        match error {
            CallError::RateLimited(limited) => Some(Self::RateLimited { retry_after: limited.retry_after }),
            CallError::Transport(error) => match error.kind() {
                TransportErrorKind::Connect => Some(Self::ConnectionFailed),
                TransportErrorKind::Timeout => Some(Self::TimedOut),
                _ => None,
            },
            CallError::Http(error) if error.is_retryable() => Some(Self::ServerError),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn within(delay: Option<Duration>, low: Duration) -> bool {
        delay.is_some_and(|delay| delay >= low && delay <= low + low / 5)
    }

    #[test]
    fn default_retries_rate_limits_and_connection_failures_only() {
        let policy = RetryPolicy::default();
        let limited = RetryCause::RateLimited { retry_after: Duration::from_secs(2) };
        assert!(within(policy.delay_before_retry(limited, 1), Duration::from_secs(2)));
        assert!(within(policy.delay_before_retry(RetryCause::ConnectionFailed, 1), Duration::from_millis(500)));
        assert!(within(policy.delay_before_retry(RetryCause::ConnectionFailed, 2), Duration::from_secs(1)));
        assert_eq!(policy.delay_before_retry(RetryCause::ConnectionFailed, 3), None);
        assert_eq!(policy.delay_before_retry(RetryCause::TimedOut, 1), None);
        assert_eq!(policy.delay_before_retry(RetryCause::ServerError, 1), None);
    }

    #[test]
    fn a_retry_after_beyond_the_cap_is_not_waited_out() {
        let policy = RetryPolicy::default().max_delay(Duration::from_secs(10));
        let long = RetryCause::RateLimited { retry_after: Duration::from_secs(11) };
        assert_eq!(policy.delay_before_retry(long, 1), None);
    }

    #[test]
    fn opt_ins_and_caps() {
        let policy = RetryPolicy::default()
            .retry_timeouts(true)
            .retry_server_errors(true)
            .max_attempts(10)
            .max_delay(Duration::from_secs(3));
        assert!(within(policy.delay_before_retry(RetryCause::TimedOut, 1), Duration::from_millis(500)));
        assert!(within(policy.delay_before_retry(RetryCause::ServerError, 9), Duration::from_secs(3)));
        assert_eq!(RetryPolicy::never().delay_before_retry(RetryCause::ConnectionFailed, 1), None);
        assert_eq!(RetryPolicy::default().max_attempts(0), RetryPolicy::never());
    }
}

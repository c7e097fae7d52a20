//! New IDs and message timestamps.

use std::time::{SystemTime, UNIX_EPOCH};

/// Hands out IDs and `ts` values, each new one after the last.
#[derive(Debug, Default)]
pub(crate) struct Clock {
    ids: u64,
    /// The last `ts` handed out, in microseconds since the epoch.
    last_ts: u64,
}

impl Clock {
    /// `C0F00000001`, `C0F00000002`…: Slack's shape (a prefix and upper-case hex), apart
    /// from the IDs of the example seed.
    pub(crate) fn next_id(&mut self, prefix: &str) -> String {
        self.ids += 1;
        format!("{prefix}0F{:08X}", self.ids)
    }

    /// A clock whose `ts` values come after `ts`.
    pub(crate) fn after(ts: Option<&str>) -> Self {
        Self { ids: 0, last_ts: ts.and_then(micros).unwrap_or(0) }
    }

    /// The wall clock as a `ts`, `1700000000.000100`, later than the last one handed out
    /// (or the one the clock was made after).
    pub(crate) fn next_ts(&mut self) -> String {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |since| since.as_micros());
        let now = u64::try_from(now).unwrap_or(u64::MAX);
        self.last_ts = now.max(self.last_ts.saturating_add(1));
        format!("{}.{:06}", self.last_ts / 1_000_000, self.last_ts % 1_000_000)
    }

    /// The current time in Unix seconds.
    pub(crate) fn now(&self) -> i64 {
        SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |since| i64::try_from(since.as_secs()).unwrap_or(0))
    }
}

/// A `ts` in microseconds since the epoch.
pub(crate) fn micros(ts: &str) -> Option<u64> {
    let (seconds, fraction) = ts.split_once('.')?;
    let fraction = format!("{fraction:0<6}");
    let micros = fraction.get(..6)?.parse::<u64>().ok()?;
    seconds.parse::<u64>().ok()?.checked_mul(1_000_000)?.checked_add(micros)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_only_go_forward() {
        let mut clock = Clock::default();
        let first = clock.next_ts();
        let second = clock.next_ts();
        assert!(micros(&second) > micros(&first), "{first} {second}");
        assert_eq!(Clock::after(Some("99999999999.000001")).next_ts(), "99999999999.000002");
        assert_eq!(micros("1.5"), Some(1_500_000));
        assert_eq!(micros("99999999999999999999.000000"), None);
        assert_eq!(micros("x.1"), None);
        assert_eq!(clock.next_id("C"), "C0F00000001");
    }
}

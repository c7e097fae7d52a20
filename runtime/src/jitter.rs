//! Random jitter for retry delays, so clients that failed together do not retry together.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::time::Duration;

/// A random duration from zero up to `max`.
///
/// The randomness comes from the standard library's randomly keyed hasher: each
/// `RandomState` has fresh keys, which is plenty for spreading retries and needs no
/// dependency.
pub(crate) fn up_to(max: Duration) -> Duration {
    let bits = RandomState::new().build_hasher().finish();
    // The top 53 bits as a fraction in [0, 1): exactly representable in an f64.
    let fraction = (bits >> 11) as f64 / (1_u64 << 53) as f64;
    max.mul_f64(fraction)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stays_within_bounds_and_varies() {
        let max = Duration::from_millis(500);
        let samples: Vec<Duration> = (0..64).map(|_| up_to(max)).collect();
        assert!(samples.iter().all(|sample| *sample <= max));
        assert!(samples.iter().any(|sample| *sample != samples[0]));
        assert_eq!(up_to(Duration::ZERO), Duration::ZERO);
    }
}

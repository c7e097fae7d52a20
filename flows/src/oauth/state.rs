//! The `state` of an install: `EXPIRY.NONCE.MAC`, signed with HMAC-SHA256, so that only
//! the app's own, unexpired states come back.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::hmac;
use ring::rand::{SecureRandom, SystemRandom};

/// Why a state was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StateError {
    /// Not of the form the app gives.
    #[error("not a state this app gives")]
    Malformed,
    /// Not signed by the app's key: forged, or from another app.
    #[error("not signed by this app")]
    Forged,
    /// Signed, but too old.
    #[error("expired")]
    Expired,
}

/// The key states are signed with.
#[derive(Clone)]
pub(super) struct StateKey(hmac::Key);

impl StateKey {
    pub(super) fn new(key: &[u8]) -> Self {
        Self(hmac::Key::new(hmac::HMAC_SHA256, key))
    }

    /// A key of 32 random bytes.
    pub(super) fn random() -> Self {
        let mut key = [0; 32];
        // The system's generator fails only where the platform has none at all.
        SystemRandom::new().fill(&mut key).expect("the system's random number generator");
        Self::new(&key)
    }

    /// A new state, valid for `ttl`.
    pub(super) fn issue(&self, ttl: Duration) -> String {
        let mut nonce = [0; 16];
        SystemRandom::new().fill(&mut nonce).expect("the system's random number generator");
        let expiry = now().saturating_add(ttl.as_secs());
        let signed = format!("{expiry}.{}", URL_SAFE_NO_PAD.encode(nonce));
        let mac = hmac::sign(&self.0, signed.as_bytes());
        format!("{signed}.{}", URL_SAFE_NO_PAD.encode(mac.as_ref()))
    }

    /// Whether `state` is one of this key's, unexpired; the signature is compared in
    /// constant time.
    pub(super) fn check(&self, state: &str) -> Result<(), StateError> {
        let (signed, mac) = state.rsplit_once('.').ok_or(StateError::Malformed)?;
        let (expiry, _nonce) = signed.split_once('.').ok_or(StateError::Malformed)?;
        let expiry: u64 = expiry.parse().map_err(|_| StateError::Malformed)?;
        let mac = URL_SAFE_NO_PAD.decode(mac).map_err(|_| StateError::Malformed)?;
        hmac::verify(&self.0, signed.as_bytes(), &mac).map_err(|_| StateError::Forged)?;
        if now() >= expiry {
            return Err(StateError::Expired);
        }
        Ok(())
    }
}

fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |since| since.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_is_accepted_once_signed_and_refused_when_forged_expired_or_garbled() {
        let key = StateKey::new(b"k");
        let state = key.issue(Duration::from_secs(60));
        assert_eq!(key.check(&state), Ok(()));
        assert_ne!(key.issue(Duration::from_secs(60)), state, "each state has its own nonce");
        assert_eq!(StateKey::new(b"other").check(&state), Err(StateError::Forged));
        let (expiry, rest) = state.split_once('.').unwrap();
        let later = format!("{}.{rest}", expiry.parse::<u64>().unwrap() + 3600);
        assert_eq!(key.check(&later), Err(StateError::Forged), "the expiry is signed");
        assert_eq!(key.check(&key.issue(Duration::ZERO)), Err(StateError::Expired));
        for garbled in ["", "abc", "1.2", "x.y.z", "1.nonce.!!!"] {
            assert_eq!(key.check(garbled), Err(StateError::Malformed), "{garbled}");
        }
    }
}

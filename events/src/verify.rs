//! Slack's request signatures: `X-Slack-Signature` is `v0=` and the hex HMAC-SHA256 of
//! `v0:TIMESTAMP:BODY`, keyed with the app's signing secret.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use hmac::{Hmac, KeyInit, Mac};
use http::HeaderMap;
use sha2::Sha256;

/// The header that carries the signature.
pub const SIGNATURE_HEADER: &str = "x-slack-signature";
/// The header that carries when Slack signed the request, in Unix seconds.
pub const TIMESTAMP_HEADER: &str = "x-slack-request-timestamp";

/// The version of the signature scheme, and the prefix of every signature.
const VERSION: &str = "v0";

/// How far a request's timestamp may be from now (either way): Slack's 5 minutes, so a
/// captured request cannot be replayed later.
const MAX_AGE: Duration = Duration::from_secs(5 * 60);

type HmacSha256 = Hmac<Sha256>;

/// Why a request was refused as not coming from Slack.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Refusal {
    /// No `X-Slack-Request-Timestamp` header.
    #[error("the request has no X-Slack-Request-Timestamp header")]
    NoTimestamp,
    /// No `X-Slack-Signature` header.
    #[error("the request has no X-Slack-Signature header")]
    NoSignature,
    /// The timestamp is not a number of seconds.
    #[error("the X-Slack-Request-Timestamp header is not a number of seconds")]
    MalformedTimestamp,
    /// The signature is not `v0=` and 64 hex digits.
    #[error("the X-Slack-Signature header is not `v0=` and 64 hex digits")]
    MalformedSignature,
    /// The timestamp is further from now than the verifier allows (5 minutes): a
    /// replayed request, or a clock far off.
    #[error("the request was signed {distance:?} from now, more than the {allowed:?} allowed")]
    Stale {
        /// How far the timestamp is from now, either way.
        distance: Duration,
        /// How far it may be.
        allowed: Duration,
    },
    /// The signature is not the body's with this signing secret: a forged or altered
    /// request, or another app's secret.
    #[error("the signature does not match the body")]
    Mismatch,
}

/// Checks that requests come from Slack, with the app's signing secret. Its `Debug`
/// output shows no secret.
///
/// ```
/// use http::HeaderMap;
/// use typed_slack_events::{Refusal, Verifier};
///
/// let verifier = Verifier::new("8f742231b10e8888abcd99yyyzzz85a5");
/// let body = b"token=abc&team_id=T1DC2JH3J";
/// let now = std::time::SystemTime::now();
/// let headers = verifier.sign(now, body);   // what Slack would send, for a test
/// assert_eq!(verifier.verify_at(&headers, body, now), Ok(()));
/// assert_eq!(verifier.verify_at(&headers, b"token=abc&team_id=T0", now), Err(Refusal::Mismatch));
/// assert_eq!(verifier.verify_at(&HeaderMap::new(), body, now), Err(Refusal::NoTimestamp));
/// ```
#[derive(Clone)]
pub struct Verifier {
    key: HmacSha256,
    max_age: Duration,
}

impl Verifier {
    /// A verifier with the app's signing secret (its settings' Basic Information page),
    /// refusing timestamps more than 5 minutes from now.
    pub fn new(signing_secret: impl AsRef<[u8]>) -> Self {
        let key = HmacSha256::new_from_slice(signing_secret.as_ref()).expect("HMAC takes a key of any length");
        Self { key, max_age: MAX_AGE }
    }

    /// Refuses timestamps further than `max_age` from now instead of 5 minutes.
    pub fn max_age(mut self, max_age: Duration) -> Self {
        self.max_age = max_age;
        self
    }

    /// Checks that `body`, received with `headers`, was signed by Slack with this
    /// secret within the allowed age of the system clock's now.
    ///
    /// # Errors
    ///
    /// Why it is refused.
    pub fn verify(&self, headers: &HeaderMap, body: &[u8]) -> Result<(), Refusal> {
        self.verify_at(headers, body, SystemTime::now())
    }

    /// [`verify`](Self::verify), with `now` as the time.
    ///
    /// # Errors
    ///
    /// Why it is refused.
    pub fn verify_at(&self, headers: &HeaderMap, body: &[u8], now: SystemTime) -> Result<(), Refusal> {
        let text = |name: &str, missing: Refusal, malformed: Refusal| {
            let value = headers.get(name).ok_or(missing)?;
            value.to_str().map(str::trim).map_err(|_| malformed)
        };
        let timestamp = text(TIMESTAMP_HEADER, Refusal::NoTimestamp, Refusal::MalformedTimestamp)?;
        let signature = text(SIGNATURE_HEADER, Refusal::NoSignature, Refusal::MalformedSignature)?;
        let seconds: u64 = timestamp.parse().map_err(|_| Refusal::MalformedTimestamp)?;
        let signed_at = UNIX_EPOCH + Duration::from_secs(seconds);
        let distance = now.duration_since(signed_at).unwrap_or_else(|early| early.duration());
        if distance > self.max_age {
            return Err(Refusal::Stale { distance, allowed: self.max_age });
        }
        let digits = signature.strip_prefix("v0=").ok_or(Refusal::MalformedSignature)?;
        let mut expected = [0_u8; 32];
        hex::decode_to_slice(digits, &mut expected).map_err(|_| Refusal::MalformedSignature)?;
        self.mac(timestamp, body).verify_slice(&expected).map_err(|_| Refusal::Mismatch)
    }

    /// The headers Slack sends with `body` signed at `at` with this secret: for tests,
    /// and for a fake Slack delivering events to an app.
    pub fn sign(&self, at: SystemTime, body: &[u8]) -> HeaderMap {
        let seconds = at.duration_since(UNIX_EPOCH).map_or(0, |since| since.as_secs()).to_string();
        let signature = format!("{VERSION}={}", hex::encode(self.mac(&seconds, body).finalize().into_bytes()));
        let mut headers = HeaderMap::new();
        headers.insert(TIMESTAMP_HEADER, seconds.parse().expect("digits are a header value"));
        headers.insert(SIGNATURE_HEADER, signature.parse().expect("hex is a header value"));
        headers
    }

    /// The MAC of `v0:TIMESTAMP:BODY`.
    fn mac(&self, timestamp: &str, body: &[u8]) -> HmacSha256 {
        let mut mac = self.key.clone();
        mac.update(VERSION.as_bytes());
        mac.update(b":");
        mac.update(timestamp.as_bytes());
        mac.update(b":");
        mac.update(body);
        mac
    }
}

impl fmt::Debug for Verifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Verifier").field("signing_secret", &"<redacted>").field("max_age", &self.max_age).finish()
    }
}

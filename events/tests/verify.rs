//! Slack's request signatures: Slack's own example verifies, and every way a request
//! can be forged, altered, replayed or malformed is refused with its reason.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use http::{HeaderMap, HeaderValue};
use typed_slack_events::{Refusal, SIGNATURE_HEADER, TIMESTAMP_HEADER, Verifier};

/// The example of Slack's "Verifying requests from Slack" page: a slash command.
const SECRET: &str = "8f742231b10e8888abcd99yyyzzz85a5";
const TIMESTAMP: u64 = 1_531_420_618;
const BODY: &str = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
const SIGNATURE: &str = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

fn headers(timestamp: &str, signature: &str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(TIMESTAMP_HEADER, HeaderValue::from_str(timestamp).expect("a header"));
    headers.insert(SIGNATURE_HEADER, HeaderValue::from_str(signature).expect("a header"));
    headers
}

fn at(seconds: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(seconds)
}

fn slacks_example() -> HeaderMap {
    headers(&TIMESTAMP.to_string(), SIGNATURE)
}

#[test]
fn slacks_own_example_verifies() {
    let verifier = Verifier::new(SECRET);
    assert_eq!(verifier.verify_at(&slacks_example(), BODY.as_bytes(), at(TIMESTAMP + 10)), Ok(()));
    // And signing it gives Slack's headers back.
    assert_eq!(verifier.sign(at(TIMESTAMP), BODY.as_bytes()), slacks_example());
}

#[test]
fn a_tampered_body_or_another_secret_is_a_mismatch() {
    let verifier = Verifier::new(SECRET);
    let tampered = BODY.replace("roadrunner", "coyote");
    assert_eq!(verifier.verify_at(&slacks_example(), tampered.as_bytes(), at(TIMESTAMP)), Err(Refusal::Mismatch));
    let other_app = Verifier::new("another-apps-signing-secret");
    assert_eq!(other_app.verify_at(&slacks_example(), BODY.as_bytes(), at(TIMESTAMP)), Err(Refusal::Mismatch));
    // The timestamp is signed too: a fresh one on an old signature does not pass.
    let retimed = headers(&(TIMESTAMP + 1).to_string(), SIGNATURE);
    assert_eq!(verifier.verify_at(&retimed, BODY.as_bytes(), at(TIMESTAMP)), Err(Refusal::Mismatch));
}

#[test]
fn a_timestamp_more_than_5_minutes_away_either_way_is_stale() {
    let verifier = Verifier::new(SECRET);
    let body = BODY.as_bytes();
    assert_eq!(verifier.verify_at(&slacks_example(), body, at(TIMESTAMP + 300)), Ok(()));
    let replayed = verifier.verify_at(&slacks_example(), body, at(TIMESTAMP + 301));
    let allowed = Duration::from_secs(300);
    assert_eq!(replayed, Err(Refusal::Stale { distance: Duration::from_secs(301), allowed }));
    let from_the_future = verifier.verify_at(&slacks_example(), body, at(TIMESTAMP - 301));
    assert!(matches!(from_the_future, Err(Refusal::Stale { .. })), "{from_the_future:?}");
    let patient = Verifier::new(SECRET).max_age(Duration::from_secs(3600));
    assert_eq!(patient.verify_at(&slacks_example(), body, at(TIMESTAMP + 301)), Ok(()));
}

#[test]
fn missing_and_malformed_headers_are_refused_with_their_reason() {
    let verifier = Verifier::new(SECRET);
    let body = BODY.as_bytes();
    let now = at(TIMESTAMP);
    let check = |headers: HeaderMap| verifier.verify_at(&headers, body, now);

    assert_eq!(check(HeaderMap::new()), Err(Refusal::NoTimestamp));
    let mut only_timestamp = HeaderMap::new();
    only_timestamp.insert(TIMESTAMP_HEADER, HeaderValue::from_static("1531420618"));
    assert_eq!(check(only_timestamp), Err(Refusal::NoSignature));
    assert_eq!(check(headers("yesterday", SIGNATURE)), Err(Refusal::MalformedTimestamp));
    assert_eq!(check(headers("-5", SIGNATURE)), Err(Refusal::MalformedTimestamp));
    let ts = TIMESTAMP.to_string();
    assert_eq!(check(headers(&ts, &SIGNATURE.replace("v0=", "v1="))), Err(Refusal::MalformedSignature));
    assert_eq!(check(headers(&ts, "v0=abcd")), Err(Refusal::MalformedSignature));
    assert_eq!(check(headers(&ts, &SIGNATURE.replace('a', "z"))), Err(Refusal::MalformedSignature));
    let mut not_text = slacks_example();
    not_text.insert(SIGNATURE_HEADER, HeaderValue::from_bytes(b"v0=\xff").expect("opaque bytes"));
    assert_eq!(check(not_text), Err(Refusal::MalformedSignature));
}

#[test]
fn the_signing_secret_never_shows() {
    let verifier = Verifier::new(SECRET);
    let debug = format!("{verifier:?}");
    assert!(!debug.contains(SECRET) && debug.contains("<redacted>"), "{debug}");
    let refusal = verifier.verify_at(&slacks_example(), b"x", at(TIMESTAMP)).unwrap_err();
    assert!(!refusal.to_string().contains(SECRET));
}

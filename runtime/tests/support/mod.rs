//! What the runtime's integration tests share: the fake Slack set up for the
//! hand-written methods, an in-memory transport for tests on paused time, methods shaped
//! like the generated ones, and a log capture.

// Each test binary uses part of this module.
#![allow(dead_code)]

pub mod fake;
pub mod logs;
pub mod methods;
pub mod redis_server;
pub mod scripted_transport;

use typed_slack_runtime::Token;

/// The token every test uses; no test output may contain its secret part.
pub const SECRET: &str = "xoxp-1234-5678-TOPSECRET";

pub fn token() -> Token {
    Token::new(SECRET).expect("the test token is well-formed")
}

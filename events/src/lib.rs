//! Receiving what Slack sends an app, without the Web API client.
//!
//! [`Verifier`] checks that a request (an Events API delivery, a slash command, an
//! interaction) comes from Slack before anything of its body is read:
//!
//! ```
//! use typed_slack_events::{Refusal, Verifier};
//!
//! fn handle(verifier: &Verifier, headers: &http::HeaderMap, body: &[u8]) -> Result<(), Refusal> {
//!     verifier.verify(headers, body)?;
//!     // The body is Slack's: parse it.
//!     Ok(())
//! }
//! ```

mod verify;

pub use verify::{Refusal, SIGNATURE_HEADER, TIMESTAMP_HEADER, Verifier};

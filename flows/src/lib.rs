//! The multi-step flows Slack apps need, on top of `typed-slack`.
//!
//! - [`ReplyStream`]: a streamed reply for AI apps.
//! - [`oauth`]: installing the app with OAuth v2, and keeping its installations.

pub mod oauth;
mod stream;

pub use stream::ReplyStream;

//! The multi-step flows Slack apps need, on top of `typed-slack`.
//!
//! - [`ReplyStream`]: a streamed reply for AI apps.
//! - [`oauth`]: installing the app with OAuth v2, and keeping its installations.
//! - [`upload`]: uploading files, several at once, streamed from memory, a path or a
//!   reader.

pub mod oauth;
mod stream;
pub mod upload;

pub use stream::ReplyStream;

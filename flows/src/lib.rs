//! The multi-step flows Slack apps need, on top of `typed-slack`.
//!
//! - [`ReplyStream`]: a streamed reply for AI apps.

mod stream;

pub use stream::ReplyStream;

//! The runtime behind [`slack-api`](https://docs.rs/slack-api): everything that is the
//! same for every Slack Web API method.
//!
//! Generated code describes each method by implementing [`Method`] on its request type:
//! the facts of the method (name, HTTP method, content types, rate tier, scopes,
//! lifecycle) as constants, and its response, error and warning types as associated
//! types. The runtime never names a single method.

#![deny(missing_docs)]

mod args;
mod code;
mod facts;
mod method;
pub mod types;

pub use args::{ArgWriter, FormArgs, JsonArgs};
pub use code::{Code, UnknownCode};
pub use facts::{ContentType, HttpMethod, Lifecycle, RateTier, Scopes};
pub use method::{Method, MethodResponse};

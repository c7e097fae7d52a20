//! A fake Slack Web API server for tests, driven by the same spec as the client.
//!
//! [`FakeSlack`] listens on 127.0.0.1 and answers every method it is given (from
//! `typed_slack::catalog()`, as [`MethodInfo`](typed_slack_runtime::MethodInfo)s) the way
//! Slack does: it checks each request, answers what the test scripted, else plays the
//! method on its workspace, else answers the method's documented example; and records
//! the request for assertions (the latest 1,000, each body cut to 64 KiB:
//! [`RecordLimits`]).
//!
//! - **A workspace with state** ([`Seed`]): a team, people, a bot, channels, messages
//!   and threads, reactions, pins, files, bookmarks, user groups and reminders. The
//!   methods of [`played_methods`] read and change it as Slack does: a post shows in
//!   `conversations.history` with a fresh `ts`, `conversations.create` makes a channel
//!   `conversations.list` pages through with real cursors, and so on. Seed it from Rust
//!   ([`FakeSlackBuilder::seed`]) or JSON ([`Seed::from_json`]).
//! - **Files**: `files.getUploadURLExternal` gives an upload URL on the fake itself, the
//!   bytes posted there are kept, and `files.completeUploadExternal` shares them; a
//!   file's `url_private` serves them back to a request with a token.
//! - **A control API** over HTTP, for tests in any language, under `/_fake/`: script
//!   answers, seed, reset, read the state and the requests. See the README.
//!
//! ```
//! use typed_slack::{AppsPermissionsUsersRequest, AppsPermissionsUsersRequestError as Error};
//! use typed_slack::runtime::{CallError, Token};
//! use typed_slack_fake::FakeSlack;
//!
//! # #[allow(deprecated)]
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let slack = FakeSlack::builder().methods(typed_slack::catalog()).start().await?;
//! let client = slack.client(Token::new(FakeSlack::USER_TOKEN)?).build()?;
//! let request = || AppsPermissionsUsersRequest::new(["chat:write"], "123.456.abc", "U0DJ9S1Q8");
//!
//! slack.on::<AppsPermissionsUsersRequest>().fail(Error::InvalidUser);
//! assert_eq!(client.call(request()).await.unwrap_err().code(), Some(&Error::InvalidUser));
//! client.call(request()).await?; // nothing scripted: the sample response
//!
//! let requests = slack.requests_to::<AppsPermissionsUsersRequest>();
//! assert_eq!(requests.len(), 2);
//! assert_eq!(requests[1].arguments().text("user"), Some("U0DJ9S1Q8"));
//! # Ok(())
//! # }
//! ```
//!
//! # What is checked, in order
//!
//! | Request | Answer |
//! | --- | --- |
//! | a method the fake does not serve | `unknown_method`, with the method in `req_method` |
//! | no `Authorization: Bearer` header and no `token` field in a form body | `not_authed` |
//! | a token the fake does not accept ([`FakeSlackBuilder::token`]) | `invalid_auth` |
//! | a bot token for a method that documents only user tokens | `is_bot` if the method's own page documents it (the common set's `is_bot` is for legacy bots), else `not_allowed_token_type` |
//! | a user token for a method that documents only bot tokens | `not_allowed_token_type` |
//! | more calls with this token than the method's tier allows, when [`RateLimits`] are on | HTTP 429 with `Retry-After` |
//! | a body without `Content-Type` | `missing_post_type` |
//! | a `Content-Type` other than form, JSON, multipart or `text/plain` | `invalid_post_type` |
//! | a `charset` other than `utf-8` and `iso-8859-1` | `invalid_charset` |
//! | a form (or query string) that does not parse | `invalid_form_data` |
//! | a JSON body that does not parse, or is not an object | `invalid_json`, `json_not_object` |
//! | an argument named like an array (`users[]`) | `invalid_array_arg` |
//! | an argument name with characters other than `A-Z a-z 0-9 _`, or over 100 long | `invalid_arg_name` |
//! | a required argument absent or empty | `invalid_arguments`, with `[ERROR] missing required field: NAME` in `response_metadata.messages` |
//!
//! Errors come with HTTP 200, as Slack's do. Arguments the method does not know are
//! accepted, as Slack ignores them. A JSON body to a method that does not accept JSON is
//! ignored, as Slack ignores it: its arguments are not read, so a required one is
//! reported missing. A `charset` on a form body earns the warning `superfluous_charset`,
//! and its absence on a JSON or `text/plain` body `missing_charset`, in the answer's
//! `warning` and `response_metadata.warnings`, as Slack sends them.
//!
//! Tokens are read from the `Authorization: Bearer` header, or else from a form body's
//! `token` field (unless the method's spec lists a `token` argument of its own, as
//! `oauth.v2.exchange` does); never from a JSON body or the query string, as Slack does
//! not (for apps created since 2021). No token shows in a recorded request's `Debug` output or in
//! the fake's log lines.
//!
//! # Testing on a paused clock
//!
//! Delays and rate limits run on tokio's clock. With a paused clock, use
//! [`FakeSlack::transport`], which reaches the fake without a socket, so a minute of
//! rate-limited calls takes no time at all.

#![deny(missing_docs)]

mod answer;
mod arguments;
pub mod behaviours;
mod body;
mod builder;
mod control;
mod fake_slack;
mod files;
mod handler;
mod log;
mod rate_limit;
mod record;
mod reply;
mod script;
mod serve;
mod state;
#[cfg(test)]
mod testing;
mod tokens;
mod transport;
mod validate;
mod workspace;

pub use arguments::Arguments;
pub use behaviours::{Behaviour, Call};
pub use builder::FakeSlackBuilder;
pub use fake_slack::FakeSlack;
pub use log::RecordLimits;
pub use rate_limit::RateLimits;
pub use record::Request;
pub use reply::Reply;
pub use script::Script;
pub use tokens::{TokenKind, TokenSource};
pub use transport::InProcessTransport;
pub use workspace::seed;
pub use workspace::seed::Seed;

/// The methods the fake's workspace plays: they read and change it as Slack does (see
/// [`Seed`]). The other methods answer their spec's example.
pub fn played_methods() -> impl Iterator<Item = &'static str> {
    workspace::played_methods()
}

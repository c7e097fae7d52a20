//! The runtime behind [`typed-slack`](https://docs.rs/typed-slack): everything that is the
//! same for every Slack Web API method.
//!
//! Generated code describes each method by implementing [`Method`] on its request type:
//! the facts of the method (name, HTTP method, content types, rate tier, scopes,
//! lifecycle) as constants, and its response, error and warning types as associated
//! types. The runtime never names a single method.
//!
//! [`Client`] calls any such method:
//!
//! ```no_run
//! use typed_slack_runtime::{CallError, Client, Method, Token};
//!
//! async fn call<M: Method>(request: M) -> Result<M::Response, Box<dyn std::error::Error>>
//! where
//!     M: 'static,
//! {
//!     let client = Client::new(Token::from_env("SLACK_TOKEN")?);
//!     match client.call(request).await {
//!         Ok(response) => Ok(response),
//!         Err(CallError::Method(error)) => Err(format!("Slack answered {}", error.code).into()),
//!         Err(error) => Err(error.into()),
//!     }
//! }
//! ```
//!
//! - The token goes only into the `Authorization: Bearer` header; [`Token`] redacts
//!   itself in `Debug` and `Display`.
//! - Every call is a `POST` with a form body, or a JSON body for methods that accept one
//!   when [`BodyEncoding::JsonWhereAccepted`] is chosen (see [`BodyEncoding`]).
//! - A call succeeds with the typed response, warnings attached, or fails with a
//!   [`CallError`] that tells Slack's `"ok": false` answer from rate limits, HTTP errors,
//!   transport failures and undecodable bodies.
//! - [`RetryPolicy`] retries rate limits and failed connections by default; [`Pacing`]
//!   spaces calls by rate tier when enabled.
//! - [`Transport`] is the seam to another HTTP client; the default is
//!   `ReqwestTransport` (feature `reqwest`, on by default).

#![deny(missing_docs)]

mod args;
mod base_url;
mod builder;
mod catalog;
mod client;
mod code;
mod common;
#[doc(hidden)]
pub mod de;
mod decode;
mod encoding;
mod error;
mod excerpt;
mod facts;
mod jitter;
mod method;
mod pacing;
mod pages;
#[cfg(feature = "reqwest")]
mod reqwest_transport;
mod retry;
mod token;
mod transport;
pub mod types;

pub use args::{ArgResult, ArgText, ArgValue, ArgWriter, FormArgs, JsonArgs};
pub use base_url::{BaseUrl, BaseUrlError};
pub use builder::{BuildError, ClientBuilder};
pub use catalog::MethodInfo;
pub use client::Client;
pub use code::{Code, CommonCode, CommonOnly, Documented, UnknownCode, decode_other, display_code};
pub use common::{CommonError, CommonWarning, MAX_ARGUMENT_NAME_LEN};
pub use decode::decode_answer;
pub use encoding::BodyEncoding;
pub use error::{CallError, DecodeError, HttpError, MethodError, RateLimited, RequestError};
pub use facts::{Argument, ContentType, HttpMethod, Lifecycle, RateTier, Scopes};
/// The `http` crate, whose request and response types a [`Transport`] exchanges.
pub use http;
pub use method::{Catalogued, Method, MethodResponse, Paginated};
pub use pacing::Pacing;
pub use pages::Pages;
#[cfg(feature = "reqwest")]
pub use reqwest_transport::ReqwestTransport;
pub use retry::RetryPolicy;
pub use token::{Token, TokenError};
pub use transport::{Transport, TransportError, TransportErrorKind, TransportFuture};

//! What the spec says of a method, as one value: for tools that handle any method by
//! its facts, such as a fake Slack server.

use crate::{Argument, Code, ContentType, HttpMethod, Lifecycle, Method, RateTier, Scopes};

/// The facts of one method, gathered from its [`Method`] implementation.
///
/// The generated crate lists every method compiled in with `typed_slack::catalog()`.
#[derive(Clone, Copy)]
#[non_exhaustive]
pub struct MethodInfo {
    /// The method name: `chat.postMessage`.
    pub name: &'static str,
    /// The HTTP method Slack's documentation prefers.
    pub http_method: HttpMethod,
    /// The request encodings the method accepts.
    pub content_types: &'static [ContentType],
    /// Whether it accepts a JSON body.
    pub accepts_json: bool,
    /// Its rate-limit tier.
    pub rate_tier: RateTier,
    /// The token types it works with and their scopes.
    pub scopes: Scopes,
    /// Whether it is still supported.
    pub lifecycle: Lifecycle,
    /// Whether it is called with a token.
    pub authenticated: bool,
    /// Its arguments, the token excluded.
    pub arguments: &'static [Argument],
    /// The error codes the spec documents for it.
    pub errors: &'static [&'static str],
    /// The warning codes the spec documents for it.
    pub warnings: &'static [&'static str],
    /// A success answer with a placeholder for every required field.
    pub sample_response: &'static str,
    /// Checks that a success answer's JSON body decodes into the method's response
    /// type, saying why not when it does not.
    pub check_response: fn(&str) -> Result<(), String>,
}

impl std::fmt::Debug for MethodInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MethodInfo")
            .field("name", &self.name)
            .field("http_method", &self.http_method)
            .field("accepts_json", &self.accepts_json)
            .field("rate_tier", &self.rate_tier)
            .field("authenticated", &self.authenticated)
            .field("arguments", &self.arguments.len())
            .finish_non_exhaustive()
    }
}

/// Whether `body` decodes into `M`'s response type.
fn check_response<M: Method>(body: &str) -> Result<(), String> {
    serde_json::from_str::<M::Response>(body).map(drop).map_err(|error| format!("{}: {error}", M::NAME))
}

impl MethodInfo {
    /// The facts of `M`.
    pub const fn of<M: Method>() -> Self {
        Self {
            name: M::NAME,
            http_method: M::HTTP_METHOD,
            content_types: M::CONTENT_TYPES,
            accepts_json: M::ACCEPTS_JSON,
            rate_tier: M::RATE_TIER,
            scopes: M::SCOPES,
            lifecycle: M::LIFECYCLE,
            authenticated: M::AUTHENTICATED,
            arguments: M::ARGUMENTS,
            errors: <M::Error as Code>::DOCUMENTED,
            warnings: <M::Warning as Code>::DOCUMENTED,
            sample_response: M::SAMPLE_RESPONSE,
            check_response: check_response::<M>,
        }
    }

    /// The argument named `name`, if the method takes one.
    pub fn argument(&self, name: &str) -> Option<&'static Argument> {
        self.arguments.iter().find(|argument| argument.name == name)
    }
}

//! What the spec says of a method, as one value: for tools that handle any method by
//! its facts, such as a fake Slack server.

use crate::coverage::Coverage;
use crate::limits::RateLimitFacts;
use crate::{Argument, Catalogued, Code, ContentType, Documented, HttpMethod, Lifecycle, Method, RateTier, Scopes};

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
    /// Its limits beside the tier: per channel, and for apps off the Marketplace.
    pub rate_limits: RateLimitFacts,
    /// The token types it works with and their scopes.
    pub scopes: Scopes,
    /// Whether it is still supported.
    pub lifecycle: Lifecycle,
    /// Whether it is called with a token.
    pub authenticated: bool,
    /// Its arguments, the token excluded.
    pub arguments: &'static [Argument],
    /// Every error code the spec documents for it, common ones included.
    pub errors: fn() -> Vec<Documented>,
    /// The error codes the method documents itself (its own, and the common ones it
    /// describes in its own words), without the common set every method shares.
    pub own_errors: &'static [Documented],
    /// Every warning code the spec documents for it, common ones included.
    pub warnings: fn() -> Vec<Documented>,
    /// A success answer with a placeholder for every required field.
    pub sample_response: &'static str,
    /// The success answers the method's documentation shows, in JSON.
    pub success_examples: &'static [&'static str],
    /// Checks that a success answer's JSON body decodes into the method's response
    /// type, saying why not when it does not.
    pub check_response: fn(&str) -> Result<(), String>,
    /// Decodes a success answer's JSON body into the method's response type and
    /// serializes it back: what a lossless decoder gives back unchanged.
    pub reencode: fn(&str) -> Result<serde_json::Value, String>,
    /// Decodes a success answer's JSON body into the method's response type, and counts
    /// how many of its leaf values typed fields hold rather than raw JSON.
    pub coverage: fn(&str) -> Result<Coverage, String>,
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

/// Every code of `C`, common ones included.
fn all_documented<C: Code>() -> Vec<Documented> {
    C::all_documented().collect()
}

/// `body` decoded into `M`'s response type; the error names the method.
fn decode<M: Method>(body: &str) -> Result<M::Response, String> {
    serde_json::from_str::<M::Response>(body).map_err(|error| format!("{}: {error}", M::NAME))
}

/// Whether `body` decodes into `M`'s response type.
fn check_response<M: Method>(body: &str) -> Result<(), String> {
    decode::<M>(body).map(drop)
}

/// `body` decoded into `M`'s response type, and serialized back.
fn reencode<M: Method>(body: &str) -> Result<serde_json::Value, String> {
    serde_json::to_value(decode::<M>(body)?).map_err(|error| format!("{}: {error}", M::NAME))
}

/// The coverage of `body` decoded into `M`'s response type.
fn coverage<M: Method>(body: &str) -> Result<Coverage, String> {
    Ok(crate::coverage::count(&decode::<M>(body)?))
}

impl MethodInfo {
    /// The facts of `M`.
    pub const fn of<M: Catalogued>() -> Self {
        Self {
            name: M::NAME,
            http_method: M::HTTP_METHOD,
            content_types: M::CONTENT_TYPES,
            accepts_json: ContentType::includes_json(M::CONTENT_TYPES),
            rate_tier: M::RATE_TIER,
            rate_limits: M::RATE_LIMITS,
            scopes: M::SCOPES,
            lifecycle: M::LIFECYCLE,
            authenticated: M::AUTHENTICATED,
            arguments: M::ARGUMENTS,
            errors: all_documented::<M::Error>,
            own_errors: <M::Error as Code>::DOCUMENTED,
            warnings: all_documented::<M::Warning>,
            sample_response: M::SAMPLE_RESPONSE,
            success_examples: M::SUCCESS_EXAMPLES,
            check_response: check_response::<M>,
            reencode: reencode::<M>,
            coverage: coverage::<M>,
        }
    }

    /// Whether the spec documents the error `code` for the method (common codes
    /// included).
    pub fn documents_error(&self, code: &str) -> bool {
        (self.errors)().iter().any(|documented| documented.code == code)
    }

    /// Whether the method's own page documents the error `code`, beside the common set
    /// every method shares.
    pub fn documents_own_error(&self, code: &str) -> bool {
        self.own_errors.iter().any(|documented| documented.code == code)
    }

    /// The argument named `name`, if the method takes one.
    pub fn argument(&self, name: &str) -> Option<&'static Argument> {
        self.arguments.iter().find(|argument| argument.name == name)
    }
}

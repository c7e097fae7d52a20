//! The contract between generated code and the runtime.

use serde::de::DeserializeOwned;

use crate::limits::RateLimitFacts;
use crate::types::Cursor;
use crate::validate::Check;
use crate::{
    ArgWriter, Argument, Code, CommonError, CommonWarning, ContentType, HttpMethod, Lifecycle, RateTier, Scopes,
};

/// A Slack Web API method, implemented by each generated request type.
///
/// The constants are the facts from the method's spec; the associated types are what a
/// call can answer. The runtime sends any `Method` without knowing which one it is.
///
/// A method the spec does not have yet can be typed by hand, and called like any other
/// (or called untyped: [`Client::call_untyped`](crate::Client::call_untyped)):
///
/// ```
/// use serde::{Deserialize, Serialize};
/// use typed_slack_runtime::{
///     ArgResult, ArgWriter, CommonError, CommonOnly, CommonWarning, ContentType, HttpMethod, Lifecycle, Method,
///     RateTier, Scopes,
/// };
///
/// /// `conversations.newThing`, which Slack added yesterday.
/// #[derive(Debug, Clone)]
/// struct NewThing {
///     channel: String,
/// }
///
/// #[derive(Debug, Serialize, Deserialize)]
/// struct NewThingResponse {
///     thing: Option<String>,
///     #[serde(skip)]
///     warnings: Vec<CommonOnly<CommonWarning>>,
/// }
///
/// typed_slack_runtime::method_response!(NewThingResponse, CommonOnly<CommonWarning>);
///
/// impl Method for NewThing {
///     const NAME: &'static str = "conversations.newThing";
///     const HTTP_METHOD: HttpMethod = HttpMethod::Post;
///     const CONTENT_TYPES: &'static [ContentType] = &[ContentType::FormUrlEncoded];
///     const RATE_TIER: RateTier = RateTier::Tier3;
///     const SCOPES: Scopes = Scopes::same(&["channels:read"]);
///     const LIFECYCLE: Lifecycle = Lifecycle::Stable;
///     const AUTHENTICATED: bool = true;
///
///     type Response = NewThingResponse;
///     type Error = CommonOnly<CommonError>;
///     type Warning = CommonOnly<CommonWarning>;
///
///     fn write_args<W: ArgWriter>(&self, args: &mut W) -> ArgResult {
///         args.text("channel", &self.channel);
///         Ok(())
///     }
/// }
/// ```
pub trait Method {
    /// The method name, as in the URL: `apps.permissions.users.request`.
    const NAME: &'static str;
    /// The HTTP method Slack's documentation prefers.
    const HTTP_METHOD: HttpMethod;
    /// The request encodings the method accepts.
    const CONTENT_TYPES: &'static [ContentType];
    /// The rate-limit tier.
    const RATE_TIER: RateTier;
    /// The scopes required, per token type.
    const SCOPES: Scopes;
    /// Whether the method is still supported.
    const LIFECYCLE: Lifecycle;
    /// Whether the method is called with a token (its spec lists a `token` argument);
    /// a few, such as `oauth.v2.access`, are called with the app's credentials instead.
    const AUTHENTICATED: bool;
    /// Slack's limits beside the tier, from the spec: per channel, and for apps off the
    /// Marketplace. None by default.
    const RATE_LIMITS: RateLimitFacts = RateLimitFacts::NONE;

    /// What a successful call (`"ok": true`) answers.
    type Response: MethodResponse<Warning = Self::Warning> + DeserializeOwned + serde::Serialize;
    /// The error codes a failed call (`"ok": false`) can answer.
    type Error: Code<Common = CommonError>;
    /// The warning codes any call can answer beside its result.
    type Warning: Code<Common = CommonWarning>;

    /// Writes the arguments that are set, by their wire names. The token is not an
    /// argument: the client sends it in the `Authorization` header.
    ///
    /// # Errors
    ///
    /// When a JSON-encoded argument fails to serialize.
    fn write_args<W: ArgWriter>(&self, args: &mut W) -> Result<(), serde_json::Error>;

    /// Notes into `check` the limits of Slack's that the arguments break (too many
    /// blocks, a button's text too long): the client checks them before it sends, and
    /// [`validate::request`](crate::validate::request) on its own. Generated for the
    /// methods with such limits; none by default.
    fn check_limits(&self, check: &mut Check<'_>) {
        let _ = check;
    }

    /// The channel the call counts against, for a method Slack limits per channel
    /// ([`RateLimitFacts::per_channel`]); `None` by default.
    fn limit_channel(&self) -> Option<&str> {
        None
    }
}

/// What tools that serve any method by its spec need beside the [`Method`] facts,
/// such as the fake Slack (`typed-slack-fake`): the argument list and a sample answer.
/// Generated for every method; a method of your own needs it only to be served by the
/// fake.
pub trait Catalogued: Method {
    /// The arguments, the token excluded, in spec order.
    const ARGUMENTS: &'static [Argument];
    /// A success answer in JSON, with a placeholder for every required field of the
    /// response: what a fake server answers when a test scripts nothing else.
    const SAMPLE_RESPONSE: &'static str;
    /// The success answers the method's documentation shows, in JSON.
    const SUCCESS_EXAMPLES: &'static [&'static str] = &[];
}

/// A successful answer, which can carry the warnings Slack sent with it.
pub trait MethodResponse {
    /// The method's warning codes.
    type Warning: Code;

    /// The warnings that came with the answer.
    fn warnings(&self) -> &[Self::Warning];

    /// Attaches the warnings decoded from the answer's `warning` and
    /// `response_metadata.warnings` fields.
    fn set_warnings(&mut self, warnings: Vec<Self::Warning>);
}

/// Implements [`MethodResponse`] for a generated response type whose `warnings` field
/// holds its method's warnings.
///
/// ```ignore
/// typed_slack_runtime::method_response!(ChatPostMessageResponse, ChatPostMessageWarning);
/// ```
#[macro_export]
macro_rules! method_response {
    ($response:ident, $warning:ty) => {
        impl $crate::MethodResponse for $response {
            type Warning = $warning;

            #[inline]
            fn warnings(&self) -> &[$warning] {
                &self.warnings
            }

            #[inline]
            fn set_warnings(&mut self, warnings: ::std::vec::Vec<$warning>) {
                self.warnings = warnings;
            }
        }
    };
}

/// A method that answers in pages: it takes a `cursor` argument and answers the next
/// one in `response_metadata.next_cursor`.
pub trait Paginated: Method + Clone {
    /// Asks for the page that starts at `cursor`.
    fn set_cursor(&mut self, cursor: Cursor);

    /// Where the next page starts, or `None` on the last page.
    fn next_cursor(response: &Self::Response) -> Option<&Cursor>;
}

//! Methods written by hand in the shape the generator gives them, so the runtime's tests
//! need no generated code: a form-only method like `apps.permissions.users.request`, and
//! a JSON-accepting method with a typed answer like `chat.postMessage`.

use std::fmt;

use serde::{Deserialize, Serialize, Serializer};
use typed_slack_runtime::limits::{Quota, RateLimitFacts};
use typed_slack_runtime::types::{ChannelId, Timestamp, TriggerId, UserId};
use typed_slack_runtime::{
    ArgWriter, Catalogued, Code, CommonError, CommonWarning, ContentType, Documented, HttpMethod, Lifecycle, Method,
    MethodResponse, RateTier, Scopes, UnknownCode,
};

/// `apps.permissions.users.request`: form only, Tier 2, answers nothing but `ok`.
#[derive(Debug, Clone)]
pub struct PermissionsRequest {
    pub scopes: Vec<String>,
    pub trigger_id: TriggerId,
    pub user: UserId,
}

impl PermissionsRequest {
    /// The request the page's example describes.
    pub fn example() -> Self {
        Self {
            scopes: vec!["a".to_owned(), "b".to_owned()],
            trigger_id: TriggerId::new("27082968880.6048553856.5eb9c671f75c636135fdb6bb9e87b606"),
            user: UserId::new("U0DJ9S1Q8"),
        }
    }
}

impl Method for PermissionsRequest {
    const NAME: &'static str = "apps.permissions.users.request";
    const HTTP_METHOD: HttpMethod = HttpMethod::Get;
    const CONTENT_TYPES: &'static [ContentType] = &[ContentType::FormUrlEncoded];
    const RATE_TIER: RateTier = RateTier::Tier2;
    const SCOPES: Scopes = Scopes::UNDOCUMENTED;
    const LIFECYCLE: Lifecycle = Lifecycle::Stable;
    const AUTHENTICATED: bool = true;
    type Response = EmptyResponse;
    type Error = TestError;
    type Warning = TestWarning;

    fn write_args<W: ArgWriter>(&self, args: &mut W) -> Result<(), serde_json::Error> {
        args.comma_list("scopes", &self.scopes);
        args.text("trigger_id", self.trigger_id.as_str());
        args.text("user", self.user.as_str());
        Ok(())
    }
}

impl Catalogued for PermissionsRequest {
    const ARGUMENTS: &'static [typed_slack_runtime::Argument] = &[];
    const SAMPLE_RESPONSE: &'static str = r#"{"ok": true}"#;
}

/// An answer with nothing but `ok`.
#[derive(Debug, Clone, PartialEq, Deserialize, serde::Serialize)]
#[non_exhaustive]
pub struct EmptyResponse {
    #[serde(skip)]
    pub warnings: Vec<TestWarning>,
}

impl MethodResponse for EmptyResponse {
    type Warning = TestWarning;

    fn warnings(&self) -> &[TestWarning] {
        &self.warnings
    }

    fn set_warnings(&mut self, warnings: Vec<TestWarning>) {
        self.warnings = warnings;
    }
}

/// `chat.postMessage`: accepts JSON, special rate limits, answers `channel` and `ts`.
#[derive(Debug, Clone)]
pub struct PostMessage {
    pub channel: ChannelId,
    pub text: String,
    /// Optional: not sent when unset.
    pub blocks: Option<Blocks>,
}

impl PostMessage {
    pub fn new(channel: &str, text: &str) -> Self {
        Self { channel: ChannelId::new(channel), text: text.to_owned(), blocks: None }
    }
}

/// A JSON-encoded argument, which can be made to fail to serialize.
#[derive(Debug, Clone)]
pub enum Blocks {
    Json(serde_json::Value),
    Unserializable,
}

impl Serialize for Blocks {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Json(value) => value.serialize(serializer),
            Self::Unserializable => Err(serde::ser::Error::custom("these blocks never serialize")),
        }
    }
}

impl Method for PostMessage {
    const NAME: &'static str = "chat.postMessage";
    const HTTP_METHOD: HttpMethod = HttpMethod::Post;
    const CONTENT_TYPES: &'static [ContentType] = &[ContentType::FormUrlEncoded, ContentType::Json];
    const RATE_TIER: RateTier = RateTier::Special;
    const SCOPES: Scopes = Scopes { bot: Some(&["chat:write"]), user: Some(&["chat:write"]) };
    const LIFECYCLE: Lifecycle = Lifecycle::Stable;
    const AUTHENTICATED: bool = true;
    const RATE_LIMITS: RateLimitFacts =
        RateLimitFacts::NONE.per_channel(Quota::per_minute(60).with_burst(1), "channel");
    type Response = PostMessageResponse;
    type Error = TestError;
    type Warning = TestWarning;

    fn write_args<W: ArgWriter>(&self, args: &mut W) -> Result<(), serde_json::Error> {
        args.text("channel", self.channel.as_str());
        args.text("text", &self.text);
        if let Some(blocks) = &self.blocks {
            args.json("blocks", blocks)?;
        }
        Ok(())
    }

    fn limit_channel(&self) -> Option<&str> {
        Some(self.channel.as_str())
    }
}

impl Catalogued for PostMessage {
    const ARGUMENTS: &'static [typed_slack_runtime::Argument] = &[];
    const SAMPLE_RESPONSE: &'static str = r#"{"ok": true}"#;
}

/// The answer of `chat.postMessage`.
#[derive(Debug, Clone, PartialEq, Deserialize, serde::Serialize)]
#[non_exhaustive]
pub struct PostMessageResponse {
    pub channel: ChannelId,
    pub ts: Timestamp,
    #[serde(skip)]
    pub warnings: Vec<TestWarning>,
}

impl MethodResponse for PostMessageResponse {
    type Warning = TestWarning;

    fn warnings(&self) -> &[TestWarning] {
        &self.warnings
    }

    fn set_warnings(&mut self, warnings: Vec<TestWarning>) {
        self.warnings = warnings;
    }
}

/// A few documented error codes, and the rest kept.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TestError {
    InvalidTrigger,
    MissingScope,
    InternalError,
    Unknown(UnknownCode),
}

impl Code for TestError {
    type Common = CommonError;

    const DOCUMENTED: &'static [Documented] = &[
        Documented::new("invalid_trigger", "The provided `trigger_id` is invalid."),
        Documented::new("missing_scope", "The token used is not granted the specific scope permissions required."),
        Documented::new("internal_error", "The server could not complete your operation(s)."),
    ];

    const ANSWERS_COMMON: bool = false;

    fn from_code(code: &str) -> Self {
        match code {
            "invalid_trigger" => Self::InvalidTrigger,
            "missing_scope" => Self::MissingScope,
            "internal_error" => Self::InternalError,
            _ => Self::Unknown(UnknownCode::new(code)),
        }
    }

    fn code(&self) -> &str {
        match self {
            Self::InvalidTrigger => "invalid_trigger",
            Self::MissingScope => "missing_scope",
            Self::InternalError => "internal_error",
            Self::Unknown(code) => code.as_str(),
        }
    }
}

impl fmt::Display for TestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.description() {
            Some(description) => write!(f, "{}: {description}", self.code()),
            None => f.write_str(self.code()),
        }
    }
}

/// The documented warning codes, and the rest kept.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TestWarning {
    MissingCharset,
    SuperfluousCharset,
    Unknown(UnknownCode),
}

impl Code for TestWarning {
    type Common = CommonWarning;

    const DOCUMENTED: &'static [Documented] = &[
        Documented::new("missing_charset", "A charset was expected."),
        Documented::new("superfluous_charset", "A charset was not expected."),
    ];

    const ANSWERS_COMMON: bool = false;

    fn from_code(code: &str) -> Self {
        match code {
            "missing_charset" => Self::MissingCharset,
            "superfluous_charset" => Self::SuperfluousCharset,
            _ => Self::Unknown(UnknownCode::new(code)),
        }
    }

    fn code(&self) -> &str {
        match self {
            Self::MissingCharset => "missing_charset",
            Self::SuperfluousCharset => "superfluous_charset",
            Self::Unknown(code) => code.as_str(),
        }
    }
}

impl fmt::Display for TestWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// `conversations.list`-like: pages with `cursor` and `response_metadata.next_cursor`.
#[derive(Debug, Clone, Default)]
pub struct ListChannels {
    pub limit: Option<i64>,
    pub cursor: Option<typed_slack_runtime::types::Cursor>,
}

impl Method for ListChannels {
    const NAME: &'static str = "conversations.list";
    const HTTP_METHOD: HttpMethod = HttpMethod::Get;
    const CONTENT_TYPES: &'static [ContentType] = &[ContentType::FormUrlEncoded];
    const RATE_TIER: RateTier = RateTier::Tier2;
    const SCOPES: Scopes = Scopes::UNDOCUMENTED;
    const LIFECYCLE: Lifecycle = Lifecycle::Stable;
    const AUTHENTICATED: bool = true;
    // As conversations.history's: apps off the Marketplace get a call a minute, 15 items.
    const RATE_LIMITS: RateLimitFacts = RateLimitFacts::NONE.non_marketplace(Quota::per_minute(1), Some(15));
    type Response = ListChannelsResponse;
    type Error = TestError;
    type Warning = TestWarning;

    fn write_args<W: ArgWriter>(&self, args: &mut W) -> Result<(), serde_json::Error> {
        if let Some(limit) = self.limit {
            args.integer("limit", limit);
        }
        if let Some(cursor) = &self.cursor {
            args.text("cursor", cursor.as_str());
        }
        Ok(())
    }
}

impl Catalogued for ListChannels {
    const ARGUMENTS: &'static [typed_slack_runtime::Argument] = &[];
    const SAMPLE_RESPONSE: &'static str = r#"{"ok": true}"#;
}

impl typed_slack_runtime::Paginated for ListChannels {
    fn set_cursor(&mut self, cursor: typed_slack_runtime::types::Cursor) {
        self.cursor = Some(cursor);
    }

    fn next_cursor(response: &ListChannelsResponse) -> Option<&typed_slack_runtime::types::Cursor> {
        response.response_metadata.as_ref()?.next_cursor()
    }
}

/// One page of channel IDs.
#[derive(Debug, Clone, PartialEq, Deserialize, serde::Serialize)]
#[non_exhaustive]
pub struct ListChannelsResponse {
    pub channels: Vec<ChannelId>,
    #[serde(default)]
    pub response_metadata: Option<typed_slack_runtime::types::ResponseMetadata>,
    #[serde(skip)]
    pub warnings: Vec<TestWarning>,
}

impl MethodResponse for ListChannelsResponse {
    type Warning = TestWarning;

    fn warnings(&self) -> &[TestWarning] {
        &self.warnings
    }

    fn set_warnings(&mut self, warnings: Vec<TestWarning>) {
        self.warnings = warnings;
    }
}

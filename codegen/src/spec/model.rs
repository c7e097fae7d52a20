//! The spec format, as serde types. `spec/README.md` documents it for people.
//!
//! These types only describe what a file may hold; [`crate::validate`] checks what
//! serde cannot (names, duplicates, cross-file references).

use schemars::JsonSchema;
use serde::Deserialize;

/// One Web API method: a file in `spec/methods/`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MethodSpec {
    /// The method name, as in the URL (`chat.postMessage`). The file is named after it.
    pub method: String,
    /// The method URL, `https://slack.com/api/` followed by the method name.
    pub url: String,
    /// The HTTP method Slack's page prefers.
    pub http_method: HttpMethod,
    /// The request encodings the method accepts.
    pub content_types: Vec<ContentType>,
    /// The rate-limit tier.
    pub rate_tier: RateTier,
    /// Token types that may call the method, with the scopes each needs.
    #[serde(default)]
    pub works_with: Vec<TokenScopes>,
    /// Whether the method is still supported.
    #[serde(default)]
    pub lifecycle: Lifecycle,
    /// One sentence: what the method does.
    pub summary: String,
    /// The method page's prose, in Markdown.
    #[serde(default)]
    pub description: String,
    /// Methods the page points to.
    #[serde(default)]
    pub related: Vec<String>,
    /// Shared sets (files in `spec/shared/`) whose errors and warnings the method can
    /// also return.
    #[serde(default)]
    pub include: Vec<String>,
    /// The arguments, in the page's order.
    #[serde(default)]
    pub arguments: Vec<ArgumentSpec>,
    /// The success response.
    #[serde(default)]
    pub response: ResponseSpec,
    /// The method's own error codes.
    #[serde(default)]
    pub errors: Vec<CodeSpec>,
    /// The method's own warning codes.
    #[serde(default)]
    pub warnings: Vec<CodeSpec>,
}

/// A set of errors and warnings shared by many methods: a file in `spec/shared/`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SharedSpec {
    /// The name methods include it by; the file is named after it.
    pub name: String,
    /// What the set is for.
    pub description: String,
    /// Its error codes.
    #[serde(default)]
    pub errors: Vec<CodeSpec>,
    /// Its warning codes.
    #[serde(default)]
    pub warnings: Vec<CodeSpec>,
}

/// The HTTP method a page prefers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum HttpMethod {
    /// `GET`.
    #[serde(rename = "GET")]
    Get,
    /// `POST`.
    #[serde(rename = "POST")]
    Post,
}

/// A request encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, JsonSchema)]
pub enum ContentType {
    /// `application/x-www-form-urlencoded`.
    #[serde(rename = "application/x-www-form-urlencoded")]
    FormUrlEncoded,
    /// `application/json`.
    #[serde(rename = "application/json")]
    Json,
    /// `multipart/form-data`.
    #[serde(rename = "multipart/form-data")]
    MultipartFormData,
}

impl ContentType {
    /// The media type as the spec writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::FormUrlEncoded => "application/x-www-form-urlencoded",
            Self::Json => "application/json",
            Self::MultipartFormData => "multipart/form-data",
        }
    }
}

/// A rate-limit tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RateTier {
    /// Tier 1: 1+ per minute.
    Tier1,
    /// Tier 2: 20+ per minute.
    Tier2,
    /// Tier 3: 50+ per minute.
    Tier3,
    /// Tier 4: 100+ per minute.
    Tier4,
    /// Special limits described on the page.
    Special,
}

/// A token type that may call the method and the scopes it needs.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenScopes {
    /// The token type.
    pub token_type: TokenType,
    /// The scopes required of that token type.
    #[serde(default)]
    pub scopes: Vec<String>,
}

/// A kind of Slack token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TokenType {
    /// A bot token (`xoxb-`).
    Bot,
    /// A user token (`xoxp-`).
    User,
}

/// Whether a method is still supported.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lifecycle {
    /// Its status.
    pub status: LifecycleStatus,
    /// Why, and what to use instead; required when deprecated.
    #[serde(default)]
    pub note: Option<String>,
}

/// A method's status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LifecycleStatus {
    /// Supported.
    #[default]
    Stable,
    /// Retired or being retired.
    Deprecated,
}

/// One argument of a method.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ArgumentSpec {
    /// The wire name.
    pub name: String,
    /// The value's type.
    #[serde(rename = "type")]
    pub ty: ValueType,
    /// Set when the argument is a list of values of `type`, and how it is sent.
    #[serde(default)]
    pub list: Option<ListStyle>,
    /// Whether a call must set it.
    #[serde(default)]
    pub required: bool,
    /// An example value, as the page shows it.
    #[serde(default)]
    pub example: Option<String>,
    /// The default Slack applies when the argument is not sent.
    #[serde(default)]
    pub default: Option<String>,
    /// What it does, in Markdown.
    pub description: String,
}

/// A field of a success response.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    /// The wire name.
    pub name: String,
    /// The value's type.
    #[serde(rename = "type")]
    pub ty: ValueType,
    /// Set when the field is a JSON array of values of `type`.
    #[serde(default)]
    pub list: Option<ListStyle>,
    /// Whether every success response has it.
    #[serde(default)]
    pub required: bool,
    /// What it holds, in Markdown.
    pub description: String,
}

/// The type of an argument or response field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ValueType {
    /// The authentication token. Never a field: the client sends it in a header.
    Token,
    /// Text.
    String,
    /// `true` or `false`.
    Boolean,
    /// A whole number.
    Integer,
    /// A floating-point number.
    Number,
    /// A message timestamp such as `1524523204.000192`.
    Timestamp,
    /// A pagination cursor.
    Cursor,
    /// A user ID.
    UserId,
    /// A channel ID.
    ChannelId,
    /// A workspace ID.
    TeamId,
    /// An Enterprise Grid organization ID.
    EnterpriseId,
    /// An app ID.
    AppId,
    /// A bot ID.
    BotId,
    /// A file ID.
    FileId,
    /// A user group ID.
    UsergroupId,
    /// A trigger ID from an interaction.
    TriggerId,
    /// Any JSON value (JSON-encoded arguments such as `blocks`, untyped response objects).
    Json,
}

/// How a list is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ListStyle {
    /// One text value, items joined with `,` (`scopes=a,b`).
    CommaSeparated,
    /// A JSON array (response fields).
    Array,
}

/// The success response of a method.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResponseSpec {
    /// Its fields beside `ok`, `warning` and `response_metadata`.
    #[serde(default)]
    pub fields: Vec<FieldSpec>,
    /// Example bodies from the page.
    #[serde(default)]
    pub examples: Vec<ExampleSpec>,
}

/// An example response body.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExampleSpec {
    /// What it shows.
    pub description: String,
    /// The JSON body.
    pub body: String,
}

/// An error or warning code and what it means.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CodeSpec {
    /// The code as Slack sends it.
    pub code: String,
    /// What it means, in Markdown.
    pub description: String,
}

//! The spec format, as serde types. `spec/README.md` documents it for people.
//!
//! These types only describe what a file may hold; [`crate::validate`] checks what
//! serde cannot (names, duplicates, cross-file references). They also serialize, so
//! that importers write spec files in the same shape (defaults left out).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One Web API method: a file in `spec/methods/`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
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
    /// Slack's limits beside the tier: per channel, and for apps off the Marketplace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limits: Option<RateLimitsSpec>,
    /// Token types that may call the method, with the scopes each needs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub works_with: Vec<TokenScopes>,
    /// Whether the method is still supported.
    #[serde(default, skip_serializing_if = "Lifecycle::is_stable")]
    pub lifecycle: Lifecycle,
    /// One sentence: what the method does.
    pub summary: String,
    /// The method page's prose, in Markdown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Methods the page points to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    /// Shared sets (files in `spec/shared/`) whose errors and warnings the method can
    /// also return.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
    /// The arguments, in the page's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub arguments: Vec<ArgumentSpec>,
    /// The success response.
    #[serde(default, skip_serializing_if = "ResponseSpec::is_empty")]
    pub response: ResponseSpec,
    /// The method's own error codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<CodeSpec>,
    /// The method's own warning codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<CodeSpec>,
    /// Where the file was imported from, and which of its values were edited by hand
    /// since, so that importing again keeps them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub import: Option<ImportSpec>,
}

/// A method's limits beside its tier, as Slack documents them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RateLimitsSpec {
    /// Where Slack says so, and in what words.
    pub source: String,
    /// A limit Slack counts for each channel apart, beside the method's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_channel: Option<ChannelLimitSpec>,
    /// The limit of commercially distributed apps that are not on the Marketplace, in
    /// place of the tier's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub non_marketplace: Option<CohortLimitSpec>,
}

/// A limit counted per channel.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChannelLimitSpec {
    /// The argument that names the channel.
    pub argument: String,
    /// Calls per minute in each channel, in the long run.
    pub calls_per_minute: u32,
    /// Calls at once in a channel after a quiet spell (default: `calls_per_minute`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub burst: Option<u32>,
}

/// A limit that depends on the kind of app.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CohortLimitSpec {
    /// Calls per minute, in the long run.
    pub calls_per_minute: u32,
    /// Calls at once after a quiet spell (default: `calls_per_minute`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub burst: Option<u32>,
    /// The most items a page holds (`limit` above it is answered with this many).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_limit: Option<u32>,
}

/// The provenance of an imported spec file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImportSpec {
    /// What it was imported from: `slack-api/methods/chat.postMessage.json`, or the
    /// saved doc page's file name.
    pub source: String,
    /// Paths of values edited by hand after the import (`summary`,
    /// `arguments.1.type`), which importing again keeps, each with why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hand_edited: Vec<HandEdit>,
}

/// One value of an imported spec that was edited by hand.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HandEdit {
    /// The path of the value, keys and list indices joined by `.` (`arguments.1.list`).
    pub path: String,
    /// Why the imported value was not right.
    pub reason: String,
}

/// A Slack object that many answers hold (a conversation, a user, a message): a file
/// in `spec/objects/`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ObjectSpec {
    /// Its name, as fields refer to it (`conversation`); the file is named after it.
    pub object: String,
    /// What it is, in Markdown.
    pub description: String,
    /// The JSON keys under which answers hold it (`channel`, `channels`): where the
    /// importer recognises it in Slack's recorded answers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keys: Vec<String>,
    /// For an object of several kinds (a Block Kit block): the field whose string value
    /// says which kind it is (`type`). Each kind is then one of `variants`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// Its fields, for an object of one kind.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldSpec>,
    /// Its kinds, for an object with a `tag`, in the order of their tag values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<VariantSpec>,
    /// For an object with a `tag` that Slack also sends without it (a message event
    /// without a `subtype`): the name of that kind (`plain`), whose fields are then
    /// `fields`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub untagged: Option<String>,
    /// The page of Slack's reference that documents the `limits` of its fields: where
    /// each limit comes from. Required when a field has limits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limits_source: Option<String>,
    /// The page of Slack's reference the object was written from, for an object written
    /// by hand (Block Kit): the importer then leaves its fields alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Named shortcuts to build it, each fixing fields with documented values
    /// (`TextObject::mrkdwn(text)` sets `type: mrkdwn`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub constructors: Vec<ConstructorSpec>,
    /// Whether it converts from a tuple of the fields its constructor takes (an option
    /// from `(text, value)`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub from_tuple: bool,
    /// Where it was imported from, and which values were edited by hand since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub import: Option<ImportSpec>,
}

/// A named shortcut to build an object: its constructor with some fields fixed.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConstructorSpec {
    /// The shortcut's name (`mrkdwn`), a function of the object's type.
    pub name: String,
    /// What it builds, in Markdown.
    pub description: String,
    /// The fields it fixes, each a required field with documented `values`, and the
    /// value it takes.
    pub sets: std::collections::BTreeMap<String, String>,
    /// Whether the object converts from the one field left (text) through it: a
    /// `From<&str>` and a `From<String>`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub from_text: bool,
}

/// One kind of an object with a `tag`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VariantSpec {
    /// The tag's value for this kind (`section`).
    pub tag: String,
    /// The name of the kind's type, in snake case (`section_block` is `SectionBlock`);
    /// by default the object's name and the tag (`block_section`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What this kind is, in Markdown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Its fields beside the tag.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldSpec>,
    /// The page of Slack's reference that documents the `limits` of its fields.
    /// Required when a field has limits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limits_source: Option<String>,
}

/// A set of errors and warnings shared by many methods: a file in `spec/shared/`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SharedSpec {
    /// The name methods include it by; the file is named after it.
    pub name: String,
    /// What the set is for.
    pub description: String,
    /// Its error codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<CodeSpec>,
    /// Its warning codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<CodeSpec>,
    /// Limits Slack applies to every call of the methods that include the set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limits: Option<Limits>,
}

/// Limits Slack applies to a call, whatever the method.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// The longest argument name Slack accepts, in bytes; it answers `invalid_arg_name`
    /// to longer ones. Spec validation, the importer and the fake Slack all use it.
    pub argument_name_length: usize,
}

/// The HTTP method a page prefers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum HttpMethod {
    /// `GET`.
    #[serde(rename = "GET")]
    Get,
    /// `POST`.
    #[serde(rename = "POST")]
    Post,
}

/// A request encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema)]
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

impl HttpMethod {
    /// The method as the spec and the wire write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
        }
    }
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
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
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenScopes {
    /// The token type.
    pub token_type: TokenType,
    /// The scopes required of that token type.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scopes: Vec<String>,
}

/// A kind of Slack token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TokenType {
    /// A bot token (`xoxb-`).
    Bot,
    /// A user token (`xoxp-`).
    User,
}

/// Whether a method is still supported.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lifecycle {
    /// Its status.
    pub status: LifecycleStatus,
    /// Why, and what to use instead; required when deprecated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Lifecycle {
    /// Whether this is the default: stable, without a note.
    pub fn is_stable(&self) -> bool {
        self.status == LifecycleStatus::Stable && self.note.is_none()
    }
}

/// A method's status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LifecycleStatus {
    /// Supported.
    #[default]
    Stable,
    /// Retired or being retired.
    Deprecated,
}

/// One argument of a method.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ArgumentSpec {
    /// The wire name.
    pub name: String,
    /// The value's type.
    #[serde(rename = "type")]
    pub ty: ValueType,
    /// Set when the argument is a list of values of `type`, and how it is sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<ListStyle>,
    /// The only values Slack accepts, for a `string` argument: the generator makes an
    /// enum of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// Whether a call must set it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    /// An example value, as the page shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
    /// The default Slack applies when the argument is not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    /// What it does, in Markdown.
    pub description: String,
    /// For a `json` argument of Slack objects (`blocks`, `view`), or a `string` one that
    /// sends them encoded: which object, and whether a list of them. The client checks
    /// their limits before it sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holds: Option<Holds>,
    /// Slack's limits on the argument itself (the most blocks of a message), from the
    /// method's page; checked before sending.
    #[serde(default, skip_serializing_if = "FieldLimits::is_empty")]
    pub limits: FieldLimits,
}

impl ArgumentSpec {
    /// An optional argument of `ty`, described by `description`, with nothing else said
    /// of it.
    pub fn new(name: impl Into<String>, ty: ValueType, description: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            ty,
            list: None,
            values: Vec::new(),
            required: false,
            example: None,
            default: None,
            description: description.into(),
            holds: None,
            limits: FieldLimits::default(),
        }
    }
}

/// The Slack objects a `json` argument holds.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Holds {
    /// The object, as `spec/objects/` names it (`block`).
    pub object: String,
    /// Whether the argument is a list of them.
    #[serde(default, skip_serializing_if = "is_false")]
    pub list: bool,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference.
fn is_false(value: &bool) -> bool {
    !value
}

/// A field of a success response.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    /// The wire name.
    pub name: String,
    /// The value's type.
    #[serde(rename = "type")]
    pub ty: ValueType,
    /// Set when the field is a JSON array of values of `type`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<ListStyle>,
    /// Set when the field is a JSON object keyed by data (channel IDs, user IDs) rather
    /// than by field names: a map from each key to a value of `type` (or a list of them,
    /// with `list`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub map: bool,
    /// Whether every success response has it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    /// For `type: object`: the object's own fields, which become a struct.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldSpec>,
    /// The Slack object the value is (`conversation`, `user`). With `type: object` and no
    /// `fields`, the object of that name in `spec/objects/`; with `type: json`, a note on
    /// JSON kept raw.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// For `type: string`: the values Slack documents. The generator makes an enum of
    /// them that keeps any other value it is sent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// What it holds, in Markdown; may be empty where Slack does not say.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Set with `map`: each value is itself a map keyed by data (a view state's
    /// values, by block ID, then by action ID).
    #[serde(default, skip_serializing_if = "is_false")]
    pub nested_map: bool,
    /// What Slack accepts of the value, in an object an app sends: checked before
    /// sending (`validate()`), from the page the object's `limits_source` names.
    #[serde(default, skip_serializing_if = "FieldLimits::is_empty")]
    pub limits: FieldLimits,
    /// For a field holding an object of several kinds (or a list of them): the kinds
    /// Slack accepts there, by tag; any kind when empty. Checked by `validate()`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accepts: Vec<String>,
    /// For a text field of an object an app sends: where Slack requires its value to
    /// be unique among the values of the same field. Checked by `validate()`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unique: Option<Uniqueness>,
}

/// Where a field's value must be unique.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Uniqueness {
    /// Within the enclosing block (an element's `action_id`).
    Block,
    /// Within the whole message, modal or Home tab checked (a block's `block_id`).
    Surface,
}

impl Uniqueness {
    /// The scope's name, as the runtime's checks name it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Block => "block",
            Self::Surface => "surface",
        }
    }
}

/// Slack's limits on one field of an object an app sends (a block, an element, a view).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldLimits {
    /// The fewest characters of text: of a `string` field, or of the text of the text
    /// object an `object` field holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<usize>,
    /// The most characters of text, counted as `min_length` is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<usize>,
    /// The fewest items of a list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_items: Option<usize>,
    /// The most items of a list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<usize>,
}

impl FieldLimits {
    /// Whether it limits nothing.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Whether it limits the length of text.
    pub fn limits_length(&self) -> bool {
        self.min_length.is_some() || self.max_length.is_some()
    }

    /// Whether it limits the items of a list.
    pub fn limits_items(&self) -> bool {
        self.min_items.is_some() || self.max_items.is_some()
    }
}

impl FieldSpec {
    /// An optional field of `ty`, with nothing else said of it.
    pub fn new(name: impl Into<String>, ty: ValueType) -> Self {
        Self {
            name: name.into(),
            ty,
            list: None,
            map: false,
            required: false,
            fields: Vec::new(),
            object: None,
            values: Vec::new(),
            description: String::new(),
            nested_map: false,
            limits: FieldLimits::default(),
            accepts: Vec::new(),
            unique: None,
        }
    }
}

impl ValueType {
    /// Whether values of the type are text in JSON (a string, an ID, a timestamp...).
    pub fn is_text(self) -> bool {
        !matches!(self, Self::Boolean | Self::Integer | Self::Number | Self::Json | Self::Object | Self::Token)
    }
}

/// The type of an argument or response field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ValueType {
    /// The authentication token. Never a field: the client sends it in a header.
    Token,
    /// Text.
    String,
    /// Text that grants access (a client secret, an OAuth code, an access or refresh
    /// token, a webhook URL): never shown in `Debug` output, never sent in a URL.
    Secret,
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
    /// A JSON object: the one `object` names in `spec/objects/`, or one whose `fields`
    /// the spec lists (response and object fields only).
    Object,
}

/// How a list is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ListStyle {
    /// One text value, items joined with `,` (`scopes=a,b`).
    CommaSeparated,
    /// A JSON array (response fields).
    Array,
}

impl ResponseSpec {
    /// Whether the response has neither fields nor examples.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.examples.is_empty()
    }
}

/// The success response of a method.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResponseSpec {
    /// Its fields beside `ok`, `warning` and `response_metadata`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldSpec>,
    /// Example bodies from the page.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<ExampleSpec>,
}

/// An example response body.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExampleSpec {
    /// What it shows.
    pub description: String,
    /// The JSON body.
    pub body: String,
}

/// An error or warning code and what it means.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CodeSpec {
    /// The code as Slack sends it.
    pub code: String,
    /// What it means, in Markdown.
    pub description: String,
}

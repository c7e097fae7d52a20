//! The intermediate representation: plain data between the spec and the tokens.
//!
//! Every Rust name here is final (resolved once by [`crate::naming`]) and every doc
//! line is already escaped for rustdoc (by [`crate::docs`]). The emitter only arranges.

pub use crate::spec::model::{ContentType, FieldLimits, HttpMethod, RateTier};

/// The whole API, methods sorted by wire name.
#[derive(Debug, Clone, PartialEq)]
pub struct Api {
    /// The spec folder as reports and headers name it (`spec`).
    pub spec_root: String,
    /// Every method.
    pub methods: Vec<Method>,
    /// The codes every method can answer, generated once into the runtime.
    pub common: CommonCodes,
    /// The shared objects (`spec/objects/`), sorted by name: the `objects` module.
    pub objects: Vec<SharedObject>,
}

/// A Slack object many answers hold, generated once into the `objects` module.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedObject {
    /// The spec file it comes from (`spec/objects/conversation.yaml`).
    pub source: String,
    /// Its name in the spec (`conversation`).
    pub wire_name: String,
    /// The module of `objects` holding its types (`conversation`).
    pub module: String,
    /// The object itself: a record, or a union of kinds told apart by a tag.
    pub kind: ObjectKind,
    /// The records of its fields described inline (and, for a union, of its variants),
    /// outermost first.
    pub records: Vec<Record>,
    /// The records described inline that are named for one of `records`.
    pub aliases: Vec<Alias>,
    /// The enums of its string fields with documented values.
    pub enums: Vec<TextEnum>,
    /// The families whose methods answer it, sorted: it is compiled in with any of them,
    /// or with the `objects` feature.
    pub features: Vec<String>,
}

/// The codes of the set every method includes (`spec/shared/common.yaml`), and the
/// limits Slack applies to every call.
#[derive(Debug, Clone, PartialEq)]
pub struct CommonCodes {
    /// The spec file it comes from (`spec/shared/common.yaml`).
    pub source: String,
    /// Doc lines of the module.
    pub module_docs: Vec<String>,
    /// The error codes (`CommonError`).
    pub errors: CodeSet,
    /// The warning codes (`CommonWarning`).
    pub warnings: CodeSet,
    /// The longest argument name Slack accepts.
    pub argument_name_length: usize,
}

/// A set of codes every method can answer, as one enum without a fallback variant.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeSet {
    /// The type name (`CommonError`).
    pub name: String,
    /// Doc lines.
    pub docs: Vec<String>,
    /// The codes, in spec order.
    pub codes: Vec<Code>,
    /// The Markdown table of the codes, one line each, written once into a file that
    /// every method's enum docs include.
    pub table: Vec<String>,
    /// The file name of that table (`common_errors.md`).
    pub table_file: String,
}

/// One method and the four types generated for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Method {
    /// The spec file it comes from (`spec/methods/chat.postMessage.yaml`).
    pub source: String,
    /// The method name on the wire (`chat.postMessage`).
    pub wire_name: String,
    /// The module holding its types (`chat_post_message`).
    pub module: String,
    /// The request type, which implements the runtime's `Method` (`ChatPostMessage`).
    pub request_type: String,
    /// The success response type (`ChatPostMessageResponse`).
    pub response_type: String,
    /// The error enum (`ChatPostMessageError`).
    pub errors: CodeEnum,
    /// The warning enum (`ChatPostMessageWarning`).
    pub warnings: CodeEnum,
    /// The one-line summary, rendered for a doc line or table cell.
    pub summary: String,
    /// Facts.
    pub facts: Facts,
    /// Doc lines of the module.
    pub module_docs: Vec<String>,
    /// Doc lines of the request type.
    pub request_docs: Vec<String>,
    /// Doc lines of the response type.
    pub response_docs: Vec<String>,
    /// Arguments, the token excluded, in spec order.
    pub arguments: Vec<Member>,
    /// The success response, or `None` when the spec documents no field of it (its type
    /// is then the runtime's `Acknowledged`).
    pub response: Option<Record>,
    /// Enums of argument values, in argument order.
    pub enums: Vec<Enum>,
    /// Records of response objects the spec describes inline, outermost first.
    pub records: Vec<Record>,
    /// The records described inline that are named for one of `records`.
    pub aliases: Vec<Alias>,
    /// Enums of the string values response fields document.
    pub text_enums: Vec<TextEnum>,
    /// The Cargo feature that compiles the method in: its family (`chat`).
    pub feature: String,
    /// The request field of the `cursor` argument, for a method that pages with it and
    /// `response_metadata.next_cursor`.
    pub pagination_cursor: Option<String>,
    /// A success answer with a placeholder for every required field, in JSON.
    pub sample_response: String,
    /// The success examples of the method's page, in compact JSON.
    pub success_examples: Vec<String>,
}

/// The error or warning enum of a method.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeEnum {
    /// The type name (`ChatPostMessageError`).
    pub name: String,
    /// Doc lines, before the table of the common codes.
    pub docs: Vec<String>,
    /// The common codes' table to include (a [`CodeSet::table_file`]), when the method
    /// answers them.
    pub common_table: Option<String>,
    /// Doc lines after that table.
    pub docs_after: Vec<String>,
    /// The codes the method documents that are not common ones, in spec order: one
    /// variant each.
    pub own: Vec<Code>,
    /// Common codes the method describes in its own words, in spec order: no variant
    /// (they decode into `Common`), but their descriptions are the method's.
    pub redescribed: Vec<Code>,
    /// Whether the method answers the common codes (it includes the common set): the
    /// enum then has a `Common` variant.
    pub answers_common: bool,
}

impl CodeEnum {
    /// Whether the method documents nothing of its own beside the common codes: its
    /// type is then the runtime's `CommonOnly`.
    pub fn is_common_only(&self) -> bool {
        self.answers_common && self.own.is_empty() && self.redescribed.is_empty()
    }
}

/// The facts of a method.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    /// The HTTP method the page prefers.
    pub http_method: HttpMethod,
    /// The content types it accepts, each once, in a fixed order.
    pub content_types: Vec<ContentType>,
    /// Its rate-limit tier.
    pub rate_tier: RateTier,
    /// Its limits beside the tier.
    pub rate_limits: RateLimits,
    /// Scopes of bot tokens, or `None` when bot tokens are not documented.
    pub bot_scopes: Option<Vec<String>>,
    /// Scopes of user tokens, or `None` when user tokens are not documented.
    pub user_scopes: Option<Vec<String>>,
    /// The deprecation note, when deprecated.
    pub deprecation: Option<String>,
    /// Whether the method is called with a token (the spec lists a `token` argument).
    pub authenticated: bool,
}

/// A method's limits beside its tier.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RateLimits {
    /// The quota of each channel, and the argument (by its wire name) that names it.
    pub per_channel: Option<(Quota, String)>,
    /// The quota of apps off the Marketplace, and the most items a page holds for them.
    pub non_marketplace: Option<(Quota, Option<u32>)>,
}

/// Calls per minute, and at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quota {
    /// In the long run.
    pub calls_per_minute: u32,
    /// At once after a quiet spell.
    pub burst: u32,
}

/// A typed value, as the runtime and std name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueType {
    /// `String`.
    String,
    /// `bool`.
    Boolean,
    /// `i64`.
    Integer,
    /// `f64` in a request; `serde_json::Number` in an answer, which keeps how Slack wrote
    /// it.
    Number,
    /// `serde_json::Value`.
    Json,
    /// A string newtype from the runtime's `types` module.
    Runtime(RuntimeType),
    /// An enum of argument values generated beside the method, by name.
    Enum(String),
    /// An enum of the string values a field documents, keeping any other, by name.
    TextEnum(String),
    /// A record generated beside its owner, by name.
    Object(String),
    /// A shared object of the `objects` module, by type name.
    Shared(String),
}

/// The string newtypes of the runtime's `types` module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RuntimeType {
    /// A message timestamp (`ts`).
    Timestamp,
    /// A pagination cursor.
    Cursor,
    /// Text that grants access, redacted in `Debug` output.
    Secret,
    /// A user ID.
    UserId,
    /// A conversation ID.
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
    /// A trigger ID.
    TriggerId,
    /// An answer's `response_metadata` (a record, not a string).
    ResponseMetadata,
}

/// How a list-valued argument or field is carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Multiplicity {
    /// One value.
    One,
    /// A list sent as one comma-joined value.
    CommaSeparated,
    /// A JSON array.
    Array,
}

/// A member of a generated type: an argument of a request (sent by its wire name) or a
/// field of a response or response object (answered by it).
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The name on the wire.
    pub wire_name: String,
    /// The Rust field name (for arguments also the constructor parameter and setter).
    pub rust_name: String,
    /// The item type.
    pub ty: ValueType,
    /// One value or a list.
    pub multiplicity: Multiplicity,
    /// Whether it is always there: a constructor parameter of a request, a field that
    /// is not an `Option` in a response.
    pub required: bool,
    /// Doc lines.
    pub docs: Vec<String>,
    /// Whether the value is boxed: a record that can hold its owner again, or a large
    /// one held singly.
    pub boxed: bool,
    /// Whether the field is a JSON object keyed by data (IDs): a map from each key to
    /// the value (or list) the member describes.
    pub map: bool,
    /// With `map`: whether each value is itself such a map (block ID, then action ID).
    pub nested_map: bool,
    /// For a field of an object an app builds: whether Slack requires it, so that the
    /// object's constructor takes it (it may still be an `Option`, as a union is).
    pub constructed: bool,
    /// Slack's limits on the value, for a field of an object an app sends.
    pub limits: Limits,
    /// For an argument: the value Slack takes when a call leaves it out.
    pub default: Option<String>,
}

/// Slack's limits on a field, which the generated `validate()` checks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Limits {
    /// The bounds the spec writes: characters of its text, items of the list.
    pub bounds: FieldLimits,
    /// For a field holding a text object: its text field, whose length is limited.
    pub text_field: Option<TextField>,
    /// Whether the field (or argument) holds a type that checks limits of its own.
    pub nested: bool,
    /// For an argument: whether it holds Slack objects (its type), sent JSON-encoded.
    pub held: bool,
    /// For a field holding an object of several kinds: the tags of the kinds Slack
    /// accepts there (any, when empty).
    pub accepts: Vec<String>,
    /// For a text field: the scope its value is unique within (`block`, `surface`).
    pub unique: Option<String>,
}

impl Limits {
    /// Whether the field has a check of its own (beside what the value it holds
    /// checks).
    pub fn checks_own(&self) -> bool {
        !self.bounds.is_empty() || !self.accepts.is_empty() || self.unique.is_some()
    }
}

/// The field of a text object that holds its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextField {
    /// Its Rust name.
    pub rust_name: String,
    /// Whether it is always there (not an `Option`).
    pub required: bool,
}

/// An error or warning code.
#[derive(Debug, Clone, PartialEq)]
pub struct Code {
    /// The code on the wire.
    pub wire: String,
    /// The enum variant.
    pub variant: String,
    /// The description as plain text, for `Code::description`.
    pub description: String,
    /// Doc lines of the variant.
    pub docs: Vec<String>,
}

/// An enum of the values an argument takes.
#[derive(Debug, Clone, PartialEq)]
pub struct Enum {
    /// The type name.
    pub name: String,
    /// Doc lines.
    pub docs: Vec<String>,
    /// The values, each a variant.
    pub values: Vec<EnumValue>,
}

/// One value of an [`Enum`].
#[derive(Debug, Clone, PartialEq)]
pub struct EnumValue {
    /// The value on the wire.
    pub wire: String,
    /// The variant.
    pub variant: String,
    /// Doc lines of the variant.
    pub docs: Vec<String>,
}

/// A JSON object read field by field, which keeps what it does not model: a shared
/// object, a response, or an object described inline.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The type name.
    pub name: String,
    /// Doc lines.
    pub docs: Vec<String>,
    /// Its fields, in spec order.
    pub fields: Vec<Member>,
    /// For a method's response: the method's warning type, which the response carries
    /// beside its fields.
    pub warnings: Option<String>,
    /// Whether it checks Slack's limits (`validate()`): a field has limits, or holds a
    /// type that checks them.
    pub validated: bool,
    /// For a record of an object an app may build: how (a response has none).
    pub builder: Option<Builder>,
    /// The uniqueness scope it opens, when values within it must be unique within it
    /// (each kind of block, for its elements' `action_id`s).
    pub scope: Option<String>,
}

/// How an app builds a record: `new` with the fields Slack requires, a setter for each
/// other, and what the spec adds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Builder {
    /// Named constructors that fix some fields.
    pub shortcuts: Vec<Shortcut>,
    /// Whether it converts from a tuple of the fields `new` takes.
    pub from_tuple: bool,
}

/// A named constructor: `new` with some fields fixed to a documented value.
#[derive(Debug, Clone, PartialEq)]
pub struct Shortcut {
    /// The function name.
    pub name: String,
    /// Doc lines.
    pub docs: Vec<String>,
    /// The fields it fixes: the Rust field, its enum type and the variant.
    pub sets: Vec<(String, String, String)>,
    /// Whether the record converts from text through it (`From<&str>`, `From<String>`).
    pub from_text: bool,
}

/// A record described inline with the same fields as one before it in its module,
/// generated as a name for that one: a type less to compile, and the name its field
/// uses stays (the inline records within it are then the target's). It is the same
/// type: its `Debug` and the surprises logged while decoding it use the target's name.
#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    /// The type name.
    pub name: String,
    /// Doc lines.
    pub docs: Vec<String>,
    /// The record it names.
    pub target: String,
}

/// What a shared object is.
#[derive(Debug, Clone, PartialEq)]
pub enum ObjectKind {
    /// An object of one kind.
    Record(Record),
    /// An object of several kinds, told apart by a tag field.
    Union(TaggedUnion),
}

impl ObjectKind {
    /// The type name.
    pub fn name(&self) -> &str {
        match self {
            Self::Record(record) => &record.name,
            Self::Union(union) => &union.name,
        }
    }
}

/// An object of several kinds: an enum with one variant per tag value, each holding the
/// record of that kind, and a variant that keeps a kind the spec does not know whole.
#[derive(Debug, Clone, PartialEq)]
pub struct TaggedUnion {
    /// The type name.
    pub name: String,
    /// Doc lines.
    pub docs: Vec<String>,
    /// The field whose value tells the kinds apart (`type`).
    pub tag: String,
    /// The kinds, sorted by tag: the runtime looks a tag up by binary search.
    pub variants: Vec<UnionVariant>,
    /// The kind of an object without the tag, when there is one (a message event
    /// without a `subtype`); its `tag` is empty.
    pub untagged: Option<UnionVariant>,
    /// Whether it checks Slack's limits (`validate()`): one of its kinds does.
    pub validated: bool,
}

/// One kind of a [`TaggedUnion`].
#[derive(Debug, Clone, PartialEq)]
pub struct UnionVariant {
    /// The tag's value (`section`).
    pub tag: String,
    /// The enum variant.
    pub variant: String,
    /// The record it holds, by name (one of the object's records).
    pub record: String,
    /// Doc lines of the variant.
    pub docs: Vec<String>,
    /// Whether its record checks Slack's limits.
    pub validated: bool,
}

/// An enum of the string values a field documents, with a variant that keeps any other.
#[derive(Debug, Clone, PartialEq)]
pub struct TextEnum {
    /// The type name.
    pub name: String,
    /// Doc lines.
    pub docs: Vec<String>,
    /// The values, each a variant.
    pub values: Vec<EnumValue>,
}

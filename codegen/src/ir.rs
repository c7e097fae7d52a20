//! The intermediate representation: plain data between the spec and the tokens.
//!
//! Every Rust name here is final (resolved once by [`crate::naming`]) and every doc
//! line is already escaped for rustdoc (by [`crate::docs`]). The emitter only arranges.

/// The whole API, methods sorted by wire name.
#[derive(Debug, Clone, PartialEq)]
pub struct Api {
    /// The spec folder as reports and headers name it (`spec`).
    pub spec_root: String,
    /// Every method.
    pub methods: Vec<Method>,
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
    pub error_type: String,
    /// The warning enum (`ChatPostMessageWarning`).
    pub warning_type: String,
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
    /// Doc lines of the error enum.
    pub error_docs: Vec<String>,
    /// Doc lines of the warning enum.
    pub warning_docs: Vec<String>,
    /// Arguments, the token excluded, in spec order.
    pub arguments: Vec<Argument>,
    /// Response fields, in spec order.
    pub response_fields: Vec<Field>,
    /// Enums of argument values, in argument order.
    pub enums: Vec<Enum>,
    /// Structs of response objects the spec describes, outermost first.
    pub objects: Vec<Object>,
    /// The Cargo feature that compiles the method in: its family (`chat`).
    pub feature: String,
    /// The request field of the `cursor` argument, for a method that pages with it and
    /// `response_metadata.next_cursor`.
    pub pagination_cursor: Option<String>,
    /// A success answer with a placeholder for every required field, in JSON.
    pub sample_response: String,
    /// Error codes: the method's own, then those of its includes, sorted by code.
    pub errors: Vec<Code>,
    /// Warning codes, likewise.
    pub warnings: Vec<Code>,
}

/// The facts of a method, as the runtime's constants spell them.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    /// `Get` or `Post`: a variant of the runtime's `HttpMethod`.
    pub http_method: &'static str,
    /// Variants of the runtime's `ContentType`.
    pub content_types: Vec<&'static str>,
    /// Whether `application/json` is among them.
    pub accepts_json: bool,
    /// A variant of the runtime's `RateTier`.
    pub rate_tier: &'static str,
    /// Scopes of bot tokens, or `None` when bot tokens are not documented.
    pub bot_scopes: Option<Vec<String>>,
    /// Scopes of user tokens, or `None` when user tokens are not documented.
    pub user_scopes: Option<Vec<String>>,
    /// The deprecation note, when deprecated.
    pub deprecation: Option<String>,
    /// Whether the method is called with a token (the spec lists a `token` argument).
    pub authenticated: bool,
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
    /// `f64`.
    Number,
    /// `serde_json::Value`.
    Json,
    /// A string newtype from the runtime's `types` module, by name (`UserId`).
    Runtime(&'static str),
    /// An enum generated beside the method, by name.
    Enum(String),
    /// A struct generated beside the method, by name.
    Object(String),
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

/// An argument of a request.
#[derive(Debug, Clone, PartialEq)]
pub struct Argument {
    /// The name on the wire.
    pub wire_name: String,
    /// The field, the constructor parameter and (for optional arguments) the setter.
    pub rust_name: String,
    /// The item type.
    pub ty: ValueType,
    /// One value or a list.
    pub multiplicity: Multiplicity,
    /// Whether the constructor takes it.
    pub required: bool,
    /// Doc lines.
    pub docs: Vec<String>,
}

/// A field of a response.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The name on the wire.
    pub wire_name: String,
    /// The Rust field name.
    pub rust_name: String,
    /// The item type.
    pub ty: ValueType,
    /// One value or a JSON array.
    pub multiplicity: Multiplicity,
    /// Whether every response has it (otherwise it is an `Option`).
    pub required: bool,
    /// Doc lines.
    pub docs: Vec<String>,
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

/// A response object the spec describes field by field.
#[derive(Debug, Clone, PartialEq)]
pub struct Object {
    /// The type name.
    pub name: String,
    /// Doc lines.
    pub docs: Vec<String>,
    /// Its fields.
    pub fields: Vec<Field>,
}

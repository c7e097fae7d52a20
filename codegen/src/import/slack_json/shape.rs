//! What a node of Slack's schema holds, in the terms of the spec format: the tables
//! that map Slack's `schema` references and `subtype`s to spec types, and the reading
//! of `anyOf`/`oneOf`/type lists into alternatives.

use super::reference::{Ordered, Schema};
use crate::import::report::Findings;
use crate::spec::model::ValueType;

/// The spec type of a `schema` reference that names an ID or a message timestamp.
/// References to objects (`conversation`, `message`) are not IDs.
pub fn id_reference(name: &str) -> Option<ValueType> {
    Some(match name {
        "user_id" => ValueType::UserId,
        "channel_id" | "channel" => ValueType::ChannelId,
        "team_id" | "workspace_id" => ValueType::TeamId,
        "enterprise_id" => ValueType::EnterpriseId,
        "app_id" => ValueType::AppId,
        "bot_id" => ValueType::BotId,
        "file_id" => ValueType::FileId,
        "subteam_id" => ValueType::UsergroupId,
        "ts" => ValueType::Timestamp,
        _ => return None,
    })
}

/// The shape a `subtype` gives a value, when the spec format has a place for it.
fn subtype(name: &str) -> Option<Shape<'static>> {
    Some(match name {
        "auth" => Shape::Token,
        "channel" | "channel_group" => Shape::Scalar(ValueType::ChannelId),
        "user" => Shape::Scalar(ValueType::UserId),
        "team" => Shape::Scalar(ValueType::TeamId),
        "enterprise" => Shape::Scalar(ValueType::EnterpriseId),
        "app" => Shape::Scalar(ValueType::AppId),
        "bot" => Shape::Scalar(ValueType::BotId),
        // Canvases and lists are files: elsewhere the reference gives them `schema: file_id`.
        "file" | "canvas" | "list" => Shape::Scalar(ValueType::FileId),
        "user_group" => Shape::Scalar(ValueType::UsergroupId),
        "timestamp" => Shape::Scalar(ValueType::Timestamp),
        "app_trigger_id" => Shape::Scalar(ValueType::TriggerId),
        "users" => Shape::CommaSeparated(ValueType::UserId),
        "channels" => Shape::CommaSeparated(ValueType::ChannelId),
        "attachments" | "user_profile" => Shape::Json,
        _ => return None,
    })
}

/// The spec type of a JSON Schema scalar type name.
fn scalar(name: &str) -> Option<ValueType> {
    Some(match name {
        "string" => ValueType::String,
        "boolean" => ValueType::Boolean,
        "integer" => ValueType::Integer,
        "number" => ValueType::Number,
        _ => return None,
    })
}

/// What a value is, in the terms of the spec format.
#[derive(Debug, Clone, Copy)]
pub enum Shape<'a> {
    /// The authentication token.
    Token,
    /// One value of a spec type.
    Scalar(ValueType),
    /// Values of a spec type sent as one comma-separated text.
    CommaSeparated(ValueType),
    /// A JSON-encoded value.
    Json,
    /// A reference to a named schema that is not an ID: an object (`conversation`).
    Reference(&'a str),
    /// An array, with its items' schema when given.
    Array(Option<&'a Schema>),
    /// An object with named members.
    Object(&'a Ordered<Schema>),
    /// An object without named members (free-form, or a map by key pattern).
    Map,
    /// Nothing says what the value is.
    Unknown,
}

/// The name the spec format gives `ty` (`user_id`).
pub fn type_name(ty: ValueType) -> String {
    serde_json::to_value(ty).ok().and_then(|name| name.as_str().map(str::to_owned)).unwrap_or_default()
}

impl Shape<'_> {
    /// The shape in the terms of the spec format, for reports.
    pub fn describe(&self) -> String {
        match self {
            Self::Token => "token".to_owned(),
            Self::Scalar(ty) => type_name(*ty),
            Self::CommaSeparated(ty) => format!("comma-separated {}", type_name(*ty)),
            Self::Json | Self::Map => "json".to_owned(),
            Self::Reference(name) => format!("`{name}`"),
            Self::Array(_) => "array".to_owned(),
            Self::Object(_) => "object".to_owned(),
            Self::Unknown => "untyped".to_owned(),
        }
    }

    /// Whether the value is sent and answered as a JSON string.
    pub fn is_text(&self) -> bool {
        match self {
            Self::Scalar(ty) => {
                !matches!(ty, ValueType::Boolean | ValueType::Integer | ValueType::Number | ValueType::Json)
            }
            Self::Token | Self::CommaSeparated(_) => true,
            _ => false,
        }
    }
}

/// One alternative of a node: the node itself with one of its type names, or one of
/// its `anyOf`/`oneOf` schemas.
#[derive(Debug, Clone, Copy)]
pub struct View<'a> {
    /// The node, which holds `desc`, `example` and the like.
    pub outer: &'a Schema,
    /// The schema of this alternative: `outer` itself, or one of its `anyOf`.
    pub inner: &'a Schema,
    /// The type name of this alternative, `null` aside.
    pub type_name: Option<&'a str>,
}

impl<'a> View<'a> {
    /// The `subtype`, of the node or else of the alternative.
    pub fn subtype(&self) -> Option<&'a str> {
        self.outer.subtype.as_deref().or(self.inner.subtype.as_deref())
    }

    /// The `schema` reference, of the node or else of the alternative.
    pub fn schema(&self) -> Option<&'a str> {
        self.outer.schema.as_deref().or(self.inner.schema.as_deref())
    }

    /// The `enum` values, of the alternative or else of the node.
    pub fn values(&self) -> Option<&'a [serde_yaml::Value]> {
        self.inner.values.as_deref().or(self.outer.values.as_deref())
    }

    /// What the alternative holds. What it says that the spec format has no place for
    /// (an unknown `subtype`, a reference that is not an ID beside a scalar type) is
    /// reported into `findings` at `at`.
    pub fn shape(&self, at: &str, findings: &mut Findings) -> Shape<'a> {
        if let Some(ty) = self.schema().and_then(id_reference) {
            return Shape::Scalar(ty);
        }
        if let Some(name) = self.subtype() {
            match subtype(name) {
                Some(shape) => return shape,
                None => findings.push(at, "subtype", format!("`{name}` has no place in the spec format")),
            }
        }
        let typed = self.typed(at, findings);
        match self.schema() {
            Some("") => {
                findings.push(at, "schema", "an empty reference; the value is read from `type` alone");
                typed
            }
            Some(name) => match typed {
                Shape::Scalar(ty) => {
                    let ty = type_name(ty);
                    findings.push(at, "schema", format!("`{name}` is not a typed ID; the value is a {ty}"));
                    typed
                }
                _ => Shape::Reference(name),
            },
            None => typed,
        }
    }

    /// The shape `type` (or, without one, `items`/`properties`) gives.
    fn typed(&self, at: &str, findings: &mut Findings) -> Shape<'a> {
        let inner = self.inner;
        let object = || match &inner.properties {
            Some(properties) if !properties.is_empty() => Shape::Object(properties),
            _ => Shape::Map,
        };
        match self.type_name {
            Some(name) if scalar(name).is_some() => scalar(name).map_or(Shape::Unknown, Shape::Scalar),
            Some("array") => Shape::Array(inner.items.as_deref()),
            Some("object") => object(),
            Some(other) => {
                findings.push(at, "type", format!("`{other}` is not a JSON Schema type"));
                Shape::Unknown
            }
            None if inner.items.is_some() => Shape::Array(inner.items.as_deref()),
            None if inner.properties.is_some() || inner.all_of.is_some() => object(),
            None => Shape::Unknown,
        }
    }
}

/// The key under which `node` lists its alternatives: `anyOf`, `oneOf`, or else its
/// list of `type`s.
pub fn alternatives_key(node: &Schema) -> &'static str {
    if node.any_of.is_some() {
        "anyOf"
    } else if node.one_of.is_some() {
        "oneOf"
    } else {
        "type"
    }
}

/// A node read into its alternatives.
#[derive(Debug, Clone)]
pub struct Alternatives<'a> {
    /// The alternatives other than `null`; at least one.
    pub views: Vec<View<'a>>,
    /// Whether `null` is one of them.
    pub nullable: bool,
}

impl<'a> Alternatives<'a> {
    /// The alternatives of `node`: its `anyOf` (or `oneOf`) schemas, or else one per
    /// type name it lists; `null` ones only make it nullable.
    pub fn of(node: &'a Schema) -> Self {
        let (own_types, mut nullable) = non_null_types(node);
        let listed = node.any_of.as_deref().or(node.one_of.as_deref()).unwrap_or_default();
        let mut views = Vec::new();
        for alternative in listed {
            let (types, null) = non_null_types(alternative);
            let only_null =
                null && types.is_empty() && alternative.schema.is_none() && alternative.properties.is_none();
            nullable |= only_null;
            if !only_null {
                let type_name = types.first().or(own_types.first()).copied();
                views.push(View { outer: node, inner: alternative, type_name });
            }
        }
        if views.is_empty() {
            views = own_types.iter().map(|&name| View { outer: node, inner: node, type_name: Some(name) }).collect();
        }
        if views.is_empty() {
            views.push(View { outer: node, inner: node, type_name: None });
        }
        Self { views, nullable }
    }
}

fn non_null_types(node: &Schema) -> (Vec<&str>, bool) {
    let names = node.ty.as_ref().map(super::reference::TypeNames::names).unwrap_or_default();
    let nullable = names.contains(&"null");
    (names.into_iter().filter(|name| *name != "null").collect(), nullable)
}

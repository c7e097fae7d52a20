//! Slack's last OpenAPI description (2020): the JSON Schemas of its shared objects,
//! merged into the object specs after the recordings.
//!
//! The recordings say what Slack sends now, so they win every disagreement, and each
//! disagreement is reported with the schema's file and JSON pointer. The schemas add
//! what the recordings cannot show: fields no recorded answer holds, and IDs where a
//! recording has only text.

use heck::ToSnakeCase;
use serde_json::Value;

use crate::spec::model::{FieldSpec, ListStyle, ValueType};

/// The schema of each spec object the description has one for, by spec name.
const SCHEMAS: &[(&str, &str)] = &[
    ("bot_profile", "objs_bot_profile"),
    ("conversation", "objs_conversation"),
    ("file", "objs_file"),
    ("message", "objs_message"),
    ("paging", "objs_paging"),
    ("reaction", "objs_reaction"),
    ("reminder", "objs_reminder"),
    ("team", "objs_team"),
    ("user", "objs_user"),
    ("user_profile", "objs_user_profile"),
    ("usergroup", "objs_subteam"),
];

/// The ID formats of the description (`defs_user_id`), as the spec types them. The
/// others (`defs_channel_name`, `defs_pinned_info`, ...) are read by their own type.
const ID_FORMATS: &[(&str, ValueType)] = &[
    ("defs_app_id", ValueType::AppId),
    ("defs_bot_id", ValueType::BotId),
    ("defs_channel", ValueType::ChannelId),
    ("defs_channel_id", ValueType::ChannelId),
    ("defs_dm_id", ValueType::ChannelId),
    ("defs_enterprise_id", ValueType::EnterpriseId),
    ("defs_file_id", ValueType::FileId),
    ("defs_group_id", ValueType::ChannelId),
    ("defs_optional_app_id", ValueType::AppId),
    ("defs_subteam_id", ValueType::UsergroupId),
    ("defs_team", ValueType::TeamId),
    ("defs_ts", ValueType::Timestamp),
    ("defs_user_id", ValueType::UserId),
    ("defs_workspace_id", ValueType::TeamId),
];

/// The description that says where a field comes from only the schema.
pub const FROM_SCHEMA: &str = "Described by Slack's OpenAPI schema (2020).";

/// The schemas of one OpenAPI description.
#[derive(Debug)]
pub struct Schemas {
    /// The file, for reports.
    file: String,
    /// Its `definitions`.
    definitions: serde_json::Map<String, Value>,
}

/// A property's type, as far as the spec can say it.
#[derive(Debug)]
struct Shape {
    ty: ValueType,
    list: Option<ListStyle>,
    object: Option<String>,
}

impl Schemas {
    /// The schemas of the description `text`, read from `file`.
    ///
    /// # Errors
    ///
    /// When the text is not JSON or has no `definitions`.
    pub fn parse(file: &str, text: &str) -> Result<Self, String> {
        let mut value: Value = serde_json::from_str(text).map_err(|error| format!("{file}: not JSON ({error})"))?;
        let Some(Value::Object(definitions)) = value.get_mut("definitions").map(Value::take) else {
            return Err(format!("{file}: no `definitions`"));
        };
        Ok(Self { file: file.to_owned(), definitions })
    }

    /// Merges the schema of the object `object`, if the description has one, into its
    /// `fields` (as the recordings left them), reporting each disagreement.
    pub fn merge(&self, object: &str, fields: &mut Vec<FieldSpec>, conflicts: &mut Vec<String>) {
        let Some((_, definition)) = SCHEMAS.iter().find(|(name, _)| *name == object) else { return };
        let Some(schema) = self.definitions.get(*definition) else {
            conflicts.push(format!("{}: no definition `{definition}` for the object `{object}`", self.file));
            return;
        };
        let required: Vec<&str> =
            schema.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).collect();
        let Some(Value::Object(properties)) = schema.get("properties") else { return };
        let mut added = Vec::new();
        for (name, property) in properties {
            let at = format!("{}: #/definitions/{definition}/properties/{name}", self.file);
            let shape = self.shape(property);
            let rust_name_taken = fields.iter().any(|field| field.name.to_snake_case() == name.to_snake_case());
            match fields.iter_mut().find(|field| &field.name == name) {
                Some(field) => {
                    self.compare(field, shape, &at, conflicts);
                    if required.contains(&name.as_str()) && !field.required {
                        conflicts
                            .push(format!("{at}: required by the schema, missing from a recording; it is optional"));
                    }
                }
                None if rust_name_taken => {
                    conflicts.push(format!("{at}: its Rust name is another field's; it is not added"));
                }
                None => {
                    if required.contains(&name.as_str()) {
                        conflicts.push(format!("{at}: required by the schema, in no recording; it is optional"));
                    }
                    if let Some(shape) = shape {
                        added.push(FieldSpec {
                            list: shape.list,
                            object: shape.object,
                            description: FROM_SCHEMA.to_owned(),
                            ..FieldSpec::new(name.clone(), shape.ty)
                        });
                    }
                }
            }
        }
        // After the recorded ones, as the recordings add theirs: a second import keeps
        // them where they are.
        fields.extend(added);
    }

    /// Checks a recorded field against the schema's type: an ID where the recordings
    /// saw text is taken; any other difference is reported, and the recordings win.
    fn compare(&self, field: &mut FieldSpec, shape: Option<Shape>, at: &str, conflicts: &mut Vec<String>) {
        let Some(shape) = shape else { return };
        let recorded = (field.ty, field.list, field.object.as_deref());
        if field.ty == ValueType::Json || recorded == (shape.ty, shape.list, shape.object.as_deref()) {
            return;
        }
        let an_id = field.ty == ValueType::String && shape.ty.is_text() && field.list == shape.list && !field.map;
        if an_id && field.fields.is_empty() && field.values.is_empty() {
            field.ty = shape.ty;
            return;
        }
        // The same kind of value: the schema names an object the recordings describe
        // inline, or a number the recordings saw as an integer.
        let alike = match (field.ty, shape.ty) {
            (a, b) if a.is_text() && b.is_text() => true,
            (ValueType::Integer, ValueType::Number) => true,
            (ValueType::Object, ValueType::Object) => field.object.is_none() || shape.object.is_none(),
            _ => false,
        };
        if !(alike && field.list == shape.list && !field.map) {
            conflicts.push(format!(
                "{at}: the schema says {}, the recordings show {}{}; the recordings win",
                describe(shape.ty, shape.list),
                if field.map { "a map of " } else { "" },
                describe(field.ty, field.list)
            ));
        }
    }

    /// The spec type of a property, or `None` when the schema says nothing the spec can
    /// type (no type, or several).
    fn shape(&self, property: &Value) -> Option<Shape> {
        if let Some(reference) = property.get("$ref").and_then(Value::as_str) {
            let name = reference.strip_prefix("#/definitions/")?;
            if let Some((_, ty)) = ID_FORMATS.iter().find(|(format, _)| *format == name) {
                return Some(Shape { ty: *ty, list: None, object: None });
            }
            if let Some((object, _)) = SCHEMAS.iter().find(|(_, definition)| *definition == name) {
                return Some(Shape { ty: ValueType::Object, list: None, object: Some((*object).to_owned()) });
            }
            return self.definitions.get(name).and_then(|definition| self.shape(definition));
        }
        let ty = match property.get("type")?.as_str()? {
            "string" => ValueType::String,
            "integer" => ValueType::Integer,
            "number" => ValueType::Number,
            "boolean" => ValueType::Boolean,
            // An object the description does not name: nothing the recordings' own
            // description of it could be checked against.
            "object" => return None,
            "array" => {
                let items = self.shape(property.get("items")?)?;
                return (items.list.is_none()).then_some(Shape { list: Some(ListStyle::Array), ..items });
            }
            _ => return None,
        };
        Some(Shape { ty, list: None, object: None })
    }
}

fn describe(ty: ValueType, list: Option<ListStyle>) -> String {
    match list {
        Some(_) => format!("a list of {ty:?}"),
        None => format!("{ty:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn field(name: &str, ty: ValueType) -> FieldSpec {
        FieldSpec::new(name, ty)
    }

    fn schemas() -> Schemas {
        let description = json!({"definitions": {
            "defs_user_id": {"type": "string", "pattern": "^[UW][A-Z0-9]{2,}$"},
            "objs_reaction": {
                "type": "object",
                "required": ["name", "users", "count"],
                "properties": {
                    "count": {"type": "integer"},
                    "name": {"type": "string"},
                    "users": {"type": "array", "items": {"$ref": "#/definitions/defs_user_id"}},
                    "url": {"type": "string"},
                    "owner": {"$ref": "#/definitions/defs_user_id"},
                }
            }
        }});
        Schemas::parse("openapi.json", &description.to_string()).unwrap()
    }

    #[test]
    fn the_schema_adds_fields_and_ids_and_reports_every_disagreement_with_its_place() {
        let mut users = field("users", ValueType::String);
        users.list = Some(ListStyle::Array);
        let mut name = field("name", ValueType::String);
        name.required = true;
        let mut fields = vec![field("count", ValueType::String), name, users];
        let mut conflicts = Vec::new();
        schemas().merge("reaction", &mut fields, &mut conflicts);
        let merged: Vec<(&str, ValueType, bool)> =
            fields.iter().map(|f| (f.name.as_str(), f.ty, f.description == FROM_SCHEMA)).collect();
        assert_eq!(
            merged,
            [
                ("count", ValueType::String, false),
                ("name", ValueType::String, false),
                ("users", ValueType::UserId, false),
                ("owner", ValueType::UserId, true),
                ("url", ValueType::String, true),
            ]
        );
        assert_eq!(
            conflicts,
            [
                "openapi.json: #/definitions/objs_reaction/properties/count: the schema says Integer, the recordings show String; the recordings win",
                "openapi.json: #/definitions/objs_reaction/properties/count: required by the schema, missing from a recording; it is optional",
                "openapi.json: #/definitions/objs_reaction/properties/users: required by the schema, missing from a recording; it is optional",
            ]
        );
    }

    #[test]
    fn a_map_and_a_field_whose_rust_name_is_taken_are_reported_not_changed() {
        let mut users = field("users", ValueType::String);
        users.map = true;
        let mut fields = vec![users, field("Url", ValueType::String)];
        let mut conflicts = Vec::new();
        schemas().merge("reaction", &mut fields, &mut conflicts);
        let reported = |text: &str| conflicts.iter().any(|conflict| conflict.contains(text));
        assert!(reported("properties/users: the schema says a list of UserId, the recordings show a map of String"));
        assert!(reported("properties/url: its Rust name is another field's; it is not added"), "{conflicts:?}");
        assert_eq!(fields[0].ty, ValueType::String, "a map's values are not retyped");
        assert!(!fields.iter().any(|field| field.name == "url"));
    }

    #[test]
    fn merging_again_changes_nothing() {
        let mut fields = vec![field("name", ValueType::String)];
        schemas().merge("reaction", &mut fields, &mut Vec::new());
        let names = |fields: &[FieldSpec]| -> Vec<(String, ValueType)> {
            fields.iter().map(|field| (field.name.clone(), field.ty)).collect()
        };
        let once = names(&fields);
        schemas().merge("reaction", &mut fields, &mut Vec::new());
        assert_eq!(names(&fields), once);
    }

    #[test]
    fn an_object_without_a_schema_is_left_as_it_is() {
        let mut fields = vec![field("a", ValueType::Integer)];
        let mut conflicts = Vec::new();
        schemas().merge("call", &mut fields, &mut conflicts);
        assert_eq!((fields.len(), conflicts.len()), (1, 0));
    }
}

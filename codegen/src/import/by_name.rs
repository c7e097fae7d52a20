//! Text typed by its name, where the documentation and the recordings only say text:
//!
//! - secrets: text arguments and fields that hold credentials or tokens (by the names in
//!   [`rules::SECRET_FIELDS`]) become `secret`, which the generated code redacts in
//!   `Debug` output;
//! - IDs: text fields named after what they identify (`user_id`, `shared_team_ids`, by
//!   [`rules::id_field_type`]) become that ID.
//!
//! Every reader of Slack's documentation and of the recordings goes through it, so a
//! second import types them the same.

use crate::rules;
use crate::spec::model::{FieldSpec, MethodSpec, ValueType};

/// Types the secrets of `spec` (its arguments and its response fields, nested ones
/// included) and the IDs among its response fields.
pub fn type_method(spec: &mut MethodSpec) {
    for argument in &mut spec.arguments {
        let secret =
            rules::is_secret_field(None, &argument.name) || rules::SECRET_ARGUMENTS.contains(&argument.name.as_str());
        if secret && argument.ty == ValueType::String && argument.list.is_none() {
            argument.ty = ValueType::Secret;
        }
    }
    type_fields(None, &mut spec.response.fields);
}

/// Types the secrets and IDs among `fields`, held by the object field `parent` (if
/// any), and among the fields of the objects they describe inline.
pub fn type_fields(parent: Option<&str>, fields: &mut [FieldSpec]) {
    for field in fields {
        if field.ty == ValueType::String && field.values.is_empty() {
            if rules::is_secret_field(parent, &field.name) {
                field.ty = ValueType::Secret;
            } else if let Some(id) = rules::id_field_type(&field.name) {
                field.ty = id;
            }
        }
        type_fields(Some(&field.name), &mut field.fields);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(name: &str, ty: ValueType, fields: Vec<FieldSpec>) -> FieldSpec {
        FieldSpec { fields, ..FieldSpec::new(name, ty) }
    }

    #[test]
    fn credentials_by_name_and_a_webhook_url_only_within_its_object() {
        let mut fields = vec![
            field("access_token", ValueType::String, vec![]),
            field("url", ValueType::String, vec![]),
            field("expires_in", ValueType::Integer, vec![]),
            field(
                "incoming_webhook",
                ValueType::Object,
                vec![field("url", ValueType::String, vec![]), field("channel", ValueType::String, vec![])],
            ),
            field("authed_user", ValueType::Object, vec![field("refresh_token", ValueType::String, vec![])]),
        ];
        type_fields(None, &mut fields);
        let types = |fields: &[FieldSpec]| fields.iter().map(|field| field.ty).collect::<Vec<_>>();
        assert_eq!(types(&fields[..3]), [ValueType::Secret, ValueType::String, ValueType::Integer]);
        assert_eq!(types(&fields[3].fields), [ValueType::Secret, ValueType::String]);
        assert_eq!(types(&fields[4].fields), [ValueType::Secret]);
    }

    #[test]
    fn ids_by_the_word_before_id_and_only_in_text() {
        let mut fields = vec![
            field("bot_user_id", ValueType::String, vec![]),
            field("shared_team_ids", ValueType::String, vec![]),
            field("enterprise_subteam_id", ValueType::String, vec![]),
            field("external_id", ValueType::String, vec![]),
            field("steam_id", ValueType::String, vec![]),
            field("user_identity", ValueType::String, vec![]),
            field("team_id", ValueType::Integer, vec![]),
            field("app", ValueType::Object, vec![field("app_id", ValueType::String, vec![])]),
        ];
        type_fields(None, &mut fields);
        let types = |fields: &[FieldSpec]| fields.iter().map(|field| field.ty).collect::<Vec<_>>();
        assert_eq!(
            types(&fields[..7]),
            [
                ValueType::UserId,
                ValueType::TeamId,
                ValueType::UsergroupId,
                ValueType::String,
                ValueType::String,
                ValueType::String,
                ValueType::Integer
            ]
        );
        assert_eq!(types(&fields[7].fields), [ValueType::AppId]);
    }
}

//! The `output` of a reference file: the fields of a successful response.

use super::reference::{Ordered, Schema};
use super::shape::{Alternatives, Shape, alternatives_key};
use super::values::{report_unknown, shown};
use crate::import::report::Findings;
use crate::rules::{ENVELOPE_FIELDS, is_field_name};
use crate::spec::model::{FieldSpec, ListStyle, ValueType};

/// Maps `output` (at `at`) into response fields, reporting what has no place in the
/// spec.
pub fn fields(output: &Schema, at: &str, findings: &mut Findings) -> Vec<FieldSpec> {
    report_unknown(&output.other, at, findings);
    for (key, text) in [("desc", &output.desc), ("description", &output.description)] {
        if let Some(text) = text {
            findings.push(
                at,
                key,
                format!("a description of the whole response has no place in the spec format ({text:?})"),
            );
        }
    }
    if let Some(name) = &output.schema {
        findings.push(
            at,
            "schema",
            format!("the response is a `{name}` object, which the reference does not describe"),
        );
    }
    for (key, alternatives) in [("anyOf", &output.any_of), ("oneOf", &output.one_of)] {
        if let Some(alternatives) = alternatives {
            findings.push(
                at,
                key,
                format!("{} response shapes; the spec has one list of fields, so none is mapped", alternatives.len()),
            );
        }
    }
    let type_names = output.ty.as_ref().map(super::reference::TypeNames::names).unwrap_or_default();
    if !type_names.is_empty() && type_names != ["object"] {
        findings.push(at, "type", format!("the response is `{}`, not an object", type_names.join(", ")));
    }
    match &output.properties {
        Some(properties) => members(properties, output.required.as_deref().unwrap_or_default(), at, true, findings),
        None => Vec::new(),
    }
}

/// The members of an object at `at`, as fields.
fn members(
    properties: &Ordered<Schema>,
    required: &[String],
    at: &str,
    top_level: bool,
    findings: &mut Findings,
) -> Vec<FieldSpec> {
    let properties_at = format!("{at}.properties");
    let mut fields = Vec::new();
    for (name, node) in properties.iter() {
        if top_level && ENVELOPE_FIELDS.contains(&name) {
            continue;
        }
        let node_at = format!("{properties_at}.{name}");
        if !is_field_name(name) {
            findings.push_at(&node_at, "name", "not a field name the spec accepts; the field is skipped");
            continue;
        }
        fields.push(field(name, node, required.iter().any(|r| r == name), &node_at, findings));
    }
    for name in required {
        if properties.get(name).is_none() {
            findings.push(at, "required", format!("`{name}` is required but not described"));
        }
    }
    fields
}

fn field(name: &str, node: &Schema, listed_required: bool, at: &str, findings: &mut Findings) -> FieldSpec {
    let alternatives = Alternatives::of(node);
    let mut field = FieldSpec {
        // A value that may be null is not always there as the type it has.
        required: listed_required && !alternatives.nullable,
        description: node.desc.as_deref().or(node.description.as_deref()).unwrap_or_default().trim().to_owned(),
        ..FieldSpec::new(name, ValueType::Json)
    };
    report_unused_keys(node, at, findings);
    let [view] = alternatives.views.as_slice() else {
        let count = alternatives.views.len();
        findings.push(at, alternatives_key(node), format!("{count} alternatives; the field is JSON"));
        return field;
    };
    if !std::ptr::eq(view.inner, node) {
        report_unknown(&view.inner.other, &format!("{at}.{}", alternatives_key(node)), findings);
    }
    match view.shape(at, findings) {
        Shape::Scalar(ty) => field.ty = ty,
        Shape::Token | Shape::CommaSeparated(_) => {
            findings.push(at, "subtype", "a finer type a response field has no place for; the field is a string");
            field.ty = ValueType::String;
        }
        Shape::Json | Shape::Unknown => {}
        Shape::Reference(object) => field.object = Some(object.to_owned()),
        Shape::Array(items) => {
            field.list = Some(ListStyle::Array);
            let (ty, object) =
                items.map_or((ValueType::Json, None), |items| item(items, &format!("{at}.items"), findings));
            field.ty = ty;
            field.object = object;
        }
        Shape::Object(properties) => {
            field.fields = members(properties, view.inner.required.as_deref().unwrap_or_default(), at, false, findings);
            if !field.fields.is_empty() {
                field.ty = ValueType::Object;
            }
            if view.inner.pattern_properties.is_some() {
                findings.push(at, "patternProperties", "members by key pattern have no place beside named ones");
            }
        }
        Shape::Map => {
            if view.inner.pattern_properties.is_some() {
                findings.push(at, "patternProperties", "a map by key pattern; the field is JSON");
            }
            if view.inner.all_of.is_some() {
                findings.push(at, "allOf", "combined schemas; the field is JSON");
            }
        }
    }
    field
}

/// The item type of an array field, and the object its items are when named.
fn item(items: &Schema, at: &str, findings: &mut Findings) -> (ValueType, Option<String>) {
    report_unknown(&items.other, at, findings);
    let alternatives = Alternatives::of(items);
    let [view] = alternatives.views.as_slice() else {
        let count = alternatives.views.len();
        findings.push(at, alternatives_key(items), format!("{count} alternatives; the items are JSON"));
        return (ValueType::Json, None);
    };
    match view.shape(at, findings) {
        Shape::Scalar(ty) => (ty, None),
        Shape::Reference(object) => (ValueType::Json, Some(object.to_owned())),
        Shape::Object(_) => {
            findings.push(
                at,
                "properties",
                "the members of array items have no place in the spec format; the items are JSON",
            );
            (ValueType::Json, None)
        }
        Shape::Token | Shape::CommaSeparated(_) => (ValueType::String, None),
        Shape::Json | Shape::Array(_) | Shape::Map | Shape::Unknown => (ValueType::Json, None),
    }
}

/// Reports the keys of a response field the spec has no place for.
fn report_unused_keys(node: &Schema, at: &str, findings: &mut Findings) {
    report_unknown(&node.other, at, findings);
    for (key, value) in [("example", &node.example), ("default", &node.default)] {
        if let Some(value) = value {
            findings.push(at, key, format!("no place in the spec format for a response field ({})", shown(value)));
        }
    }
    if let Some(values) = &node.values {
        let shown_values = shown(&serde_yaml::Value::Sequence(values.clone()));
        findings.push(
            at,
            "enum",
            format!("values of a response field have no place in the spec format ({shown_values})"),
        );
    }
}

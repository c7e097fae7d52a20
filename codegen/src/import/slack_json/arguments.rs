//! The `args` of a reference file: the method's arguments.

use super::reference::Schema;
use super::shape::{Alternatives, Shape, View, alternatives_key, type_name};
use super::values::{report_unknown, text};
use crate::import::report::Findings;
use crate::import::text::NOT_DOCUMENTED;
use crate::rules::is_argument_name;
use crate::spec::model::{ArgumentSpec, ListStyle, ValueType};

/// Arguments that are JSON-encoded by nature, whatever type the reference gives them.
const JSON_ARGUMENTS: [&str; 3] = ["blocks", "attachments", "metadata"];

/// The argument whose value is a pagination cursor.
const CURSOR_ARGUMENT: &str = "cursor";

/// The `schema` reference of an argument sent as a file part of a multipart body.
const POSTED_FILE: &str = "post_file";

/// The arguments of a method.
#[derive(Debug, Default)]
pub struct Arguments {
    /// The arguments, in the reference's order.
    pub arguments: Vec<ArgumentSpec>,
    /// Whether an argument is a file posted as `multipart/form-data`.
    pub posts_files: bool,
}

/// Maps `args` (at `at`) into arguments, reporting what has no place in the spec.
pub fn arguments(args: &Schema, at: &str, max_name_length: usize, findings: &mut Findings) -> Arguments {
    report_root_keys(args, at, findings);
    let required = args.required.as_deref().unwrap_or_default();
    let properties_at = format!("{at}.properties");
    let mut result = Arguments::default();
    for (name, node) in args.properties.iter().flat_map(|properties| properties.iter()) {
        let node_at = format!("{properties_at}.{name}");
        if !is_argument_name(name, max_name_length) {
            findings.push_at(&node_at, "name", "not an argument name the spec accepts; the argument is skipped");
            continue;
        }
        if result.arguments.iter().any(|argument| argument.name == name) {
            findings.push_at(&node_at, "name", "a second argument of this name; skipped");
            continue;
        }
        let has_token = result.arguments.iter().any(|argument| argument.ty == ValueType::Token);
        result.posts_files |= node.schema.as_deref() == Some(POSTED_FILE);
        result.arguments.push(argument(name, node, required.iter().any(|r| r == name), has_token, &node_at, findings));
    }
    for name in required {
        if args.properties.as_ref().is_none_or(|properties| properties.get(name).is_none()) {
            findings.push(at, "required", format!("`{name}` is required but not described; it is left out"));
        }
    }
    result
}

fn report_root_keys(args: &Schema, at: &str, findings: &mut Findings) {
    if let Some(ty) = &args.ty {
        let names = ty.names();
        if names != ["object"] {
            findings.push(at, "type", format!("the arguments are `{}`, not an object", names.join(", ")));
        }
    }
    report_unknown(&args.other, at, findings);
}

/// Arguments the reference types as `number` that Slack documents as whole counts.
const WHOLE_COUNTS: &[&str] = &["limit", "count", "page"];

/// `ts`, `thread_ts`, `latest_ts`...: a message timestamp, by Slack's naming.
fn is_message_timestamp(name: &str) -> bool {
    name == "ts" || name.ends_with("_ts")
}

fn argument(
    name: &str,
    node: &Schema,
    required: bool,
    has_token: bool,
    at: &str,
    findings: &mut Findings,
) -> ArgumentSpec {
    let alternatives = Alternatives::of(node);
    let (view, shape) = choose(&alternatives, at, findings);
    let shape = match shape {
        Shape::Token if has_token => {
            findings.push(at, "subtype", "a second token; the argument is a string");
            Shape::Scalar(ValueType::String)
        }
        _ if JSON_ARGUMENTS.contains(&name) => Shape::Json,
        Shape::Token => Shape::Token,
        _ if name == CURSOR_ARGUMENT => Shape::Scalar(ValueType::Cursor),
        // Where the reference gives no subtype, the name says what the pages say: a `ts`
        // is a message timestamp, and a `limit` is a whole count.
        Shape::Scalar(ValueType::String) | Shape::Unknown if is_message_timestamp(name) => {
            Shape::Scalar(ValueType::Timestamp)
        }
        Shape::Scalar(ValueType::Number) if WHOLE_COUNTS.contains(&name) => Shape::Scalar(ValueType::Integer),
        other => other,
    };
    let (ty, list, values_view) = typed(shape, view, at, findings);
    let values = values(ty, values_view, at, findings);
    report_unused_keys(node, &view, shape, ty, at, findings);
    let description = match node.desc.as_deref().or(node.description.as_deref()).map(str::trim) {
        Some(description) if !description.is_empty() => description.to_owned(),
        _ => {
            findings.push(at, "desc", format!("missing; described as \"{NOT_DOCUMENTED}\""));
            NOT_DOCUMENTED.to_owned()
        }
    };
    ArgumentSpec {
        list,
        values,
        required,
        example: node.example.as_ref().or(view.inner.example.as_ref()).and_then(text),
        default: node.default.as_ref().or(view.inner.default.as_ref()).and_then(text),
        ..ArgumentSpec::new(name, ty, description)
    }
}

/// The alternative kept for an argument: the first sent as text (Slack accepts text
/// for any of them), else the first. Dropping others is reported.
fn choose<'a>(alternatives: &Alternatives<'a>, at: &str, findings: &mut Findings) -> (View<'a>, Shape<'a>) {
    let mut shaped: Vec<(View<'a>, Shape<'a>, Findings)> = alternatives
        .views
        .iter()
        .map(|view| {
            let mut found = Findings::default();
            let shape = view.shape(at, &mut found);
            (*view, shape, found)
        })
        .collect();
    let index = shaped.iter().position(|(_, shape, _)| shape.is_text()).unwrap_or(0);
    if shaped.len() > 1 {
        let key = alternatives_key(alternatives.views[0].outer);
        let kept = shaped[index].1.describe();
        findings.push(at, key, format!("{} alternatives; the spec keeps one: {kept}", shaped.len()));
    }
    let (view, shape, found) = shaped.swap_remove(index);
    findings.append(found);
    if !std::ptr::eq(view.inner, view.outer) {
        report_unknown(&view.inner.other, &format!("{at}.{}", alternatives_key(view.outer)), findings);
    }
    (view, shape)
}

/// The spec type and list style of a shape, and the node whose `enum` lists its
/// values.
fn typed<'a>(
    shape: Shape<'a>,
    view: View<'a>,
    at: &str,
    findings: &mut Findings,
) -> (ValueType, Option<ListStyle>, Option<View<'a>>) {
    match shape {
        Shape::Token => (ValueType::Token, None, None),
        Shape::Scalar(ty) => (ty, None, Some(view)),
        Shape::CommaSeparated(ty) => (ty, Some(ListStyle::CommaSeparated), None),
        Shape::Json => (ValueType::Json, None, None),
        Shape::Reference(POSTED_FILE) => {
            findings.push(
                at,
                "schema",
                "a file posted as `multipart/form-data` has no place in the spec format; the argument is a string",
            );
            (ValueType::String, None, None)
        }
        Shape::Reference(name) => {
            findings.push(at, "schema", format!("`{name}` is not a typed ID; the argument is a string"));
            (ValueType::String, None, Some(view))
        }
        Shape::Array(items) => array(items, &format!("{at}.items"), findings),
        Shape::Object(_) => {
            findings.push(at, "properties", "the members of a JSON argument have no place in the spec format");
            (ValueType::Json, None, None)
        }
        Shape::Map => (ValueType::Json, None, None),
        Shape::Unknown if view.values().is_some() => (ValueType::String, None, Some(view)),
        Shape::Unknown => {
            findings.push(at, "type", "not given; the argument is a string");
            (ValueType::String, None, None)
        }
    }
}

/// An array argument: a comma-separated list when its items are scalars or IDs, else
/// one JSON value.
fn array<'a>(
    items: Option<&'a Schema>,
    at: &str,
    findings: &mut Findings,
) -> (ValueType, Option<ListStyle>, Option<View<'a>>) {
    let Some(items) = items else { return (ValueType::Json, None, None) };
    let alternatives = Alternatives::of(items);
    let (view, shape) = choose(&alternatives, at, findings);
    report_unknown(&items.other, at, findings);
    let comma_separated = Some(ListStyle::CommaSeparated);
    match shape {
        Shape::Scalar(ty) | Shape::CommaSeparated(ty) => (ty, comma_separated, Some(view)),
        Shape::Token => (ValueType::String, comma_separated, None),
        Shape::Reference(name) if name.ends_with("_id") => {
            findings.push(at, "schema", format!("`{name}` is not a typed ID; the items are strings"));
            (ValueType::String, comma_separated, Some(view))
        }
        Shape::Reference(name) => {
            findings.push(
                at,
                "schema",
                format!("`{name}` objects have no place in the spec format; the argument is JSON"),
            );
            (ValueType::Json, None, None)
        }
        Shape::Object(_) => {
            findings.push(at, "properties", "the members of a JSON argument have no place in the spec format");
            (ValueType::Json, None, None)
        }
        Shape::Json | Shape::Array(_) | Shape::Map | Shape::Unknown => (ValueType::Json, None, None),
    }
}

/// The `enum` values of a string argument; on any other type they are reported.
fn values(ty: ValueType, view: Option<View<'_>>, at: &str, findings: &mut Findings) -> Vec<String> {
    let Some(values) = view.and_then(|view| view.values()) else { return Vec::new() };
    if ty != ValueType::String {
        findings.push(at, "enum", format!("values of a {} argument have no place in the spec format", type_name(ty)));
        return Vec::new();
    }
    let values: Vec<String> = values.iter().filter_map(text).collect();
    if values.iter().any(String::is_empty) {
        findings.push(at, "enum", "the empty value has no place among the values (it names no variant); left out");
    }
    values.into_iter().filter(|value| !value.is_empty()).collect()
}

/// Reports the known keys of an argument that its shape did not use.
fn report_unused_keys(
    node: &Schema,
    view: &View<'_>,
    shape: Shape<'_>,
    ty: ValueType,
    at: &str,
    findings: &mut Findings,
) {
    report_unknown(&node.other, at, findings);
    if node.pattern_properties.is_some() {
        findings.push(at, "patternProperties", "the members of a JSON argument have no place in the spec format");
    }
    if let Some(all_of) = &node.all_of {
        findings.push(
            at,
            "allOf",
            format!("{} schemas have no place in the spec format; the argument is JSON", all_of.len()),
        );
    }
    if let Some(required) = &node.required {
        findings.push(at, "required", format!("required members {required:?} have no place in the spec format"));
    }
    if view.inner.items.is_some() && !matches!(shape, Shape::Array(_)) {
        findings.push(at, "items", format!("no place in the spec format for a {} argument", type_name(ty)));
    }
}

//! Shapes from Slack's recorded answers: the fields of the shared objects and of each
//! method's response, inferred from what Slack was seen to send.
//!
//! The recordings (one merged superset per method, with placeholder values) are walked
//! once. A JSON object under a key an object spec lists in `keys` (a conversation under
//! `channel`) is that object: its shape joins the object's, and the field refers to it.
//! Any other object is described inline. Placeholder values tell IDs and timestamps
//! (`U00000000`, `0000000000.000000`) from text. Where two recordings disagree on a
//! field's type, the field is JSON and the disagreement is reported with the file and
//! the JSON path.

use std::collections::{BTreeMap, BTreeSet};

use heck::ToSnakeCase;
use serde_json::Value;

use crate::rules::{ENVELOPE_FIELDS, FAILURE_FIELDS, is_field_name, names_a_variant};
use crate::spec::model::{FieldSpec, ListStyle, ObjectSpec, ValueType, VariantSpec};

/// Keys whose values stay JSON: the payloads apps define themselves.
pub const RAW_KEYS: &[&str] = &["event_payload"];

/// The key of the results in a page of search results.
const SEARCH_MATCHES: &str = "matches";

/// The shape of a value, as far as the recordings show it.
#[derive(Debug, Clone, PartialEq)]
enum Shape {
    /// Nothing known: `null`, `{}`, or the items of `[]`.
    Unknown,
    /// A boolean.
    Bool,
    /// An integer.
    Int,
    /// A number with a fraction.
    Float,
    /// A string of a kind.
    Text(ValueType),
    /// An empty string, which the recordings put where a value of any kind could be
    /// (`"user": ""` beside `"user": "U00000000"`): it tells no kind.
    EmptyText,
    /// An object described inline, by key.
    Record(BTreeMap<String, Shape>),
    /// A shared object, by name.
    Object(String),
    /// An array.
    List(Box<Shape>),
    /// An object keyed by data (channel or user IDs), by what each key holds.
    Map(Box<Shape>),
    /// Anything: disagreeing recordings, or a map keyed by data.
    Json,
}

impl Shape {
    fn describe(&self) -> &'static str {
        match self {
            Shape::Unknown => "nothing",
            Shape::Bool => "a boolean",
            Shape::Int => "an integer",
            Shape::Float => "a number",
            Shape::Text(_) | Shape::EmptyText => "a string",
            Shape::Record(_) => "an object",
            Shape::Object(_) => "a shared object",
            Shape::List(_) => "an array",
            Shape::Map(_) => "a map",
            Shape::Json => "JSON",
        }
    }
}

/// What the recordings show.
#[derive(Debug, Default)]
pub struct Samples {
    /// Each shared object's fields, by object name.
    objects: BTreeMap<String, BTreeMap<String, Shape>>,
    /// Each method's response fields, by method name.
    responses: BTreeMap<String, BTreeMap<String, Shape>>,
    /// The object each key holds.
    keys: BTreeMap<String, String>,
    /// The shared object each field of a shared object holds, where its spec says so,
    /// by object name, then field name: it wins over `keys` (a confirmation dialog's
    /// `confirm` is text, where an element's `confirm` is a dialog).
    declared: BTreeMap<String, BTreeMap<String, String>>,
    /// The tag field of each object of several kinds, by object name.
    tags: BTreeMap<String, String>,
    /// The fields of each kind of those objects, by object name, then tag value.
    kinds: BTreeMap<String, BTreeMap<String, BTreeMap<String, Shape>>>,
    /// Disagreements, each with its file and JSON path.
    pub conflicts: Vec<String>,
}

impl Samples {
    /// An empty inference for the objects `objects` (their `keys`).
    pub fn new(objects: &[ObjectSpec]) -> Self {
        let mut samples = Self::default();
        for object in objects {
            samples.objects.insert(object.object.clone(), BTreeMap::new());
            if let Some(tag) = &object.tag {
                samples.tags.insert(object.object.clone(), tag.clone());
            }
            let declared: BTreeMap<String, String> = object
                .fields
                .iter()
                .filter(|field| field.ty == ValueType::Object && field.fields.is_empty())
                .filter_map(|field| Some((field.name.clone(), field.object.clone()?)))
                .collect();
            if !declared.is_empty() {
                samples.declared.insert(object.object.clone(), declared);
            }
            for key in &object.keys {
                samples.keys.insert(key.clone(), object.object.clone());
            }
        }
        samples
    }

    /// Adds the recorded answer of `method` from `file`.
    pub fn add(&mut self, method: &str, file: &str, answer: &Value) {
        let Value::Object(fields) = answer else {
            self.conflicts.push(format!("{file}: the answer is not an object"));
            return;
        };
        let mut response = BTreeMap::new();
        for (key, value) in fields {
            let envelope = ENVELOPE_FIELDS.iter().chain(FAILURE_FIELDS).any(|field| field == key);
            if envelope || !is_field_name(key) {
                continue;
            }
            let shape = self.field(key, value, file, key);
            response.insert(key.clone(), shape);
        }
        let existing = self.responses.entry(method.to_owned()).or_default();
        merge_records(existing, response, file, method, &mut self.conflicts);
    }

    /// The shape of the value of `key`, at `path` in `file`.
    fn field(&mut self, key: &str, value: &Value, file: &str, path: &str) -> Shape {
        self.field_of(None, key, value, file, path)
    }

    /// [`Samples::field`], for a field of the shared object `owner` when it is one: a
    /// field its spec says holds a shared object holds that one, whatever the key.
    fn field_of(&mut self, owner: Option<&str>, key: &str, value: &Value, file: &str, path: &str) -> Shape {
        if RAW_KEYS.contains(&key) {
            return Shape::Json;
        }
        let declared = owner.and_then(|owner| self.declared.get(owner)).and_then(|fields| fields.get(key)).cloned();
        if let Some(object) = declared.or_else(|| self.keys.get(key).cloned()) {
            // A page of search results (`{"matches": [...], "paging": ...}`) sits under
            // the key of what it finds, but is not one; nor is an object whose fields
            // contradict what the object's spec declares (a legacy attachment's
            // `confirm`, with text where a dialog has text objects).
            let fields_declared = self.declared.get(&object).cloned();
            let contradicts = |map: &serde_json::Map<String, Value>| {
                fields_declared.as_ref().is_some_and(|declared| {
                    map.iter().any(|(key, value)| declared.contains_key(key) && !value.is_object() && !value.is_array())
                })
            };
            let holds = |value: &Value| {
                value
                    .as_object()
                    .is_some_and(|map| !map.is_empty() && !map.contains_key(SEARCH_MATCHES) && !contradicts(map))
            };
            let items_are_objects = value.as_array().is_some_and(|items| !items.is_empty() && items.iter().all(holds));
            if holds(value) || items_are_objects {
                let single = holds(value);
                let items: Vec<&Value> =
                    if single { vec![value] } else { value.as_array().into_iter().flatten().collect() };
                for item in items {
                    self.observe(&object, item, file);
                }
                let reference = Shape::Object(object);
                return if single { reference } else { Shape::List(Box::new(reference)) };
            }
        }
        self.shape(value, file, path)
    }

    /// Joins `item`, an object under one of the keys of `object`, to what is known of
    /// `object` (or, for an object of several kinds, of the kind its tag names).
    fn observe(&mut self, object: &str, item: &Value, file: &str) {
        let Some(tag_field) = self.tags.get(object).cloned() else {
            if let Shape::Record(fields) = self.shape_of(Some(object), item, file, object) {
                let mut known = std::mem::take(self.objects.entry(object.to_owned()).or_default());
                merge_records(&mut known, fields, file, object, &mut self.conflicts);
                self.objects.insert(object.to_owned(), known);
            }
            return;
        };
        let Some(tag) = item.get(&tag_field).and_then(Value::as_str).filter(|tag| names_a_variant(tag)) else {
            self.conflicts.push(format!("{file}: a `{object}` without a `{tag_field}` naming its kind; it is skipped"));
            return;
        };
        let mut fields = item.as_object().cloned().unwrap_or_default();
        fields.remove(&tag_field);
        let at = format!("{object}({tag})");
        if let Shape::Record(shapes) = self.shape(&Value::Object(fields), file, &at) {
            let mut known = self.kinds.entry(object.to_owned()).or_default().remove(tag).unwrap_or_default();
            merge_records(&mut known, shapes, file, &at, &mut self.conflicts);
            self.kinds.entry(object.to_owned()).or_default().insert(tag.to_owned(), known);
        } else {
            // A kind with no field beside its tag.
            self.kinds.entry(object.to_owned()).or_default().entry(tag.to_owned()).or_default();
        }
    }

    /// The kinds of the object `name` (one with a tag), joined with what its spec
    /// already says: its variants first, in their order, then the others by tag.
    pub fn object_variants(&mut self, name: &str, existing: &[VariantSpec]) -> Vec<VariantSpec> {
        let kinds = self.kinds.get(name).cloned().unwrap_or_default();
        let mut variants = Vec::new();
        for variant in existing {
            let shapes = kinds.get(&variant.tag).cloned().unwrap_or_default();
            let owner = format!("{name}({})", variant.tag);
            let recorded = kinds.contains_key(&variant.tag);
            let basis = Basis { recorded, from_reference: false };
            let fields = to_fields(&shapes, &variant.fields, &owner, basis, &mut self.conflicts);
            variants.push(VariantSpec { fields, ..variant.clone() });
        }
        for (tag, shapes) in &kinds {
            if existing.iter().any(|variant| &variant.tag == tag) {
                continue;
            }
            let basis = Basis { recorded: true, from_reference: false };
            let fields = to_fields(shapes, &[], &format!("{name}({tag})"), basis, &mut self.conflicts);
            variants.push(VariantSpec {
                tag: tag.clone(),
                name: None,
                description: String::new(),
                fields,
                limits_source: None,
            });
        }
        variants
    }

    /// The shape of `value`, at `path` in `file`.
    fn shape(&mut self, value: &Value, file: &str, path: &str) -> Shape {
        self.shape_of(None, value, file, path)
    }

    /// [`Samples::shape`], for the value of the shared object `owner` when it is one.
    fn shape_of(&mut self, owner: Option<&str>, value: &Value, file: &str, path: &str) -> Shape {
        match value {
            Value::Null => Shape::Unknown,
            Value::Bool(_) => Shape::Bool,
            Value::Number(number) if number.is_f64() => Shape::Float,
            Value::Number(_) => Shape::Int,
            Value::String(text) if text.is_empty() => Shape::EmptyText,
            Value::String(text) => Shape::Text(text_kind(text)),
            Value::Array(items) => {
                let mut shape = Shape::Unknown;
                let at = format!("{path}[]");
                for item in items {
                    let item = self.shape(item, file, &at);
                    shape = merge(shape, item, file, &at, &mut self.conflicts);
                }
                Shape::List(Box::new(shape))
            }
            Value::Object(map) if map.is_empty() => Shape::Unknown,
            // A map keyed by IDs: what each key holds, alike.
            Value::Object(map) if map.keys().all(|key| is_id_key(key)) => {
                let mut shape = Shape::Unknown;
                let at = format!("{path}{{}}");
                for value in map.values() {
                    let value = self.shape(value, file, &at);
                    shape = merge(shape, value, file, &at, &mut self.conflicts);
                }
                Shape::Map(Box::new(shape))
            }
            // A map keyed by other data (names) rather than by field names.
            Value::Object(map) if !map.keys().all(|key| is_field_name(key)) => Shape::Json,
            Value::Object(map) => {
                let mut fields = BTreeMap::new();
                for (key, value) in map {
                    let shape = self.field_of(owner, key, value, file, &format!("{path}.{key}"));
                    fields.insert(key.clone(), shape);
                }
                Shape::Record(fields)
            }
        }
    }

    /// The names of the objects the recordings showed.
    pub fn object_names(&self) -> BTreeSet<&str> {
        self.objects.keys().map(String::as_str).collect()
    }

    /// The fields of the object `name`, joined with what its spec already says.
    pub fn object_fields(&mut self, name: &str, existing: &[FieldSpec]) -> Vec<FieldSpec> {
        let shapes = self.objects.get(name).cloned().unwrap_or_default();
        // An object no recording holds says nothing of which fields Slack sends.
        let recorded = !shapes.is_empty();
        to_fields(&shapes, existing, name, Basis { recorded, from_reference: false }, &mut self.conflicts)
    }

    /// The response fields of `method`, joined with what its spec already says, or
    /// `None` when no recording of it was added.
    pub fn response_fields(&mut self, method: &str, existing: &[FieldSpec]) -> Option<Vec<FieldSpec>> {
        let shapes = self.responses.get(method)?.clone();
        let basis = Basis { recorded: true, from_reference: true };
        Some(to_fields(&shapes, existing, method, basis, &mut self.conflicts))
    }
}

/// The placeholder IDs of the recordings, by first letter: `U00000000` is a user ID.
const PLACEHOLDER_IDS: &[(&[char], ValueType)] = &[
    (&['U', 'W'], ValueType::UserId),
    (&['C', 'G', 'D'], ValueType::ChannelId),
    (&['T'], ValueType::TeamId),
    (&['E'], ValueType::EnterpriseId),
    (&['A'], ValueType::AppId),
    (&['B'], ValueType::BotId),
    (&['F'], ValueType::FileId),
    (&['S'], ValueType::UsergroupId),
];

/// The placeholder timestamp of the recordings.
const PLACEHOLDER_TS: &str = "0000000000.000000";

/// The kind of a string, from the placeholders the recordings use.
fn text_kind(text: &str) -> ValueType {
    if text == PLACEHOLDER_TS {
        return ValueType::Timestamp;
    }
    let zeros = text.len() == 9 && text.as_bytes()[1..].iter().all(|byte| *byte == b'0');
    PLACEHOLDER_IDS
        .iter()
        .find(|(prefixes, _)| zeros && text.starts_with(*prefixes))
        .map_or(ValueType::String, |(_, kind)| *kind)
}

/// Whether an object's key is an ID, not a field name: a placeholder (`U00000000`), an
/// ID as Slack writes them (`C03E94MKU`, a function's `Fn0000000000`, a profile field's
/// `Xf0111111`), or digits (a workflow's). The recordings merge several answers into
/// one and then mark a repeated key with a trailing `_`. Slack's field names are
/// lowercase words: no field is named so.
fn is_id_key(key: &str) -> bool {
    let key = key.strip_suffix('_').unwrap_or(key);
    if text_kind(key) != ValueType::String {
        return true;
    }
    let bytes = key.as_bytes();
    let digits = bytes.iter().any(u8::is_ascii_digit);
    let all_digits = bytes.len() >= 6 && bytes.iter().all(u8::is_ascii_digit);
    // A capital, sometimes a small letter (`Fn`, `Xf`), then capitals and digits.
    let rest = match bytes {
        [first, second, rest @ ..] if first.is_ascii_uppercase() && second.is_ascii_lowercase() => rest,
        [first, rest @ ..] if first.is_ascii_uppercase() => rest,
        _ => return all_digits,
    };
    digits && rest.len() >= 7 && rest.iter().all(|byte| byte.is_ascii_uppercase() || byte.is_ascii_digit())
}

fn merge(a: Shape, b: Shape, file: &str, path: &str, conflicts: &mut Vec<String>) -> Shape {
    match (a, b) {
        (Shape::Unknown, other) | (other, Shape::Unknown) => other,
        (Shape::Json, _) | (_, Shape::Json) => Shape::Json,
        (Shape::Int | Shape::Float, Shape::Float) | (Shape::Float, Shape::Int) => Shape::Float,
        (Shape::Text(a), Shape::Text(b)) => Shape::Text(if a == b { a } else { ValueType::String }),
        (Shape::Text(kind), Shape::EmptyText) | (Shape::EmptyText, Shape::Text(kind)) => Shape::Text(kind),
        (Shape::Record(mut a), Shape::Record(b)) => {
            merge_records(&mut a, b, file, path, conflicts);
            Shape::Record(a)
        }
        (Shape::List(a), Shape::List(b)) => Shape::List(Box::new(merge(*a, *b, file, &format!("{path}[]"), conflicts))),
        (Shape::Map(a), Shape::Map(b)) => Shape::Map(Box::new(merge(*a, *b, file, &format!("{path}{{}}"), conflicts))),
        (a, b) if a == b => a,
        (a, b) => {
            conflicts.push(format!(
                "{file}: `{path}` is {} here and {} elsewhere; it is JSON",
                b.describe(),
                a.describe()
            ));
            Shape::Json
        }
    }
}

fn merge_records(
    into: &mut BTreeMap<String, Shape>,
    from: BTreeMap<String, Shape>,
    file: &str,
    path: &str,
    conflicts: &mut Vec<String>,
) {
    for (key, shape) in from {
        let at = format!("{path}.{key}");
        let merged = match into.remove(&key) {
            Some(known) => merge(known, shape, file, &at, conflicts),
            None => shape,
        };
        into.insert(key, merged);
    }
}

/// Spec fields from shapes: the fields `existing` lists first, in their order, with
/// their descriptions, required flags and values; then the others, by name. When
/// `recorded`, the shapes come from recordings of the owner, which are supersets: a
/// required field they lack is one Slack leaves out.
/// What the existing fields given to [`to_fields`] are.
#[derive(Debug, Clone, Copy)]
struct Basis {
    /// The shapes come from recordings of the owner, which are supersets: a required
    /// field they lack is one Slack leaves out.
    recorded: bool,
    /// The existing fields come from another source (Slack's reference), whose types
    /// are kept where the recordings only show JSON, and reported where they differ.
    /// Otherwise they are what an earlier import inferred, which the recordings redo.
    from_reference: bool,
}

fn to_fields(
    shapes: &BTreeMap<String, Shape>,
    existing: &[FieldSpec],
    owner: &str,
    basis: Basis,
    conflicts: &mut Vec<String>,
) -> Vec<FieldSpec> {
    let recorded = basis.recorded;
    let mut fields = Vec::new();
    let mut rust_names = BTreeSet::new();
    let known: BTreeSet<&str> = existing.iter().map(|field| field.name.as_str()).collect();
    for field in existing {
        rust_names.insert(field.name.to_snake_case());
        let Some(shape) = shapes.get(&field.name) else {
            // The recordings are supersets: one without the field shows Slack leaving it out.
            let mut field = field.clone();
            if field.required && recorded {
                conflicts.push(format!(
                    "{owner}.{}: the spec says every answer has it, a recording has none; it is optional",
                    field.name
                ));
                field.required = false;
            }
            fields.push(field);
            continue;
        };
        let mut inferred = field_spec(&field.name, shape, &field.fields, owner, basis, conflicts);
        // Text the placeholders do not tell apart keeps the finer type the spec gives it.
        if inferred.ty == ValueType::String && inferred.list == field.list && field.ty.is_text() {
            inferred.ty = field.ty;
        }
        let typed_by_reference = basis.from_reference && field.ty != ValueType::Json;
        if typed_by_reference && (field.ty, field.list) != (inferred.ty, inferred.list) {
            conflicts.push(format!(
                "{owner}.{}: the spec says {:?}{}, the recordings show {:?}{}; the recordings win",
                field.name,
                field.ty,
                if field.list.is_some() { " (a list)" } else { "" },
                inferred.ty,
                if inferred.list.is_some() { " (a list)" } else { "" },
            ));
        }
        // A field the spec says holds a shared object keeps saying so: that is what the
        // importer reads such fields by, so a disagreement cannot undo it.
        let declares_object = field.ty == ValueType::Object && field.fields.is_empty() && field.object.is_some();
        let keeps_spec_type = typed_by_reference || declares_object;
        if inferred.ty == ValueType::Json && keeps_spec_type && !RAW_KEYS.contains(&field.name.as_str()) {
            inferred.ty = field.ty;
            inferred.list = field.list;
            inferred.fields.clone_from(&field.fields);
            inferred.object.clone_from(&field.object);
        }
        inferred.required = field.required;
        inferred.description.clone_from(&field.description);
        inferred.limits = field.limits;
        inferred.values.clone_from(&field.values);
        if inferred.object.is_none() && inferred.ty == ValueType::Json {
            inferred.object.clone_from(&field.object);
        }
        fields.push(inferred);
    }
    for (name, shape) in shapes {
        if known.contains(name.as_str()) {
            continue;
        }
        if !rust_names.insert(name.to_snake_case()) {
            conflicts.push(format!("{owner}.{name}: its Rust name is another field's; it stays in `unknown`"));
            continue;
        }
        fields.push(field_spec(name, shape, &[], owner, basis, conflicts));
    }
    fields
}

fn field_spec(
    name: &str,
    shape: &Shape,
    existing: &[FieldSpec],
    owner: &str,
    basis: Basis,
    conflicts: &mut Vec<String>,
) -> FieldSpec {
    let (value, map) = match shape {
        Shape::Map(value) => (value.as_ref(), true),
        other => (other, false),
    };
    let (item, list) = match value {
        Shape::List(item) => (item.as_ref(), Some(ListStyle::Array)),
        other => (other, None),
    };
    let mut field = FieldSpec { list, map, ..FieldSpec::new(name, ValueType::Json) };
    match item {
        Shape::Bool => field.ty = ValueType::Boolean,
        Shape::Int => field.ty = ValueType::Integer,
        Shape::Float => field.ty = ValueType::Number,
        Shape::Text(kind) => field.ty = *kind,
        Shape::EmptyText => field.ty = ValueType::String,
        Shape::Object(object) => {
            field.ty = ValueType::Object;
            field.object = Some(object.clone());
        }
        Shape::Record(shapes) => {
            field.ty = ValueType::Object;
            let basis = Basis { recorded: true, ..basis };
            field.fields = to_fields(shapes, existing, &format!("{owner}.{name}"), basis, conflicts);
        }
        Shape::Unknown | Shape::Json => {}
        // A list of lists, or maps within maps or lists, are JSON as a whole: no Slack
        // object has one worth a type.
        Shape::List(_) | Shape::Map(_) => {
            field.list = None;
            field.map = false;
        }
    }
    field
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn object(name: &str, keys: &[&str]) -> ObjectSpec {
        ObjectSpec {
            object: name.to_owned(),
            description: "An object.".to_owned(),
            keys: keys.iter().map(|key| (*key).to_owned()).collect(),
            tag: None,
            fields: Vec::new(),
            variants: Vec::new(),
            untagged: None,
            limits_source: None,
            reference: None,
            constructors: Vec::new(),
            from_tuple: false,
            import: None,
        }
    }

    #[test]
    fn objects_under_their_keys_are_shared_and_joined_across_answers() {
        let mut samples = Samples::new(&[object("user", &["user", "users"])]);
        samples.add("users.info", "users.info.json", &json!({"ok": false, "user": {"id": "U00000000", "name": ""}}));
        samples.add(
            "users.list",
            "users.list.json",
            &json!({"users": [{"id": "U00000000", "is_bot": false}], "n": 1.5}),
        );
        let user = samples.object_fields("user", &[]);
        let names: Vec<(&str, ValueType)> = user.iter().map(|field| (field.name.as_str(), field.ty)).collect();
        assert_eq!(names, [("id", ValueType::UserId), ("is_bot", ValueType::Boolean), ("name", ValueType::String)]);
        let list = samples.response_fields("users.list", &[]).unwrap_or_default();
        assert_eq!((list[0].name.as_str(), list[0].ty, list[0].list), ("n", ValueType::Number, None));
        assert_eq!(
            (list[1].ty, list[1].object.as_deref(), list[1].list),
            (ValueType::Object, Some("user"), Some(ListStyle::Array))
        );
        assert!(samples.conflicts.is_empty(), "{:?}", samples.conflicts);
    }

    #[test]
    fn an_object_of_several_kinds_gathers_each_kind_by_its_tag() {
        let mut block = object("block", &["blocks"]);
        block.tag = Some("type".to_owned());
        let mut samples = Samples::new(&[block]);
        let blocks =
            json!([{"type": "divider"}, {"type": "header", "text": "a"}, {"type": "header", "id": "B00000000"}]);
        samples.add("chat.postMessage", "a.json", &json!({"blocks": blocks, "other": [{"kind": 1}]}));
        samples.add("chat.update", "b.json", &json!({"blocks": [{"text": "no tag"}]}));
        let variants = samples.object_variants("block", &[]);
        let summary: Vec<(&str, Vec<&str>)> = variants
            .iter()
            .map(|variant| (variant.tag.as_str(), variant.fields.iter().map(|field| field.name.as_str()).collect()))
            .collect();
        assert_eq!(summary, [("divider", vec![]), ("header", vec!["id", "text"])]);
        assert_eq!(samples.conflicts, ["b.json: a `block` without a `type` naming its kind; it is skipped"]);
    }

    #[test]
    fn a_field_the_spec_declares_holds_its_object_whatever_its_key() {
        let mut dialog = object("dialog", &["confirm"]);
        dialog.fields = vec![FieldSpec {
            object: Some("text".to_owned()),
            description: "The confirm button's text.".to_owned(),
            ..FieldSpec::new("confirm", ValueType::Object)
        }];
        let mut samples = Samples::new(&[dialog.clone(), object("text", &["title"])]);
        let answer = json!({"button": {"confirm": {"title": {"text": "a"}, "confirm": {"text": "b", "emoji": true}}}});
        samples.add("a.b", "a.json", &answer);
        let fields = samples.object_fields("dialog", &dialog.fields);
        let summary: Vec<(&str, Option<&str>)> =
            fields.iter().map(|f| (f.name.as_str(), f.object.as_deref())).collect();
        assert_eq!(summary, [("confirm", Some("text")), ("title", Some("text"))]);
        let text: Vec<String> = samples.object_fields("text", &[]).into_iter().map(|f| f.name).collect();
        assert_eq!(text, ["emoji", "text"]);
        // Under the same key, an object whose declared field holds text is not a dialog.
        samples.add("c.d", "c.json", &json!({"action": {"confirm": {"confirm": "Yes"}}}));
        let action = samples.response_fields("c.d", &[]).unwrap_or_default();
        assert_eq!((action[0].fields[0].ty, action[0].fields[0].object.as_deref()), (ValueType::Object, None));
    }

    #[test]
    fn an_object_keyed_by_ids_is_a_map_of_what_they_hold() {
        let mut samples = Samples::new(&[]);
        samples.add("a.b", "a.json", &json!({"shares": {"C00000000": [{"ts": "0000000000.000000"}]}}));
        let fields = samples.response_fields("a.b", &[]).unwrap_or_default();
        let shares = &fields[0];
        assert_eq!((shares.ty, shares.map, shares.list), (ValueType::Object, true, Some(ListStyle::Array)));
        assert_eq!((shares.fields[0].name.as_str(), shares.fields[0].ty), ("ts", ValueType::Timestamp));
    }

    #[test]
    fn keys_that_are_ids_are_told_from_field_names() {
        for id in ["C00000000", "C00000001", "C03E94MKU", "Fn0000000000", "Fn0000000000_", "Xf0111111", "0000000000"] {
            assert!(is_id_key(id), "{id}");
        }
        for name in ["channel", "is_private", "C", "CHANNEL_ID", "Fn", "ts2", "U0", "123"] {
            assert!(!is_id_key(name), "{name}");
        }
    }

    #[test]
    fn an_empty_string_beside_a_placeholder_keeps_its_kind() {
        let mut samples = Samples::new(&[]);
        samples.add("a.b", "a.json", &json!({"edited": {"user": "", "ts": ""}, "name": ""}));
        samples.add("a.b", "b.json", &json!({"edited": {"user": "U00000000", "ts": "0000000000.000000"}}));
        let fields = samples.response_fields("a.b", &[]).unwrap_or_default();
        let kinds =
            |fields: &[FieldSpec]| fields.iter().map(|field| (field.name.clone(), field.ty)).collect::<Vec<_>>();
        assert_eq!(
            kinds(&fields[0].fields),
            [("ts".to_owned(), ValueType::Timestamp), ("user".to_owned(), ValueType::UserId)]
        );
        assert_eq!(kinds(&fields[1..]), [("name".to_owned(), ValueType::String)], "only ever empty: text");
    }

    #[test]
    fn placeholders_tell_ids_and_timestamps_from_text() {
        assert_eq!(text_kind("U00000000"), ValueType::UserId);
        assert_eq!(text_kind("D00000000"), ValueType::ChannelId);
        assert_eq!(text_kind("0000000000.000000"), ValueType::Timestamp);
        assert_eq!(text_kind("U00000001"), ValueType::String);
        assert_eq!(text_kind("X00000000"), ValueType::String);
        assert_eq!(text_kind("é0000000"), ValueType::String, "nine bytes, not nine characters");
    }

    #[test]
    fn a_disagreement_is_json_and_reported_with_file_and_path() {
        let mut samples = Samples::new(&[]);
        samples.add("a.b", "a.json", &json!({"item": {"size": 1}}));
        samples.add("a.b", "b.json", &json!({"item": {"size": "big"}}));
        let fields = samples.response_fields("a.b", &[]).unwrap_or_default();
        assert_eq!(fields[0].fields[0].ty, ValueType::Json);
        assert_eq!(
            samples.conflicts,
            ["b.json: `a.b.item.size` is a string here and an integer elsewhere; it is JSON"]
        );
    }

    #[test]
    fn a_required_field_a_recording_lacks_becomes_optional_and_is_reported() {
        let mut samples = Samples::new(&[object("user", &["user"])]);
        samples.add("auth.revoke", "auth.revoke.json", &json!({"ok": false, "error": ""}));
        let revoked = FieldSpec { required: true, ..FieldSpec::new("revoked", ValueType::Boolean) };
        let fields = samples.response_fields("auth.revoke", std::slice::from_ref(&revoked)).unwrap_or_default();
        assert!(!fields[0].required);
        assert_eq!(
            samples.conflicts,
            ["auth.revoke.revoked: the spec says every answer has it, a recording has none; it is optional"]
        );
        // An object no recording holds keeps what its spec says.
        let user = samples.object_fields("user", std::slice::from_ref(&revoked));
        assert!(user[0].required);
    }

    #[test]
    fn the_spec_keeps_its_descriptions_limits_and_order() {
        let mut samples = Samples::new(&[]);
        samples.add("a.b", "a.json", &json!({"z": true, "a": "0000000000.000000", "event_payload": {"type": "x"}}));
        let limits = crate::spec::model::FieldLimits { max_length: Some(3), ..Default::default() };
        let existing = FieldSpec {
            required: true,
            description: "Zed.".to_owned(),
            limits,
            ..FieldSpec::new("z", ValueType::Json)
        };
        let fields = samples.response_fields("a.b", &[existing]).unwrap_or_default();
        assert_eq!(fields[0].limits, limits);
        let summary: Vec<(&str, ValueType, bool, &str)> =
            fields.iter().map(|f| (f.name.as_str(), f.ty, f.required, f.description.as_str())).collect();
        assert_eq!(
            summary,
            [
                ("z", ValueType::Boolean, true, "Zed."),
                ("a", ValueType::Timestamp, false, ""),
                ("event_payload", ValueType::Json, false, "")
            ]
        );
    }
}

//! Checks of what objects an app builds and sends (Block Kit) say beyond their fields:
//! the kinds a field accepts, the values that must be unique, the shortcuts that
//! build them, and the page they were written from.

use std::collections::{BTreeMap, BTreeSet};

use super::report_duplicates;
use crate::diagnostics::Diagnostic;
use crate::rules;
use crate::spec::model::{FieldSpec, ObjectSpec, Uniqueness, ValueType};
use crate::spec::{Loaded, Spec};

/// The objects of the spec, as fields refer to them: by name, with their kinds' tags
/// for an object of several kinds.
#[derive(Debug, Default)]
pub struct Objects<'a> {
    kinds: BTreeMap<&'a str, Option<BTreeSet<&'a str>>>,
}

impl<'a> Objects<'a> {
    /// The objects of `spec`.
    pub fn new(spec: &'a Spec) -> Self {
        let kinds = spec
            .objects
            .iter()
            .map(|object| {
                let spec = &object.value;
                let tags =
                    spec.tag.as_ref().map(|_| spec.variants.iter().map(|variant| variant.tag.as_str()).collect());
                (spec.object.as_str(), tags)
            })
            .collect();
        Self { kinds }
    }

    /// Whether there is an object `name`.
    pub fn contains(&self, name: &str) -> bool {
        self.kinds.contains_key(name)
    }

    /// The tags of the kinds of `name`, when it is an object of several kinds.
    fn tags(&self, name: &str) -> Option<&BTreeSet<&'a str>> {
        self.kinds.get(name)?.as_ref()
    }
}

/// The Block Kit vocabulary of `field`, at `at`: `accepts` names kinds of the object
/// it holds, `unique` is on text, `nested_map` on a map.
pub fn validate_field<T>(
    file: &Loaded<T>,
    at: &str,
    field: &FieldSpec,
    objects: &Objects<'_>,
    problems: &mut Vec<Diagnostic>,
) {
    if !field.accepts.is_empty() {
        let accepts_at = format!("{at}.accepts");
        let held =
            (field.ty == ValueType::Object && field.fields.is_empty() && !field.map).then_some(field.object.as_deref());
        match held.flatten().map(|name| (name, objects.tags(name))) {
            Some((name, Some(tags))) => {
                for (index, tag) in field.accepts.iter().enumerate() {
                    if !tags.contains(tag.as_str()) {
                        problems.push(
                            file.problem(&format!("{accepts_at}.{index}"), format!("`{name}` has no kind `{tag}`"))
                                .with_hint(format!("its kinds are the `tag`s of spec/objects/{name}.yaml")),
                        );
                    }
                }
                report_duplicates(file, &accepts_at, field.accepts.iter().cloned(), "kind", problems);
            }
            _ => problems.push(
                file.problem(&accepts_at, "only a field holding an object of several kinds (a `tag`) accepts kinds"),
            ),
        }
    }
    let text = field.ty == ValueType::String && field.values.is_empty() && field.list.is_none() && !field.map;
    match field.unique {
        Some(_) if !text => {
            problems.push(file.problem(&format!("{at}.unique"), "only a text field is unique among its peers"));
        }
        // A block's kinds are the scope; without them the check would quietly compare
        // the whole value.
        Some(Uniqueness::Block) if objects.tags(Uniqueness::Block.as_str()).is_none() => problems.push(
            file.problem(&format!("{at}.unique"), "`unique: block` needs the object `block`, of several kinds")
                .with_hint("or write `unique: surface`, unique within the whole value checked"),
        ),
        _ => {}
    }
    if field.nested_map && !field.map {
        problems.push(
            file.problem(&format!("{at}.nested_map"), "`nested_map` describes the values of a map")
                .with_hint("add `map: true`"),
        );
    }
}

/// What an object says of how it is built and where it comes from.
pub fn validate_object(object: &Loaded<ObjectSpec>, problems: &mut Vec<Diagnostic>) {
    let spec = &object.value;
    if let Some(url) = spec.reference.as_deref().filter(|url| !url.starts_with("https://")) {
        problems.push(object.problem("reference", format!("`{url}` is not an https URL")));
    }
    for (index, variant) in spec.variants.iter().enumerate() {
        if let Some(name) = variant.name.as_deref().filter(|name| !rules::is_object_name(name)) {
            problems.push(
                object
                    .problem(&format!("variants.{index}.name"), format!("`{name}` is not a type name"))
                    .with_hint("write it in snake case, such as `section_block`"),
            );
        }
    }
    if (spec.from_tuple || !spec.constructors.is_empty()) && spec.tag.is_some() {
        let at = if spec.from_tuple { "from_tuple" } else { "constructors" };
        problems.push(
            object
                .problem(at, "an object of several kinds is built through its kinds")
                .with_hint("each kind's type has its own constructor"),
        );
        return;
    }
    let required: Vec<&FieldSpec> = spec.fields.iter().filter(|field| field.required).collect();
    if spec.from_tuple && !(2..=4).contains(&required.len()) {
        let count = required.len();
        problems.push(
            object.problem("from_tuple", format!("a tuple of its required fields needs 2 to 4 of them, not {count}")),
        );
    }
    // A tuple's items convert into the fields, so each is one value of a type they can.
    let converts = |field: &&FieldSpec| {
        field.list.is_none()
            && !field.map
            && !matches!(field.ty, ValueType::Boolean | ValueType::Integer | ValueType::Number)
    };
    if spec.from_tuple && !required.iter().all(converts) {
        problems.push(
            object
                .problem("from_tuple", "a tuple converts into single fields of text, IDs or objects")
                .with_hint("its required fields include a list, a map, a boolean or a number"),
        );
    }
    for (index, constructor) in spec.constructors.iter().enumerate() {
        let at = format!("constructors.{index}");
        if !rules::is_object_name(&constructor.name) {
            problems
                .push(object.problem(&format!("{at}.name"), format!("`{}` is not a function name", constructor.name)));
        }
        // Setters are named after fields, and `new` is the constructor.
        if constructor.name == "new" || spec.fields.iter().any(|field| field.name == constructor.name) {
            let message = format!("`{}` is already a function of the type", constructor.name);
            problems.push(object.problem(&format!("{at}.name"), message));
        }
        for (field_name, value) in &constructor.sets {
            let field = spec.fields.iter().find(|field| &field.name == field_name);
            match field {
                Some(field) if field.required && field.list.is_none() && field.values.contains(value) => {}
                Some(field) if field.required && field.list.is_none() => problems.push(
                    object.problem(&format!("{at}.sets.{field_name}"), format!("`{value}` is not one of its `values`")),
                ),
                _ => problems.push(
                    object
                        .problem(&format!("{at}.sets.{field_name}"), format!("`{field_name}` is no required field"))
                        .with_hint("a shortcut fixes required fields with documented `values`"),
                ),
            }
        }
        let left: Vec<&FieldSpec> =
            spec.fields.iter().filter(|field| field.required && !constructor.sets.contains_key(&field.name)).collect();
        let text = matches!(left.as_slice(), [field] if field.ty == ValueType::String && field.values.is_empty() && field.list.is_none());
        if constructor.from_text && !text {
            problems.push(
                object
                    .problem(
                        &format!("{at}.from_text"),
                        "converting from text needs exactly one other required field, of text",
                    )
                    .with_hint("remove `from_text`"),
            );
        }
    }
    report_duplicates(
        object,
        "constructors.*.name",
        spec.constructors.iter().map(|c| c.name.clone()),
        "constructor",
        problems,
    );
    let from_text = spec.constructors.iter().filter(|constructor| constructor.from_text).count();
    if from_text > 1 {
        problems.push(object.problem("constructors", "only one shortcut converts from text"));
    }
}

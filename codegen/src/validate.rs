//! Checks what the serde model cannot: names, duplicates, references between files.
//!
//! Every check pushes its problems and goes on, so one run reports them all.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostics::Diagnostic;
use crate::rules::{self, ENVELOPE_FIELDS, is_method_name};
use crate::spec::model::{
    ArgumentSpec, CodeSpec, FieldLimits, FieldSpec, LifecycleStatus, ListStyle, MethodSpec, ObjectSpec, SharedSpec,
    ValueType,
};
use crate::spec::{COMMON_SET, Loaded, Spec};

mod block_kit;

use block_kit::Objects;

/// Where Slack serves its Web API methods.
pub const API_BASE_URL: &str = "https://slack.com/api/";

/// Every problem in `spec` that serde did not already report.
pub fn validate(spec: &Spec) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let shared_names: BTreeSet<&str> = spec.shared.iter().map(|set| set.value.name.as_str()).collect();
    let max_argument_name = spec
        .shared
        .iter()
        .find(|set| set.value.name == COMMON_SET)
        .and_then(|set| set.value.limits.as_ref())
        .map_or(rules::DEFAULT_ARGUMENT_NAME_LENGTH, |limits| limits.argument_name_length);
    for set in &spec.shared {
        validate_shared(set, &mut problems);
    }
    let objects = Objects::new(spec);
    for object in &spec.objects {
        validate_object(object, &objects, &mut problems);
    }
    let mut seen_methods: BTreeMap<&str, &Loaded<MethodSpec>> = BTreeMap::new();
    for method in &spec.methods {
        validate_method(method, &shared_names, max_argument_name, &mut problems);
        validate_held_objects(method, &objects, &mut problems);
        validate_fields(method, "response", &method.value.response.fields, &objects, &mut problems);
        if let Some(first) = seen_methods.insert(&method.value.method, method) {
            problems.push(
                method
                    .problem("method", format!("method `{}` is also specified in {}", method.value.method, first.file)),
            );
        }
    }
    problems
}

fn validate_object(object: &Loaded<ObjectSpec>, objects: &Objects<'_>, problems: &mut Vec<Diagnostic>) {
    let spec = &object.value;
    if spec.object != object.stem {
        problems.push(
            object
                .problem(
                    "object",
                    format!("the object is named `{}` but its file is `{}.yaml`", spec.object, object.stem),
                )
                .with_hint(format!("rename the file to `{}.yaml`", spec.object)),
        );
    }
    if !rules::is_object_name(&spec.object) {
        problems.push(
            object
                .problem("object", format!("`{}` is not an object name", spec.object))
                .with_hint("object names are lowercase words joined by `_`, such as `user_profile`"),
        );
    }
    require_text(object, "description", &spec.description, problems);
    report_duplicates(object, "keys", spec.keys.iter().cloned(), "key", problems);
    validate_fields(object, "", &spec.fields, objects, problems);
    let source = spec.limits_source.as_deref().map(|url| Source::At(url, "limits_source".to_owned()));
    validate_limits_source(object, "object", &spec.fields, source, problems);
    match (&spec.tag, spec.variants.is_empty()) {
        (Some(_), true) => problems.push(object.problem("tag", "an object with a `tag` lists its `variants`")),
        (None, false) => problems.push(
            object.problem("variants", "only an object with a `tag` has `variants`").with_hint("add `tag: type`"),
        ),
        (Some(_), false) if !spec.fields.is_empty() && spec.untagged.is_none() => problems.push(
            object.problem("fields", "an object with a `tag` has its fields in its `variants`").with_hint(
                "move each field into the variants that have it, or name the kind without a tag: `untagged`",
            ),
        ),
        _ => {}
    }
    if spec.untagged.is_some() && spec.tag.is_none() {
        problems.push(object.problem("untagged", "only an object with a `tag` has a kind without it"));
    }
    let tag = spec.tag.as_deref().unwrap_or_default();
    for (index, variant) in spec.variants.iter().enumerate() {
        let at = format!("variants.{index}");
        if !rules::names_a_variant(&variant.tag) {
            problems.push(object.problem(
                &format!("{at}.tag"),
                format!("the tag `{}` has no letter or digit to name a variant by", variant.tag),
            ));
        }
        if let Some(field) = variant.fields.iter().position(|field| field.name == tag) {
            problems.push(
                object
                    .problem(&format!("{at}.fields.{field}.name"), format!("`{tag}` is the tag, not a field"))
                    .with_hint("remove it: the variant is chosen by it"),
            );
        }
        validate_fields(object, &at, &variant.fields, objects, problems);
        // The object's own source is checked once, with the object.
        let source = match (&variant.limits_source, &spec.limits_source) {
            (Some(own), _) => Some(Source::At(own, format!("{at}.limits_source"))),
            (None, Some(_)) => Some(Source::Checked),
            (None, None) => None,
        };
        validate_limits_source(object, &format!("{at}.tag"), &variant.fields, source, problems);
    }
    report_duplicates(object, "variants.*.tag", spec.variants.iter().map(|v| v.tag.clone()), "tag", problems);
    block_kit::validate_object(object, problems);
}

fn validate_shared(set: &Loaded<SharedSpec>, problems: &mut Vec<Diagnostic>) {
    let spec = &set.value;
    if spec.name != set.stem {
        problems.push(
            set.problem("name", format!("the shared set is named `{}` but its file is `{}.yaml`", spec.name, set.stem))
                .with_hint(format!("rename the file to `{}.yaml`, or the set to `{}`", spec.name, set.stem)),
        );
    }
    require_text(set, "description", &spec.description, problems);
    validate_codes(set, "errors", &spec.errors, problems);
    validate_codes(set, "warnings", &spec.warnings, problems);
}

fn validate_method(
    method: &Loaded<MethodSpec>,
    shared: &BTreeSet<&str>,
    max_argument_name: usize,
    problems: &mut Vec<Diagnostic>,
) {
    let spec = &method.value;
    if !is_method_name(&spec.method) {
        problems.push(
            method
                .problem("method", format!("`{}` is not a method name", spec.method))
                .with_hint("method names are dot-separated words of letters and digits, such as `chat.postMessage`"),
        );
    }
    if spec.method != method.stem {
        problems.push(
            method
                .problem("method", format!("the method is `{}` but its file is `{}.yaml`", spec.method, method.stem))
                .with_hint(format!("rename the file to `{}.yaml`", spec.method)),
        );
    }
    let url = format!("{API_BASE_URL}{}", spec.method);
    if spec.url != url {
        problems.push(method.problem("url", format!("the URL of `{}` is `{url}`, not `{}`", spec.method, spec.url)));
    }
    if spec.content_types.is_empty() {
        problems.push(
            method
                .problem("content_types", "a method accepts at least one content type")
                .with_hint("every Slack method accepts `application/x-www-form-urlencoded`"),
        );
    }
    report_duplicates(
        method,
        "content_types",
        spec.content_types.iter().map(|t| t.as_str().to_owned()),
        "content type",
        problems,
    );
    report_duplicates(
        method,
        "works_with.*.token_type",
        spec.works_with.iter().map(|w| format!("{:?}", w.token_type).to_lowercase()),
        "token type",
        problems,
    );
    match (spec.lifecycle.status, spec.lifecycle.note.as_deref().map(str::trim)) {
        (LifecycleStatus::Deprecated, None | Some("")) => problems.push(
            method
                .problem("lifecycle", "a deprecated method needs a `note` saying why and what to use instead")
                .with_hint("the note becomes the `#[deprecated]` message users see"),
        ),
        (LifecycleStatus::Stable, Some(_)) => {
            problems.push(method.problem("lifecycle.note", "only a deprecated method has a lifecycle note"));
        }
        _ => {}
    }
    require_text(method, "summary", &spec.summary, problems);
    if spec.summary.trim().contains('\n') {
        problems.push(method.problem("summary", "the summary is one line; longer text goes in `description`"));
    }
    for (index, related) in spec.related.iter().enumerate() {
        if !is_method_name(related) {
            problems.push(method.problem(&format!("related.{index}"), format!("`{related}` is not a method name")));
        }
    }
    for (index, include) in spec.include.iter().enumerate() {
        if !shared.contains(include.as_str()) {
            let known = shared.iter().map(|name| format!("`{name}`")).collect::<Vec<_>>().join(", ");
            problems.push(
                method
                    .problem(&format!("include.{index}"), format!("there is no shared set `{include}`"))
                    .with_hint(format!("shared sets are the files in spec/shared/; known: {known}")),
            );
        }
    }
    report_duplicates(method, "include", spec.include.iter().cloned(), "include", problems);
    validate_rate_limits(method, problems);
    validate_arguments(method, max_argument_name, problems);
    validate_response(method, problems);
    validate_codes(method, "errors", &spec.errors, problems);
    validate_codes(method, "warnings", &spec.warnings, problems);
}

fn validate_rate_limits(method: &Loaded<MethodSpec>, problems: &mut Vec<Diagnostic>) {
    let Some(limits) = &method.value.rate_limits else { return };
    require_text(method, "rate_limits.source", &limits.source, problems);
    if limits.per_channel.is_none() && limits.non_marketplace.is_none() {
        problems.push(
            method
                .problem("rate_limits", "`rate_limits` gives no limit")
                .with_hint("give `per_channel`, `non_marketplace`, or both; or leave `rate_limits` out"),
        );
    }
    let mut rates = Vec::new();
    if let Some(channel) = &limits.per_channel {
        rates.push(("rate_limits.per_channel", channel.calls_per_minute, channel.burst));
        let argument = method.value.arguments.iter().find(|argument| argument.name == channel.argument);
        if argument.is_none() {
            problems.push(
                method
                    .problem("rate_limits.per_channel.argument", format!("there is no argument `{}`", channel.argument))
                    .with_hint("name the argument that holds the channel, such as `channel`"),
            );
        }
    }
    if let Some(cohort) = &limits.non_marketplace {
        rates.push(("rate_limits.non_marketplace", cohort.calls_per_minute, cohort.burst));
        if cohort.max_limit == Some(0) {
            problems.push(method.problem("rate_limits.non_marketplace.max_limit", "a page holds at least one item"));
        }
    }
    for (at, calls_per_minute, burst) in rates {
        if calls_per_minute == 0 {
            problems
                .push(method.problem(&format!("{at}.calls_per_minute"), "a limit allows at least one call a minute"));
        }
        if burst == Some(0) {
            problems.push(method.problem(&format!("{at}.burst"), "a burst is at least one call"));
        }
    }
}

fn validate_arguments(method: &Loaded<MethodSpec>, max_argument_name: usize, problems: &mut Vec<Diagnostic>) {
    let arguments = &method.value.arguments;
    for (index, argument) in arguments.iter().enumerate() {
        let at = format!("arguments.{index}");
        let name = &argument.name;
        if !rules::is_argument_word(name) {
            problems.push(
                method
                    .problem(&format!("{at}.name"), format!("`{name}` is not an argument name Slack accepts"))
                    .with_hint("Slack answers `invalid_arg_name` unless a name is letters, digits and `_`"),
            );
        } else if !rules::is_argument_name(name, max_argument_name) {
            problems.push(method.problem(
                &format!("{at}.name"),
                format!("argument names are at most {max_argument_name} characters; Slack rejects longer ones"),
            ));
        }
        require_text(method, &format!("{at}.description"), &argument.description, problems);
        if argument.ty == ValueType::Object {
            problems.push(
                method
                    .problem(&format!("{at}.type"), "`object` is a response field type; an argument sends JSON")
                    .with_hint("use `type: json`"),
            );
        }
        validate_values(method, &at, argument, problems);
        match (argument.ty, argument.list) {
            (ValueType::Token | ValueType::Secret, Some(_)) => {
                problems
                    .push(method.problem(&format!("{at}.list"), "a token or a secret is a single value, not a list"));
            }
            (ValueType::Json, Some(_)) => problems.push(
                method
                    .problem(&format!("{at}.list"), "a JSON argument is one JSON value")
                    .with_hint("a JSON array is a `json` argument without `list`"),
            ),
            (_, Some(ListStyle::Array)) => problems.push(
                method
                    .problem(
                        &format!("{at}.list"),
                        "arguments are sent as text, so a list argument is `comma_separated`",
                    )
                    .with_hint("`array` is for response fields"),
            ),
            _ => {}
        }
    }
    let tokens: Vec<usize> =
        arguments.iter().enumerate().filter(|(_, a)| a.ty == ValueType::Token).map(|(index, _)| index).collect();
    for index in tokens.iter().skip(1) {
        problems.push(method.problem(&format!("arguments.{index}.type"), "a method has at most one `token` argument"));
    }
    report_duplicates(method, "arguments.*.name", arguments.iter().map(|a| a.name.clone()), "argument", problems);
}

fn validate_values(method: &Loaded<MethodSpec>, at: &str, argument: &ArgumentSpec, problems: &mut Vec<Diagnostic>) {
    if argument.values.is_empty() {
        return;
    }
    if argument.ty != ValueType::String {
        problems.push(
            method
                .problem(&format!("{at}.values"), "only a `string` argument lists its values")
                .with_hint("the generator makes an enum of them"),
        );
    }
    for (index, value) in argument.values.iter().enumerate() {
        if !rules::names_a_variant(value) {
            problems.push(method.problem(
                &format!("{at}.values.{index}"),
                format!("`{value}` cannot name an enum variant: it has no letter or digit"),
            ));
        }
    }
    report_duplicates(method, &format!("{at}.values"), argument.values.iter().cloned(), "value", problems);
}

fn validate_response(method: &Loaded<MethodSpec>, problems: &mut Vec<Diagnostic>) {
    let response = &method.value.response;
    for (index, field) in response.fields.iter().enumerate() {
        if ENVELOPE_FIELDS.contains(&field.name.as_str()) {
            problems.push(
                method
                    .problem(
                        &format!("response.fields.{index}.name"),
                        format!("`{}` is decoded by the client for every method", field.name),
                    )
                    .with_hint("remove it from the response fields"),
            );
        }
    }
    for (index, example) in response.examples.iter().enumerate() {
        let at = format!("response.examples.{index}");
        require_text(method, &format!("{at}.description"), &example.description, problems);
        if let Err(error) = serde_json::from_str::<serde_json::Value>(&example.body) {
            problems.push(method.problem(&format!("{at}.body"), format!("the example body is not JSON: {error}")));
        }
    }
}

/// The fields at `path` (`response`, an object's root `""`, or a field's path), and
/// those of the objects they describe inline. `objects` are the names in
/// `spec/objects/`.
fn validate_fields<T>(
    file: &Loaded<T>,
    path: &str,
    fields: &[FieldSpec],
    objects: &Objects<'_>,
    problems: &mut Vec<Diagnostic>,
) {
    let prefix = if path.is_empty() { String::new() } else { format!("{path}.") };
    for (index, field) in fields.iter().enumerate() {
        let at = format!("{prefix}fields.{index}");
        match (field.ty, field.fields.is_empty(), field.object.as_deref()) {
            (ValueType::Object, true, None) => problems.push(
                file.problem(&format!("{at}.type"), "an `object` field names its `object` or lists its `fields`")
                    .with_hint("an object the spec does not describe is `type: json`"),
            ),
            (ValueType::Object, false, Some(_)) => problems.push(
                file.problem(&format!("{at}.object"), "a field either names its `object` or lists its `fields`")
                    .with_hint("an object described in spec/objects/ is named; any other is described inline"),
            ),
            (ValueType::Object, true, Some(name)) if !objects.contains(name) => problems.push(
                file.problem(&format!("{at}.object"), format!("there is no object `{name}`"))
                    .with_hint("objects are the files in spec/objects/; or make the field `type: json`"),
            ),
            (ValueType::Object, false, None) => validate_fields(file, &at, &field.fields, objects, problems),
            (ValueType::Object | ValueType::Json, true, _) => {}
            (_, false, _) => {
                problems.push(file.problem(&format!("{at}.fields"), "only an `object` field has `fields`"))
            }
            (_, true, Some(_)) => problems.push(
                file.problem(
                    &format!("{at}.object"),
                    "`object` names the Slack object an `object` or `json` field holds",
                )
                .with_hint("remove it, or make the field `type: object`"),
            ),
            (_, true, None) => {}
        }
        validate_limits(file, &at, field, problems);
        block_kit::validate_field(file, &at, field, objects, problems);
        if !field.values.is_empty() {
            if field.ty == ValueType::String {
                for (value_index, value) in field.values.iter().enumerate() {
                    if !rules::names_a_variant(value) {
                        problems.push(file.problem(
                            &format!("{at}.values.{value_index}"),
                            format!("the value `{value}` has no letter or digit to name a variant by"),
                        ));
                    }
                }
                report_duplicates(file, &format!("{at}.values"), field.values.iter().cloned(), "value", problems);
            } else {
                problems.push(file.problem(&format!("{at}.values"), "only a `string` field lists `values`"));
            }
        }
    }
    validate_field_names(file, &prefix, fields, problems);
}

/// The limits of `field`, at `at`: on what they can count, and a minimum no greater than
/// the maximum. Limits are for the objects an app sends, so an answer has none.
fn validate_limits<T>(file: &Loaded<T>, at: &str, field: &FieldSpec, problems: &mut Vec<Diagnostic>) {
    let limits = &field.limits;
    if limits.is_empty() {
        return;
    }
    let at = format!("{at}.limits");
    if at.starts_with("response.") {
        problems.push(
            file.problem(&at, "an answer's fields have no limits")
                .with_hint("limits are Slack's checks of what an app sends: write them in spec/objects/"),
        );
    }
    if field.map {
        problems.push(file.problem(&at, "a map keyed by data has no limits"));
    }
    // A list's length limit is on each of its items.
    let text = (field.ty == ValueType::String && field.values.is_empty())
        || (field.ty == ValueType::Object && field.object.as_deref() == Some(rules::TEXT_OBJECT));
    if limits.limits_length() && !text {
        problems.push(
            file.problem(
                &at,
                "a length limits text: a `string` field, or one holding a `text_object` (each, in a list)",
            )
            .with_hint("a list is limited by `min_items` and `max_items`; values an enum lists, by the enum"),
        );
    }
    if limits.limits_items() && field.list.is_none() {
        problems.push(file.problem(&at, "only a list has `min_items` or `max_items`"));
    }
    validate_bounds(file, &at, limits, problems);
}

/// That no minimum of `limits` (at `at`) is above its maximum.
fn validate_bounds<T>(file: &Loaded<T>, at: &str, limits: &FieldLimits, problems: &mut Vec<Diagnostic>) {
    for (what, min, max) in
        [("length", limits.min_length, limits.max_length), ("items", limits.min_items, limits.max_items)]
    {
        if let (Some(min), Some(max)) = (min, max) {
            if min > max {
                problems.push(file.problem(at, format!("`min_{what}` ({min}) is more than `max_{what}` ({max})")));
            }
        }
    }
}

/// The objects `json` arguments hold, and the limits of arguments: a list of objects
/// has a number of items, text a length.
fn validate_held_objects(method: &Loaded<MethodSpec>, objects: &Objects<'_>, problems: &mut Vec<Diagnostic>) {
    for (index, argument) in method.value.arguments.iter().enumerate() {
        let at = format!("arguments.{index}");
        if let Some(holds) = &argument.holds {
            if !matches!(argument.ty, ValueType::Json | ValueType::String) || argument.list.is_some() {
                problems.push(
                    method
                        .problem(&format!("{at}.holds"), "only a `json` argument holds objects")
                        .with_hint("or a `string` one, sent as JSON already encoded"),
                );
            } else if !objects.contains(holds.object.as_str()) {
                problems.push(
                    method
                        .problem(&format!("{at}.holds.object"), format!("there is no object `{}`", holds.object))
                        .with_hint("objects are the files in spec/objects/"),
                );
            }
        }
        let limits = &argument.limits;
        if limits.is_empty() {
            continue;
        }
        let at = format!("{at}.limits");
        let list_of_objects = argument.holds.as_ref().is_some_and(|holds| holds.list);
        if limits.limits_items() && !list_of_objects {
            problems.push(
                method
                    .problem(&at, "only a list of objects has `min_items` or `max_items`")
                    .with_hint("say what it holds: `holds: {object: block, list: true}`"),
            );
        }
        if limits.limits_length() && (argument.ty != ValueType::String || argument.list.is_some()) {
            problems.push(method.problem(&at, "a length limits text: a `string` argument"));
        } else if limits.limits_length() && argument.holds.is_some() {
            problems.push(
                method
                    .problem(&at, "an argument that holds objects is limited by them, not by its length")
                    .with_hint("write the limits on the object's fields in spec/objects/"),
            );
        }
        validate_bounds(method, &at, limits, problems);
    }
}

/// Whether `fields`, or the fields of the objects they describe inline, have limits.
fn any_limits(fields: &[FieldSpec]) -> bool {
    fields.iter().any(|field| !field.limits.is_empty() || any_limits(&field.fields))
}

/// The source of the limits of an object or of one of its variants, named at `owner`
/// (its `object` or its `tag`): a page of Slack's reference, at `source_at`, required
/// when a field has limits.
fn validate_limits_source<T>(
    file: &Loaded<T>,
    owner: &str,
    fields: &[FieldSpec],
    source: Option<Source<'_>>,
    problems: &mut Vec<Diagnostic>,
) {
    match source {
        None if any_limits(fields) => problems.push(
            file.problem(owner, "fields with limits need the page that documents them, `limits_source`")
                .with_hint("add `limits_source: https://docs.slack.dev/reference/...` beside the fields"),
        ),
        Some(Source::At(url, at)) if !url.starts_with("https://") => {
            problems.push(file.problem(&at, format!("`{url}` is not an https URL")));
        }
        _ => {}
    }
}

/// The source of some limits: a URL written at a path, or one checked elsewhere (an
/// object's, which its variants share).
enum Source<'a> {
    At(&'a str, String),
    Checked,
}

fn validate_field_names<T>(file: &Loaded<T>, prefix: &str, fields: &[FieldSpec], problems: &mut Vec<Diagnostic>) {
    for (index, field) in fields.iter().enumerate() {
        let at = format!("{prefix}fields.{index}");
        let valid = rules::is_field_name(&field.name);
        if !valid {
            problems.push(
                file.problem(&format!("{at}.name"), format!("`{}` is not a response field name", field.name))
                    .with_hint("field names are ASCII letters, digits, `_` and `-`, as in Slack's JSON"),
            );
        }
        if field.ty == ValueType::Token {
            problems
                .push(file.problem(&format!("{at}.type"), "`token` is an argument type, not a response field type"));
        }
        if field.list == Some(ListStyle::CommaSeparated) {
            problems.push(
                file.problem(&format!("{at}.list"), "response lists are JSON arrays").with_hint("use `list: array`"),
            );
        }
    }
    report_duplicates(
        file,
        &format!("{prefix}fields.*.name"),
        fields.iter().map(|f| f.name.clone()),
        "field",
        problems,
    );
}

fn validate_codes<T>(file: &Loaded<T>, key: &str, codes: &[CodeSpec], problems: &mut Vec<Diagnostic>) {
    for (index, code) in codes.iter().enumerate() {
        let at = format!("{key}.{index}");
        let valid = rules::is_code(&code.code);
        if !valid {
            problems.push(
                file.problem(&format!("{at}.code"), format!("`{}` is not a code Slack sends", code.code))
                    .with_hint("codes are letters, digits, `_`, `-` and `.`"),
            );
        }
        require_text(file, &format!("{at}.description"), &code.description, problems);
    }
    report_duplicates(file, &format!("{key}.*.code"), codes.iter().map(|c| c.code.clone()), "code", problems);
}

/// Reports each value of the list at `key` that an earlier item already had. `key`
/// may name a member of the items (`arguments.*.name`).
fn report_duplicates<T>(
    file: &Loaded<T>,
    key: &str,
    values: impl Iterator<Item = String>,
    what: &str,
    problems: &mut Vec<Diagnostic>,
) {
    let path = |index: usize| match key.split_once(".*") {
        Some((list, member)) => format!("{list}.{index}{member}"),
        None => format!("{key}.{index}"),
    };
    let mut first_index: BTreeMap<String, usize> = BTreeMap::new();
    for (index, value) in values.enumerate() {
        if let Some(first) = first_index.get(&value) {
            let first_at = file.locator.find(&path(*first));
            problems.push(
                file.problem(&path(index), format!("duplicate {what} `{value}`, first at line {}", first_at.line)),
            );
        } else {
            first_index.insert(value, index);
        }
    }
}

fn require_text<T>(file: &Loaded<T>, path: &str, text: &str, problems: &mut Vec<Diagnostic>) {
    if text.trim().is_empty() {
        problems.push(
            file.problem(path, format!("`{}` is empty", path.rsplit('.').next().unwrap_or(path)))
                .with_hint("it becomes the doc comment users read: say what it is"),
        );
    }
}

//! The doc prose of the generated items: every sentence the generator writes itself,
//! around the descriptions that come from the spec.

use crate::docs::{self, Lines, code_span, method_page, table_cell};
use crate::ir::{self, ContentType, RateTier};
use crate::spec::model::{ArgumentSpec, FieldLimits, FieldSpec, MethodSpec, ObjectSpec, ValueType};

/// The names of a method's four types, for the docs that link them.
pub struct TypeNames<'a> {
    pub request: &'a str,
    pub response: &'a str,
    pub error: &'a str,
    pub warning: &'a str,
}

/// Which of a method's two code enums.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    Error,
    Warning,
}

impl CodeKind {
    /// The key of the list in a spec file.
    pub fn key(self) -> &'static str {
        match self {
            Self::Error => "errors",
            Self::Warning => "warnings",
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
        }
    }
}

/// The module's one line.
pub fn module_docs(spec: &MethodSpec, summary: &str) -> Vec<String> {
    vec![format!(" {}: {summary}", code_span(&spec.method))]
}

/// The request type: summary, deprecation, description, facts, and what it answers.
pub fn request_docs(spec: &MethodSpec, facts: &ir::Facts, names: &TypeNames<'_>, page: &str) -> Vec<String> {
    let mut lines = Lines::default();
    lines.push(table_cell(&spec.summary, page));
    lines.blank();
    if let Some(note) = &facts.deprecation {
        lines.push(format!("**Deprecated:** {}", table_cell(note, page)));
        lines.blank();
    }
    lines.extend(docs::markdown(&spec.description, page));
    lines.blank();
    lines.push("# Facts");
    lines.blank();
    lines.push("| Fact | Value |");
    lines.push("| --- | --- |");
    lines.push(format!("| Method | [{}]({page}) |", code_span(&spec.method)));
    lines.push(format!("| URL | {} |", code_span(&spec.url)));
    lines.push(format!("| Preferred HTTP method | `{}` |", facts.http_method.as_str()));
    let content_types: Vec<String> = facts.content_types.iter().map(|ty| code_span(ty.as_str())).collect();
    lines.push(format!("| Accepted content types | {} |", content_types.join(", ")));
    let accepts_json = facts.content_types.contains(&ContentType::Json);
    lines.push(format!("| Accepts JSON | {} |", if accepts_json { "Yes" } else { "No" }));
    lines.push(format!("| Rate limit | {} |", rate_tier_cell(facts.rate_tier)));
    let limits = &facts.rate_limits;
    if let Some((quota, argument)) = &limits.per_channel {
        lines.push(format!(
            "| Per channel | {} in each `{argument}`, {} at once (the client waits its turn) |",
            calls_a_minute(quota.calls_per_minute),
            quota.burst
        ));
    }
    if let Some((quota, max_limit)) = &limits.non_marketplace {
        let page = max_limit.map(|max| format!(", {max} items a page")).unwrap_or_default();
        lines.push(format!(
            "| Apps off the Marketplace | {}{page} (`Pacing::cohort(AppCohort::Commercial)`) |",
            calls_a_minute(quota.calls_per_minute)
        ));
    }
    lines.push(format!("| Bot token scopes | {} |", scope_cell(facts.bot_scopes.as_deref())));
    lines.push(format!("| User token scopes | {} |", scope_cell(facts.user_scopes.as_deref())));
    if !spec.related.is_empty() {
        let related: Vec<String> =
            spec.related.iter().map(|name| format!("[{}]({})", code_span(name), method_page(name))).collect();
        lines.push(format!("| Related | {} |", related.join(", ")));
    }
    lines.blank();
    lines.push(format!(
        "A successful call answers [`{}`]; a failed one, [`{}`]; either may carry [`{}`]s.",
        names.response, names.error, names.warning
    ));
    if spec.arguments.iter().any(|argument| argument.ty == ValueType::Token) {
        lines.push("The token is not a field: the client sends it in the `Authorization` header.");
    }
    lines.finish()
}

fn calls_a_minute(calls: u32) -> String {
    if calls == 1 { "1 call a minute".to_owned() } else { format!("{calls} calls a minute") }
}

fn rate_tier_cell(tier: RateTier) -> String {
    let (label, anchor) = match tier {
        RateTier::Tier1 => ("Tier 1", "tier_t1"),
        RateTier::Tier2 => ("Tier 2", "tier_t2"),
        RateTier::Tier3 => ("Tier 3", "tier_t3"),
        RateTier::Tier4 => ("Tier 4", "tier_t4"),
        RateTier::Special => ("Special", "special"),
    };
    format!("[{label}]({}/docs/rate-limits#{anchor})", docs::SLACK_SITE)
}

fn scope_cell(scopes: Option<&[String]>) -> String {
    match scopes {
        None => "Not documented".to_owned(),
        Some([]) => "None required".to_owned(),
        Some(scopes) => scopes.iter().map(|scope| code_span(scope)).collect::<Vec<_>>().join(", "),
    }
}

/// An argument: its description, then its wire name where the field is named otherwise,
/// its example and its default.
pub fn argument_docs(argument: &ArgumentSpec, rust_name: &str, comma_separated: bool, page: &str) -> Vec<String> {
    let mut lines = Lines::default();
    lines.extend(docs::markdown(&argument.description, page));
    lines.blank();
    let wire = &argument.name;
    match (comma_separated, rust_name == wire) {
        (true, true) => lines.push("Sent comma-separated."),
        (true, false) => lines.push(format!("Sent as {}, comma-separated.", code_span(wire))),
        (false, true) => {}
        (false, false) => lines.push(format!("Sent as {}.", code_span(wire))),
    }
    if let Some(example) = argument.example.as_deref().filter(|e| !e.trim().is_empty()) {
        lines.push(format!("Example: {}.", code_span(example)));
    }
    if let Some(default) = argument.default.as_deref().filter(|d| !d.trim().is_empty()) {
        lines.push(format!("Default: {}.", code_span(default)));
    }
    if let Some(holds) = &argument.holds {
        let object = code_span(&holds.object);
        let most = argument.limits.max_items.map(|max| format!(", at most {max}")).unwrap_or_default();
        lines.blank();
        lines.push(if holds.list {
            format!(
                "It holds a list of Slack's {object} objects (`typed_slack::objects`){most}: the client checks their \
                 number, and the limits the spec gives them, before it sends anything \
                 (`typed_slack::runtime::validate::request`)."
            )
        } else {
            format!(
                "It holds Slack's {object} object (`typed_slack::objects`): the client checks the limits the spec \
                 gives it before it sends anything (`typed_slack::runtime::validate::request`)."
            )
        });
    }
    lines.finish()
}

/// A response field: its description, a note on objects kept as raw JSON, and its wire
/// name where the field is named otherwise.
pub fn field_docs(field: &FieldSpec, rust_name: &str, page: &str) -> Vec<String> {
    let mut lines = Lines::default();
    lines.extend(docs::markdown(&field.description, page));
    lines.blank();
    if let Some(object) = field.object.as_deref().filter(|_| field.ty == ValueType::Json) {
        lines.push(format!(
            "Slack's {} object, kept as raw JSON: the spec does not describe its fields yet.",
            code_span(object)
        ));
    }
    // A field the spec does not describe still says what it is.
    if rust_name != field.name || field.description.trim().is_empty() {
        lines.push(format!("Answered as {}.", code_span(&field.name)));
    }
    if let Some(limits) = limits_sentence(&field.limits) {
        lines.blank();
        lines.push(limits);
    }
    lines.finish()
}

/// What Slack accepts of a field, as one sentence (`Slack accepts 1 to 3000 characters.`).
fn limits_sentence(limits: &FieldLimits) -> Option<String> {
    let range = |min: Option<usize>, max: Option<usize>, unit: &str| match (min, max) {
        (Some(min), Some(max)) => Some(format!("{min} to {max} {unit}")),
        (Some(min), None) => Some(format!("at least {min} {unit}")),
        (None, Some(max)) => Some(format!("at most {max} {unit}")),
        (None, None) => None,
    };
    let parts: Vec<String> =
        [range(limits.min_length, limits.max_length, "characters"), range(limits.min_items, limits.max_items, "items")]
            .into_iter()
            .flatten()
            .collect();
    (!parts.is_empty()).then(|| format!("Slack accepts {}; `validate()` checks it.", parts.join(" and ")))
}

/// The line that says where the limits of a record's `fields` come from, and that
/// `validate()` checks them, when a field has limits.
pub fn limits_source_docs(fields: &[FieldSpec], source: Option<&str>) -> Vec<String> {
    let Some(source) = source.filter(|_| fields.iter().any(|field| !field.limits.is_empty())) else {
        return Vec::new();
    };
    let mut lines = Lines::default();
    lines.push(format!(
        "`validate()` checks the limits of its fields that [Slack's reference]({source}) documents, before anything \
         is sent."
    ));
    // A paragraph after the docs it follows.
    [String::new()].into_iter().chain(lines.finish()).collect()
}

/// A struct of a response object described field by field.
pub fn object_docs(field: &str, owner: &str, description: &str, page: &str) -> Vec<String> {
    let mut lines = Lines::default();
    lines.push(format!("The {} object of [`{owner}`].", code_span(field)));
    lines.blank();
    lines.extend(docs::markdown(description, page));
    lines.finish()
}

/// A named constructor, from its description (Markdown with no links to resolve).
pub fn shortcut_docs(description: &str) -> Vec<String> {
    let mut lines = Lines::default();
    lines.extend(docs::markdown(description, ""));
    lines.finish()
}

/// A record described inline with the fields of `target`, which it names.
pub fn alias_docs(field: &str, owner: &str, target: &str, description: &str, page: &str) -> Vec<String> {
    let mut lines = Lines::default();
    lines.push(format!("The {} object of [`{owner}`]: a [`{target}`], which has the same fields.", code_span(field)));
    lines.blank();
    lines.extend(docs::markdown(description, page));
    lines.finish()
}

/// The record of one kind of a union: the kind whose tag is `value`, or (`None`) the
/// kind Slack sends without the tag.
pub fn variant_record_docs(tag: &str, value: Option<&str>, union: &str, description: &str, page: &str) -> Vec<String> {
    let mut lines = Lines::default();
    match value {
        Some(value) => lines.push(format!("A [`{union}`] whose {} is {}.", code_span(tag), code_span(value))),
        None => lines.push(format!("A [`{union}`] without a {}.", code_span(tag))),
    }
    lines.blank();
    lines.extend(docs::markdown(description, page));
    lines.finish()
}

/// The variant of the kind of a union that Slack sends without its tag.
pub fn untagged_value_docs(tag: &str) -> Vec<String> {
    vec![format!(" Without a {}.", code_span(tag))]
}

/// The `response_metadata` field of a response that pages.
pub fn response_metadata_docs() -> Vec<String> {
    vec![" The answer's `response_metadata`: where the next page starts.".to_owned()]
}

/// The enum of a field's documented string values.
pub fn text_enum_docs(field: &str, owner: &str, description: &str, page: &str) -> Vec<String> {
    let mut lines = Lines::default();
    lines.push(format!("The values of the {} field of [`{owner}`].", code_span(field)));
    lines.blank();
    lines.extend(docs::markdown(description, page));
    lines.blank();
    lines.push("A value the spec does not list is kept, as Slack sent it, in `Unknown`.");
    lines.finish()
}

/// A shared object: its description, and the methods that answer it.
pub fn shared_object_docs(spec: &ObjectSpec, answered_by: &[String], page: &str) -> Vec<String> {
    let mut lines = Lines::default();
    lines.extend(docs::markdown(&spec.description, page));
    lines.blank();
    lines.push(format!(
        "Slack's {} object. Fields Slack sends that this type does not model, or whose value is not of the \
         documented type, are kept in `unknown`, so serializing it again gives back what Slack sent.",
        code_span(&spec.object)
    ));
    if !answered_by.is_empty() {
        lines.blank();
        lines.push("Answered, directly or within another object, by:");
        lines.blank();
        for method in answered_by {
            lines.push(format!("- [{}]({})", code_span(method), docs::method_page(method)));
        }
    }
    lines.finish()
}

/// The enum of an argument's values.
pub fn value_enum_docs(argument: &str, description: &str, page: &str) -> Vec<String> {
    let mut lines = Lines::default();
    lines.push(format!("The values of the {} argument.", code_span(argument)));
    lines.blank();
    lines.extend(docs::markdown(description, page));
    lines.finish()
}

/// One value of such an enum.
pub fn value_docs(wire: &str) -> Vec<String> {
    vec![format!(" {}.", code_span(wire))]
}

/// A code's variant: the code, then its description.
pub fn code_docs(wire: &str, description: &str, page: &str) -> Vec<String> {
    vec![format!(" {}: {}", code_span(wire), table_cell(description, page))]
}

/// The response type: what it answers, and the success examples.
pub fn response_docs(spec: &MethodSpec, names: &TypeNames<'_>, page: &str) -> Vec<String> {
    let mut lines = Lines::default();
    lines.push(format!(
        "The answer of a successful [`{}`] call ({}), with any warnings Slack sent in `warnings`.",
        names.request,
        code_span(&spec.method)
    ));
    push_examples(&mut lines, spec, true, page);
    lines.finish()
}

/// The response examples whose `ok` is `successes`, as JSON blocks.
fn push_examples(lines: &mut Lines, spec: &MethodSpec, successes: bool, page: &str) {
    for example in &spec.response.examples {
        let ok = serde_json::from_str::<serde_json::Value>(&example.body)
            .ok()
            .and_then(|body| body.get("ok").and_then(serde_json::Value::as_bool));
        if ok.unwrap_or(true) != successes {
            continue;
        }
        lines.blank();
        lines.push(format!("{}:", table_cell(&example.description, page)));
        lines.blank();
        // A fence longer than any backtick run in the body, which could otherwise close it.
        let longest_run = example.body.split(|c| c != '`').map(str::len).max().unwrap_or(0);
        let fence = "`".repeat(longest_run.max(2) + 1);
        lines.push(format!("{fence}json"));
        match crate::json_layout::layout(&example.body) {
            Some(laid_out) => lines.extend(laid_out),
            None => example.body.trim_end().lines().for_each(|line| lines.push(line.replace('\t', "    "))),
        }
        lines.push(fence);
    }
}

/// A method's error or warning enum, in two parts around the table of the common codes
/// (included from its own file): how codes decode, then the common codes the method
/// describes in its own words and the failure examples.
///
/// The method's own codes are listed by their variants, not again here.
pub fn code_enum_docs(
    spec: &MethodSpec,
    kind: CodeKind,
    common: &ir::CodeSet,
    code_enum: &ir::CodeEnum,
    page: &str,
) -> (Vec<String>, Vec<String>) {
    let noun = kind.noun();
    let mut lines = Lines::default();
    lines.push(format!("The {noun}s {} can answer.", code_span(&spec.method)));
    lines.blank();
    let answers_common = code_enum.answers_common;
    if code_enum.is_common_only() {
        lines.push(format!(
            "The method documents no {noun} code of its own: it answers those every method can, which decode \
             into [`Common`](rt::CommonOnly::Common), as a [`{}`](rt::{}). Any other code decodes into \
             `Unknown`, which keeps it: read it with `code()`.",
            common.name, common.name
        ));
    } else {
        let mut decoding = format!("Each {noun} code the method documents is a variant.");
        if answers_common {
            decoding.push_str(&format!(
                " The codes every method can answer decode into [`Common`](Self::Common), as a [`{}`](rt::{}).",
                common.name, common.name
            ));
        }
        decoding.push_str(" Any other code decodes into `Unknown`, which keeps it: read it with `code()`.");
        lines.push(decoding);
    }
    if answers_common && !common.codes.is_empty() {
        lines.blank();
        lines.push(format!("The {noun} codes every method can answer:"));
        lines.blank();
    }
    let before = lines.finish();
    let mut lines = Lines::default();
    if answers_common && !code_enum.redescribed.is_empty() {
        lines.blank();
        lines.push(format!("Of those, {} describes these in its own words:", code_span(&spec.method)));
        lines.blank();
        lines.push("| Code | Description |");
        lines.push("| --- | --- |");
        for code in &code_enum.redescribed {
            lines.push(format!(
                "| [{}](rt::{}::{}) | {} |",
                code_span(&code.wire),
                common.name,
                code.variant,
                table_cell(&code.description, page)
            ));
        }
    }
    if kind == CodeKind::Error {
        push_examples(&mut lines, spec, false, page);
    }
    (before, lines.finish())
}

/// The table of a common set, which every method's enum docs include: Markdown lines,
/// without the leading space of doc lines.
pub fn common_table(set: &ir::CodeSet) -> Vec<String> {
    let mut lines = vec!["| Code | Description |".to_owned(), "| --- | --- |".to_owned()];
    for code in &set.codes {
        lines.push(format!(
            "| [{}](rt::{}::{}) | {} |",
            code_span(&code.wire),
            set.name,
            code.variant,
            table_cell(&code.description, "")
        ));
    }
    lines
}

/// The module of the common codes.
pub fn common_module_docs(source: &str) -> Vec<String> {
    vec![
        format!(" The codes every Slack Web API method can answer, from `{source}`."),
        String::new(),
        " Each method's error and warning enums hold these in their `Common` variant, so that".to_owned(),
        " code written for any method can match them without comparing strings.".to_owned(),
    ]
}

/// A common code enum: what the set is, and where it shows up.
pub fn common_set_docs(kind: CodeKind) -> Vec<String> {
    let noun = kind.noun();
    let mut lines = Lines::default();
    lines.push(format!("The {noun} codes every method can answer."));
    lines.blank();
    lines.push(format!("Every method's {noun} enum holds them in its `Common` variant."));
    if kind == CodeKind::Error {
        lines.push("[`CallError::common_code`](crate::CallError::common_code) reads one from any call's error.");
    }
    lines.push("A method that describes a code in its own words says so in its `description()`.");
    lines.finish()
}

//! Lowers a validated spec into the IR: names resolved, docs rendered, includes merged.

use crate::diagnostics::Diagnostic;
use crate::docs::{self, Lines, code_span, method_page, table_cell};
use crate::ir;
use crate::naming::{self, Case, Origin, RESERVED_REQUEST_MEMBERS, RESERVED_RESPONSE_MEMBERS, RESERVED_VARIANTS};
use crate::spec::model::{
    ArgumentSpec, CodeSpec, ContentType, FieldSpec, HttpMethod, LifecycleStatus, ListStyle, MethodSpec, RateTier,
    SharedSpec, TokenType, ValueType,
};
use crate::spec::{Loaded, Spec};

/// Builds the IR of every method. Name collisions are reported into `problems`.
pub fn lower(spec: &Spec, spec_root: &str, problems: &mut Vec<Diagnostic>) -> ir::Api {
    let mut methods: Vec<&Loaded<MethodSpec>> = spec.methods.iter().collect();
    methods.sort_by(|a, b| a.value.method.cmp(&b.value.method));
    let lowered: Vec<ir::Method> = methods.iter().map(|method| lower_method(method, spec, problems)).collect();
    check_crate_names(&methods, &lowered, problems);
    ir::Api { spec_root: spec_root.to_owned(), methods: lowered }
}

/// Modules and types of all methods share the crate root: no two may collide.
fn check_crate_names(methods: &[&Loaded<MethodSpec>], lowered: &[ir::Method], problems: &mut Vec<Diagnostic>) {
    let origins: Vec<Origin> = methods.iter().map(|method| origin(method, "method")).collect();
    let modules: Vec<(String, &str, &Origin)> = lowered
        .iter()
        .zip(&origins)
        .map(|(method, origin)| (method.module.clone(), method.wire_name.as_str(), origin))
        .collect();
    naming::check_unique("module", &modules, problems);
    let types: Vec<(String, &str, &Origin)> = lowered
        .iter()
        .zip(&origins)
        .flat_map(|(method, origin)| {
            [&method.request_type, &method.response_type, &method.error_type, &method.warning_type]
                .map(|name| (name.clone(), method.wire_name.as_str(), origin))
        })
        .collect();
    let runtime = Origin { file: "the runtime".to_owned(), location: crate::diagnostics::Location::START };
    let reserved = naming::RESERVED_ROOT_TYPES.iter().map(|name| ((*name).to_owned(), "(re-exported)", &runtime));
    let types: Vec<(String, &str, &Origin)> = reserved.chain(types).collect();
    naming::check_unique("type", &types, problems);
}

fn origin<T>(file: &Loaded<T>, path: &str) -> Origin {
    Origin { file: file.file.clone(), location: file.locator.find(path) }
}

fn lower_method(method: &Loaded<MethodSpec>, spec: &Spec, problems: &mut Vec<Diagnostic>) -> ir::Method {
    let value = &method.value;
    let page = method_page(&value.method);
    let base = naming::rust_name(&value.method, Case::UpperCamel, &[]);
    let request_type = base.clone();
    let response_type = format!("{base}Response");
    let error_type = format!("{base}Error");
    let warning_type = format!("{base}Warning");

    let mut enums = Vec::new();
    let arguments = lower_arguments(method, &request_type, &page, &mut enums, problems);
    let mut objects = Vec::new();
    let response_fields =
        lower_fields(method, &value.response.fields, "response", &response_type, &page, &mut objects, problems);
    let pagination_cursor = arguments
        .iter()
        .find(|a| a.wire_name == PAGINATION_CURSOR && a.ty == ir::ValueType::Runtime("Cursor") && !a.required)
        .map(|cursor| cursor.rust_name.clone());
    let includes: Vec<&Loaded<SharedSpec>> =
        value.include.iter().filter_map(|name| spec.shared.iter().find(|set| &set.value.name == name)).collect();
    let errors = lower_codes(method, &includes, CodeKind::Error, &error_type, &page, problems);
    let warnings = lower_codes(method, &includes, CodeKind::Warning, &warning_type, &page, problems);
    let facts = facts(value);
    let summary = table_cell(&value.summary, &page);

    // The enums and objects share the module with the four types of the method.
    let method_origin = origin(method, "method");
    let sources: Vec<(String, String)> = [
        (request_type.clone(), "the request".to_owned()),
        (response_type.clone(), "the response".to_owned()),
        (error_type.clone(), "the errors".to_owned()),
        (warning_type.clone(), "the warnings".to_owned()),
    ]
    .into_iter()
    .chain(enums.iter().map(|e| (e.name.clone(), format!("the values of {}", e.name))))
    .chain(objects.iter().map(|o| (o.name.clone(), format!("the object {}", o.name))))
    .collect();
    let module_types: Vec<(String, &str, &Origin)> =
        sources.iter().map(|(name, source)| (name.clone(), source.as_str(), &method_origin)).collect();
    naming::check_unique(&format!("type of the module of `{}`", value.method), &module_types, problems);
    let names =
        TypeNames { request: &request_type, response: &response_type, error: &error_type, warning: &warning_type };
    ir::Method {
        source: method.file.clone(),
        wire_name: value.method.clone(),
        module: naming::rust_name(&value.method, Case::Snake, &[]),
        module_docs: vec![format!(" {}: {summary}", code_span(&value.method))],
        summary,
        request_docs: request_docs(value, &facts, &names, &page),
        response_docs: response_docs(value, &names, &page),
        error_docs: code_enum_docs(value, CodeKind::Error, &errors, &page),
        warning_docs: code_enum_docs(value, CodeKind::Warning, &warnings, &page),
        request_type,
        response_type,
        error_type,
        warning_type,
        facts,
        arguments,
        response_fields,
        enums,
        objects,
        feature: naming::rust_name(value.method.split('.').next().unwrap_or_default(), Case::Snake, &[]),
        sample_response: crate::sample::sample_response(&value.response.fields, pagination_cursor.is_some()),
        pagination_cursor,
        errors,
        warnings,
    }
}

/// The argument through which a method pages, with `response_metadata.next_cursor`.
const PAGINATION_CURSOR: &str = "cursor";

struct TypeNames<'a> {
    request: &'a str,
    response: &'a str,
    error: &'a str,
    warning: &'a str,
}

fn lower_arguments(
    method: &Loaded<MethodSpec>,
    request_type: &str,
    page: &str,
    enums: &mut Vec<ir::Enum>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<ir::Argument> {
    let arguments: Vec<(usize, &ArgumentSpec)> =
        method.value.arguments.iter().enumerate().filter(|(_, a)| a.ty != ValueType::Token).collect();
    let entries: Vec<(&str, Origin)> = arguments
        .iter()
        .map(|(index, argument)| (argument.name.as_str(), origin(method, &format!("arguments.{index}.name"))))
        .collect();
    let names =
        naming::assign(&format!("field of {request_type}"), &entries, Case::Snake, RESERVED_REQUEST_MEMBERS, problems);
    arguments
        .iter()
        .zip(names)
        .map(|((index, argument), rust_name)| {
            let multiplicity = multiplicity(argument.list);
            let mut docs = Lines::default();
            docs.extend(docs::markdown(&argument.description, page));
            docs.blank();
            let sent = match multiplicity {
                ir::Multiplicity::CommaSeparated => format!("Sent as {}, comma-separated.", code_span(&argument.name)),
                _ => format!("Sent as {}.", code_span(&argument.name)),
            };
            docs.push(sent);
            if let Some(example) = argument.example.as_deref().filter(|e| !e.trim().is_empty()) {
                docs.push(format!("Example: {}.", code_span(example)));
            }
            if let Some(default) = argument.default.as_deref().filter(|d| !d.trim().is_empty()) {
                docs.push(format!("Default: {}.", code_span(default)));
            }
            let ty = if argument.values.is_empty() {
                value_type(argument.ty)
            } else {
                let name = format!("{request_type}{}", naming::rust_name(&argument.name, Case::UpperCamel, &[]));
                enums.push(lower_enum(method, *index, argument, &name, page, problems));
                ir::ValueType::Enum(name)
            };
            ir::Argument {
                wire_name: argument.name.clone(),
                rust_name,
                ty,
                multiplicity,
                required: argument.required,
                docs: docs.finish(),
            }
        })
        .collect()
}

fn lower_enum(
    method: &Loaded<MethodSpec>,
    index: usize,
    argument: &ArgumentSpec,
    name: &str,
    page: &str,
    problems: &mut Vec<Diagnostic>,
) -> ir::Enum {
    let entries: Vec<(&str, Origin)> = argument
        .values
        .iter()
        .enumerate()
        .map(|(value_index, value)| {
            (value.as_str(), origin(method, &format!("arguments.{index}.values.{value_index}")))
        })
        .collect();
    let variants = naming::assign(&format!("variant of {name}"), &entries, Case::UpperCamel, &[], problems);
    let mut docs = Lines::default();
    docs.push(format!("The values of the {} argument.", code_span(&argument.name)));
    docs.blank();
    docs.extend(docs::markdown(&argument.description, page));
    ir::Enum {
        name: name.to_owned(),
        docs: docs.finish(),
        values: argument
            .values
            .iter()
            .zip(variants)
            .map(|(wire, variant)| ir::EnumValue {
                wire: wire.clone(),
                variant,
                docs: vec![format!(" {}.", code_span(wire))],
            })
            .collect(),
    }
}

/// The fields of a response (`path` = `response`) or of one of its objects, with the
/// structs of nested objects pushed to `objects`.
fn lower_fields(
    method: &Loaded<MethodSpec>,
    fields: &[FieldSpec],
    path: &str,
    owner: &str,
    page: &str,
    objects: &mut Vec<ir::Object>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<ir::Field> {
    let entries: Vec<(&str, Origin)> = fields
        .iter()
        .enumerate()
        .map(|(index, field)| (field.name.as_str(), origin(method, &format!("{path}.fields.{index}.name"))))
        .collect();
    let names =
        naming::assign(&format!("field of {owner}"), &entries, Case::Snake, RESERVED_RESPONSE_MEMBERS, problems);
    fields
        .iter()
        .enumerate()
        .zip(names)
        .map(|((index, field), rust_name)| {
            let mut docs = Lines::default();
            docs.extend(docs::markdown(&field.description, page));
            docs.blank();
            if let Some(object) = field.object.as_deref().filter(|_| field.ty == ValueType::Json) {
                docs.push(format!(
                    "Slack's {} object, kept as raw JSON: the spec does not describe its fields yet.",
                    code_span(object)
                ));
            }
            docs.push(format!("Answered as {}.", code_span(&field.name)));
            let ty = if field.ty == ValueType::Object {
                let name = format!("{owner}{}", naming::rust_name(&field.name, Case::UpperCamel, &[]));
                let slot = objects.len();
                let inner_path = format!("{path}.fields.{index}");
                let inner = lower_fields(method, &field.fields, &inner_path, &name, page, objects, problems);
                let mut object_docs = Lines::default();
                object_docs.push(format!("The {} object of [`{owner}`].", code_span(&field.name)));
                object_docs.blank();
                object_docs.extend(docs::markdown(&field.description, page));
                objects.insert(slot, ir::Object { name: name.clone(), docs: object_docs.finish(), fields: inner });
                ir::ValueType::Object(name)
            } else {
                value_type(field.ty)
            };
            ir::Field {
                wire_name: field.name.clone(),
                rust_name,
                ty,
                multiplicity: multiplicity(field.list),
                required: field.required,
                docs: docs.finish(),
            }
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CodeKind {
    Error,
    Warning,
}

impl CodeKind {
    fn key(self) -> &'static str {
        match self {
            Self::Error => "errors",
            Self::Warning => "warnings",
        }
    }

    fn of<'a>(self, codes: (&'a [CodeSpec], &'a [CodeSpec])) -> &'a [CodeSpec] {
        match self {
            Self::Error => codes.0,
            Self::Warning => codes.1,
        }
    }
}

/// The method's own codes in spec order, then each included set's codes that the
/// method does not redefine.
fn lower_codes(
    method: &Loaded<MethodSpec>,
    includes: &[&Loaded<SharedSpec>],
    kind: CodeKind,
    enum_type: &str,
    page: &str,
    problems: &mut Vec<Diagnostic>,
) -> Vec<ir::Code> {
    let own = kind.of((&method.value.errors, &method.value.warnings));
    let mut codes: Vec<(&CodeSpec, Origin)> = own
        .iter()
        .enumerate()
        .map(|(index, code)| (code, origin(method, &format!("{}.{index}.code", kind.key()))))
        .collect();
    for set in includes {
        for (index, code) in kind.of((&set.value.errors, &set.value.warnings)).iter().enumerate() {
            if !codes.iter().any(|(known, _)| known.code == code.code) {
                codes.push((code, origin(set, &format!("{}.{index}.code", kind.key()))));
            }
        }
    }
    let entries: Vec<(&str, Origin)> =
        codes.iter().map(|(code, origin)| (code.code.as_str(), origin.clone())).collect();
    let variants =
        naming::assign(&format!("variant of {enum_type}"), &entries, Case::UpperCamel, RESERVED_VARIANTS, problems);
    codes
        .iter()
        .zip(variants)
        .map(|((code, _), variant)| {
            let mut docs = Lines::default();
            docs.push(format!("{}: {}", code_span(&code.code), table_cell(&code.description, page)));
            ir::Code {
                wire: code.code.clone(),
                variant,
                description: code.description.split_whitespace().collect::<Vec<_>>().join(" "),
                docs: docs.finish(),
            }
        })
        .collect()
}

fn facts(spec: &MethodSpec) -> ir::Facts {
    let content_types = accepted_content_types(spec);
    let scopes = |token: TokenType| -> Option<Vec<String>> {
        let mut entries = spec.works_with.iter().filter(|w| w.token_type == token).peekable();
        entries.peek()?;
        Some(entries.flat_map(|w| w.scopes.iter().cloned()).collect())
    };
    ir::Facts {
        http_method: match spec.http_method {
            HttpMethod::Get => "Get",
            HttpMethod::Post => "Post",
        },
        accepts_json: content_types.contains(&ContentType::Json),
        content_types: content_types.iter().map(|ty| content_type_variant(*ty)).collect(),
        rate_tier: match spec.rate_tier {
            RateTier::Tier1 => "Tier1",
            RateTier::Tier2 => "Tier2",
            RateTier::Tier3 => "Tier3",
            RateTier::Tier4 => "Tier4",
            RateTier::Special => "Special",
        },
        authenticated: spec.arguments.iter().any(|argument| argument.ty == ValueType::Token),
        bot_scopes: scopes(TokenType::Bot),
        user_scopes: scopes(TokenType::User),
        deprecation: match spec.lifecycle.status {
            LifecycleStatus::Deprecated => {
                spec.lifecycle.note.as_deref().map(|note| note.split_whitespace().collect::<Vec<_>>().join(" "))
            }
            LifecycleStatus::Stable => None,
        },
    }
}

/// The content types of a method, each once, in a fixed order.
fn accepted_content_types(spec: &MethodSpec) -> Vec<ContentType> {
    let mut content_types = spec.content_types.clone();
    content_types.sort();
    content_types.dedup();
    content_types
}

fn content_type_variant(ty: ContentType) -> &'static str {
    match ty {
        ContentType::FormUrlEncoded => "FormUrlEncoded",
        ContentType::Json => "Json",
        ContentType::MultipartFormData => "MultipartFormData",
    }
}

fn value_type(ty: ValueType) -> ir::ValueType {
    match ty {
        // The token is filtered out before; should one reach here, it is text.
        ValueType::Token | ValueType::String => ir::ValueType::String,
        ValueType::Boolean => ir::ValueType::Boolean,
        ValueType::Integer => ir::ValueType::Integer,
        ValueType::Number => ir::ValueType::Number,
        // Objects are lowered with their fields before; one reaching here has none.
        ValueType::Json | ValueType::Object => ir::ValueType::Json,
        ValueType::Timestamp => ir::ValueType::Runtime("Timestamp"),
        ValueType::Cursor => ir::ValueType::Runtime("Cursor"),
        ValueType::UserId => ir::ValueType::Runtime("UserId"),
        ValueType::ChannelId => ir::ValueType::Runtime("ChannelId"),
        ValueType::TeamId => ir::ValueType::Runtime("TeamId"),
        ValueType::EnterpriseId => ir::ValueType::Runtime("EnterpriseId"),
        ValueType::AppId => ir::ValueType::Runtime("AppId"),
        ValueType::BotId => ir::ValueType::Runtime("BotId"),
        ValueType::FileId => ir::ValueType::Runtime("FileId"),
        ValueType::UsergroupId => ir::ValueType::Runtime("UsergroupId"),
        ValueType::TriggerId => ir::ValueType::Runtime("TriggerId"),
    }
}

fn multiplicity(list: Option<ListStyle>) -> ir::Multiplicity {
    match list {
        None => ir::Multiplicity::One,
        Some(ListStyle::CommaSeparated) => ir::Multiplicity::CommaSeparated,
        Some(ListStyle::Array) => ir::Multiplicity::Array,
    }
}

fn request_docs(spec: &MethodSpec, facts: &ir::Facts, names: &TypeNames<'_>, page: &str) -> Vec<String> {
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
    lines.push(format!("| Preferred HTTP method | `{}` |", facts.http_method.to_uppercase()));
    let content_types: Vec<String> = accepted_content_types(spec).iter().map(|ty| code_span(ty.as_str())).collect();
    lines.push(format!("| Accepted content types | {} |", content_types.join(", ")));
    lines.push(format!("| Accepts JSON | {} |", if facts.accepts_json { "Yes" } else { "No" }));
    lines.push(format!("| Rate limit | {} |", rate_tier_cell(spec.rate_tier)));
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

fn response_docs(spec: &MethodSpec, names: &TypeNames<'_>, page: &str) -> Vec<String> {
    let mut lines = Lines::default();
    lines.push(format!("The answer of a successful [`{}`] call ({}).", names.request, code_span(&spec.method)));
    lines.blank();
    lines.push(format!("Any warnings Slack sent with it are in `warnings`, as [`{}`]s.", names.warning));
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
        for line in example.body.trim_end().lines() {
            lines.push(line.replace('\t', "    "));
        }
        lines.push(fence);
    }
}

fn code_enum_docs(spec: &MethodSpec, kind: CodeKind, codes: &[ir::Code], page: &str) -> Vec<String> {
    let (noun, plural) = match kind {
        CodeKind::Error => ("error", "errors"),
        CodeKind::Warning => ("warning", "warnings"),
    };
    let mut lines = Lines::default();
    lines.push(format!("The {plural} {} can answer.", code_span(&spec.method)));
    lines.blank();
    lines.push(format!(
        "Every documented {noun} code is a variant. A code the spec does not list decodes into `Unknown`, which \
         keeps it: read it with `code()`."
    ));
    if !codes.is_empty() {
        lines.blank();
        lines.push("| Code | Variant | Description |");
        lines.push("| --- | --- | --- |");
        for code in codes {
            lines.push(format!(
                "| {} | [`{}`](Self::{}) | {} |",
                code_span(&code.wire),
                code.variant,
                code.variant,
                table_cell(&code.description, page)
            ));
        }
    }
    if kind == CodeKind::Error {
        push_examples(&mut lines, spec, false, page);
    }
    lines.finish()
}

//! Lowers a validated spec into the IR: names resolved, docs rendered, includes merged.
//!
//! `members` lowers arguments, `records` the fields of responses and objects,
//! `objects` the shared objects, `codes` the error and warning codes, and `prose`
//! writes every sentence of the docs that the spec does not.

mod codes;
mod members;
mod objects;
mod prose;
mod records;
mod validation;

pub use codes::{COMMON_ERROR, COMMON_WARNING};

use crate::diagnostics::Diagnostic;
use crate::docs::{method_page, table_cell};
use crate::ir;
use crate::naming::{self, Case, Origin};
use crate::spec::model::{LifecycleStatus, MethodSpec, ObjectSpec, TokenType, ValueType};
use crate::spec::{Loaded, Spec};

use prose::{CodeKind, TypeNames};

/// Builds the IR of every method. Name collisions are reported into `problems`.
pub fn lower(spec: &Spec, spec_root: &str, problems: &mut Vec<Diagnostic>) -> ir::Api {
    let common = codes::lower_common(spec, spec_root, problems);
    let index = records::ObjectIndex::new(&spec.objects);
    let mut answering = objects::Answering::default();
    let mut methods: Vec<&Loaded<MethodSpec>> = spec.methods.iter().collect();
    methods.sort_by(|a, b| a.value.method.cmp(&b.value.method));
    let lowered: Vec<ir::Method> =
        methods.iter().map(|method| lower_method(method, spec, &common, &index, &mut answering, problems)).collect();
    check_crate_names(&methods, &lowered, problems);
    let mut object_files: Vec<&Loaded<ObjectSpec>> = spec.objects.iter().collect();
    object_files.sort_by(|a, b| a.value.object.cmp(&b.value.object));
    // The objects arguments send check the limits of what they hold.
    let sent = spec
        .methods
        .iter()
        .flat_map(|method| &method.value.arguments)
        .filter_map(|argument| Some(argument.holds.as_ref()?.object.clone()))
        .collect();
    let objects = objects::lower_objects(&object_files, &index, &answering, &sent, problems);
    let mut lowered = lowered;
    validation::mark_arguments(&mut lowered, &objects);
    ir::Api { spec_root: spec_root.to_owned(), methods: lowered, common, objects }
}

/// Modules and types of all methods share the crate root: no two may collide, and none
/// may take a name the generated code uses unqualified.
fn check_crate_names(methods: &[&Loaded<MethodSpec>], lowered: &[ir::Method], problems: &mut Vec<Diagnostic>) {
    let origins: Vec<Origin> = methods.iter().map(|method| origin(method, "method")).collect();
    let modules: Vec<(String, &str, &Origin)> = lowered
        .iter()
        .zip(&origins)
        .map(|(method, origin)| (method.module.clone(), method.wire_name.as_str(), origin))
        .collect();
    naming::check_unique("module", &modules, problems);
    for ((method, origin), spec) in lowered.iter().zip(&origins).zip(methods) {
        if naming::RESERVED_FEATURES.contains(&method.feature.as_str()) {
            problems.push(
                crate::diagnostics::Diagnostic::new(
                    &origin.file,
                    origin.location,
                    format!(
                        "the family of `{}` would be the Cargo feature `{}`, which the generated crate defines for \
                         itself",
                        spec.value.method, method.feature
                    ),
                )
                .with_hint("name the method's first word otherwise"),
            );
        }
    }
    let types: Vec<(String, &str, &Origin)> = lowered
        .iter()
        .zip(&origins)
        .flat_map(|(method, origin)| {
            [&method.request_type, &method.response_type, &method.errors.name, &method.warnings.name]
                .map(|name| (name.clone(), method.wire_name.as_str(), origin))
        })
        .collect();
    let runtime = Origin { file: "the runtime".to_owned(), location: crate::diagnostics::Location::START };
    let reserved = naming::RESERVED_TYPES.iter().map(|name| ((*name).to_owned(), "(used by generated code)", &runtime));
    let types: Vec<(String, &str, &Origin)> = reserved.chain(types).collect();
    naming::check_unique("type", &types, problems);
}

/// Where `path` (keys and list indices joined by `.`) is written in `file`.
fn origin<T>(file: &Loaded<T>, path: &str) -> Origin {
    Origin { file: file.file.clone(), location: file.locator.find(path) }
}

fn lower_method(
    method: &Loaded<MethodSpec>,
    spec: &Spec,
    common: &ir::CommonCodes,
    index: &records::ObjectIndex,
    answering: &mut objects::Answering,
    problems: &mut Vec<Diagnostic>,
) -> ir::Method {
    let value = &method.value;
    let page = method_page(&value.method);
    let base = naming::rust_name(&value.method, Case::UpperCamel, &[]);
    let request_type = base.clone();
    let response_type = format!("{base}Response");
    let error_type = format!("{base}Error");
    let warning_type = format!("{base}Warning");

    let mut enums = Vec::new();
    let arguments = members::lower_arguments(method, &request_type, &page, &mut enums, problems);
    let mut scope = records::Scope::new(method, &page, index);
    let mut response_fields = scope.fields(&value.response.fields, "response", &response_type, problems);
    let pagination_cursor = arguments
        .iter()
        .find(|a| {
            a.wire_name == PAGINATION_CURSOR && a.ty == ir::ValueType::Runtime(ir::RuntimeType::Cursor) && !a.required
        })
        .map(|cursor| cursor.rust_name.clone());
    let errors = codes::lower_method_codes(method, spec, common, CodeKind::Error, &error_type, &page, problems);
    let warnings = codes::lower_method_codes(method, spec, common, CodeKind::Warning, &warning_type, &page, problems);
    let facts = facts(value);
    let summary = table_cell(&value.summary, &page);
    let feature = naming::rust_name(value.method.split('.').next().unwrap_or_default(), Case::Snake, &[]);
    answering.add(index, &value.method, &feature, &scope.shared);
    // The objects its JSON arguments hold are compiled with the method, as its answers are.
    let taken = value.arguments.iter().filter_map(|argument| Some(argument.holds.as_ref()?.object.clone())).collect();
    answering.take(index, &feature, &taken);

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
    .chain(scope.type_names())
    .collect();
    let module_types: Vec<(String, &str, &Origin)> =
        sources.iter().map(|(name, source)| (name.clone(), source.as_str(), &method_origin)).collect();
    naming::check_unique(&format!("type of the module of `{}`", value.method), &module_types, problems);
    let names =
        TypeNames { request: &request_type, response: &response_type, error: &error_type, warning: &warning_type };
    let response_docs = prose::response_docs(value, &names, &page);
    if pagination_cursor.is_some() {
        response_fields.push(ir::Member {
            wire_name: RESPONSE_METADATA.to_owned(),
            rust_name: RESPONSE_METADATA.to_owned(),
            ty: ir::ValueType::Runtime(ir::RuntimeType::ResponseMetadata),
            multiplicity: ir::Multiplicity::One,
            required: false,
            docs: prose::response_metadata_docs(),
            boxed: false,
            map: false,
            nested_map: false,
            constructed: false,
            limits: ir::Limits::default(),
            default: None,
        });
    }
    let response = (!response_fields.is_empty()).then(|| ir::Record {
        name: response_type.clone(),
        docs: response_docs.clone(),
        fields: response_fields,
        warnings: Some(warning_type.clone()),
        validated: false,
        builder: None,
        scope: None,
    });
    ir::Method {
        source: method.file.clone(),
        wire_name: value.method.clone(),
        module: naming::rust_name(&value.method, Case::Snake, &[]),
        module_docs: prose::module_docs(value, &summary),
        summary,
        request_docs: prose::request_docs(value, &facts, &names, &page),
        response_docs,
        request_type,
        response_type,
        errors,
        warnings,
        facts,
        arguments,
        response,
        enums,
        records: scope.records,
        aliases: scope.aliases,
        text_enums: scope.enums,
        feature,
        sample_response: crate::sample::sample_response(&value.response.fields, pagination_cursor.is_some()),
        success_examples: crate::sample::success_examples(&value.response.examples),
        pagination_cursor,
    }
}

/// The field of an answer that says where the next page starts.
const RESPONSE_METADATA: &str = "response_metadata";

/// The argument through which a method pages, with `response_metadata.next_cursor`.
const PAGINATION_CURSOR: &str = "cursor";

/// A method's limits beside its tier, each burst defaulting to its rate.
fn rate_limits(spec: &MethodSpec) -> ir::RateLimits {
    let Some(limits) = &spec.rate_limits else { return ir::RateLimits::default() };
    let quota = |calls_per_minute: u32, burst: Option<u32>| ir::Quota {
        calls_per_minute,
        burst: burst.unwrap_or(calls_per_minute),
    };
    ir::RateLimits {
        per_channel: limits
            .per_channel
            .as_ref()
            .map(|channel| (quota(channel.calls_per_minute, channel.burst), channel.argument.clone())),
        non_marketplace: limits
            .non_marketplace
            .as_ref()
            .map(|cohort| (quota(cohort.calls_per_minute, cohort.burst), cohort.max_limit)),
    }
}

fn facts(spec: &MethodSpec) -> ir::Facts {
    let mut content_types = spec.content_types.clone();
    content_types.sort();
    content_types.dedup();
    let scopes = |token: TokenType| -> Option<Vec<String>> {
        let mut entries = spec.works_with.iter().filter(|w| w.token_type == token).peekable();
        entries.peek()?;
        Some(entries.flat_map(|w| w.scopes.iter().cloned()).collect())
    };
    ir::Facts {
        http_method: spec.http_method,
        content_types,
        rate_tier: spec.rate_tier,
        rate_limits: rate_limits(spec),
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

//! Imports a method from Slack's machine-readable reference: one JSON file per method,
//! named after it (`slack-api/methods/chat.postMessage.json`).
//!
//! Everything the file holds is mapped into the spec where the format has a place for
//! it; everything else is reported with its path in the file.

mod arguments;
mod codes;
mod examples;
mod facts;
mod reference;
mod response;
mod shape;
mod values;

use reference::MethodReference;
use values::report_unknown;

use super::Imported;
use super::report::Findings;
use super::shared_codes::{COMMON, SharedCodes};
use super::text::{NOT_DOCUMENTED, first_sentence, one_line};
use crate::rules::is_method_name;
use crate::spec::model::{ContentType, ImportSpec, MethodSpec, ResponseSpec};
use crate::validate::API_BASE_URL;

/// The folder of Slack's reference that `import.source` names.
pub const SOURCE_DIR: &str = "slack-api/methods";

/// Maps the reference file `file_name` (`chat.postMessage.json`), whose contents are
/// `text`, into a method spec. Codes with the same description as in `shared` are
/// left to the shared set.
///
/// # Errors
///
/// When the file is not a reference file (not JSON, not shaped like one), or its name
/// is not a method name.
pub fn import(file_name: &str, text: &str, shared: &SharedCodes) -> Result<Imported, String> {
    let method = file_name.strip_suffix(".json").unwrap_or(file_name);
    if !is_method_name(method) {
        return Err(format!("`{method}` is not a method name; reference files are named after their method"));
    }
    let deserializer = &mut serde_json::Deserializer::from_str(text);
    let reference: MethodReference = serde_path_to_error::deserialize(deserializer)
        .map_err(|error| format!("not a method file of Slack's reference: {error}"))?;
    let mut findings = Findings::default();
    let spec = method_spec(method, &reference, shared, &mut findings);
    let spec = MethodSpec {
        import: Some(ImportSpec { source: format!("{SOURCE_DIR}/{file_name}"), hand_edited: Vec::new() }),
        ..spec
    };
    Ok(Imported { spec, unmapped: findings.into_vec() })
}

fn method_spec(method: &str, reference: &MethodReference, shared: &SharedCodes, findings: &mut Findings) -> MethodSpec {
    report_unknown(&reference.other, "", findings);
    let arguments = reference
        .args
        .as_ref()
        .map(|args| arguments::arguments(args, "args", shared.argument_name_length(), findings))
        .unwrap_or_default();
    let mut content_types = vec![ContentType::FormUrlEncoded];
    if reference.json_input_supported == Some(true) {
        content_types.push(ContentType::Json);
    }
    if arguments.posts_files {
        content_types.push(ContentType::MultipartFormData);
    }
    let (summary, description) = summary(reference.desc.as_deref(), findings);
    let response = ResponseSpec {
        fields: reference
            .output
            .as_ref()
            .map(|output| response::fields(output, "output", findings))
            .unwrap_or_default(),
        examples: reference
            .examples
            .as_ref()
            .map(|examples| examples::examples(examples, "examples", findings))
            .unwrap_or_default(),
    };
    MethodSpec {
        method: method.to_owned(),
        url: format!("{API_BASE_URL}{method}"),
        http_method: facts::http_method(reference.http_method.as_deref(), findings),
        content_types,
        rate_tier: facts::rate_tier(reference.rate_limits.as_deref(), findings),
        rate_limits: None,
        works_with: facts::works_with(reference.scope.as_ref(), findings),
        lifecycle: facts::lifecycle(reference.deprecated),
        summary,
        description,
        related: Vec::new(),
        include: vec![COMMON.to_owned()],
        arguments: arguments.arguments,
        response,
        errors: shared.own_errors(codes::codes(reference.errors.as_ref(), "errors", findings)),
        warnings: shared.own_warnings(codes::codes(reference.warnings.as_ref(), "warnings", findings)),
        import: None,
    }
}

/// The summary (the first sentence of `desc`) and the description (all of `desc`,
/// when it says more than the summary).
fn summary(desc: Option<&str>, findings: &mut Findings) -> (String, String) {
    let desc = desc.map(str::trim).unwrap_or_default();
    if desc.is_empty() {
        findings.push("", "desc", format!("missing; the summary is \"{NOT_DOCUMENTED}\""));
        return (NOT_DOCUMENTED.to_owned(), String::new());
    }
    let summary = first_sentence(desc);
    let description = if one_line(desc).len() > summary.len() { desc.to_owned() } else { String::new() };
    (summary, description)
}

//! The `errors` and `warnings` of a reference file.

use super::reference::{CodeEntry, Ordered};
use super::values::report_unknown;
use crate::import::report::Findings;
use crate::import::text::NOT_DOCUMENTED;
use crate::rules::is_code;
use crate::spec::model::CodeSpec;

/// The codes of `errors` or `warnings`, sorted by code.
pub fn codes(entries: Option<&Ordered<CodeEntry>>, at: &str, findings: &mut Findings) -> Vec<CodeSpec> {
    let mut codes = Vec::new();
    for (code, entry) in entries.iter().flat_map(|entries| entries.iter()) {
        let code_at = format!("{at}.{code}");
        if !is_code(code) {
            findings.push_at(&code_at, "code", "not a code the spec accepts; skipped");
            continue;
        }
        report_unknown(&entry.other, &code_at, findings);
        let description = match entry.desc.as_deref().map(str::trim) {
            Some(description) if !description.is_empty() => description.to_owned(),
            _ => {
                findings.push(&code_at, "desc", format!("missing; described as \"{NOT_DOCUMENTED}\""));
                NOT_DOCUMENTED.to_owned()
            }
        };
        codes.push(CodeSpec { code: code.to_owned(), description });
    }
    codes.sort_by(|a, b| a.code.cmp(&b.code));
    codes
}

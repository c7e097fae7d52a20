//! Imports a method from its doc page saved as Markdown, in the layout of Slack's
//! pages: a Facts section (`| Method URL: | ... |` lines and a "Works with" table),
//! prose, an Arguments table, Response code blocks each after a sentence saying what
//! it shows, and Errors and Warnings tables.
//!
//! The prose becomes the description as the page wrote it (links kept, Slack's
//! `<ts-icon>` markup dropped); a "... has ended" or "deprecated" banner (an icon and
//! a bold title, then its text) makes the method deprecated, its text the note.

mod blocks;
mod facts;
mod page;
mod tables;

use page::Page;

use super::Imported;
use super::report::Findings;
use super::shared_codes::{COMMON, SharedCodes};
use super::text::NOT_DOCUMENTED;
use crate::rules::is_method_name;
use crate::spec::model::{ImportSpec, MethodSpec, ResponseSpec};
use crate::validate::API_BASE_URL;

/// Maps the saved doc page `file_name`, whose contents are `text`, into a method spec.
/// Codes with the same description as in `shared` are left to the shared set.
///
/// # Errors
///
/// When the page has no Facts giving the method's URL.
pub fn import(file_name: &str, text: &str, shared: &SharedCodes) -> Result<Imported, String> {
    let mut findings = Findings::default();
    let page = Page::read(text, shared.argument_name_length(), &mut findings);
    let facts = facts::facts(&page.fact_lines, &page.token_rows, &mut findings)?;
    if !is_method_name(&facts.method) {
        return Err(format!("`{}` is not a method name", facts.method));
    }
    let summary = page.summary().unwrap_or_else(|| {
        findings.push("", "summary", format!("the page has no prose; the summary is \"{NOT_DOCUMENTED}\""));
        NOT_DOCUMENTED.to_owned()
    });
    let related = page.related(&facts.method);
    let description = page.description();
    let spec = MethodSpec {
        url: format!("{API_BASE_URL}{}", facts.method),
        method: facts.method,
        http_method: facts.http_method,
        content_types: facts.content_types,
        rate_tier: facts.rate_tier,
        rate_limits: None,
        works_with: facts.works_with,
        lifecycle: page.lifecycle.clone(),
        summary,
        description,
        related,
        include: vec![COMMON.to_owned()],
        arguments: page.arguments,
        response: ResponseSpec { fields: Vec::new(), examples: page.examples },
        errors: shared.own_errors(page.errors),
        warnings: shared.own_warnings(page.warnings),
        import: Some(ImportSpec { source: file_name.to_owned(), hand_edited: Vec::new() }),
    };
    Ok(Imported { spec, unmapped: findings.into_vec() })
}

//! Importers: method specs made from Slack's documentation, so that adding a method
//! takes one command (`cargo xtask import`).
//!
//! - [`slack_json`] reads Slack's machine-readable reference (one JSON file a method);
//! - [`doc_page`] reads a method's doc page saved as Markdown.
//!
//! Both map what their input holds into the spec model and report what has no place in
//! it. [`merge`] keeps the values edited by hand in an existing spec file and refuses
//! to overwrite unrecorded edits; [`drift`] says what importing again changes in a spec
//! file; [`write`](mod@write) renders the YAML and checks it with the project's own
//! loader and validation. [`import()`] runs it all over files and folders and returns
//! the [`Report`]; `cargo xtask import` is a thin face over it.

mod by_name;
pub mod doc_page;
pub mod drift;
pub mod merge;
pub mod openapi;
mod report;
mod run;
pub mod samples;
mod shared_codes;
pub mod slack_json;
mod text;
pub mod write;

pub use drift::{Drift, DriftReport, MethodDrift};
pub use report::{Counts, FileOutcome, Report, Status, Unmapped};
pub use run::{Error, Options, import};
pub use shared_codes::{COMMON, SharedCodes};

use crate::spec::model::MethodSpec;

/// A method spec made from an input, with what could not be mapped.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The spec, its `import.source` set.
    pub spec: MethodSpec,
    /// What the input holds that the spec has no place for.
    pub unmapped: Vec<Unmapped>,
}

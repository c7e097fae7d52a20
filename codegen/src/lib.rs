//! The generator behind the `typed-slack` crate: Slack Web API method specs (YAML) in,
//! formatted Rust out.
//!
//! The stages stay apart, each in its own module:
//!
//! 1. [`spec`]: read and deserialize the YAML files (serde_yaml), keeping positions;
//! 2. [`validate`]: check what serde cannot, reporting every problem at once;
//! 3. [`lower`]: build the [`ir`], with every Rust name resolved by [`naming`] and every
//!    doc line rendered by [`docs`];
//! 4. [`emit`]: turn the IR into tokens (quote) and files (prettyplease).
//!
//! `cargo xtask regen` is a thin face over [`generate_dir`].

pub mod diagnostics;
pub mod docs;
pub mod emit;
pub mod import;
pub mod ir;
pub mod json_layout;
pub mod lower;
pub mod naming;
pub mod rules;
pub mod sample;
pub mod schema;
pub mod spec;
pub mod validate;

use std::io;
use std::path::Path;

pub use diagnostics::{Diagnostic, Diagnostics, Location};
pub use emit::OutputFile;
pub use spec::SourceFile;

/// Why generation failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A spec file could not be read.
    #[error("cannot read the spec: {0}")]
    Io(#[from] io::Error),
    /// The spec has problems; each is located.
    #[error("{0}")]
    Spec(#[from] Diagnostics),
    /// The emitter built tokens that are not Rust: a bug in the generator.
    #[error("the generator built invalid Rust (a bug in typed-slack-codegen): {0}")]
    Emit(#[from] syn::Error),
}

/// Checks the spec and builds its IR, or reports every problem found.
///
/// # Errors
///
/// [`Diagnostics`] holding every problem, sorted by file and position.
pub fn check(sources: &[SourceFile], spec_root: &str) -> Result<ir::Api, Diagnostics> {
    let (spec, mut problems) = spec::parse(sources);
    problems.extend(validate::validate(&spec));
    let api = lower::lower(&spec, spec_root, &mut problems);
    if problems.is_empty() { Ok(api) } else { Err(Diagnostics::new(problems)) }
}

/// What the generator makes of a spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generation {
    /// The generated crate's source files.
    pub files: Vec<OutputFile>,
    /// The runtime's one generated file, the common codes (path relative to the
    /// runtime crate).
    pub runtime_file: OutputFile,
    /// The `[features]` section of the generated crate's manifest, marker lines
    /// included (see [`emit::manifest`]).
    pub features_section: String,
}

/// Generates the generated crate from spec files already read.
///
/// # Errors
///
/// When the spec has problems, or (a generator bug) the output is not Rust.
pub fn generate(sources: &[SourceFile], spec_root: &str) -> Result<Generation, Error> {
    let api = check(sources, spec_root)?;
    Ok(Generation {
        files: emit::emit(&api)?,
        runtime_file: emit::emit_runtime(&api)?,
        features_section: emit::manifest::features_section(&api),
    })
}

/// Reads the spec folder `spec_dir` and generates the sources of the generated crate.
/// Reports name the folder by its last component (`spec/methods/...`).
///
/// # Errors
///
/// When the spec cannot be read or has problems.
pub fn generate_dir(spec_dir: &Path) -> Result<Generation, Error> {
    let display_root = spec_dir.file_name().map_or_else(|| "spec".into(), |name| name.to_string_lossy());
    let sources = spec::read_sources(spec_dir, &display_root)?;
    generate(&sources, &display_root)
}

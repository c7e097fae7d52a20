//! Writes a method spec as the project's loader reads it: the schema modeline, then
//! YAML serialized from the spec model, so the same spec always gives the same bytes.

use crate::diagnostics::Diagnostics;
use crate::schema::method_modeline;
use crate::spec::model::MethodSpec;
use crate::spec::{EXTENSION, METHODS_DIR, SourceFile, SourceKind};

/// The text of the spec file of `spec`.
///
/// # Errors
///
/// When serde_yaml cannot serialize the spec (it always can: the model is plain data).
pub fn render(spec: &MethodSpec) -> Result<String, serde_yaml::Error> {
    Ok(format!("{}\n{}", method_modeline(), serde_yaml::to_string(spec)?))
}

/// The file name of the spec of `method`.
pub fn file_name(method: &str) -> String {
    format!("{method}.{EXTENSION}")
}

/// Loads `text`, the spec file of `method`, with the shared sets `shared` through the
/// project's loader, and validates it as `cargo xtask regen` would.
///
/// # Errors
///
/// Every problem found, located in the file as `spec_root/methods/<method>.yaml`.
pub fn check(method: &str, text: &str, shared: &[SourceFile], spec_root: &str) -> Result<(), Diagnostics> {
    let mut sources = shared.to_vec();
    sources.push(SourceFile {
        kind: SourceKind::Method,
        path: format!("{spec_root}/{METHODS_DIR}/{}", file_name(method)),
        text: text.to_owned(),
    });
    crate::check(&sources, spec_root).map(|_| ())
}

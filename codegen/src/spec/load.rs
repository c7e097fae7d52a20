//! Reads spec files and deserializes them, keeping each file's positions.

use std::fs;
use std::io;
use std::path::Path;

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use super::deserialize::{StandIn, deserialize};
use super::locate::Locator;
use super::model::{MethodSpec, ObjectSpec, SharedSpec};
use crate::diagnostics::{Diagnostic, Location};

/// The folder of method specs, under the spec root.
pub const METHODS_DIR: &str = "methods";
/// The folder of shared sets, under the spec root.
pub const SHARED_DIR: &str = "shared";
/// The folder of shared objects, under the spec root.
pub const OBJECTS_DIR: &str = "objects";
/// The extension of spec files.
pub const EXTENSION: &str = "yaml";

/// The kind of a spec file, from the folder it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SourceKind {
    /// A method, in `methods/`.
    Method,
    /// A shared set of errors and warnings, in `shared/`.
    Shared,
    /// A shared object, in `objects/`.
    Object,
}

/// The text of one spec file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SourceFile {
    /// Which folder it is in.
    pub kind: SourceKind,
    /// Its path as reports show it, e.g. `spec/methods/chat.postMessage.yaml`.
    pub path: String,
    /// Its contents.
    pub text: String,
}

impl SourceFile {
    /// The file name without folder and extension: what the method or set must be
    /// called.
    pub fn stem(&self) -> &str {
        let name = self.path.rsplit('/').next().unwrap_or(&self.path);
        name.strip_suffix(".yaml").unwrap_or(name)
    }
}

/// Reads every spec file under `root` (its `methods/`, `shared/` and `objects/` folders), sorted
/// by path. `display_root` is how reports name `root` (`spec`).
///
/// # Errors
///
/// When a folder or file cannot be read.
pub fn read_sources(root: &Path, display_root: &str) -> io::Result<Vec<SourceFile>> {
    let mut sources = Vec::new();
    let folders =
        [(METHODS_DIR, SourceKind::Method), (SHARED_DIR, SourceKind::Shared), (OBJECTS_DIR, SourceKind::Object)];
    for (dir, kind) in folders {
        let folder = root.join(dir);
        if !folder.is_dir() {
            continue;
        }
        for entry in fs::read_dir(&folder)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if !entry.file_type()?.is_file() || name.starts_with('.') {
                continue;
            }
            let path = format!("{display_root}/{dir}/{name}");
            let text = fs::read_to_string(entry.path())
                .map_err(|error| io::Error::new(error.kind(), format!("{path}: {error}")))?;
            sources.push(SourceFile { kind, path, text });
        }
    }
    sources.sort();
    Ok(sources)
}

/// A deserialized spec file, with what is needed to point into it.
#[derive(Debug)]
pub struct Loaded<T> {
    /// Its path as reports show it.
    pub file: String,
    /// Its file name without extension.
    pub stem: String,
    /// Positions of its values.
    pub locator: Locator,
    /// Its contents.
    pub value: T,
}

impl<T> Loaded<T> {
    /// A problem at the value found at `path` in this file.
    pub fn problem(&self, path: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(&self.file, self.locator.find(path), message)
    }
}

/// Every spec file that deserialized.
#[derive(Debug, Default)]
pub struct Spec {
    /// Methods, sorted by file.
    pub methods: Vec<Loaded<MethodSpec>>,
    /// Shared sets, sorted by file.
    pub shared: Vec<Loaded<SharedSpec>>,
    /// Shared objects, sorted by file.
    pub objects: Vec<Loaded<ObjectSpec>>,
}

/// Deserializes every source. Files with structural problems are reported (every
/// problem of each) and left out; the others are returned, so that the later checks
/// still report their problems too.
pub fn parse(sources: &[SourceFile]) -> (Spec, Vec<Diagnostic>) {
    // Files are independent: parse them on every core, then gather in source order.
    let parsed: Vec<Parsed> = sources.par_iter().map(parse_one).collect();
    let mut spec = Spec::default();
    let mut problems = Vec::new();
    for outcome in parsed {
        match outcome {
            Parsed::Method(loaded) => spec.methods.push(*loaded),
            Parsed::Shared(loaded) => spec.shared.push(*loaded),
            Parsed::Object(loaded) => spec.objects.push(*loaded),
            Parsed::Problems(found) => problems.extend(found),
        }
    }
    (spec, problems)
}

/// One source file, deserialized or reported.
enum Parsed {
    Method(Box<Loaded<MethodSpec>>),
    Shared(Box<Loaded<SharedSpec>>),
    Object(Box<Loaded<ObjectSpec>>),
    Problems(Vec<Diagnostic>),
}

fn parse_one(source: &SourceFile) -> Parsed {
    if !source.path.ends_with(&format!(".{EXTENSION}")) {
        return Parsed::Problems(vec![
            Diagnostic::new(&source.path, Location::START, "spec files must end in `.yaml`")
                .with_hint("rename the file, or move it out of the spec folders"),
        ]);
    }
    let loaded = match source.kind {
        SourceKind::Method => load(source).map(|loaded| Parsed::Method(Box::new(loaded))),
        SourceKind::Shared => load(source).map(|loaded| Parsed::Shared(Box::new(loaded))),
        SourceKind::Object => load(source).map(|loaded| Parsed::Object(Box::new(loaded))),
    };
    loaded.unwrap_or_else(Parsed::Problems)
}

fn load<T: DeserializeOwned + StandIn>(source: &SourceFile) -> Result<Loaded<T>, Vec<Diagnostic>> {
    let locator = Locator::index(&source.text);
    let value = deserialize(&source.path, &source.text, &locator)?;
    Ok(Loaded { file: source.path.clone(), stem: source.stem().to_owned(), locator, value })
}

impl StandIn for MethodSpec {
    const STAND_IN: &'static str = "method: stand.in\nurl: https://slack.com/api/stand.in\nhttp_method: POST\n\
        content_types: [application/x-www-form-urlencoded]\nrate_tier: tier1\nsummary: Stands in.\n";
}

impl StandIn for SharedSpec {
    const STAND_IN: &'static str = "name: stand_in\ndescription: Stands in.\n";
}

impl StandIn for ObjectSpec {
    const STAND_IN: &'static str = "object: stand_in\ndescription: Stands in.\n";
}

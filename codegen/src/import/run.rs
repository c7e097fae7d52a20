//! One import run: finds the inputs, imports each, merges it over the existing spec
//! file, checks it with the project's loader and validation, and writes it.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::by_name;
use super::drift::{self, Drift, MethodDrift};
use super::merge::{Merge, merge};
use super::openapi::Schemas;
use super::report::{FileOutcome, Report, Status};
use super::samples::Samples;
use super::shared_codes::{COMMON, SharedCodes};
use super::{Imported, doc_page, slack_json, write};
use crate::schema::object_modeline;
use crate::spec::model::{MethodSpec, ObjectSpec, SharedSpec};
use crate::spec::{EXTENSION, OBJECTS_DIR, SHARED_DIR, SourceFile, SourceKind};

/// The extension of Slack's reference files.
const JSON_EXTENSION: &str = "json";
/// The extension of saved doc pages.
const PAGE_EXTENSION: &str = "md";

/// How to import.
#[derive(Debug, Clone)]
pub struct Options {
    /// The folder the method specs go in (`spec/methods`); the shared sets are in the
    /// `shared` folder beside it.
    pub out_dir: PathBuf,
    /// Overwrite spec files edited by hand without a record (recorded edits are still
    /// kept).
    pub force: bool,
    /// Write nothing: report what would be written as [`Status::WouldWrite`]
    /// (`--check`).
    pub check: bool,
    /// A folder of Slack's recorded answers (`<method>.json`), from which the shared
    /// objects' fields and the methods' response fields are inferred (`--samples`).
    pub samples: Option<PathBuf>,
    /// Slack's OpenAPI description, whose object schemas are merged into the objects
    /// the recordings describe (`--openapi`; only with `samples`).
    pub openapi: Option<PathBuf>,
}

/// Why an import could not start.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input or the shared sets could not be read.
    #[error("{0}")]
    Io(String),
    /// The shared set every method includes is missing or broken.
    #[error("{0}")]
    Shared(String),
}

/// Imports every input (a file, or each `.json` and `.md` file of a folder) into
/// `options.out_dir`.
///
/// # Errors
///
/// When an input or the shared sets cannot be read. A problem with one input is
/// reported in its [`FileOutcome`] and does not stop the others.
pub fn import(inputs: &[PathBuf], options: &Options) -> Result<Report, Error> {
    let files = input_files(inputs)?;
    let spec_dir = options.out_dir.parent().unwrap_or(Path::new(".")).to_path_buf();
    let spec_root = spec_dir.file_name().map_or_else(|| "spec".to_owned(), |name| name.to_string_lossy().into_owned());
    let shared_sources = shared_sources(&spec_dir.join(SHARED_DIR), &spec_root)?;
    let shared = common_codes(&shared_sources)?;
    let mut report = Report::default();
    let mut samples = match &options.samples {
        Some(dir) => Some(read_samples(dir, &spec_dir.join(OBJECTS_DIR))?),
        None => None,
    };
    let schemas = match &options.openapi {
        Some(file) => {
            let text = fs::read_to_string(file).map_err(|error| Error::Io(format!("{}: {error}", file.display())))?;
            Some(Schemas::parse(&file.display().to_string(), &text).map_err(Error::Io)?)
        }
        None => None,
    };
    let mut check_sources = shared_sources.clone();
    if let Some((samples, objects)) = &mut samples {
        let dir = spec_dir.join(OBJECTS_DIR);
        let written = place_objects(samples, schemas.as_ref(), objects, &dir, &spec_root, options);
        check_sources
            .extend(written.iter().filter_map(|(outcome, source)| source.clone().filter(|_| outcome.target.is_some())));
        report.files.extend(written.into_iter().map(|(outcome, _)| outcome));
    }
    let context = Context { options, shared_sources: &check_sources, spec_root: &spec_root };
    let mut targets: BTreeMap<String, String> = BTreeMap::new();
    for file in files {
        let input = file.display().to_string();
        let read = read_input(&file, &shared).map(|mut imported| {
            if let Some((samples, _)) = &mut samples {
                let method = &imported.spec.method;
                if let Some(fields) = samples.response_fields(method, &imported.spec.response.fields) {
                    imported.spec.response.fields = fields;
                }
            }
            by_name::type_method(&mut imported.spec);
            imported
        });
        let outcome = match read {
            Err(reason) => FileOutcome {
                input,
                target: None,
                status: Status::Failed { reason },
                unmapped: Vec::new(),
                drift: None,
            },
            Ok(imported) => {
                let method = imported.spec.method.clone();
                let target = options.out_dir.join(write::file_name(&method));
                let (status, drift) = match targets.insert(method.clone(), input.clone()) {
                    Some(first) => {
                        (Status::Failed { reason: format!("`{method}` is also imported from {first}") }, None)
                    }
                    None => context.place(&imported, &target),
                };
                let drift = drift.map(|drift| MethodDrift { method, drift });
                let target = Some(target.display().to_string());
                FileOutcome { input, target, status, unmapped: imported.unmapped, drift }
            }
        };
        report.files.push(outcome);
    }
    if let Some((samples, _)) = samples {
        report.conflicts = samples.conflicts;
    }
    Ok(report)
}

/// The recorded answers of `dir`, inferred for the objects of `objects_dir`.
fn read_samples(dir: &Path, objects_dir: &Path) -> Result<(Samples, Vec<ObjectSpec>), Error> {
    let io_error = |path: &Path, error: io::Error| Error::Io(format!("{}: {error}", path.display()));
    let mut objects = Vec::new();
    for path in sorted_files(objects_dir, EXTENSION).map_err(|error| io_error(objects_dir, error))? {
        let text = fs::read_to_string(&path).map_err(|error| io_error(&path, error))?;
        let object: ObjectSpec = serde_yaml::from_str(&text)
            .map_err(|error| Error::Io(format!("{}: the object spec does not load: {error}", path.display())))?;
        objects.push(object);
    }
    let mut samples = Samples::new(&objects);
    for path in sorted_files(dir, JSON_EXTENSION).map_err(|error| io_error(dir, error))? {
        let text = fs::read_to_string(&path).map_err(|error| io_error(&path, error))?;
        let file = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
        let method = file.trim_end_matches(".json");
        match serde_json::from_str(&text) {
            Ok(answer) => samples.add(method, &file, &answer),
            Err(error) => samples.conflicts.push(format!("{file}: not JSON ({error}); skipped")),
        }
    }
    Ok((samples, objects))
}

/// The files of `dir` with `extension`, sorted by name.
fn sorted_files(dir: &Path, extension: &str) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_file() && path.extension().is_some_and(|found| found == extension) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Writes each object spec with the fields the recordings show (unless only checking),
/// with its outcome and, for the validation of the methods, its source.
fn place_objects(
    samples: &mut Samples,
    schemas: Option<&Schemas>,
    objects: &[ObjectSpec],
    dir: &Path,
    spec_root: &str,
    options: &Options,
) -> Vec<(FileOutcome, Option<SourceFile>)> {
    objects
        .iter()
        .map(|object| {
            let target = dir.join(format!("{}.{EXTENSION}", object.object));
            let outcome = |status| FileOutcome {
                input: options.samples.as_ref().map(|dir| dir.display().to_string()).unwrap_or_default(),
                target: Some(target.display().to_string()),
                status,
                unmapped: Vec::new(),
                drift: None,
            };
            let source = |text: &str| SourceFile {
                kind: SourceKind::Object,
                path: format!("{spec_root}/{OBJECTS_DIR}/{}.{EXTENSION}", object.object),
                text: text.to_owned(),
            };
            // An object written by hand from Slack's reference (Block Kit) is the
            // reference's, not the recordings': its fields are left alone.
            if object.reference.is_some() {
                let existing = fs::read_to_string(&target).ok();
                return (outcome(Status::Unchanged), existing.as_deref().map(source));
            }
            let mut spec = if object.tag.is_some() {
                ObjectSpec { variants: samples.object_variants(&object.object, &object.variants), ..object.clone() }
            } else {
                let mut fields = samples.object_fields(&object.object, &object.fields);
                if let Some(schemas) = schemas {
                    schemas.merge(&object.object, &mut fields, &mut samples.conflicts);
                }
                ObjectSpec { fields, ..object.clone() }
            };
            by_name::type_fields(None, &mut spec.fields);
            for variant in &mut spec.variants {
                by_name::type_fields(None, &mut variant.fields);
            }
            // As for methods: the values recorded under `import.hand_edited` are kept,
            // and a file edited elsewhere by hand is left alone unless forced. A file
            // with neither fields nor kinds yet (a new object) has nothing to keep.
            let existing = fs::read_to_string(&target).ok();
            let imported_before = !object.fields.is_empty() || !object.variants.is_empty();
            let spec = match merge(spec, existing.as_deref().filter(|_| imported_before), options.force) {
                Ok(Merge::Write(spec)) => spec,
                Ok(Merge::Unchanged) => return (outcome(Status::Unchanged), existing.as_deref().map(source)),
                Ok(Merge::Refused { differing, .. }) => {
                    return (outcome(Status::Refused { differing }), existing.as_deref().map(source));
                }
                Err(reason) => return (outcome(Status::Failed { reason }), existing.as_deref().map(source)),
            };
            let text = match serde_yaml::to_string(&spec) {
                Ok(yaml) => format!("{}\n{yaml}", object_modeline()),
                Err(error) => return (outcome(Status::Failed { reason: format!("cannot write YAML: {error}") }), None),
            };
            let status = match existing {
                Some(existing) if existing == text => Status::Unchanged,
                _ if options.check => Status::WouldWrite,
                _ => match fs::write(&target, &text) {
                    Ok(()) => Status::Written,
                    Err(error) => Status::Failed { reason: format!("cannot write {}: {error}", target.display()) },
                },
            };
            (outcome(status), Some(source(&text)))
        })
        .collect()
}

/// What every input of a run is imported with.
struct Context<'a> {
    options: &'a Options,
    shared_sources: &'a [SourceFile],
    spec_root: &'a str,
}

impl Context<'_> {
    /// Merges `imported` over the spec file at `target` and writes it when it changed
    /// (unless only checking), with what that changes in the file.
    fn place(&self, imported: &Imported, target: &Path) -> (Status, Option<Drift>) {
        let existing = match fs::read_to_string(target) {
            Ok(text) => Some(text),
            Err(error) if error.kind() == io::ErrorKind::NotFound => None,
            Err(error) => {
                return (Status::Failed { reason: format!("cannot read {}: {error}", target.display()) }, None);
            }
        };
        let spec = match merge(imported.spec.clone(), existing.as_deref(), self.options.force) {
            Ok(Merge::Write(spec)) => spec,
            Ok(Merge::Unchanged) => return (Status::Unchanged, None),
            Ok(Merge::Refused { differing, merged }) => {
                return (Status::Refused { differing }, Some(drift_of(existing.as_deref(), &merged)));
            }
            Err(reason) => return (Status::Failed { reason }, None),
        };
        let text = match write::render(&spec) {
            Ok(text) => text,
            Err(error) => return (Status::Failed { reason: format!("cannot write YAML: {error}") }, None),
        };
        if existing.as_deref() == Some(text.as_str()) {
            return (Status::Unchanged, None);
        }
        if let Err(problems) = write::check(&spec.method, &text, self.shared_sources, self.spec_root) {
            let reason = format!("the imported spec does not pass validation:\n{problems}");
            return (Status::Failed { reason }, None);
        }
        let drift = Some(drift_of(existing.as_deref(), &spec));
        if self.options.check {
            return (Status::WouldWrite, drift);
        }
        let written = fs::create_dir_all(&self.options.out_dir).and_then(|()| fs::write(target, text));
        match written {
            Ok(()) => (Status::Written, drift),
            Err(error) => (Status::Failed { reason: format!("cannot write {}: {error}", target.display()) }, None),
        }
    }
}

/// What writing `spec` over the spec file `existing` (its text, when there is one)
/// changes.
fn drift_of(existing: Option<&str>, spec: &MethodSpec) -> Drift {
    let Some(existing) = existing else { return Drift::New };
    match serde_yaml::from_str::<MethodSpec>(existing) {
        Ok(existing) => {
            let changes = drift::compute(&existing, spec);
            // The file differs as a value (or it would be unchanged), so the changes
            // name something; "the whole file" only if the model and YAML disagreed.
            if changes.is_empty() {
                Drift::Changed(vec![drift::Change::Other { path: "(the whole file)".to_owned() }])
            } else {
                Drift::Changed(changes)
            }
        }
        Err(_) => Drift::Replaced,
    }
}

/// The files to import, in the order given; a folder gives its `.json` and `.md`
/// files, sorted by name.
fn input_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut files = Vec::new();
    for input in inputs {
        let metadata = fs::metadata(input).map_err(|error| Error::Io(format!("{}: {error}", input.display())))?;
        if !metadata.is_dir() {
            files.push(input.clone());
            continue;
        }
        let entries = fs::read_dir(input).map_err(|error| Error::Io(format!("{}: {error}", input.display())))?;
        let mut found = Vec::new();
        for entry in entries {
            let path = entry.map_err(|error| Error::Io(format!("{}: {error}", input.display())))?.path();
            let importable =
                path.extension().is_some_and(|extension| extension == JSON_EXTENSION || extension == PAGE_EXTENSION);
            if importable && path.is_file() {
                found.push(path);
            }
        }
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

/// Reads and imports one input file, by its extension.
fn read_input(file: &Path, shared: &SharedCodes) -> Result<Imported, String> {
    let text = fs::read_to_string(file).map_err(|error| format!("cannot read it: {error}"))?;
    let file_name = file.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    match file.extension().and_then(|extension| extension.to_str()) {
        Some(JSON_EXTENSION) => slack_json::import(&file_name, &text, shared),
        Some(PAGE_EXTENSION) => doc_page::import(&file_name, &text, shared),
        _ => Err(format!("not a `.{JSON_EXTENSION}` reference file or a `.{PAGE_EXTENSION}` doc page")),
    }
}

/// The shared sets in `dir`, as the loader reads them.
fn shared_sources(dir: &Path, spec_root: &str) -> Result<Vec<SourceFile>, Error> {
    let entries = fs::read_dir(dir).map_err(|error| {
        Error::Shared(format!(
            "{}: {error}; imported methods include the shared set `{COMMON}` from there",
            dir.display()
        ))
    })?;
    let mut sources = Vec::new();
    for entry in entries {
        let path = entry.map_err(|error| Error::Io(format!("{}: {error}", dir.display())))?.path();
        let name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
        if path.extension().is_some_and(|extension| extension == EXTENSION) {
            let text = fs::read_to_string(&path).map_err(|error| Error::Io(format!("{}: {error}", path.display())))?;
            sources.push(SourceFile {
                kind: SourceKind::Shared,
                path: format!("{spec_root}/{SHARED_DIR}/{name}"),
                text,
            });
        }
    }
    sources.sort();
    Ok(sources)
}

/// The codes of the shared set `common`.
fn common_codes(sources: &[SourceFile]) -> Result<SharedCodes, Error> {
    let common = sources
        .iter()
        .find(|source| source.stem() == COMMON)
        .ok_or_else(|| Error::Shared(format!("there is no shared set `{COMMON}`, which imported methods include")))?;
    let set: SharedSpec = serde_yaml::from_str(&common.text)
        .map_err(|error| Error::Shared(format!("{}: the shared set does not load: {error}", common.path)))?;
    Ok(SharedCodes::new(&set))
}

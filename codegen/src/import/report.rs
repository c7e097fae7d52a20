//! What an import did: per input file, where its spec went and what of the input has no
//! place in the spec format.

use std::collections::BTreeMap;
use std::fmt;

use super::drift::{DriftReport, MethodDrift};

/// How many differing paths a refusal names before it says how many more there are.
const SHOWN_PATHS: usize = 12;

/// A value of the input that the import could not map into the spec, or mapped only in
/// part. Reports name the input file and the path of the value in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmapped {
    /// The path of the value in the input, keys and list indices joined by `.`
    /// (`args.properties.channel.maxLength`; for a doc page, `Arguments.user`).
    pub at: String,
    /// The key the report counts it under: the input's own name for what was not
    /// mapped (`maxLength`, `rate_limits`, `desc`).
    pub key: String,
    /// What happened to it.
    pub message: String,
}

impl fmt::Display for Unmapped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// Collects the [`Unmapped`] values of one input, with the path of the value being read.
#[derive(Debug, Default)]
pub struct Findings {
    items: Vec<Unmapped>,
}

impl Findings {
    /// Records that the value of `key` in the node at `parent` was not mapped, and why.
    pub fn push(&mut self, parent: &str, key: &str, message: impl Into<String>) {
        let at = if parent.is_empty() { key.to_owned() } else { format!("{parent}.{key}") };
        self.push_at(at, key, message);
    }

    /// Records that the value at `at` was not mapped, and why, counted under `key`.
    pub fn push_at(&mut self, at: impl Into<String>, key: &str, message: impl Into<String>) {
        self.items.push(Unmapped { at: at.into(), key: key.to_owned(), message: message.into() });
    }

    /// Takes over the findings of `other`.
    pub fn append(&mut self, other: Findings) {
        self.items.extend(other.items);
    }

    /// The findings, in the order they were made.
    pub fn into_vec(self) -> Vec<Unmapped> {
        self.items
    }
}

/// What became of one input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// The spec file was written (created, or replaced).
    Written,
    /// The spec file would be written (created, or replaced), but the run only checks
    /// (`--check`): nothing was written.
    WouldWrite,
    /// The spec file already says what the import says; it was left as it is.
    Unchanged,
    /// The spec file differs from the import where no hand edit is recorded, and
    /// `--force` was not given: it was left as it is.
    Refused {
        /// The paths at which the file differs (`summary`, `arguments.1.type`).
        differing: Vec<String>,
    },
    /// The input could not be imported; nothing was written for it.
    Failed {
        /// Why.
        reason: String,
    },
}

/// The import of one input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileOutcome {
    /// The input file, as it was named.
    pub input: String,
    /// The spec file it maps to, when the input could be read that far.
    pub target: Option<String>,
    /// What happened to the spec file.
    pub status: Status,
    /// What of the input has no place in the spec.
    pub unmapped: Vec<Unmapped>,
    /// What the import changes in the spec file (written, to be written, or refused);
    /// `None` when it is unchanged or the input failed.
    pub drift: Option<MethodDrift>,
}

/// The outcome of an import run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Each input file, in the order they were imported (and each object spec, when
    /// importing recorded answers).
    pub files: Vec<FileOutcome>,
    /// Where the recorded answers disagree with each other or with the spec, each with
    /// its file and JSON path.
    pub conflicts: Vec<String>,
}

impl Report {
    /// How many files ended in each state: written, unchanged, refused, failed.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for file in &self.files {
            match file.status {
                Status::Written => counts.written += 1,
                Status::WouldWrite => counts.would_write += 1,
                Status::Unchanged => counts.unchanged += 1,
                Status::Refused { .. } => counts.refused += 1,
                Status::Failed { .. } => counts.failed += 1,
            }
        }
        counts
    }

    /// What the import changes, method by method, and how many methods it leaves as
    /// they are.
    pub fn drift(&self) -> DriftReport {
        let methods = self.files.iter().filter_map(|file| file.drift.clone()).collect();
        DriftReport::new(methods, self.counts().unchanged)
    }

    /// Whether importing changes (or, with `--check`, would change) no file, and every
    /// input imported: what `--check` passes on.
    pub fn up_to_date(&self) -> bool {
        self.files.iter().all(|file| file.status == Status::Unchanged)
    }

    /// Whether every file was written (or would be) or already up to date.
    pub fn succeeded(&self) -> bool {
        let counts = self.counts();
        counts.refused == 0 && counts.failed == 0
    }

    /// How many unmapped values were reported under each key, by key.
    pub fn unmapped_by_key(&self) -> BTreeMap<&str, usize> {
        let mut counts = BTreeMap::new();
        for unmapped in self.files.iter().flat_map(|file| &file.unmapped) {
            *counts.entry(unmapped.key.as_str()).or_insert(0) += 1;
        }
        counts
    }

    /// The unmapped values, one line each: `input: path: message`.
    pub fn unmapped_lines(&self) -> Vec<String> {
        self.files
            .iter()
            .flat_map(|file| file.unmapped.iter().map(move |unmapped| format!("{}: {unmapped}", file.input)))
            .collect()
    }
}

/// How many files ended in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Spec files written.
    pub written: usize,
    /// Spec files that would be written (`--check`).
    pub would_write: usize,
    /// Spec files already up to date.
    pub unchanged: usize,
    /// Spec files left alone because they were edited by hand.
    pub refused: usize,
    /// Inputs that could not be imported.
    pub failed: usize,
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A run either writes or checks: it has files of one kind or the other.
        if self.would_write > 0 {
            write!(f, "would write {}", self.would_write)?;
        } else {
            write!(f, "written {}", self.written)?;
        }
        write!(f, ", unchanged {}, refused {}", self.unchanged, self.refused)?;
        if self.failed > 0 {
            write!(f, ", failed {}", self.failed)?;
        }
        Ok(())
    }
}

impl fmt::Display for FileOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let target = self.target.as_deref().unwrap_or(&self.input);
        match &self.status {
            Status::Written => write!(f, "wrote {target}"),
            Status::WouldWrite => write!(f, "would write {target}"),
            Status::Unchanged => write!(f, "unchanged {target}"),
            Status::Refused { differing } => write!(
                f,
                "refused {target}: it was edited by hand at {} without recording it under `import.hand_edited`; \
                 record each edit with its reason, or pass --force to overwrite",
                shown_paths(differing)
            ),
            Status::Failed { reason } => write!(f, "failed {}: {reason}", self.input),
        }
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines = self.unmapped_lines();
        if !lines.is_empty() {
            writeln!(f, "not mapped ({} value(s)):", lines.len())?;
            for line in &lines {
                writeln!(f, "  {line}")?;
            }
        }
        for file in &self.files {
            writeln!(f, "{file}")?;
        }
        write!(f, "{}", self.counts())
    }
}

/// `paths` as a refusal lists them: the first few, then how many more.
fn shown_paths(paths: &[String]) -> String {
    let mut shown: Vec<&str> = paths.iter().take(SHOWN_PATHS).map(String::as_str).collect();
    let more = format!("and {} more", paths.len().saturating_sub(SHOWN_PATHS));
    if paths.len() > SHOWN_PATHS {
        shown.push(&more);
    }
    shown.join(", ")
}

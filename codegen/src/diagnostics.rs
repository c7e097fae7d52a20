//! Problems found in spec files, each pinned to a file, line and column.

use std::fmt;

/// A position in a spec file, 1-based as editors show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1.
    pub column: usize,
}

impl Location {
    /// The start of a file, for problems that concern the file as a whole.
    pub const START: Location = Location { line: 1, column: 1 };
}

/// One problem in one spec file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// The spec file, relative to the spec root's parent (`spec/methods/x.yaml`).
    pub file: String,
    /// Where in the file.
    pub location: Location,
    /// What is wrong.
    pub message: String,
    /// How to fix it, where that is not obvious from the message.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A problem at `location` in `file`.
    pub fn new(file: impl Into<String>, location: Location, message: impl Into<String>) -> Self {
        Self { file: file.into(), location, message: message.into(), hint: None }
    }

    /// Adds a hint.
    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.file, self.location.line, self.location.column, self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// Every problem found in a spec, sorted by file and position.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    /// Sorts the problems so that the report reads top to bottom, file by file.
    pub fn new(mut problems: Vec<Diagnostic>) -> Self {
        problems.sort();
        problems.dedup();
        Self(problems)
    }

    /// The problems, sorted.
    pub fn problems(&self) -> &[Diagnostic] {
        &self.0
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for problem in &self.0 {
            writeln!(f, "{problem}")?;
        }
        let count = self.0.len();
        write!(f, "{count} problem{} in the spec", if count == 1 { "" } else { "s" })
    }
}

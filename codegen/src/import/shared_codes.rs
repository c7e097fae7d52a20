//! The shared set every imported method includes, and the rule that keeps its codes out
//! of each method's own lists.

use std::collections::BTreeMap;

use super::text::same_text;
use crate::rules::DEFAULT_ARGUMENT_NAME_LENGTH;
use crate::spec::model::{CodeSpec, SharedSpec};

/// The shared set imported methods include: `include: [common]`.
pub use crate::spec::COMMON_SET as COMMON;

/// The errors and warnings of the shared set, by code.
#[derive(Debug, Clone, Default)]
pub struct SharedCodes {
    errors: BTreeMap<String, String>,
    warnings: BTreeMap<String, String>,
    argument_name_length: Option<usize>,
}

impl SharedCodes {
    /// The codes of `set`.
    pub fn new(set: &SharedSpec) -> Self {
        let by_code =
            |codes: &[CodeSpec]| codes.iter().map(|code| (code.code.clone(), code.description.clone())).collect();
        Self {
            errors: by_code(&set.errors),
            warnings: by_code(&set.warnings),
            argument_name_length: set.limits.as_ref().map(|limits| limits.argument_name_length),
        }
    }

    /// The longest argument name the set allows, which validation will check.
    pub fn argument_name_length(&self) -> usize {
        self.argument_name_length.unwrap_or(DEFAULT_ARGUMENT_NAME_LENGTH)
    }

    /// `errors` without those the shared set already has with the same description, in
    /// their order. A code the set has with another description stays: the method's
    /// own wording is what its doc page says.
    pub fn own_errors(&self, errors: Vec<CodeSpec>) -> Vec<CodeSpec> {
        own(errors, &self.errors)
    }

    /// Likewise for warnings.
    pub fn own_warnings(&self, warnings: Vec<CodeSpec>) -> Vec<CodeSpec> {
        own(warnings, &self.warnings)
    }
}

fn own(mut codes: Vec<CodeSpec>, shared: &BTreeMap<String, String>) -> Vec<CodeSpec> {
    codes.retain(|code| !shared.get(&code.code).is_some_and(|description| same_text(description, &code.description)));
    codes
}

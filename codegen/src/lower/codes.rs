//! The error and warning codes: the common set, lowered once, and each method's own.

use crate::diagnostics::Diagnostic;
use crate::ir;
use crate::naming::{self, Case, Origin, RESERVED_VARIANTS};
use crate::spec::model::{CodeSpec, MethodSpec, SharedSpec};
use crate::spec::{COMMON_SET, Loaded, Spec};

use super::origin;
use super::prose::{self, CodeKind};

/// The type names of the common sets, which the runtime exports.
pub const COMMON_ERROR: &str = "CommonError";
/// See [`COMMON_ERROR`].
pub const COMMON_WARNING: &str = "CommonWarning";

/// The common set of `spec` (validation reports a spec without one), lowered.
pub fn lower_common(spec: &Spec, spec_root: &str, problems: &mut Vec<Diagnostic>) -> ir::CommonCodes {
    let set = spec.shared.iter().find(|set| set.value.name == COMMON_SET);
    let source = set.map_or_else(|| format!("{spec_root}/shared/{COMMON_SET}.yaml"), |set| set.file.clone());
    let lower_set = |kind: CodeKind, name: &str, problems: &mut Vec<Diagnostic>| {
        let codes = set.map(|set| located(set, kind, codes_of(&set.value, kind))).unwrap_or_default();
        let mut set = ir::CodeSet {
            name: name.to_owned(),
            docs: prose::common_set_docs(kind),
            codes: lower_codes(&codes, name, "", problems),
            table: Vec::new(),
            table_file: format!("{}.md", naming::rust_name(name, Case::Snake, &[])),
        };
        set.table = prose::common_table(&set);
        set
    };
    ir::CommonCodes {
        module_docs: prose::common_module_docs(&source),
        errors: lower_set(CodeKind::Error, COMMON_ERROR, problems),
        warnings: lower_set(CodeKind::Warning, COMMON_WARNING, problems),
        argument_name_length: set
            .and_then(|set| set.value.limits.as_ref())
            .map_or(crate::rules::DEFAULT_ARGUMENT_NAME_LENGTH, |limits| limits.argument_name_length),
        source,
    }
}

/// The error or warning enum of `method`: its own codes as variants, and the common
/// ones it describes in its own words set apart. Codes of other included sets are the
/// method's own.
pub fn lower_method_codes(
    method: &Loaded<MethodSpec>,
    spec: &Spec,
    common: &ir::CommonCodes,
    kind: CodeKind,
    enum_type: &str,
    page: &str,
    problems: &mut Vec<Diagnostic>,
) -> ir::CodeEnum {
    let answers_common = method.value.include.iter().any(|name| name == COMMON_SET);
    let common_set = match kind {
        CodeKind::Error => &common.errors,
        CodeKind::Warning => &common.warnings,
    };
    let is_common = |code: &CodeSpec| answers_common && common_set.codes.iter().any(|c| c.wire == code.code);
    let mut codes = located(method, kind, codes_of_method(&method.value, kind));
    for name in method.value.include.iter().filter(|name| *name != COMMON_SET) {
        for set in spec.shared.iter().filter(|set| &set.value.name == name) {
            for (code, at) in located(set, kind, codes_of(&set.value, kind)) {
                if !codes.iter().any(|(known, _)| known.code == code.code) {
                    codes.push((code, at));
                }
            }
        }
    }
    let (redescribed, own): (Vec<_>, Vec<_>) = codes.into_iter().partition(|(code, _)| is_common(code));
    let redescribed = redescribed
        .into_iter()
        .filter_map(|(code, _)| {
            let common = common_set.codes.iter().find(|c| c.wire == code.code)?;
            let description = one_line(&code.description);
            (description != common.description).then(|| ir::Code {
                wire: code.code.clone(),
                variant: common.variant.clone(),
                docs: prose::code_docs(&code.code, &code.description, page),
                description,
            })
        })
        .collect::<Vec<_>>();
    let mut code_enum = ir::CodeEnum {
        name: enum_type.to_owned(),
        docs: Vec::new(),
        common_table: (answers_common && !common_set.codes.is_empty()).then(|| common_set.table_file.clone()),
        docs_after: Vec::new(),
        own: lower_codes(&own, enum_type, page, problems),
        redescribed,
        answers_common,
    };
    (code_enum.docs, code_enum.docs_after) = prose::code_enum_docs(&method.value, kind, common_set, &code_enum, page);
    code_enum
}

fn codes_of(set: &SharedSpec, kind: CodeKind) -> &[CodeSpec] {
    match kind {
        CodeKind::Error => &set.errors,
        CodeKind::Warning => &set.warnings,
    }
}

fn codes_of_method(method: &MethodSpec, kind: CodeKind) -> &[CodeSpec] {
    match kind {
        CodeKind::Error => &method.errors,
        CodeKind::Warning => &method.warnings,
    }
}

/// Each code with where its name is written.
fn located<'a, T>(file: &Loaded<T>, kind: CodeKind, codes: &'a [CodeSpec]) -> Vec<(&'a CodeSpec, Origin)> {
    codes
        .iter()
        .enumerate()
        .map(|(index, code)| (code, origin(file, &format!("{}.{index}.code", kind.key()))))
        .collect()
}

/// One variant per code, named by the naming pass.
fn lower_codes(
    codes: &[(&CodeSpec, Origin)],
    enum_type: &str,
    page: &str,
    problems: &mut Vec<Diagnostic>,
) -> Vec<ir::Code> {
    let entries: Vec<(&str, Origin)> = codes.iter().map(|(code, at)| (code.code.as_str(), at.clone())).collect();
    let variants =
        naming::assign(&format!("variant of {enum_type}"), &entries, Case::UpperCamel, RESERVED_VARIANTS, problems);
    codes
        .iter()
        .zip(variants)
        .map(|((code, _), variant)| ir::Code {
            wire: code.code.clone(),
            variant,
            description: one_line(&code.description),
            docs: prose::code_docs(&code.code, &code.description, page),
        })
        .collect()
}

/// A description as plain text on one line, for `Code::description`.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

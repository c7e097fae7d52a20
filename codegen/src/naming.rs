//! The one place where Rust names are made from wire names.
//!
//! Case conversion is heck's. A name that is a Rust keyword, or that the generated
//! code reserves for itself, gets a trailing `_` (the wire name is kept beside it); a
//! name that starts with a digit gets a prefix. Two wire names that still end up as
//! the same Rust name in one scope are a spec error naming both places, never broken
//! code.

use std::collections::BTreeMap;

use heck::{ToSnakeCase, ToUpperCamelCase};

use crate::diagnostics::{Diagnostic, Location};

/// Words Rust reserves in any edition this crate targets: they cannot be plain
/// identifiers, and `self`, `Self`, `crate`, `super` cannot even be raw ones.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate", "do", "dyn", "else",
    "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro", "match", "mod",
    "move", "mut", "override", "priv", "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait",
    "true", "try", "type", "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Names a setter of the generated request types must not take: their own methods,
/// and the methods of the traits they implement, which an inherent method of the same
/// name would shadow.
pub const RESERVED_REQUEST_MEMBERS: &[&str] = &[
    "new",
    "write_args",
    "clone",
    "clone_from",
    "fmt",
    "eq",
    "ne",
    "default",
    "into",
    "try_into",
    "from",
    "try_from",
    "to_owned",
    "borrow",
    "type_id",
];
/// Names the generated records (responses and objects) use for their own members.
pub const RESERVED_RECORD_MEMBERS: &[&str] =
    &["warnings", "set_warnings", "response_metadata", "unknown", "new", "default"];
/// Type names no generated type may take: those the crate root re-exports from the
/// runtime, and those the generated modules write unqualified (std's prelude, the
/// runtime's `types`). Generated type names are made of two or more words, so a clash
/// can only come from a name like `IntoIterator` or `UserId`; it is reported, never
/// emitted.
pub const RESERVED_TYPES: &[&str] = &[
    // Re-exported at the crate root.
    "CallError",
    "Client",
    "Code",
    "CommonError",
    "CommonWarning",
    "MethodResponse",
    "Paginated",
    "Token",
    // Imported by the crate root.
    "MethodInfo",
    // Written unqualified in every module.
    "Option",
    "Some",
    "None",
    "Vec",
    "String",
    "Result",
    "Ok",
    "Into",
    "IntoIterator",
    "Default",
    "Box",
    "From",
    // The runtime's `types`, imported by the modules that use them.
    "Timestamp",
    "Cursor",
    "UserId",
    "ChannelId",
    "TeamId",
    "EnterpriseId",
    "AppId",
    "BotId",
    "FileId",
    "UsergroupId",
    "TriggerId",
    "Secret",
    "ResponseMetadata",
    // Written unqualified by the modules that hold records.
    "UnknownFields",
];

/// The feature of the generated crate that compiles in `catalog()` and each method's
/// `Catalogued` facts: what the fake Slack serves methods by, and only tests need.
pub const CATALOG_FEATURE: &str = "catalog";

/// Features the generated crate defines beside the method families (a method's family
/// is a feature named after its first word), which no family may take.
pub const RESERVED_FEATURES: &[&str] = &["default", "reqwest", "full", CATALOG_FEATURE, OBJECTS_FEATURE];

/// The feature of the generated crate that compiles in every shared object, whatever
/// the families: for code that reads Slack's objects without calling methods.
pub const OBJECTS_FEATURE: &str = "objects";

/// Variant names the generated code enums use for their own purposes.
pub const RESERVED_VARIANTS: &[&str] = &["Common", "Unknown"];

/// Which kind of Rust name to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// `snake_case`, for modules and fields.
    Snake,
    /// `UpperCamelCase`, for types and variants.
    UpperCamel,
}

/// Where a wire name is written in the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The spec file.
    pub file: String,
    /// The position of the name.
    pub location: Location,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.location.line, self.location.column)
    }
}

/// The Rust identifier for `wire`, before any collision check.
pub fn rust_name(wire: &str, case: Case, reserved: &[&str]) -> String {
    let (mut name, digit_prefix) = match case {
        Case::Snake => (wire.to_snake_case(), "n_"),
        Case::UpperCamel => (wire.to_upper_camel_case(), "N"),
    };
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert_str(0, digit_prefix);
    }
    if KEYWORDS.contains(&name.as_str()) || reserved.contains(&name.as_str()) {
        name.push('_');
    }
    name
}

/// Gives every wire name in one scope (the fields of a struct, the variants of an
/// enum) its Rust name, and reports any two that collide.
///
/// `what` says what the names become (`field of ChatPostMessage`); entries are
/// `(wire name, origin)`.
pub fn assign(
    what: &str,
    entries: &[(&str, Origin)],
    case: Case,
    reserved: &[&str],
    problems: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let named: Vec<(String, &str, &Origin)> =
        entries.iter().map(|(wire, origin)| (rust_name(wire, case, reserved), *wire, origin)).collect();
    check_unique(what, &named, problems);
    named.into_iter().map(|(name, ..)| name).collect()
}

/// Reports every Rust name in `named` that an earlier entry with another wire name
/// already took, naming both wire names and both places. Entries are `(Rust name, wire
/// name, origin)`. The same wire name twice is a duplicate, which validation reports.
pub fn check_unique(what: &str, named: &[(String, &str, &Origin)], problems: &mut Vec<Diagnostic>) {
    let mut taken: BTreeMap<&str, (&str, &Origin)> = BTreeMap::new();
    for (name, wire, origin) in named {
        match taken.get(name.as_str()) {
            Some((first_wire, _)) if first_wire == wire => {}
            Some((first_wire, first_origin)) => problems.push(
                Diagnostic::new(
                    &origin.file,
                    origin.location,
                    format!("`{wire}` and `{first_wire}` (at {first_origin}) both become the Rust {what} `{name}`"),
                )
                .with_hint("rename one of them in the spec, or remove the duplicate"),
            ),
            None => {
                taken.insert(name, (wire, origin));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_case() {
        assert_eq!(rust_name("chat.postMessage", Case::Snake, &[]), "chat_post_message");
        assert_eq!(rust_name("apps.permissions.users.request", Case::UpperCamel, &[]), "AppsPermissionsUsersRequest");
        assert_eq!(rust_name("invalid_arg_name", Case::UpperCamel, &[]), "InvalidArgName");
        assert_eq!(rust_name("trigger_id", Case::Snake, &[]), "trigger_id");
    }

    #[test]
    fn renames_keywords_reserved_names_and_leading_digits() {
        assert_eq!(rust_name("type", Case::Snake, &[]), "type_");
        assert_eq!(rust_name("self", Case::Snake, &[]), "self_");
        assert_eq!(rust_name("Self", Case::UpperCamel, &[]), "Self_");
        assert_eq!(rust_name("crate", Case::Snake, &[]), "crate_");
        assert_eq!(rust_name("new", Case::Snake, RESERVED_REQUEST_MEMBERS), "new_");
        assert_eq!(rust_name("unknown", Case::UpperCamel, RESERVED_VARIANTS), "Unknown_");
        assert_eq!(rust_name("2fa_required", Case::UpperCamel, &[]), "N2faRequired");
        assert_eq!(rust_name("2fa", Case::Snake, &[]), "n_2fa");
    }

    #[test]
    fn reports_both_places_of_a_collision() {
        let at = |line| Origin { file: "spec/methods/a.b.yaml".into(), location: Location { line, column: 5 } };
        let mut problems = Vec::new();
        let names = assign(
            "variant of ABError",
            &[("invalid_arg", at(3)), ("invalid-arg", at(7))],
            Case::UpperCamel,
            RESERVED_VARIANTS,
            &mut problems,
        );
        assert_eq!(names, ["InvalidArg", "InvalidArg"]);
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].to_string(),
            "spec/methods/a.b.yaml:7:5: `invalid-arg` and `invalid_arg` (at spec/methods/a.b.yaml:3:5) both \
             become the Rust variant of ABError `InvalidArg`\n  hint: rename one of them in the spec, or remove \
             the duplicate"
        );
    }
}

//! Drift: what importing again changes in a method spec, against the spec file it
//! replaces, in the terms that matter to the generated API (arguments, codes, scopes,
//! the rate tier, the lifecycle), with everything else named by its path.
//!
//! [`compute`] compares two specs of the model; run on the spec file and the spec the
//! import would write (the merged one, which keeps the values recorded under
//! `import.hand_edited`), it leaves kept hand edits out by construction. The result is
//! plain data; its rendering is sorted, so the same two specs always print the same.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::Serialize;
use serde_yaml::Value;

use crate::spec::model::{
    ArgumentSpec, CodeSpec, LifecycleStatus, ListStyle, MethodSpec, RateTier, TokenType, ValueType,
};

/// The sections of a spec that [`compute`] reports change by change; any other
/// difference is reported as [`Change::Other`] with its path.
const TYPED_SECTIONS: [&str; 6] = ["arguments", "errors", "warnings", "works_with", "rate_tier", "lifecycle"];

/// What an argument is, as far as the generated type goes: its type and list style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArgumentType {
    /// The value's type.
    pub ty: ValueType,
    /// How a list of it is sent, when it is a list.
    pub list: Option<ListStyle>,
}

impl ArgumentType {
    fn of(argument: &ArgumentSpec) -> Self {
        Self { ty: argument.ty, list: argument.list }
    }
}

impl fmt::Display for ArgumentType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", wire(&self.ty))?;
        if let Some(list) = self.list {
            write!(f, ", {}", wire(&list))?;
        }
        Ok(())
    }
}

/// Errors or warnings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    /// The method's own `errors`.
    Error,
    /// The method's own `warnings`.
    Warning,
}

impl fmt::Display for CodeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Error => "error",
            Self::Warning => "warning",
        })
    }
}

/// A method's lifecycle, as plain data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LifecycleState {
    /// Its status.
    pub status: LifecycleStatus,
    /// Its note, when it has one.
    pub note: Option<String>,
}

impl fmt::Display for LifecycleState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", wire(&self.status))?;
        if let Some(note) = &self.note {
            write!(f, " (note: {note:?})")?;
        }
        Ok(())
    }
}

/// One change between a spec file and its import. Arguments, errors and warnings are
/// named by their wire names, so that an insertion does not shift the others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// An argument the file does not have.
    ArgumentAdded {
        /// Its wire name.
        name: String,
        /// Its type.
        ty: ArgumentType,
        /// Whether it is required.
        required: bool,
    },
    /// An argument the import no longer has.
    ArgumentRemoved {
        /// Its wire name.
        name: String,
        /// The type it had.
        ty: ArgumentType,
    },
    /// An argument whose type or list style changed.
    ArgumentRetyped {
        /// Its wire name.
        name: String,
        /// The type in the file.
        from: ArgumentType,
        /// The type in the import.
        to: ArgumentType,
    },
    /// An argument that became required, or optional.
    RequiredChanged {
        /// Its wire name.
        name: String,
        /// Whether it is required now.
        required: bool,
    },
    /// An error or warning code the file does not have.
    CodeAdded {
        /// Error or warning.
        kind: CodeKind,
        /// The code.
        code: String,
    },
    /// An error or warning code the import no longer has.
    CodeRemoved {
        /// Error or warning.
        kind: CodeKind,
        /// The code.
        code: String,
    },
    /// A token type that may now call the method.
    TokenTypeAdded {
        /// The token type.
        token_type: TokenType,
    },
    /// A token type that may no longer call the method.
    TokenTypeRemoved {
        /// The token type.
        token_type: TokenType,
    },
    /// A scope a token type now needs.
    ScopeAdded {
        /// The token type.
        token_type: TokenType,
        /// The scope.
        scope: String,
    },
    /// A scope a token type no longer needs.
    ScopeRemoved {
        /// The token type.
        token_type: TokenType,
        /// The scope.
        scope: String,
    },
    /// The rate tier changed.
    RateTierChanged {
        /// The tier in the file.
        from: RateTier,
        /// The tier in the import.
        to: RateTier,
    },
    /// The lifecycle changed: its status, or its note.
    LifecycleChanged {
        /// The lifecycle in the file.
        from: LifecycleState,
        /// The lifecycle in the import.
        to: LifecycleState,
    },
    /// Anything else, by path: `summary`, `response.fields`,
    /// `arguments.channel.description`, `errors (order)`.
    Other {
        /// Where.
        path: String,
    },
}

impl Change {
    /// Where the change sorts: by kind, in the order above, then by what it is about.
    fn sort_key(&self) -> (u8, String) {
        match self {
            Self::ArgumentAdded { name, .. } => (0, name.clone()),
            Self::ArgumentRemoved { name, .. } => (1, name.clone()),
            Self::ArgumentRetyped { name, .. } => (2, name.clone()),
            Self::RequiredChanged { name, .. } => (3, name.clone()),
            Self::CodeAdded { kind: CodeKind::Error, code } => (4, code.clone()),
            Self::CodeRemoved { kind: CodeKind::Error, code } => (5, code.clone()),
            Self::CodeAdded { kind: CodeKind::Warning, code } => (6, code.clone()),
            Self::CodeRemoved { kind: CodeKind::Warning, code } => (7, code.clone()),
            Self::TokenTypeAdded { token_type } => (8, wire(token_type)),
            Self::TokenTypeRemoved { token_type } => (9, wire(token_type)),
            Self::ScopeAdded { token_type, scope } => (10, format!("{} {scope}", wire(token_type))),
            Self::ScopeRemoved { token_type, scope } => (11, format!("{} {scope}", wire(token_type))),
            Self::RateTierChanged { .. } => (12, String::new()),
            Self::LifecycleChanged { .. } => (13, String::new()),
            Self::Other { path } => (14, path.clone()),
        }
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ArgumentAdded { name, ty, required } => {
                write!(f, "argument added: `{name}` ({ty}{})", if *required { ", required" } else { "" })
            }
            Self::ArgumentRemoved { name, ty } => write!(f, "argument removed: `{name}` ({ty})"),
            Self::ArgumentRetyped { name, from, to } => write!(f, "argument retyped: `{name}`: {from} -> {to}"),
            Self::RequiredChanged { name, required: true } => write!(f, "argument now required: `{name}`"),
            Self::RequiredChanged { name, required: false } => write!(f, "argument now optional: `{name}`"),
            Self::CodeAdded { kind, code } => write!(f, "{kind} added: `{code}`"),
            Self::CodeRemoved { kind, code } => write!(f, "{kind} removed: `{code}`"),
            Self::TokenTypeAdded { token_type } => write!(f, "token type added: {}", wire(token_type)),
            Self::TokenTypeRemoved { token_type } => write!(f, "token type removed: {}", wire(token_type)),
            Self::ScopeAdded { token_type, scope } => write!(f, "scope added: {} `{scope}`", wire(token_type)),
            Self::ScopeRemoved { token_type, scope } => write!(f, "scope removed: {} `{scope}`", wire(token_type)),
            Self::RateTierChanged { from, to } => write!(f, "rate tier changed: {} -> {}", wire(from), wire(to)),
            Self::LifecycleChanged { from, to } => write!(f, "lifecycle changed: {from} -> {to}"),
            Self::Other { path } => write!(f, "changed: {path}"),
        }
    }
}

/// What importing does to one method's spec file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drift {
    /// There is no spec file yet: the method is new.
    New,
    /// The spec file says something else; the changes, sorted. Never empty.
    Changed(Vec<Change>),
    /// The spec file does not load as a spec, and is replaced whole (`--force`).
    Replaced,
}

/// The drift of one method.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MethodDrift {
    /// The method name.
    pub method: String,
    /// What importing does to its spec file.
    pub drift: Drift,
}

impl fmt::Display for MethodDrift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.drift {
            Drift::New => write!(f, "new {}", self.method),
            Drift::Replaced => write!(f, "replaced {}: the spec file does not load as a spec", self.method),
            Drift::Changed(changes) => {
                write!(f, "changed {}:", self.method)?;
                for change in changes {
                    write!(f, "\n  {change}")?;
                }
                Ok(())
            }
        }
    }
}

/// The drift of a whole import run: each method that is new or changed, by name, and
/// how many are unchanged.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DriftReport {
    /// The methods that are new or changed, sorted by name.
    pub methods: Vec<MethodDrift>,
    /// How many imported methods are unchanged.
    pub unchanged: usize,
}

impl DriftReport {
    /// A report of `methods` (in any order) and `unchanged` unchanged methods.
    pub fn new(mut methods: Vec<MethodDrift>, unchanged: usize) -> Self {
        methods.sort_by(|a, b| a.method.cmp(&b.method));
        Self { methods, unchanged }
    }

    /// Whether no method is new or changed.
    pub fn is_empty(&self) -> bool {
        self.methods.is_empty()
    }

    /// How many methods are new.
    pub fn new_count(&self) -> usize {
        self.methods.iter().filter(|method| method.drift == Drift::New).count()
    }

    /// How many methods are changed (or replaced).
    pub fn changed_count(&self) -> usize {
        self.methods.len() - self.new_count()
    }
}

impl fmt::Display for DriftReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for method in &self.methods {
            writeln!(f, "{method}")?;
        }
        write!(f, "drift: {} new, {} changed, {} unchanged", self.new_count(), self.changed_count(), self.unchanged)
    }
}

/// What changes from the spec `old` (the file) to the spec `new` (what the import
/// writes), sorted; empty when they say the same.
pub fn compute(old: &MethodSpec, new: &MethodSpec) -> Vec<Change> {
    let (old_value, new_value) = (to_value(old), to_value(new));
    let mut changes = Vec::new();
    let typed = |section: &str, found: Vec<Change>, changes: &mut Vec<Change>| {
        if found.is_empty() && section_value(&old_value, section) != section_value(&new_value, section) {
            // Only the order differs, or something the typed comparison does not see.
            changes.push(Change::Other { path: format!("{section} (order)") });
        }
        changes.extend(found);
    };
    typed("arguments", arguments(&old.arguments, &new.arguments), &mut changes);
    typed("errors", codes(CodeKind::Error, &old.errors, &new.errors), &mut changes);
    typed("warnings", codes(CodeKind::Warning, &old.warnings, &new.warnings), &mut changes);
    typed("works_with", scopes(old, new), &mut changes);
    if old.rate_tier != new.rate_tier {
        changes.push(Change::RateTierChanged { from: old.rate_tier, to: new.rate_tier });
    }
    let (from, to) = (lifecycle(old), lifecycle(new));
    if from != to {
        changes.push(Change::LifecycleChanged { from, to });
    }
    changes.extend(untyped(&old_value, &new_value));
    changes.sort_by_cached_key(|change| (change.sort_key(), change.to_string()));
    changes
}

fn arguments(old: &[ArgumentSpec], new: &[ArgumentSpec]) -> Vec<Change> {
    let old_by_name = by_name(old, |argument| &argument.name);
    let new_by_name = by_name(new, |argument| &argument.name);
    let mut changes = Vec::new();
    for (name, argument) in &new_by_name {
        let Some(before) = old_by_name.get(name) else {
            changes.push(Change::ArgumentAdded {
                name: (*name).to_owned(),
                ty: ArgumentType::of(argument),
                required: argument.required,
            });
            continue;
        };
        let (from, to) = (ArgumentType::of(before), ArgumentType::of(argument));
        if from != to {
            changes.push(Change::ArgumentRetyped { name: (*name).to_owned(), from, to });
        }
        if before.required != argument.required {
            changes.push(Change::RequiredChanged { name: (*name).to_owned(), required: argument.required });
        }
        let details: [(&str, bool); 4] = [
            ("values", before.values == argument.values),
            ("example", before.example == argument.example),
            ("default", before.default == argument.default),
            ("description", before.description == argument.description),
        ];
        for (field, _) in details.iter().filter(|(_, same)| !same) {
            changes.push(Change::Other { path: format!("arguments.{name}.{field}") });
        }
    }
    for (name, argument) in &old_by_name {
        if !new_by_name.contains_key(name) {
            changes.push(Change::ArgumentRemoved { name: (*name).to_owned(), ty: ArgumentType::of(argument) });
        }
    }
    changes
}

fn codes(kind: CodeKind, old: &[CodeSpec], new: &[CodeSpec]) -> Vec<Change> {
    let old_by_code = by_name(old, |code| &code.code);
    let new_by_code = by_name(new, |code| &code.code);
    let mut changes = Vec::new();
    for (code, spec) in &new_by_code {
        match old_by_code.get(code) {
            None => changes.push(Change::CodeAdded { kind, code: (*code).to_owned() }),
            Some(before) if before.description != spec.description => {
                let section = match kind {
                    CodeKind::Error => "errors",
                    CodeKind::Warning => "warnings",
                };
                changes.push(Change::Other { path: format!("{section}.{code}.description") });
            }
            Some(_) => {}
        }
    }
    for code in old_by_code.keys().filter(|code| !new_by_code.contains_key(*code)) {
        changes.push(Change::CodeRemoved { kind, code: (*code).to_owned() });
    }
    changes
}

fn scopes(old: &MethodSpec, new: &MethodSpec) -> Vec<Change> {
    let (old, new) = (scopes_by_token_type(old), scopes_by_token_type(new));
    let empty = (TokenType::Bot, BTreeSet::new());
    let mut changes = Vec::new();
    for (name, (token_type, scopes)) in &new {
        let (_, before) = old.get(name).unwrap_or(&empty);
        if !old.contains_key(name) {
            changes.push(Change::TokenTypeAdded { token_type: *token_type });
        }
        for scope in scopes.difference(before) {
            changes.push(Change::ScopeAdded { token_type: *token_type, scope: scope.clone() });
        }
    }
    for (name, (token_type, scopes)) in &old {
        let (_, after) = new.get(name).unwrap_or(&empty);
        if !new.contains_key(name) {
            changes.push(Change::TokenTypeRemoved { token_type: *token_type });
        }
        for scope in scopes.difference(after) {
            changes.push(Change::ScopeRemoved { token_type: *token_type, scope: scope.clone() });
        }
    }
    changes
}

/// The scopes of each token type of `spec`, by the token type's name.
fn scopes_by_token_type(spec: &MethodSpec) -> BTreeMap<String, (TokenType, BTreeSet<String>)> {
    let mut by_type: BTreeMap<String, (TokenType, BTreeSet<String>)> = BTreeMap::new();
    for entry in &spec.works_with {
        let (_, scopes) = by_type.entry(wire(&entry.token_type)).or_insert_with(|| (entry.token_type, BTreeSet::new()));
        scopes.extend(entry.scopes.iter().cloned());
    }
    by_type
}

fn lifecycle(spec: &MethodSpec) -> LifecycleState {
    LifecycleState { status: spec.lifecycle.status, note: spec.lifecycle.note.clone() }
}

/// The differences outside the typed sections, by key (one level deeper in a mapping:
/// `response.fields`, `import.source`), in the order of the spec format.
fn untyped(old: &Value, new: &Value) -> Vec<Change> {
    let (Value::Mapping(old), Value::Mapping(new)) = (old, new) else {
        return Vec::new();
    };
    let mut changes = Vec::new();
    let keys = old.keys().chain(new.keys().filter(|key| !old.contains_key(*key)));
    for key in keys {
        let name = key.as_str().map_or_else(|| format!("{key:?}"), str::to_owned);
        if TYPED_SECTIONS.contains(&name.as_str()) {
            continue;
        }
        match (old.get(key), new.get(key)) {
            (Some(Value::Mapping(a)), Some(Value::Mapping(b))) => {
                for sub in a.keys().chain(b.keys().filter(|sub| !a.contains_key(*sub))) {
                    if a.get(sub) != b.get(sub) {
                        let sub = sub.as_str().map_or_else(|| format!("{sub:?}"), str::to_owned);
                        changes.push(Change::Other { path: format!("{name}.{sub}") });
                    }
                }
            }
            (a, b) if a == b => {}
            _ => changes.push(Change::Other { path: name }),
        }
    }
    changes
}

/// The items of `items` by name; the first of two with the same name wins (validation
/// rejects such specs, the comparison only must not fail on them).
fn by_name<'a, T>(items: &'a [T], name: impl Fn(&'a T) -> &'a String) -> BTreeMap<&'a str, &'a T> {
    let mut by_name = BTreeMap::new();
    for item in items {
        by_name.entry(name(item).as_str()).or_insert(item);
    }
    by_name
}

/// The top-level `section` of a serialized spec (`None` when left out).
fn section_value<'a>(spec: &'a Value, section: &str) -> Option<&'a Value> {
    spec.as_mapping().and_then(|mapping| mapping.get(section))
}

fn to_value(spec: &MethodSpec) -> Value {
    // The model is plain data: serializing it cannot fail.
    serde_yaml::to_value(spec).unwrap_or(Value::Null)
}

/// A model value as the spec writes it (`user_id`, `comma_separated`, `tier2`).
fn wire<T: Serialize>(value: &T) -> String {
    match serde_yaml::to_value(value) {
        Ok(Value::String(text)) => text,
        _ => String::new(),
    }
}

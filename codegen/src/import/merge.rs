//! Hand-edit protection: what importing over an existing spec file (a method's, or a
//! shared object's) may change.
//!
//! A spec file records the values edited by hand since its import under
//! `import.hand_edited`, by path (`summary`, `arguments.1.type`). Importing again keeps
//! those values (and the list). Anywhere else the file must say what the import says:
//! a difference there is a hand edit nobody recorded, and the file is only overwritten
//! when forced.
//!
//! Specs are compared as the YAML values the spec model serializes to, so layout,
//! comments and values written out at their default (`works_with: []`) do not count.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_yaml::{Mapping, Value};

use crate::spec::model::{ImportSpec, MethodSpec, ObjectSpec};

/// A spec file the importer writes, with its record of hand edits.
pub trait Imported: Serialize + DeserializeOwned {
    /// Its `import` section.
    fn import_section(&self) -> Option<&ImportSpec>;

    /// Its `import` section, to fill in.
    fn import_section_mut(&mut self) -> &mut Option<ImportSpec>;
}

impl Imported for MethodSpec {
    fn import_section(&self) -> Option<&ImportSpec> {
        self.import.as_ref()
    }

    fn import_section_mut(&mut self) -> &mut Option<ImportSpec> {
        &mut self.import
    }
}

impl Imported for ObjectSpec {
    fn import_section(&self) -> Option<&ImportSpec> {
        self.import.as_ref()
    }

    fn import_section_mut(&mut self) -> &mut Option<ImportSpec> {
        &mut self.import
    }
}

/// What importing over a spec file comes to.
#[derive(Debug, Clone)]
pub enum Merge<T = MethodSpec> {
    /// Write this spec: there was no file, or it is forced over one.
    Write(Box<T>),
    /// The file already says what the import says.
    Unchanged,
    /// The file differs at paths which no hand edit records: it is left alone.
    Refused {
        /// The paths at which it differs.
        differing: Vec<String>,
        /// The spec `--force` would write.
        merged: Box<T>,
    },
}

/// Merges `imported` into the existing spec file `existing` (its text), keeping the
/// values at the paths the file records as edited by hand.
///
/// # Errors
///
/// When `existing` is not a spec file, or a recorded hand edit cannot be applied;
/// `force` overwrites it nonetheless (with the hand edits that still apply).
pub fn merge<T: Imported>(mut imported: T, existing: Option<&str>, force: bool) -> Result<Merge<T>, String> {
    let Some(existing) = existing else { return Ok(Merge::Write(Box::new(imported))) };
    let existing: T = match serde_yaml::from_str(existing) {
        Ok(spec) => spec,
        Err(_) if force => return Ok(Merge::Write(Box::new(imported))),
        Err(error) => {
            return Err(format!("the existing spec file does not load ({error}); pass --force to replace it"));
        }
    };
    let hand_edited = existing.import_section().map(|import| import.hand_edited.clone()).unwrap_or_default();
    if let Some(import) = imported.import_section_mut() {
        import.hand_edited.clone_from(&hand_edited);
    }
    let existing_value = to_value(&existing)?;
    let mut merged_value = to_value(&imported)?;
    let mut stale = Vec::new();
    for edit in &hand_edited {
        if let Err(problem) = keep(&existing_value, &mut merged_value, &edit.path) {
            stale.push(problem);
        }
    }
    let merged: T = match serde_yaml::from_value(merged_value) {
        Ok(merged) => merged,
        Err(error) if !force => return Err(format!("the recorded hand edits do not make a spec: {error}")),
        Err(_) => return Ok(Merge::Write(Box::new(imported))),
    };
    if !stale.is_empty() && !force {
        return Err(format!("{}; fix `import.hand_edited`, or pass --force", stale.join("; ")));
    }
    let differing = differences(&existing_value, &to_value(&merged)?);
    Ok(match (differing.is_empty(), force) {
        (true, _) => Merge::Unchanged,
        (false, true) => Merge::Write(Box::new(merged)),
        (false, false) => Merge::Refused { differing, merged: Box::new(merged) },
    })
}

/// The paths at which two specs differ, as deep as they go (`summary`,
/// `arguments.1.type`), in the order of the spec format.
///
/// # Errors
///
/// When a spec cannot be serialized (it always can: the model is plain data).
pub fn differing_paths(a: &MethodSpec, b: &MethodSpec) -> Result<Vec<String>, String> {
    Ok(differences(&to_value(a)?, &to_value(b)?))
}

fn to_value<T: Serialize>(spec: &T) -> Result<Value, String> {
    serde_yaml::to_value(spec).map_err(|error| format!("cannot serialize the spec: {error}"))
}

/// Sets the value at `path` in `merged` to the one in `existing`, or removes it where
/// `existing` has none.
fn keep(existing: &Value, merged: &mut Value, path: &str) -> Result<(), String> {
    let segments: Vec<&str> = path.split('.').collect();
    let Some((last, parents)) = segments.split_last() else { return Ok(()) };
    let kept = value_at(existing, &segments).cloned();
    let mut parent = merged;
    for segment in parents {
        parent = match parent {
            Value::Mapping(mapping) => {
                mapping.entry(Value::String((*segment).to_owned())).or_insert_with(|| Value::Mapping(Mapping::new()))
            }
            Value::Sequence(items) => index(segment)
                .and_then(|index| items.get_mut(index))
                .ok_or_else(|| format!("hand edit `{path}`: the import has no `{segment}` there"))?,
            _ => return Err(format!("hand edit `{path}`: the import has no `{segment}` there")),
        };
    }
    match (parent, kept) {
        (Value::Mapping(mapping), Some(value)) => {
            mapping.insert(Value::String((*last).to_owned()), value);
        }
        (Value::Mapping(mapping), None) => {
            mapping.remove(*last);
        }
        (Value::Sequence(items), kept) => match (index(last), kept) {
            (Some(index), Some(value)) if index < items.len() => items[index] = value,
            (Some(index), Some(value)) if index == items.len() => items.push(value),
            (Some(index), None) if index < items.len() => {
                items.remove(index);
            }
            _ => return Err(format!("hand edit `{path}`: the import has no item `{last}` there")),
        },
        _ => return Err(format!("hand edit `{path}`: the import has no `{last}` there")),
    }
    Ok(())
}

fn index(segment: &str) -> Option<usize> {
    segment.parse().ok()
}

fn value_at<'a>(value: &'a Value, segments: &[&str]) -> Option<&'a Value> {
    segments.iter().try_fold(value, |value, segment| match value {
        Value::Mapping(mapping) => mapping.get(*segment),
        Value::Sequence(items) => index(segment).and_then(|index| items.get(index)),
        _ => None,
    })
}

/// The paths at which `a` and `b` differ, as deep as they go.
fn differences(a: &Value, b: &Value) -> Vec<String> {
    let mut paths = Vec::new();
    collect_differences(a, b, "", &mut paths);
    paths
}

fn collect_differences(a: &Value, b: &Value, at: &str, paths: &mut Vec<String>) {
    let child = |key: &str| if at.is_empty() { key.to_owned() } else { format!("{at}.{key}") };
    match (a, b) {
        (Value::Mapping(a), Value::Mapping(b)) => {
            let keys = a.keys().chain(b.keys().filter(|key| !a.contains_key(*key)));
            for key in keys {
                let name = key.as_str().map_or_else(|| format!("{key:?}"), str::to_owned);
                match (a.get(key), b.get(key)) {
                    (Some(a), Some(b)) => collect_differences(a, b, &child(&name), paths),
                    _ => paths.push(child(&name)),
                }
            }
        }
        (Value::Sequence(a), Value::Sequence(b)) => {
            for index in 0..a.len().max(b.len()) {
                match (a.get(index), b.get(index)) {
                    (Some(a), Some(b)) => collect_differences(a, b, &child(&index.to_string()), paths),
                    _ => paths.push(child(&index.to_string())),
                }
            }
        }
        (a, b) if a == b => {}
        _ => paths.push(if at.is_empty() { "(the whole file)".to_owned() } else { at.to_owned() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(text: &str) -> Value {
        serde_yaml::from_str(text).unwrap()
    }

    #[test]
    fn differences_name_the_deepest_paths() {
        let a = yaml("summary: a\narguments: [{name: x, type: string}, {name: y}]\n");
        let b = yaml("summary: b\narguments: [{name: x, type: user_id}]\nrelated: [z]\n");
        assert_eq!(differences(&a, &b), ["summary", "arguments.0.type", "arguments.1", "related"]);
    }

    #[test]
    fn a_kept_value_replaces_or_removes_the_imported_one() {
        let existing = yaml("summary: mine\narguments: [{name: x, type: string}]\n");
        let mut merged = yaml("summary: theirs\narguments: [{name: x, type: string, list: comma_separated}]\n");
        keep(&existing, &mut merged, "summary").unwrap();
        keep(&existing, &mut merged, "arguments.0.list").unwrap();
        assert_eq!(merged, existing);
        assert!(keep(&existing, &mut merged, "arguments.3.type").is_err());
    }
}

//! Fields, wherever the spec lists them (a response, a shared object, an object
//! described inline): the members of the records generated for them, with the records
//! and enums they bring.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostics::Diagnostic;
use crate::ir;
use crate::naming::{self, Case, Origin, RESERVED_RECORD_MEMBERS, RESERVED_VARIANTS};
use crate::spec::Loaded;
use crate::spec::model::{FieldSpec, ObjectSpec, ValueType};

use super::{members, origin, prose};

/// The shared objects of the spec, as fields refer to them.
#[derive(Debug, Default)]
pub struct ObjectIndex {
    /// The type name of each object, by spec name.
    types: BTreeMap<String, String>,
    /// The objects each object's fields refer to, directly, by spec name.
    refers_to: BTreeMap<String, BTreeSet<String>>,
    /// The objects of several kinds (with a tag), by spec name.
    unions: BTreeSet<String>,
    /// The objects with more fields than [`LARGE_RECORD`], by spec name.
    large: BTreeSet<String>,
}

/// A record with more fields than this is boxed where a field holds one value of it
/// (not in a list or a map): an answer then holds a pointer, not hundreds of bytes of
/// empty fields, for each absent object, and decoding moves less.
pub const LARGE_RECORD: usize = 12;

/// Whether a record of `fields` fields is large enough to box where one is held.
fn is_large(fields: usize) -> bool {
    fields > LARGE_RECORD
}

/// Whether `field` holds one value, not a list or a map of them: where a record is boxed.
fn holds_one(field: &FieldSpec) -> bool {
    field.list.is_none() && !field.map
}

impl ObjectIndex {
    /// The index of `objects`.
    pub fn new(objects: &[Loaded<ObjectSpec>]) -> Self {
        let mut index = Self::default();
        for object in objects {
            let name = &object.value.object;
            index.types.insert(name.clone(), type_name(name));
            let mut refers = BTreeSet::new();
            collect_references(&object.value.fields, &mut refers);
            for variant in &object.value.variants {
                collect_references(&variant.fields, &mut refers);
            }
            index.refers_to.insert(name.clone(), refers);
            if object.value.tag.is_some() {
                index.unions.insert(name.clone());
            } else if is_large(object.value.fields.len()) {
                index.large.insert(name.clone());
            }
        }
        index
    }

    /// The type name of the object `name`.
    pub fn type_name(&self, name: &str) -> Option<&str> {
        self.types.get(name).map(String::as_str)
    }

    /// Whether the object `name` is of several kinds: an enum, with no default.
    pub fn is_union(&self, name: &str) -> bool {
        self.unions.contains(name)
    }

    /// Every object reachable from `name` through fields, `name` included.
    pub fn reachable(&self, name: &str) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut next = vec![name.to_owned()];
        while let Some(current) = next.pop() {
            if seen.insert(current.clone()) {
                next.extend(self.refers_to.get(&current).into_iter().flatten().cloned());
            }
        }
        seen
    }
}

/// The type name of the shared object `name` (`user_profile` is `UserProfile`).
pub fn type_name(name: &str) -> String {
    naming::rust_name(name, Case::UpperCamel, &[])
}

/// The objects `fields` (and the objects described inline in them) refer to.
pub fn collect_references(fields: &[FieldSpec], into: &mut BTreeSet<String>) {
    for field in fields {
        match (&field.object, field.ty) {
            (Some(object), ValueType::Object) if field.fields.is_empty() => {
                into.insert(object.clone());
            }
            _ => collect_references(&field.fields, into),
        }
    }
}

/// Where fields are lowered: the file they are in, and what the records and enums they
/// bring are pushed to.
pub struct Scope<'a, T> {
    /// The spec file.
    pub file: &'a Loaded<T>,
    /// The page relative links in descriptions resolve against.
    pub page: &'a str,
    /// The shared objects.
    pub objects: &'a ObjectIndex,
    /// For a shared object: the objects that can hold it again, which its fields box.
    pub cyclic: BTreeSet<String>,
    /// Records described inline, outermost first.
    pub records: Vec<ir::Record>,
    /// Records described inline with the same fields as one of `records`, named for it.
    pub aliases: Vec<ir::Alias>,
    /// Enums of documented string values.
    pub enums: Vec<ir::TextEnum>,
    /// The shared objects the fields use, by spec name.
    pub shared: BTreeSet<String>,
    /// Whether the records are of objects an app may build (a shared object's, not a
    /// response's): they get a builder.
    pub builds: bool,
}

impl<'a, T> Scope<'a, T> {
    /// An empty scope in `file`.
    pub fn new(file: &'a Loaded<T>, page: &'a str, objects: &'a ObjectIndex) -> Self {
        Self {
            file,
            page,
            objects,
            cyclic: BTreeSet::new(),
            records: Vec::new(),
            aliases: Vec::new(),
            enums: Vec::new(),
            shared: BTreeSet::new(),
            builds: false,
        }
    }

    /// The members of the record `owner` from `fields`, written at `path` (keys and list
    /// indices joined by `.`; empty at the root of an object file).
    pub fn fields(
        &mut self,
        fields: &[FieldSpec],
        path: &str,
        owner: &str,
        problems: &mut Vec<Diagnostic>,
    ) -> Vec<ir::Member> {
        let prefix = if path.is_empty() { String::new() } else { format!("{path}.") };
        let entries: Vec<(&str, Origin)> = fields
            .iter()
            .enumerate()
            .map(|(index, field)| (field.name.as_str(), origin(self.file, &format!("{prefix}fields.{index}.name"))))
            .collect();
        let names =
            naming::assign(&format!("field of {owner}"), &entries, Case::Snake, RESERVED_RECORD_MEMBERS, problems);
        fields
            .iter()
            .enumerate()
            .zip(names)
            .map(|((index, field), rust_name)| {
                let at = format!("{prefix}fields.{index}");
                let docs = prose::field_docs(field, &rust_name, self.page);
                let (ty, boxed) = self.field_type(field, &at, owner, problems);
                let multiplicity = members::multiplicity(field.list);
                // A required field that is missing takes its default; one whose type
                // has none (an enum, a number) stays an `Option`.
                let is_union = matches!(ty, ir::ValueType::Shared(_))
                    && field.object.as_deref().is_some_and(|object| self.objects.is_union(object));
                let has_default = field.map
                    || multiplicity != ir::Multiplicity::One
                    || !(is_union || matches!(ty, ir::ValueType::TextEnum(_) | ir::ValueType::Number));
                ir::Member {
                    wire_name: field.name.clone(),
                    rust_name,
                    ty,
                    multiplicity,
                    required: field.required && has_default,
                    docs,
                    boxed,
                    map: field.map,
                    nested_map: field.nested_map,
                    constructed: field.required,
                    // The text field of a text object it holds is named once the text
                    // object is lowered (`validation::mark_validated`).
                    limits: ir::Limits {
                        bounds: field.limits,
                        accepts: field.accepts.clone(),
                        unique: field.unique.map(|unique| unique.as_str().to_owned()),
                        ..ir::Limits::default()
                    },
                    default: None,
                }
            })
            .collect()
    }

    fn field_type(
        &mut self,
        field: &FieldSpec,
        at: &str,
        owner: &str,
        problems: &mut Vec<Diagnostic>,
    ) -> (ir::ValueType, bool) {
        let nested_name = || format!("{owner}{}", naming::rust_name(&field.name, Case::UpperCamel, &[]));
        match (field.ty, field.object.as_deref()) {
            (ValueType::Object, Some(object)) if field.fields.is_empty() => {
                // Validation reports a name that is no object; lowering goes on with JSON.
                let Some(type_name) = self.objects.type_name(object) else { return (ir::ValueType::Json, false) };
                self.shared.insert(object.to_owned());
                let boxed = (self.cyclic.contains(object) || self.objects.large.contains(object)) && holds_one(field);
                (ir::ValueType::Shared(type_name.to_owned()), boxed)
            }
            (ValueType::Object, _) => {
                let name = nested_name();
                let slot = self.records.len();
                let aliases = self.aliases.len();
                let inner = self.fields(&field.fields, at, &name, problems);
                let boxed = is_large(inner.len()) && holds_one(field);
                if let Some(target) = self.record_like(&inner) {
                    // Its own inline records, if any, are then aliases named by nothing.
                    self.aliases.truncate(aliases);
                    let docs = prose::alias_docs(&field.name, owner, &target, &field.description, self.page);
                    self.aliases.push(ir::Alias { name: name.clone(), docs, target });
                } else {
                    let docs = prose::object_docs(&field.name, owner, &field.description, self.page);
                    let builder = self.builds.then(ir::Builder::default);
                    let record = ir::Record {
                        name: name.clone(),
                        docs,
                        fields: inner,
                        warnings: None,
                        validated: false,
                        builder,
                        scope: None,
                    };
                    self.records.insert(slot, record);
                }
                (ir::ValueType::Object(name), boxed)
            }
            (ValueType::String, _) if !field.values.is_empty() => {
                let name = nested_name();
                let entries: Vec<(&str, Origin)> = field
                    .values
                    .iter()
                    .enumerate()
                    .map(|(index, value)| (value.as_str(), origin(self.file, &format!("{at}.values.{index}"))))
                    .collect();
                let variants = naming::assign(
                    &format!("variant of {name}"),
                    &entries,
                    Case::UpperCamel,
                    RESERVED_VARIANTS,
                    problems,
                );
                let values = field
                    .values
                    .iter()
                    .zip(variants)
                    .map(|(wire, variant)| ir::EnumValue { wire: wire.clone(), variant, docs: prose::value_docs(wire) })
                    .collect();
                let docs = prose::text_enum_docs(&field.name, owner, &field.description, self.page);
                self.enums.push(ir::TextEnum { name: name.clone(), docs, values });
                (ir::ValueType::TextEnum(name), false)
            }
            (ty, _) => (members::value_type(ty), false),
        }
    }

    /// The record described inline before with the same `fields` (their inline records
    /// compared through the aliases), if any: the spec often describes one object under
    /// several keys (a file's `from`, `to` and `cc`).
    fn record_like(&self, fields: &[ir::Member]) -> Option<String> {
        let fields = self.through_aliases(fields);
        self.records
            .iter()
            .find(|record| record.warnings.is_none() && self.through_aliases(&record.fields) == fields)
            .map(|record| record.name.clone())
    }

    /// `fields`, each inline record they hold named by the record an alias names.
    fn through_aliases(&self, fields: &[ir::Member]) -> Vec<ir::Member> {
        fields
            .iter()
            .map(|field| match &field.ty {
                ir::ValueType::Object(name) => {
                    let target = self.aliases.iter().find(|alias| &alias.name == name).map(|alias| &alias.target);
                    ir::Member { ty: ir::ValueType::Object(target.unwrap_or(name).clone()), ..field.clone() }
                }
                _ => field.clone(),
            })
            .collect()
    }

    /// The names of the types the scope made, each with what it is, for the check that
    /// no two in one module collide.
    pub fn type_names(&self) -> Vec<(String, String)> {
        let records = self.records.iter().map(|record| (record.name.clone(), format!("the object {}", record.name)));
        let aliases = self.aliases.iter().map(|alias| (alias.name.clone(), format!("the object {}", alias.name)));
        let enums = self.enums.iter().map(|e| (e.name.clone(), format!("the values of {}", e.name)));
        let shared = self
            .shared
            .iter()
            .filter_map(|object| self.objects.type_name(object))
            .map(|name| (name.to_owned(), format!("the shared object {name}")));
        records.chain(aliases).chain(enums).chain(shared).collect()
    }
}

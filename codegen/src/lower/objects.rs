//! The shared objects of `spec/objects/`, each with the records and enums of its
//! fields, the methods that answer it, and the features that compile it in.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostics::Diagnostic;
use crate::docs::object_page;
use crate::ir;
use crate::naming::{self, Case, Origin, RESERVED_VARIANTS};
use crate::spec::Loaded;
use crate::spec::model::{FieldSpec, ObjectSpec, Uniqueness};

use super::origin;
use super::prose;
use super::records::{ObjectIndex, Scope, type_name};

/// Which methods answer each shared object, and in which families, by spec name.
#[derive(Debug, Default)]
pub struct Answering {
    by_object: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)>,
}

impl Answering {
    /// Notes that `method`, of the family `feature`, answers the objects `direct` and
    /// every object they hold.
    pub fn add(&mut self, index: &ObjectIndex, method: &str, feature: &str, direct: &BTreeSet<String>) {
        for object in direct.iter().flat_map(|object| index.reachable(object)) {
            let (methods, features) = self.by_object.entry(object).or_default();
            methods.insert(method.to_owned());
            features.insert(feature.to_owned());
        }
    }

    /// Notes that a method of the family `feature` takes the objects `taken` (and what
    /// they hold) in its arguments: they are compiled in with the family, and the method
    /// is not listed as answering them.
    pub fn take(&mut self, index: &ObjectIndex, feature: &str, taken: &BTreeSet<String>) {
        for object in taken.iter().flat_map(|object| index.reachable(object)) {
            self.by_object.entry(object).or_default().1.insert(feature.to_owned());
        }
    }
}

/// The union `name` of the object file `object`, told apart by `tag`: one variant per
/// kind, each holding a record of the kind's fields, pushed to `scope`'s records.
fn lower_union(
    object: &Loaded<ObjectSpec>,
    tag: &str,
    name: &str,
    docs: Vec<String>,
    scope: &mut Scope<'_, ObjectSpec>,
    problems: &mut Vec<Diagnostic>,
) -> ir::TaggedUnion {
    let spec = &object.value;
    let entries: Vec<(&str, Origin)> = spec
        .variants
        .iter()
        .enumerate()
        .map(|(index, variant)| (variant.tag.as_str(), origin(object, &format!("variants.{index}.tag"))))
        .collect();
    let variant_names =
        naming::assign(&format!("variant of {name}"), &entries, Case::UpperCamel, RESERVED_VARIANTS, problems);
    let untagged_name =
        spec.untagged.as_deref().map(|kind| naming::rust_name(kind, Case::UpperCamel, RESERVED_VARIANTS));
    if let Some(taken) = untagged_name.as_ref().filter(|untagged| variant_names.contains(untagged)) {
        problems.push(
            object
                .problem(
                    "untagged",
                    format!("the kind without a tag and a tagged kind both become the variant `{taken}`"),
                )
                .with_hint("name the kind without a tag otherwise"),
        );
    }
    let mut variants: Vec<ir::UnionVariant> = spec
        .variants
        .iter()
        .enumerate()
        .zip(variant_names)
        .map(|((index, variant), variant_name)| {
            let record_name = match &variant.name {
                Some(own) => naming::rust_name(own, Case::UpperCamel, &[]),
                None => format!("{name}{}", naming::rust_name(&variant.tag, Case::UpperCamel, &[])),
            };
            let slot = scope.records.len();
            let fields = scope.fields(&variant.fields, &format!("variants.{index}"), &record_name, problems);
            let mut record_docs =
                prose::variant_record_docs(tag, Some(&variant.tag), name, &variant.description, scope.page);
            let source = variant.limits_source.as_deref().or(spec.limits_source.as_deref());
            record_docs.extend(prose::limits_source_docs(&variant.fields, source));
            scope.records.insert(slot, kind_record(&record_name, record_docs, fields));
            ir::UnionVariant {
                tag: variant.tag.clone(),
                variant: variant_name,
                record: record_name,
                docs: prose::value_docs(&variant.tag),
                validated: false,
            }
        })
        .collect();
    // The runtime finds a tag by binary search in the union's tags, in this order.
    variants.sort_by(|a, b| a.tag.cmp(&b.tag));
    let untagged = untagged_name.map(|variant| {
        let record_name = format!("{name}{variant}");
        let fields = scope.fields(&spec.fields, "", &record_name, problems);
        let record_docs = prose::variant_record_docs(tag, None, name, &spec.description, scope.page);
        scope.records.insert(0, kind_record(&record_name, record_docs, fields));
        ir::UnionVariant {
            tag: String::new(),
            variant,
            record: record_name,
            docs: prose::untagged_value_docs(tag),
            validated: false,
        }
    });
    ir::TaggedUnion { name: name.to_owned(), docs, tag: tag.to_owned(), variants, untagged, validated: false }
}

/// The record of one kind of a union.
fn kind_record(name: &str, docs: Vec<String>, fields: Vec<ir::Member>) -> ir::Record {
    ir::Record {
        name: name.to_owned(),
        docs,
        fields,
        warnings: None,
        validated: false,
        builder: Some(ir::Builder::default()),
        scope: None,
    }
}

/// How an app builds the record of `spec`, an object of one kind: its shortcuts, with
/// the variants of the enums they fix, from `enums`.
fn builder(spec: &ObjectSpec, fields: &[ir::Member], enums: &[ir::TextEnum]) -> ir::Builder {
    let shortcuts = spec
        .constructors
        .iter()
        .map(|constructor| {
            let sets = constructor
                .sets
                .iter()
                .filter_map(|(field, value)| {
                    // Validation reports a field or value that is not there.
                    let member = fields.iter().find(|member| &member.wire_name == field)?;
                    let ir::ValueType::TextEnum(enum_name) = &member.ty else { return None };
                    let text_enum = enums.iter().find(|text_enum| &text_enum.name == enum_name)?;
                    let variant = text_enum.values.iter().find(|known| &known.wire == value)?;
                    Some((member.rust_name.clone(), enum_name.clone(), variant.variant.clone()))
                })
                .collect();
            ir::Shortcut {
                name: naming::rust_name(&constructor.name, Case::Snake, &[]),
                docs: prose::shortcut_docs(&constructor.description),
                sets,
                from_text: constructor.from_text,
            }
        })
        .collect();
    ir::Builder { shortcuts, from_tuple: spec.from_tuple }
}

/// Lowers every shared object; types of all objects share the `objects` module, so no
/// two may take one name.
pub fn lower_objects(
    objects: &[&Loaded<ObjectSpec>],
    index: &ObjectIndex,
    answering: &Answering,
    sent: &BTreeSet<String>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<ir::SharedObject> {
    let mut lowered = Vec::new();
    let mut names: Vec<(String, String, Origin)> = Vec::new();
    let scopes = uniqueness_scopes(objects);
    for &object in objects {
        let spec = &object.value;
        let page = object_page(&spec.object);
        let name = type_name(&spec.object);
        let mut scope = Scope::new(object, &page, index);
        scope.builds = true;
        // A field that can lead back to this object holds it behind a box.
        scope.cyclic = index
            .reachable(&spec.object)
            .into_iter()
            .filter(|other| index.reachable(other).contains(&spec.object))
            .collect();
        let (methods, features) = answering.by_object.get(&spec.object).cloned().unwrap_or_default();
        let methods: Vec<String> = methods.into_iter().collect();
        let mut docs = prose::shared_object_docs(spec, &methods, &page);
        docs.extend(prose::limits_source_docs(&spec.fields, spec.limits_source.as_deref()));
        let kind = match &spec.tag {
            None => {
                let fields = scope.fields(&spec.fields, "", &name, problems);
                let builder = builder(spec, &fields, &scope.enums);
                ir::ObjectKind::Record(ir::Record {
                    name: name.clone(),
                    docs,
                    fields,
                    warnings: None,
                    validated: false,
                    builder: Some(builder),
                    scope: None,
                })
            }
            Some(tag) => {
                let union = lower_union(object, tag, &name, docs, &mut scope, problems);
                // Each kind of block is the scope its elements' `unique: block` fields are
                // unique in, whether it is checked as a `Block` or as its own type.
                if scopes.contains(spec.object.as_str()) {
                    let kinds: BTreeSet<&str> = union.variants.iter().map(|variant| variant.record.as_str()).collect();
                    for record in scope.records.iter_mut().filter(|record| kinds.contains(record.name.as_str())) {
                        record.scope = Some(spec.object.clone());
                    }
                }
                ir::ObjectKind::Union(union)
            }
        };
        let at = origin(object, "object");
        names.push((name.clone(), format!("the object {}", spec.object), at.clone()));
        for record in &scope.records {
            names.push((record.name.clone(), format!("a type of the object {}", spec.object), at.clone()));
        }
        for alias in &scope.aliases {
            names.push((alias.name.clone(), format!("a type of the object {}", spec.object), at.clone()));
        }
        for text_enum in &scope.enums {
            names.push((text_enum.name.clone(), format!("a type of the object {}", spec.object), at.clone()));
        }
        lowered.push(ir::SharedObject {
            source: object.file.clone(),
            wire_name: spec.object.clone(),
            module: naming::rust_name(&spec.object, Case::Snake, &[]),
            kind,
            records: scope.records,
            aliases: scope.aliases,
            enums: scope.enums,
            features: features.into_iter().collect(),
        });
    }
    let runtime = Origin { file: "the runtime".to_owned(), location: crate::diagnostics::Location::START };
    let reserved = naming::RESERVED_TYPES.iter().map(|name| ((*name).to_owned(), "(used by generated code)", &runtime));
    let named: Vec<(String, &str, &Origin)> =
        reserved.chain(names.iter().map(|(name, what, at)| (name.clone(), what.as_str(), at))).collect();
    naming::check_unique("type of the objects module", &named, problems);
    super::validation::mark_validated(&mut lowered, sent);
    lowered
}

/// The objects some field's value is unique within (`unique: block`).
fn uniqueness_scopes(objects: &[&Loaded<ObjectSpec>]) -> BTreeSet<&'static str> {
    fn collect(fields: &[FieldSpec], into: &mut BTreeSet<&'static str>) {
        for field in fields {
            into.extend(field.unique.map(Uniqueness::as_str));
            collect(&field.fields, into);
        }
    }
    let mut scopes = BTreeSet::new();
    for object in objects {
        collect(&object.value.fields, &mut scopes);
        for variant in &object.value.variants {
            collect(&variant.fields, &mut scopes);
        }
    }
    scopes
}

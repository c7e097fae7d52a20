//! The shared objects of `spec/objects/`, each with the records and enums of its
//! fields, the methods that answer it, and the features that compile it in.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostics::Diagnostic;
use crate::docs::object_page;
use crate::ir;
use crate::naming::{self, Case, Origin};
use crate::spec::Loaded;
use crate::spec::model::ObjectSpec;

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
}

/// Lowers every shared object; types of all objects share the `objects` module, so no
/// two may take one name.
pub fn lower_objects(
    objects: &[&Loaded<ObjectSpec>],
    index: &ObjectIndex,
    answering: &Answering,
    problems: &mut Vec<Diagnostic>,
) -> Vec<ir::SharedObject> {
    let mut lowered = Vec::new();
    let mut names: Vec<(String, String, Origin)> = Vec::new();
    for &object in objects {
        let spec = &object.value;
        let page = object_page(&spec.object);
        let name = type_name(&spec.object);
        let mut scope = Scope::new(object, &page, index);
        // A field that can lead back to this object holds it behind a box.
        scope.cyclic = index
            .reachable(&spec.object)
            .into_iter()
            .filter(|other| index.reachable(other).contains(&spec.object))
            .collect();
        let fields = scope.fields(&spec.fields, "", &name, problems);
        let (methods, features) = answering.by_object.get(&spec.object).cloned().unwrap_or_default();
        let methods: Vec<String> = methods.into_iter().collect();
        let record = ir::Record {
            name: name.clone(),
            docs: prose::shared_object_docs(spec, &methods, &page),
            fields,
            warnings: None,
        };
        let at = origin(object, "object");
        names.push((name.clone(), format!("the object `{}`", spec.object), at.clone()));
        for record in &scope.records {
            names.push((record.name.clone(), format!("a field of `{}`", spec.object), at.clone()));
        }
        for text_enum in &scope.enums {
            names.push((text_enum.name.clone(), format!("a field of `{}`", spec.object), at.clone()));
        }
        lowered.push(ir::SharedObject {
            source: object.file.clone(),
            wire_name: spec.object.clone(),
            module: naming::rust_name(&spec.object, Case::Snake, &[]),
            record,
            records: scope.records,
            enums: scope.enums,
            features: features.into_iter().collect(),
        });
    }
    let named: Vec<(String, &str, &Origin)> =
        names.iter().map(|(name, what, at)| (name.clone(), what.as_str(), at)).collect();
    naming::check_unique("type of the objects module", &named, problems);
    lowered
}

//! Which types of the `objects` module check Slack's limits (`validate()`): a record
//! with a field that has limits, or that holds a type that checks them, and a union of
//! which a kind does. Only objects an app sends have limits, so only the shared objects
//! are looked at, and only those with a limit of their own, or that an argument sends
//! (a message's attachments), check what they hold: a view checks its blocks, an
//! attachment its blocks, a message (which an app does not send whole) nothing.

use std::collections::{BTreeMap, BTreeSet};

use crate::ir;
use crate::rules;

use super::records::type_name;

/// Marks the records and unions of `objects` that check limits, and names the text
/// field of the text object where a field limits the length of one.
pub fn mark_validated(objects: &mut [ir::SharedObject], sent: &BTreeSet<String>) {
    let text_field = text_object_field(objects);
    let text_object = type_name(rules::TEXT_OBJECT);
    // An alias is the type it names.
    let aliases: BTreeMap<String, String> = objects
        .iter()
        .flat_map(|object| &object.aliases)
        .map(|alias| (alias.name.clone(), alias.target.clone()))
        .collect();
    let held_type = |member: &ir::Member| held_type(member).map(|held| aliases.get(&held).cloned().unwrap_or(held));
    // What each type of the module holds, by type name.
    let mut holds: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut validated: BTreeSet<String> = BTreeSet::new();
    for object in objects.iter_mut().filter(|object| sent.contains(&object.wire_name) || has_limits(object)) {
        for record in records_mut(object) {
            for member in &mut record.fields {
                if member.limits.bounds.limits_length() && member.ty == ir::ValueType::Shared(text_object.clone()) {
                    member.limits.text_field.clone_from(&text_field);
                }
            }
            if record.fields.iter().any(|member| member.limits.checks_own()) {
                validated.insert(record.name.clone());
            }
            holds.insert(record.name.clone(), record.fields.iter().filter_map(&held_type).collect());
        }
        if let ir::ObjectKind::Union(union) = &object.kind {
            holds.insert(union.name.clone(), union.variants.iter().map(|variant| variant.record.clone()).collect());
        }
    }
    // Whatever holds a type that checks limits checks them too, until nothing changes.
    loop {
        let more: Vec<String> = holds
            .iter()
            .filter(|(name, held)| !validated.contains(*name) && held.iter().any(|held| validated.contains(held)))
            .map(|(name, _)| name.clone())
            .collect();
        if more.is_empty() {
            break;
        }
        validated.extend(more);
    }
    for object in objects.iter_mut() {
        for record in records_mut(object) {
            record.validated = validated.contains(&record.name);
            for member in &mut record.fields {
                // A map's values are not checked: no limit is on one.
                member.limits.nested = !member.map && held_type(member).is_some_and(|held| validated.contains(&held));
            }
        }
        if let ir::ObjectKind::Union(union) = &mut object.kind {
            union.validated = validated.contains(&union.name);
            for variant in &mut union.variants {
                variant.validated = validated.contains(&variant.record);
            }
        }
    }
}

/// The records of `object`: its own, when it is of one kind, and those of its fields
/// and kinds.
fn records_mut(object: &mut ir::SharedObject) -> impl Iterator<Item = &mut ir::Record> {
    let own = match &mut object.kind {
        ir::ObjectKind::Record(record) => Some(record),
        ir::ObjectKind::Union(_) => None,
    };
    own.into_iter().chain(object.records.iter_mut())
}

/// Marks the arguments of `methods` that hold objects of `objects` which check limits of
/// their own.
pub fn mark_arguments(methods: &mut [ir::Method], objects: &[ir::SharedObject]) {
    let validated: BTreeSet<&str> = objects
        .iter()
        .filter_map(|object| match &object.kind {
            ir::ObjectKind::Record(record) if record.validated => Some(record.name.as_str()),
            ir::ObjectKind::Union(union) if union.validated => Some(union.name.as_str()),
            _ => None,
        })
        .collect();
    for argument in methods.iter_mut().flat_map(|method| &mut method.arguments).filter(|a| a.limits.held) {
        argument.limits.nested = held_type(argument).is_some_and(|held| validated.contains(held.as_str()));
    }
}

/// Whether a field of `object`, or of the objects it describes inline, has limits.
fn has_limits(object: &ir::SharedObject) -> bool {
    let own = match &object.kind {
        ir::ObjectKind::Record(record) => Some(record),
        ir::ObjectKind::Union(_) => None,
    };
    own.into_iter().chain(&object.records).any(|record| record.fields.iter().any(|member| member.limits.checks_own()))
}

/// The record or shared object a member holds, by type name.
fn held_type(member: &ir::Member) -> Option<String> {
    match &member.ty {
        ir::ValueType::Object(name) | ir::ValueType::Shared(name) => Some(name.clone()),
        _ => None,
    }
}

/// The field of the text object that holds its text, as the text object was lowered.
fn text_object_field(objects: &[ir::SharedObject]) -> Option<ir::TextField> {
    let object = objects.iter().find(|object| object.wire_name == rules::TEXT_OBJECT)?;
    let ir::ObjectKind::Record(record) = &object.kind else { return None };
    let member = record.fields.iter().find(|member| member.wire_name == rules::TEXT_OBJECT_TEXT)?;
    Some(ir::TextField { rust_name: member.rust_name.clone(), required: member.required })
}

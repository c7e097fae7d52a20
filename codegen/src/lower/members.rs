//! Arguments: the members of the request types, with the enums of their values.

use crate::diagnostics::Diagnostic;
use crate::ir;
use crate::naming::{self, Case, Origin, RESERVED_REQUEST_MEMBERS};
use crate::spec::Loaded;
use crate::spec::model::{ArgumentSpec, ListStyle, MethodSpec, ValueType};

use super::{origin, prose};

/// The arguments of `method`, the token excluded, with the enums of their values
/// pushed to `enums`.
pub fn lower_arguments(
    method: &Loaded<MethodSpec>,
    request_type: &str,
    page: &str,
    enums: &mut Vec<ir::Enum>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<ir::Member> {
    let arguments: Vec<(usize, &ArgumentSpec)> =
        method.value.arguments.iter().enumerate().filter(|(_, a)| a.ty != ValueType::Token).collect();
    let entries: Vec<(&str, Origin)> = arguments
        .iter()
        .map(|(index, argument)| (argument.name.as_str(), origin(method, &format!("arguments.{index}.name"))))
        .collect();
    let names =
        naming::assign(&format!("field of {request_type}"), &entries, Case::Snake, RESERVED_REQUEST_MEMBERS, problems);
    arguments
        .iter()
        .zip(names)
        .map(|((index, argument), rust_name)| {
            let mut multiplicity = multiplicity(argument.list);
            let comma_separated = multiplicity == ir::Multiplicity::CommaSeparated;
            let docs = prose::argument_docs(argument, &rust_name, comma_separated, page);
            let ty = if let Some(holds) = &argument.holds {
                // An argument of Slack objects (blocks, a view) takes them typed, and
                // sends them JSON-encoded.
                if holds.list {
                    multiplicity = ir::Multiplicity::Array;
                }
                ir::ValueType::Shared(super::records::type_name(&holds.object))
            } else if argument.values.is_empty() {
                value_type(argument.ty)
            } else {
                let name = format!("{request_type}{}", naming::rust_name(&argument.name, Case::UpperCamel, &[]));
                enums.push(lower_enum(method, *index, argument, &name, page, problems));
                ir::ValueType::Enum(name)
            };
            ir::Member {
                wire_name: argument.name.clone(),
                rust_name,
                ty,
                multiplicity,
                required: argument.required,
                docs,
                boxed: false,
                map: false,
                nested_map: false,
                constructed: argument.required,
                limits: argument_limits(argument),
                default: argument.default.clone().filter(|default| !default.trim().is_empty()),
            }
        })
        .collect()
}

fn lower_enum(
    method: &Loaded<MethodSpec>,
    index: usize,
    argument: &ArgumentSpec,
    name: &str,
    page: &str,
    problems: &mut Vec<Diagnostic>,
) -> ir::Enum {
    let entries: Vec<(&str, Origin)> = argument
        .values
        .iter()
        .enumerate()
        .map(|(value_index, value)| {
            (value.as_str(), origin(method, &format!("arguments.{index}.values.{value_index}")))
        })
        .collect();
    let variants = naming::assign(&format!("variant of {name}"), &entries, Case::UpperCamel, &[], problems);
    ir::Enum {
        name: name.to_owned(),
        docs: prose::value_enum_docs(&argument.name, &argument.description, page),
        values: argument
            .values
            .iter()
            .zip(variants)
            .map(|(wire, variant)| ir::EnumValue { wire: wire.clone(), variant, docs: prose::value_docs(wire) })
            .collect(),
    }
}

/// The limits of `argument`, and whether it holds objects. Whether they check limits of
/// their own is known once the objects are lowered (`validation::mark_arguments`).
fn argument_limits(argument: &ArgumentSpec) -> ir::Limits {
    ir::Limits { held: argument.holds.is_some(), bounds: argument.limits, ..ir::Limits::default() }
}

pub(super) fn value_type(ty: ValueType) -> ir::ValueType {
    use ir::RuntimeType;
    match ty {
        // The token is filtered out before; should one reach here, it is text.
        ValueType::Token | ValueType::String => ir::ValueType::String,
        ValueType::Boolean => ir::ValueType::Boolean,
        ValueType::Integer => ir::ValueType::Integer,
        ValueType::Number => ir::ValueType::Number,
        // Objects are lowered with their fields before; one reaching here has none.
        ValueType::Json | ValueType::Object => ir::ValueType::Json,
        ValueType::Timestamp => ir::ValueType::Runtime(RuntimeType::Timestamp),
        ValueType::Cursor => ir::ValueType::Runtime(RuntimeType::Cursor),
        ValueType::Secret => ir::ValueType::Runtime(RuntimeType::Secret),
        ValueType::UserId => ir::ValueType::Runtime(RuntimeType::UserId),
        ValueType::ChannelId => ir::ValueType::Runtime(RuntimeType::ChannelId),
        ValueType::TeamId => ir::ValueType::Runtime(RuntimeType::TeamId),
        ValueType::EnterpriseId => ir::ValueType::Runtime(RuntimeType::EnterpriseId),
        ValueType::AppId => ir::ValueType::Runtime(RuntimeType::AppId),
        ValueType::BotId => ir::ValueType::Runtime(RuntimeType::BotId),
        ValueType::FileId => ir::ValueType::Runtime(RuntimeType::FileId),
        ValueType::UsergroupId => ir::ValueType::Runtime(RuntimeType::UsergroupId),
        ValueType::TriggerId => ir::ValueType::Runtime(RuntimeType::TriggerId),
    }
}

pub(super) fn multiplicity(list: Option<ListStyle>) -> ir::Multiplicity {
    match list {
        None => ir::Multiplicity::One,
        Some(ListStyle::CommaSeparated) => ir::Multiplicity::CommaSeparated,
        Some(ListStyle::Array) => ir::Multiplicity::Array,
    }
}

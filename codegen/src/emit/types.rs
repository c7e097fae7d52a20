//! Rust types of members, and the `use` items a module needs for them.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use super::ident;
use crate::ir::{Member, Multiplicity, RuntimeType, ValueType};

/// The Rust type of one item of an argument.
pub fn item_type(ty: &ValueType) -> TokenStream {
    match ty {
        ValueType::String => quote!(String),
        ValueType::Boolean => quote!(bool),
        ValueType::Integer => quote!(i64),
        ValueType::Number => quote!(f64),
        ValueType::Json => quote!(serde_json::Value),
        ValueType::Runtime(runtime) => {
            let name = ident(runtime_type_name(*runtime));
            quote!(#name)
        }
        ValueType::Enum(name) | ValueType::TextEnum(name) | ValueType::Object(name) | ValueType::Shared(name) => {
            let name = ident(name);
            quote!(#name)
        }
    }
}

/// The Rust type of a whole argument value.
pub fn value_type(ty: &ValueType, multiplicity: Multiplicity) -> TokenStream {
    let item = item_type(ty);
    match multiplicity {
        Multiplicity::One => item,
        Multiplicity::CommaSeparated | Multiplicity::Array => quote!(Vec<#item>),
    }
}

/// The Rust type of a record's field, before `Option` for optional ones: numbers keep
/// how Slack wrote them, a record that can hold its owner again (or a large one) is
/// boxed, and an object keyed by IDs is a map.
pub fn record_field_type(field: &Member) -> TokenStream {
    let item = match field.ty {
        ValueType::Number => quote!(serde_json::Number),
        ref ty => item_type(ty),
    };
    let item = if field.boxed { quote!(Box<#item>) } else { item };
    let value = match field.multiplicity {
        Multiplicity::One => item,
        Multiplicity::CommaSeparated | Multiplicity::Array => quote!(Vec<#item>),
    };
    match (field.map, field.nested_map) {
        (true, true) => quote!(std::collections::BTreeMap<String, std::collections::BTreeMap<String, #value>>),
        (true, false) => quote!(std::collections::BTreeMap<String, #value>),
        (false, _) => value,
    }
}

/// `use` items for the runtime (`rt`, and each of its `types` the members use
/// unqualified) and the shared objects they hold, but those the module defines itself
/// (`local`). The naming pass keeps generated types off those names.
pub fn imports<'a>(members: impl IntoIterator<Item = &'a Member>, local: &[&str]) -> TokenStream {
    let mut runtime = BTreeSet::new();
    let mut shared = BTreeSet::new();
    for member in members {
        match &member.ty {
            ValueType::Runtime(ty) => {
                runtime.insert(*ty);
            }
            ValueType::Shared(name) if !local.contains(&name.as_str()) => {
                shared.insert(name.as_str());
            }
            _ => {}
        }
    }
    let types = runtime.iter().map(|ty| ident(runtime_type_name(*ty)));
    let types = (!runtime.is_empty()).then(|| quote!(use typed_slack_runtime::types::{#(#types),*};));
    let objects = shared.iter().map(|name| ident(name));
    let objects = (!shared.is_empty()).then(|| quote!(use crate::objects::{#(#objects),*};));
    quote! {
        use typed_slack_runtime as rt;
        #types
        #objects
    }
}

/// The name of a type of the runtime's `types` module.
pub fn runtime_type_name(runtime: RuntimeType) -> &'static str {
    match runtime {
        RuntimeType::Timestamp => "Timestamp",
        RuntimeType::Cursor => "Cursor",
        RuntimeType::Secret => "Secret",
        RuntimeType::UserId => "UserId",
        RuntimeType::ChannelId => "ChannelId",
        RuntimeType::TeamId => "TeamId",
        RuntimeType::EnterpriseId => "EnterpriseId",
        RuntimeType::AppId => "AppId",
        RuntimeType::BotId => "BotId",
        RuntimeType::FileId => "FileId",
        RuntimeType::UsergroupId => "UsergroupId",
        RuntimeType::TriggerId => "TriggerId",
        RuntimeType::ResponseMetadata => "ResponseMetadata",
    }
}

//! The `objects` module: one file per shared object, and the module that compiles each
//! in with the families that answer it.

use proc_macro2::TokenStream;
use quote::quote;

use super::{doc_attrs, ident, record, types};
use crate::ir;
use crate::naming::OBJECTS_FEATURE;

/// The `cfg` under which `object` is compiled: the `objects` feature, or any family
/// whose methods answer it.
fn cfg(object: &ir::SharedObject) -> TokenStream {
    if object.features.is_empty() {
        // An object no method answers or takes (an interaction payload).
        return quote!(#[cfg(feature = #OBJECTS_FEATURE)]);
    }
    let features = std::iter::once(OBJECTS_FEATURE).chain(object.features.iter().map(String::as_str));
    quote!(#[cfg(any(#(feature = #features),*))])
}

/// `objects/mod.rs`.
pub fn module(objects: &[ir::SharedObject], docs: &[String]) -> TokenStream {
    let docs = doc_attrs(docs, true);
    let items = objects.iter().map(|object| {
        let cfg = cfg(object);
        let module = ident(&object.module);
        let names = std::iter::once(object.kind.name())
            .chain(object.records.iter().map(|record| record.name.as_str()))
            .chain(object.aliases.iter().map(|alias| alias.name.as_str()))
            .chain(object.enums.iter().map(|text_enum| text_enum.name.as_str()))
            .map(ident);
        quote! {
            #cfg
            mod #module;
            #cfg
            pub use #module::{#(#names),*};
        }
    });
    quote! {
        #docs
        #(#items)*
    }
}

/// The file of one object: the object, then its inline records and enums.
pub fn file(object: &ir::SharedObject) -> TokenStream {
    let (root, own_fields) = match &object.kind {
        ir::ObjectKind::Record(root) => (record::tokens(root), root.fields.as_slice()),
        ir::ObjectKind::Union(union) => (record::union(union), &[][..]),
    };
    let fields = own_fields.iter().chain(object.records.iter().flat_map(|record| &record.fields));
    let imports = types::imports(fields, &[object.kind.name()]);
    let records = object.records.iter().map(record::tokens);
    let aliases = object.aliases.iter().map(record::alias);
    let enums = object.enums.iter().map(record::text_enum);
    quote! {
        #imports
        #root
        #(#records)*
        #(#aliases)*
        #(#enums)*
    }
}

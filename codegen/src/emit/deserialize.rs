//! The `Deserialize` implementation of a response or response object: a visitor that
//! reads the JSON object key by key into its fields.
//!
//! It is leaner to compile than serde's derive (the visitor is the runtime's, shared by
//! every struct; no field enum, no sequence form JSON never sends) and reads keys
//! without copying them. Locals are
//! named after the fields; the visitor's own names start with `__`, which no field
//! name the naming pass makes can.

use proc_macro2::TokenStream;
use quote::quote;

use super::ident;
use crate::ir::Member;

/// What a struct decodes beside its spec fields.
pub struct Extras {
    /// A `response_metadata` field (the pagination cursor), optional.
    pub response_metadata: bool,
    /// A `warnings` field, not decoded: the client fills it in.
    pub warnings: bool,
}

/// The implementation for the struct `name` with `fields`.
pub fn tokens(name: &str, fields: &[Member], extras: &Extras) -> TokenStream {
    let type_name = ident(name);
    let locals: Vec<_> = fields.iter().map(|field| ident(&field.rust_name)).collect();
    let arms = fields.iter().zip(&locals).map(|(field, local)| {
        let wire = &field.wire_name;
        if field.required {
            quote!(#wire => rt::de::set(&mut __map, &mut #local),)
        } else {
            quote!(#wire => rt::de::set_opt(&mut __map, &mut #local),)
        }
    });
    let inits = fields.iter().zip(&locals).map(|(field, local)| {
        let wire = &field.wire_name;
        if field.required { quote!(#local: rt::de::required(#local, #wire)?,) } else { quote!(#local,) }
    });
    let (metadata_local, metadata_arm, metadata_init) = if extras.response_metadata {
        (
            quote!(let mut response_metadata = None;),
            quote!("response_metadata" => rt::de::set_opt(&mut __map, &mut response_metadata),),
            quote!(response_metadata,),
        )
    } else {
        (quote!(), quote!(), quote!())
    };
    let warnings_init = extras.warnings.then(|| quote!(warnings: Vec::new(),));
    // With nothing to read, the entries are only skipped.
    let read = if fields.is_empty() && !extras.response_metadata {
        quote! {
            fn read_map<'de, A: rt::de::Map<'de>>(__map: A) -> Result<Self, A::Error> {
                rt::de::skip_all(__map)?;
                Ok(Self { #warnings_init })
            }
        }
    } else {
        quote! {
            fn read_map<'de, A: rt::de::Map<'de>>(mut __map: A) -> Result<Self, A::Error> {
                #(let mut #locals = None;)*
                #metadata_local
                while let Some(__key) = __map.next_key::<rt::de::Key<'de>>()? {
                    match __key.as_str() {
                        #(#arms)*
                        #metadata_arm
                        _ => rt::de::skip(&mut __map),
                    }?;
                }
                Ok(Self {
                    #(#inits)*
                    #metadata_init
                    #warnings_init
                })
            }
        }
    };
    quote! {
        impl<'de> serde::Deserialize<'de> for #type_name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                rt::de::answer(d)
            }
        }

        impl rt::de::Answer for #type_name {
            const NAME: &'static str = #name;

            #read
        }
    }
}

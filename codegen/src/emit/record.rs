//! Records (responses, shared objects and the objects described inline) and the enums
//! of documented string values: the types that hold what Slack answers.
//!
//! A record is a struct of optional fields (required ones take their default when
//! missing) and an `unknown` map, with the runtime's `Record` implementation: a match
//! that reads one key into its field, leniently (the loop over the keys is the
//! runtime's), and the writer that serializes it back. Locals the implementation names
//! itself start with `__`, which no field name the naming pass makes can.

use proc_macro2::TokenStream;
use quote::quote;

use super::types::record_field_type;
use super::{bound, doc_attrs, ident};
use crate::ir::{self, Alias, Member, Record, TaggedUnion, TextEnum, ValueType};

/// The type alias of a record described again: `pub type FileFrom = FileCc;`.
pub fn alias(alias: &Alias) -> TokenStream {
    let name = ident(&alias.name);
    let target = ident(&alias.target);
    let docs = doc_attrs(&alias.docs, false);
    quote! {
        #docs
        pub type #name = #target;
    }
}

/// The struct of `record` and its implementations.
pub fn tokens(record: &Record) -> TokenStream {
    let name = ident(&record.name);
    let wire_name = &record.name;
    let docs = doc_attrs(&record.docs, false);
    let fields = record.fields.iter().map(|field| {
        let rust = ident(&field.rust_name);
        let docs = doc_attrs(&field.docs, false);
        let ty = record_field_type(field);
        if field.required { quote!(#docs pub #rust: #ty,) } else { quote!(#docs pub #rust: Option<#ty>,) }
    });
    let warnings_field = record.warnings.as_deref().map(|warning| {
        let warning = ident(warning);
        quote! {
            /// The warnings Slack sent with the answer, from its `warning` and
            /// `response_metadata.warnings` fields.
            pub warnings: Vec<#warning>,
        }
    });
    let is_response = record.warnings.is_some();
    let read = read(record, is_response);
    let write = write(&record.fields, is_response);
    let method_response = record.warnings.as_deref().map(|warning| {
        let warning = ident(warning);
        quote!(rt::method_response!(#name, #warning);)
    });
    let validate = record.validated.then(|| validate(record));
    let builder = super::builder::tokens(record);
    quote! {
        #docs
        #[derive(Clone, PartialEq, Default)]
        #[non_exhaustive]
        pub struct #name {
            #(#fields)*
            #warnings_field
            /// Fields Slack sent that this type does not model, or whose value was not of
            /// the documented type, kept as they came.
            pub unknown: rt::UnknownFields,
        }

        impl rt::de::Record for #name {
            const NAME: &'static str = #wire_name;

            #read

            #write

            #[inline]
            fn unknown(&self) -> &rt::UnknownFields {
                &self.unknown
            }

            #[inline]
            fn unknown_mut(&mut self) -> &mut rt::UnknownFields {
                &mut self.unknown
            }
        }

        rt::record!(#name);

        #method_response

        #builder

        #validate
    }
}

/// `rt::Validate`: each limit of a field, then the limits of what the fields hold, in
/// field order.
fn validate(record: &Record) -> TokenStream {
    let name = ident(&record.name);
    let checks = record.fields.iter().map(|field| {
        let wire = &field.wire_name;
        let rust = ident(&field.rust_name);
        let limits = &field.limits;
        // A length is on text, or on the text of a text object (when the spec has one).
        let text_like = field.ty == ValueType::String || limits.text_field.is_some();
        let length = (limits.bounds.limits_length() && text_like).then(|| {
            let (min, max) = (bound(limits.bounds.min_length), bound(limits.bounds.max_length));
            // The text of a value `__text` of the field's item type.
            let text_of = |value: TokenStream| match &limits.text_field {
                None => quote!(Some(#value.as_str())),
                Some(text) => {
                    let inner = ident(&text.rust_name);
                    if text.required { quote!(Some(#value.#inner.as_str())) } else { quote!(#value.#inner.as_deref()) }
                }
            };
            if field.multiplicity != ir::Multiplicity::One {
                // Each item of a list.
                let text = text_of(quote!(__item));
                let items =
                    if field.required { quote!(self.#rust.iter()) } else { quote!(self.#rust.iter().flatten()) };
                return quote!(__check.each_length(#wire, #items.map(|__item| #text), #min, #max););
            }
            let text = match (&limits.text_field, field.required) {
                (None, false) => quote!(self.#rust.as_deref()),
                (None, true) => quote!(Some(self.#rust.as_str())),
                (Some(text), required) => {
                    let inner = ident(&text.rust_name);
                    let read = if text.required {
                        quote!(map(|__text| __text.#inner.as_str()))
                    } else {
                        quote!(and_then(|__text| __text.#inner.as_deref()))
                    };
                    if required { quote!(Some(&self.#rust).#read) } else { quote!(self.#rust.as_ref().#read) }
                }
            };
            quote!(__check.length(#wire, #text, #min, #max);)
        });
        let items = limits.bounds.limits_items().then(|| {
            let count =
                if field.required { quote!(Some(self.#rust.len())) } else { quote!(self.#rust.as_ref().map(Vec::len)) };
            let (min, max) = (bound(limits.bounds.min_items), bound(limits.bounds.max_items));
            quote!(__check.items(#wire, #count, #min, #max);)
        });
        let nested = limits.nested.then(|| quote!(__check.nested(#wire, &self.#rust);));
        let accepts = (!limits.accepts.is_empty()).then(|| {
            let accepted = &limits.accepts;
            let value = match (field.multiplicity, field.required) {
                (ir::Multiplicity::One, _) if field.boxed => quote!(self.#rust.as_deref()),
                (ir::Multiplicity::One, _) => quote!(self.#rust.as_ref()),
                (_, true) => quote!(Some(self.#rust.as_slice())),
                (_, false) => quote!(self.#rust.as_deref()),
            };
            let check =
                if field.multiplicity == ir::Multiplicity::One { quote!(accepts) } else { quote!(accepts_each) };
            quote!(__check.#check(#wire, #value, &[#(#accepted),*]);)
        });
        let unique = limits.unique.as_deref().map(|scope| {
            let value = if field.required { quote!(Some(self.#rust.as_str())) } else { quote!(self.#rust.as_deref()) };
            quote!(__check.unique(#wire, #value, #scope);)
        });
        quote!(#length #items #accepts #unique #nested)
    });
    // Each kind of block is a scope: its elements' `action_id`s are unique within it.
    let checks = match &record.scope {
        Some(scope) => quote!(__check.scope(#scope, |__check| { #(#checks)* });),
        None => quote!(#(#checks)*),
    };
    quote! {
        impl rt::Validate for #name {
            fn check(&self, __check: &mut rt::validate::Check<'_>) {
                #checks
            }
        }
    }
}

fn read(record: &Record, is_response: bool) -> TokenStream {
    let required: Vec<&str> =
        record.fields.iter().filter(|field| field.required).map(|field| field.wire_name.as_str()).collect();
    let required = (!required.is_empty()).then(|| quote!(const REQUIRED: &'static [&'static str] = &[#(#required),*];));
    let ok = is_response.then(|| quote!(b"ok" => __reader.skip(),));
    let arms: Vec<TokenStream> = record
        .fields
        .iter()
        .map(|field| {
            let wire = &field.wire_name;
            let rust = ident(&field.rust_name);
            let read = if field.required { quote!(value) } else { quote!(field) };
            let key = proc_macro2::Literal::byte_string(wire.as_bytes());
            quote!(#key => __reader.#read(&mut self.#rust, #wire),)
        })
        .collect();
    let body = if arms.is_empty() && ok.is_none() {
        quote! {
            let _ = (__key, __reader);
            Ok(false)
        }
    } else {
        quote! {
            match __key {
                #ok
                #(#arms)*
                _ => return Ok(false),
            }?;
            Ok(true)
        }
    };
    quote! {
        #required

        fn read_field<'de, A: rt::de::Map<'de>>(
            &mut self,
            __key: &[u8],
            __reader: &mut rt::de::Reader<'de, A>,
        ) -> Result<bool, A::Error> {
            #body
        }
    }
}

/// `write`: one chain of writes, which the writer stops at the serializer's first
/// failure and reports.
fn write(fields: &[Member], is_response: bool) -> TokenStream {
    let ok = is_response.then(|| quote!(.req("ok", &true)));
    let writes = fields.iter().map(|field| {
        let wire = &field.wire_name;
        let rust = ident(&field.rust_name);
        let call = match (field.ty == ValueType::Json, field.required) {
            (false, false) => quote!(opt),
            (false, true) => quote!(req),
            (true, false) => quote!(opt_json),
            (true, true) => quote!(req_json),
        };
        quote!(.#call(#wire, &self.#rust))
    });
    let body =
        if fields.is_empty() && !is_response { quote!(let _ = __writer;) } else { quote!(__writer #ok #(#writes)*;) };
    quote! {
        fn write<M: rt::de::SerializeMap>(&self, __writer: &mut rt::de::Writer<'_, M>) {
            #body
        }
    }
}

/// The enum of a field's documented string values, with `Unknown` for any other.
pub fn text_enum(text_enum: &TextEnum) -> TokenStream {
    let name = ident(&text_enum.name);
    let docs = doc_attrs(&text_enum.docs, false);
    let wires: Vec<&str> = text_enum.values.iter().map(|value| value.wire.as_str()).collect();
    let variants: Vec<_> = text_enum.values.iter().map(|value| ident(&value.variant)).collect();
    let variant_docs = text_enum.values.iter().map(|value| doc_attrs(&value.docs, false));
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #name {
            #(#variant_docs #variants,)*
            /// A value the spec does not list, as Slack sent it.
            Unknown(String),
        }

        impl #name {
            /// The value as Slack sends it.
            #[inline]
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#variants => #wires,)*
                    Self::Unknown(value) => value,
                }
            }
        }

        impl From<&str> for #name {
            #[inline]
            fn from(value: &str) -> Self {
                match value {
                    #(#wires => Self::#variants,)*
                    _ => Self::Unknown(value.to_owned()),
                }
            }
        }

        rt::text_enum!(#name);
    }
}

/// The enum of a union: one variant per kind, holding its record (boxed, so that a list
/// of kinds is as small as its largest kind is not), and `Unknown` for any other kind.
pub fn union(union: &TaggedUnion) -> TokenStream {
    let name = ident(&union.name);
    let wire_name = &union.name;
    let tag = &union.tag;
    let docs = doc_attrs(&union.docs, false);
    // The variants come sorted by tag: the runtime finds a tag in `TAGS` by binary
    // search, and reads the kind at its index. The kind without a tag comes last.
    let tags: Vec<&str> = union.variants.iter().map(|variant| variant.tag.as_str()).collect();
    let all: Vec<&ir::UnionVariant> = union.variants.iter().chain(&union.untagged).collect();
    let kinds = (0..all.len()).map(proc_macro2::Literal::usize_unsuffixed);
    let indices = (0..all.len()).map(proc_macro2::Literal::usize_unsuffixed);
    let untagged = union.untagged.as_ref().map(|_| {
        let index = proc_macro2::Literal::usize_unsuffixed(union.variants.len());
        quote!(const UNTAGGED: Option<usize> = Some(#index);)
    });
    let conversions = super::builder::union_conversions(union);
    let variants: Vec<_> = all.iter().map(|variant| ident(&variant.variant)).collect();
    let records = all.iter().map(|variant| ident(&variant.record));
    let variant_docs = all.iter().map(|variant| doc_attrs(&variant.docs, false));
    let own_tags = all.iter().map(|variant| {
        let value = &variant.tag;
        if value.is_empty() { quote!(None) } else { quote!(Some((#tag, #value))) }
    });
    let validate = union.validated.then(|| {
        let checked = all.iter().filter(|variant| variant.validated).map(|variant| ident(&variant.variant));
        let checks = quote! {
            match self {
                #(Self::#checked(__kind) => __kind.check(__check),)*
                _ => {}
            }
        };
        quote! {
            impl rt::Validate for #name {
                fn check(&self, __check: &mut rt::validate::Check<'_>) {
                    #checks
                }
            }
        }
    });
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum #name {
            #(#variant_docs #variants(Box<#records>),)*
            /// A kind the spec does not know, kept whole, its tag included.
            Unknown(rt::UnknownFields),
        }

        impl rt::de::Union for #name {
            const NAME: &'static str = #wire_name;
            const TAG: &'static str = #tag;
            const TAGS: &'static [&'static str] = &[#(#tags),*];
            #untagged

            fn read_kind<'de, A: rt::de::Map<'de>>(
                __kind: usize,
                __reader: rt::de::Reader<'de, A>,
            ) -> Result<Self, A::Error> {
                Ok(match __kind {
                    #(#kinds => Self::#variants(Box::new(rt::de::read_fields(__reader)?)),)*
                    _ => Self::Unknown(__reader.keep_all()?),
                })
            }

            #[inline]
            fn unknown(fields: rt::UnknownFields) -> Self {
                Self::Unknown(fields)
            }

            #[inline]
            fn kind(&self) -> Option<usize> {
                match self {
                    #(Self::#variants(_) => Some(#indices),)*
                    Self::Unknown(_) => None,
                }
            }

            fn write<S: rt::de::serde::Serializer>(
                &self,
                __outer: Option<(&str, &str)>,
                __serializer: S,
            ) -> Result<S::Ok, S::Error> {
                match self {
                    #(Self::#variants(__kind) => rt::de::write_kind(__outer, #own_tags, __kind.as_ref(), __serializer),)*
                    Self::Unknown(__fields) => rt::de::write_unknown(__outer, __fields, __serializer),
                }
            }
        }

        rt::tagged_union!(#name);

        #conversions

        #validate
    }
}

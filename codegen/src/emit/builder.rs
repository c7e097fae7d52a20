//! How an app builds the objects it sends: `new` with the fields Slack requires, a
//! setter per other field, the spec's named shortcuts (`TextObject::mrkdwn`), and the
//! conversions (a kind into its union, an option from a tuple).
//!
//! Every function is generic or `#[inline]`: none is compiled to machine code in the
//! library unless an app calls it (they are still type-checked with it).

use proc_macro2::TokenStream;
use quote::quote;

use super::ident;
use super::types::{item_type, record_field_type};
use crate::ir::{Builder, Member, Multiplicity, Record, TaggedUnion, ValueType};

/// Clippy's default `too_many_arguments` threshold.
pub const MAX_CONSTRUCTOR_PARAMS: usize = 7;

/// Method name prefixes that clippy's `wrong_self_convention` reserves for conversions.
const CONVERSION_PREFIXES: &[&str] = &["as_", "from_", "into_", "is_", "to_"];

/// A setter of a request or a record: `rust_name(mut self, rust_name: param) -> Self`,
/// which stores `value` (the parameter, converted) in the field of that name.
/// `must_use` marks it, for a type that is not `#[must_use]` itself (a record).
pub fn setter_fn(rust_name: &str, param: &TokenStream, value: &TokenStream, must_use: bool) -> TokenStream {
    let rust = ident(rust_name);
    let doc = format!(" Sets [`{rust_name}`](Self::{rust_name}).");
    // Setters are named after their field (`is_decimal_allowed`), not after a conversion.
    let allow = CONVERSION_PREFIXES
        .iter()
        .any(|prefix| rust_name.starts_with(prefix))
        .then(|| quote!(#[allow(clippy::wrong_self_convention)]));
    let must_use = must_use.then(|| quote!(#[must_use]));
    quote! {
        #[doc = #doc]
        #allow
        #[inline]
        #must_use
        pub fn #rust(mut self, #rust: #param) -> Self {
            self.#rust = #value;
            self
        }
    }
}

/// The builder of `record`, when it has one.
pub fn tokens(record: &Record) -> Option<TokenStream> {
    let builder = record.builder.as_ref()?;
    let name = ident(&record.name);
    let constructed: Vec<&Member> = record.fields.iter().filter(|field| field.constructed).collect();
    let params = constructed.iter().map(|field| {
        let rust = ident(&field.rust_name);
        let (ty, _) = parameter(field);
        quote!(#rust: #ty)
    });
    let inits = constructed.iter().map(|field| {
        let rust = ident(&field.rust_name);
        let (_, value) = parameter(field);
        if field.required && takes_as_is(field) {
            return quote!(#rust,);
        }
        let value = if field.required { value } else { quote!(Some(#value)) };
        quote!(#rust: #value,)
    });
    let allow = (constructed.len() > MAX_CONSTRUCTOR_PARAMS).then(|| quote!(#[allow(clippy::too_many_arguments)]));
    let doc = if constructed.is_empty() {
        format!(" A [`{}`] with no field set; set them with the setters.", record.name)
    } else {
        format!(" A [`{}`] with the fields Slack requires; set the others with the setters.", record.name)
    };
    let body = if constructed.is_empty() {
        quote!(<Self as Default>::default())
    } else {
        // `unknown`, at least, is left to its default.
        quote!(Self { #(#inits)* ..<Self as Default>::default() })
    };
    let setters = record.fields.iter().filter(|field| !field.constructed).map(setter);
    let shortcuts = shortcuts(builder, &constructed);
    let conversions = conversions(record, builder, &constructed);
    Some(quote! {
        impl #name {
            #[doc = #doc]
            #allow
            #[inline]
            #[must_use]
            pub fn new(#(#params),*) -> Self {
                #body
            }

            #shortcuts

            #(#setters)*
        }

        #conversions
    })
}

/// `From` each kind's record into `union`: `Block::from(SectionBlock::new(...))`.
pub fn union_conversions(union: &TaggedUnion) -> TokenStream {
    let name = ident(&union.name);
    let conversions = union.variants.iter().chain(&union.untagged).map(|variant| {
        let record = ident(&variant.record);
        let kind = ident(&variant.variant);
        quote! {
            impl From<#record> for #name {
                #[inline]
                fn from(kind: #record) -> Self {
                    Self::#kind(Box::new(kind))
                }
            }
        }
    });
    quote!(#(#conversions)*)
}

/// The spec's named shortcuts: `new` with some fields fixed.
fn shortcuts(builder: &Builder, constructed: &[&Member]) -> TokenStream {
    let shortcuts = builder.shortcuts.iter().map(|shortcut| {
        let function = ident(&shortcut.name);
        let docs = super::doc_attrs(&shortcut.docs, false);
        let fixed = |field: &Member| shortcut.sets.iter().find(|(rust, _, _)| *rust == field.rust_name);
        let params = constructed.iter().filter(|field| fixed(field).is_none()).map(|field| {
            let rust = ident(&field.rust_name);
            let (ty, _) = parameter(field);
            quote!(#rust: #ty)
        });
        let args = constructed.iter().map(|field| match fixed(field) {
            Some((_, enum_name, variant)) => {
                let (enum_name, variant) = (ident(enum_name), ident(variant));
                quote!(#enum_name::#variant)
            }
            None => {
                let rust = ident(&field.rust_name);
                quote!(#rust)
            }
        });
        quote! {
            #docs
            #[inline]
            #[must_use]
            pub fn #function(#(#params),*) -> Self {
                Self::new(#(#args),*)
            }
        }
    });
    quote!(#(#shortcuts)*)
}

/// `From<&str>` and `From<String>` through the shortcut that converts text, and `From` a
/// tuple of what `new` takes.
fn conversions(record: &Record, builder: &Builder, constructed: &[&Member]) -> TokenStream {
    let name = ident(&record.name);
    let from_text = builder.shortcuts.iter().find(|shortcut| shortcut.from_text).map(|shortcut| {
        let function = ident(&shortcut.name);
        quote! {
            impl From<&str> for #name {
                #[inline]
                fn from(text: &str) -> Self {
                    Self::#function(text)
                }
            }

            impl From<String> for #name {
                #[inline]
                fn from(text: String) -> Self {
                    Self::#function(text)
                }
            }
        }
    });
    let from_tuple = builder.from_tuple.then(|| {
        let generics: Vec<TokenStream> =
            (0..constructed.len()).map(|index| ident(&format!("T{index}"))).map(|t| quote!(#t)).collect();
        let bounds = constructed.iter().zip(&generics).map(|(field, generic)| {
            let item = item_type(&field.ty);
            quote!(#generic: Into<#item>)
        });
        let names: Vec<TokenStream> =
            constructed.iter().map(|field| ident(&field.rust_name)).map(|n| quote!(#n)).collect();
        quote! {
            impl<#(#bounds),*> From<(#(#generics),*)> for #name {
                #[inline]
                fn from((#(#names),*): (#(#generics),*)) -> Self {
                    Self::new(#(#names),*)
                }
            }
        }
    });
    quote!(#from_text #from_tuple)
}

/// The setter of an optional `field`.
fn setter(field: &Member) -> TokenStream {
    let (param, value) = parameter(field);
    let value = if field.required { value } else { quote!(Some(#value)) };
    setter_fn(&field.rust_name, &param, &value, true)
}

/// Whether a parameter of `field` is its value as it is (a boolean, an integer).
fn takes_as_is(field: &Member) -> bool {
    !field.map && field.multiplicity == Multiplicity::One && matches!(field.ty, ValueType::Boolean | ValueType::Integer)
}

/// The parameter type that sets `field`, and the expression that turns the parameter
/// into the field's value (before `Some`).
fn parameter(field: &Member) -> (TokenStream, TokenStream) {
    if field.map {
        let name = ident(&field.rust_name);
        return (record_field_type(field), quote!(#name));
    }
    let item = match field.ty {
        ValueType::Number => quote!(serde_json::Number),
        ref ty => item_type(ty),
    };
    let plain = matches!(field.ty, ValueType::Boolean | ValueType::Integer);
    parameter_of(&field.rust_name, &item, field.multiplicity, plain, field.boxed)
}

/// The parameter type that sets a field named `rust_name` of items `item`, and the
/// expression that turns the parameter into the field's value (before `Some`): a
/// `plain` item (`Copy`) as it is, any other through `Into`, a list from any iterator,
/// a `boxed` value boxed. Requests and records both set their fields this way.
pub fn parameter_of(
    rust_name: &str,
    item: &TokenStream,
    multiplicity: Multiplicity,
    plain: bool,
    boxed: bool,
) -> (TokenStream, TokenStream) {
    let name = ident(rust_name);
    match multiplicity {
        Multiplicity::One if plain => (item.clone(), quote!(#name)),
        Multiplicity::One if boxed => (quote!(impl Into<#item>), quote!(Box::new(#name.into()))),
        Multiplicity::One => (quote!(impl Into<#item>), quote!(#name.into())),
        Multiplicity::CommaSeparated | Multiplicity::Array if plain => {
            (quote!(impl IntoIterator<Item = #item>), quote!(#name.into_iter().collect()))
        }
        Multiplicity::CommaSeparated | Multiplicity::Array => {
            (quote!(impl IntoIterator<Item = impl Into<#item>>), quote!(#name.into_iter().map(Into::into).collect()))
        }
    }
}

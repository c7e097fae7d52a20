//! One method's module: request, response, error and warning types.

use proc_macro2::TokenStream;
use quote::quote;

use super::{code_enum, doc_attrs, ident};
use crate::ir::{self, Multiplicity, ValueType};

/// Clippy's default `too_many_arguments` threshold.
const MAX_CONSTRUCTOR_PARAMS: usize = 7;

/// Method name prefixes that clippy's `wrong_self_convention` reserves for conversions.
const CONVERSION_PREFIXES: &[&str] = &["as_", "from_", "into_", "is_", "to_"];

/// The whole module file of `method`.
pub fn tokens(method: &ir::Method) -> TokenStream {
    let module_docs = doc_attrs(&method.module_docs, true);
    let allow_deprecated = method.facts.deprecation.is_some().then(|| {
        quote! {
            // The request type is deprecated; its own implementation is not a use.
            #![allow(deprecated)]
        }
    });
    let request = request(method);
    let response = response(method);
    let errors = code_enum::tokens(&method.error_type, &method.error_docs, &method.errors, true);
    let warnings = code_enum::tokens(&method.warning_type, &method.warning_docs, &method.warnings, false);
    let enums = method.enums.iter().map(value_enum);
    let objects = method
        .objects
        .iter()
        .map(|object| answer_struct(&object.name, &object.docs, &object.fields, TokenStream::new()));
    quote! {
        #module_docs
        #allow_deprecated
        #request
        #response
        #errors
        #warnings
        #(#enums)*
        #(#objects)*
    }
}

/// The enum of the values an argument takes.
fn value_enum(value_enum: &ir::Enum) -> TokenStream {
    let name = ident(&value_enum.name);
    let docs = doc_attrs(&value_enum.docs, false);
    let wires: Vec<&str> = value_enum.values.iter().map(|value| value.wire.as_str()).collect();
    let variants: Vec<_> = value_enum.values.iter().map(|value| ident(&value.variant)).collect();
    let variant_docs = value_enum.values.iter().map(|value| doc_attrs(&value.docs, false));
    quote! {
        #docs
        #[derive(
            ::core::fmt::Debug, ::core::clone::Clone, ::core::marker::Copy, ::core::cmp::PartialEq, ::core::cmp::Eq,
            ::core::hash::Hash,
        )]
        #[non_exhaustive]
        pub enum #name {
            #(#variant_docs #variants,)*
        }

        impl #name {
            /// The value as Slack expects it.
            pub const fn as_str(&self) -> &'static str {
                match self {
                    #(Self::#variants => #wires,)*
                }
            }
        }

        impl ::core::convert::AsRef<str> for #name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl ::core::fmt::Display for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    }
}

/// Struct fields that deserialize from a response, `Option` unless required.
fn fields(fields: &[ir::Field]) -> Vec<TokenStream> {
    fields
        .iter()
        .map(|field| {
            let rust = ident(&field.rust_name);
            let wire = &field.wire_name;
            let docs = doc_attrs(&field.docs, false);
            let ty = value_type(&field.ty, field.multiplicity);
            let rename = (field.rust_name != field.wire_name).then(|| quote!(#[serde(rename = #wire)]));
            if field.required {
                quote!(#docs #rename pub #rust: #ty,)
            } else {
                quote!(#docs #rename #[serde(default)] pub #rust: ::core::option::Option<#ty>,)
            }
        })
        .collect()
}

/// The Rust type of one item of an argument or field.
fn item_type(ty: &ValueType) -> TokenStream {
    match ty {
        ValueType::String => quote!(::std::string::String),
        ValueType::Boolean => quote!(bool),
        ValueType::Integer => quote!(i64),
        ValueType::Number => quote!(f64),
        ValueType::Json => quote!(::serde_json::Value),
        ValueType::Runtime(name) => {
            let name = ident(name);
            quote!(::typed_slack_runtime::types::#name)
        }
        ValueType::Enum(name) | ValueType::Object(name) => {
            let name = ident(name);
            quote!(#name)
        }
    }
}

/// The Rust type of a whole value, before `Option` for optional ones.
fn value_type(ty: &ValueType, multiplicity: Multiplicity) -> TokenStream {
    let item = item_type(ty);
    match multiplicity {
        Multiplicity::One => item,
        Multiplicity::CommaSeparated | Multiplicity::Array => quote!(::std::vec::Vec<#item>),
    }
}

/// Whether the value is `Copy` and taken as is, rather than through `Into`.
fn is_plain(ty: &ValueType) -> bool {
    matches!(ty, ValueType::Boolean | ValueType::Integer | ValueType::Number | ValueType::Enum(_))
}

/// The parameter type of a constructor argument or setter, and the expression that
/// turns the parameter `name` into the field value.
fn parameter(argument: &ir::Argument) -> (TokenStream, TokenStream) {
    let name = ident(&argument.rust_name);
    let item = item_type(&argument.ty);
    match argument.multiplicity {
        Multiplicity::One if is_plain(&argument.ty) => (item, quote!(#name)),
        Multiplicity::One => (quote!(impl ::core::convert::Into<#item>), quote!(#name.into())),
        Multiplicity::CommaSeparated | Multiplicity::Array if is_plain(&argument.ty) => {
            (quote!(impl ::core::iter::IntoIterator<Item = #item>), quote!(#name.into_iter().collect()))
        }
        Multiplicity::CommaSeparated | Multiplicity::Array => (
            quote!(impl ::core::iter::IntoIterator<Item = impl ::core::convert::Into<#item>>),
            quote!(#name.into_iter().map(::core::convert::Into::into).collect()),
        ),
    }
}

fn request(method: &ir::Method) -> TokenStream {
    let name = ident(&method.request_type);
    let docs = doc_attrs(&method.request_docs, false);
    let deprecated = method.facts.deprecation.as_deref().map(|note| quote!(#[deprecated(note = #note)]));
    let derive_default = method.arguments.iter().all(|a| !a.required).then(|| quote!(::core::default::Default,));
    let fields = method.arguments.iter().map(|argument| {
        let field = ident(&argument.rust_name);
        let docs = doc_attrs(&argument.docs, false);
        let ty = value_type(&argument.ty, argument.multiplicity);
        let ty = if argument.required { ty } else { quote!(::core::option::Option<#ty>) };
        quote!(#docs pub #field: #ty,)
    });
    let constructor = constructor(method);
    let setters = method.arguments.iter().filter(|a| !a.required).map(|argument| {
        let field = ident(&argument.rust_name);
        let (param, value) = parameter(argument);
        let doc = format!(" Sets [`{}`](Self::{}).", argument.rust_name, argument.rust_name);
        // Setters are named after their argument (`as_user`), not after a conversion.
        let allow = CONVERSION_PREFIXES
            .iter()
            .any(|prefix| argument.rust_name.starts_with(prefix))
            .then(|| quote!(#[allow(clippy::wrong_self_convention)]));
        quote! {
            #[doc = #doc]
            #[must_use]
            #allow
            pub fn #field(mut self, #field: #param) -> Self {
                self.#field = ::core::option::Option::Some(#value);
                self
            }
        }
    });
    let method_impl = method_impl(method);
    let paginated_impl = paginated_impl(method);
    quote! {
        #docs
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, #derive_default)]
        #[non_exhaustive]
        #deprecated
        pub struct #name {
            #(#fields)*
        }

        impl #name {
            #constructor
            #(#setters)*
        }

        #method_impl
        #paginated_impl
    }
}

/// `Paginated` for a method that takes a `cursor` and answers `response_metadata`.
fn paginated_impl(method: &ir::Method) -> Option<TokenStream> {
    let field = ident(method.pagination_cursor.as_deref()?);
    let name = ident(&method.request_type);
    Some(quote! {
        impl ::typed_slack_runtime::Paginated for #name {
            fn set_cursor(&mut self, cursor: ::typed_slack_runtime::types::Cursor) {
                self.#field = ::core::option::Option::Some(cursor);
            }

            fn next_cursor(response: &Self::Response) -> ::core::option::Option<&::typed_slack_runtime::types::Cursor> {
                response.response_metadata.as_ref()?.next_cursor()
            }
        }
    })
}

fn constructor(method: &ir::Method) -> TokenStream {
    let required: Vec<&ir::Argument> = method.arguments.iter().filter(|a| a.required).collect();
    if required.is_empty() {
        return quote! {
            /// A request with no argument set; set them with the setters.
            pub fn new() -> Self {
                <Self as ::core::default::Default>::default()
            }
        };
    }
    let params = required.iter().map(|argument| {
        let name = ident(&argument.rust_name);
        let (ty, _) = parameter(argument);
        quote!(#name: #ty)
    });
    let inits = method.arguments.iter().map(|argument| {
        let name = ident(&argument.rust_name);
        if argument.required && argument.multiplicity == Multiplicity::One && is_plain(&argument.ty) {
            quote!(#name)
        } else if argument.required {
            let (_, value) = parameter(argument);
            quote!(#name: #value)
        } else {
            quote!(#name: ::core::option::Option::None)
        }
    });
    let allow = (required.len() > MAX_CONSTRUCTOR_PARAMS).then(|| quote!(#[allow(clippy::too_many_arguments)]));
    let doc = if required.len() == method.arguments.len() {
        " A request with its arguments, all of which are required."
    } else {
        " A request with its required arguments; set optional ones with the setters."
    };
    quote! {
        #[doc = #doc]
        #allow
        pub fn new(#(#params),*) -> Self {
            Self { #(#inits),* }
        }
    }
}

fn method_impl(method: &ir::Method) -> TokenStream {
    let facts = &method.facts;
    let name = ident(&method.request_type);
    let response = ident(&method.response_type);
    let error = ident(&method.error_type);
    let warning = ident(&method.warning_type);
    let wire_name = &method.wire_name;
    let http_method = ident(facts.http_method);
    let content_types = facts.content_types.iter().map(|variant| {
        let variant = ident(variant);
        quote!(::typed_slack_runtime::ContentType::#variant)
    });
    let accepts_json = facts.accepts_json;
    let rate_tier = ident(facts.rate_tier);
    let scopes = |scopes: &Option<Vec<String>>| match scopes {
        Some(scopes) => quote!(::core::option::Option::Some(&[#(#scopes),*])),
        None => quote!(::core::option::Option::None),
    };
    let bot_scopes = scopes(&facts.bot_scopes);
    let user_scopes = scopes(&facts.user_scopes);
    let arguments = method.arguments.iter().map(|argument| {
        let name = &argument.wire_name;
        let required = argument.required;
        quote!(::typed_slack_runtime::Argument { name: #name, required: #required })
    });
    let sample_response = &method.sample_response;
    let authenticated = facts.authenticated;
    let lifecycle = match &facts.deprecation {
        Some(note) => quote!(::typed_slack_runtime::Lifecycle::Deprecated { note: #note }),
        None => quote!(::typed_slack_runtime::Lifecycle::Stable),
    };
    let writes: Vec<TokenStream> = method.arguments.iter().map(write_argument).collect();
    let args = if writes.is_empty() { quote!(_args) } else { quote!(args) };
    quote! {
        impl ::typed_slack_runtime::Method for #name {
            const NAME: &'static str = #wire_name;
            const HTTP_METHOD: ::typed_slack_runtime::HttpMethod = ::typed_slack_runtime::HttpMethod::#http_method;
            const CONTENT_TYPES: &'static [::typed_slack_runtime::ContentType] = &[#(#content_types),*];
            const ACCEPTS_JSON: bool = #accepts_json;
            const RATE_TIER: ::typed_slack_runtime::RateTier = ::typed_slack_runtime::RateTier::#rate_tier;
            const SCOPES: ::typed_slack_runtime::Scopes =
                ::typed_slack_runtime::Scopes { bot: #bot_scopes, user: #user_scopes };
            const LIFECYCLE: ::typed_slack_runtime::Lifecycle = #lifecycle;
            const AUTHENTICATED: bool = #authenticated;
            const ARGUMENTS: &'static [::typed_slack_runtime::Argument] = &[#(#arguments),*];
            const SAMPLE_RESPONSE: &'static str = #sample_response;

            type Response = #response;
            type Error = #error;
            type Warning = #warning;

            fn write_args<W: ::typed_slack_runtime::ArgWriter>(
                &self,
                #args: &mut W,
            ) -> ::core::result::Result<(), ::serde_json::Error> {
                #(#writes)*
                ::core::result::Result::Ok(())
            }
        }
    }
}

/// The statement that writes one argument, if it is set.
fn write_argument(argument: &ir::Argument) -> TokenStream {
    let wire = &argument.wire_name;
    let field = ident(&argument.rust_name);
    // The value as a reference to pass, as a copy, and as a method receiver.
    let (reference, copy, receiver) = if argument.required {
        (quote!(&self.#field), quote!(self.#field), quote!(self.#field))
    } else {
        (quote!(value), quote!(*value), quote!(value))
    };
    let statement = match (argument.multiplicity, &argument.ty) {
        (
            Multiplicity::CommaSeparated | Multiplicity::Array,
            ValueType::Boolean | ValueType::Integer | ValueType::Number,
        ) => {
            quote!(args.comma_list(#wire, #receiver.iter().map(::std::string::ToString::to_string));)
        }
        (Multiplicity::CommaSeparated | Multiplicity::Array, _) => quote!(args.comma_list(#wire, #reference);),
        (Multiplicity::One, ValueType::Boolean) => quote!(args.boolean(#wire, #copy);),
        (Multiplicity::One, ValueType::Integer) => quote!(args.integer(#wire, #copy);),
        (Multiplicity::One, ValueType::Number) => quote!(args.number(#wire, #copy);),
        (Multiplicity::One, ValueType::Json) => quote!(args.json(#wire, #reference)?;),
        (Multiplicity::One, ValueType::String | ValueType::Runtime(_) | ValueType::Enum(_)) => {
            quote!(args.text(#wire, #receiver.as_str());)
        }
        // Objects are response fields only; validation keeps them out of arguments.
        (Multiplicity::One, ValueType::Object(_)) => quote!(args.json(#wire, #reference)?;),
    };
    if argument.required {
        statement
    } else {
        quote! {
            if let ::core::option::Option::Some(value) = &self.#field {
                #statement
            }
        }
    }
}

fn response(method: &ir::Method) -> TokenStream {
    let name = ident(&method.response_type);
    let warning = ident(&method.warning_type);
    let metadata = method.pagination_cursor.is_some().then(|| {
        quote! {
            /// The answer's `response_metadata`: where the next page starts.
            #[serde(default)]
            pub response_metadata: ::core::option::Option<::typed_slack_runtime::types::ResponseMetadata>,
        }
    });
    let members = quote! {
        #metadata
        /// The warnings Slack sent with the answer, from its `warning` and
        /// `response_metadata.warnings` fields.
        #[serde(skip)]
        pub warnings: ::std::vec::Vec<#warning>,
    };
    let response = answer_struct(&method.response_type, &method.response_docs, &method.response_fields, members);
    quote! {
        #response

        impl ::typed_slack_runtime::MethodResponse for #name {
            type Warning = #warning;

            fn warnings(&self) -> &[#warning] {
                &self.warnings
            }

            fn set_warnings(&mut self, warnings: ::std::vec::Vec<#warning>) {
                self.warnings = warnings;
            }
        }
    }
}

/// A struct that deserializes from (part of) an answer: the response, or one of its
/// objects. `members` are written after the fields.
fn answer_struct(name: &str, docs: &[String], answer_fields: &[ir::Field], members: TokenStream) -> TokenStream {
    let name = ident(name);
    let docs = doc_attrs(docs, false);
    let fields = fields(answer_fields);
    quote! {
        #docs
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, ::serde::Deserialize)]
        #[non_exhaustive]
        pub struct #name {
            #(#fields)*
            #members
        }
    }
}

//! One method's module: request, response, error and warning types.

use proc_macro2::TokenStream;
use quote::quote;

use super::builder::{self, MAX_CONSTRUCTOR_PARAMS};
use super::manifest::CATALOG_FEATURE;
use super::types::{self, item_type, value_type};
use super::{bound, code_enum, doc_attrs, ident, record};
use crate::ir::{self, Member, Multiplicity, ValueType};
use crate::lower::{COMMON_ERROR, COMMON_WARNING};

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
    let errors = code_enum::tokens(&method.errors, COMMON_ERROR, true);
    let warnings = code_enum::tokens(&method.warnings, COMMON_WARNING, false);
    let imports = imports(method);
    let enums = method.enums.iter().map(value_enum);
    let records = method.records.iter().map(record::tokens);
    let aliases = method.aliases.iter().map(record::alias);
    let text_enums = method.text_enums.iter().map(record::text_enum);
    quote! {
        #module_docs
        #allow_deprecated
        #imports
        #request
        #response
        #errors
        #warnings
        #(#enums)*
        #(#records)*
        #(#aliases)*
        #(#text_enums)*
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
            Debug, Clone, Copy, PartialEq, Eq, Hash
        )]
        #[non_exhaustive]
        pub enum #name {
            #(#variant_docs #variants,)*
        }

        impl #name {
            /// The value as Slack expects it.
            #[inline]
            pub const fn as_str(&self) -> &'static str {
                match self {
                    #(Self::#variants => #wires,)*
                }
            }
        }

        impl AsRef<str> for #name {
            #[inline]
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl rt::ArgValue for #name {
            fn write_arg<W: rt::ArgWriter + ?Sized>(&self, name: &str, args: &mut W) -> Result<(), serde_json::Error> {
                args.text(name, self.as_str());
                Ok(())
            }
        }

        impl rt::ArgText for #name {
            #[inline]
            fn arg_text(&self) -> std::borrow::Cow<'_, str> {
                std::borrow::Cow::Borrowed(self.as_str())
            }
        }

        impl std::fmt::Display for #name {
            #[inline]
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    }
}

/// Whether the value is `Copy` and taken as is, rather than through `Into`.
fn is_plain(ty: &ValueType) -> bool {
    matches!(ty, ValueType::Boolean | ValueType::Integer | ValueType::Number | ValueType::Enum(_))
}

/// The parameter type of a constructor argument or setter, and the expression that
/// turns the parameter into the field value.
fn parameter(argument: &Member) -> (TokenStream, TokenStream) {
    let item = item_type(&argument.ty);
    builder::parameter_of(&argument.rust_name, &item, argument.multiplicity, is_plain(&argument.ty), false)
}

fn request(method: &ir::Method) -> TokenStream {
    let name = ident(&method.request_type);
    let docs = doc_attrs(&method.request_docs, false);
    let deprecated = method.facts.deprecation.as_deref().map(|note| quote!(#[deprecated(note = #note)]));
    let derive_default = method.arguments.iter().all(|a| !a.required).then(|| quote!(Default,));
    let fields = method.arguments.iter().map(|argument| {
        let field = ident(&argument.rust_name);
        let docs = doc_attrs(&argument.docs, false);
        let ty = value_type(&argument.ty, argument.multiplicity);
        let ty = if argument.required { ty } else { quote!(Option<#ty>) };
        quote!(#docs pub #field: #ty,)
    });
    let constructor = constructor(method);
    let setters = method.arguments.iter().filter(|a| !a.required).map(|argument| {
        let (param, value) = parameter(argument);
        // The request type is `#[must_use]` itself.
        builder::setter_fn(&argument.rust_name, &param, &quote!(Some(#value)), false)
    });
    let method_impl = method_impl(method);
    let paginated_impl = paginated_impl(method);
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, #derive_default)]
        #[non_exhaustive]
        #[must_use = "a request does nothing until a client calls it"]
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
        impl rt::Paginated for #name {
            #[inline]
            fn set_cursor(&mut self, cursor: rt::types::Cursor) {
                self.#field = Some(cursor);
            }

            #[inline]
            fn next_cursor(response: &Self::Response) -> Option<&rt::types::Cursor> {
                response.response_metadata.as_ref()?.next_cursor()
            }
        }
    })
}

fn constructor(method: &ir::Method) -> TokenStream {
    let required: Vec<&Member> = method.arguments.iter().filter(|a| a.required).collect();
    if required.is_empty() {
        return quote! {
            /// A request with no argument set; set them with the setters.
            #[inline]
            pub fn new() -> Self {
                Self::default()
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
            quote!(#name: None)
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
        #[inline]
        pub fn new(#(#params),*) -> Self {
            Self { #(#inits),* }
        }
    }
}

fn method_impl(method: &ir::Method) -> TokenStream {
    let facts = &method.facts;
    let name = ident(&method.request_type);
    let response = ident(&method.response_type);
    let error = ident(&method.errors.name);
    let warning = ident(&method.warnings.name);
    let wire_name = &method.wire_name;
    let http_method = ident(match facts.http_method {
        ir::HttpMethod::Get => "Get",
        ir::HttpMethod::Post => "Post",
    });
    let content_types = facts.content_types.iter().map(|content_type| {
        let variant = ident(match content_type {
            ir::ContentType::FormUrlEncoded => "FormUrlEncoded",
            ir::ContentType::Json => "Json",
            ir::ContentType::MultipartFormData => "MultipartFormData",
        });
        quote!(rt::ContentType::#variant)
    });
    let rate_tier = ident(match facts.rate_tier {
        ir::RateTier::Tier1 => "Tier1",
        ir::RateTier::Tier2 => "Tier2",
        ir::RateTier::Tier3 => "Tier3",
        ir::RateTier::Tier4 => "Tier4",
        ir::RateTier::Special => "Special",
    });
    let scopes = |scopes: &Option<Vec<String>>| match scopes {
        Some(scopes) => quote!(Some(&[#(#scopes),*])),
        None => quote!(None),
    };
    let scopes = match (&facts.bot_scopes, &facts.user_scopes) {
        (Some(bot), Some(user)) if bot == user => quote!(rt::Scopes::same(&[#(#bot),*])),
        (bot, user) => {
            let (bot, user) = (scopes(bot), scopes(user));
            quote!(rt::Scopes::new(#bot, #user))
        }
    };
    let arguments = method.arguments.iter().map(|argument| {
        let name = &argument.wire_name;
        let argument_of = if argument.required {
            quote!(rt::Argument::required(#name))
        } else {
            quote!(rt::Argument::optional(#name))
        };
        match &argument.default {
            Some(default) => quote!(#argument_of.with_default(#default)),
            None => argument_of,
        }
    });
    let sample_response = &method.sample_response;
    let success_examples = (!method.success_examples.is_empty()).then(|| {
        let examples = &method.success_examples;
        quote!(const SUCCESS_EXAMPLES: &'static [&'static str] = &[#(#examples),*];)
    });
    let authenticated = facts.authenticated;
    let lifecycle = match &facts.deprecation {
        Some(note) => quote!(rt::Lifecycle::Deprecated { note: #note }),
        None => quote!(rt::Lifecycle::Stable),
    };
    let catalog = CATALOG_FEATURE;
    let (rate_limits, limit_channel) = rate_limits(&facts.rate_limits, &method.arguments);
    let writes: Vec<TokenStream> = method.arguments.iter().map(write_argument).collect();
    let check_limits = check_limits(&method.arguments);
    let args = if writes.is_empty() { quote!(_args) } else { quote!(args) };
    quote! {
        impl rt::Method for #name {
            const NAME: &'static str = #wire_name;
            const HTTP_METHOD: rt::HttpMethod = rt::HttpMethod::#http_method;
            const CONTENT_TYPES: &'static [rt::ContentType] = &[#(#content_types),*];
            const RATE_TIER: rt::RateTier = rt::RateTier::#rate_tier;
            const SCOPES: rt::Scopes = #scopes;
            const LIFECYCLE: rt::Lifecycle = #lifecycle;
            const AUTHENTICATED: bool = #authenticated;
            #rate_limits

            type Response = #response;
            type Error = #error;
            type Warning = #warning;

            fn write_args<W: rt::ArgWriter>(&self, #args: &mut W) -> rt::ArgResult {
                #(#writes)*
                Ok(())
            }

            #check_limits

            #limit_channel
        }

        #[cfg(feature = #catalog)]
        impl rt::Catalogued for #name {
            const ARGUMENTS: &'static [rt::Argument] = &[#(#arguments),*];
            const SAMPLE_RESPONSE: &'static str = #sample_response;
            #success_examples
        }
    }
}

/// `RATE_LIMITS` and `limit_channel`, for a method with limits beside its tier.
fn rate_limits(limits: &ir::RateLimits, arguments: &[ir::Member]) -> (Option<TokenStream>, Option<TokenStream>) {
    if limits.per_channel.is_none() && limits.non_marketplace.is_none() {
        return (None, None);
    }
    let quota = |quota: &ir::Quota| {
        let calls = proc_macro2::Literal::u32_unsuffixed(quota.calls_per_minute);
        let burst = proc_macro2::Literal::u32_unsuffixed(quota.burst);
        quote!(rt::limits::Quota::per_minute(#calls).with_burst(#burst))
    };
    let mut facts = quote!(rt::limits::RateLimitFacts::NONE);
    let mut limit_channel = None;
    if let Some((per_channel, argument)) = &limits.per_channel {
        let per_channel = quota(per_channel);
        facts = quote!(#facts.per_channel(#per_channel, #argument));
        let member = arguments.iter().find(|member| member.wire_name == *argument);
        limit_channel = member.map(|member| {
            let field = ident(&member.rust_name);
            let channel = if member.required {
                quote!(Some(self.#field.as_str()))
            } else {
                quote!(self.#field.as_ref().map(|channel| channel.as_str()))
            };
            quote! {
                #[inline]
                fn limit_channel(&self) -> Option<&str> {
                    #channel
                }
            }
        });
    }
    if let Some((non_marketplace, max_limit)) = &limits.non_marketplace {
        let non_marketplace = quota(non_marketplace);
        let max_limit = match max_limit {
            Some(max) => {
                let max = proc_macro2::Literal::u32_unsuffixed(*max);
                quote!(Some(#max))
            }
            None => quote!(None),
        };
        facts = quote!(#facts.non_marketplace(#non_marketplace, #max_limit));
    }
    (Some(quote!(const RATE_LIMITS: rt::limits::RateLimitFacts = #facts;)), limit_channel)
}

/// `check_limits`, for a method with arguments Slack limits: the objects its JSON
/// arguments hold (their number, and their own limits), and the length of its text.
fn check_limits(arguments: &[ir::Member]) -> Option<TokenStream> {
    let checks: Vec<TokenStream> = arguments
        .iter()
        .filter_map(|argument| {
            let limits = &argument.limits;
            let wire = &argument.wire_name;
            let rust = ident(&argument.rust_name);
            let (min_items, max_items) = (bound(limits.bounds.min_items), bound(limits.bounds.max_items));
            if limits.held {
                // Typed objects (blocks, a view): their number, then their own limits.
                let count = match (argument.multiplicity, argument.required) {
                    (Multiplicity::One, _) => None,
                    (_, true) => Some(quote!(Some(self.#rust.len()))),
                    (_, false) => Some(quote!(self.#rust.as_ref().map(Vec::len))),
                };
                let items = count
                    .filter(|_| limits.bounds.limits_items())
                    .map(|count| quote!(__check.items(#wire, #count, #min_items, #max_items);));
                let nested = limits.nested.then(|| quote!(__check.nested(#wire, &self.#rust);));
                (items.is_some() || nested.is_some()).then(|| quote!(#items #nested))
            } else if limits.bounds.limits_length() {
                let (min, max) = (bound(limits.bounds.min_length), bound(limits.bounds.max_length));
                let text =
                    if argument.required { quote!(Some(self.#rust.as_str())) } else { quote!(self.#rust.as_deref()) };
                Some(quote!(__check.length(#wire, #text, #min, #max);))
            } else {
                None
            }
        })
        .collect();
    (!checks.is_empty()).then(|| {
        // Inline, so that checking the objects is compiled only into a crate that calls
        // the method.
        quote! {
            #[inline]
            fn check_limits(&self, __check: &mut rt::validate::Check<'_>) {
                #(#checks)*
            }
        }
    })
}

/// The statement that writes one argument (nothing when it is an unset option): each
/// value's type knows how it is sent.
fn write_argument(argument: &Member) -> TokenStream {
    let wire = &argument.wire_name;
    let field = ident(&argument.rust_name);
    // Slack objects (blocks, a view) are sent JSON-encoded.
    match (argument.limits.held, argument.required) {
        (true, true) => quote!(args.json(#wire, &self.#field)?;),
        (true, false) => quote! {
            if let Some(value) = &self.#field {
                args.json(#wire, value)?;
            }
        },
        (false, _) => quote!(args.put(#wire, &self.#field)?;),
    }
}

fn response(method: &ir::Method) -> TokenStream {
    match &method.response {
        Some(response) => record::tokens(response),
        // An answer the spec documents no field of is the runtime's, with the warnings.
        None => {
            let name = ident(&method.response_type);
            let warning = ident(&method.warnings.name);
            let docs = doc_attrs(&method.response_docs, false);
            quote! {
                #docs
                pub type #name = rt::Acknowledged<#warning>;
            }
        }
    }
}

/// `use` items for the runtime and the shared objects the module's members use.
fn imports(method: &ir::Method) -> TokenStream {
    let response_fields = method.response.iter().flat_map(|response| &response.fields);
    let record_fields = method.records.iter().flat_map(|record| &record.fields);
    types::imports(method.arguments.iter().chain(response_fields).chain(record_fields), &[])
}

//! The error and warning enums: one variant per documented code, plus `Unknown`.

use proc_macro2::TokenStream;
use quote::quote;

use super::{doc_attrs, ident};
use crate::ir;

/// The enum named `name`, its `Code` implementation, `Display`, `Error` (for errors)
/// and `FromStr`.
pub fn tokens(name: &str, docs: &[String], codes: &[ir::Code], is_error: bool) -> TokenStream {
    let name = ident(name);
    let docs = doc_attrs(docs, false);
    let variants: Vec<_> = codes.iter().map(|code| ident(&code.variant)).collect();
    let variant_docs = codes.iter().map(|code| doc_attrs(&code.docs, false));
    let wires: Vec<&str> = codes.iter().map(|code| code.wire.as_str()).collect();
    let descriptions = codes.iter().map(|code| code.description.as_str());
    let error_impl = is_error.then(|| quote!(impl ::std::error::Error for #name {}));
    // With no documented code, each match would have the one `Unknown` arm.
    let (from_code, code, description) = if codes.is_empty() {
        (
            quote!(Self::Unknown(::typed_slack_runtime::UnknownCode::new(code))),
            quote! {
                let Self::Unknown(code) = self;
                code.as_str()
            },
            quote!(::core::option::Option::None),
        )
    } else {
        (
            quote! {
                match code {
                    #(#wires => Self::#variants,)*
                    _ => Self::Unknown(::typed_slack_runtime::UnknownCode::new(code)),
                }
            },
            quote! {
                match self {
                    #(Self::#variants => #wires,)*
                    Self::Unknown(code) => code.as_str(),
                }
            },
            quote! {
                match self {
                    #(Self::#variants => ::core::option::Option::Some(#descriptions),)*
                    Self::Unknown(_) => ::core::option::Option::None,
                }
            },
        )
    };
    quote! {
        #docs
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash)]
        #[non_exhaustive]
        pub enum #name {
            #(
                #variant_docs
                #variants,
            )*
            /// A code the spec does not document, kept as Slack sent it.
            Unknown(::typed_slack_runtime::UnknownCode),
        }

        impl ::typed_slack_runtime::Code for #name {
            const DOCUMENTED: &'static [&'static str] = &[#(#wires),*];

            fn from_code(code: &str) -> Self {
                #from_code
            }

            fn code(&self) -> &str {
                #code
            }

            fn description(&self) -> ::core::option::Option<&'static str> {
                #description
            }
        }

        impl ::core::fmt::Display for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                let code = <Self as ::typed_slack_runtime::Code>::code(self);
                match <Self as ::typed_slack_runtime::Code>::description(self) {
                    ::core::option::Option::Some(description) => ::core::write!(f, "{code}: {description}"),
                    ::core::option::Option::None => f.write_str(code),
                }
            }
        }

        #error_impl

        impl ::core::str::FromStr for #name {
            type Err = ::core::convert::Infallible;

            fn from_str(code: &str) -> ::core::result::Result<Self, Self::Err> {
                ::core::result::Result::Ok(<Self as ::typed_slack_runtime::Code>::from_code(code))
            }
        }
    }
}

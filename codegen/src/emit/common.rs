//! The runtime's `common` module: the codes every method can answer, once, as enums
//! without a fallback (a code outside the set is the method enum's `Unknown`), and the
//! limits Slack applies to every call.
//!
//! The module is part of the runtime crate, so it names the runtime as `crate`.

use proc_macro2::TokenStream;
use quote::quote;

use super::{doc_attrs, ident};
use crate::ir;

/// The whole module.
pub fn tokens(common: &ir::CommonCodes) -> TokenStream {
    let docs = doc_attrs(&common.module_docs, true);
    let errors = set(&common.errors);
    let warnings = set(&common.warnings);
    let limit = proc_macro2::Literal::usize_unsuffixed(common.argument_name_length);
    quote! {
        #docs

        use crate::{CommonCode, Documented, UnknownCode};

        /// The longest argument name Slack accepts, in bytes: it answers
        /// `invalid_arg_name` to longer ones.
        pub const MAX_ARGUMENT_NAME_LEN: usize = #limit;

        #errors
        #warnings
    }
}

fn set(set: &ir::CodeSet) -> TokenStream {
    let name = ident(&set.name);
    let docs = doc_attrs(&set.docs, false);
    let variants: Vec<_> = set.codes.iter().map(|code| ident(&code.variant)).collect();
    let variant_docs = set.codes.iter().map(|code| doc_attrs(&code.docs, false));
    let wires: Vec<&str> = set.codes.iter().map(|code| code.wire.as_str()).collect();
    let descriptions = set.codes.iter().map(|code| code.description.as_str());
    // The variants are in the order of `DOCUMENTED`: a variant's discriminant is its
    // index. An empty set has no variant to cast.
    let (index, from_code) = if set.codes.is_empty() {
        (quote!(match self {}), quote!(None))
    } else {
        let from_code = quote! {
            match code {
                #(#wires => Some(Self::#variants),)*
                _ => None,
            }
        };
        (quote!(self as usize), from_code)
    };
    quote! {
        #docs
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #name {
            #(#variant_docs #variants,)*
        }

        impl CommonCode for #name {
            const DOCUMENTED: &'static [Documented] = &[
                #(Documented { code: #wires, description: #descriptions },)*
            ];

            fn from_code(code: &str) -> Option<Self> {
                #from_code
            }

            fn code(self) -> &'static str {
                Self::DOCUMENTED[#index].code
            }

            fn description(self) -> &'static str {
                Self::DOCUMENTED[#index].description
            }
        }

        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}: {}", self.code(), self.description())
            }
        }

        impl std::str::FromStr for #name {
            type Err = UnknownCode;

            fn from_str(code: &str) -> Result<Self, Self::Err> {
                Self::from_code(code).ok_or_else(|| UnknownCode::new(code))
            }
        }
    }
}

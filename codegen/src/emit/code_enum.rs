//! A method's error and warning enums: one variant per code the method documents
//! itself, `Common` for the codes every method can answer, and `Unknown`.

use proc_macro2::TokenStream;
use quote::quote;

use super::{doc_attrs, ident};
use crate::ir;

/// Where the tables of the common codes are, from a method's module file.
const COMMON_TABLE_DIR: &str = "../";

/// The enum, its `Code` implementation, `Display`, `Error` (for errors), `FromStr`,
/// and `From` the common codes. `common` names the runtime's enum of common codes.
pub fn tokens(code_enum: &ir::CodeEnum, common: &str, is_error: bool) -> TokenStream {
    let name = ident(&code_enum.name);
    let common = ident(common);
    let docs_before = doc_attrs(&code_enum.docs, false);
    let table = code_enum.common_table.as_ref().map(|file| {
        let path = format!("{COMMON_TABLE_DIR}{file}");
        quote!(#[doc = include_str!(#path)])
    });
    let docs_after = doc_attrs(&code_enum.docs_after, false);
    let docs = quote! {
        #docs_before
        #table
        #docs_after
    };
    if code_enum.is_common_only() {
        return quote! {
            #docs
            pub type #name = rt::CommonOnly<rt::#common>;
        };
    }
    let variants: Vec<_> = code_enum.own.iter().map(|code| ident(&code.variant)).collect();
    let variant_docs = code_enum.own.iter().map(|code| doc_attrs(&code.docs, false));
    let wires: Vec<&str> = code_enum.own.iter().map(|code| code.wire.as_str()).collect();
    let documented = code_enum.own.iter().chain(&code_enum.redescribed).map(|code| {
        let (wire, description) = (&code.wire, &code.description);
        quote!(rt::Documented::new(#wire, #description))
    });
    let answers_common = code_enum.answers_common;
    // The trait's default is true: say it only when the method does not.
    let answers_common_const = (!answers_common).then(|| {
        quote!(
            const ANSWERS_COMMON: bool = false;
        )
    });
    let (common_variant, other, common_arm) = if answers_common {
        (
            quote! {
                /// A code every method can answer.
                Common(rt::#common),
            },
            quote!(rt::decode_other(code, Self::Common, Self::Unknown)),
            quote!(Self::Common(code) => rt::CommonCode::code(*code),),
        )
    } else {
        (quote!(), quote!(Self::Unknown(rt::UnknownCode::new(code))), quote!())
    };
    // The standard traits come through `Code`, and `From` the common codes where the
    // enum has a variant for them.
    let kind = ident(if is_error { "error" } else { "warning" });
    let from_common = answers_common.then(|| quote!(, #common));
    let traits = quote!(rt::code_traits!(#name, #kind #from_common););
    // With no variant of its own and no common one, each match would have one arm.
    let from_code = if wires.is_empty() {
        other
    } else {
        quote! {
            match code {
                #(#wires => Self::#variants,)*
                _ => #other,
            }
        }
    };
    let code = if wires.is_empty() && !answers_common {
        quote! {
            let Self::Unknown(code) = self;
            code.as_str()
        }
    } else {
        quote! {
            match self {
                #(Self::#variants => #wires,)*
                #common_arm
                Self::Unknown(code) => code.as_str(),
            }
        }
    };
    quote! {
        #docs
        #[non_exhaustive]
        pub enum #name {
            #(
                #variant_docs
                #variants,
            )*
            #common_variant
            /// A code the spec does not document, kept as Slack sent it.
            Unknown(rt::UnknownCode),
        }

        impl rt::Code for #name {
            type Common = rt::#common;

            const DOCUMENTED: &'static [rt::Documented] = &[#(#documented),*];

            #answers_common_const

            #[inline]
            fn from_code(code: &str) -> Self {
                #from_code
            }

            #[inline]
            fn code(&self) -> &str {
                #code
            }

        }

        #traits
    }
}

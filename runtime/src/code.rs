//! Error and warning codes.

use std::fmt;
use std::hash::Hash;

/// A code as the spec documents it: as Slack sends it, with its description.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Documented {
    /// The code as Slack sends it (`"channel_not_found"`).
    pub code: &'static str,
    /// What it means, from the spec.
    pub description: &'static str,
}

impl Documented {
    /// A code and its description.
    pub const fn new(code: &'static str, description: &'static str) -> Self {
        Self { code, description }
    }
}

/// An error or warning code of a method, implemented by the generated enums.
///
/// Each code the method documents itself is a variant. The codes every method can
/// answer ([`CommonError`](crate::CommonError), [`CommonWarning`](crate::CommonWarning))
/// are in one variant that holds them, the same type for every method, so that code
/// written for any method can tell them apart without comparing strings:
///
/// ```
/// use typed_slack_runtime::{CallError, Code, CommonError, Method};
///
/// /// Whether the workspace is gone for good, whatever the method called.
/// fn workspace_is_gone<M: Method>(error: &CallError<M>) -> bool {
///     matches!(error.common_code(), Some(CommonError::TokenRevoked | CommonError::AccountInactive))
/// }
/// ```
///
/// Any other code Slack answers is kept in the enum's `Unknown` variant, so decoding a
/// code never fails and never loses it.
pub trait Code: fmt::Debug + fmt::Display + Clone + PartialEq + Eq + Send + Sync + 'static {
    /// The codes every method can answer, held by one variant.
    type Common: CommonCode;

    /// The codes the method documents itself, in spec order: its own codes, then the
    /// common codes it describes in its own words.
    const DOCUMENTED: &'static [Documented];

    /// Whether the method can also answer every code of [`Self::Common`]: true for
    /// every method that includes the common set, which all of Slack's do.
    const ANSWERS_COMMON: bool = true;

    /// Decodes a code as Slack sends it (`"invalid_auth"`).
    fn from_code(code: &str) -> Self;

    /// The code as Slack sends it.
    fn code(&self) -> &str;

    /// The code, when it is one that every method can answer.
    ///
    /// A method's own codes and its `Unknown` ones are never common codes (those decode
    /// into the `Common` variant), so the code alone tells.
    fn common(&self) -> Option<Self::Common> {
        if Self::ANSWERS_COMMON { Self::Common::from_code(self.code()) } else { None }
    }

    /// The description from the spec (in the method's own words where it has some), or
    /// `None` for a code the spec does not document.
    fn description(&self) -> Option<&'static str> {
        let code = self.code();
        Self::DOCUMENTED
            .iter()
            .find(|documented| documented.code == code)
            .map(|documented| documented.description)
            .or_else(|| self.common().map(CommonCode::description))
    }

    /// Whether the spec documents this code.
    fn is_documented(&self) -> bool {
        self.description().is_some()
    }

    /// Every code the method can answer, each once, with its description: those of
    /// [`Self::DOCUMENTED`], then the common codes it does not describe itself.
    fn all_documented() -> impl Iterator<Item = Documented> {
        let common = if Self::ANSWERS_COMMON { Self::Common::DOCUMENTED } else { &[] };
        let described_here = |code: &&Documented| Self::DOCUMENTED.iter().any(|own| own.code == code.code);
        Self::DOCUMENTED.iter().copied().chain(common.iter().filter(move |code| !described_here(code)).copied())
    }
}

/// A set of codes that every method can answer, generated once from
/// `spec/shared/common.yaml`: [`CommonError`](crate::CommonError) and
/// [`CommonWarning`](crate::CommonWarning).
pub trait CommonCode: fmt::Debug + fmt::Display + Copy + Eq + Hash + Send + Sync + 'static {
    /// Every code of the set, with its description, in spec order.
    const DOCUMENTED: &'static [Documented];

    /// The code's variant, or `None` when it is not in the set.
    fn from_code(code: &str) -> Option<Self>;

    /// The code as Slack sends it.
    fn code(self) -> &'static str;

    /// Its description from the spec.
    fn description(self) -> &'static str;
}

/// Implements, for a generated code enum, the standard traits every one of them has,
/// through its [`Code`] implementation: `Debug` (`Name("code")`), `Clone`,
/// `PartialEq` and `Eq` (by code), `Display` (`code: description`), `FromStr` (never
/// fails: an unknown code is kept), for errors `std::error::Error`, and `From` the
/// common codes when the enum has a `Common` variant to hold them.
///
/// ```ignore
/// typed_slack_runtime::code_traits!(ChatPostMessageError, error, CommonError);
/// typed_slack_runtime::code_traits!(ChatPostMessageWarning, warning, CommonWarning);
/// typed_slack_runtime::code_traits!(LegacyMethodError, error); // no `Common` variant
/// ```
#[macro_export]
macro_rules! code_traits {
    ($name:ident, $kind:ident, $common:ident) => {
        $crate::code_traits!($name, $kind);

        impl ::std::convert::From<$crate::$common> for $name {
            #[inline]
            fn from(code: $crate::$common) -> Self {
                Self::Common(code)
            }
        }
    };
    ($name:ident, error) => {
        $crate::code_traits!($name, warning);

        impl ::std::error::Error for $name {}
    };
    ($name:ident, warning) => {
        // Through the code, not variant by variant: the same behaviour for less code to
        // compile. Two values are equal when their codes are; a clone decodes the code.
        impl ::std::fmt::Debug for $name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_tuple(::std::stringify!($name)).field(&<Self as $crate::Code>::code(self)).finish()
            }
        }

        impl ::std::clone::Clone for $name {
            #[inline]
            fn clone(&self) -> Self {
                <Self as $crate::Code>::from_code(<Self as $crate::Code>::code(self))
            }
        }

        impl ::std::cmp::PartialEq for $name {
            #[inline]
            fn eq(&self, other: &Self) -> bool {
                <Self as $crate::Code>::code(self) == <Self as $crate::Code>::code(other)
            }
        }

        impl ::std::cmp::Eq for $name {}

        impl ::std::fmt::Display for $name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $crate::display_code(self, f)
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;

            #[inline]
            fn from_str(code: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(<Self as $crate::Code>::from_code(code))
            }
        }
    };
}

/// `code: description`, or the bare code when the spec does not document it: how every
/// generated code enum displays.
///
/// # Errors
///
/// When the formatter does.
pub fn display_code<C: Code>(code: &C, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    match code.description() {
        Some(description) => write!(f, "{}: {description}", code.code()),
        None => f.write_str(code.code()),
    }
}

/// The variant of a code that a method does not document itself: `common` when it is a
/// code every method can answer and the method answers them, `unknown` otherwise.
/// Generated `from_code` implementations end with it.
pub fn decode_other<C: Code>(
    code: &str,
    common: impl FnOnce(C::Common) -> C,
    unknown: impl FnOnce(UnknownCode) -> C,
) -> C {
    match C::Common::from_code(code) {
        Some(shared) if C::ANSWERS_COMMON => common(shared),
        _ => unknown(UnknownCode::new(code)),
    }
}

/// The error or warning codes of a method that documents none of its own: those every
/// method can answer, and any other kept as it was answered. Such a method's
/// `…Error` or `…Warning` type is this one.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CommonOnly<C: CommonCode> {
    /// A code every method can answer.
    Common(C),
    /// A code the spec does not document, kept as Slack sent it.
    Unknown(UnknownCode),
}

impl<C: CommonCode> Code for CommonOnly<C> {
    type Common = C;

    const DOCUMENTED: &'static [Documented] = &[];

    const ANSWERS_COMMON: bool = true;

    fn from_code(code: &str) -> Self {
        decode_other(code, Self::Common, Self::Unknown)
    }

    fn code(&self) -> &str {
        match self {
            Self::Common(code) => code.code(),
            Self::Unknown(code) => code.as_str(),
        }
    }

    fn common(&self) -> Option<C> {
        match self {
            Self::Common(code) => Some(*code),
            Self::Unknown(_) => None,
        }
    }
}

impl<C: CommonCode> fmt::Display for CommonOnly<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        display_code(self, f)
    }
}

impl<C: CommonCode> std::error::Error for CommonOnly<C> {}

impl<C: CommonCode> std::str::FromStr for CommonOnly<C> {
    type Err = std::convert::Infallible;

    fn from_str(code: &str) -> Result<Self, Self::Err> {
        Ok(Self::from_code(code))
    }
}

impl<C: CommonCode> From<C> for CommonOnly<C> {
    fn from(code: C) -> Self {
        Self::Common(code)
    }
}

/// A code Slack answered that the spec does not document.
///
/// Read it with [`UnknownCode::as_str`]; do not match on it. When a later version of
/// the spec documents the code, it decodes into its own variant instead.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct UnknownCode(Box<str>);

impl UnknownCode {
    /// Keeps a code as it was answered.
    pub fn new(code: &str) -> Self {
        Self(code.into())
    }

    /// The code as Slack sent it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

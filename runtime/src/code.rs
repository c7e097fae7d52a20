//! Error and warning codes.

use std::fmt;

/// An error or warning code of a method, implemented by the generated enums.
///
/// Every documented code is a variant; any other code Slack answers is kept in the
/// enum's `Unknown` variant, so decoding a code never fails and never loses it.
pub trait Code: fmt::Debug + fmt::Display + Clone + PartialEq + Send + Sync + 'static {
    /// Every code the spec documents, as Slack sends them, in spec order.
    const DOCUMENTED: &'static [&'static str];

    /// Decodes a code as Slack sends it (`"invalid_auth"`).
    fn from_code(code: &str) -> Self;

    /// The code as Slack sends it.
    fn code(&self) -> &str;

    /// The description from the spec, or `None` for a code the spec does not document.
    fn description(&self) -> Option<&'static str>;

    /// Whether the spec documents this code.
    fn is_documented(&self) -> bool {
        self.description().is_some()
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

//! The Slack token, kept out of URLs, bodies, logs and Debug output.

use std::fmt;

use http::HeaderValue;

/// A Slack token (`xoxb-…`, `xoxp-…`, …).
///
/// The client sends it only as the `Authorization: Bearer …` header, marked sensitive so
/// HTTP libraries do not print it. It never goes into a URL, a request body or a log
/// line, and it redacts itself in `Debug` and `Display`: `Token(xoxb-<redacted>)`.
///
/// There is deliberately no way to read the secret back out.
#[derive(Clone)]
pub struct Token {
    /// `Bearer <token>`, marked sensitive.
    authorization: HeaderValue,
    /// The token type prefix (`xoxb`), shown in Debug output, when the token has one.
    kind: Option<&'static str>,
}

/// Why a token could not be had.
///
/// The messages name the environment variable, never the token.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TokenError {
    /// The environment variable is not set.
    #[error("the environment variable {var} is not set; it should hold a Slack token")]
    Missing {
        /// The variable's name.
        var: String,
    },
    /// The environment variable is set but is not valid Unicode.
    #[error("the environment variable {var} is not valid Unicode")]
    NotUnicode {
        /// The variable's name.
        var: String,
    },
    /// The token is empty or only whitespace.
    #[error("the Slack token is empty")]
    Empty,
    /// The token has whitespace or control characters inside it, so it cannot be sent
    /// in an HTTP header.
    #[error("the Slack token contains whitespace or control characters")]
    Malformed,
}

/// The token type prefixes Slack uses, shown in Debug output since they are not secret;
/// `xoxe.` starts the rotating tokens.
const KNOWN_KINDS: &[&str] = &["xoxe.xoxb", "xoxe.xoxp", "xoxb", "xoxp", "xoxa", "xoxe", "xoxr", "xoxs", "xapp"];

impl Token {
    /// Wraps a token. Whitespace around it (a trailing newline from a file) is dropped.
    ///
    /// # Errors
    ///
    /// [`TokenError::Empty`] for an empty token, [`TokenError::Malformed`] for one with
    /// whitespace or control characters inside.
    pub fn new(token: impl Into<String>) -> Result<Self, TokenError> {
        let token = token.into();
        let token = token.trim();
        if token.is_empty() {
            return Err(TokenError::Empty);
        }
        if token.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(TokenError::Malformed);
        }
        let mut authorization = HeaderValue::try_from(format!("Bearer {token}")).map_err(|_| TokenError::Malformed)?;
        authorization.set_sensitive(true);
        let kind =
            KNOWN_KINDS.iter().copied().find(|kind| token.strip_prefix(kind).is_some_and(|rest| rest.starts_with('-')));
        Ok(Self { authorization, kind })
    }

    /// Reads a token from the environment variable `var` (`SLACK_TOKEN`, say).
    ///
    /// # Errors
    ///
    /// When the variable is unset or not Unicode, and as [`Token::new`].
    pub fn from_env(var: &str) -> Result<Self, TokenError> {
        match std::env::var(var) {
            Ok(token) => Self::new(token),
            Err(std::env::VarError::NotPresent) => Err(TokenError::Missing { var: var.to_owned() }),
            Err(std::env::VarError::NotUnicode(_)) => Err(TokenError::NotUnicode { var: var.to_owned() }),
        }
    }

    /// The `Authorization` header value, `Bearer <token>`, marked sensitive.
    pub(crate) fn authorization(&self) -> HeaderValue {
        self.authorization.clone()
    }
}

impl Token {
    /// What tells tokens apart in the rate limiter's keys: a hash, so that no store (in
    /// the process or in Redis) holds a secret. It is FNV-1a, a fixed algorithm, so that
    /// every process, whatever it was built with, counts a token under the same key.
    /// (Two tokens of one hash would share a count: harmless.)
    pub(crate) fn key(&self) -> u64 {
        crate::limits::scope_of(self.authorization.as_bytes())
    }
}

/// Tokens are equal when their secrets are: to tell whether a token was replaced (by
/// rotation) since a call was made with it.
impl PartialEq for Token {
    fn eq(&self, other: &Self) -> bool {
        self.authorization == other.authorization
    }
}

impl Eq for Token {}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            Some(kind) => write!(f, "Token({kind}-<redacted>)"),
            None => f.write_str("Token(<redacted>)"),
        }
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

/// Whether an argument or field named `name` holds a secret by its name, to be redacted
/// wherever it is shown: `token`, the OAuth `code`, and any `…_token` or `…_secret`
/// (`access_token`, `refresh_token`, `client_secret`). The generated types mark their
/// secret fields from the spec; this rule is for JSON without types.
pub fn is_secret_name(name: &str) -> bool {
    name == "token" || name == "code" || name.ends_with("_token") || name.ends_with("_secret")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_the_secret_but_shows_the_token_type() {
        let token = Token::new("xoxb-1234-secret").unwrap();
        assert_eq!(format!("{token:?}"), "Token(xoxb-<redacted>)");
        assert_eq!(token.to_string(), "Token(xoxb-<redacted>)");
        assert_eq!(format!("{:?}", Token::new("opaque-secret").unwrap()), "Token(<redacted>)");
        assert_eq!(format!("{:?}", Token::new("xoxbsecret").unwrap()), "Token(<redacted>)");
        let rotating = Token::new("xoxe.xoxb-1-secret").unwrap();
        assert_eq!(format!("{rotating:?}"), "Token(xoxe.xoxb-<redacted>)");
    }

    #[test]
    fn a_tokens_key_is_the_same_in_every_process() {
        // FNV-1a of "Bearer xoxb-1": a fixed value, not the hasher of this build.
        assert_eq!(Token::new("xoxb-1").unwrap().key(), 0x1582_468f_7cbb_c235);
        assert_ne!(Token::new("xoxb-1").unwrap().key(), Token::new("xoxb-2").unwrap().key());
    }

    #[test]
    fn tokens_are_equal_when_their_secrets_are() {
        assert_eq!(Token::new("xoxb-1").unwrap(), Token::new(" xoxb-1\n").unwrap());
        assert_ne!(Token::new("xoxb-1").unwrap(), Token::new("xoxb-2").unwrap());
    }

    #[test]
    fn builds_a_sensitive_bearer_header() {
        let header = Token::new(" xoxp-1-secret\n").unwrap().authorization();
        assert_eq!(header, "Bearer xoxp-1-secret");
        assert!(header.is_sensitive());
        assert_eq!(format!("{header:?}"), "Sensitive");
    }

    #[test]
    fn rejects_empty_and_malformed_tokens() {
        assert_eq!(Token::new("  ").unwrap_err(), TokenError::Empty);
        assert_eq!(Token::new("xoxb-1 2").unwrap_err(), TokenError::Malformed);
        assert_eq!(Token::new("xoxb-1\u{7f}2").unwrap_err(), TokenError::Malformed);
    }
}

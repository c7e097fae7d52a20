//! The tokens the fake accepts, and finding a request's token.

use std::collections::HashMap;
use std::fmt;

use http::HeaderMap;
use http::header::AUTHORIZATION;
use tokio::time::Instant;

/// The kind of a token, which decides the methods it may call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenKind {
    /// A bot token (`xoxb-…`).
    Bot,
    /// A user token (`xoxp-…`).
    User,
}

impl TokenKind {
    /// The kind a token's prefix tells: `xoxb-` (or `xoxe.xoxb-`, rotating) is a bot
    /// token, any other a user token.
    pub fn infer(token: &str) -> Self {
        let token = token.strip_prefix("xoxe.").unwrap_or(token);
        if token.starts_with("xoxb-") { Self::Bot } else { Self::User }
    }
}

impl fmt::Display for TokenKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Bot => "bot",
            Self::User => "user",
        })
    }
}

/// Where a request carried its token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenSource {
    /// The `Authorization: Bearer …` header.
    Header,
    /// A `token` field of a form body.
    FormField,
}

/// The tokens registered with a fake, by secret. Its `Debug` output shows no secret.
#[derive(Default)]
pub(crate) struct Tokens(HashMap<String, Grant>);

/// What a registered token may do, and until when.
#[derive(Debug, Clone, Copy)]
struct Grant {
    kind: TokenKind,
    /// When a rotating token expires; `None` for a token that does not.
    expires_at: Option<Instant>,
}

impl Tokens {
    pub(crate) fn insert(&mut self, token: &str, kind: TokenKind) {
        self.0.insert(token.trim().to_owned(), Grant { kind, expires_at: None });
    }

    /// Registers a rotating token, which expires at `expires_at`.
    pub(crate) fn insert_until(&mut self, token: &str, kind: TokenKind, expires_at: Instant) {
        self.0.insert(token.trim().to_owned(), Grant { kind, expires_at: Some(expires_at) });
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The kind of `token` at `now`, or the code Slack answers: `invalid_auth` for a
    /// token it does not know, `token_expired` for one past its expiry.
    pub(crate) fn check(&self, token: &str, now: Instant) -> Result<TokenKind, &'static str> {
        let grant = self.0.get(token).ok_or("invalid_auth")?;
        match grant.expires_at {
            Some(expires_at) if expires_at <= now => Err("token_expired"),
            _ => Ok(grant.kind),
        }
    }
}

impl fmt::Debug for Tokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.keys().map(|token| Redacted(token))).finish()
    }
}

/// A token as `Debug` shows it: its type prefix only (`xoxb-<redacted>`), like the
/// runtime's `Token`.
pub(crate) struct Redacted<'a>(pub(crate) &'a str);

impl fmt::Debug for Redacted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.split_once('-') {
            Some((prefix, _)) if prefix.starts_with("xox") || prefix == "xapp" => write!(f, "{prefix}-<redacted>"),
            _ => f.write_str("<redacted>"),
        }
    }
}

/// The token of the `Authorization: Bearer …` header, if there is one.
pub(crate) fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?.trim();
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// The app's client ID and secret from an `Authorization: Basic` header, as Slack's
/// Python SDK sends them to `oauth.v2.access`.
pub(crate) fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    use base64::Engine;
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?.trim();
    let (scheme, encoded) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = base64::engine::general_purpose::STANDARD.decode(encoded.trim()).ok()?;
    let (id, secret) = String::from_utf8(decoded).ok()?.split_once(':').map(|(a, b)| (a.to_owned(), b.to_owned()))?;
    Some((id, secret))
}

#[cfg(test)]
mod tests {
    use http::HeaderValue;

    use super::*;

    #[test]
    fn the_prefix_tells_the_kind() {
        assert_eq!(TokenKind::infer("xoxb-1-2"), TokenKind::Bot);
        assert_eq!(TokenKind::infer("xoxp-1-2"), TokenKind::User);
        assert_eq!(TokenKind::infer("xoxe.xoxb-1-2"), TokenKind::Bot);
        assert_eq!(TokenKind::infer("opaque"), TokenKind::User);
    }

    #[test]
    fn debug_output_shows_no_secret() {
        let mut tokens = Tokens::default();
        tokens.insert("xoxb-1-SECRET", TokenKind::Bot);
        tokens.insert("SECRET", TokenKind::User);
        let debug = format!("{tokens:?}");
        assert!(!debug.contains("SECRET"), "{debug}");
        assert!(debug.contains("xoxb-<redacted>"), "{debug}");
    }

    #[test]
    fn a_rotating_token_expires() {
        let now = Instant::now();
        let mut tokens = Tokens::default();
        tokens.insert_until("xoxe.xoxb-1", TokenKind::Bot, now + std::time::Duration::from_secs(60));
        assert_eq!(tokens.check("xoxe.xoxb-1", now), Ok(TokenKind::Bot));
        assert_eq!(tokens.check("xoxe.xoxb-1", now + std::time::Duration::from_secs(60)), Err("token_expired"));
        assert_eq!(tokens.check("xoxb-unknown", now), Err("invalid_auth"));
    }

    #[test]
    fn reads_bearer_tokens_only() {
        let mut headers = HeaderMap::new();
        assert_eq!(bearer_token(&headers), None);
        headers.insert(AUTHORIZATION, HeaderValue::from_static("bearer xoxb-1"));
        assert_eq!(bearer_token(&headers), Some("xoxb-1"));
        headers.insert(AUTHORIZATION, HeaderValue::from_static("Basic eG94Yi0x"));
        assert_eq!(bearer_token(&headers), None);
        headers.insert(AUTHORIZATION, HeaderValue::from_static("Bearer "));
        assert_eq!(bearer_token(&headers), None);
    }
}

//! The facts of a method, as written in its spec and known at compile time.

use std::fmt;

/// The HTTP method Slack prefers for a Web API method.
///
/// Slack accepts both for almost every method; this is the one its documentation names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum HttpMethod {
    /// `GET`, arguments in the query string.
    Get,
    /// `POST`, arguments in the body.
    Post,
}

impl HttpMethod {
    /// The method as it appears on the wire.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
        }
    }
}

impl fmt::Display for HttpMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A request body encoding that a method accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ContentType {
    /// `application/x-www-form-urlencoded`, which every method accepts.
    FormUrlEncoded,
    /// `application/json`, accepted by some methods only.
    Json,
    /// `multipart/form-data`, for uploads.
    MultipartFormData,
}

impl ContentType {
    /// The media type, without parameters.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::FormUrlEncoded => "application/x-www-form-urlencoded",
            Self::Json => "application/json",
            Self::MultipartFormData => "multipart/form-data",
        }
    }

    /// Whether `application/json` is among `content_types`: whether a method that
    /// accepts them takes a JSON body.
    pub const fn includes_json(content_types: &[ContentType]) -> bool {
        let mut index = 0;
        while index < content_types.len() {
            if matches!(content_types[index], Self::Json) {
                return true;
            }
            index += 1;
        }
        false
    }
}

impl fmt::Display for ContentType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Slack's rate-limit tier of a method: how many calls per minute, per method, per
/// workspace, per app it allows before answering HTTP 429.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum RateTier {
    /// Tier 1: 1+ per minute.
    Tier1,
    /// Tier 2: 20+ per minute.
    Tier2,
    /// Tier 3: 50+ per minute.
    Tier3,
    /// Tier 4: 100+ per minute.
    Tier4,
    /// Special limits, described on the method's page (e.g. one message per second per
    /// channel for `chat.postMessage`).
    Special,
}

impl RateTier {
    /// The documented minimum number of calls per minute the tier allows, or `None` for
    /// special limits.
    pub const fn calls_per_minute(self) -> Option<u32> {
        match self {
            Self::Tier1 => Some(1),
            Self::Tier2 => Some(20),
            Self::Tier3 => Some(50),
            Self::Tier4 => Some(100),
            Self::Special => None,
        }
    }
}

impl fmt::Display for RateTier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Tier1 => f.write_str("Tier 1"),
            Self::Tier2 => f.write_str("Tier 2"),
            Self::Tier3 => f.write_str("Tier 3"),
            Self::Tier4 => f.write_str("Tier 4"),
            Self::Special => f.write_str("Special"),
        }
    }
}

/// The token types a method works with, and the OAuth scopes each needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Scopes {
    /// The scopes a bot token (`xoxb-`) needs, or `None` when the spec does not say that
    /// bot tokens can call the method.
    pub bot: Option<&'static [&'static str]>,
    /// The scopes a user token (`xoxp-`) needs, or `None` when the spec does not say that
    /// user tokens can call the method.
    pub user: Option<&'static [&'static str]>,
}

impl Scopes {
    /// The spec documents no token type for the method.
    pub const UNDOCUMENTED: Scopes = Scopes { bot: None, user: None };

    /// The same scopes for bot and user tokens.
    pub const fn same(scopes: &'static [&'static str]) -> Self {
        Self { bot: Some(scopes), user: Some(scopes) }
    }

    /// The scopes of each token type, `None` for a type the method does not work with.
    pub const fn new(bot: Option<&'static [&'static str]>, user: Option<&'static [&'static str]>) -> Self {
        Self { bot, user }
    }
}

/// One argument of a method, as the spec lists it (the token excluded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Argument {
    /// The wire name.
    pub name: &'static str,
    /// Whether a call must send it.
    pub required: bool,
    /// The value Slack takes when a call leaves it out, as the spec writes it (`100` for
    /// a `limit`).
    pub default: Option<&'static str>,
}

impl Argument {
    /// An argument a call must send.
    pub const fn required(name: &'static str) -> Self {
        Self { name, required: true, default: None }
    }

    /// An argument a call may leave out.
    pub const fn optional(name: &'static str) -> Self {
        Self { name, required: false, default: None }
    }

    /// The same argument, whose value Slack takes as `default` when a call leaves it out.
    pub const fn with_default(self, default: &'static str) -> Self {
        Self { default: Some(default), ..self }
    }
}

/// Where a method stands in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Lifecycle {
    /// Supported.
    Stable,
    /// Still answers, but Slack has retired it or plans to; the note says why and what
    /// to use instead.
    Deprecated {
        /// Slack's reason and advice.
        note: &'static str,
    },
}

impl Lifecycle {
    /// Whether the method is deprecated.
    pub const fn is_deprecated(self) -> bool {
        matches!(self, Self::Deprecated { .. })
    }
}

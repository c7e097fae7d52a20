//! The facts of a reference file: HTTP method, rate tier, token types and their
//! scopes, lifecycle.

use super::reference::Scope;
use super::values::shown;
use crate::import::report::Findings;
use crate::spec::model::{HttpMethod, Lifecycle, LifecycleStatus, RateTier, TokenScopes, TokenType};

/// The lifecycle note of a method the reference marks deprecated; the reference gives
/// no reason.
const DEPRECATED_NOTE: &str = "Slack's method reference marks this method as deprecated.";

/// The preferred HTTP method: `GET` or `POST`, else (reported) `POST`.
pub fn http_method(method: Option<&str>, findings: &mut Findings) -> HttpMethod {
    match method {
        Some("GET") => HttpMethod::Get,
        Some("POST") => HttpMethod::Post,
        Some(other) => {
            findings.push("", "http_method", format!("`{other}` is not GET or POST; the spec says POST"));
            HttpMethod::Post
        }
        None => {
            findings.push("", "http_method", "missing; the spec says POST");
            HttpMethod::Post
        }
    }
}

/// The rate tier of `rate_limits`: `t1`..`t4`, `t5` for special limits; anything else
/// is reported and special.
pub fn rate_tier(limits: Option<&str>, findings: &mut Findings) -> RateTier {
    match limits {
        Some("t1") => RateTier::Tier1,
        Some("t2") => RateTier::Tier2,
        Some("t3") => RateTier::Tier3,
        Some("t4") => RateTier::Tier4,
        Some("t5") => RateTier::Special,
        Some(other) => {
            findings.push("", "rate_limits", format!("non-standard limits ({other:?}); the tier is special"));
            RateTier::Special
        }
        None => {
            findings.push("", "rate_limits", "missing; the tier is special");
            RateTier::Special
        }
    }
}

/// The token types and their scopes: bot first, then user; a token type the
/// reference does not list is left out.
pub fn works_with(scope: Option<&Scope>, findings: &mut Findings) -> Vec<TokenScopes> {
    let scopes = match scope {
        Some(Scope::ByTokenType(scopes)) => scopes,
        Some(Scope::Other(value)) => {
            findings.push("", "scope", format!("not scopes by token type ({})", shown(value)));
            return Vec::new();
        }
        None => return Vec::new(),
    };
    for (token_type, list) in scopes.iter() {
        if !matches!(token_type, "bot" | "user") {
            let list = list.join(", ");
            findings.push(
                "scope",
                token_type,
                format!("a token type the spec format has no place for (scopes: {list})"),
            );
        }
    }
    [("bot", TokenType::Bot), ("user", TokenType::User)]
        .into_iter()
        .filter_map(|(key, token_type)| scopes.get(key).map(|list| TokenScopes { token_type, scopes: list.clone() }))
        .collect()
}

/// Deprecated when the reference says so.
pub fn lifecycle(deprecated: Option<bool>) -> Lifecycle {
    match deprecated {
        Some(true) => Lifecycle { status: LifecycleStatus::Deprecated, note: Some(DEPRECATED_NOTE.to_owned()) },
        _ => Lifecycle::default(),
    }
}

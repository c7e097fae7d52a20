//! The Facts of a page: the `| Name: | value |` lines (a table without a header, so
//! Markdown reads it as a paragraph) and the token types table under "Works with".

use super::blocks::{code_spans, plain_text};
use crate::import::report::Findings;
use crate::spec::model::{ContentType, HttpMethod, RateTier, TokenScopes, TokenType};
use crate::validate::API_BASE_URL;

/// Where reports point for the facts.
const AT: &str = "Facts";

/// The facts of a method.
#[derive(Debug, Clone)]
pub struct Facts {
    /// The method name, from its URL.
    pub method: String,
    /// The preferred HTTP method.
    pub http_method: HttpMethod,
    /// The accepted content types.
    pub content_types: Vec<ContentType>,
    /// The rate-limit tier.
    pub rate_tier: RateTier,
    /// The token types with their scopes.
    pub works_with: Vec<TokenScopes>,
}

/// The `(name, value)` pairs of a block of `| Name: | value |` lines, names without
/// their colon; `None` when the block is not such lines.
pub fn fact_lines(source: &str) -> Option<Vec<(String, String)>> {
    let mut facts = Vec::new();
    for line in source.lines().map(str::trim) {
        let inner = line.strip_prefix('|')?.trim_end_matches('|');
        let mut cells = inner.split('|').map(str::trim);
        let name = cells.next().unwrap_or_default().trim_end_matches(':').trim();
        if !name.is_empty() {
            facts.push((name.to_owned(), cells.next().unwrap_or_default().to_owned()));
        }
    }
    Some(facts)
}

/// The facts of `lines` and of the token types table `tokens` (its rows).
///
/// # Errors
///
/// When there is no method URL, or it is not a Web API method URL.
pub fn facts(lines: &[(String, String)], tokens: &[Vec<String>], findings: &mut Findings) -> Result<Facts, String> {
    let mut method = None;
    let mut http_method = None;
    let mut content_types = Vec::new();
    let mut rate_tier = None;
    for (name, value) in lines {
        match name.as_str() {
            "Method URL" => {
                let url = plain_text(value);
                let name = url
                    .strip_prefix(API_BASE_URL)
                    .ok_or_else(|| format!("the method URL `{url}` is not `{API_BASE_URL}<method>`"))?;
                method = Some(name.to_owned());
            }
            "Preferred HTTP method" => http_method = Some(plain_text(value)),
            "Accepted content types" => content_types = self::content_types(value, findings),
            "Rate limiting" => rate_tier = Some(self::rate_tier(&plain_text(value), findings)),
            "Works with" => {}
            other => {
                findings.push(AT, other, format!("a fact the spec format has no place for ({})", plain_text(value)))
            }
        }
    }
    let method = method.ok_or("the page has no `Method URL` fact")?;
    let http_method = match http_method.as_deref() {
        Some("GET") => HttpMethod::Get,
        Some("POST") => HttpMethod::Post,
        other => {
            findings.push(AT, "Preferred HTTP method", format!("{other:?} is not GET or POST; the spec says POST"));
            HttpMethod::Post
        }
    };
    if content_types.is_empty() {
        findings.push(AT, "Accepted content types", "none given; the spec says `application/x-www-form-urlencoded`");
        content_types.push(ContentType::FormUrlEncoded);
    }
    let rate_tier = rate_tier.unwrap_or_else(|| {
        findings.push(AT, "Rate limiting", "not given; the tier is special");
        RateTier::Special
    });
    Ok(Facts { method, http_method, content_types, rate_tier, works_with: works_with(tokens, findings) })
}

fn content_types(value: &str, findings: &mut Findings) -> Vec<ContentType> {
    let known = [ContentType::FormUrlEncoded, ContentType::Json, ContentType::MultipartFormData];
    let mut types = Vec::new();
    for name in code_spans(value) {
        match known.iter().find(|ty| ty.as_str() == name) {
            Some(ty) if !types.contains(ty) => types.push(*ty),
            Some(_) => {}
            None => findings.push(AT, "Accepted content types", format!("`{name}` has no place in the spec format")),
        }
    }
    types
}

fn rate_tier(text: &str, findings: &mut Findings) -> RateTier {
    match text.to_ascii_lowercase().as_str() {
        "tier 1" => RateTier::Tier1,
        "tier 2" => RateTier::Tier2,
        "tier 3" => RateTier::Tier3,
        "tier 4" => RateTier::Tier4,
        "special" => RateTier::Special,
        _ => {
            findings.push(AT, "Rate limiting", format!("non-standard limits ({text:?}); the tier is special"));
            RateTier::Special
        }
    }
}

/// The token types with their scopes, from the rows of the "Works with" table: bot
/// first, then user.
fn works_with(rows: &[Vec<String>], findings: &mut Findings) -> Vec<TokenScopes> {
    let mut bot = None;
    let mut user = None;
    for row in rows {
        let token_type = plain_text(row.first().map(String::as_str).unwrap_or_default());
        let cell = row.get(1).map(String::as_str).unwrap_or_default();
        let mut scopes = code_spans(cell);
        if scopes.is_empty() {
            scopes = plain_text(cell).split([',', ' ']).filter(|scope| !scope.is_empty()).map(str::to_owned).collect();
        }
        match token_type.to_ascii_lowercase().as_str() {
            "bot" => bot = Some(TokenScopes { token_type: TokenType::Bot, scopes }),
            "user" => user = Some(TokenScopes { token_type: TokenType::User, scopes }),
            _ => findings.push(
                &format!("{AT}.Works with"),
                &token_type,
                format!("a token type the spec format has no place for (scopes: {})", scopes.join(", ")),
            ),
        }
    }
    bot.into_iter().chain(user).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_fact_lines() {
        let lines = fact_lines("| Method URL: | `https://slack.com/api/a.b` |\n| Works with: |").unwrap();
        assert_eq!(
            lines,
            [
                ("Method URL".to_owned(), "`https://slack.com/api/a.b`".to_owned()),
                ("Works with".to_owned(), String::new())
            ]
        );
        assert_eq!(fact_lines("Not a fact."), None);
    }

    #[test]
    fn reads_tiers_content_types_and_tokens() {
        let mut findings = Findings::default();
        let lines = [
            ("Method URL".to_owned(), "`https://slack.com/api/chat.postMessage`".to_owned()),
            ("Preferred HTTP method".to_owned(), "`POST`".to_owned()),
            ("Accepted content types".to_owned(), "`application/x-www-form-urlencoded`, `application/json`".to_owned()),
            ("Rate limiting".to_owned(), "[Special](/docs/rate-limits#special)".to_owned()),
        ];
        let tokens = [
            vec![
                "[user](/authentication/token-types#user)".to_owned(),
                "[`chat:write`](/scopes/chat:write)".to_owned(),
            ],
            vec!["bot".to_owned(), "`chat:write`".to_owned()],
        ];
        let facts = facts(&lines, &tokens, &mut findings).unwrap();
        assert_eq!(facts.method, "chat.postMessage");
        assert_eq!(facts.content_types, [ContentType::FormUrlEncoded, ContentType::Json]);
        assert_eq!(facts.rate_tier, RateTier::Special);
        let token_types: Vec<TokenType> = facts.works_with.iter().map(|w| w.token_type).collect();
        assert_eq!(token_types, [TokenType::Bot, TokenType::User]);
        assert!(findings.into_vec().is_empty());
    }
}

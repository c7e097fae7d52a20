//! Pages of a list, with Slack's opaque cursors and the `limit` argument.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use super::Ctx;

/// The most items a page holds, whatever `limit` asks: Slack's list methods cap it at
/// 1,000.
const MOST: usize = 1_000;

/// The page size of a method whose spec gives `limit` no default.
const UNDOCUMENTED: usize = 100;

/// The page the call asks for of `items` (in the order the answer lists them): from the
/// item its `cursor` names, at most its `limit` (else the spec's default for the method),
/// and the cursor of the next page (empty on the last).
///
/// A cursor is the base64 of `KIND:KEY`, naming the first item of the next page by its
/// key, as Slack's cursors do (`dXNlcjpVMDYxTkZUVDI=` is `user:U061NFTT2`): so a page
/// stays right when items are added before it.
///
/// # Errors
///
/// `invalid_cursor` for a cursor the fake did not give or whose item is gone, and
/// `invalid_limit` for a `limit` that is not a number (`invalid_arguments` for a
/// method whose spec lists neither).
pub(crate) fn page<'a, T>(
    ctx: &Ctx<'_>,
    items: Vec<&'a T>,
    kind: &str,
    key: impl Fn(&T) -> &str,
) -> Result<(Vec<&'a T>, String), &'static str> {
    let limit = limit(ctx)?;
    let start = match ctx.arguments.text("cursor").filter(|cursor| !cursor.is_empty()) {
        None => 0,
        Some(cursor) => {
            let invalid = super::plays::listed(ctx, "invalid_cursor", "invalid_arguments");
            let wanted = decode(cursor, kind).ok_or(invalid)?;
            items.iter().position(|item| key(item) == wanted).ok_or(invalid)?
        }
    };
    let end = items.len().min(start.saturating_add(limit));
    let next = items.get(end).map(|item| STANDARD.encode(format!("{kind}:{}", key(item)))).unwrap_or_default();
    let page = items.into_iter().skip(start).take(end - start).collect();
    Ok((page, next))
}

/// The `limit` the call asks for (0 or absent: the method's default from its spec, else
/// [`UNDOCUMENTED`]), capped at [`MOST`], or at the page size of the app's cohort.
fn limit(ctx: &Ctx<'_>) -> Result<usize, &'static str> {
    let invalid = super::plays::listed(ctx, "invalid_limit", "invalid_arguments");
    let given = match ctx.arguments.get("limit") {
        None => None,
        Some(serde_json::Value::Number(number)) => Some(number.as_u64().ok_or(invalid)?),
        Some(serde_json::Value::String(text)) if text.is_empty() => None,
        Some(serde_json::Value::String(text)) => Some(text.trim().parse::<u64>().map_err(|_| invalid)?),
        Some(_) => return Err(invalid),
    };
    let default = || ctx.info.argument("limit").and_then(|argument| argument.default?.parse::<u64>().ok());
    // A default of 0 (`users.list`) is all of them, as far as a page goes.
    let limit = match given.filter(|limit| *limit > 0).or_else(default) {
        Some(0) => MOST,
        Some(limit) => usize::try_from(limit).unwrap_or(MOST),
        None => UNDOCUMENTED,
    };
    let most = ctx.max_items.map_or(MOST, |max| usize::try_from(max).unwrap_or(MOST).min(MOST));
    Ok(limit.min(most))
}

/// The key a cursor of `kind` names.
fn decode(cursor: &str, kind: &str) -> Option<String> {
    let decoded = String::from_utf8(STANDARD.decode(cursor).ok()?).ok()?;
    decoded.strip_prefix(kind)?.strip_prefix(':').map(str::to_owned)
}

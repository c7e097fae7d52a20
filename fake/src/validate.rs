//! The checks Slack makes of a call once it knows the method and has read the body:
//! the token's kind, the argument names, the required arguments.

use serde_json::Value;
use typed_slack_runtime::MethodInfo;

use crate::TokenKind;

/// The longest argument name accepted, as the spec says (`spec/shared/common.yaml`).
pub(crate) use typed_slack_runtime::MAX_ARGUMENT_NAME_LEN as MAX_ARGUMENT_NAME;

/// Whether a token of `kind` may call the method: `Err` with Slack's code when the
/// method documents only the other kind. A method that documents neither takes both.
///
/// A bot token is refused with `is_bot` when the method's own page documents that code,
/// else with `not_allowed_token_type`; a user token with `not_allowed_token_type`. The
/// common set lists `is_bot` for every method, but Slack means it for legacy bots
/// ("This method cannot be called by a legacy bot", in `slack-api/common-errors.json`):
/// a bot token today gets `not_allowed_token_type`.
pub(crate) fn token_kind(info: &MethodInfo, kind: TokenKind) -> Result<(), &'static str> {
    match (kind, info.scopes.bot, info.scopes.user) {
        (TokenKind::Bot, None, Some(_)) if info.documents_own_error("is_bot") => Err("is_bot"),
        (TokenKind::Bot, None, Some(_)) | (TokenKind::User, Some(_), None) => Err("not_allowed_token_type"),
        _ => Ok(()),
    }
}

/// `invalid_array_arg` for a PHP-style array name (`users[]`, `users[0]`), and
/// `invalid_arg_name` for a name with other characters than `A-Z`, `a-z`, `0-9` and `_`,
/// an empty one, or one longer than [`MAX_ARGUMENT_NAME`].
pub(crate) fn argument_names<'a>(mut names: impl Iterator<Item = &'a str>) -> Result<(), &'static str> {
    let word = |name: &str| !name.is_empty() && name.bytes().all(|byte| byte.is_ascii_alphanumeric() || byte == b'_');
    names.try_for_each(|name| {
        let array = name.strip_suffix(']').and_then(|rest| rest.split_once('[')).is_some_and(|(base, _)| word(base));
        if array {
            Err("invalid_array_arg")
        } else if !word(name) || name.len() > MAX_ARGUMENT_NAME {
            Err("invalid_arg_name")
        } else {
            Ok(())
        }
    })
}

/// Slack's `[ERROR] missing required field: NAME` for each required argument that is
/// absent, `null`, or an empty string, in spec order.
pub(crate) fn missing_required(info: &MethodInfo, arguments: &[(String, Value)]) -> Vec<String> {
    let present = |name: &str| {
        arguments.iter().rev().find(|(key, _)| key == name).is_some_and(|(_, value)| match value {
            Value::Null => false,
            Value::String(text) => !text.is_empty(),
            _ => true,
        })
    };
    info.arguments
        .iter()
        .filter(|argument| argument.required && !present(argument.name))
        .map(|argument| format!("[ERROR] missing required field: {}", argument.name))
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::testing;

    #[test]
    fn token_kinds_follow_the_documented_scopes() {
        let user_only = testing::user_only();
        assert_eq!(token_kind(&user_only, TokenKind::Bot), Err("is_bot"));
        assert_eq!(token_kind(&user_only, TokenKind::User), Ok(()));
        let both = testing::post();
        assert_eq!(token_kind(&both, TokenKind::Bot), Ok(()));
        assert_eq!(token_kind(&both, TokenKind::User), Ok(()));
    }

    #[test]
    fn argument_names_like_slacks() {
        assert_eq!(argument_names(["channel", "thread_ts", "X9"].into_iter()), Ok(()));
        assert_eq!(argument_names(["users[]"].into_iter()), Err("invalid_array_arg"));
        assert_eq!(argument_names(["users[0]"].into_iter()), Err("invalid_array_arg"));
        for bad in ["chan-nel", "", "a b", "é", "[x]"] {
            assert_eq!(argument_names([bad].into_iter()), Err("invalid_arg_name"), "{bad:?}");
        }
        let long = "a".repeat(MAX_ARGUMENT_NAME + 1);
        assert_eq!(argument_names([long.as_str()].into_iter()), Err("invalid_arg_name"));
    }

    #[test]
    fn required_arguments_must_have_a_value() {
        let info = testing::post();
        let arguments = |pairs: &[(&str, Value)]| -> Vec<(String, Value)> {
            pairs.iter().map(|(name, value)| ((*name).to_owned(), value.clone())).collect()
        };
        assert_eq!(
            missing_required(&info, &arguments(&[("text", json!("")), ("blocks", json!([]))])),
            ["[ERROR] missing required field: channel", "[ERROR] missing required field: text"]
        );
        assert!(missing_required(&info, &arguments(&[("channel", json!("C1")), ("text", json!("hi"))])).is_empty());
        assert_eq!(missing_required(&info, &arguments(&[("channel", json!(null)), ("text", json!(1))])).len(), 1);
    }
}

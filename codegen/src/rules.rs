//! The names a spec may hold, in one place: validation reports what breaks them, and
//! both importers skip (and report) such names instead of writing a bad file.
//!
//! The longest argument name is Slack's fact, so it is in the spec (`limits` of the
//! common set, which the fake Slack also enforces); [`DEFAULT_ARGUMENT_NAME_LENGTH`]
//! stands in where a spec does not say.

use crate::spec::model::ValueType;

/// The longest argument name when the common set does not say.
pub const DEFAULT_ARGUMENT_NAME_LENGTH: usize = 100;

/// Whether `name` is made of what Slack accepts in an argument name: one or more ASCII
/// letters, digits and `_`. Slack answers `invalid_arg_name` to anything else.
pub fn is_argument_word(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Whether `name` is an argument name the spec accepts: an argument word of at most
/// `max_length` bytes.
pub fn is_argument_name(name: &str, max_length: usize) -> bool {
    is_argument_word(name) && name.len() <= max_length
}

/// Whether `name` is a response field name the spec accepts: ASCII letters, digits,
/// `_` and `-`, with at least one letter or digit.
pub fn is_field_name(name: &str) -> bool {
    name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'))
        && name.chars().any(|c| c.is_ascii_alphanumeric())
}

/// Fields of an answer the runtime decodes itself, for every method: never response
/// fields of the spec.
pub const ENVELOPE_FIELDS: &[&str] = &["ok", "error", "warning", "response_metadata"];

/// The arguments and fields that hold secrets, which the importer types `secret`:
/// credentials and tokens by name, and a field named `parent.name` only within an
/// object field named `parent` (a webhook's `url` grants posting; other URLs do not).
pub const SECRET_FIELDS: &[&str] = &[
    "access_token",
    "assertion",
    "bot_access_token",
    "client_secret",
    "external_token",
    "code_verifier",
    "id_token",
    "refresh_token",
    "signing_secret",
    "verification_token",
    "incoming_webhook.url",
];

/// The kinds of IDs a text field holds when its name says so, which the importer types
/// as that ID: the word before a final `_id` or `_ids` (`user_id`, `bot_user_id`,
/// `shared_team_ids`), matched as a whole word. Recorded answers cannot tell, since
/// their values are placeholders.
pub const ID_FIELD_WORDS: &[(&str, ValueType)] = &[
    ("app", ValueType::AppId),
    ("bot", ValueType::BotId),
    ("channel", ValueType::ChannelId),
    ("enterprise", ValueType::EnterpriseId),
    ("file", ValueType::FileId),
    ("subteam", ValueType::UsergroupId),
    ("team", ValueType::TeamId),
    ("user", ValueType::UserId),
    ("usergroup", ValueType::UsergroupId),
];

/// The ID type a text field named `name` holds, by [`ID_FIELD_WORDS`].
pub fn id_field_type(name: &str) -> Option<ValueType> {
    let stem = name.strip_suffix("_ids").or_else(|| name.strip_suffix("_id"))?;
    let word = stem.rsplit('_').next()?;
    ID_FIELD_WORDS.iter().find(|(id_word, _)| *id_word == word).map(|(_, ty)| *ty)
}

/// Arguments that hold secrets beside [`SECRET_FIELDS`]: the OAuth `code` (a field
/// named `code` is an error code elsewhere).
pub const SECRET_ARGUMENTS: &[&str] = &["code"];

/// Whether a text field named `name`, within the object field `parent` (if any), holds
/// a secret.
pub fn is_secret_field(parent: Option<&str>, name: &str) -> bool {
    SECRET_FIELDS.iter().any(|secret| match secret.split_once('.') {
        Some((within, field)) => parent == Some(within) && field == name,
        None => *secret == name,
    })
}

/// The Block Kit text object: a length limit on a field that holds one (`text: {type:
/// plain_text, text: ...}`) is on its text, the field [`TEXT_OBJECT_TEXT`].
pub const TEXT_OBJECT: &str = "text_object";

/// The field of a [`TEXT_OBJECT`] that holds its text.
pub const TEXT_OBJECT_TEXT: &str = "text";

/// Fields only failed answers have (what a `missing_scope` needed and was provided).
pub const FAILURE_FIELDS: &[&str] = &["needed", "provided"];

/// Whether `name` is an object name the spec accepts (`user_profile`): lowercase ASCII
/// letters and digits in words joined by `_`, starting with a letter.
pub fn is_object_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.split('_').all(|word| !word.is_empty())
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Whether `value` can name an enum variant: it has a letter or a digit.
pub fn names_a_variant(value: &str) -> bool {
    value.chars().any(|c| c.is_ascii_alphanumeric())
}

/// Whether `code` is an error or warning code the spec accepts: ASCII letters, digits,
/// `_`, `-` and `.`, with at least one letter or digit.
pub fn is_code(code: &str) -> bool {
    code.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && code.chars().any(|c| c.is_ascii_alphanumeric())
}

/// Whether `name` is a method name (`chat.postMessage`): dot-separated words of ASCII
/// letters and digits, each starting with a letter, at least two of them.
pub fn is_method_name(name: &str) -> bool {
    name.split('.').count() >= 2
        && name.split('.').all(|word| {
            word.starts_with(|c: char| c.is_ascii_alphabetic()) && word.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_validation_rules() {
        assert!(is_argument_name("trigger_id", 64));
        assert!(!is_argument_name("user.id", 64));
        assert!(is_argument_name(&"a".repeat(64), 64));
        assert!(!is_argument_name(&"a".repeat(65), 64));
        assert!(!is_argument_name("", 64));
        assert!(is_field_name("is-member"));
        assert!(!is_field_name("https://slack.com/user_id"));
        assert!(is_code("invalid_auth"));
        assert!(!is_code("bad code"));
        assert!(is_method_name("chat.postMessage"));
        assert!(!is_method_name("chat"));
        assert!(!is_method_name("chat.1post"));
    }
}

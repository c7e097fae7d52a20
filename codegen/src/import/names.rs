//! The names the spec accepts, as `crate::validate` checks them, so that an importer
//! can skip (and report) what validation would reject instead of writing a bad file.

/// The longest argument name `crate::validate` accepts.
const MAX_ARGUMENT_NAME: usize = 64;

/// Whether `name` is an argument name the spec accepts: letters, digits and `_`, at
/// most 64 of them.
pub fn is_argument_name(name: &str) -> bool {
    !name.is_empty() && name.len() <= MAX_ARGUMENT_NAME && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Whether `name` is a response field name the spec accepts: ASCII letters, digits,
/// `_` and `-`, with at least one letter or digit.
pub fn is_field_name(name: &str) -> bool {
    name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'))
        && name.chars().any(|c| c.is_ascii_alphanumeric())
}

/// Whether `code` is an error or warning code the spec accepts: ASCII letters, digits,
/// `_`, `-` and `.`, with at least one letter or digit.
pub fn is_code(code: &str) -> bool {
    code.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && code.chars().any(|c| c.is_ascii_alphanumeric())
}

/// Whether `name` is a method name: dot-separated words of ASCII letters and digits,
/// each starting with a letter, at least two of them.
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
        assert!(is_argument_name("trigger_id"));
        assert!(!is_argument_name("user.id"));
        assert!(!is_argument_name(&"a".repeat(65)));
        assert!(is_field_name("is-member"));
        assert!(!is_field_name("https://slack.com/user_id"));
        assert!(is_code("invalid_auth"));
        assert!(!is_code("bad code"));
        assert!(is_method_name("chat.postMessage"));
        assert!(!is_method_name("chat"));
        assert!(!is_method_name("chat.1post"));
    }
}

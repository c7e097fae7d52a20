//! Small text rules the importers share: summaries, whitespace, Markdown escapes.

/// The description given to what Slack leaves undocumented (an argument, a code); each
/// use is reported.
pub const NOT_DOCUMENTED: &str = "Not documented by Slack.";

/// `text` with each run of whitespace (line breaks too) made one space, trimmed.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first sentence of `text`, on one line: up to the first `.`, `!` or `?` that a
/// space and a capital letter follow, or all of it.
pub fn first_sentence(text: &str) -> String {
    let text = one_line(text);
    let bytes = text.as_bytes();
    for (index, byte) in bytes.iter().enumerate() {
        let ends_sentence = matches!(byte, b'.' | b'!' | b'?')
            && bytes.get(index + 1) == Some(&b' ')
            && bytes.get(index + 2).is_some_and(u8::is_ascii_uppercase);
        if ends_sentence {
            return text[..=index].to_owned();
        }
    }
    text
}

/// Markdown text with the `\_` escapes that a saved page puts inside words
/// (`trigger\_id`) made plain underscores, which Markdown reads the same there. Code
/// spans are left alone, and so is a `\_` that could start emphasis.
pub fn unescape_underscores(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_code = false;
    let mut chars = text.chars().peekable();
    let mut previous: Option<char> = None;
    while let Some(c) = chars.next() {
        if c == '`' {
            in_code = !in_code;
        }
        let inside_word = previous.is_some_and(char::is_alphanumeric);
        if c == '\\' && !in_code && inside_word && chars.peek() == Some(&'_') {
            previous = Some('\\');
            continue;
        }
        out.push(c);
        previous = Some(c);
    }
    out
}

/// Whether two descriptions say the same, whatever their line breaks and spacing.
pub fn same_text(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_sentence_ends_before_a_capital() {
        assert_eq!(first_sentence("Sends a message to a channel."), "Sends a message to a channel.");
        assert_eq!(
            first_sentence("Deprecated: Starts a session. Use rtm.connect instead."),
            "Deprecated: Starts a session."
        );
        assert_eq!(
            first_sentence("Lists items, e.g. stars. and more\n  text"),
            "Lists items, e.g. stars. and more text"
        );
    }

    #[test]
    fn underscores_inside_words_lose_their_escape() {
        assert_eq!(unescape_underscores(r"when trigger\_id is invalid"), "when trigger_id is invalid");
        assert_eq!(unescape_underscores(r"`a\_b` and \_emphasis\_"), r"`a\_b` and \_emphasis_");
    }

    #[test]
    fn text_compares_without_spacing() {
        assert!(same_text("a  b\nc", " a b c "));
        assert!(!same_text("a b", "a c"));
    }
}

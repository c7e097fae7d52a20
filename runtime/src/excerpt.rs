//! Short, printable excerpts of answer bodies, for error messages.

/// The most characters an excerpt keeps.
pub(crate) const EXCERPT_CHARS: usize = 200;

/// The start of `body` as one line of text: at most [`EXCERPT_CHARS`] characters, runs
/// of whitespace collapsed to one space, invalid UTF-8 replaced, and `…` appended when
/// something was cut. Never splits a character.
pub(crate) fn excerpt(body: &[u8]) -> String {
    // Four bytes per character at most, so this prefix holds enough characters.
    let prefix = &body[..body.len().min(EXCERPT_CHARS * 4)];
    let text = String::from_utf8_lossy(prefix);
    let mut excerpt = String::new();
    let mut chars = 0;
    let mut pending_space = false;
    let mut cut = prefix.len() < body.len();
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = !excerpt.is_empty();
            continue;
        }
        let needed = if pending_space { 2 } else { 1 };
        if chars + needed > EXCERPT_CHARS {
            cut = true;
            break;
        }
        if pending_space {
            excerpt.push(' ');
            pending_space = false;
        }
        excerpt.push(c);
        chars += needed;
    }
    if cut {
        excerpt.push('…');
    }
    excerpt
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_whitespace_into_one_line() {
        assert_eq!(
            excerpt(b"<html>\n  <h1>502 Bad Gateway</h1>\r\n</html>\n"),
            "<html> <h1>502 Bad Gateway</h1> </html>"
        );
        assert_eq!(excerpt(b""), "");
    }

    #[test]
    fn cuts_long_bodies_on_a_character_boundary() {
        let body = "é".repeat(1000);
        let short = excerpt(body.as_bytes());
        assert_eq!(short.chars().count(), EXCERPT_CHARS + 1);
        assert!(short.ends_with('…'));
        assert!(short.starts_with("éé"));
    }

    #[test]
    fn replaces_invalid_utf8() {
        assert_eq!(excerpt(&[b'o', b'k', 0xff, b'!']), "ok\u{fffd}!");
    }
}

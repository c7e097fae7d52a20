//! Turns spec Markdown into doc lines rustdoc renders as written: no broken links, no
//! stray HTML, no doctests, no clippy doc lints.
//!
//! Each returned line is ready for `#[doc = ...]`: it starts with a space, or is empty
//! for a paragraph break. Links relative to Slack's site are made absolute.

/// The site Slack's relative links point into.
pub const SLACK_SITE: &str = "https://api.slack.com";

/// The doc page of a method.
pub fn method_page(method: &str) -> String {
    format!("{SLACK_SITE}/methods/{method}")
}

/// The doc page of a shared object.
pub fn object_page(object: &str) -> String {
    format!("{SLACK_SITE}/types/{object}")
}

/// Renders a Markdown block into doc lines. `page` is the URL that `#anchor` links
/// are relative to.
pub fn markdown(text: &str, page: &str) -> Vec<String> {
    let mut out = Lines::default();
    let mut fence: Option<String> = None;
    let mut list_indent: Option<usize> = None;
    for raw in text.lines() {
        let raw = raw.trim_end_matches('\r');
        let trimmed = raw.trim_start();
        if let Some(marker) = &fence {
            if trimmed.starts_with(marker.as_str()) && trimmed.trim_end() == marker {
                out.push(marker.clone());
                fence = None;
            } else {
                out.push(raw.replace('\t', "    "));
            }
            continue;
        }
        if let Some((marker, info)) = fence_open(trimmed) {
            out.push(format!("{marker}{}", fence_language(info)));
            fence = Some(marker);
            list_indent = None;
            continue;
        }
        if trimmed.is_empty() {
            out.blank();
            list_indent = None;
            continue;
        }
        let line = inline(&trimmed.replace('\t', " "), page);
        match (list_item_width(&line), list_indent) {
            (Some(width), _) => {
                list_indent = Some(width);
                out.push(line);
            }
            // A line under a list item continues it: indent it so Markdown (and clippy's
            // doc_lazy_continuation) agree on what it belongs to.
            (None, Some(width)) => out.push(format!("{}{line}", " ".repeat(width))),
            (None, None) => out.push(line),
        }
    }
    if let Some(marker) = fence {
        out.push(marker);
    }
    out.finish()
}

/// Renders Markdown that must stay on one line, such as a table cell: lines are
/// joined and `|` is escaped.
pub fn table_cell(text: &str, page: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    inline(&joined, page).replace('|', "\\|")
}

/// Wraps `text` in a code span that holds it whatever backticks it contains.
pub fn code_span(text: &str) -> String {
    let longest_run = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let ticks = "`".repeat(longest_run + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{ticks}{pad}{text}{pad}{ticks}")
}

/// Doc lines that accumulate with single blank lines between paragraphs.
#[derive(Debug, Default)]
pub struct Lines(Vec<String>);

impl Lines {
    /// Adds a line of text (the leading space is added here).
    pub fn push(&mut self, line: impl AsRef<str>) {
        let line = line.as_ref().trim_end();
        if line.is_empty() {
            self.blank();
        } else {
            self.0.push(format!(" {line}"));
        }
    }

    /// Adds rendered lines as they are.
    pub fn extend(&mut self, lines: impl IntoIterator<Item = String>) {
        for line in lines {
            if line.is_empty() { self.blank() } else { self.0.push(line) }
        }
    }

    /// Ends a paragraph.
    pub fn blank(&mut self) {
        if self.0.last().is_some_and(|last| !last.is_empty()) {
            self.0.push(String::new());
        }
    }

    /// The lines, without a trailing blank.
    pub fn finish(mut self) -> Vec<String> {
        while self.0.last().is_some_and(String::is_empty) {
            self.0.pop();
        }
        self.0
    }
}

fn fence_open(line: &str) -> Option<(String, &str)> {
    for tick in ['`', '~'] {
        let run = line.chars().take_while(|&c| c == tick).count();
        if run >= 3 {
            return Some((tick.to_string().repeat(run), line[run..].trim()));
        }
    }
    None
}

/// Rustdoc runs fenced blocks without a language, or marked as Rust, as doctests:
/// spec examples are never Rust, so they become `text`.
fn fence_language(info: &str) -> &str {
    let language = info.split([',', ' ']).next().unwrap_or("");
    if language.is_empty() || language == "rust" || !language.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        "text"
    } else {
        language
    }
}

/// The width of a list item's marker and space (`- `, `* `, `12. `), if the line is one.
fn list_item_width(line: &str) -> Option<usize> {
    if line.starts_with("- ") || line.starts_with("* ") || line.starts_with("+ ") {
        return Some(2);
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    (digits > 0 && line[digits..].starts_with(". ")).then_some(digits + 2)
}

/// Escapes one line of Markdown prose: code spans are kept, links are kept (and made
/// absolute), and brackets, HTML and bare URLs that rustdoc would misread are escaped.
fn inline(line: &str, page: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        match c {
            '`' => {
                let run = rest.chars().take_while(|&c| c == '`').count();
                let ticks = &rest[..run];
                match rest[run..].find(ticks) {
                    Some(end) if !rest[run + end + run..].starts_with('`') => {
                        let span_end = run + end + run;
                        out.push_str(&rest[..span_end]);
                        rest = &rest[span_end..];
                    }
                    _ => {
                        for _ in 0..run {
                            out.push_str("\\`");
                        }
                        rest = &rest[run..];
                    }
                }
            }
            '[' => match split_link(rest) {
                Some((text, url, after)) => {
                    out.push('[');
                    out.push_str(&inline(text, page));
                    out.push_str("](");
                    out.push_str(&absolute_url(url, page));
                    out.push(')');
                    rest = after;
                }
                None => {
                    out.push_str("\\[");
                    rest = &rest[1..];
                }
            },
            ']' => {
                out.push_str("\\]");
                rest = &rest[1..];
            }
            '<' => match autolink_len(rest) {
                Some(len) => {
                    out.push_str(&rest[..len]);
                    rest = &rest[len..];
                }
                None => {
                    out.push_str("&lt;");
                    rest = &rest[1..];
                }
            },
            'h' if rest.starts_with("http://") || rest.starts_with("https://") => {
                let len = bare_url_len(rest);
                out.push('<');
                out.push_str(&rest[..len]);
                out.push('>');
                rest = &rest[len..];
            }
            _ => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

/// Splits `[text](url)rest` at the start of `s`.
fn split_link(s: &str) -> Option<(&str, &str, &str)> {
    let mut depth = 0usize;
    let mut close = None;
    for (index, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(index);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close?;
    let after_text = &s[close + 1..];
    let target = after_text.strip_prefix('(')?;
    let end = target.find(')')?;
    let url = &target[..end];
    if url.is_empty() || url.contains(char::is_whitespace) {
        return None;
    }
    Some((&s[1..close], url, &target[end + 1..]))
}

fn absolute_url(url: &str, page: &str) -> String {
    if url.starts_with('/') {
        format!("{SLACK_SITE}{url}")
    } else if url.starts_with('#') {
        format!("{page}{url}")
    } else {
        url.to_owned()
    }
}

fn autolink_len(s: &str) -> Option<usize> {
    let end = s.find('>')?;
    let inner = &s[1..end];
    ((inner.starts_with("http://") || inner.starts_with("https://")) && !inner.contains(char::is_whitespace))
        .then_some(end + 1)
}

fn bare_url_len(s: &str) -> usize {
    let end = s.find(|c: char| c.is_whitespace() || c == '<' || c == '>' || c == '`').unwrap_or(s.len());
    s[..end].trim_end_matches(['.', ',', ';', ':', ')', '!', '?', '"', '\'']).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "https://api.slack.com/methods/a.b";

    fn render(text: &str) -> String {
        markdown(text, PAGE).join("\n")
    }

    #[test]
    fn every_line_starts_with_a_space() {
        assert_eq!(markdown("One.\n\nTwo.", PAGE), [" One.", "", " Two."]);
    }

    #[test]
    fn escapes_brackets_that_are_not_links() {
        assert_eq!(render("See [below] and a[0]."), " See \\[below\\] and a\\[0\\].");
    }

    #[test]
    fn keeps_links_and_makes_them_absolute() {
        assert_eq!(
            render("Use [`x.y`](/methods/x.y), [this](#args) or [that](https://e.com/)."),
            " Use [`x.y`](https://api.slack.com/methods/x.y), [this](https://api.slack.com/methods/a.b#args) or \
             [that](https://e.com/)."
        );
    }

    #[test]
    fn escapes_html_but_not_inside_code() {
        assert_eq!(render("A <b>bold</b> `<tag>` claim."), " A &lt;b>bold&lt;/b> `<tag>` claim.");
    }

    #[test]
    fn wraps_bare_urls() {
        assert_eq!(render("Go to https://slack.com/apps."), " Go to <https://slack.com/apps>.");
    }

    #[test]
    fn escapes_unbalanced_backticks() {
        assert_eq!(render("a ` b"), " a \\` b");
    }

    #[test]
    fn indented_lines_and_tabs_never_become_code_blocks() {
        assert_eq!(render("Text\n    indented\n\tTabbed\tinside"), " Text\n indented\n Tabbed inside");
    }

    #[test]
    fn fenced_blocks_become_text_unless_they_name_a_language() {
        assert_eq!(render("```\nlet x = 1;\n```"), " ```text\n let x = 1;\n ```");
        assert_eq!(render("```json\n  {\"ok\": true}\n```"), " ```json\n   {\"ok\": true}\n ```");
        assert_eq!(render("```rust\nfn main() {}"), " ```text\n fn main() {}\n ```");
    }

    #[test]
    fn list_continuations_are_indented() {
        assert_eq!(render("- item\ncontinued\n\nafter"), " - item\n   continued\n\n after");
    }

    #[test]
    fn table_cells_escape_pipes_and_join_lines() {
        assert_eq!(table_cell("a | b\nc", PAGE), "a \\| b c");
    }

    #[test]
    fn code_spans_hold_backticks() {
        assert_eq!(code_span("a"), "`a`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`a"), "`` `a ``");
    }
}

//! A page read into its parts, section by section.

use super::blocks::{Block, blocks};
use super::{facts, tables};
use crate::import::report::Findings;
use crate::import::text::{NOT_DOCUMENTED, first_sentence, one_line, unescape_underscores};
use crate::rules::is_method_name;
use crate::spec::model::{ArgumentSpec, CodeSpec, ExampleSpec, Lifecycle, LifecycleStatus};

/// The opening of Slack's icon markup, dropped from prose.
const ICON_OPEN: &str = "<ts-icon";
/// The closing tag of Slack's icon markup.
const ICON_CLOSE: &str = "</ts-icon>";
/// The icon of the paragraph that repeats the accepted content types, which the
/// Facts already give.
const ENCODING_NOTE_ICON: &str = "<ts-icon class=\"ts_icon_code\">";
/// How Slack's boilerplate above an Errors or Warnings table starts.
const TABLE_INTRO: &str = "This table lists the expected";
/// Words of a banner title that mean the method is retired.
const RETIRED_WORDS: [&str; 4] = ["ended", "deprecat", "retire", "sunset"];
/// Where links to other methods point.
const METHOD_LINK_PREFIXES: [&str; 2] = ["/methods/", "https://api.slack.com/methods/"];

/// A section of the page, by its heading.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Section {
    /// Before the first heading.
    Top,
    Facts,
    Arguments,
    Response,
    Errors,
    Warnings,
    /// A section the layout does not have: its prose is kept, its tables and code are
    /// reported.
    Other(String),
}

impl Section {
    fn from_heading(title: &str) -> Self {
        match title.to_ascii_lowercase().as_str() {
            "facts" => Self::Facts,
            "arguments" => Self::Arguments,
            "response" => Self::Response,
            "errors" => Self::Errors,
            "warnings" => Self::Warnings,
            _ => Self::Other(title.to_owned()),
        }
    }

    /// How reports name the section.
    fn at(&self) -> &str {
        match self {
            Self::Top => "",
            Self::Facts => "Facts",
            Self::Arguments => "Arguments",
            Self::Response => "Response",
            Self::Errors => "Errors",
            Self::Warnings => "Warnings",
            Self::Other(title) => title,
        }
    }
}

/// A paragraph of prose, cleaned.
#[derive(Debug)]
struct Paragraph {
    text: String,
    links: Vec<String>,
    /// Whether it is the text of a retirement banner, which does not say what the
    /// method does.
    banner_text: bool,
}

/// The parts of a page.
#[derive(Debug, Default)]
pub struct Page {
    /// The `| Name: | value |` facts.
    pub fact_lines: Vec<(String, String)>,
    /// The rows of the "Works with" table.
    pub token_rows: Vec<Vec<String>>,
    /// Deprecated when a banner says the method is retired.
    pub lifecycle: Lifecycle,
    /// The arguments.
    pub arguments: Vec<ArgumentSpec>,
    /// The response examples that are JSON.
    pub examples: Vec<ExampleSpec>,
    /// The errors table.
    pub errors: Vec<CodeSpec>,
    /// The warnings table.
    pub warnings: Vec<CodeSpec>,
    prose: Vec<Paragraph>,
}

impl Page {
    /// Reads the page `markdown`, reporting what has no place in the spec. Argument
    /// names longer than `max_name_length` are skipped and reported.
    pub fn read(markdown: &str, max_name_length: usize, findings: &mut Findings) -> Self {
        let mut page = Self::default();
        let mut section = Section::Top;
        let mut banner: Option<String> = None;
        let blocks = blocks(markdown);
        let mut blocks = blocks.iter().peekable();
        while let Some(block) = blocks.next() {
            match block {
                Block::Heading(title) => {
                    section = Section::from_heading(title);
                    if let Section::Other(title) = &section {
                        findings.push(
                            "",
                            title,
                            "a section the page layout does not have: its prose is kept, not its heading",
                        );
                    }
                }
                Block::Rule => {}
                Block::Table { header, rows } => page.table(&section, header, rows, max_name_length, findings),
                Block::Code(body) => page.example(&section, None, body, findings),
                Block::Prose { source, links } => {
                    let fact_lines = if section == Section::Facts { facts::fact_lines(source) } else { None };
                    if let Some(lines) = fact_lines {
                        page.fact_lines.extend(lines);
                        continue;
                    }
                    let text = unescape_underscores(&without_icons(source));
                    let boilerplate = source.starts_with(ENCODING_NOTE_ICON)
                        || (matches!(section, Section::Errors | Section::Warnings) && text.starts_with(TABLE_INTRO));
                    if boilerplate || text.is_empty() {
                        continue;
                    }
                    if let Some(title) = source.starts_with(ICON_OPEN).then(|| bold_title(&text)).flatten() {
                        banner = Some(title);
                        continue;
                    }
                    let code_after = if section == Section::Response {
                        blocks.next_if(|b| matches!(b, Block::Code(_)))
                    } else {
                        None
                    };
                    if let Some(Block::Code(body)) = code_after {
                        page.example(&section, Some(&text), body, findings);
                        continue;
                    }
                    let banner_text = banner.take().is_some_and(|title| page.banner(&title, &text, findings));
                    page.prose.push(Paragraph { text, links: links.clone(), banner_text });
                }
            }
        }
        if let Some(title) = banner {
            page.banner(&title, &title, findings);
        }
        page
    }

    /// The first sentence of the first paragraph that says what the method does.
    pub fn summary(&self) -> Option<String> {
        self.prose.iter().find(|paragraph| !paragraph.banner_text).map(|paragraph| first_sentence(&paragraph.text))
    }

    /// The prose, paragraphs apart, as the page wrote it.
    pub fn description(&self) -> String {
        if self.prose.is_empty() {
            return String::new();
        }
        let paragraphs: Vec<&str> = self.prose.iter().map(|paragraph| paragraph.text.as_str()).collect();
        format!("{}\n", paragraphs.join("\n\n"))
    }

    /// The methods the prose links to, in order, `method` itself aside.
    pub fn related(&self, method: &str) -> Vec<String> {
        let mut related: Vec<String> = Vec::new();
        for link in self.prose.iter().flat_map(|paragraph| &paragraph.links) {
            let Some(name) = METHOD_LINK_PREFIXES.iter().find_map(|prefix| link.strip_prefix(prefix)) else { continue };
            let name = name.split(['#', '?', '/']).next().unwrap_or_default();
            if is_method_name(name) && name != method && !related.iter().any(|known| known == name) {
                related.push(name.to_owned());
            }
        }
        related
    }

    fn table(
        &mut self,
        section: &Section,
        header: &[String],
        rows: &[Vec<String>],
        max_name_length: usize,
        findings: &mut Findings,
    ) {
        match section {
            Section::Facts => self.token_rows.extend(rows.iter().cloned()),
            Section::Arguments => {
                self.arguments.extend(tables::arguments(header, rows, section.at(), max_name_length, findings));
            }
            Section::Errors => self.errors.extend(tables::codes(rows, section.at(), findings)),
            Section::Warnings => self.warnings.extend(tables::codes(rows, section.at(), findings)),
            Section::Top | Section::Response | Section::Other(_) => {
                findings.push(section.at(), "table", "a table the page layout does not have there; left out");
            }
        }
    }

    /// A response example: `body` when it is JSON, after the sentence `caption`.
    fn example(&mut self, section: &Section, caption: Option<&str>, body: &str, findings: &mut Findings) {
        if *section != Section::Response {
            findings.push(section.at(), "code block", "code outside the Response section; left out");
            return;
        }
        if let Err(error) = serde_json::from_str::<serde_json::Value>(body) {
            findings.push(section.at(), "code block", format!("not JSON ({error}); the example is left out"));
            return;
        }
        let description = caption.map_or_else(
            || {
                findings.push(
                    section.at(),
                    "caption",
                    format!("an example without a sentence before it; described as \"{NOT_DOCUMENTED}\""),
                );
                NOT_DOCUMENTED.to_owned()
            },
            str::to_owned,
        );
        self.examples.push(ExampleSpec { description, body: body.to_owned() });
    }

    /// A banner titled `title` above `text`: when it says the method is retired, the
    /// method is deprecated with `text` as the note, and `true` is returned.
    fn banner(&mut self, title: &str, text: &str, findings: &mut Findings) -> bool {
        let lowercase = title.to_ascii_lowercase();
        if RETIRED_WORDS.iter().any(|word| lowercase.contains(word)) {
            self.lifecycle = Lifecycle { status: LifecycleStatus::Deprecated, note: Some(one_line(text)) };
            true
        } else {
            findings.push("", "banner", format!("the banner title \"{title}\" has no place in the spec format"));
            false
        }
    }
}

/// `source` without Slack's `<ts-icon ...></ts-icon>` markup, trimmed.
fn without_icons(source: &str) -> String {
    let mut text = source.replace(ICON_CLOSE, "");
    while let Some(start) = text.find(ICON_OPEN) {
        let end = text[start..].find('>').map_or(text.len(), |offset| start + offset + 1);
        text.replace_range(start..end, "");
    }
    text.trim().to_owned()
}

/// The title of a paragraph that is only a bold title (`**Title**`).
fn bold_title(text: &str) -> Option<String> {
    let inner = text.trim().strip_prefix("**")?.strip_suffix("**")?;
    (!inner.contains("**") && !inner.trim().is_empty()).then(|| inner.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icons_are_dropped_and_bold_titles_found() {
        assert_eq!(without_icons("<ts-icon class=\"x\"></ts-icon> **Gone**  "), "**Gone**");
        assert_eq!(bold_title("**Developer preview has ended**"), Some("Developer preview has ended".to_owned()));
        assert_eq!(bold_title("**a** and **b**"), None);
    }

    #[test]
    fn a_retirement_banner_deprecates_and_is_not_the_summary() {
        let page = "## Facts\n\n<ts-icon class=\"i\"></ts-icon> **This method is deprecated**\n\nUse [`b.c`](/methods/b.c).\n\n\
                    This method does things. More.\n\n## Response\n\nWhen it works\n\n```\n{\"ok\": true}\n```\n";
        let mut findings = Findings::default();
        let page = Page::read(page, crate::rules::DEFAULT_ARGUMENT_NAME_LENGTH, &mut findings);
        assert_eq!(page.lifecycle.status, LifecycleStatus::Deprecated);
        assert_eq!(page.lifecycle.note.as_deref(), Some("Use [`b.c`](/methods/b.c)."));
        assert_eq!(page.summary().as_deref(), Some("This method does things."));
        assert_eq!(page.related("a.b"), ["b.c"]);
        assert_eq!(page.examples.len(), 1);
        assert_eq!(page.examples[0].description, "When it works");
        assert!(findings.into_vec().is_empty());
    }
}

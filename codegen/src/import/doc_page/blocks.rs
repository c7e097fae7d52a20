//! A saved page as a list of top-level Markdown blocks (pulldown-cmark parses it),
//! each keeping its Markdown source so that prose is imported as the page wrote it.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// A top-level block of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading, by its text.
    Heading(String),
    /// A paragraph, list, quote or HTML block: its Markdown source, and the targets of
    /// the links in it.
    Prose {
        /// The Markdown source, trimmed.
        source: String,
        /// Link targets, in order.
        links: Vec<String>,
    },
    /// A table: its header cells and rows of cells, each the cell's Markdown source.
    Table {
        /// The header cells.
        header: Vec<String>,
        /// The rows.
        rows: Vec<Vec<String>>,
    },
    /// A code block: its text, as written.
    Code(String),
    /// A thematic break (`* * *`).
    Rule,
}

/// The top-level blocks of `markdown`, in order.
pub fn blocks(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut depth = 0_usize;
    let mut current: Option<Building> = None;
    for (event, range) in Parser::new_ext(markdown, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    current = Some(Building::new(&tag));
                } else if let Some(building) = &mut current {
                    building.start(&tag, &markdown[range.clone()]);
                }
                depth += 1;
            }
            Event::End(tag) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    if let Some(building) = current.take() {
                        blocks.push(building.finish(&markdown[range]));
                    }
                } else if let Some(building) = &mut current {
                    building.end(tag);
                }
            }
            Event::Rule if depth == 0 => blocks.push(Block::Rule),
            Event::Text(text) | Event::Code(text) if depth > 0 => {
                if let Some(building) = &mut current {
                    building.text(&text);
                }
            }
            _ => {}
        }
    }
    blocks
}

/// A top-level block being read.
#[derive(Debug)]
enum Building {
    Heading(String),
    Prose(Vec<String>),
    Table { header: Vec<String>, rows: Vec<Vec<String>>, in_head: bool },
    Code(String),
}

impl Building {
    fn new(tag: &Tag<'_>) -> Self {
        match tag {
            Tag::Heading { .. } => Self::Heading(String::new()),
            Tag::Table(_) => Self::Table { header: Vec::new(), rows: Vec::new(), in_head: false },
            Tag::CodeBlock(CodeBlockKind::Fenced(_) | CodeBlockKind::Indented) => Self::Code(String::new()),
            _ => Self::Prose(Vec::new()),
        }
    }

    /// A tag opens inside the block; `source` is its Markdown.
    fn start(&mut self, tag: &Tag<'_>, source: &str) {
        match (self, tag) {
            (Self::Prose(links), Tag::Link { dest_url, .. }) => links.push(dest_url.to_string()),
            (Self::Table { in_head, .. }, Tag::TableHead) => *in_head = true,
            (Self::Table { rows, in_head: false, .. }, Tag::TableRow) => rows.push(Vec::new()),
            (Self::Table { header, rows, in_head }, Tag::TableCell) => {
                let cells = if *in_head { header } else { rows.last_mut().unwrap_or(header) };
                cells.push(source.trim().to_owned());
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        if let (Self::Table { in_head, .. }, TagEnd::TableHead) = (self, tag) {
            *in_head = false;
        }
    }

    fn text(&mut self, text: &str) {
        match self {
            Self::Heading(heading) => heading.push_str(text),
            Self::Code(code) => code.push_str(text),
            _ => {}
        }
    }

    fn finish(self, source: &str) -> Block {
        match self {
            Self::Heading(text) => Block::Heading(text.trim().to_owned()),
            Self::Prose(links) => Block::Prose { source: source.trim().to_owned(), links },
            Self::Table { header, rows, .. } => Block::Table { header, rows },
            Self::Code(text) => Block::Code(text),
        }
    }
}

/// The text of an inline Markdown snippet without its markup: code spans without
/// backticks, links by their text, entities decoded (`&nbsp;` is a no-break space).
pub fn plain_text(markdown: &str) -> String {
    let mut text = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(part) | Event::Code(part) => text.push_str(&part),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text.trim().to_owned()
}

/// The contents of the code spans of an inline Markdown snippet, in order.
pub fn code_spans(markdown: &str) -> Vec<String> {
    Parser::new(markdown)
        .filter_map(|event| match event {
            Event::Code(code) => Some(code.trim().to_owned()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_headings_prose_tables_and_code() {
        let page = "## Facts\n\nSee [a](/methods/a.b) \\_x.\n\n| A | B |\n| --- | --- |\n| `x` | y\\_z |\n\n```\n{}\n```\n\n* * *\n";
        assert_eq!(
            blocks(page),
            [
                Block::Heading("Facts".to_owned()),
                Block::Prose {
                    source: "See [a](/methods/a.b) \\_x.".to_owned(),
                    links: vec!["/methods/a.b".to_owned()]
                },
                Block::Table {
                    header: vec!["A".to_owned(), "B".to_owned()],
                    rows: vec![vec!["`x`".to_owned(), "y\\_z".to_owned()]]
                },
                Block::Code("{}\n".to_owned()),
                Block::Rule,
            ]
        );
    }

    #[test]
    fn plain_text_drops_markup() {
        assert_eq!(plain_text("[Tier 2](/docs/rate-limits#tier_t2)"), "Tier 2");
        assert_eq!(plain_text("`token`"), "token");
        assert_eq!(plain_text("&nbsp;"), "");
        assert_eq!(code_spans("`a` and `b`"), ["a", "b"]);
    }
}

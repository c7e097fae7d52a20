//! Finds where a value sits in a YAML file, so that problems serde cannot see
//! (duplicates, collisions, bad names) still point at a line and column.
//!
//! serde_yaml deserializes without positions; this index is built from the same text
//! with yaml-rust2's event parser, keyed by the value's path (`arguments.2.name`).

use std::collections::HashMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

use crate::diagnostics::Location;

/// The position of every value in one YAML document, by path.
#[derive(Debug, Default)]
pub struct Locator {
    positions: HashMap<String, Location>,
    keys: HashMap<String, Location>,
}

impl Locator {
    /// Indexes `source`. A file that does not parse yields an empty index: its syntax
    /// error is reported by the loader, with its own position.
    pub fn index(source: &str) -> Self {
        let mut builder = Builder::default();
        if Parser::new_from_str(source).load(&mut builder, false).is_err() {
            return Self::default();
        }
        Self { positions: builder.positions, keys: builder.keys }
    }

    /// The position of the mapping key that ends `path` (for `arguments.2.typo`, the
    /// `typo` key itself), or else what [`Locator::find`] gives.
    pub fn find_key(&self, path: &str) -> Location {
        self.keys.get(path).copied().unwrap_or_else(|| self.find(path))
    }

    /// The position of the value at `path` (segments joined by `.`, sequence items by
    /// index: `errors.3.code`). Falls back to the nearest enclosing value that exists,
    /// then to the start of the file.
    pub fn find(&self, path: &str) -> Location {
        let mut path = path;
        loop {
            if let Some(location) = self.positions.get(path) {
                return *location;
            }
            match path.rfind('.') {
                Some(dot) => path = &path[..dot],
                None => return self.positions.get("").copied().unwrap_or(Location::START),
            }
        }
    }
}

#[derive(Debug)]
enum Frame {
    Mapping { path: String, key: Option<String>, keys_seen: usize },
    Sequence { path: String, index: usize },
}

#[derive(Debug, Default)]
struct Builder {
    stack: Vec<Frame>,
    positions: HashMap<String, Location>,
    keys: HashMap<String, Location>,
}

impl Builder {
    /// The path of the value that starts now, under the innermost open collection.
    fn value_path(&self) -> String {
        let join = |parent: &str, child: &str| {
            if parent.is_empty() { child.to_owned() } else { format!("{parent}.{child}") }
        };
        match self.stack.last() {
            None => String::new(),
            Some(Frame::Mapping { path, key, .. }) => join(path, key.as_deref().unwrap_or("")),
            Some(Frame::Sequence { path, index }) => join(path, &index.to_string()),
        }
    }

    /// Whether the next scalar is a mapping key rather than a value.
    fn expects_key(&self) -> bool {
        matches!(self.stack.last(), Some(Frame::Mapping { key: None, .. }))
    }

    /// Moves the innermost collection past the value that just ended.
    fn finish_value(&mut self) {
        match self.stack.last_mut() {
            Some(Frame::Mapping { key, .. }) => *key = None,
            Some(Frame::Sequence { index, .. }) => *index += 1,
            None => {}
        }
    }

    fn record(&mut self, path: String, mark: Marker) {
        self.positions.entry(path).or_insert(location(mark));
    }
}

/// yaml-rust2 counts columns from 0; editors count from 1.
fn location(mark: Marker) -> Location {
    Location { line: mark.line(), column: mark.col() + 1 }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, event: Event, mark: Marker) {
        match event {
            Event::Scalar(value, ..) if self.expects_key() => {
                let location = location(mark);
                if let Some(Frame::Mapping { key, path, keys_seen }) = self.stack.last_mut() {
                    // yaml-rust2 marks a block mapping where its first value starts: the
                    // first key is where a reader sees the mapping begin.
                    if *keys_seen == 0 {
                        self.positions.insert(path.clone(), location);
                    }
                    *keys_seen += 1;
                    let key_path = if path.is_empty() { value.clone() } else { format!("{path}.{value}") };
                    self.keys.entry(key_path).or_insert(location);
                    *key = Some(value);
                }
            }
            Event::Scalar(..) | Event::Alias(..) => {
                let path = self.value_path();
                self.record(path, mark);
                self.finish_value();
            }
            Event::MappingStart(..) => {
                let path = self.value_path();
                self.record(path.clone(), mark);
                self.stack.push(Frame::Mapping { path, key: None, keys_seen: 0 });
            }
            Event::SequenceStart(..) => {
                let path = self.value_path();
                self.record(path.clone(), mark);
                self.stack.push(Frame::Sequence { path, index: 0 });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
                self.finish_value();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "method: a.b\narguments:\n  - name: x\n    type: string\n  - name: y\nerrors: []\n";

    #[test]
    fn finds_scalars_in_mappings_and_sequences() {
        let locator = Locator::index(SOURCE);
        assert_eq!(locator.find("method"), Location { line: 1, column: 9 });
        assert_eq!(locator.find("arguments.0.name"), Location { line: 3, column: 11 });
        assert_eq!(locator.find("arguments.0.type"), Location { line: 4, column: 11 });
        assert_eq!(locator.find("arguments.1.name"), Location { line: 5, column: 11 });
        assert_eq!(locator.find("errors"), Location { line: 6, column: 9 });
    }

    #[test]
    fn falls_back_to_the_nearest_enclosing_value() {
        let locator = Locator::index(SOURCE);
        assert_eq!(locator.find("arguments.1.description"), Location { line: 5, column: 5 });
        assert_eq!(locator.find("nothing.here"), Location::START);
    }

    #[test]
    fn finds_keys() {
        let locator = Locator::index(SOURCE);
        assert_eq!(locator.find_key("arguments.0.type"), Location { line: 4, column: 5 });
        assert_eq!(locator.find_key("errors"), Location { line: 6, column: 1 });
    }

    #[test]
    fn unparsable_text_gives_an_empty_index() {
        assert_eq!(Locator::index("a: [").find("a"), Location::START);
    }
}

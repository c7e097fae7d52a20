//! Lays out the JSON examples of the docs: objects and arrays that fit on one line are
//! written on one, the others one member a line, keys in the order the spec wrote them.
//!
//! Examples are read as text, not through `serde_json::Value` (which sorts keys), and
//! strings and numbers are kept exactly as written. Text that is not JSON (Slack's
//! examples sometimes hold `...`) is left as it is.

/// The widest line an inline value may make, indentation included.
const WIDTH: usize = 80;

/// The lines of `text` laid out, or `None` when it is not one JSON value.
pub fn layout(text: &str) -> Option<Vec<String>> {
    let mut parser = Parser { text: text.as_bytes(), at: 0 };
    let value = parser.value()?;
    parser.skip_space();
    if parser.at != parser.text.len() {
        return None;
    }
    let mut lines = Vec::new();
    write(&value, 0, String::new(), "", &mut lines);
    Some(lines)
}

enum Json {
    /// A string, number, `true`, `false` or `null`, as written.
    Scalar(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    fn inline(&self) -> String {
        match self {
            Self::Scalar(text) => text.clone(),
            Self::Array(items) => {
                format!("[{}]", items.iter().map(Json::inline).collect::<Vec<_>>().join(", "))
            }
            Self::Object(members) if members.is_empty() => "{}".to_owned(),
            Self::Object(members) => {
                let members: Vec<String> =
                    members.iter().map(|(key, value)| format!("{key}: {}", value.inline())).collect();
                format!("{{ {} }}", members.join(", "))
            }
        }
    }
}

/// Writes `value` at `depth`, after `prefix` (a key) and followed by `suffix` (a comma).
fn write(value: &Json, depth: usize, prefix: String, suffix: &str, lines: &mut Vec<String>) {
    let indent = "    ".repeat(depth);
    let inline = value.inline();
    if indent.len() + prefix.len() + inline.len() + suffix.len() <= WIDTH || matches!(value, Json::Scalar(_)) {
        lines.push(format!("{indent}{prefix}{inline}{suffix}"));
        return;
    }
    let (open, close) = if matches!(value, Json::Array(_)) { ('[', ']') } else { ('{', '}') };
    lines.push(format!("{indent}{prefix}{open}"));
    match value {
        Json::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                write(item, depth + 1, String::new(), if index + 1 < items.len() { "," } else { "" }, lines);
            }
        }
        Json::Object(members) => {
            for (index, (key, member)) in members.iter().enumerate() {
                let comma = if index + 1 < members.len() { "," } else { "" };
                write(member, depth + 1, format!("{key}: "), comma, lines);
            }
        }
        Json::Scalar(_) => {}
    }
    lines.push(format!("{indent}{close}{suffix}"));
}

struct Parser<'a> {
    text: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn skip_space(&mut self) {
        while self.text.get(self.at).is_some_and(u8::is_ascii_whitespace) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.skip_space();
        let found = self.text.get(self.at) == Some(&byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn value(&mut self) -> Option<Json> {
        self.skip_space();
        match *self.text.get(self.at)? {
            b'{' => {
                self.at += 1;
                let mut members = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.skip_space();
                        let key = self.string()?;
                        if !self.eat(b':') {
                            return None;
                        }
                        members.push((key, self.value()?));
                        if self.eat(b'}') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                Some(Json::Object(members))
            }
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value()?);
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                Some(Json::Array(items))
            }
            b'"' => self.string().map(Json::Scalar),
            _ => self.literal().map(Json::Scalar),
        }
    }

    /// A string token, quotes and escapes as written.
    fn string(&mut self) -> Option<String> {
        let start = self.at;
        if self.text.get(self.at) != Some(&b'"') {
            return None;
        }
        self.at += 1;
        loop {
            match *self.text.get(self.at)? {
                b'\\' => self.at += 2,
                b'"' => {
                    self.at += 1;
                    break;
                }
                b'\n' => return None,
                _ => self.at += 1,
            }
        }
        std::str::from_utf8(self.text.get(start..self.at)?).ok().map(str::to_owned)
    }

    /// A number, `true`, `false` or `null`, checked by serde_json.
    fn literal(&mut self) -> Option<String> {
        let start = self.at;
        while self.text.get(self.at).is_some_and(|byte| byte.is_ascii_alphanumeric() || b"+-.".contains(byte)) {
            self.at += 1;
        }
        let literal = std::str::from_utf8(&self.text[start..self.at]).ok()?;
        serde_json::from_str::<serde_json::Value>(literal).ok()?;
        Some(literal.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_values_go_on_one_line_and_keys_keep_their_order() {
        let text = "{\n  \"ok\": true,\n  \"zeta\": 1,\n  \"alpha\": [1, 2],\n  \"nested\": {\"b\": \"x\\\"y\"}\n}";
        assert_eq!(layout(text).unwrap(), [r#"{ "ok": true, "zeta": 1, "alpha": [1, 2], "nested": { "b": "x\"y" } }"#]);
    }

    #[test]
    fn long_values_take_a_member_a_line() {
        let long = "x".repeat(70);
        let text = format!("{{\"ok\": true, \"items\": [{{\"id\": 1}}, \"{long}\"]}}");
        assert_eq!(
            layout(&text).unwrap(),
            [
                "{",
                r#"    "ok": true,"#,
                r#"    "items": ["#,
                r#"        { "id": 1 },"#,
                format!("        \"{long}\"").as_str(),
                "    ]",
                "}"
            ]
        );
    }

    #[test]
    fn text_that_is_not_json_is_refused() {
        assert!(layout("{\"ok\": true, ...}").is_none());
        assert!(layout("{\"ok\": true} trailing").is_none());
        assert!(layout("[1, 2").is_none());
    }
}

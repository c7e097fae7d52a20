//! Just enough `multipart/form-data` (RFC 7578) to read a request's fields.

use serde_json::{Value, json};

use super::content_type::Charset;

/// The body is not valid multipart data for its boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct InvalidMultipart;

/// One part of a multipart body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Part<'a> {
    pub(crate) name: &'a str,
    /// The file name, for a file's part.
    pub(crate) filename: Option<&'a str>,
    pub(crate) content: &'a [u8],
}

/// The fields of `body`, in order. A text field's value is its text; a file's is
/// `{"filename": …, "size": …}`, its content not kept.
pub(crate) fn parse(body: &[u8], boundary: &str, charset: Charset) -> Result<Vec<(String, Value)>, InvalidMultipart> {
    parts(body, boundary)?
        .into_iter()
        .map(|part| {
            let value = match part.filename {
                Some(filename) => json!({"filename": filename, "size": part.content.len()}),
                None => Value::String(charset.decode(part.content).ok_or(InvalidMultipart)?),
            };
            Ok((part.name.to_owned(), value))
        })
        .collect()
}

/// The parts of `body`, in order.
pub(crate) fn parts<'a>(body: &'a [u8], boundary: &str) -> Result<Vec<Part<'a>>, InvalidMultipart> {
    let delimiter = format!("--{boundary}").into_bytes();
    let start = find(body, &delimiter).ok_or(InvalidMultipart)?;
    let mut rest = &body[start + delimiter.len()..];
    let mut parts = Vec::new();
    let mut closing = b"\r\n".to_vec();
    closing.extend_from_slice(&delimiter);
    loop {
        if rest.starts_with(b"--") {
            return Ok(parts);
        }
        rest = rest.strip_prefix(b"\r\n").ok_or(InvalidMultipart)?;
        let headers_end = find(rest, b"\r\n\r\n").ok_or(InvalidMultipart)?;
        let headers = std::str::from_utf8(&rest[..headers_end]).map_err(|_| InvalidMultipart)?;
        rest = &rest[headers_end + 4..];
        let content_end = find(rest, &closing).ok_or(InvalidMultipart)?;
        let content = &rest[..content_end];
        rest = &rest[content_end + closing.len()..];
        let (name, filename) = disposition(headers).ok_or(InvalidMultipart)?;
        parts.push(Part { name, filename, content });
    }
}

/// The `name` and `filename` of a part's `Content-Disposition: form-data` header.
fn disposition(headers: &str) -> Option<(&str, Option<&str>)> {
    let header = headers.split("\r\n").find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.trim().eq_ignore_ascii_case("content-disposition").then_some(value)
    })?;
    let mut parameters = header.split(';');
    if !parameters.next()?.trim().eq_ignore_ascii_case("form-data") {
        return None;
    }
    let mut name = None;
    let mut filename = None;
    for parameter in parameters {
        let Some((key, value)) = parameter.split_once('=') else { continue };
        let value = value.trim();
        let value = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')).unwrap_or(value);
        match key.trim().to_ascii_lowercase().as_str() {
            "name" => name = Some(value),
            "filename" => filename = Some(value),
            _ => {}
        }
    }
    Some((name?, filename))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "--XyZ\r\n\
        Content-Disposition: form-data; name=\"channels\"\r\n\r\n\
        C1,C2\r\n\
        --XyZ\r\n\
        Content-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\
        Content-Type: text/plain\r\n\r\n\
        hello\r\n\
        --XyZ--\r\n";

    #[test]
    fn reads_text_fields_and_file_sizes() {
        let fields = parse(BODY.as_bytes(), "XyZ", Charset::Utf8).unwrap();
        assert_eq!(
            fields,
            [("channels".to_owned(), json!("C1,C2")), ("file".to_owned(), json!({"filename": "a.txt", "size": 5})),]
        );
    }

    #[test]
    fn refuses_bodies_that_do_not_close_or_name_their_parts() {
        assert_eq!(parse(BODY.as_bytes(), "other", Charset::Utf8), Err(InvalidMultipart));
        let unclosed = BODY.trim_end().trim_end_matches("--XyZ--");
        assert_eq!(parse(unclosed.as_bytes(), "XyZ", Charset::Utf8), Err(InvalidMultipart));
        let nameless = "--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--";
        assert_eq!(parse(nameless.as_bytes(), "b", Charset::Utf8), Err(InvalidMultipart));
        assert_eq!(parse(b"--b--", "b", Charset::Utf8).unwrap(), []);
    }
}

//! Strict `application/x-www-form-urlencoded` decoding, in a given charset.
//!
//! Unlike a lenient decoder, it refuses what Slack answers `invalid_form_data` to: a `%`
//! not followed by two hex digits, and bytes that are not text in the charset.

use super::content_type::Charset;

/// The form is not syntactically valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct InvalidForm;

/// The name and value pairs of `input`, in order. Empty pairs (`a=1&&b=2`) are skipped;
/// a pair without `=` has an empty value.
pub(crate) fn parse(input: &[u8], charset: Charset) -> Result<Vec<(String, String)>, InvalidForm> {
    input
        .split(|&byte| byte == b'&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = match pair.iter().position(|&byte| byte == b'=') {
                Some(equals) => (&pair[..equals], &pair[equals + 1..]),
                None => (pair, &[][..]),
            };
            Ok((decode(name, charset)?, decode(value, charset)?))
        })
        .collect()
}

/// One name or value: `+` is a space, `%XX` a byte, then the bytes are read in `charset`.
fn decode(encoded: &[u8], charset: Charset) -> Result<String, InvalidForm> {
    let mut bytes = Vec::with_capacity(encoded.len());
    let mut rest = encoded;
    while let Some((&byte, tail)) = rest.split_first() {
        rest = tail;
        match byte {
            b'+' => bytes.push(b' '),
            b'%' => {
                let [high, low, tail @ ..] = rest else { return Err(InvalidForm) };
                let hex = |digit: u8| char::from(digit).to_digit(16).ok_or(InvalidForm);
                bytes.push((hex(*high)? * 16 + hex(*low)?) as u8);
                rest = tail;
            }
            _ => bytes.push(byte),
        }
    }
    charset.decode(&bytes).ok_or(InvalidForm)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(input: &str) -> Result<Vec<(String, String)>, InvalidForm> {
        parse(input.as_bytes(), Charset::Utf8)
    }

    #[test]
    fn decodes_escapes_and_pluses() {
        let expected = [("text".to_owned(), "a b&c".to_owned()), ("scopes".to_owned(), "x,y".to_owned())];
        assert_eq!(pairs("text=a+b%26c&scopes=x%2cy").unwrap(), expected);
        assert_eq!(pairs("a&&b=").unwrap(), [("a".to_owned(), String::new()), ("b".to_owned(), String::new())]);
        assert_eq!(pairs("").unwrap(), []);
    }

    #[test]
    fn refuses_bad_escapes_and_bad_text() {
        assert_eq!(pairs("a=%zz"), Err(InvalidForm));
        assert_eq!(pairs("a=100%"), Err(InvalidForm));
        assert_eq!(pairs("a=%e9"), Err(InvalidForm));
        assert_eq!(parse(b"a=%e9", Charset::Latin1).unwrap(), [("a".to_owned(), "é".to_owned())]);
    }
}

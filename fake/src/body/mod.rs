//! Reading a request's arguments from its query string and body, as Slack does, and
//! the errors and warnings Slack answers about the body's `Content-Type`.

mod content_type;
mod form;
mod json;
mod multipart;

use serde_json::Value;

use content_type::{Charset, ContentType, MediaType};

/// A body Slack cannot read, by the error code it answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BodyError {
    /// A body came without a `Content-Type`.
    MissingPostType,
    /// The `Content-Type` is none of those Slack reads.
    InvalidPostType,
    /// The `charset` is neither `utf-8` nor `iso-8859-1`.
    InvalidCharset,
    /// A form (or the query string) does not parse.
    InvalidFormData,
    /// A JSON body does not parse.
    InvalidJson,
    /// A JSON body is not an object.
    JsonNotObject,
}

impl BodyError {
    /// The error code Slack answers.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Self::MissingPostType => "missing_post_type",
            Self::InvalidPostType => "invalid_post_type",
            Self::InvalidCharset => "invalid_charset",
            Self::InvalidFormData => "invalid_form_data",
            Self::InvalidJson => "invalid_json",
            Self::JsonNotObject => "json_not_object",
        }
    }
}

/// What was read from a request.
#[derive(Debug, Default)]
pub(crate) struct ReadArguments {
    /// The arguments, query string first, without the credential `token`.
    pub(crate) pairs: Vec<(String, Value)>,
    /// The `token` field of a form body, which Slack takes as the credential when there
    /// is no `Authorization` header.
    pub(crate) form_token: Option<String>,
}

/// The outcome of reading a request, and the warnings its `Content-Type` earns.
#[derive(Debug)]
pub(crate) struct Read {
    pub(crate) warnings: Vec<&'static str>,
    pub(crate) arguments: Result<ReadArguments, BodyError>,
}

/// Reads the arguments of a request to a method that accepts JSON bodies or not, and
/// whose spec lists a `token` argument of its own (`oauth.v2.exchange`: the token to
/// exchange) or not.
///
/// - A form body (`application/x-www-form-urlencoded`, `multipart/form-data`, or
///   `text/plain`, which Slack reads as a form) gives text arguments; its `token` field
///   is the credential, unless the method has a `token` argument.
/// - A JSON body gives its members, for a method that accepts JSON. For one that does
///   not, Slack ignores the body, and so does this: its arguments are not read, so a
///   required one is reported missing. A `token` member is never the credential: JSON
///   calls must send the token in the `Authorization` header.
/// - The query string gives text arguments too; a `token` in it is never the
///   credential, as Slack ignores tokens in query strings for apps created since 2021.
pub(crate) fn read(query: Option<&str>, content_type: Option<&str>, body: &[u8], method: Method) -> Read {
    let content_type = content_type.map(ContentType::parse);
    let warnings = content_type.as_ref().map(warnings).unwrap_or_default();
    let arguments = read_query(query, method).and_then(|mut read| {
        let from_body = read_body(content_type.as_ref(), body, method)?;
        read.pairs.extend(from_body.pairs);
        read.form_token = from_body.form_token;
        Ok(read)
    });
    Read { warnings, arguments }
}

/// `superfluous_charset` for form data with a charset, `missing_charset` for the other
/// types without one.
fn warnings(content_type: &ContentType) -> Vec<&'static str> {
    let Some(media_type) = content_type.media_type else { return Vec::new() };
    match (media_type.is_form_data(), content_type.parameter("charset").is_some()) {
        (true, true) => vec!["superfluous_charset"],
        (false, false) => vec!["missing_charset"],
        _ => Vec::new(),
    }
}

/// What reading a request needs to know of its method.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Method {
    /// Whether it accepts a JSON body.
    pub(crate) accepts_json: bool,
    /// Whether its spec lists a `token` argument, which is then not the credential.
    pub(crate) token_is_argument: bool,
}

impl Method {
    /// Whether the argument `name` is kept: all are, but the credential `token`.
    fn keeps(self, name: &str) -> bool {
        self.token_is_argument || name != "token"
    }
}

fn read_query(query: Option<&str>, method: Method) -> Result<ReadArguments, BodyError> {
    let pairs =
        form::parse(query.unwrap_or_default().as_bytes(), Charset::Utf8).map_err(|_| BodyError::InvalidFormData)?;
    let pairs =
        pairs.into_iter().filter(|(name, _)| method.keeps(name)).map(|(name, value)| (name, Value::String(value)));
    Ok(ReadArguments { pairs: pairs.collect(), form_token: None })
}

fn read_body(content_type: Option<&ContentType>, body: &[u8], method: Method) -> Result<ReadArguments, BodyError> {
    let Some(content_type) = content_type else {
        return if body.is_empty() { Ok(ReadArguments::default()) } else { Err(BodyError::MissingPostType) };
    };
    let media_type = content_type.media_type.ok_or(BodyError::InvalidPostType)?;
    let charset = match content_type.parameter("charset") {
        Some(name) => Charset::named(name).ok_or(BodyError::InvalidCharset)?,
        None => Charset::Utf8,
    };
    if body.is_empty() {
        return Ok(ReadArguments::default());
    }
    let pairs = match media_type {
        MediaType::FormUrlEncoded | MediaType::TextPlain => form::parse(body, charset)
            .map_err(|_| BodyError::InvalidFormData)?
            .into_iter()
            .map(|(name, value)| (name, Value::String(value)))
            .collect(),
        MediaType::Multipart => {
            let boundary = content_type.parameter("boundary").ok_or(BodyError::InvalidFormData)?;
            multipart::parse(body, boundary, charset).map_err(|_| BodyError::InvalidFormData)?
        }
        MediaType::Json if !method.accepts_json => return Ok(ReadArguments::default()),
        MediaType::Json => {
            let text = charset.decode(body).ok_or(BodyError::InvalidJson)?;
            let members = json::members(&text).map_err(|error| match error {
                json::InvalidJson::Syntax => BodyError::InvalidJson,
                json::InvalidJson::NotAnObject => BodyError::JsonNotObject,
            })?;
            let pairs = members.into_iter().filter(|(name, _)| method.keeps(name)).collect();
            return Ok(ReadArguments { pairs, form_token: None });
        }
    };
    if method.token_is_argument {
        return Ok(ReadArguments { pairs, form_token: None });
    }
    Ok(take_token(pairs))
}

/// Moves a form's `token` field out of its arguments.
fn take_token(pairs: Vec<(String, Value)>) -> ReadArguments {
    let mut read = ReadArguments::default();
    for (name, value) in pairs {
        match (name.as_str(), value) {
            ("token", Value::String(token)) => read.form_token = Some(token),
            ("token", _) => {}
            (_, value) => read.pairs.push((name, value)),
        }
    }
    read
}

/// The bytes of a file uploaded to an upload URL: a multipart body's file part (or its
/// first part), or else the whole body, as the official SDKs send either.
pub(crate) fn uploaded_bytes(content_type: Option<&str>, body: &hyper::body::Bytes) -> hyper::body::Bytes {
    let content_type = content_type.map(ContentType::parse);
    let boundary = content_type
        .as_ref()
        .filter(|content_type| content_type.media_type == Some(MediaType::Multipart))
        .and_then(|content_type| content_type.parameter("boundary"));
    let Some(boundary) = boundary else { return body.clone() };
    let Ok(parts) = multipart::parts(body, boundary) else { return body.clone() };
    let part = parts.iter().find(|part| part.filename.is_some()).or(parts.first());
    match part {
        Some(part) => body.slice_ref(part.content),
        None => hyper::body::Bytes::new(),
    }
}

/// The name-value pairs of a query string; none when it does not parse.
pub(crate) fn query_pairs(query: Option<&str>) -> Vec<(String, String)> {
    form::parse(query.unwrap_or_default().as_bytes(), Charset::Utf8).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    const FORM: Option<&str> = Some("application/x-www-form-urlencoded");
    const FORM_ONLY: Method = Method { accepts_json: false, token_is_argument: false };
    const JSON_TOO: Method = Method { accepts_json: true, token_is_argument: false };
    const JSON: Option<&str> = Some("application/json; charset=utf-8");

    fn error(content_type: Option<&str>, body: &str) -> BodyError {
        read(None, content_type, body.as_bytes(), JSON_TOO).arguments.unwrap_err()
    }

    #[test]
    fn a_form_gives_text_arguments_and_its_token() {
        let read = read(Some("limit=2&token=q"), FORM, b"channel=C1&token=xoxb-1", FORM_ONLY);
        assert!(read.warnings.is_empty());
        let arguments = read.arguments.unwrap();
        assert_eq!(arguments.pairs, [("limit".to_owned(), json!("2")), ("channel".to_owned(), json!("C1"))]);
        assert_eq!(arguments.form_token.as_deref(), Some("xoxb-1"));
    }

    #[test]
    fn a_token_argument_of_the_method_is_an_argument() {
        let method = Method { accepts_json: true, token_is_argument: true };
        let form = read(Some("token=q"), FORM, b"client_id=1&token=xoxp-old", method).arguments.unwrap();
        assert_eq!(form.pairs.len(), 3);
        assert_eq!(form.form_token, None);
        let json = read(None, JSON, br#"{"token":"xoxp-old"}"#, method).arguments.unwrap();
        assert_eq!(json.pairs, [("token".to_owned(), json!("xoxp-old"))]);
    }

    #[test]
    fn json_is_read_only_where_accepted_and_never_for_the_token() {
        let body = br#"{"channel":"C1","blocks":[{"type":"divider"}],"token":"xoxb-1"}"#;
        let accepted = read(None, JSON, body, JSON_TOO).arguments.unwrap();
        assert_eq!(accepted.pairs.len(), 2);
        assert_eq!(accepted.pairs[1], ("blocks".to_owned(), json!([{"type": "divider"}])));
        assert_eq!(accepted.form_token, None);
        let ignored = read(None, JSON, body, FORM_ONLY).arguments.unwrap();
        assert!(ignored.pairs.is_empty());
    }

    #[test]
    fn content_type_errors_in_slacks_order() {
        assert_eq!(error(None, "a=1"), BodyError::MissingPostType);
        assert!(read(None, None, b"", JSON_TOO).arguments.is_ok());
        assert_eq!(error(Some("application/xml"), "<a/>"), BodyError::InvalidPostType);
        assert_eq!(error(Some("application/x-www-form-urlencoded; charset=utf-16"), "a=1"), BodyError::InvalidCharset);
        assert_eq!(error(FORM, "a=%zz"), BodyError::InvalidFormData);
        assert_eq!(error(Some("multipart/form-data"), "--b--"), BodyError::InvalidFormData);
        assert_eq!(error(JSON, "{"), BodyError::InvalidJson);
        assert_eq!(error(JSON, "[1]"), BodyError::JsonNotObject);
        assert_eq!(read(Some("a=%"), None, b"", JSON_TOO).arguments.unwrap_err(), BodyError::InvalidFormData);
    }

    #[test]
    fn charset_warnings_like_slacks() {
        let warned = |content_type: &str| read(None, Some(content_type), b"", JSON_TOO).warnings;
        assert_eq!(warned("application/x-www-form-urlencoded; charset=utf-8"), ["superfluous_charset"]);
        assert_eq!(warned("multipart/form-data; boundary=b; charset=utf-8"), ["superfluous_charset"]);
        assert_eq!(warned("application/json"), ["missing_charset"]);
        assert_eq!(warned("text/plain"), ["missing_charset"]);
        assert!(warned("application/json; charset=utf-8").is_empty());
        assert!(warned("application/x-www-form-urlencoded").is_empty());
    }

    #[test]
    fn text_plain_is_read_as_a_form_in_its_charset() {
        let read = read(None, Some("text/plain; charset=iso-8859-1"), b"text=caf%e9", FORM_ONLY);
        assert_eq!(read.arguments.unwrap().pairs, [("text".to_owned(), json!("café"))]);
    }
}

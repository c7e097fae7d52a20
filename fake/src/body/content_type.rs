//! The `Content-Type` header: the media type and its parameters.

/// The media types Slack reads a body as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MediaType {
    /// `application/x-www-form-urlencoded`.
    FormUrlEncoded,
    /// `application/json`.
    Json,
    /// `multipart/form-data`.
    Multipart,
    /// `text/plain`, which Slack reads as a form.
    TextPlain,
}

impl MediaType {
    /// Whether the type is defined without a `charset` parameter, so that Slack warns
    /// `superfluous_charset` when one is given; the others warn `missing_charset` when
    /// it is missing.
    pub(crate) fn is_form_data(self) -> bool {
        matches!(self, Self::FormUrlEncoded | Self::Multipart)
    }
}

/// A parsed `Content-Type` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ContentType {
    /// The media type, or `None` for one Slack does not read.
    pub(crate) media_type: Option<MediaType>,
    /// The parameters, names in lowercase, values unquoted.
    parameters: Vec<(String, String)>,
}

impl ContentType {
    pub(crate) fn parse(header: &str) -> Self {
        let mut parts = header.split(';');
        let essence = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let media_type = match essence.as_str() {
            "application/x-www-form-urlencoded" => Some(MediaType::FormUrlEncoded),
            "application/json" => Some(MediaType::Json),
            "multipart/form-data" => Some(MediaType::Multipart),
            "text/plain" => Some(MediaType::TextPlain),
            _ => None,
        };
        let parameters = parts
            .filter_map(|parameter| parameter.split_once('='))
            .map(|(name, value)| {
                let value = value.trim();
                let value = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')).unwrap_or(value);
                (name.trim().to_ascii_lowercase(), value.to_owned())
            })
            .collect();
        Self { media_type, parameters }
    }

    /// The value of the parameter `name` (lowercase).
    pub(crate) fn parameter(&self, name: &str) -> Option<&str> {
        self.parameters.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
    }
}

/// The character sets Slack accepts: `utf-8` and `iso-8859-1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Charset {
    #[default]
    Utf8,
    Latin1,
}

impl Charset {
    /// The charset named `name` (case-insensitive), if Slack accepts it.
    pub(crate) fn named(name: &str) -> Option<Self> {
        if name.eq_ignore_ascii_case("utf-8") {
            Some(Self::Utf8)
        } else if name.eq_ignore_ascii_case("iso-8859-1") {
            Some(Self::Latin1)
        } else {
            None
        }
    }

    /// The text of `bytes`, or `None` when they are not valid in this charset.
    pub(crate) fn decode(self, bytes: &[u8]) -> Option<String> {
        match self {
            Self::Utf8 => String::from_utf8(bytes.to_vec()).ok(),
            // Every byte is a character: ISO-8859-1 is the first 256 code points.
            Self::Latin1 => Some(bytes.iter().map(|&byte| char::from(byte)).collect()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_media_type_and_parameters() {
        let json = ContentType::parse("Application/JSON; Charset=\"UTF-8\"");
        assert_eq!(json.media_type, Some(MediaType::Json));
        assert_eq!(json.parameter("charset"), Some("UTF-8"));
        let multipart = ContentType::parse("multipart/form-data; boundary=----x");
        assert_eq!(multipart.parameter("boundary"), Some("----x"));
        assert_eq!(ContentType::parse("application/xml").media_type, None);
        assert_eq!(ContentType::parse("").media_type, None);
    }

    #[test]
    fn knows_two_charsets() {
        assert_eq!(Charset::named("UTF-8"), Some(Charset::Utf8));
        assert_eq!(Charset::named("iso-8859-1"), Some(Charset::Latin1));
        assert_eq!(Charset::named("utf-16"), None);
        assert_eq!(Charset::Latin1.decode(&[0x63, 0x61, 0x66, 0xe9]).as_deref(), Some("café"));
        assert_eq!(Charset::Utf8.decode(&[0xe9]), None);
    }
}

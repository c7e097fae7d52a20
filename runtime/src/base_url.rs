//! The base URL that method names are appended to.

use std::fmt;
use std::net::IpAddr;

use http::Uri;

/// Where the client sends calls: `https://slack.com/api/` unless configured otherwise.
///
/// A call to `chat.postMessage` goes to the base URL with the method name appended. The
/// base URL must be `https`, except that plain `http` is allowed to loopback addresses
/// (`localhost`, `127.0.0.0/8`, `[::1]`) so tests can run a local server: the token must
/// never cross a network unencrypted.
#[derive(Clone, PartialEq, Eq)]
pub struct BaseUrl(String);

/// Why a base URL was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BaseUrlError {
    /// The text is not an absolute URL with a host.
    #[error("the base URL {url:?} is not an absolute http(s) URL with a host")]
    NotAbsolute {
        /// The URL as given.
        url: String,
    },
    /// The scheme is neither `https` nor `http`.
    #[error("the base URL {url:?} must use https")]
    UnsupportedScheme {
        /// The URL as given.
        url: String,
    },
    /// Plain `http` to a host that is not a loopback address, which would send the token
    /// in clear text.
    #[error(
        "the base URL {url:?} uses plain http to {host}, which would send the token unencrypted; \
         use https (plain http is allowed only to localhost, 127.0.0.0/8 and [::1])"
    )]
    PlainHttpNotLoopback {
        /// The URL as given.
        url: String,
        /// The host it names.
        host: String,
    },
    /// The URL has a query string or fragment, which method names cannot follow.
    #[error("the base URL {url:?} must not have a query string or fragment")]
    HasQuery {
        /// The URL as given.
        url: String,
    },
}

impl BaseUrl {
    /// Slack's own: `https://slack.com/api/`.
    pub fn slack() -> Self {
        Self("https://slack.com/api/".to_owned())
    }

    /// Checks a base URL. A missing trailing `/` is added, so `http://127.0.0.1:8080/api`
    /// and `http://127.0.0.1:8080/api/` are the same.
    ///
    /// # Errors
    ///
    /// When the URL is not absolute, not `https` (or `http` to a loopback address), or
    /// has a query string or fragment.
    pub fn parse(url: &str) -> Result<Self, BaseUrlError> {
        if url.contains(['?', '#']) {
            return Err(BaseUrlError::HasQuery { url: url.to_owned() });
        }
        let uri: Uri = url.parse().map_err(|_| BaseUrlError::NotAbsolute { url: url.to_owned() })?;
        let (Some(scheme), Some(host)) = (uri.scheme_str(), uri.host()) else {
            return Err(BaseUrlError::NotAbsolute { url: url.to_owned() });
        };
        match scheme {
            "https" => {}
            "http" if is_loopback(host) => {}
            "http" => {
                return Err(BaseUrlError::PlainHttpNotLoopback { url: url.to_owned(), host: host.to_owned() });
            }
            _ => return Err(BaseUrlError::UnsupportedScheme { url: url.to_owned() }),
        }
        let mut normalized = url.to_owned();
        if !normalized.ends_with('/') {
            normalized.push('/');
        }
        Ok(Self(normalized))
    }

    /// The URL of a method: the base URL with the method name appended.
    pub fn method_url(&self, method: &str) -> String {
        format!("{}{method}", self.0)
    }

    /// The base URL, ending in `/`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for BaseUrl {
    fn default() -> Self {
        Self::slack()
    }
}

impl fmt::Debug for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether a URL host (as `Uri::host` gives it, IPv6 in brackets) is a loopback address.
fn is_loopback(host: &str) -> bool {
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    let unbracketed = host.strip_prefix('[').and_then(|inner| inner.strip_suffix(']')).unwrap_or(host);
    unbracketed.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_https_anywhere_and_http_to_loopback() {
        assert_eq!(BaseUrl::parse("https://slack-gov.com/api").unwrap().as_str(), "https://slack-gov.com/api/");
        for url in ["http://127.0.0.1:9/api/", "http://127.8.0.1/", "http://localhost:80/x", "http://[::1]:8080/api/"] {
            assert!(BaseUrl::parse(url).is_ok(), "{url}");
        }
        assert_eq!(BaseUrl::slack().method_url("chat.postMessage"), "https://slack.com/api/chat.postMessage");
    }

    #[test]
    fn refuses_plain_http_elsewhere_and_odd_urls() {
        for url in ["http://slack.com/api/", "http://10.0.0.1/api/", "http://localhost.evil.com/", "http://[::2]/"] {
            assert!(matches!(BaseUrl::parse(url), Err(BaseUrlError::PlainHttpNotLoopback { .. })), "{url}");
        }
        assert!(matches!(BaseUrl::parse("ftp://slack.com/"), Err(BaseUrlError::UnsupportedScheme { .. })));
        assert!(matches!(BaseUrl::parse("slack.com/api"), Err(BaseUrlError::NotAbsolute { .. })));
        assert!(matches!(BaseUrl::parse("/api/"), Err(BaseUrlError::NotAbsolute { .. })));
        assert!(matches!(BaseUrl::parse("https://slack.com/api/?x=1"), Err(BaseUrlError::HasQuery { .. })));
        let message = BaseUrl::parse("http://slack.com/api/").unwrap_err().to_string();
        assert!(message.contains("use https"), "{message}");
    }
}

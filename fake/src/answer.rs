//! The HTTP answer the fake sends, built from a [`Reply`](crate::Reply) or a rejection.

use std::time::Duration;

use http::header::{CONTENT_TYPE, HeaderValue, RETRY_AFTER};
use http::{HeaderMap, StatusCode};
use hyper::body::Bytes;
use serde_json::{Map, Value, json};

/// `Content-Type` of every JSON answer, as Slack sends it.
const JSON: &str = "application/json; charset=utf-8";

/// An answer, ready to send after its delay.
#[derive(Debug, Clone)]
pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
    /// How long to wait before answering.
    pub(crate) delay: Duration,
    /// The `error` code of an `"ok": false` answer, for the record and the log.
    pub(crate) error: Option<String>,
}

impl Answer {
    /// A JSON answer; the error code is read from the body.
    pub(crate) fn json(status: StatusCode, body: &Value) -> Self {
        let error = match body {
            Value::Object(fields) if fields.get("ok") == Some(&Value::Bool(false)) => {
                fields.get("error").and_then(Value::as_str).map(str::to_owned)
            }
            _ => None,
        };
        Self::bytes(status, JSON, encode(body).into_bytes(), error)
    }

    /// `{"ok": false, "error": code}` with HTTP 200, plus any `response_metadata.messages`
    /// and warnings.
    pub(crate) fn error(code: &str, messages: &[String], warnings: &[&str]) -> Self {
        let mut body = json!({"ok": false, "error": code});
        if !messages.is_empty() {
            body["response_metadata"] = json!({"messages": messages});
        }
        add_warnings(&mut body, warnings);
        Self::json(StatusCode::OK, &body)
    }

    /// `unknown_method` with HTTP 200 and the method asked for in `req_method`, as Slack
    /// answers a method it does not have (or no longer has).
    ///
    /// The evidence is public: java-slack-sdk's test against the real API for the retired
    /// `oauth.token` (`slack-api-client/src/test/java/test_with_remote_apis/methods/oauth_Test.java`,
    /// `token()`) reads `getError()` as `unknown_method`, which that SDK only decodes from
    /// a 2xx answer (`MethodsClientImpl` throws `SlackApiException` on any other status);
    /// and its recording of that answer (`json-logs/samples/api/oauth.token.json`) has
    /// `req_method` beside the error.
    pub(crate) fn unknown_method(method: &str) -> Self {
        Self::json(StatusCode::OK, &json!({"ok": false, "error": "unknown_method", "req_method": method}))
    }

    /// HTTP 429 with `Retry-After` in whole seconds (rounded up) and Slack's body.
    pub(crate) fn rate_limited(retry_after: Duration) -> Self {
        let mut answer = Self::json(StatusCode::TOO_MANY_REQUESTS, &json!({"ok": false, "error": "ratelimited"}));
        let seconds = retry_after.as_secs() + u64::from(retry_after.subsec_nanos() > 0);
        answer.headers.insert(RETRY_AFTER, HeaderValue::from(seconds));
        answer
    }

    /// An HTML error page, as a proxy in front of Slack sends.
    pub(crate) fn html_error(status: StatusCode) -> Self {
        let title = format!("{} {}", status.as_u16(), status.canonical_reason().unwrap_or("Error"));
        let page = format!(
            "<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n</body>\r\n</html>\r\n"
        );
        Self::bytes(status, "text/html", page.into_bytes(), None)
    }

    /// Any status, content type and body.
    pub(crate) fn bytes(status: StatusCode, content_type: &'static str, body: Vec<u8>, error: Option<String>) -> Self {
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
        Self { status, headers, body: Bytes::from(body), delay: Duration::ZERO, error }
    }

    /// The HTTP response.
    pub(crate) fn into_response(self) -> http::Response<Bytes> {
        let mut response = http::Response::new(self.body);
        *response.status_mut() = self.status;
        *response.headers_mut() = self.headers;
        response
    }
}

/// `body` as JSON text, `ok` and `error` first as in Slack's answers (a `serde_json::Map`
/// sorts its keys).
fn encode(body: &Value) -> String {
    let Value::Object(fields) = body else { return body.to_string() };
    let first = ["ok", "error"].into_iter().filter_map(|name| fields.get_key_value(name));
    let rest = fields.iter().filter(|(name, _)| !matches!(name.as_str(), "ok" | "error"));
    let members: Vec<String> =
        first.chain(rest).map(|(name, value)| format!("{}:{value}", Value::String(name.clone()))).collect();
    format!("{{{}}}", members.join(","))
}

/// Adds warning codes to an answer the way Slack does: to `warning`, comma-separated,
/// and to `response_metadata.warnings`, each once. Bodies that are not objects are left
/// alone.
pub(crate) fn add_warnings(body: &mut Value, warnings: &[&str]) {
    let Value::Object(fields) = body else { return };
    if warnings.is_empty() {
        return;
    }
    let mut codes: Vec<String> = match fields.get("warning").and_then(Value::as_str) {
        Some(existing) => existing.split(',').map(str::to_owned).collect(),
        None => Vec::new(),
    };
    for warning in warnings {
        if !codes.iter().any(|code| code == warning) {
            codes.push((*warning).to_owned());
        }
    }
    fields.insert("warning".to_owned(), Value::String(codes.join(",")));
    let metadata = fields.entry("response_metadata").or_insert_with(|| Value::Object(Map::new()));
    let Value::Object(metadata) = metadata else { return };
    let listed = metadata.entry("warnings").or_insert_with(|| Value::Array(Vec::new()));
    let Value::Array(listed) = listed else { return };
    for warning in warnings {
        if !listed.iter().any(|code| code == warning) {
            listed.push(Value::String((*warning).to_owned()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_go_to_both_places_once() {
        let mut body = json!({"ok": true, "warning": "superfluous_charset", "response_metadata": {"next_cursor": ""}});
        add_warnings(&mut body, &["superfluous_charset", "missing_charset"]);
        assert_eq!(
            body,
            json!({"ok": true, "warning": "superfluous_charset,missing_charset",
                   "response_metadata": {"next_cursor": "", "warnings": ["superfluous_charset", "missing_charset"]}})
        );
        let mut array = json!([1]);
        add_warnings(&mut array, &["missing_charset"]);
        assert_eq!(array, json!([1]));
    }

    #[test]
    fn ok_and_error_come_first() {
        let answer = Answer::json(StatusCode::OK, &json!({"channel": "C1", "error": "x", "ok": false, "a": [1]}));
        assert_eq!(answer.body, r#"{"ok":false,"error":"x","a":[1],"channel":"C1"}"#);
        assert_eq!(Answer::json(StatusCode::OK, &json!([1, "a"])).body, r#"[1,"a"]"#);
    }

    #[test]
    fn errors_carry_messages_and_their_code() {
        let answer = Answer::error("invalid_arguments", &["[ERROR] missing required field: user".to_owned()], &[]);
        assert_eq!(answer.status, StatusCode::OK);
        assert_eq!(answer.error.as_deref(), Some("invalid_arguments"));
        let body: Value = serde_json::from_slice(&answer.body).unwrap();
        assert_eq!(body["response_metadata"]["messages"][0], "[ERROR] missing required field: user");
    }

    #[test]
    fn rate_limits_round_retry_after_up() {
        let answer = Answer::rate_limited(Duration::from_millis(1500));
        assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(answer.headers[RETRY_AFTER], "2");
        assert_eq!(Answer::rate_limited(Duration::from_secs(30)).headers[RETRY_AFTER], "30");
    }

    #[test]
    fn html_pages_name_their_status() {
        let answer = Answer::html_error(StatusCode::BAD_GATEWAY);
        let page = String::from_utf8(answer.body.to_vec()).unwrap();
        assert!(page.contains("<title>502 Bad Gateway</title>"), "{page}");
        assert_eq!(answer.headers[CONTENT_TYPE], "text/html");
    }
}

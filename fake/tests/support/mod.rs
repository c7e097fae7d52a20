//! What the fake's integration tests share: methods written by hand to cover every kind
//! of token rule, and raw HTTP requests the typed client would never send.

// Each test binary uses part of this module.
#![allow(dead_code)]

pub mod methods;

use serde_json::Value;
use typed_slack_fake::FakeSlack;
use typed_slack_runtime::http::{self, HeaderMap, StatusCode};
use typed_slack_runtime::{ReqwestTransport, Transport};

/// An answer as it came over HTTP.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("a JSON answer")
    }

    /// The `error` code of an `"ok": false` answer.
    pub fn error(&self) -> Option<String> {
        let json = self.json();
        (json["ok"] == false).then(|| json["error"].as_str().expect("an error code").to_owned())
    }
}

/// A raw request to the fake's `method`.
pub struct Raw {
    request: http::request::Builder,
    body: Vec<u8>,
}

impl Raw {
    /// A `POST` with no header and no body.
    pub fn post(slack: &FakeSlack, method: &str) -> Self {
        Self::to(slack, "POST", method)
    }

    /// A request with any HTTP method; `method` may carry a query string.
    pub fn to(slack: &FakeSlack, http_method: &str, method: &str) -> Self {
        let url = format!("{}{method}", slack.base_url());
        Self { request: http::Request::builder().method(http_method).uri(url), body: Vec::new() }
    }

    pub fn bearer(self, token: &str) -> Self {
        self.header("authorization", &format!("Bearer {token}"))
    }

    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.request = self.request.header(name, value);
        self
    }

    /// A form body with its content type.
    pub fn form(self, body: &str) -> Self {
        self.header("content-type", "application/x-www-form-urlencoded").body(body)
    }

    /// A JSON body with its content type, charset included.
    pub fn json(self, body: &Value) -> Self {
        self.header("content-type", "application/json; charset=utf-8").body(&body.to_string())
    }

    pub fn body(mut self, body: &str) -> Self {
        self.body = body.as_bytes().to_vec();
        self
    }

    /// Sends it over HTTP.
    pub async fn send(self) -> Answer {
        let request = self.request.body(self.body).expect("a valid request");
        let response = ReqwestTransport::new().send(request).await.expect("an answer from the fake");
        let (parts, body) = response.into_parts();
        Answer { status: parts.status, headers: parts.headers, body }
    }
}

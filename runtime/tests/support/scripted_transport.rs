//! An in-memory [`Transport`] that answers scripted steps and records what it was sent,
//! with the (possibly paused) tokio clock's instant, for tests on paused time of the
//! client's own timing (retries, backoff, pacing), where it must control every answer
//! and every failure to connect.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use tokio::time::Instant;
use typed_slack_runtime::http::{self, HeaderMap};
use typed_slack_runtime::{Transport, TransportError, TransportFuture};

/// What the transport does with one request.
#[derive(Debug, Clone)]
pub enum Step {
    Answer(Canned),
    FailToConnect,
}

impl From<Canned> for Step {
    fn from(answer: Canned) -> Self {
        Self::Answer(answer)
    }
}

/// One canned HTTP answer.
#[derive(Debug, Clone)]
pub struct Canned {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
    /// Never answer.
    pub hang: bool,
}

impl Canned {
    /// HTTP 200 with a JSON body.
    pub fn json(body: serde_json::Value) -> Self {
        Self::raw(200, "application/json; charset=utf-8", body.to_string())
    }

    /// `{"ok": true}`.
    pub fn ok() -> Self {
        Self::json(serde_json::json!({"ok": true}))
    }

    /// Any status, content type and body.
    pub fn raw(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self { status, headers: vec![("content-type", content_type.to_owned())], body: body.into(), hang: false }
    }

    /// HTTP 429 with `Retry-After: seconds`.
    pub fn rate_limited(seconds: &str) -> Self {
        let mut answer = Self::json(serde_json::json!({"ok": false, "error": "ratelimited"}));
        answer.status = 429;
        answer.headers.push(("retry-after", seconds.to_owned()));
        answer
    }

    /// An answer that never comes.
    pub fn never() -> Self {
        Self { hang: true, ..Self::ok() }
    }
}

/// A request as the transport received it.
#[derive(Debug, Clone)]
pub struct Sent {
    pub at: Instant,
    pub uri: String,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
    /// The request's own `Debug` output.
    pub debug: String,
}

#[derive(Debug, Clone, Default)]
pub struct ScriptedTransport {
    steps: Arc<Mutex<VecDeque<Step>>>,
    sent: Arc<Mutex<Vec<Sent>>>,
}

impl ScriptedTransport {
    /// Takes `steps` in order, then answers HTTP 500.
    pub fn new(steps: impl IntoIterator<Item = Step>) -> Self {
        Self { steps: Arc::new(Mutex::new(steps.into_iter().collect())), sent: Arc::default() }
    }

    pub fn sent(&self) -> Vec<Sent> {
        self.sent.lock().expect("no poisoned lock").clone()
    }
}

impl Transport for ScriptedTransport {
    fn send(&self, request: http::Request<Vec<u8>>) -> TransportFuture<'_> {
        self.sent.lock().expect("no poisoned lock").push(Sent {
            at: Instant::now(),
            uri: request.uri().to_string(),
            headers: request.headers().clone(),
            body: request.body().clone(),
            debug: format!("{request:?}"),
        });
        let step = self.steps.lock().expect("no poisoned lock").pop_front();
        Box::pin(async move {
            match step {
                Some(Step::FailToConnect) => Err(TransportError::connect("connection refused (scripted)")),
                Some(Step::Answer(answer)) if answer.hang => std::future::pending().await,
                Some(Step::Answer(answer)) => Ok(response(answer)),
                None => Ok(response(Canned::raw(500, "text/plain", "no scripted step left"))),
            }
        })
    }
}

fn response(answer: Canned) -> http::Response<Vec<u8>> {
    let mut response = http::Response::builder().status(answer.status);
    for (name, value) in &answer.headers {
        response = response.header(*name, value);
    }
    response.body(answer.body).expect("a valid canned answer")
}

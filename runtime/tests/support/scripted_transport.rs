//! An in-memory [`Transport`] that answers scripted steps and records what it was sent,
//! with the (possibly paused) tokio clock's instant, for tests on paused time.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use slack_api_runtime::http::{self, HeaderMap};
use slack_api_runtime::{Transport, TransportError, TransportFuture};
use tokio::time::Instant;

use super::server::Reply;

/// What the transport does with one request.
#[derive(Debug, Clone)]
pub enum Step {
    Answer(Reply),
    FailToConnect,
}

impl From<Reply> for Step {
    fn from(reply: Reply) -> Self {
        Self::Answer(reply)
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
                Some(Step::Answer(reply)) if reply.hang => std::future::pending().await,
                Some(Step::Answer(reply)) => Ok(response(reply)),
                None => Ok(response(Reply::raw(500, "text/plain", "no scripted step left"))),
            }
        })
    }
}

fn response(reply: Reply) -> http::Response<Vec<u8>> {
    let mut response = http::Response::builder().status(reply.status);
    for (name, value) in &reply.headers {
        response = response.header(*name, value);
    }
    response.body(reply.body).expect("a valid scripted reply")
}

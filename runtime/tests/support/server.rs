//! A real HTTP/1.1 server on 127.0.0.1 that answers scripted replies and records every
//! request, playing Slack for the client under test.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::{Arc, Mutex};

use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use slack_api_runtime::http::{self, HeaderMap, StatusCode};
use slack_api_runtime::{Client, ClientBuilder, Token};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

/// One scripted answer.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
    /// Never answer: the handler waits forever.
    pub hang: bool,
}

impl Reply {
    /// HTTP 200 with a JSON body.
    pub fn json(body: serde_json::Value) -> Self {
        Self::raw(200, "application/json; charset=utf-8", body.to_string())
    }

    /// `{"ok": true}`.
    pub fn ok() -> Self {
        Self::json(serde_json::json!({"ok": true}))
    }

    /// `{"ok": false, "error": code}`.
    pub fn error(code: &str) -> Self {
        Self::json(serde_json::json!({"ok": false, "error": code}))
    }

    /// Any status, content type and body.
    pub fn raw(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self { status, headers: vec![("content-type", content_type.to_owned())], body: body.into(), hang: false }
    }

    /// HTTP 429 with `Retry-After: seconds`.
    pub fn rate_limited(seconds: &str) -> Self {
        Self::json(serde_json::json!({"ok": false, "error": "ratelimited"})).status(429).header("retry-after", seconds)
    }

    /// A reply that never comes.
    pub fn never() -> Self {
        Self { hang: true, ..Self::ok() }
    }

    pub fn status(mut self, status: u16) -> Self {
        self.status = status;
        self
    }

    pub fn header(mut self, name: &'static str, value: &str) -> Self {
        self.headers.push((name, value.to_owned()));
        self
    }
}

/// A request as the server received it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|value| value.to_str().expect("an ASCII header"))
    }

    pub fn body_text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("a UTF-8 body")
    }
}

#[derive(Debug, Default)]
struct State {
    replies: Mutex<VecDeque<Reply>>,
    requests: Mutex<Vec<Recorded>>,
}

/// The server; it stops accepting connections when dropped.
#[derive(Debug)]
pub struct FakeSlack {
    base_url: String,
    state: Arc<State>,
    accept_loop: JoinHandle<()>,
}

impl FakeSlack {
    /// Starts a server that answers `replies` in order, then HTTP 500.
    pub async fn start(replies: impl IntoIterator<Item = Reply>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("a free loopback port");
        let address = listener.local_addr().expect("a bound address");
        let state = Arc::new(State { replies: Mutex::new(replies.into_iter().collect()), ..State::default() });
        let accept_loop = tokio::spawn(accept(listener, state.clone()));
        Self { base_url: format!("http://{address}/api/"), state, accept_loop }
    }

    /// `http://127.0.0.1:PORT/api/`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// A client builder pointed at this server, with the test token.
    pub fn client(&self, token: Token) -> ClientBuilder {
        Client::builder(token).base_url(self.base_url())
    }

    /// Every request received so far.
    pub fn requests(&self) -> Vec<Recorded> {
        self.state.requests.lock().expect("no poisoned lock").clone()
    }
}

impl Drop for FakeSlack {
    fn drop(&mut self) {
        self.accept_loop.abort();
    }
}

async fn accept(listener: TcpListener, state: Arc<State>) {
    while let Ok((stream, _)) = listener.accept().await {
        let state = state.clone();
        tokio::spawn(async move {
            let service = service_fn(move |request| answer(state.clone(), request));
            // A client that gives up (a timeout test) ends its connection: not a failure.
            let _ = http1::Builder::new().serve_connection(TokioIo::new(stream), service).await;
        });
    }
}

async fn answer(
    state: Arc<State>,
    request: http::Request<Incoming>,
) -> Result<http::Response<Full<Bytes>>, Infallible> {
    let (parts, body) = request.into_parts();
    let body = body.collect().await.map(|collected| collected.to_bytes().to_vec()).unwrap_or_default();
    state.requests.lock().expect("no poisoned lock").push(Recorded {
        method: parts.method.to_string(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().map(str::to_owned),
        headers: parts.headers,
        body,
    });
    let reply = state.replies.lock().expect("no poisoned lock").pop_front();
    let Some(reply) = reply else {
        let mut response = http::Response::new(Full::new(Bytes::from_static(b"no scripted reply left")));
        *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
        return Ok(response);
    };
    if reply.hang {
        std::future::pending::<()>().await;
    }
    let mut response = http::Response::builder().status(reply.status);
    for (name, value) in &reply.headers {
        response = response.header(*name, value);
    }
    Ok(response.body(Full::new(Bytes::from(reply.body))).expect("a valid scripted reply"))
}

//! The client's hot path, typed, against a hand-rolled baseline in the same run.
//!
//! `cargo bench -p typed-slack --bench client`. The baseline does what a hand-rolled
//! client does: the same form encoding, `serde_json::Value` for the answer, and string
//! matching on `ok` and `error`. divan's allocation profiler counts the allocations of
//! each side.

use std::convert::Infallible;
use std::net::SocketAddr;

use divan::{AllocProfiler, Bencher, black_box};
use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use serde_json::Value;
use tokio::net::TcpListener;
use typed_slack::runtime::{FormArgs, Method, decode_answer, http};
use typed_slack::{ChatPostMessage, ChatPostMessageError, Client, Token};

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

fn main() {
    divan::main();
}

const CHANNEL: &str = "C0123ABCDEF";
const TEXT: &str = "Hello from the benchmark: *bold*, a <https://example.com|link> & an emoji :wave:";
const THREAD: &str = "1524523204.000192";

const SUCCESS: &str = r#"{"ok":true,"channel":"C0123ABCDEF","ts":"1503435956.000247","message":{"text":"Hello","username":"ecto1","bot_id":"B123ABC456","attachments":[{"text":"This is an attachment","id":1,"fallback":"This is an attachment's fallback"}],"type":"message","subtype":"bot_message","ts":"1503435956.000247"}}"#;
const FAILURE: &str = r#"{"ok":false,"error":"channel_not_found"}"#;
const WITH_WARNINGS: &str = r#"{"ok":true,"channel":"C0123ABCDEF","ts":"1503435956.000247","warning":"missing_charset","response_metadata":{"warnings":["missing_charset"]}}"#;

fn request() -> ChatPostMessage {
    ChatPostMessage::new(CHANNEL).text(TEXT).thread_ts(THREAD).unfurl_links(false)
}

fn answer(body: &str) -> http::Response<Vec<u8>> {
    http::Response::builder()
        .status(200)
        .header("content-type", "application/json; charset=utf-8")
        .body(body.as_bytes().to_vec())
        .expect("a valid response")
}

/// What a hand-rolled client keeps of a `chat.postMessage` answer.
#[derive(Debug)]
#[allow(dead_code)] // Read only through Debug, as a caller would read it.
enum HandRolled {
    Posted { channel: String, ts: String, message: Option<Value>, warnings: Vec<String> },
    ChannelNotFound,
    OtherError(String),
}

fn hand_rolled_decode(body: &[u8]) -> Result<HandRolled, serde_json::Error> {
    let mut value: Value = serde_json::from_slice(body)?;
    if value["ok"].as_bool() == Some(true) {
        let mut warnings: Vec<String> = value["warning"]
            .as_str()
            .map(|warning| warning.split(',').map(str::to_owned).collect())
            .unwrap_or_default();
        for warning in value["response_metadata"]["warnings"].as_array().into_iter().flatten() {
            if let Some(warning) = warning.as_str().filter(|warning| !warnings.iter().any(|known| known == warning)) {
                warnings.push(warning.to_owned());
            }
        }
        return Ok(HandRolled::Posted {
            channel: value["channel"].as_str().unwrap_or_default().to_owned(),
            ts: value["ts"].as_str().unwrap_or_default().to_owned(),
            message: value.get_mut("message").map(Value::take),
            warnings,
        });
    }
    Ok(match value["error"].as_str() {
        Some("channel_not_found") => HandRolled::ChannelNotFound,
        other => HandRolled::OtherError(other.unwrap_or_default().to_owned()),
    })
}

mod encode {
    use super::*;

    #[divan::bench]
    fn typed(bencher: Bencher<'_, '_>) {
        let request = request();
        bencher.bench_local(|| {
            let mut form = FormArgs::new();
            black_box(&request).write_args(&mut form).expect("arguments encode");
            form.finish()
        });
    }

    #[divan::bench]
    fn baseline(bencher: Bencher<'_, '_>) {
        bencher.bench_local(|| {
            form_urlencoded::Serializer::new(String::new())
                .append_pair("channel", black_box(CHANNEL))
                .append_pair("text", black_box(TEXT))
                .append_pair("thread_ts", black_box(THREAD))
                .append_pair("unfurl_links", "false")
                .finish()
        });
    }
}

mod decode_success {
    use super::*;

    #[divan::bench]
    fn typed(bencher: Bencher<'_, '_>) {
        let answer = answer(SUCCESS);
        bencher.bench_local(|| decode_answer::<ChatPostMessage>(black_box(&answer)).expect("a success"));
    }

    #[divan::bench]
    fn baseline(bencher: Bencher<'_, '_>) {
        let answer = answer(SUCCESS);
        bencher.bench_local(|| hand_rolled_decode(black_box(answer.body())).expect("JSON"));
    }
}

mod decode_error {
    use super::*;

    #[divan::bench]
    fn typed(bencher: Bencher<'_, '_>) {
        let answer = answer(FAILURE);
        bencher.bench_local(|| {
            let error = decode_answer::<ChatPostMessage>(black_box(&answer)).expect_err("a failure");
            assert!(matches!(error.code(), Some(ChatPostMessageError::ChannelNotFound)));
            error
        });
    }

    #[divan::bench]
    fn baseline(bencher: Bencher<'_, '_>) {
        let answer = answer(FAILURE);
        bencher.bench_local(|| hand_rolled_decode(black_box(answer.body())).expect("JSON"));
    }
}

mod decode_with_warnings {
    use super::*;

    #[divan::bench]
    fn typed(bencher: Bencher<'_, '_>) {
        let answer = answer(WITH_WARNINGS);
        bencher.bench_local(|| decode_answer::<ChatPostMessage>(black_box(&answer)).expect("a success"));
    }

    #[divan::bench]
    fn baseline(bencher: Bencher<'_, '_>) {
        let answer = answer(WITH_WARNINGS);
        bencher.bench_local(|| hand_rolled_decode(black_box(answer.body())).expect("JSON"));
    }
}

/// A keep-alive HTTP/1.1 server on 127.0.0.1 answering every request with `SUCCESS`.
async fn loopback_server() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("a free port");
    let address = listener.local_addr().expect("a bound address");
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let service = service_fn(|_request: http::Request<Incoming>| async {
                let mut response = http::Response::new(Full::new(Bytes::from_static(SUCCESS.as_bytes())));
                response
                    .headers_mut()
                    .insert("content-type", http::HeaderValue::from_static("application/json; charset=utf-8"));
                Ok::<_, Infallible>(response)
            });
            tokio::spawn(http1::Builder::new().serve_connection(TokioIo::new(stream), service));
        }
    });
    address
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime")
}

mod round_trip {
    use super::*;

    #[divan::bench(sample_count = 200)]
    fn typed(bencher: Bencher<'_, '_>) {
        let runtime = runtime();
        let address = runtime.block_on(loopback_server());
        let token = Token::new("xoxb-benchmark-token").expect("a token");
        let client = Client::builder(token).base_url(format!("http://{address}/api/")).build().expect("a client");
        let request = request();
        bencher.bench_local(|| runtime.block_on(client.call(request.clone())).expect("a success"));
    }

    #[divan::bench(sample_count = 200)]
    fn baseline(bencher: Bencher<'_, '_>) {
        let runtime = runtime();
        let address = runtime.block_on(loopback_server());
        // reqwest is built without a TLS provider of its own (the runtime gives it one):
        // the baseline installs ring, which plain HTTP never uses.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::new();
        let url = format!("http://{address}/api/chat.postMessage");
        bencher.bench_local(|| {
            runtime.block_on(async {
                let body = form_urlencoded::Serializer::new(String::new())
                    .append_pair("channel", CHANNEL)
                    .append_pair("text", TEXT)
                    .append_pair("thread_ts", THREAD)
                    .append_pair("unfurl_links", "false")
                    .finish();
                let answer = client
                    .post(&url)
                    .bearer_auth("xoxb-benchmark-token")
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(body)
                    .send()
                    .await
                    .expect("an answer");
                hand_rolled_decode(&answer.bytes().await.expect("a body")).expect("JSON")
            })
        });
    }
}

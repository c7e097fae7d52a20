//! No token shows in what the fake records or logs. Alone in its test binary: a log
//! capture set per thread misses lines when other tests run beside it.

// The seed method is deprecated; calling it is the point here.
#![allow(deprecated)]

use std::io;
use std::sync::{Arc, Mutex};

use typed_slack::AppsPermissionsUsersRequest as Request;
use typed_slack::runtime::Token;
use typed_slack_fake::{FakeSlack, TokenSource};
use typed_slack_runtime::http;
use typed_slack_runtime::{ReqwestTransport, Transport};

const SECRET: &str = "xoxp-1234-5678-TOPSECRET";

fn request() -> Request {
    Request::new(["reactions:write"], "13345224609.738474920.8088930838d88f008e0", "U0DJ9S1Q8")
}

/// Captures every log line, at every level.
#[derive(Clone, Default)]
struct Logs(Arc<Mutex<Vec<u8>>>);

impl io::Write for Logs {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.lock().expect("no poisoned lock").extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn no_token_shows_in_records_or_logs() {
    let logs = Logs::default();
    let writer = logs.clone();
    let subscriber =
        tracing_subscriber::fmt().with_max_level(tracing::Level::TRACE).with_writer(move || writer.clone());
    let _guard = tracing::subscriber::set_default(subscriber.finish());
    let slack = FakeSlack::builder().methods(typed_slack::catalog()).token(SECRET).start().await.unwrap();
    let client = slack.client(Token::new(SECRET).unwrap()).build().unwrap();
    let stranger = slack.client(Token::new("xoxb-9-UNKNOWNSECRET").unwrap()).build().unwrap();

    client.call(request()).await.unwrap();
    stranger.call(request()).await.unwrap_err();
    let url = format!("{}apps.permissions.users.request?token={SECRET}", slack.base_url());
    let form = http::Request::post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("token={SECRET}&scopes=a&trigger_id=1.2.a&user=U12").into_bytes())
        .unwrap();
    ReqwestTransport::new().send(form).await.unwrap();

    let logs = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    assert_eq!(logs.matches("fake Slack answered").count(), 3, "{logs}");
    let records = format!("{:?} {:#?} {slack:?}", slack.requests(), slack.requests());
    for shown in [&logs, &records] {
        assert!(!shown.contains("TOPSECRET") && !shown.contains("UNKNOWNSECRET"), "{shown}");
    }
    assert_eq!(slack.requests()[1].error(), Some("invalid_auth"));
    assert_eq!(slack.requests()[2].token_source(), Some(TokenSource::FormField));
}

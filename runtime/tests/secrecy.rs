//! The token appears nowhere but the `Authorization` header: not in Debug or Display
//! output, not in errors, not in any log line at any level.

mod support;

use std::time::Duration;

use serde_json::json;
use support::fake::{fake_slack, raw};
use support::logs::CapturedLogs;
use support::methods::{PermissionsRequest, PostMessage};
use support::scripted_transport::{Canned, ScriptedTransport};
use support::{SECRET, token};
use typed_slack_fake::Reply;
use typed_slack_runtime::{Client, RetryPolicy, Token};

/// The part of the test token that must never show.
const SECRET_PART: &str = "TOPSECRET";

#[test]
fn the_token_redacts_itself() {
    let token = token();
    assert_eq!(format!("{token:?}"), "Token(xoxp-<redacted>)");
    assert_eq!(format!("{token}"), "Token(xoxp-<redacted>)");
    assert_eq!(format!("{:#?}", Token::new("custom-secret").unwrap()), "Token(<redacted>)");
}

#[tokio::test]
async fn clients_builders_and_requests_do_not_show_it() {
    let builder = Client::builder(token());
    assert!(!format!("{builder:?}").contains(SECRET_PART));
    let client = builder.build().unwrap();
    let debug = format!("{client:#?}");
    assert!(debug.contains("Token(xoxp-<redacted>)") && !debug.contains(SECRET_PART), "{debug}");

    let transport = ScriptedTransport::new([Canned::ok().into()]);
    let client = Client::builder(token()).transport(transport.clone()).build().unwrap();
    client.call(PermissionsRequest::example()).await.unwrap();
    let [sent] = transport.sent().try_into().unwrap();
    assert!(sent.debug.contains(r#""authorization": Sensitive"#), "{}", sent.debug);
    assert!(!sent.debug.contains(SECRET_PART));
    assert!(sent.headers["authorization"].is_sensitive());
    assert!(!sent.uri.contains(SECRET_PART) && !String::from_utf8_lossy(&sent.body).contains(SECRET_PART));
}

#[tokio::test]
async fn no_log_line_or_error_shows_it() {
    let (logs, _capture) = CapturedLogs::start();
    let slack = fake_slack().await;
    let permissions = [
        Reply::success(json!({"warning": "superfluous_charset"})),
        Reply::sample().delayed(Duration::from_secs(3600)),
        Reply::server_error(502),
        raw(200, "text/html", "<html>not json</html>"),
    ];
    for reply in permissions {
        slack.on::<PermissionsRequest>().reply(reply);
    }
    slack.on::<PostMessage>().rate_limited(Duration::ZERO);
    let missing_scope = json!({"needed": "chat:write", "warning": "x"});
    slack.on::<PostMessage>().reply(Reply::error_with("missing_scope", missing_scope));
    let policy = RetryPolicy::default().retry_timeouts(true).max_attempts(2);
    // Short for the reply that never comes, long enough for the others on a busy machine.
    let client = slack.client(token()).timeout(Duration::from_millis(500)).retry_policy(policy).build().unwrap();

    let mut shown = Vec::new();
    client.call(PermissionsRequest::example()).await.unwrap();
    let error = client.call(PostMessage::new("C1", "hi")).await.unwrap_err();
    shown.push(format!("{error} {error:?}"));
    let error = client.call(PermissionsRequest::example()).await.unwrap_err();
    shown.push(format!("{error} {error:?}"));
    let error = client.call(PermissionsRequest::example()).await.unwrap_err();
    shown.push(format!("{error} {error:?}"));

    let logs = logs.text();
    let warned = "WARN typed_slack_runtime::decode: Slack answered with warnings \
                  method=\"apps.permissions.users.request\" warnings=superfluous_charset";
    assert_eq!(logs.matches(warned).count(), 1, "warnings are logged once: {logs}");
    assert!(logs.contains("retrying a failed call"), "{logs}");
    assert!(!logs.contains(SECRET_PART), "{logs}");
    assert!(!logs.contains(SECRET));
    for shown in shown {
        assert!(!shown.contains(SECRET_PART), "{shown}");
    }
}

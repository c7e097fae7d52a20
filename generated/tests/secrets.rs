//! Secrets Slack takes and answers (client secrets, OAuth codes, access and refresh
//! tokens, webhook URLs) never show in Debug output, yet are sent and kept.

#![cfg(feature = "oauth")]

use typed_slack::runtime::{FormArgs, Method};
use typed_slack::{OauthV2Access, OauthV2AccessResponse};

const ANSWER: &str = r##"{
    "ok": true,
    "access_token": "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",
    "token_type": "bot",
    "app_id": "A0KRD7HC3",
    "refresh_token": "xoxe-1-refresh-secret",
    "authed_user": {"id": "U1234", "access_token": "xoxp-1234-user-secret"},
    "incoming_webhook": {
        "channel": "#general",
        "channel_id": "C1234",
        "configuration_url": "https://teamname.slack.com/services/B1234",
        "url": "https://hooks.slack.com/TXXXXX/BXXXXX/webhook-secret"
    }
}"##;

#[test]
fn arguments_holding_secrets_are_sent_but_not_shown() {
    let request = OauthV2Access::new().client_id("2141029472.691202649728").client_secret("s3cr3t").code("c0de");
    let shown = format!("{request:?}");
    assert!(!shown.contains("s3cr3t") && !shown.contains("c0de"), "{shown}");
    assert!(shown.contains("2141029472.691202649728"), "what is no secret still shows: {shown}");
    let mut form = FormArgs::new();
    request.write_args(&mut form).unwrap_or_else(|error| panic!("{error}"));
    let body = form.finish();
    assert!(body.contains("client_secret=s3cr3t") && body.contains("code=c0de"), "{body}");
}

#[test]
fn answers_holding_secrets_keep_them_but_do_not_show_them() {
    let answer: OauthV2AccessResponse = serde_json::from_str(ANSWER).unwrap_or_else(|error| panic!("{error}"));
    let shown = format!("{answer:?}");
    for secret in ["pdFZKVeTuE8sk7oOcBrzbqgy", "refresh-secret", "user-secret", "webhook-secret"] {
        assert!(!shown.contains(secret), "{secret} shows in {shown}");
    }
    assert_eq!(
        answer.access_token.as_ref().map(|token| token.expose()),
        Some("xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy")
    );
    let again = serde_json::to_value(&answer).unwrap_or_else(|error| panic!("{error}"));
    let sent: serde_json::Value = serde_json::from_str(ANSWER).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(again, sent, "serialized again, the answer keeps every secret");
}

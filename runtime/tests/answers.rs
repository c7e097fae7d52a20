//! How each kind of answer from the fake Slack, over real HTTP, decodes.

mod support;

use serde_json::json;
use support::fake::{answering, json, raw};
use support::methods::{PermissionsRequest, PostMessage, TestError, TestWarning};
use support::token;
use typed_slack_fake::Reply;
use typed_slack_runtime::http::StatusCode;
use typed_slack_runtime::types::{ChannelId, Timestamp};
use typed_slack_runtime::{CallError, Catalogued, Code, Method, MethodResponse, RetryPolicy};

async fn answer_to<M: Catalogued>(reply: Reply, request: M) -> Result<M::Response, CallError<M>> {
    let slack = answering::<M>([reply]).await;
    let client = slack.client(token()).build().expect("a client for the fake");
    client.call(request).await
}

#[tokio::test]
async fn ok_true_is_the_typed_response() {
    let response = answer_to(Reply::sample(), PermissionsRequest::example()).await.unwrap();
    assert!(response.warnings().is_empty());
}

#[tokio::test]
async fn fields_decode_into_the_response_and_unknown_ones_are_ignored() {
    let reply = Reply::success(json!({
        "channel": "C123", "ts": "1503435956.000247",
        "message": {"text": "hi", "type": "message"}, "something_new": [1, 2, 3],
    }));
    let response = answer_to(reply, PostMessage::new("C123", "hi")).await.unwrap();
    assert_eq!(response.channel, ChannelId::new("C123"));
    assert_eq!(response.ts, Timestamp::new("1503435956.000247"));
}

#[tokio::test]
async fn the_pages_invalid_trigger_id_example_keeps_the_undocumented_code() {
    let error = answer_to(Reply::error("invalid_trigger_id"), PermissionsRequest::example()).await.unwrap_err();

    let CallError::Method(method_error) = &error else { panic!("expected a method error, got {error:?}") };
    assert!(matches!(&method_error.code, TestError::Unknown(code) if code.as_str() == "invalid_trigger_id"));
    assert_eq!(method_error.code.code(), "invalid_trigger_id");
    assert!(!method_error.code.is_documented());
    assert!(method_error.extra.is_empty());
    assert!(!error.is_retryable());
    assert_eq!(error.to_string(), "apps.permissions.users.request failed: invalid_trigger_id");
}

#[tokio::test]
async fn a_documented_code_decodes_into_its_variant() {
    let slack = support::fake::fake_slack().await;
    slack.on::<PermissionsRequest>().fail(TestError::InvalidTrigger);
    let client = slack.client(token()).build().unwrap();

    let error = client.call(PermissionsRequest::example()).await.unwrap_err();

    assert_eq!(error.code(), Some(&TestError::InvalidTrigger));
}

#[tokio::test]
async fn missing_scope_keeps_needed_and_provided() {
    let reply =
        Reply::error_with("missing_scope", json!({"needed": "chat:write", "provided": "identify,channels:read"}));
    let error = answer_to(reply, PostMessage::new("C1", "hi")).await.unwrap_err();

    let CallError::Method(method_error) = error else { panic!("expected a method error") };
    assert_eq!(method_error.code, TestError::MissingScope);
    assert_eq!(method_error.extra_str("needed"), Some("chat:write"));
    assert_eq!(method_error.extra_str("provided"), Some("identify,channels:read"));
    assert_eq!(method_error.extra.len(), 2);
}

#[tokio::test]
async fn warnings_from_both_places_are_typed_and_deduplicated() {
    let reply = Reply::success(json!({
        "warning": "superfluous_charset",
        "response_metadata": {"warnings": ["superfluous_charset", "method_deprecated"]},
    }));
    let response = answer_to(reply, PermissionsRequest::example()).await.unwrap();
    assert_eq!(response.warnings.len(), 2);
    assert_eq!(response.warnings[0], TestWarning::SuperfluousCharset);
    assert_eq!(response.warnings[1].code(), "method_deprecated");
}

#[tokio::test]
async fn an_error_carries_its_warnings_too() {
    let reply = json(json!({
        "ok": false, "error": "invalid_arguments", "warning": "missing_charset",
        "response_metadata": {"messages": ["[ERROR] missing required field: channel"], "warnings": ["missing_charset"]},
    }));
    let error = answer_to(reply, PostMessage::new("C1", "hi")).await.unwrap_err();

    let CallError::Method(method_error) = error else { panic!("expected a method error") };
    assert_eq!(method_error.warnings, [TestWarning::MissingCharset]);
    let messages = json!({"messages": ["[ERROR] missing required field: channel"]});
    assert_eq!(method_error.extra.get("response_metadata"), Some(&messages));
    assert_eq!(method_error.extra.len(), 1);
}

#[tokio::test]
async fn an_html_502_page_is_an_http_error_with_an_excerpt() {
    let slack = answering::<PermissionsRequest>([Reply::server_error(502)]).await;
    let client = slack.client(token()).build().unwrap();

    let error = client.call(PermissionsRequest::example()).await.unwrap_err();

    let CallError::Http(http_error) = &error else { panic!("expected an HTTP error, got {error:?}") };
    assert_eq!(http_error.status, StatusCode::BAD_GATEWAY);
    assert!(http_error.excerpt.starts_with("<html> <head><title>502 Bad Gateway</title>"), "{}", http_error.excerpt);
    assert!(error.is_retryable());
    assert_eq!(slack.requests().len(), 1, "5xx is not retried by default");
}

#[tokio::test]
async fn a_long_error_page_is_cut_to_a_short_excerpt() {
    let page = format!("<html>{}</html>", "é".repeat(5000));
    let error = answer_to(raw(503, "text/html", page), PermissionsRequest::example()).await.unwrap_err();
    let CallError::Http(http_error) = error else { panic!("expected an HTTP error") };
    assert!(http_error.excerpt.chars().count() <= 201);
    assert!(http_error.excerpt.ends_with('…'));
}

async fn decode_error(reply: Reply) -> (StatusCode, String, String) {
    match answer_to(reply, PostMessage::new("C1", "hi")).await {
        Err(error @ CallError::Decode(_)) => {
            assert!(!error.is_retryable());
            let message = error.to_string();
            let CallError::Decode(decode) = error else { unreachable!() };
            (decode.status, decode.excerpt, message)
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
}

#[tokio::test]
async fn bodies_that_are_not_slack_answers_are_decode_errors() {
    let (status, excerpt, _) = decode_error(raw(200, "text/html", "<html>Slack is down</html>")).await;
    assert_eq!((status, excerpt.as_str()), (StatusCode::OK, "<html>Slack is down</html>"));

    let (_, excerpt, message) = decode_error(raw(200, "application/json", "")).await;
    assert_eq!(excerpt, "");
    assert!(message.contains("EOF"), "{message}");

    let (_, excerpt, _) = decode_error(raw(200, "application/json", r#"{"ok":true,"channel":"C1","#)).await;
    assert_eq!(excerpt, r#"{"ok":true,"channel":"C1","#);

    let (_, _, message) = decode_error(json(json!({"channel": "C1", "ts": "1.2"}))).await;
    assert!(message.contains("missing field `ok`"), "{message}");

    let (_, _, message) = decode_error(json(json!({"ok": false}))).await;
    assert!(message.contains("no `error`"), "{message}");

    decode_error(json(json!([{"ok": true}]))).await;
}

#[tokio::test]
async fn a_response_that_does_not_match_its_type_is_a_decode_error() {
    let (_, _, message) = decode_error(Reply::success(json!({"channel": "C1", "ts": 1.5}))).await;
    assert!(
        message.starts_with("chat.postMessage got an answer that does not decode: HTTP 200 OK, invalid type"),
        "{message}"
    );
}

#[tokio::test]
async fn ok_false_is_never_retried_even_on_a_5xx_status() {
    let internal_error = raw(500, "application/json", json!({"ok": false, "error": "internal_error"}).to_string());
    let slack = answering::<PermissionsRequest>([internal_error, Reply::sample()]).await;
    let policy = RetryPolicy::default().retry_server_errors(true).retry_timeouts(true);
    let client = slack.client(token()).retry_policy(policy).build().unwrap();

    let error = client.call(PermissionsRequest::example()).await.unwrap_err();

    assert_eq!(error.code(), Some(&TestError::InternalError));
    assert_eq!(slack.requests().len(), 1);
}

#[tokio::test]
async fn a_redirect_is_not_followed() {
    let redirect = typed_slack_runtime::http::Response::builder()
        .status(302)
        .header("location", "https://example.com/api/elsewhere")
        .body(b"moved".to_vec())
        .unwrap();
    let error = answer_to(Reply::raw(redirect), PermissionsRequest::example()).await.unwrap_err();
    let CallError::Http(http_error) = error else { panic!("expected an HTTP error") };
    assert_eq!(http_error.status, StatusCode::FOUND);
}

#[tokio::test]
async fn the_fakes_own_checks_reach_the_client_typed() {
    let slack = support::fake::fake_slack().await;
    let stranger = slack.client(typed_slack_runtime::Token::new("xoxp-not-registered").unwrap()).build().unwrap();

    let error = stranger.call(PermissionsRequest::example()).await.unwrap_err();

    assert_eq!(error.code().map(Code::code), Some("invalid_auth"));
}

/// Answers with `ok` first take a one-pass fast path; the same answers laid out any
/// other way take the general path. Both give the same outcome.
#[test]
fn the_layout_of_an_answer_does_not_change_its_outcome() {
    use typed_slack_runtime::{decode_answer, http};

    fn decode(body: &str) -> Result<<PostMessage as Method>::Response, CallError<PostMessage>> {
        let answer = http::Response::builder().status(200).body(body.as_bytes().to_vec()).unwrap();
        decode_answer::<PostMessage>(&answer)
    }

    let fast = decode(r#"{"ok":true,"channel":"C1","ts":"1.2"}"#).unwrap();
    let general = decode(r#"{"channel":"C1","ts":"1.2","ok":true}"#).unwrap();
    assert_eq!((fast.channel.as_str(), fast.ts.as_str()), (general.channel.as_str(), general.ts.as_str()));

    let fast = decode(r#"{"ok":true,"channel":"C1","ts":"1.2","warning":"missing_charset"}"#).unwrap();
    let general = decode(r#"{"warning":"missing_charset","channel":"C1","ts":"1.2","ok":true}"#).unwrap();
    assert_eq!(fast.warnings(), [TestWarning::MissingCharset]);
    assert_eq!(fast.warnings(), general.warnings());

    for body in [
        r#"{"ok":false,"error":"missing_scope","needed":"chat:write","warning":"missing_charset"}"#,
        r#"{"needed":"chat:write","warning":"missing_charset","error":"missing_scope","ok":false}"#,
    ] {
        let Err(CallError::Method(failure)) = decode(body) else { panic!("{body} should be a method error") };
        assert_eq!(failure.code.code(), "missing_scope");
        assert_eq!(failure.warnings, [TestWarning::MissingCharset]);
        assert_eq!(failure.extra_str("needed"), Some("chat:write"));
        assert_eq!(failure.extra.len(), 1, "{:?}", failure.extra);
    }

    // A success missing a required field is a decode error on either path.
    assert!(matches!(decode(r#"{"ok":true,"channel":"C1"}"#), Err(CallError::Decode(_))));
    assert!(matches!(decode(r#"{"channel":"C1","ok":true}"#), Err(CallError::Decode(_))));
    // `"ok": false` without a code is no Slack answer.
    assert!(matches!(decode(r#"{"ok":false}"#), Err(CallError::Decode(_))));
}

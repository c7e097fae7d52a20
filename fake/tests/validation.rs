//! Each request is checked the way Slack checks it, in Slack's order, over real HTTP.

mod support;

use serde_json::json;
use support::Raw;
use support::methods::{BotOnly, Exchange, Lookup, Post, UserOnly, UserOnlyQuiet};
use typed_slack_fake::{FakeSlack, TokenKind, TokenSource};
use typed_slack_runtime::http::StatusCode;

const BOT: &str = FakeSlack::BOT_TOKEN;
const USER: &str = FakeSlack::USER_TOKEN;

async fn slack() -> FakeSlack {
    FakeSlack::builder()
        .method::<BotOnly>()
        .method::<UserOnly>()
        .method::<UserOnlyQuiet>()
        .method::<Post>()
        .method::<Lookup>()
        .method::<Exchange>()
        .start()
        .await
        .expect("a fake on a free port")
}

#[tokio::test]
async fn a_valid_call_gets_the_sample_response_verbatim() {
    let slack = slack().await;

    let answer = Raw::post(&slack, "test.post").bearer(BOT).form("channel=C1&text=hi").send().await;

    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.headers["content-type"], "application/json; charset=utf-8");
    assert_eq!(answer.body, br#"{"ok":true,"channel":"C0000000000","ts":"0000000000.000000"}"#);
}

#[tokio::test]
async fn an_unknown_method_is_answered_like_slack() {
    let slack = slack().await;

    let answer = Raw::post(&slack, "chat.postMesage").bearer(BOT).send().await;

    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.json(), json!({"ok": false, "error": "unknown_method", "req_method": "chat.postMesage"}));
    assert_eq!(slack.requests()[0].method(), "chat.postMesage");
}

#[tokio::test]
async fn tokens_come_from_the_header_or_a_form_field_only() {
    let slack = slack().await;

    let none = Raw::post(&slack, "test.post").form("channel=C1&text=hi").send().await;
    let in_form = Raw::post(&slack, "test.post").form(&format!("token={USER}&channel=C1&text=hi")).send().await;
    let in_json =
        Raw::post(&slack, "test.post").json(&json!({"token": USER, "channel": "C1", "text": "hi"})).send().await;
    let in_query = Raw::post(&slack, &format!("test.post?token={USER}")).form("channel=C1&text=hi").send().await;

    assert_eq!(none.error().as_deref(), Some("not_authed"));
    assert_eq!(none.status, StatusCode::OK, "errors come with HTTP 200");
    assert_eq!(in_form.error(), None);
    assert_eq!(in_json.error().as_deref(), Some("not_authed"));
    assert_eq!(in_query.error().as_deref(), Some("not_authed"));
    let requests = slack.requests();
    assert_eq!(requests[1].token_source(), Some(TokenSource::FormField));
    assert_eq!(requests[1].token_kind(), Some(TokenKind::User));
    assert!(!requests[1].arguments().contains("token"));
}

#[tokio::test]
async fn a_token_the_fake_does_not_know_is_invalid_auth() {
    let slack = FakeSlack::builder().method::<Post>().token("xoxb-mine").start().await.unwrap();

    let unknown = Raw::post(&slack, "test.post").bearer(BOT).form("channel=C1&text=hi").send().await;
    let mine = Raw::post(&slack, "test.post").bearer("xoxb-mine").form("channel=C1&text=hi").send().await;

    assert_eq!(unknown.error().as_deref(), Some("invalid_auth"), "the defaults go once a token is given");
    assert_eq!(mine.error(), None);
    assert_eq!(slack.requests()[0].token_kind(), None);
}

#[tokio::test]
async fn token_types_follow_the_spec() {
    let slack = FakeSlack::builder()
        .methods([
            typed_slack_runtime::MethodInfo::of::<BotOnly>(),
            typed_slack_runtime::MethodInfo::of::<UserOnly>(),
            typed_slack_runtime::MethodInfo::of::<UserOnlyQuiet>(),
        ])
        .token(BOT)
        .token(USER)
        .token_of_kind("custom-bot", TokenKind::Bot)
        .start()
        .await
        .unwrap();
    let error = |method: &'static str, token: &'static str| {
        let request = Raw::post(&slack, method).bearer(token);
        async move { request.send().await.error() }
    };

    assert_eq!(error("test.userOnly", BOT).await.as_deref(), Some("is_bot"));
    assert_eq!(error("test.userOnly", "custom-bot").await.as_deref(), Some("is_bot"));
    assert_eq!(error("test.userOnlyQuiet", BOT).await.as_deref(), Some("not_allowed_token_type"));
    assert_eq!(error("test.botOnly", USER).await.as_deref(), Some("not_allowed_token_type"));
    assert_eq!(error("test.userOnly", USER).await, None);
    assert_eq!(error("test.botOnly", BOT).await, None);
}

#[tokio::test]
async fn content_type_errors() {
    let slack = slack().await;
    let error = |content_type: Option<&str>, body: &str| {
        let mut request = Raw::post(&slack, "test.post").bearer(BOT).body(body);
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        async move { request.send().await.error() }
    };

    assert_eq!(error(None, "channel=C1&text=hi").await.as_deref(), Some("missing_post_type"));
    assert_eq!(error(Some("application/xml"), "<channel/>").await.as_deref(), Some("invalid_post_type"));
    let utf16 = Some("application/x-www-form-urlencoded; charset=utf-16");
    assert_eq!(error(utf16, "channel=C1&text=hi").await.as_deref(), Some("invalid_charset"));
    let form = Some("application/x-www-form-urlencoded");
    assert_eq!(error(form, "channel=C1&text=100%").await.as_deref(), Some("invalid_form_data"));
    let json = Some("application/json; charset=utf-8");
    assert_eq!(error(json, "{\"channel\":").await.as_deref(), Some("invalid_json"));
    assert_eq!(error(json, "[\"C1\"]").await.as_deref(), Some("json_not_object"));
    assert_eq!(error(Some("text/plain; charset=utf-8"), "channel=C1&text=hi").await, None);
    assert_eq!(error(None, "").await.as_deref(), Some("invalid_arguments"), "no body needs no type");
}

#[tokio::test]
async fn a_json_body_is_ignored_by_a_method_that_does_not_accept_json() {
    let slack = slack().await;

    let ignored = Raw::post(&slack, "test.lookup").bearer(USER).json(&json!({"user": "U1"})).send().await;
    let as_form = Raw::post(&slack, "test.lookup").bearer(USER).form("user=U1").send().await;
    let accepted =
        Raw::post(&slack, "test.post").bearer(USER).json(&json!({"channel": "C1", "text": "hi"})).send().await;

    assert_eq!(ignored.error().as_deref(), Some("invalid_arguments"));
    assert_eq!(ignored.json()["response_metadata"]["messages"], json!(["[ERROR] missing required field: user"]));
    assert_eq!(as_form.error(), None);
    assert_eq!(accepted.error(), None);
    assert!(slack.requests()[0].arguments().is_empty());
    assert_eq!(slack.requests()[2].arguments().text("channel"), Some("C1"));
}

#[tokio::test]
async fn argument_names_slack_rejects() {
    let slack = slack().await;
    let error = |body: &'static str| {
        let request = Raw::post(&slack, "test.post").bearer(BOT).form(body);
        async move { request.send().await.error() }
    };

    assert_eq!(error("channel=C1&text=hi&as-user=true").await.as_deref(), Some("invalid_arg_name"));
    assert_eq!(error("channel=C1&text=hi&users%5B%5D=U1").await.as_deref(), Some("invalid_array_arg"));
    let long = Box::leak(format!("channel=C1&text=hi&{}=1", "a".repeat(101)).into_boxed_str());
    assert_eq!(error(long).await.as_deref(), Some("invalid_arg_name"));
    assert_eq!(error("channel=C1&text=hi&unfurl_links=true&not_in_the_spec=1").await, None, "unknown names pass");
}

#[tokio::test]
async fn missing_required_arguments_are_named_like_slack_does() {
    let slack = slack().await;

    let answer = Raw::post(&slack, "test.post").bearer(BOT).form("text=&blocks=%5B%5D").send().await;

    assert_eq!(
        answer.json(),
        json!({"ok": false, "error": "invalid_arguments", "response_metadata": {"messages": [
            "[ERROR] missing required field: channel", "[ERROR] missing required field: text",
        ]}})
    );
}

#[tokio::test]
async fn arguments_may_come_in_the_query_string_of_a_get() {
    let slack = slack().await;

    let answer = Raw::to(&slack, "GET", "test.lookup?user=U1&include_locale=true").bearer(USER).send().await;

    assert_eq!(answer.error(), None);
    let [request] = slack.requests().try_into().unwrap();
    assert_eq!(request.http_method(), "GET");
    assert_eq!(request.arguments().text("user"), Some("U1"));
    assert_eq!(request.query(), Some("user=U1&include_locale=true"));
}

#[tokio::test]
async fn charset_warnings_go_where_slack_puts_them() {
    let slack = slack().await;

    let form = Raw::post(&slack, "test.post")
        .bearer(BOT)
        .header("content-type", "application/x-www-form-urlencoded; charset=utf-8")
        .body("channel=C1&text=hi")
        .send()
        .await;
    let json = Raw::post(&slack, "test.post")
        .bearer(BOT)
        .header("content-type", "application/json")
        .body(r#"{"text":"hi"}"#)
        .send()
        .await;

    assert_eq!(form.json()["warning"], "superfluous_charset");
    assert_eq!(form.json()["response_metadata"]["warnings"], json!(["superfluous_charset"]));
    assert_eq!(form.json()["channel"], "C0000000000");
    assert_eq!(json.error().as_deref(), Some("invalid_arguments"));
    assert_eq!(json.json()["warning"], "missing_charset", "errors carry warnings too");
    assert_eq!(slack.requests()[1].warnings(), ["missing_charset"]);
}

#[tokio::test]
async fn multipart_fields_are_arguments() {
    let slack = slack().await;
    let body = "--b0undary\r\nContent-Disposition: form-data; name=\"channel\"\r\n\r\nC1\r\n\
                --b0undary\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhi there\r\n--b0undary--\r\n";

    let answer = Raw::post(&slack, "test.post")
        .bearer(BOT)
        .header("content-type", "multipart/form-data; boundary=b0undary")
        .body(body)
        .send()
        .await;

    assert_eq!(answer.error(), None);
    assert_eq!(slack.requests()[0].arguments().text("text"), Some("hi there"));
}

#[tokio::test]
async fn a_method_with_a_token_argument_reads_it_as_an_argument() {
    let slack = slack().await;

    let in_header = Raw::post(&slack, "test.exchange").bearer(USER).form("client_id=1&token=xoxp-legacy").send().await;
    let in_form_only = Raw::post(&slack, "test.exchange").form(&format!("client_id=1&token={USER}")).send().await;

    assert_eq!(in_header.error(), None);
    assert_eq!(in_form_only.error().as_deref(), Some("not_authed"), "the form's token is the argument");
    let arguments = slack.requests()[0].arguments().clone();
    assert_eq!(arguments.text("token"), Some("xoxp-legacy"));
    assert!(!format!("{arguments:?}").contains("legacy"), "{arguments:?}");
}

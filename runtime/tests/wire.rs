//! The exact request the client puts on the wire, as the fake Slack received it over
//! real HTTP.

mod support;

use support::fake::{answering, fake_slack};
use support::methods::{Blocks, EmptyResponse, PermissionsRequest, PostMessage, TestError, TestWarning};
use support::{SECRET, token};
use typed_slack_fake::Reply;
use typed_slack_runtime::{
    ArgWriter, BodyEncoding, CallError, ContentType, HttpMethod, Lifecycle, Method, RateTier, RequestError, Scopes,
};

#[tokio::test]
async fn a_form_post_with_the_token_only_in_the_authorization_header() {
    let slack = fake_slack().await;
    let client = slack.client(token()).build().unwrap();

    client.call(PermissionsRequest::example()).await.unwrap();

    let [request] = slack.requests().try_into().unwrap();
    assert_eq!(request.http_method(), "POST");
    assert_eq!(request.path(), "/api/apps.permissions.users.request");
    assert_eq!(request.query(), None);
    assert_eq!(request.header("authorization"), Some(format!("Bearer {SECRET}").as_str()));
    assert_eq!(request.header("content-type"), Some("application/x-www-form-urlencoded"));
    assert!(request.header("user-agent").unwrap().starts_with("typed-slack-runtime/"));
    assert_eq!(
        request.body_text(),
        "scopes=a%2Cb&trigger_id=27082968880.6048553856.5eb9c671f75c636135fdb6bb9e87b606&user=U0DJ9S1Q8"
    );
}

#[tokio::test]
async fn a_base_url_without_a_trailing_slash_gets_one() {
    let slack = fake_slack().await;
    let base_url = slack.base_url().trim_end_matches('/').to_owned();
    let client = slack.client(token()).base_url(base_url).build().unwrap();

    client.call(PermissionsRequest::example()).await.unwrap();

    assert_eq!(slack.requests()[0].path(), "/api/apps.permissions.users.request");
}

#[tokio::test]
async fn a_json_body_when_chosen_for_a_method_that_accepts_json() {
    let answer = Reply::success(serde_json::json!({"channel": "C1", "ts": "1.2"}));
    let slack = answering::<PostMessage>([answer]).await;
    let client = slack.client(token()).body_encoding(BodyEncoding::JsonWhereAccepted).build().unwrap();
    let blocks = serde_json::json!([{"type": "divider"}]);

    client.call(PostMessage { blocks: Some(Blocks::Json(blocks)), ..PostMessage::new("C1", "hi") }).await.unwrap();

    let request = &slack.requests()[0];
    assert_eq!(request.header("content-type"), Some("application/json; charset=utf-8"));
    let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
    assert_eq!(body, serde_json::json!({"channel": "C1", "text": "hi", "blocks": [{"type": "divider"}]}));
}

#[tokio::test]
async fn the_json_choice_is_ignored_for_a_method_that_does_not_accept_json() {
    let slack = fake_slack().await;
    let client = slack.client(token()).body_encoding(BodyEncoding::JsonWhereAccepted).build().unwrap();

    client.call(PermissionsRequest::example()).await.unwrap();

    let request = &slack.requests()[0];
    assert_eq!(request.header("content-type"), Some("application/x-www-form-urlencoded"));
    assert!(request.body_text().starts_with("scopes=a%2Cb&"));
}

#[tokio::test]
async fn a_form_body_by_default_with_json_arguments_as_strings_and_unset_ones_left_out() {
    let answer = || Reply::success(serde_json::json!({"channel": "C1", "ts": "1.2"}));
    let slack = answering::<PostMessage>([answer(), answer()]).await;
    let client = slack.client(token()).build().unwrap();
    let blocks = serde_json::json!([{"type": "divider"}]);

    client.call(PostMessage { blocks: Some(Blocks::Json(blocks)), ..PostMessage::new("C1", "a b") }).await.unwrap();
    client.call(PostMessage::new("C1", "hi")).await.unwrap();

    let requests = slack.requests();
    assert_eq!(requests[0].header("content-type"), Some("application/x-www-form-urlencoded"));
    assert_eq!(requests[0].body_text(), "channel=C1&text=a+b&blocks=%5B%7B%22type%22%3A%22divider%22%7D%5D");
    assert_eq!(requests[1].body_text(), "channel=C1&text=hi");
}

#[tokio::test]
async fn arguments_that_fail_to_encode_send_nothing() {
    let slack = fake_slack().await;
    let client = slack.client(token()).build().unwrap();

    let error = client
        .call(PostMessage { blocks: Some(Blocks::Unserializable), ..PostMessage::new("C1", "hi") })
        .await
        .unwrap_err();

    assert!(matches!(error, CallError::Request(RequestError::Arguments(_))), "{error:?}");
    assert!(!error.is_retryable());
    assert!(error.to_string().contains("never serialize"), "{error}");
    assert!(slack.requests().is_empty());
}

/// A method whose name cannot be part of a URL.
#[derive(Debug)]
struct Misnamed;

impl Method for Misnamed {
    const NAME: &'static str = "not a method";
    const HTTP_METHOD: HttpMethod = HttpMethod::Post;
    const CONTENT_TYPES: &'static [ContentType] = &[ContentType::FormUrlEncoded];
    const RATE_TIER: RateTier = RateTier::Tier4;
    const SCOPES: Scopes = Scopes::UNDOCUMENTED;
    const LIFECYCLE: Lifecycle = Lifecycle::Stable;
    const AUTHENTICATED: bool = true;
    type Response = EmptyResponse;
    type Error = TestError;
    type Warning = TestWarning;

    fn write_args<W: ArgWriter>(&self, _args: &mut W) -> Result<(), serde_json::Error> {
        Ok(())
    }
}

#[tokio::test]
async fn a_method_name_that_makes_no_url_sends_nothing() {
    let slack = fake_slack().await;
    let client = slack.client(token()).build().unwrap();

    let error = client.call(Misnamed).await.unwrap_err();

    assert!(matches!(&error, CallError::Request(RequestError::Url { url, .. }) if url.ends_with("/api/not a method")));
    assert!(slack.requests().is_empty());
}

//! The generated `apps.permissions.users.request` types called through the runtime's
//! client, against the fake Slack (`typed-slack-fake`) on 127.0.0.1.

#![cfg(all(feature = "apps", feature = "catalog"))] // The method is in `apps`; the fake serves the catalog.

// The method is deprecated: calling it is the point here.
#![allow(deprecated)]

use serde_json::json;
use typed_slack::runtime::{CallError, Code, Token};
use typed_slack::{AppsPermissionsUsersRequest, AppsPermissionsUsersRequestError, AppsPermissionsUsersRequestWarning};
use typed_slack::{CommonError, CommonWarning};
use typed_slack_fake::{FakeSlack, Reply};

const TRIGGER: &str = "27082968880.6048553856.5eb9c671f75c636135fdb6bb9e87b606";
const TOKEN: &str = "xoxp-1234-5678-generated";

fn request() -> AppsPermissionsUsersRequest {
    AppsPermissionsUsersRequest::new(["reactions:write", "chat:write"], TRIGGER, "U0DJ9S1Q8")
}

async fn fake_slack() -> FakeSlack {
    FakeSlack::builder().methods(typed_slack::catalog()).token(TOKEN).start().await.expect("a fake Slack")
}

fn token() -> Token {
    Token::new(TOKEN).expect("a well-formed token")
}

#[tokio::test]
async fn the_seed_method_goes_out_as_a_form_post_and_its_answer_comes_back_typed() {
    let slack = fake_slack().await;
    slack.on::<AppsPermissionsUsersRequest>().succeed_with(json!({"warning": "superfluous_charset"}));
    let client = slack.client(token()).build().unwrap();

    let response = client.call(request()).await.unwrap();

    assert_eq!(response.warnings, [AppsPermissionsUsersRequestWarning::Common(CommonWarning::SuperfluousCharset)]);
    let [sent] = slack.requests_to::<AppsPermissionsUsersRequest>().try_into().unwrap();
    assert_eq!((sent.http_method().as_str(), sent.path()), ("POST", "/api/apps.permissions.users.request"));
    assert_eq!(sent.header("authorization"), Some("Bearer xoxp-1234-5678-generated"));
    assert_eq!(sent.header("content-type"), Some("application/x-www-form-urlencoded"));
    assert_eq!(
        sent.body_text(),
        format!("scopes=reactions%3Awrite%2Cchat%3Awrite&trigger_id={TRIGGER}&user=U0DJ9S1Q8")
    );
    assert!(sent.warnings().is_empty(), "the client's form has no charset");
}

#[tokio::test]
async fn the_sample_response_decodes_and_the_trigger_is_single_use() {
    let slack = fake_slack().await;
    let client = slack.client(token()).build().unwrap();

    let response = client.call(request()).await.unwrap();
    let again = client.call(request()).await.unwrap_err();

    assert!(response.warnings.is_empty());
    assert_eq!(again.code(), Some(&AppsPermissionsUsersRequestError::TriggerExchanged));
}

#[tokio::test]
async fn the_pages_failure_example_keeps_its_undocumented_code() {
    let slack = fake_slack().await;
    slack.on::<AppsPermissionsUsersRequest>().fail_with_code("invalid_trigger_id");
    let client = slack.client(token()).build().unwrap();

    let error = client.call(request()).await.unwrap_err();

    let Some(AppsPermissionsUsersRequestError::Unknown(code)) = error.code() else {
        panic!("expected the Unknown variant, got {error:?}");
    };
    assert_eq!(code.as_str(), "invalid_trigger_id");
    assert!(!error.is_retryable());
}

#[tokio::test]
async fn documented_codes_decode_into_their_variants_with_extra_fields() {
    let slack = fake_slack().await;
    slack.on::<AppsPermissionsUsersRequest>().fail(AppsPermissionsUsersRequestError::InvalidTrigger);
    slack
        .on::<AppsPermissionsUsersRequest>()
        .reply(Reply::error_with("missing_scope", json!({"needed": "admin", "provided": "identify"})));
    let client = slack.client(token()).build().unwrap();

    let error = client.call(request()).await.unwrap_err();
    assert_eq!(error.code(), Some(&AppsPermissionsUsersRequestError::InvalidTrigger));
    assert_eq!(error.code().and_then(Code::description), Some("The provided `trigger_id` is invalid."));

    let CallError::Method(error) = client.call(request()).await.unwrap_err() else { panic!("expected a method error") };
    assert_eq!(error.code, AppsPermissionsUsersRequestError::Common(CommonError::MissingScope));
    assert_eq!((error.extra_str("needed"), error.extra_str("provided")), (Some("admin"), Some("identify")));
}

#[tokio::test]
async fn a_token_the_fake_does_not_know_is_invalid_auth() {
    let slack = fake_slack().await;
    let client = slack.client(Token::new("xoxp-someone-else").unwrap()).build().unwrap();

    let error = client.call(request()).await.unwrap_err();

    assert_eq!(error.code(), Some(&AppsPermissionsUsersRequestError::Common(CommonError::InvalidAuth)));
}

//! The generated `apps.permissions.users.request` types called through the runtime's
//! client, against a real HTTP server on 127.0.0.1.

#![cfg(feature = "apps")] // The method is in the `apps` family.

// The method is deprecated: calling it is the point here.
#![allow(deprecated)]

// The runtime's test server, shared rather than copied; this test uses part of it.
#[allow(dead_code)]
#[path = "../../runtime/tests/support/server.rs"]
mod server;

use serde_json::json;
use server::{FakeSlack, Reply};
use slack_api::runtime::{CallError, Code, Token};
use slack_api::{AppsPermissionsUsersRequest, AppsPermissionsUsersRequestError, AppsPermissionsUsersRequestWarning};

const TRIGGER: &str = "27082968880.6048553856.5eb9c671f75c636135fdb6bb9e87b606";

fn request() -> AppsPermissionsUsersRequest {
    AppsPermissionsUsersRequest::new(["reactions:write", "chat:write"], TRIGGER, "U0DJ9S1Q8")
}

fn token() -> Token {
    Token::new("xoxp-1234-5678-generated").expect("a well-formed token")
}

#[tokio::test]
async fn the_seed_method_goes_out_as_a_form_post_and_its_answer_comes_back_typed() {
    let slack = FakeSlack::start([Reply::json(json!({"ok": true, "warning": "superfluous_charset"}))]).await;
    let client = slack.client(token()).build().unwrap();

    let response = client.call(request()).await.unwrap();

    assert_eq!(response.warnings, [AppsPermissionsUsersRequestWarning::SuperfluousCharset]);
    let [sent] = slack.requests().try_into().unwrap();
    assert_eq!((sent.method.as_str(), sent.path.as_str()), ("POST", "/api/apps.permissions.users.request"));
    assert_eq!(sent.header("authorization"), Some("Bearer xoxp-1234-5678-generated"));
    assert_eq!(sent.header("content-type"), Some("application/x-www-form-urlencoded"));
    assert_eq!(
        sent.body_text(),
        format!("scopes=reactions%3Awrite%2Cchat%3Awrite&trigger_id={TRIGGER}&user=U0DJ9S1Q8")
    );
}

#[tokio::test]
async fn the_pages_failure_example_keeps_its_undocumented_code() {
    let slack = FakeSlack::start([Reply::json(json!({"ok": false, "error": "invalid_trigger_id"}))]).await;
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
    let missing_scope = json!({"ok": false, "error": "missing_scope", "needed": "admin", "provided": "identify"});
    let slack = FakeSlack::start([Reply::error("invalid_trigger"), Reply::json(missing_scope)]).await;
    let client = slack.client(token()).build().unwrap();

    let error = client.call(request()).await.unwrap_err();
    assert_eq!(error.code(), Some(&AppsPermissionsUsersRequestError::InvalidTrigger));
    assert_eq!(error.code().and_then(Code::description), Some("The provided `trigger_id` is invalid."));

    let CallError::Method(error) = client.call(request()).await.unwrap_err() else { panic!("expected a method error") };
    assert_eq!(error.code, AppsPermissionsUsersRequestError::MissingScope);
    assert_eq!((error.extra_str("needed"), error.extra_str("provided")), (Some("admin"), Some("identify")));
}

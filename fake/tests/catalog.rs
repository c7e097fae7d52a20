//! Every method of the spec (`typed-slack` with `full`): a call with its required
//! arguments gets the method's documented example (else its placeholder sample), and
//! each missing one is reported.

use serde_json::{Map, Value, json};
use typed_slack_fake::FakeSlack;
use typed_slack_runtime::http::{self, StatusCode};
use typed_slack_runtime::{MethodInfo, Transport};

/// What the fake answers, as status and body.
async fn call(slack: &FakeSlack, info: &MethodInfo, content_type: &str, body: String) -> (StatusCode, Vec<u8>) {
    let token = if info.scopes.user.is_none() && info.scopes.bot.is_some() {
        FakeSlack::BOT_TOKEN
    } else {
        FakeSlack::USER_TOKEN
    };
    let request = http::Request::post(format!("https://slack.com/api/{}", info.name))
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", content_type)
        .body(body.into_bytes())
        .expect("a valid request");
    let answer = slack.transport().send(request).await.expect("the in-process transport always answers");
    (answer.status(), answer.into_body())
}

/// A form with a placeholder for each required argument but `skip`.
fn form(info: &MethodInfo, skip: Option<&str>) -> String {
    let required = info.arguments.iter().filter(|argument| argument.required && Some(argument.name) != skip);
    required.map(|argument| format!("{}=x", argument.name)).collect::<Vec<_>>().join("&")
}

async fn fake() -> FakeSlack {
    // Behaviours answer realistic values only; placeholders get the sample this way.
    FakeSlack::builder().methods(typed_slack::catalog()).without_behaviours().start().await.expect("a fake")
}

#[tokio::test]
async fn every_method_answers_its_sample_response_to_a_call_with_its_required_arguments() {
    let slack = fake().await;
    let catalog = typed_slack::catalog();
    assert!(!catalog.is_empty());

    let mut from_examples = 0;
    for info in &catalog {
        let expected = info.success_examples.first().copied().unwrap_or(info.sample_response);
        from_examples += usize::from(!info.success_examples.is_empty());
        let (status, body) = call(&slack, info, "application/x-www-form-urlencoded", form(info, None)).await;
        assert_eq!(status, StatusCode::OK, "{}", info.name);
        assert_eq!(String::from_utf8_lossy(&body), expected, "{}", info.name);

        if info.accepts_json {
            let members: Map<String, Value> = info
                .arguments
                .iter()
                .filter(|argument| argument.required)
                .map(|argument| (argument.name.to_owned(), json!("x")))
                .collect();
            let json = Value::Object(members).to_string();
            let (status, body) = call(&slack, info, "application/json; charset=utf-8", json).await;
            assert_eq!((status, body.as_slice()), (StatusCode::OK, expected.as_bytes()), "{}", info.name);
        }
    }
    assert_eq!(slack.requests().iter().filter(|request| request.error().is_some()).count(), 0);
    // Most methods have an example in their spec: a placeholder answer is the exception.
    assert!(from_examples * 2 > catalog.len(), "{from_examples} of {} methods answer an example", catalog.len());
}

#[test]
fn every_played_method_is_in_the_spec() {
    let catalog = typed_slack::catalog();
    for name in typed_slack_fake::played_methods() {
        assert!(catalog.iter().any(|info| info.name == name), "{name} is played but not in the spec");
    }
    assert!(typed_slack_fake::played_methods().count() >= 50);
}

#[tokio::test]
async fn every_required_argument_of_every_method_is_checked() {
    let slack = fake().await;

    for info in typed_slack::catalog() {
        let required: Vec<&str> =
            info.arguments.iter().filter(|argument| argument.required).map(|argument| argument.name).collect();
        for &missing in &required {
            let (_, body) = call(&slack, &info, "application/x-www-form-urlencoded", form(&info, Some(missing))).await;
            let answer: Value = serde_json::from_slice(&body).expect("a JSON answer");
            assert_eq!(answer["error"], "invalid_arguments", "{} without {missing}", info.name);
            let expected = json!([format!("[ERROR] missing required field: {missing}")]);
            assert_eq!(answer["response_metadata"]["messages"], expected, "{} without {missing}", info.name);
        }
        let (_, body) = call(&slack, &info, "application/x-www-form-urlencoded", String::new()).await;
        let answer: Value = serde_json::from_slice(&body).expect("a JSON answer");
        let messages = answer["response_metadata"]["messages"].as_array().map_or(0, Vec::len);
        assert_eq!(messages, required.len(), "{}: one message per missing argument", info.name);
    }
}

#[tokio::test]
async fn every_documented_error_can_be_scripted_by_name() {
    let slack = fake().await;

    for info in typed_slack::catalog() {
        for documented in (info.errors)() {
            let code = documented.code;
            slack.on_method(info.name).fail_with_code(code);
            let (_, body) = call(&slack, &info, "application/x-www-form-urlencoded", form(&info, None)).await;
            let answer: Value = serde_json::from_slice(&body).expect("a JSON answer");
            assert_eq!(answer, json!({"ok": false, "error": code}), "{}", info.name);
        }
    }
}

/// Methods called with the app's credentials (`oauth.v2.access`) need no token; every
/// other method answers `not_authed` without one.
#[tokio::test]
async fn only_methods_called_with_a_token_require_one() {
    let slack = fake().await;
    for info in typed_slack::catalog() {
        let request = http::Request::post(format!("https://slack.com/api/{}", info.name))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form(&info, None).into_bytes())
            .expect("a valid request");
        let answer = slack.transport().send(request).await.expect("the in-process transport always answers");
        let body: Value = serde_json::from_slice(answer.body()).expect("a JSON answer");
        if info.authenticated {
            assert_eq!(body["error"], "not_authed", "{}", info.name);
        } else {
            assert_eq!(body["ok"], true, "{} is called without a token", info.name);
        }
    }
}

/// A bot token on a method only user tokens may call gets `not_allowed_token_type`, as
/// Slack answers today: the common set's `is_bot` is for legacy bots.
#[tokio::test]
async fn a_bot_token_on_a_user_only_method_is_not_allowed_its_type() {
    let slack = fake().await;
    let catalog = typed_slack::catalog();
    for name in ["search.messages", "users.profile.set", "admin.users.list"] {
        let info = catalog.iter().find(|info| info.name == name).unwrap_or_else(|| panic!("no {name}"));
        assert!(info.scopes.bot.is_none() && info.scopes.user.is_some(), "{name} is for user tokens only");
        let request = http::Request::post(format!("https://slack.com/api/{name}"))
            .header("authorization", format!("Bearer {}", FakeSlack::BOT_TOKEN))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form(info, None).into_bytes())
            .expect("a valid request");
        let answer = slack.transport().send(request).await.expect("the in-process transport always answers");
        let body: Value = serde_json::from_slice(answer.body()).expect("JSON");
        assert_eq!(body, json!({"ok": false, "error": "not_allowed_token_type"}), "{name}");
    }
}

/// Slack's official Python SDK sends every `slackLists.*` method as JSON: the fake reads
/// such a body as Slack does, instead of ignoring it and missing the arguments.
#[tokio::test]
async fn the_lists_methods_take_json_as_the_python_sdk_sends_them() {
    let slack = fake().await;
    let request = http::Request::post("https://slack.com/api/slackLists.create")
        .header("authorization", format!("Bearer {}", FakeSlack::BOT_TOKEN))
        .header("content-type", "application/json; charset=utf-8")
        .body(br#"{"name": "Roadmap"}"#.to_vec())
        .expect("a valid request");
    let answer = slack.transport().send(request).await.expect("the in-process transport always answers");
    let body: Value = serde_json::from_slice(answer.body()).expect("JSON");
    assert_eq!(body["ok"], json!(true), "{body}");
    let [sent] = slack.requests_to_method("slackLists.create").try_into().expect("one call");
    assert_eq!(sent.arguments().text("name"), Some("Roadmap"));
}

//! The control API over HTTP, as a test in any language uses it: scripting answers,
//! seeding and resetting the workspace, reading its state and the recorded requests.

mod support;

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use support::Raw;
use typed_slack_fake::FakeSlack;
use typed_slack_runtime::http;
use typed_slack_runtime::{ReqwestTransport, Transport};

const BOT: &str = FakeSlack::BOT_TOKEN;

/// `http_method` to the control endpoint `path`, with a JSON body if given: its status
/// and JSON answer.
async fn control(slack: &FakeSlack, http_method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
    let url = format!("http://{}/_fake/{path}", slack.address());
    let body = body.map(|body| body.to_string().into_bytes()).unwrap_or_default();
    let request = http::Request::builder()
        .method(http_method)
        .uri(url)
        .header("content-type", "application/json")
        .body(body)
        .expect("a request");
    let response = ReqwestTransport::new().send(request).await.expect("an answer");
    (response.status().as_u16(), serde_json::from_slice(response.body()).expect("JSON"))
}

async fn post(slack: &FakeSlack, text: &str) -> support::Answer {
    Raw::post(slack, "chat.postMessage").bearer(BOT).json(&json!({"channel": "C0000000001", "text": text})).send().await
}

async fn fake() -> FakeSlack {
    FakeSlack::builder().methods(typed_slack::catalog()).start().await.expect("a fake")
}

#[tokio::test]
async fn scripted_errors_rate_limits_pages_and_delays_come_in_order() {
    let slack = fake().await;
    let script = |answer: Value| {
        let mut body = json!({"method": "chat.postMessage"});
        body.as_object_mut().expect("an object").extend(answer.as_object().expect("an object").clone());
        body
    };
    for answer in [
        json!({"error": "channel_not_found"}),
        json!({"error": "missing_scope", "fields": {"needed": "chat:write"}}),
        json!({"rate_limited": 2}),
        json!({"status": 503, "times": 2}),
        json!({"success": {"channel": "C1", "ts": "1.000001"}, "delay_ms": 300}),
    ] {
        assert_eq!(
            control(&slack, "POST", "script", Some(script(answer))).await,
            (200, json!({"ok": true, "served": true}))
        );
    }
    assert_eq!(post(&slack, "a").await.error().as_deref(), Some("channel_not_found"));
    let missing = post(&slack, "b").await.json();
    assert_eq!((&missing["error"], &missing["needed"]), (&json!("missing_scope"), &json!("chat:write")));
    let limited = post(&slack, "c").await;
    assert_eq!((limited.status.as_u16(), &limited.headers["retry-after"]), (429, &http::HeaderValue::from_static("2")));
    for _ in 0..2 {
        let page = post(&slack, "d").await;
        assert_eq!(page.status.as_u16(), 503);
        assert!(String::from_utf8_lossy(&page.body).contains("503 Service Unavailable"));
    }
    let started = Instant::now();
    assert_eq!(post(&slack, "e").await.json(), json!({"ok": true, "channel": "C1", "ts": "1.000001"}));
    assert!(started.elapsed() >= Duration::from_millis(300));
    // The queue is used up: the workspace answers again.
    assert_eq!(post(&slack, "f").await.json()["message"]["text"], "f");

    let (status, always) = control(
        &slack,
        "POST",
        "script",
        Some(json!({"method": "auth.test", "error": "invalid_auth", "always": true})),
    )
    .await;
    assert_eq!((status, always["ok"].clone()), (200, json!(true)));
    for _ in 0..3 {
        assert_eq!(Raw::post(&slack, "auth.test").bearer(BOT).send().await.error().as_deref(), Some("invalid_auth"));
    }
}

#[tokio::test]
async fn bad_control_requests_say_what_is_wrong() {
    let slack = fake().await;
    let (status, answer) = control(&slack, "POST", "script", Some(json!({"method": "auth.test"}))).await;
    assert_eq!(
        (status, answer["error"].as_str()),
        (400, Some("a script gives one answer: error, rate_limited, status or success"))
    );
    let (status, answer) = control(&slack, "POST", "script", Some(json!({"method": "auth.test", "status": 200}))).await;
    assert_eq!((status, answer["error"].as_str()), (400, Some("status 200: a scripted error page is a 5xx")));
    let (status, answer) = control(&slack, "POST", "script", Some(json!({"method": "auth.test", "eror": "x"}))).await;
    assert!(
        status == 400 && answer["error"].as_str().is_some_and(|error| error.contains("unknown field `eror`")),
        "{answer}"
    );
    let (status, answer) = control(&slack, "POST", "script", Some(json!({"method": "no.such", "error": "x"}))).await;
    assert_eq!((status, &answer["served"]), (200, &json!(false)));
    let (status, answer) =
        control(&slack, "POST", "script", Some(json!({"method": "auth.test", "rate_limited": 1e20}))).await;
    assert_eq!((status, answer["error"].as_str()), (400, Some("rate_limited is a number of seconds")));
    let far = json!({"messages": [{"channel": "C1", "ts": "99999999999999.000000", "user": "U0000000001"}],
                     "channels": [{"id": "C1"}]});
    let (status, answer) = control(&slack, "POST", "seed", Some(far)).await;
    assert_eq!(
        (status, answer["error"].as_str()),
        (400, Some("message \"99999999999999.000000\": a ts is Unix seconds, a dot and 6 digits"))
    );
    assert_eq!(control(&slack, "GET", "reset", None).await.0, 405);
    assert_eq!(control(&slack, "GET", "nothing", None).await.0, 404);
    let (status, answer) = control(&slack, "POST", "seed", Some(json!({"users": [{"id": "U1"}, {"id": "U1"}]}))).await;
    // Every problem at once: a seed that lists users lists the installer and the bot's.
    let problems: Vec<&str> = answer["error"].as_str().expect("problems").lines().collect();
    assert_eq!(
        (status, problems),
        (
            400,
            vec![
                "two users have the ID \"U1\"",
                "`installer` names the user \"U0000000001\", which is not among `users`",
                "`bot.user_id` names the user \"U0000000003\", which is not among `users`",
            ]
        )
    );
}

#[tokio::test]
async fn the_workspace_is_seeded_read_and_reset() {
    let slack = fake().await;
    let seed = json!({
        "users": [{"id": "U0000000001", "name": "ada"}, {"id": "U0000000003", "name": "fakebot", "is_bot": true},
                  {"id": "U0000000007", "name": "alan", "real_name": "Alan Turing"}],
        "channels": [{"id": "C0000000007", "name": "enigma", "members": ["U0000000007", "U0000000003"]}],
        "messages": [{"channel": "C0000000007", "ts": "1700000000.000100", "user": "U0000000007", "text": "Bombe ready"}],
    });
    assert_eq!(control(&slack, "POST", "seed", Some(seed)).await, (200, json!({"ok": true})));
    let history =
        Raw::post(&slack, "conversations.history").bearer(BOT).form("channel=C0000000007").send().await.json();
    assert_eq!(history["messages"][0]["text"], "Bombe ready");
    assert_eq!(post(&slack, "x").await.error().as_deref(), Some("channel_not_found"));
    let channel =
        Raw::post(&slack, "chat.postMessage").bearer(BOT).form("channel=enigma&text=Cracked").send().await.json();
    assert_eq!(channel["channel"], "C0000000007");

    let (_, state) = control(&slack, "GET", "state", None).await;
    let texts: Vec<&Value> =
        state["messages"].as_array().expect("messages").iter().map(|message| &message["text"]).collect();
    assert_eq!(texts, [&json!("Bombe ready"), &json!("Cracked")]);
    assert_eq!(state["users"][2]["real_name"], "Alan Turing");

    // The state seeds the workspace again as it is, file contents included.
    let upload =
        Raw::post(&slack, "files.getUploadURLExternal").bearer(BOT).form("filename=a.txt&length=5").send().await;
    let url = upload.json()["upload_url"].as_str().expect("an upload URL").to_owned();
    let request = http::Request::post(url).body(b"hello".to_vec()).expect("a request");
    ReqwestTransport::new().send(request).await.expect("uploaded");
    let files = format!("files=[{{\"id\":{}}}]", upload.json()["file_id"]);
    Raw::post(&slack, "files.completeUploadExternal").bearer(BOT).form(&files).send().await;
    let (_, before) = control(&slack, "GET", "state", None).await;
    assert_eq!(before["files"][0]["content"], "hello");
    assert_eq!(control(&slack, "POST", "seed", Some(before.clone())).await.0, 200);
    assert_eq!(control(&slack, "GET", "state", None).await.1, before);

    // A reset goes back to the latest seed, and drops the scripts.
    Raw::post(&slack, "chat.postMessage").bearer(BOT).form("channel=enigma&text=Later").send().await;
    control(&slack, "POST", "script", Some(json!({"method": "auth.test", "error": "invalid_auth"}))).await;
    assert_eq!(control(&slack, "POST", "reset", None).await, (200, json!({"ok": true})));
    assert_eq!(control(&slack, "GET", "state", None).await.1, before);
    // The script went with the reset.
    assert_eq!(Raw::post(&slack, "auth.test").bearer(BOT).send().await.json()["ok"], true);
}

#[tokio::test]
async fn recorded_requests_are_read_from_a_cursor_without_tokens() {
    let slack = fake().await;
    post(&slack, "one").await;
    let (_, first) = control(&slack, "GET", "requests", None).await;
    assert_eq!(first["requests"].as_array().map(Vec::len), Some(1));
    let request = &first["requests"][0];
    assert_eq!(
        (&request["seq"], &request["method"], &request["arguments"]["text"]),
        (&json!(0), &json!("chat.postMessage"), &json!("one"))
    );
    assert_eq!(
        (&request["status"], &request["error"], &request["token_kind"]),
        (&json!(200), &Value::Null, &json!("bot"))
    );
    assert!(!first.to_string().contains(BOT));

    post(&slack, "two").await;
    Raw::post(&slack, "auth.test").send().await;
    let next = first["next"].as_u64().expect("a number");
    let (_, newer) = control(&slack, "GET", &format!("requests?since={next}"), None).await;
    let methods: Vec<(&Value, &Value)> =
        newer["requests"].as_array().expect("requests").iter().map(|r| (&r["method"], &r["error"])).collect();
    assert_eq!(methods, [(&json!("chat.postMessage"), &Value::Null), (&json!("auth.test"), &json!("not_authed"))]);
    assert_eq!(newer["next"], 3);
    let (_, only) = control(&slack, "GET", "requests?method=auth.test", None).await;
    assert_eq!(only["requests"].as_array().map(Vec::len), Some(1));
    // Control requests are not recorded.
    assert_eq!(slack.requests().len(), 3);

    // Secrets sent as arguments are not shown.
    let secret = "client_id=1.2&client_secret=s3cr3t&code=single-use-code";
    Raw::post(&slack, "oauth.v2.access").form(secret).send().await;
    let (_, last) = control(&slack, "GET", "requests?since=3", None).await;
    let arguments = &last["requests"][0]["arguments"];
    assert_eq!(
        (&arguments["client_id"], &arguments["client_secret"], &arguments["code"]),
        (&json!("1.2"), &json!("<redacted>"), &json!("<redacted>"))
    );
}

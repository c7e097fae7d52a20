//! The control API: what a test in any language does to a running fake over HTTP, under
//! `/_fake/`, a path no Slack method has (they are all under `/api/`).
//!
//! | Request | Does |
//! | --- | --- |
//! | `POST /_fake/script` | queues answers for a method (body below) |
//! | `POST /_fake/reset` | the workspace and built-in behaviours back to their start; scripts and rate-limit counts dropped |
//! | `POST /_fake/seed` | a new seed (the JSON of [`Seed`]), the workspace reset to it |
//! | `GET /_fake/state` | the workspace now, as a seed (with `ok`, which `POST /_fake/seed` ignores) |
//! | `GET /_fake/requests?since=N&method=M` | the requests recorded from number `N` on (all by default), to `M` only if given, and `next`: the `since` of the next read |
//!
//! A script is `{"method": "chat.postMessage", ANSWER, "times": 2, "delay_ms": 100}`,
//! the answer being one of `"error": "channel_not_found"` (with `"fields": {…}` beside
//! it), `"rate_limited": SECONDS` (HTTP 429 with `Retry-After`), `"status": 503` (an
//! HTML error page) or `"success": {…}`. It answers the next call (`times`: that many;
//! `"always": true`: every call from then on), after `delay_ms`.
//!
//! Every answer is JSON: `{"ok": true, …}`, or HTTP 400 `{"ok": false, "error": …}`
//! saying what is wrong with the request.

use std::time::Duration;

use http::request::Parts;
use http::{Method, StatusCode};
use serde::Deserialize;
use serde_json::{Map, Value, json};

use crate::answer::Answer;
use crate::state::State;
use crate::workspace::seed::Seed;
use crate::{Reply, Request};

/// The path prefix of the control API.
pub(crate) const PREFIX: &str = "/_fake/";

/// A script's JSON body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScriptBody {
    method: String,
    error: Option<String>,
    fields: Option<Value>,
    rate_limited: Option<f64>,
    status: Option<u16>,
    success: Option<Value>,
    times: Option<u32>,
    #[serde(default)]
    always: bool,
    delay_ms: Option<u64>,
}

/// The answer to the control request for `path` (after [`PREFIX`]).
pub(crate) fn answer(state: &mut State, parts: &Parts, body: &[u8], path: &str) -> Answer {
    let result = match (&parts.method, path) {
        (&Method::POST, "script") => script(state, body),
        (&Method::POST, "reset") => {
            reset(state);
            Ok(json!({}))
        }
        (&Method::POST, "seed") => seed(state, body),
        (&Method::GET, "state") => serde_json::to_value(state.workspace.state()).map_err(|error| error.to_string()),
        (&Method::GET, "requests") => Ok(requests(state, parts.uri.query())),
        (_, "script" | "reset" | "seed" | "state" | "requests") => {
            return refuse(
                StatusCode::METHOD_NOT_ALLOWED,
                &format!("{} is not how /_fake/{path} is called", parts.method),
            );
        }
        _ => return refuse(StatusCode::NOT_FOUND, &format!("no control endpoint /_fake/{path}")),
    };
    match result {
        Ok(Value::Object(mut fields)) => {
            fields.insert("ok".to_owned(), Value::Bool(true));
            Answer::json(StatusCode::OK, &Value::Object(fields))
        }
        Ok(other) => Answer::json(StatusCode::OK, &json!({"ok": true, "value": other})),
        Err(problem) => refuse(StatusCode::BAD_REQUEST, &problem),
    }
}

fn refuse(status: StatusCode, problem: &str) -> Answer {
    Answer::json(status, &json!({"ok": false, "error": problem}))
}

/// Back to the seed: the workspace and the built-in behaviours (triggers and OAuth codes
/// unused again), and no scripted answer or counted call left.
pub(crate) fn reset(state: &mut State) {
    state.workspace.reset();
    for name in &state.built_in {
        if let Some(behaviour) = crate::behaviours::built_in(name) {
            state.behaviours.insert(name.clone(), behaviour);
        }
    }
    state.scripts.clear();
    state.limiter.clear();
}

/// Seeds the workspace with the JSON of a [`Seed`]: what `GET /_fake/state` answered
/// (its `ok` aside) does.
fn seed(state: &mut State, body: &[u8]) -> Result<Value, String> {
    let mut value: Value = serde_json::from_slice(body).map_err(|error| format!("not a seed: {error}"))?;
    if let Value::Object(fields) = &mut value {
        fields.remove("ok");
    }
    let seed = Seed::from_value(value).map_err(|error| error.to_string())?;
    state.workspace.seed(seed);
    Ok(json!({}))
}

fn script(state: &mut State, body: &[u8]) -> Result<Value, String> {
    let script: ScriptBody = serde_json::from_slice(body).map_err(|error| format!("not a script: {error}"))?;
    let mut answers = Vec::new();
    if let Some(code) = &script.error {
        answers.push(Reply::error_with(code.clone(), script.fields.clone().unwrap_or(Value::Null)));
    }
    if let Some(seconds) = script.rate_limited {
        let wait =
            Duration::try_from_secs_f64(seconds).map_err(|_| "rate_limited is a number of seconds".to_owned())?;
        answers.push(Reply::rate_limited(wait));
    }
    if let Some(status) = script.status {
        if !(500..600).contains(&status) {
            return Err(format!("status {status}: a scripted error page is a 5xx"));
        }
        answers.push(Reply::server_error(status));
    }
    if let Some(body) = script.success {
        answers.push(Reply::success(body));
    }
    if answers.len() != 1 {
        return Err("a script gives one answer: error, rate_limited, status or success".to_owned());
    }
    let mut reply = answers.remove(0);
    if let Some(delay) = script.delay_ms {
        reply = reply.delayed(Duration::from_millis(delay));
    }
    let times = if script.always { None } else { Some(script.times.unwrap_or(1)) };
    state.scripts.push(&script.method, reply, times);
    let served = state.methods.contains_key(script.method.as_str());
    Ok(json!({ "served": served }))
}

/// The requests recorded from `since` on, to `method` if given.
fn requests(state: &State, query: Option<&str>) -> Value {
    let mut since = 0;
    let mut method = None;
    for (name, value) in crate::body::query_pairs(query) {
        match name.as_str() {
            "since" => since = value.parse().unwrap_or(0),
            "method" => method = Some(value),
            _ => {}
        }
    }
    let requests: Vec<Value> = state
        .requests
        .since(since)
        .filter(|(_, request)| method.as_deref().is_none_or(|method| request.method() == method))
        .map(|(number, request)| request_json(number, request))
        .collect();
    json!({ "requests": requests, "next": state.requests.next_number() })
}

/// A recorded request as JSON: no header, so no token, and secret arguments
/// (`client_secret`, `code`, `refresh_token`) redacted.
fn request_json(number: u64, request: &Request) -> Value {
    let mut arguments = Map::new();
    for (name, value) in request.arguments().iter() {
        let value = if crate::arguments::is_secret(name) { Value::from("<redacted>") } else { value.clone() };
        arguments.insert(name.to_owned(), value);
    }
    json!({
        "seq": number,
        "method": request.method(),
        "http_method": request.http_method().as_str(),
        "path": request.path(),
        "arguments": arguments,
        "status": request.status().as_u16(),
        "error": request.error(),
        "warnings": request.warnings(),
        "token_kind": request.token_kind().map(|kind| kind.to_string()),
        "body_len": request.body_len(),
    })
}

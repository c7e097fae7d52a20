//! Answering one request: validate it like Slack, then answer from the script, the
//! method's behaviour, its play on the workspace or its sample response, and record it.
//! Requests outside `/api/` are the control API's and the files'.

use http::header::CONTENT_TYPE;
use http::request::Parts;
use hyper::body::Bytes;
use tokio::time::Instant;
use typed_slack_runtime::MethodInfo;

use crate::answer::Answer;
use crate::behaviours::Call;
use crate::record::hide_authorization;
use crate::state::{Shared, State};
use crate::tokens::{basic_credentials, bearer_token};
use crate::workspace::{self, Ctx};
use crate::{Arguments, Reply, Request, TokenKind, TokenSource, body, control, files, validate};

/// The answer to `request`, sent after the delay it was scripted with.
pub(crate) async fn handle(shared: &Shared, request: http::Request<Bytes>) -> http::Response<Bytes> {
    let answer = decide(&mut shared.lock(), request, Instant::now());
    if !answer.delay.is_zero() {
        tokio::time::sleep(answer.delay).await;
    }
    answer.into_response()
}

/// What a call earned besides its answer, for the record.
#[derive(Default)]
struct Outcome {
    arguments: Arguments,
    token_kind: Option<TokenKind>,
    token_source: Option<TokenSource>,
    warnings: Vec<&'static str>,
}

/// Decides the answer to `request`: a method call (recorded with its answer), the
/// control API, or a file's upload or download.
fn decide(state: &mut State, request: http::Request<Bytes>, now: Instant) -> Answer {
    let path = request.uri().path();
    if let Some(rest) = path.strip_prefix(control::PREFIX) {
        let rest = rest.to_owned();
        let (parts, body) = request.into_parts();
        return control::answer(state, &parts, &body, &rest);
    }
    if let Some(file_id) = path.strip_prefix(files::UPLOAD) {
        let file_id = file_id.trim_end_matches('/').to_owned();
        let (parts, body) = request.into_parts();
        let answer = match state.scripts.next(files::UPLOAD_SCRIPT).and_then(Reply::render_upload) {
            Some(scripted) => scripted,
            None => files::upload(state, &parts, &body, &file_id),
        };
        record(state, String::new(), parts, body, Outcome::default(), &answer, now);
        return answer;
    }
    if let Some(rest) = path.strip_prefix(files::DOWNLOAD) {
        let rest = rest.to_owned();
        let (parts, _) = request.into_parts();
        return files::download(state, &parts, &rest, now);
    }
    call(state, request, now)
}

/// Decides the answer to a method call and records both.
fn call(state: &mut State, request: http::Request<Bytes>, now: Instant) -> Answer {
    let (parts, body) = request.into_parts();
    let method = parts.uri.path().strip_prefix("/api/").unwrap_or_default().to_owned();
    let mut outcome = Outcome::default();
    let answer = match state.methods.get(method.as_str()).copied() {
        Some(info) => answer_call(state, &info, &parts, &body, now, &mut outcome),
        None => Answer::unknown_method(&method),
    };
    tracing::info!(
        method = %method,
        token = %outcome.token_kind.map_or_else(|| "none".to_owned(), |kind| kind.to_string()),
        status = answer.status.as_u16(),
        error = answer.error.as_deref().unwrap_or(""),
        "fake Slack answered",
    );
    record(state, method, parts, body, outcome, &answer, now);
    answer
}

/// Keeps `parts` and `body`, received at `now` and answered `answer`, for the tests, the
/// token hidden; `method` is empty for the file endpoints beside the methods.
fn record(
    state: &mut State,
    method: String,
    mut parts: Parts,
    body: Bytes,
    outcome: Outcome,
    answer: &Answer,
    now: Instant,
) {
    hide_authorization(&mut parts.headers);
    state.requests.push(Request {
        method,
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().map(str::to_owned),
        http_method: parts.method,
        headers: parts.headers,
        body_len: body.len(),
        body,
        arguments: outcome.arguments,
        token_kind: outcome.token_kind,
        token_source: outcome.token_source,
        at: now,
        status: answer.status,
        error: answer.error.clone(),
        warnings: outcome.warnings,
    });
}

/// The answer to a call of a method the fake serves, checked in Slack's order: the
/// token (`not_authed`, `invalid_auth`, `is_bot`/`not_allowed_token_type`), the rate
/// limit (counted per token, so once the token is accepted: a call refused for its body
/// or arguments still counts), the body (`missing_post_type`, `invalid_post_type`,
/// `invalid_charset`, `invalid_form_data`, `invalid_json`, `json_not_object`), the
/// argument names (`invalid_array_arg`, `invalid_arg_name`), the required arguments
/// (`invalid_arguments`).
fn answer_call(
    state: &mut State,
    info: &MethodInfo,
    parts: &Parts,
    body: &[u8],
    now: Instant,
    outcome: &mut Outcome,
) -> Answer {
    // A header that is not text is no Content-Type Slack reads.
    let content_type = parts.headers.get(CONTENT_TYPE).map(|value| value.to_str().unwrap_or_default());
    let method = body::Method { accepts_json: info.accepts_json, token_is_argument: info.argument("token").is_some() };
    let read = body::read(parts.uri.query(), content_type, body, method);
    outcome.warnings = read.warnings;
    let reject = |code: &str, messages: &[String], outcome: &Outcome| Answer::error(code, messages, &outcome.warnings);

    let (read, form_token) = match read.arguments {
        Ok(read) => (Ok(read.pairs), read.form_token),
        Err(error) => (Err(error), None),
    };
    let (token, source) = match (bearer_token(&parts.headers), form_token) {
        (Some(token), _) => (Some(token.to_owned()), Some(TokenSource::Header)),
        (None, Some(token)) => (Some(token), Some(TokenSource::FormField)),
        // A few methods (`oauth.v2.access`) are called with the app's credentials.
        (None, None) if !info.authenticated => (None, None),
        (None, None) => return reject("not_authed", &[], outcome),
    };
    outcome.token_source = source;
    let kind = match &token {
        Some(token) => {
            let kind = match state.tokens.check(token, now) {
                Ok(kind) => kind,
                Err(code) => return reject(code, &[], outcome),
            };
            outcome.token_kind = Some(kind);
            if let Err(code) = validate::token_kind(info, kind) {
                return reject(code, &[], outcome);
            }
            Some(kind)
        }
        None => None,
    };
    let token = token.unwrap_or_default();
    if let Err(wait) = state.limiter.admit(info.name, info.rate_tier, info.rate_limits, &token) {
        return Answer::rate_limited(wait);
    }
    let pairs = match read {
        Ok(pairs) => pairs,
        Err(error) => return reject(error.code(), &[], outcome),
    };
    for (name, value) in &pairs {
        outcome.arguments.push(name.clone(), value.clone());
    }
    if let Err(code) = validate::argument_names(pairs.iter().map(|(name, _)| name.as_str())) {
        return reject(code, &[], outcome);
    }
    let missing = validate::missing_required(info, &pairs);
    if !missing.is_empty() {
        return reject("invalid_arguments", &missing, outcome);
    }
    if let Some(limit) = info.rate_limits.per_channel {
        let channel = outcome.arguments.text(limit.argument).unwrap_or_default();
        if let Err(wait) = state.limiter.admit_channel(info.name, info.rate_limits, &token, channel) {
            return Answer::rate_limited(wait);
        }
    }
    let client = basic_credentials(&parts.headers);
    let reply = state.scripts.next(info.name).or_else(|| {
        let workspace = &state.workspace.data;
        let call = Call { info, arguments: &outcome.arguments, token_kind: kind, client: client.as_ref(), workspace };
        state.behaviours.get_mut(info.name).and_then(|behaviour| behaviour.answer(&call))
    });
    let reply = reply.or_else(|| {
        let play = workspace::played(info.name).filter(|_| state.plays)?;
        let max_items = state.limiter.max_items(info.rate_limits);
        let ctx = Ctx { info, arguments: &outcome.arguments, token_kind: kind, host: host(parts), max_items };
        Some(match play(&mut state.workspace, &ctx) {
            Ok(body) => Reply::success(body),
            Err(code) => {
                // Never a panic on a request: the tests check every code they see is listed.
                if !info.documents_error(code) {
                    tracing::warn!(
                        method = info.name,
                        code,
                        "the fake answered a code the method's spec does not list"
                    );
                }
                Reply::error(code)
            }
        })
    });
    let mut reply = reply.unwrap_or_else(Reply::sample);
    for grant in reply.take_grants() {
        match grant.lifetime {
            Some(lifetime) => state.tokens.insert_until(&grant.token, grant.kind, now + lifetime),
            None => state.tokens.insert(&grant.token, grant.kind),
        }
    }
    reply.render(info, &outcome.warnings)
}

/// The `host:port` a request was sent to, for the URLs of its answer (a file's upload
/// and download URLs): its `Host` header, else its URI's authority.
fn host(parts: &Parts) -> &str {
    parts
        .headers
        .get(http::header::HOST)
        .and_then(|host| host.to_str().ok())
        .or_else(|| parts.uri.authority().map(http::uri::Authority::as_str))
        .unwrap_or("127.0.0.1")
}

//! Calls `apps.permissions.users.request` end to end and prints the typed result.
//!
//! ```sh
//! cargo run -p slack-api --example request_permissions
//! ```
//!
//! With `SLACK_TOKEN` unset, it starts a local server on 127.0.0.1 that answers like
//! Slack and calls it twice: once with a fresh trigger (`"ok": true`), once with an
//! expired one (the page's `invalid_trigger_id` example). With `SLACK_TOKEN` set, it
//! makes the same calls to Slack itself; the method has been retired, so expect Slack's
//! error answer, typed.

// The seed method is deprecated; calling it is what this example shows.
#![allow(deprecated)]

use std::error::Error;

use slack_api::runtime::{CallError, Client, Code, MethodResponse, Token};
use slack_api::{AppsPermissionsUsersRequest, AppsPermissionsUsersRequestError};

/// A trigger the local server accepts, and one it answers `invalid_trigger_id` to.
const TRIGGERS: [&str; 2] = ["13345224609.738474920.8088930838d88f008e0", "expired"];

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn Error>> {
    let client = if std::env::var_os("SLACK_TOKEN").is_some() {
        println!("SLACK_TOKEN is set: calling Slack");
        Client::new(Token::from_env("SLACK_TOKEN")?)
    } else {
        let base_url = local_slack::start().await?;
        println!("SLACK_TOKEN is unset: calling a local server that answers like Slack, at {base_url}");
        Client::builder(Token::new("xoxp-local-example")?).base_url(base_url).build()?
    };

    for trigger_id in TRIGGERS {
        let request = AppsPermissionsUsersRequest::new(["reactions:write", "chat:write"], trigger_id, "U0DJ9S1Q8");
        print!("trigger {trigger_id}: ");
        match client.call(request).await {
            Ok(response) => println!("ok, the user was asked (warnings: {:?})", response.warnings()),
            Err(CallError::Method(error)) => match &error.code {
                AppsPermissionsUsersRequestError::InvalidTrigger => println!("Slack says the trigger is invalid"),
                code if !code.is_documented() => println!("Slack answered {code}, a code the spec does not document"),
                code => println!("Slack answered {code}"),
            },
            Err(error) if error.is_retryable() => println!("Slack is unavailable for now: {error}"),
            Err(error) => return Err(error.into()),
        }
    }
    Ok(())
}

/// A local server answering `apps.permissions.users.request` as Slack does.
mod local_slack {
    use std::convert::Infallible;

    use http_body_util::{BodyExt, Full};
    use hyper::body::{Bytes, Incoming};
    use hyper::server::conn::http1;
    use hyper::service::service_fn;
    use hyper_util::rt::TokioIo;
    use slack_api::runtime::http::{Request, Response, header};
    use tokio::net::TcpListener;

    /// Starts the server in the background; returns its base URL.
    pub async fn start() -> std::io::Result<String> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let base_url = format!("http://{}/api/", listener.local_addr()?);
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(http1::Builder::new().serve_connection(TokioIo::new(stream), service_fn(answer)));
            }
        });
        Ok(base_url)
    }

    /// Slack's answer: `not_authed` without a bearer token, `invalid_trigger_id` for an
    /// expired trigger, else `"ok": true`.
    async fn answer(request: Request<Incoming>) -> Result<Response<Full<Bytes>>, Infallible> {
        let authorized = request
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("Bearer xox"));
        let body = request.into_body().collect().await.map(|body| body.to_bytes()).unwrap_or_default();
        let expired = body.split(|byte| *byte == b'&').any(|pair| pair == b"trigger_id=expired");
        let json = match (authorized, expired) {
            (false, _) => r#"{"ok":false,"error":"not_authed"}"#,
            (true, true) => r#"{"ok":false,"error":"invalid_trigger_id"}"#,
            (true, false) => r#"{"ok":true}"#,
        };
        let mut response = Response::new(Full::new(Bytes::from_static(json.as_bytes())));
        response.headers_mut().insert(header::CONTENT_TYPE, header::HeaderValue::from_static("application/json"));
        Ok(response)
    }
}

//! Calls `apps.permissions.users.request` end to end and prints the typed result.
//!
//! ```sh
//! cargo run -p typed-slack --features apps --example request_permissions
//! ```
//!
//! With `SLACK_TOKEN` unset, it calls the fake Slack of `typed-slack-fake` on 127.0.0.1,
//! which answers the method as its Slack page documents: a fresh trigger succeeds, the
//! same trigger again is `trigger_exchanged`, an unknown one `invalid_trigger`. With
//! `SLACK_TOKEN` set, it makes the same calls to Slack itself; the method has been
//! retired, so expect Slack's error answer, typed.

// The seed method is deprecated; calling it is what this example shows.
#![allow(deprecated)]

use std::error::Error;

use typed_slack::runtime::{CallError, Client, Code, MethodResponse, Token};
use typed_slack::{AppsPermissionsUsersRequest, AppsPermissionsUsersRequestError};
use typed_slack_fake::FakeSlack;

/// A fresh trigger, the same one again, and one that was never issued.
const TRIGGERS: [&str; 3] =
    ["13345224609.738474920.8088930838d88f008e0", "13345224609.738474920.8088930838d88f008e0", "expired"];

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn Error>> {
    let (client, fake) = if std::env::var_os("SLACK_TOKEN").is_some() {
        println!("SLACK_TOKEN is set: calling Slack");
        (Client::new(Token::from_env("SLACK_TOKEN")?), None)
    } else {
        let slack = FakeSlack::builder().methods(typed_slack::catalog()).start().await?;
        println!("SLACK_TOKEN is unset: calling a fake Slack at {}", slack.base_url());
        let client = slack.client(Token::new(FakeSlack::USER_TOKEN)?).build()?;
        (client, Some(slack))
    };

    for trigger_id in TRIGGERS {
        let request = AppsPermissionsUsersRequest::new(["reactions:write", "chat:write"], trigger_id, "U0DJ9S1Q8");
        print!("trigger {trigger_id}: ");
        match client.call(request).await {
            Ok(response) => println!("ok, the user was asked (warnings: {:?})", response.warnings()),
            Err(CallError::Method(error)) => match &error.code {
                AppsPermissionsUsersRequestError::TriggerExchanged => println!("Slack says the trigger was used"),
                AppsPermissionsUsersRequestError::InvalidTrigger => println!("Slack says the trigger is invalid"),
                code if !code.is_documented() => println!("Slack answered {code}, a code the spec does not document"),
                code => println!("Slack answered {code}"),
            },
            Err(error) if error.is_retryable() => println!("Slack is unavailable for now: {error}"),
            Err(error) => return Err(error.into()),
        }
    }

    if let Some(slack) = fake {
        println!("the fake Slack received:");
        for request in slack.requests() {
            let answer = request.error().unwrap_or("ok");
            println!("  {} {} {:?} -> {answer}", request.http_method(), request.path(), request.arguments());
        }
        slack.shutdown().await;
    }
    Ok(())
}

//! The fake Slack (`typed-slack-fake`) serving the hand-written methods, for tests of how
//! the client sends requests and reads Slack's answers over real HTTP.

use serde_json::Value;
use typed_slack_fake::{FakeSlack, Reply};
use typed_slack_runtime::Catalogued;
use typed_slack_runtime::http;

use super::SECRET;
use super::methods::{ListChannels, PermissionsRequest, PostMessage};

/// A fake serving the hand-written methods, accepting the test token. It plays no
/// method's behaviour: these tests are about the client, and script what they need.
pub async fn fake_slack() -> FakeSlack {
    FakeSlack::builder()
        .method::<PermissionsRequest>()
        .method::<PostMessage>()
        .method::<ListChannels>()
        .token(SECRET)
        .without_behaviours()
        .start()
        .await
        .expect("a fake Slack on a free loopback port")
}

/// A fake that answers `M`'s calls with `replies`, in order.
pub async fn answering<M: Catalogued>(replies: impl IntoIterator<Item = Reply>) -> FakeSlack {
    let slack = fake_slack().await;
    for reply in replies {
        slack.on::<M>().reply(reply);
    }
    slack
}

/// Any status, content type and body.
pub fn raw(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
    let response = http::Response::builder().status(status).header("content-type", content_type).body(body.into());
    Reply::raw(response.expect("a valid raw answer"))
}

/// HTTP 200 with exactly this JSON body.
pub fn json(body: Value) -> Reply {
    Reply::json(body)
}

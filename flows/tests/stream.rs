//! A streamed reply of 200 chunks against the fake Slack, on a paused clock: few
//! appends, each at most as often as the tier allows, and the whole text kept.

use std::time::Duration;

use typed_slack::objects::{Block, DividerBlock};
use typed_slack::runtime::{Client, RetryPolicy, Token};
use typed_slack::{ChatAppendStream, ChatStartStream, ConversationsHistory};
use typed_slack_fake::FakeSlack;
use typed_slack_flows::ReplyStream;

async fn fake_and_client() -> (FakeSlack, Client) {
    let slack = FakeSlack::builder().methods(typed_slack::catalog()).start().await.expect("a fake Slack");
    let token = Token::new(FakeSlack::BOT_TOKEN).expect("a token");
    let client = Client::builder(token).transport(slack.transport()).retry_policy(RetryPolicy::never()).build();
    (slack, client.expect("a client"))
}

#[tokio::test(start_paused = true)]
async fn two_hundred_chunks_make_a_few_paced_appends_and_one_whole_message() {
    let (slack, client) = fake_and_client().await;
    let start = ChatStartStream::new("C0000000001").markdown_text("Answer:");
    let mut reply = ReplyStream::start(&client, start).await.expect("started");
    let mut expected = String::from("Answer:");
    for index in 0..200 {
        let chunk = format!(" w{index}");
        expected.push_str(&chunk);
        reply.append(&chunk).await.expect("appended");
        // A model writing a token every 50 ms: 10 s in all.
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let ts = reply.ts().clone();
    let stopped = reply.stop(vec![Block::from(DividerBlock::new())]).await.expect("stopped");
    let message = stopped.message.expect("the message");
    assert_eq!(message.text.as_deref(), Some(expected.as_str()));
    assert_eq!(message.blocks.as_ref().map(Vec::len), Some(1));

    let appends = slack.requests_to::<ChatAppendStream>();
    // Tier 4 allows one call every 0.6 s: 10 s of tokens make 17 calls, not 200.
    assert!((10..=18).contains(&appends.len()), "{} appends", appends.len());
    for pair in appends.windows(2) {
        assert!(pair[1].at() - pair[0].at() >= Duration::from_millis(600), "appends closer than the tier allows");
    }
    let history = client.call(ConversationsHistory::new("C0000000001").limit(1)).await.expect("the history");
    assert_eq!(history.messages[0].ts.as_ref(), Some(&ts));
    assert_eq!(history.messages[0].text.as_deref(), Some(expected.as_str()));
}

#[tokio::test(start_paused = true)]
async fn flush_sends_what_is_buffered_and_a_failed_append_keeps_its_text() {
    let (slack, client) = fake_and_client().await;
    let mut reply = ReplyStream::start(&client, ChatStartStream::new("C0000000001")).await.expect("started");
    reply.append("one").await.expect("sent at once");
    reply.append(" two").await.expect("buffered");
    assert_eq!(slack.requests_to::<ChatAppendStream>().len(), 1);
    slack.on::<ChatAppendStream>().fail_with_code("messaging_processing_failed");
    assert!(reply.flush().await.is_err());
    reply.flush().await.expect("sent on the second try");
    let appends = slack.requests_to::<ChatAppendStream>();
    assert_eq!(appends.last().and_then(|append| append.arguments().text("markdown_text")), Some(" two"));
    let stopped = reply.stop(Vec::new()).await.expect("stopped");
    assert_eq!(stopped.message.and_then(|message| message.text), Some("one two".to_owned()));
}

//! Walking the pages of a cursor-paginated method against the fake Slack, over real HTTP.

mod support;

use futures_util::StreamExt;
use serde_json::json;
use support::fake::answering;
use support::methods::ListChannels;
use support::token;
use typed_slack_fake::Reply;
use typed_slack_runtime::CallError;
use typed_slack_runtime::types::Cursor;

fn page(channels: &[&str], next_cursor: &str) -> Reply {
    Reply::success(json!({"channels": channels, "response_metadata": {"next_cursor": next_cursor}}))
}

fn channels(responses: &[support::methods::ListChannelsResponse]) -> Vec<&str> {
    responses.iter().flat_map(|response| response.channels.iter().map(|channel| channel.as_str())).collect()
}

#[tokio::test]
async fn follows_next_cursor_until_it_is_empty() {
    let slack = answering::<ListChannels>([
        page(&["C1", "C2"], "Y3Vyc29yMg=="),
        page(&["C3"], "Y3Vyc29yMw=="),
        page(&["C4"], ""),
    ])
    .await;
    let client = slack.client(token()).build().unwrap();

    let responses = client.pages(ListChannels { limit: Some(2), cursor: None }).collect_all().await.unwrap();

    assert_eq!(channels(&responses), ["C1", "C2", "C3", "C4"]);
    let bodies: Vec<String> = slack.requests().iter().map(typed_slack_fake::Request::body_text).collect();
    assert_eq!(bodies, ["limit=2", "limit=2&cursor=Y3Vyc29yMg%3D%3D", "limit=2&cursor=Y3Vyc29yMw%3D%3D"]);
}

#[tokio::test]
async fn a_missing_response_metadata_is_the_last_page() {
    let slack = answering::<ListChannels>([Reply::success(json!({"channels": ["C1"]}))]).await;
    let client = slack.client(token()).build().unwrap();

    let mut pages = client.pages(ListChannels::default());
    assert!(pages.next_page().await.unwrap().is_ok());
    assert!(pages.next_page().await.is_none());
    assert_eq!(slack.requests().len(), 1);
}

#[tokio::test]
async fn a_repeated_cursor_ends_the_walk_instead_of_looping() {
    let slack = answering::<ListChannels>([page(&["C1"], "c2"), page(&["C2"], "c2"), page(&["C3"], "c2")]).await;
    let client = slack.client(token()).build().unwrap();

    let responses = client.pages(ListChannels::default()).collect_all().await.unwrap();

    assert_eq!(channels(&responses), ["C1", "C2"]);
    assert_eq!(slack.requests().len(), 2);
}

#[tokio::test]
async fn an_error_is_the_last_item_of_the_stream() {
    let slack = answering::<ListChannels>([page(&["C1"], "c2"), Reply::error("invalid_cursor")]).await;
    let client = slack.client(token()).build().unwrap();

    let items: Vec<_> = client.pages(ListChannels::default()).into_stream().collect().await;

    assert_eq!(items.len(), 2);
    assert!(items[0].is_ok());
    assert!(matches!(&items[1], Err(CallError::Method(error)) if error.code.to_string() == "invalid_cursor"));
}

#[tokio::test]
async fn starts_where_the_request_cursor_says() {
    let slack = answering::<ListChannels>([page(&["C9"], "")]).await;
    let client = slack.client(token()).build().unwrap();

    let responses =
        client.pages(ListChannels { limit: None, cursor: Some(Cursor::new("start")) }).collect_all().await.unwrap();

    assert_eq!(channels(&responses), ["C9"]);
    assert_eq!(slack.requests()[0].body_text(), "cursor=start");
}

/// A client over the fake's in-process transport that retries nothing, on tokio's clock.
fn unretried(slack: &typed_slack_fake::FakeSlack) -> typed_slack_runtime::Client {
    let builder = typed_slack_runtime::Client::builder(token()).transport(slack.transport());
    builder.retry_policy(typed_slack_runtime::RetryPolicy::never()).build().expect("a client")
}

#[tokio::test(start_paused = true)]
async fn after_a_429_the_next_page_is_asked_again_from_the_cursor_reached() {
    let limited = Reply::rate_limited(std::time::Duration::from_secs(30));
    let slack = answering::<ListChannels>([page(&["C1"], "c2"), limited, page(&["C2"], "")]).await;
    let mut pages = unretried(&slack).pages(ListChannels::default());

    assert!(pages.next_page().await.expect("a first page").is_ok());
    assert_eq!(pages.cursor().map(Cursor::as_str), Some("c2"));
    let error = pages.next_page().await.expect("an answer").expect_err("rate limited");
    assert!(matches!(error, CallError::RateLimited(_)));
    assert_eq!(pages.cursor().map(Cursor::as_str), Some("c2"), "the walk stays where it was");
    let second = pages.next_page().await.expect("asked again").expect("the second page");
    assert_eq!(second.channels.len(), 1);
    assert!(pages.next_page().await.is_none());
    let bodies: Vec<String> = slack.requests().iter().map(typed_slack_fake::Request::body_text).collect();
    assert_eq!(bodies, ["", "cursor=c2", "cursor=c2"]);
}

#[tokio::test(start_paused = true)]
async fn collecting_every_page_waits_out_429s_and_fetches_no_page_twice() {
    let limited = || Reply::rate_limited(std::time::Duration::from_secs(30));
    let replies = [page(&["C1"], "c2"), limited(), limited(), page(&["C2"], "c3"), limited(), page(&["C3"], "")];
    let slack = answering::<ListChannels>(replies).await;
    let start = tokio::time::Instant::now();

    let responses = unretried(&slack).pages(ListChannels::default()).collect_all().await.expect("every page");

    assert_eq!(channels(&responses), ["C1", "C2", "C3"]);
    let bodies: Vec<String> = slack.requests().iter().map(typed_slack_fake::Request::body_text).collect();
    assert_eq!(bodies, ["", "cursor=c2", "cursor=c2", "cursor=c2", "cursor=c3", "cursor=c3"]);
    assert!(start.elapsed() >= std::time::Duration::from_secs(90), "each Retry-After waited out");
}

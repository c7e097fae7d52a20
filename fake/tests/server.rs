//! The server itself: where it listens, how the client reaches it, how it stops.

// The seed method is deprecated; calling it is the point here.
#![allow(deprecated)]

use std::io;

use tokio::net::TcpListener;
use typed_slack::AppsPermissionsUsersRequest as Request;
use typed_slack::runtime::{CallError, RetryPolicy, Token, TransportErrorKind};
use typed_slack_fake::{FakeSlack, TokenKind, TokenSource};

const SECRET: &str = "xoxp-1234-5678-TOPSECRET";

fn request() -> Request {
    Request::new(["reactions:write", "chat:write"], "13345224609.738474920.8088930838d88f008e0", "U0DJ9S1Q8")
}

#[tokio::test]
async fn it_listens_on_loopback_and_the_client_reaches_it_in_one_line() {
    let slack = FakeSlack::builder().methods(typed_slack::catalog()).token(SECRET).start().await.unwrap();

    let client = slack.client(Token::new(SECRET).unwrap()).build().unwrap();
    client.call(request()).await.unwrap();

    assert!(slack.address().ip().is_loopback());
    assert_eq!(slack.base_url(), format!("http://127.0.0.1:{}/api/", slack.address().port()));
    let [sent] = slack.requests().try_into().unwrap();
    assert_eq!((sent.http_method().as_str(), sent.path()), ("POST", "/api/apps.permissions.users.request"));
    assert_eq!(sent.method(), "apps.permissions.users.request");
    assert_eq!(sent.header("authorization"), Some(format!("Bearer {SECRET}").as_str()));
    assert_eq!((sent.token_kind(), sent.token_source()), (Some(TokenKind::User), Some(TokenSource::Header)));
    assert_eq!(sent.arguments().list("scopes"), ["reactions:write", "chat:write"]);
    assert_eq!(sent.arguments().text("user"), Some("U0DJ9S1Q8"));
    assert_eq!(
        sent.body_text(),
        "scopes=reactions%3Awrite%2Cchat%3Awrite&trigger_id=13345224609.738474920.8088930838d88f008e0&user=U0DJ9S1Q8"
    );
}

#[tokio::test]
async fn it_listens_on_the_port_it_is_given() {
    let free = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = free.local_addr().unwrap().port();
    drop(free);

    let slack = FakeSlack::builder().port(port).start().await.unwrap();
    assert_eq!(slack.address().port(), port);

    let taken = FakeSlack::builder().port(port).start().await.unwrap_err();
    assert_eq!(taken.kind(), io::ErrorKind::AddrInUse);
}

async fn refused_after(stop: impl AsyncFnOnce(FakeSlack)) {
    let slack = FakeSlack::builder().methods(typed_slack::catalog()).start().await.expect("a fake");
    let token = Token::new(FakeSlack::USER_TOKEN).expect("a well-formed token");
    let client = slack.client(token).retry_policy(RetryPolicy::never()).build().expect("a client for the fake");
    client.call(request()).await.expect("an answer while the fake runs");

    stop(slack).await;

    // The first call may still find the closed connection in the client's pool.
    let error = client.call(request()).await.expect_err("no answer once stopped");
    assert!(matches!(&error, CallError::Transport(_)), "{error:?}");
    let error = client.call(request()).await.expect_err("no answer once stopped");
    assert!(matches!(&error, CallError::Transport(failure) if failure.kind() == TransportErrorKind::Connect));
}

#[tokio::test]
async fn it_stops_on_shutdown() {
    refused_after(async |slack| slack.shutdown().await).await;
}

#[tokio::test]
async fn it_stops_when_dropped() {
    refused_after(async |slack| {
        drop(slack);
        tokio::task::yield_now().await;
    })
    .await;
}

/// A long run keeps bounded memory: the latest requests only, each body cut to the
/// limit, the length received still told.
#[tokio::test]
async fn it_keeps_the_latest_requests_with_their_bodies_cut_to_the_limit() {
    use typed_slack_fake::RecordLimits;

    let slack = FakeSlack::builder()
        .methods(typed_slack::catalog())
        .token(SECRET)
        .record_limits(RecordLimits { requests: 3, body_bytes: 40 })
        .start()
        .await
        .unwrap();
    let client = slack.client(Token::new(SECRET).unwrap()).retry_policy(RetryPolicy::never()).build().unwrap();
    let user = |index: usize| format!("U{index:08}");
    for index in 0..5 {
        let _ =
            client.call(Request::new(["chat:write"], "13345224609.738474920.8088930838d88f008e0", user(index))).await;
    }

    let kept = slack.requests();
    assert_eq!(slack.requests_forgotten(), 2);
    let users: Vec<String> = kept.iter().map(|request| request.body_text()).collect();
    assert_eq!(kept.len(), 3, "{users:?}");
    let full = "scopes=chat%3Awrite&trigger_id=13345224609.738474920.8088930838d88f008e0&user=U00000002";
    assert_eq!(kept[0].body_len(), full.len());
    assert!(kept[0].body_cut());
    assert_eq!(kept[0].body_text(), full[..40]);
    // The arguments were read from the whole body, and their text is cut likewise.
    assert_eq!(kept[0].arguments().text("user"), Some("U00000002"));
    assert_eq!(kept[0].arguments().text("trigger_id").map(str::len), Some(40));
}

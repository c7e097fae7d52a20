//! File uploads end to end against the fake Slack: three files from memory, a path and a
//! reader, shared with one message; a failure injected at each step, and the retry that
//! sends no file's bytes twice.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::json;
use typed_slack::objects::File;
use typed_slack::runtime::types::FileId;
use typed_slack::runtime::{Client, RetryPolicy, StreamingBody, Token, Transport, TransportFuture, http};
use typed_slack::{
    ChatPostMessage, ConversationsHistory, FilesCompleteUploadExternal, FilesGetUploadUrlExternal, FilesInfo,
};
use typed_slack_fake::{FakeSlack, InProcessTransport};
use typed_slack_flows::upload::{FileUpload, StepError, Upload, UploadStep, upload_files};

const CHANNEL: &str = "C0000000001";

async fn fake() -> FakeSlack {
    FakeSlack::builder().methods(typed_slack::catalog()).start().await.expect("a fake Slack")
}

fn client_over(transport: impl Transport) -> Client {
    let token = Token::new(FakeSlack::BOT_TOKEN).expect("a token");
    Client::builder(token).transport(transport).retry_policy(RetryPolicy::never()).build().expect("a client")
}

/// Three text files: from memory, from a path, and from a reader.
fn three_files(dir: &tempfile::TempDir) -> Vec<FileUpload> {
    let path = dir.path().join("second.txt");
    std::fs::write(&path, "the second file").expect("written");
    let third = "the third file, from a reader";
    vec![
        FileUpload::from_bytes("first.txt", "the first file").title("First"),
        FileUpload::from_path(&path),
        FileUpload::from_reader("third.txt", third.len() as u64, third.as_bytes()),
    ]
}

/// The bytes each upload URL received and took, by file ID.
fn uploads_taken(slack: &FakeSlack) -> Vec<String> {
    let taken = slack.requests().into_iter().filter(|request| request.path().starts_with("/upload/v1/"));
    taken
        .filter(|request| request.status() == 200)
        .map(|request| request.path()["/upload/v1/".len()..].to_owned())
        .collect()
}

fn ids(files: &[File]) -> Vec<FileId> {
    files.iter().map(|file| file.id.clone().expect("an id")).collect()
}

#[tokio::test]
async fn three_files_from_memory_a_path_and_a_reader_are_shared_with_one_message() {
    let slack = fake().await;
    let dir = tempfile::tempdir().expect("a directory");
    let progress = Arc::new(Mutex::new(Vec::new()));
    let seen = progress.clone();
    let upload = Upload::to_channel(CHANNEL)
        .files(three_files(&dir))
        .initial_comment("Three files")
        .on_progress(move |step| seen.lock().expect("unpoisoned").push((step.index, step.sent, step.total)))
        .wait_until_shared(Duration::from_secs(5));
    let files = upload_files(&client_over(slack.transport()), upload).await.expect("uploaded");

    let names: Vec<_> = files.iter().map(|file| file.name.as_deref().unwrap_or_default()).collect();
    assert_eq!(names, ["first.txt", "second.txt", "third.txt"]);
    assert_eq!(files[0].title.as_deref(), Some("First"));
    assert_eq!(files[1].size, Some(15));
    assert!(files.iter().all(|file| file.shares.is_some()), "{files:?}");
    let state = slack.state();
    let contents: Vec<_> = state.files.iter().map(|file| file.content.as_deref().unwrap_or_default()).collect();
    assert_eq!(contents, ["the first file", "the second file", "the third file, from a reader"]);
    assert_eq!(uploads_taken(&slack).len(), 3);

    let client = client_over(slack.transport());
    let history = client.call(ConversationsHistory::new(CHANNEL).limit(1)).await.expect("the history");
    let message = &history.messages[0];
    assert_eq!(message.text.as_deref(), Some("Three files"));
    assert_eq!(message.files.as_ref().map(Vec::len), Some(3));

    let progress = progress.lock().expect("unpoisoned");
    for (index, total) in [(0, 14), (1, 15), (2, 29)] {
        let steps: Vec<_> = progress.iter().filter(|step| step.0 == index).collect();
        assert_eq!(steps.last().map(|step| (step.1, step.2)), Some((total, total)), "file {index}: {steps:?}");
    }
}

#[tokio::test]
async fn a_file_that_cannot_be_read_fails_the_read_step_and_nothing_is_completed() {
    let slack = fake().await;
    let upload = Upload::to_channel(CHANNEL)
        .file(FileUpload::from_bytes("one.txt", "one"))
        .file(FileUpload::from_path("/nonexistent/two.txt"));
    let error = upload_files(&client_over(slack.transport()), upload).await.expect_err("a missing file");
    assert_eq!((error.step(), error.file_index(), error.file_name()), (UploadStep::Read, Some(1), Some("two.txt")));
    assert!(matches!(error.cause(), StepError::Read(cause) if cause.kind() == std::io::ErrorKind::NotFound));
    assert!(error.to_string().contains("two.txt"), "{error}");
    assert!(slack.requests_to::<FilesCompleteUploadExternal>().is_empty());
}

#[tokio::test]
async fn a_failed_upload_url_is_retried_without_sending_the_other_files_again() {
    let slack = fake().await;
    let dir = tempfile::tempdir().expect("a directory");
    slack.on::<FilesGetUploadUrlExternal>().fail_with_code("internal_error");
    let client = client_over(slack.transport());
    // One at a time, so that the scripted failure is the first file's.
    let upload = Upload::to_channel(CHANNEL).files(three_files(&dir)).concurrency(1);
    let error = upload_files(&client, upload).await.expect_err("the first URL fails");
    assert_eq!((error.step(), error.file_index()), (UploadStep::GetUploadUrl, Some(0)));
    assert!(matches!(error.cause(), StepError::GetUploadUrl(_)));
    assert_eq!(uploads_taken(&slack).len(), 2, "the other files were uploaded");
    assert!(slack.requests_to::<FilesCompleteUploadExternal>().is_empty());

    let files = upload_files(&client, error.retry().expect("a retry")).await.expect("the retry completes");
    assert_eq!(files.len(), 3);
    assert_eq!(slack.requests_to::<FilesGetUploadUrlExternal>().len(), 4, "one more URL, for the failed file");
    assert_eq!(uploads_taken(&slack).len(), 3, "every file's bytes were taken once");
}

#[tokio::test]
async fn bytes_the_upload_url_refused_are_sent_again_only_on_retry_and_only_for_that_file() {
    let slack = fake().await;
    let dir = tempfile::tempdir().expect("a directory");
    slack.on_uploads().server_error(500);
    let client = client_over(slack.transport());
    let upload = Upload::to_channel(CHANNEL).files(three_files(&dir)).concurrency(1);
    let error = upload_files(&client, upload).await.expect_err("the first upload fails");
    assert_eq!((error.step(), error.file_index()), (UploadStep::SendBytes, Some(0)));
    assert!(matches!(error.cause(), StepError::SendBytes(cause) if cause.is_retryable()), "{:?}", error.cause());

    let files = upload_files(&client, error.retry().expect("a retry")).await.expect("the retry completes");
    assert_eq!(files.len(), 3);
    let taken = uploads_taken(&slack);
    assert_eq!(taken.len(), 3, "{taken:?}");
    assert_eq!(ids(&files).iter().map(|id| id.as_str().to_owned()).collect::<Vec<_>>().len(), 3);
    for id in ids(&files) {
        assert_eq!(taken.iter().filter(|taken| **taken == id.as_str()).count(), 1, "{id} uploaded once");
    }
}

#[tokio::test]
async fn a_failed_completion_is_retried_without_uploading_anything_again() {
    let slack = fake().await;
    let dir = tempfile::tempdir().expect("a directory");
    let client = client_over(slack.transport());
    let parent = client.call(ChatPostMessage::new(CHANNEL).text("Files, please")).await.expect("posted");
    slack.on::<FilesCompleteUploadExternal>().server_error(503);
    let upload = Upload::to_channel(CHANNEL).files(three_files(&dir)).thread_ts(parent.ts.clone());
    let error = upload_files(&client, upload).await.expect_err("the completion fails");
    assert_eq!((error.step(), error.file_index()), (UploadStep::Complete, None));
    assert!(error.to_string().contains("the files"), "{error}");

    let files = upload_files(&client, error.retry().expect("a retry")).await.expect("the retry completes");
    assert_eq!(files.len(), 3);
    assert_eq!(slack.requests_to::<FilesGetUploadUrlExternal>().len(), 3);
    assert_eq!(uploads_taken(&slack).len(), 3);
    let state = slack.state();
    let shared = state.messages.iter().find(|message| message.files.len() == 3).expect("the sharing message");
    assert_eq!(shared.thread_ts.as_deref(), Some(parent.ts.as_str()));
}

#[tokio::test(start_paused = true)]
async fn waiting_for_the_share_polls_files_info_and_gives_up_at_the_timeout() {
    let slack = fake().await;
    let client = client_over(slack.transport());
    // Slack shares a moment later: the first look finds the file unshared.
    slack.on::<FilesInfo>().succeed_with(json!({"file": {"id": "F0", "name": "one.txt"}}));
    let upload = Upload::to_channel(CHANNEL)
        .file(FileUpload::from_bytes("one.txt", "one"))
        .wait_until_shared(Duration::from_secs(10));
    let files = upload_files(&client, upload).await.expect("shared on the second look");
    assert!(files[0].shares.is_some());
    assert_eq!(slack.requests_to::<FilesInfo>().len(), 2);

    slack.on::<FilesInfo>().always().succeed_with(json!({"file": {"id": "F0", "name": "one.txt"}}));
    let upload = Upload::to_channel(CHANNEL)
        .file(FileUpload::from_bytes("one.txt", "one"))
        .wait_until_shared(Duration::from_secs(3));
    let error = upload_files(&client, upload).await.expect_err("never shared");
    assert_eq!((error.step(), error.file_index()), (UploadStep::WaitShared, Some(0)));
    assert!(matches!(error.cause(), StepError::NotShared(timeout) if *timeout == Duration::from_secs(3)));
    assert_eq!(error.completed().len(), 1, "the file was completed");
    assert!(error.retry().is_none(), "completing again would share twice");
}

/// The fake's transport, counting the uploads in flight at once.
#[derive(Debug, Clone)]
struct Counting {
    inner: InProcessTransport,
    in_flight: Arc<AtomicUsize>,
    most: Arc<AtomicUsize>,
}

impl Transport for Counting {
    fn send(&self, request: http::Request<Vec<u8>>) -> TransportFuture<'_> {
        self.inner.send(request)
    }

    fn send_streaming(&self, request: http::Request<StreamingBody>) -> TransportFuture<'_> {
        Box::pin(async move {
            let now = self.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
            self.most.fetch_max(now, Ordering::SeqCst);
            tokio::time::sleep(Duration::from_millis(50)).await;
            let answer = self.inner.send_streaming(request).await;
            self.in_flight.fetch_sub(1, Ordering::SeqCst);
            answer
        })
    }
}

#[tokio::test(start_paused = true)]
async fn files_are_uploaded_as_many_at_once_as_the_concurrency_allows() {
    let slack = fake().await;
    let most = Arc::new(AtomicUsize::new(0));
    let transport = Counting { inner: slack.transport(), in_flight: Arc::default(), most: most.clone() };
    let files = (0..8).map(|n| FileUpload::from_bytes(format!("{n}.txt"), vec![b'x'; 100_000]));
    let uploaded = upload_files(&client_over(transport), Upload::new().files(files).concurrency(3)).await;
    assert_eq!(uploaded.expect("uploaded").len(), 8);
    assert_eq!(most.load(Ordering::SeqCst), 3);
}

#[tokio::test]
async fn over_http_the_bytes_go_in_chunks_with_their_length_and_without_the_token() {
    let slack = fake().await;
    let dir = tempfile::tempdir().expect("a directory");
    let path = dir.path().join("large.bin");
    let content: Vec<u8> = (0..3 * 1024 * 1024).map(|n: u32| (n % 251) as u8).collect();
    std::fs::write(&path, &content).expect("written");
    let chunks = Arc::new(AtomicUsize::new(0));
    let counted = chunks.clone();
    let token = Token::new(FakeSlack::BOT_TOKEN).expect("a token");
    let client = slack.client(token).retry_policy(RetryPolicy::never()).build().expect("a client over HTTP");
    let upload = Upload::new().file(FileUpload::from_path(&path)).on_progress(move |_| {
        counted.fetch_add(1, Ordering::SeqCst);
    });
    let files = upload_files(&client, upload).await.expect("uploaded");
    assert_eq!(files[0].size, Some(content.len() as i64));

    let request = slack.requests().into_iter().find(|request| request.path().starts_with("/upload/")).expect("sent");
    assert_eq!(request.header("content-length"), Some(content.len().to_string().as_str()));
    assert_eq!(request.header("authorization"), None, "the upload URL gets no token");
    assert_eq!(request.body_len(), content.len());
    assert_eq!(chunks.load(Ordering::SeqCst), 48, "3 MiB in chunks of 64 KiB");
}

#[tokio::test]
async fn an_upload_of_no_file_calls_nothing() {
    let slack = fake().await;
    let files =
        upload_files(&client_over(slack.transport()), Upload::to_channel(CHANNEL)).await.expect("nothing to do");
    assert!(files.is_empty());
    assert!(slack.requests().is_empty());
}

#[tokio::test]
async fn a_source_shorter_than_its_length_fails_the_read_step() {
    let slack = fake().await;
    let short = FileUpload::from_reader("short.txt", 100, &b"only 17 bytes ..."[..]);
    let error = upload_files(&client_over(slack.transport()), Upload::new().file(short)).await.expect_err("too short");
    assert_eq!((error.step(), error.file_name()), (UploadStep::Read, Some("short.txt")));
    assert!(matches!(error.cause(), StepError::Read(cause) if cause.kind() == std::io::ErrorKind::UnexpectedEof));
    assert!(slack.requests_to::<FilesCompleteUploadExternal>().is_empty());
}

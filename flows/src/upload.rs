//! Uploading files the way Slack asks since `files.upload` was retired: for each file,
//! `files.getUploadURLExternal` and the bytes sent to the URL it answers, several files
//! at once; then `files.completeUploadExternal` shares them all with one message.

mod error;
mod source;

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use serde_json::{Value, json};
use tokio::time::Instant;
use typed_slack::objects::File;
use typed_slack::runtime::types::{ChannelId, FileId, Timestamp};
use typed_slack::runtime::{Client, TransportErrorKind};
use typed_slack::{FilesCompleteUploadExternal, FilesGetUploadUrlExternal, FilesInfo};

pub use error::{StepError, UploadError, UploadStep};
pub use source::{FileUpload, Progress};

use source::{OnProgress, Sent, Source};

/// How many times the bytes of a file are sent when the connection cannot be made:
/// nothing reached Slack then, so sending again uploads nothing twice.
const SEND_ATTEMPTS: u32 = 3;

/// Files to upload, and where to share them.
///
/// ```no_run
/// use std::time::Duration;
/// use typed_slack::runtime::Client;
/// use typed_slack_flows::upload::{FileUpload, Upload, upload_files};
///
/// # async fn run(client: Client) -> Result<(), Box<dyn std::error::Error>> {
/// let upload = Upload::to_channel("C0123456789")
///     .file(FileUpload::from_path("report.pdf"))
///     .file(FileUpload::from_bytes("notes.txt", "Remember the milk"))
///     .initial_comment("This week's report")
///     .wait_until_shared(Duration::from_secs(30));
/// for file in upload_files(&client, upload).await? {
///     println!("{:?} is at {:?}", file.id, file.permalink);
/// }
/// # Ok(())
/// # }
/// ```
pub struct Upload {
    files: Vec<FileUpload>,
    channel: Option<ChannelId>,
    thread_ts: Option<Timestamp>,
    initial_comment: Option<String>,
    concurrency: usize,
    send_timeout: Duration,
    wait_shared: Option<Duration>,
    on_progress: Option<OnProgress>,
}

impl Upload {
    /// An upload of no file yet, shared nowhere: the files stay private to the uploader
    /// unless a [`channel`](Self::channel) is given.
    pub fn new() -> Self {
        Self {
            files: Vec::new(),
            channel: None,
            thread_ts: None,
            initial_comment: None,
            concurrency: 4,
            send_timeout: Duration::from_secs(10 * 60),
            wait_shared: None,
            on_progress: None,
        }
    }

    /// An upload shared into `channel`.
    pub fn to_channel(channel: impl Into<ChannelId>) -> Self {
        Self::new().channel(channel)
    }

    /// Adds a file.
    pub fn file(mut self, file: FileUpload) -> Self {
        self.files.push(file);
        self
    }

    /// Adds files.
    pub fn files(mut self, files: impl IntoIterator<Item = FileUpload>) -> Self {
        self.files.extend(files);
        self
    }

    /// Shares the files into this conversation.
    pub fn channel(mut self, channel: impl Into<ChannelId>) -> Self {
        self.channel = Some(channel.into());
        self
    }

    /// Shares them as a reply in this thread of the channel.
    pub fn thread_ts(mut self, thread_ts: impl Into<Timestamp>) -> Self {
        self.thread_ts = Some(thread_ts.into());
        self
    }

    /// The text of the message that shares them.
    pub fn initial_comment(mut self, text: impl Into<String>) -> Self {
        self.initial_comment = Some(text.into());
        self
    }

    /// How many files are uploaded at once (default 4; 0 counts as 1).
    pub fn concurrency(mut self, files: usize) -> Self {
        self.concurrency = files.max(1);
        self
    }

    /// How long sending one file's bytes may take (default 10 minutes).
    pub fn send_timeout(mut self, timeout: Duration) -> Self {
        self.send_timeout = timeout;
        self
    }

    /// After completing the upload, waits until `files.info` shows each file shared,
    /// at most `timeout`: Slack shares files a moment after it completes them.
    pub fn wait_until_shared(mut self, timeout: Duration) -> Self {
        self.wait_shared = Some(timeout);
        self
    }

    /// Calls `on_progress` each time a chunk of a file (64 KiB at most) is handed to the
    /// connection.
    pub fn on_progress(mut self, on_progress: impl Fn(Progress<'_>) + Send + Sync + 'static) -> Self {
        self.on_progress = Some(Arc::new(on_progress));
        self
    }

    /// Gets the upload URL of the file at `index` and sends its bytes there: its ID at
    /// Slack, or the step that failed.
    async fn send(&self, client: &Client, index: usize, file: &FileUpload) -> Result<FileId, (UploadStep, StepError)> {
        if let Source::Uploaded(id) = &file.source {
            return Ok(id.clone());
        }
        let read = |error| (UploadStep::Read, StepError::Read(error));
        let length = file.length().await.map_err(read)?;
        let mut request = FilesGetUploadUrlExternal::new(i64::try_from(length).unwrap_or(i64::MAX), &file.filename);
        request.alt_txt.clone_from(&file.alt_text);
        request.snippet_type.clone_from(&file.snippet_type);
        let target =
            client.call(request).await.map_err(|error| (UploadStep::GetUploadUrl, StepError::GetUploadUrl(error)))?;
        let mut attempt = 1;
        loop {
            let sent = Sent::new(index, &file.filename, length, self.on_progress.clone());
            let read_failure = sent.failure();
            let body = file.body(length, sent).await.map_err(read)?;
            let error = match tokio::time::timeout(self.send_timeout, client.upload_to(&target.upload_url, body)).await
            {
                Ok(Ok(())) => return Ok(target.file_id),
                Err(_elapsed) => return Err((UploadStep::SendBytes, StepError::SendTimedOut(self.send_timeout))),
                Ok(Err(error)) => error,
            };
            if let Some(error) = read_failure.take() {
                return Err(read(error));
            }
            let unsent = matches!(&error, typed_slack::runtime::BytesUploadError::Transport(failure)
                if failure.kind() == TransportErrorKind::Connect);
            if !unsent || attempt >= SEND_ATTEMPTS || !file.can_resend() {
                return Err((UploadStep::SendBytes, StepError::SendBytes(error)));
            }
            tracing::info!(file = %file.filename, attempt, error = %error, "sending the bytes again");
            tokio::time::sleep(Duration::from_millis(250) * 2u32.pow(attempt - 1)).await;
            attempt += 1;
        }
    }

    /// `files.completeUploadExternal` for the files uploaded as `ids`.
    async fn complete(&self, client: &Client, ids: &[FileId]) -> Result<Vec<File>, StepError> {
        let files: Vec<Value> = ids
            .iter()
            .zip(&self.files)
            .map(|(id, file)| json!({ "id": id.as_str(), "title": file.title_or_name() }))
            .collect();
        let mut request = FilesCompleteUploadExternal::new(Value::Array(files));
        request.channel_id.clone_from(&self.channel);
        if self.channel.is_some() {
            request.thread_ts.clone_from(&self.thread_ts);
            request.initial_comment.clone_from(&self.initial_comment);
        }
        Ok(client.call(request).await.map_err(StepError::Complete)?.files)
    }

    /// The upload again with the files whose bytes reached Slack marked as uploaded.
    fn again(mut self, sent: &[Option<FileId>]) -> Self {
        for (file, id) in self.files.iter_mut().zip(sent) {
            if let Some(id) = id {
                file.source = Source::Uploaded(id.clone());
            }
        }
        self
    }
}

impl Default for Upload {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for Upload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Upload")
            .field("files", &self.files)
            .field("channel", &self.channel)
            .field("thread_ts", &self.thread_ts)
            .field("concurrency", &self.concurrency)
            .field("send_timeout", &self.send_timeout)
            .field("wait_shared", &self.wait_shared)
            .finish_non_exhaustive()
    }
}

/// Uploads the files of `upload`, [`concurrency`](Upload::concurrency) at a time, and
/// completes them all with one `files.completeUploadExternal`, which shares them into
/// the channel given. Answers the files as Slack describes them (after the share, when
/// waiting for it).
///
/// A file's bytes are streamed from their source, a chunk at a time. They are sent
/// again only when the connection could not be made (nothing reached Slack), and never
/// from a reader. The calls of methods retry as the client's [`RetryPolicy`](typed_slack::runtime::RetryPolicy) says.
///
/// # Errors
///
/// The first step that failed, with the file it failed for; every other file is still
/// uploaded, so that [`UploadError::retry`] sends only the bytes that did not arrive.
pub async fn upload_files(client: &Client, upload: Upload) -> Result<Vec<File>, UploadError> {
    if upload.files.is_empty() {
        // Nothing to complete: Slack would refuse an empty list.
        return Ok(Vec::new());
    }
    let results: Vec<Result<FileId, (UploadStep, StepError)>> =
        futures_util::stream::iter(upload.files.iter().enumerate())
            .map(|(index, file)| upload.send(client, index, file))
            .buffered(upload.concurrency)
            .collect()
            .await;
    let mut sent: Vec<Option<FileId>> = Vec::with_capacity(results.len());
    let mut first_failure = None;
    for (index, result) in results.into_iter().enumerate() {
        match result {
            Ok(id) => sent.push(Some(id)),
            Err(failure) => {
                sent.push(None);
                first_failure.get_or_insert((index, failure));
            }
        }
    }
    if let Some((index, (step, cause))) = first_failure {
        let file = Some((index, upload.files[index].filename.clone()));
        return Err(UploadError {
            step,
            file,
            cause,
            retry: Some(Box::new(upload.again(&sent))),
            completed: Vec::new(),
        });
    }
    let ids: Vec<FileId> = sent.iter().flatten().cloned().collect();
    let completed = match upload.complete(client, &ids).await {
        Ok(files) => files,
        Err(cause) => {
            let retry = Some(Box::new(upload.again(&sent)));
            return Err(UploadError { step: UploadStep::Complete, file: None, cause, retry, completed: Vec::new() });
        }
    };
    match (upload.wait_shared, &upload.channel) {
        (Some(timeout), Some(_)) => wait_until_shared(client, &upload, completed, timeout).await,
        _ => Ok(completed),
    }
}

/// Polls `files.info` for each of `files` until it shows the file shared, `timeout` at
/// most in all.
async fn wait_until_shared(
    client: &Client,
    upload: &Upload,
    files: Vec<File>,
    timeout: Duration,
) -> Result<Vec<File>, UploadError> {
    let deadline = Instant::now() + timeout;
    let mut shared = Vec::with_capacity(files.len());
    for (index, file) in files.iter().enumerate() {
        let name = || Some((index, upload.files.get(index).map(|file| file.filename.clone()).unwrap_or_default()));
        let Some(id) = file.id.clone() else {
            shared.push(file.clone());
            continue;
        };
        let mut pause = Duration::from_millis(100);
        let found = loop {
            let fail = |cause| UploadError {
                step: UploadStep::WaitShared,
                file: name(),
                cause,
                retry: None,
                completed: files.clone(),
            };
            let info = client.call(FilesInfo::new(id.clone())).await.map_err(|error| fail(StepError::Info(error)))?;
            if is_shared(&info.file) {
                break *info.file;
            }
            if Instant::now() + pause > deadline {
                return Err(fail(StepError::NotShared(timeout)));
            }
            tokio::time::sleep(pause).await;
            pause = (pause * 2).min(Duration::from_secs(2));
        };
        shared.push(found);
    }
    Ok(shared)
}

/// Whether Slack shows `file` shared in a conversation.
fn is_shared(file: &File) -> bool {
    let listed = |ids: &Option<Vec<ChannelId>>| ids.as_ref().is_some_and(|ids| !ids.is_empty());
    let shares = file.shares.as_ref().is_some_and(|shares| {
        shares.public.as_ref().is_some_and(|public| !public.is_empty())
            || shares.private.as_ref().is_some_and(|private| !private.is_empty())
    });
    shares || listed(&file.channels) || listed(&file.groups) || listed(&file.ims)
}

//! The files to upload: their names and where their bytes come from.

use std::fmt;
use std::io;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};

use bytes::Bytes;
use futures_util::Stream;
use tokio::io::AsyncRead;
use tokio_util::io::ReaderStream;
use typed_slack::runtime::StreamingBody;
use typed_slack::runtime::types::FileId;

/// The size of the chunks a file is read and sent in.
const CHUNK: usize = 64 * 1024;

/// One file to upload: its name, the title and alt text Slack shows, and its bytes, from
/// memory, a path, or an async reader. The bytes are read while they are sent, a chunk
/// at a time.
///
/// ```
/// use typed_slack_flows::upload::FileUpload;
///
/// let notes = FileUpload::from_bytes("notes.txt", "Remember the milk").title("Notes");
/// let report = FileUpload::from_path("target/report.pdf");
/// # let _ = (notes, report);
/// ```
pub struct FileUpload {
    pub(super) filename: String,
    pub(super) title: Option<String>,
    pub(super) alt_text: Option<String>,
    pub(super) snippet_type: Option<String>,
    pub(super) source: Source,
}

pub(super) enum Source {
    Bytes(Bytes),
    Path(PathBuf),
    /// Read once: taken when its upload starts.
    Reader {
        length: u64,
        reader: Mutex<Option<Box<dyn AsyncRead + Send + Unpin>>>,
    },
    /// Its bytes reached Slack in an earlier attempt, as this file.
    Uploaded(FileId),
}

impl FileUpload {
    /// A file whose bytes are in memory (a `Vec<u8>`, a `String`, `Bytes`...): sent in
    /// chunks without copying them.
    pub fn from_bytes(filename: impl Into<String>, bytes: impl Into<Bytes>) -> Self {
        Self::of(filename.into(), Source::Bytes(bytes.into()))
    }

    /// The file at `path`, read while it is sent; its name is the path's last part.
    pub fn from_path(path: impl Into<PathBuf>) -> Self {
        let path = path.into();
        let filename = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
        Self::of(filename, Source::Path(path))
    }

    /// `length` bytes read from `reader` while they are sent. A reader is read once: an
    /// upload retried after it was read cannot send it again.
    pub fn from_reader(filename: impl Into<String>, length: u64, reader: impl AsyncRead + Send + 'static) -> Self {
        let reader: Box<dyn AsyncRead + Send + Unpin> = Box::new(Box::pin(reader));
        Self::of(filename.into(), Source::Reader { length, reader: Mutex::new(Some(reader)) })
    }

    fn of(filename: String, source: Source) -> Self {
        Self { filename, title: None, alt_text: None, snippet_type: None, source }
    }

    /// The name Slack gives the file, instead of the one given or the path's.
    pub fn filename(mut self, filename: impl Into<String>) -> Self {
        self.filename = filename.into();
        self
    }

    /// The title Slack shows (default: the file name).
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// A description of an image, for screen readers.
    pub fn alt_text(mut self, alt_text: impl Into<String>) -> Self {
        self.alt_text = Some(alt_text.into());
        self
    }

    /// The syntax of a snippet (`python`, `rust`...), to upload a text file as one.
    pub fn snippet_type(mut self, snippet_type: impl Into<String>) -> Self {
        self.snippet_type = Some(snippet_type.into());
        self
    }

    /// The name the file is uploaded with.
    pub fn name(&self) -> &str {
        &self.filename
    }

    /// The title it is completed with.
    pub(super) fn title_or_name(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.filename)
    }

    /// The file's length: known for bytes and readers, read from the file system for a
    /// path.
    pub(super) async fn length(&self) -> io::Result<u64> {
        match &self.source {
            Source::Bytes(bytes) => Ok(bytes.len() as u64),
            Source::Path(path) => Ok(tokio::fs::metadata(path).await?.len()),
            Source::Reader { length, .. } => Ok(*length),
            Source::Uploaded(_) => Ok(0),
        }
    }

    /// Whether its bytes can be read again after a failed attempt.
    pub(super) fn can_resend(&self) -> bool {
        !matches!(self.source, Source::Reader { .. })
    }

    /// The body that sends its `length` bytes, reporting each chunk to `sent`.
    pub(super) async fn body(&self, length: u64, sent: Sent) -> io::Result<StreamingBody> {
        match &self.source {
            Source::Bytes(bytes) => Ok(StreamingBody::new(length, Counted { inner: Chunks(bytes.clone()), sent })),
            Source::Path(path) => {
                let file = tokio::fs::File::open(path).await?;
                Ok(StreamingBody::new(length, Counted { inner: ReaderStream::with_capacity(file, CHUNK), sent }))
            }
            Source::Reader { reader, .. } => {
                let reader = reader.lock().unwrap_or_else(PoisonError::into_inner).take();
                let reader = reader.ok_or_else(|| {
                    io::Error::new(io::ErrorKind::UnexpectedEof, "the reader was read by an earlier attempt")
                })?;
                Ok(StreamingBody::new(length, Counted { inner: ReaderStream::with_capacity(reader, CHUNK), sent }))
            }
            Source::Uploaded(_) => Ok(StreamingBody::from_bytes(Bytes::new())),
        }
    }
}

impl fmt::Debug for FileUpload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let source = match &self.source {
            Source::Bytes(bytes) => format!("{} bytes in memory", bytes.len()),
            Source::Path(path) => format!("{}", path.display()),
            Source::Reader { length, .. } => format!("a reader of {length} bytes"),
            Source::Uploaded(id) => format!("uploaded as {id}"),
        };
        f.debug_struct("FileUpload")
            .field("filename", &self.filename)
            .field("title", &self.title)
            .field("source", &source)
            .finish_non_exhaustive()
    }
}

/// How far one file's upload has gone: the bytes handed to the connection so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Progress<'a> {
    /// The file's place among the upload's files, from 0.
    pub index: usize,
    /// The file's name.
    pub filename: &'a str,
    /// The bytes sent so far.
    pub sent: u64,
    /// The file's length.
    pub total: u64,
}

/// What is told of a file's progress.
pub(super) type OnProgress = Arc<dyn Fn(Progress<'_>) + Send + Sync>;

/// Counts a file's bytes as they are sent and tells the progress callback; keeps the
/// source's failure, which the transport reports as its own.
pub(super) struct Sent {
    index: usize,
    filename: String,
    total: u64,
    sent: u64,
    on_progress: Option<OnProgress>,
    failure: ReadFailure,
    /// Whether the source's early end was reported.
    ended: bool,
}

/// The error a file's source failed with while its bytes were sent.
#[derive(Clone, Default)]
pub(super) struct ReadFailure(Arc<Mutex<Option<io::Error>>>);

impl ReadFailure {
    pub(super) fn take(&self) -> Option<io::Error> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).take()
    }

    /// Keeps `error`, and answers the same error for the transport.
    fn keep(&self, error: io::Error) -> io::Error {
        let copy = io::Error::new(error.kind(), error.to_string());
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(error);
        copy
    }
}

impl Sent {
    pub(super) fn new(index: usize, filename: &str, total: u64, on_progress: Option<OnProgress>) -> Self {
        let filename = filename.to_owned();
        Self { index, filename, total, sent: 0, on_progress, failure: ReadFailure::default(), ended: false }
    }

    /// Where the source's failure is kept.
    pub(super) fn failure(&self) -> ReadFailure {
        self.failure.clone()
    }

    fn add(&mut self, bytes: usize) {
        self.sent += bytes as u64;
        if let Some(on_progress) = &self.on_progress {
            on_progress(Progress { index: self.index, filename: &self.filename, sent: self.sent, total: self.total });
        }
    }
}

/// Bytes in memory as chunks of [`CHUNK`], each a view of the same buffer.
struct Chunks(Bytes);

impl Stream for Chunks {
    type Item = io::Result<Bytes>;

    fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.0.is_empty() {
            return Poll::Ready(None);
        }
        let length = self.0.len().min(CHUNK);
        Poll::Ready(Some(Ok(self.0.split_to(length))))
    }
}

/// A stream of chunks, each counted as sent when the transport takes it.
struct Counted<S> {
    inner: S,
    sent: Sent,
}

impl<S: Stream<Item = io::Result<Bytes>> + Unpin> Stream for Counted<S> {
    type Item = io::Result<Bytes>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        let failure = |sent: &Sent, kind, what: &str| {
            let message = format!("the file {what} than the {} bytes announced", sent.total);
            Poll::Ready(Some(Err(sent.failure.keep(io::Error::new(kind, message)))))
        };
        match Pin::new(&mut this.inner).poll_next(cx) {
            Poll::Ready(Some(Ok(chunk))) if this.sent.sent + chunk.len() as u64 > this.sent.total => {
                failure(&this.sent, io::ErrorKind::InvalidData, "is longer")
            }
            Poll::Ready(Some(Ok(chunk))) => {
                this.sent.add(chunk.len());
                Poll::Ready(Some(Ok(chunk)))
            }
            Poll::Ready(Some(Err(error))) => Poll::Ready(Some(Err(this.sent.failure.keep(error)))),
            Poll::Ready(None) if this.sent.sent < this.sent.total && !this.sent.ended => {
                this.sent.ended = true;
                failure(&this.sent, io::ErrorKind::UnexpectedEof, "is shorter")
            }
            other => other,
        }
    }
}

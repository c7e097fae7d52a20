//! A request body read while it is sent: a file's bytes, uploaded without holding the
//! whole file in memory.

use std::fmt;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::Bytes;
use futures_core::Stream;

/// The chunks of a [`StreamingBody`], as a transport reads them.
pub type BodyChunks = Pin<Box<dyn Stream<Item = io::Result<Bytes>> + Send>>;

/// A request body of a known length, read chunk by chunk while it is sent.
///
/// The length is sent as `Content-Length`, as Slack's upload URLs require. A source that
/// ends early or runs on past the length fails the request with an
/// [`io::ErrorKind::InvalidData`] error rather than sending a body of another length.
///
/// ```
/// use typed_slack_runtime::StreamingBody;
///
/// let body = StreamingBody::from_bytes("hello");
/// assert_eq!(body.len(), 5);
/// ```
pub struct StreamingBody {
    length: u64,
    chunks: BodyChunks,
}

impl StreamingBody {
    /// A body of `length` bytes, read from `chunks`.
    pub fn new(length: u64, chunks: impl Stream<Item = io::Result<Bytes>> + Send + 'static) -> Self {
        let checked = CheckedLength { inner: Box::pin(chunks), expected: length, seen: 0 };
        Self { length, chunks: Box::pin(checked) }
    }

    /// A body already in memory, sent as one chunk without copying it.
    pub fn from_bytes(bytes: impl Into<Bytes>) -> Self {
        let bytes = bytes.into();
        let length = bytes.len() as u64;
        Self::new(length, Once(Some(bytes)))
    }

    /// Its length in bytes.
    pub fn len(&self) -> u64 {
        self.length
    }

    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        self.length == 0
    }

    /// Its chunks, checked against its length, for a transport to send.
    pub fn into_chunks(self) -> BodyChunks {
        self.chunks
    }

    /// Reads it whole into memory: what a transport that cannot stream does.
    ///
    /// # Errors
    ///
    /// When the source fails or its length is not the one announced.
    pub async fn collect(self) -> io::Result<Vec<u8>> {
        let mut chunks = self.chunks;
        let mut bytes = Vec::with_capacity(usize::try_from(self.length).unwrap_or(0));
        while let Some(chunk) = std::future::poll_fn(|cx| chunks.as_mut().poll_next(cx)).await {
            bytes.extend_from_slice(&chunk?);
        }
        Ok(bytes)
    }
}

impl fmt::Debug for StreamingBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StreamingBody").field("length", &self.length).finish_non_exhaustive()
    }
}

/// One chunk, then the end.
struct Once(Option<Bytes>);

impl Stream for Once {
    type Item = io::Result<Bytes>;

    fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        Poll::Ready(self.0.take().map(Ok))
    }
}

/// The chunks of a source, failing when they add up to another length than announced.
struct CheckedLength {
    inner: BodyChunks,
    expected: u64,
    seen: u64,
}

impl Stream for CheckedLength {
    type Item = io::Result<Bytes>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        if this.seen > this.expected {
            return Poll::Ready(None);
        }
        let next = match this.inner.as_mut().poll_next(cx) {
            Poll::Pending => return Poll::Pending,
            Poll::Ready(next) => next,
        };
        Poll::Ready(match next {
            Some(Ok(chunk)) => {
                this.seen += chunk.len() as u64;
                if this.seen > this.expected {
                    Some(Err(wrong_length(this.expected, format!("more than {} bytes", this.expected))))
                } else {
                    Some(Ok(chunk))
                }
            }
            Some(Err(error)) => Some(Err(error)),
            None if this.seen < this.expected => {
                let read = this.seen;
                // Fused: the error once, then the end.
                this.seen = this.expected + 1;
                Some(Err(wrong_length(this.expected, format!("only {read} bytes"))))
            }
            None => None,
        })
    }
}

fn wrong_length(expected: u64, read: String) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("a body of {expected} bytes was announced, the source gave {read}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Chunks(std::vec::IntoIter<&'static [u8]>);

    impl Stream for Chunks {
        type Item = io::Result<Bytes>;

        fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Self::Item>> {
            Poll::Ready(self.0.next().map(|chunk| Ok(Bytes::from_static(chunk))))
        }
    }

    fn body(length: u64, chunks: Vec<&'static [u8]>) -> StreamingBody {
        StreamingBody::new(length, Chunks(chunks.into_iter()))
    }

    #[tokio::test]
    async fn a_body_is_read_whole_when_its_length_is_right() {
        assert_eq!(body(5, vec![b"he", b"llo"]).collect().await.unwrap(), b"hello");
        assert_eq!(StreamingBody::from_bytes("abc").collect().await.unwrap(), b"abc");
        assert!(body(0, vec![]).is_empty());
    }

    #[tokio::test]
    async fn a_source_of_another_length_fails_the_body() {
        let short = body(6, vec![b"he", b"llo"]).collect().await.unwrap_err();
        assert_eq!(short.kind(), io::ErrorKind::InvalidData);
        assert!(short.to_string().contains("only 5 bytes"), "{short}");
        let long = body(4, vec![b"he", b"llo"]).collect().await.unwrap_err();
        assert!(long.to_string().contains("more than 4 bytes"), "{long}");
    }
}

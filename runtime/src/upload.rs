//! Sending a file's bytes to the upload URL a method answered.

use http::header::{CONTENT_TYPE, USER_AGENT};
use http::{HeaderValue, Uri};

use crate::client::USER_AGENT_VALUE;
use crate::excerpt::excerpt;
use crate::{Client, HttpError, StreamingBody, TransportError};

/// Why the bytes sent to an upload URL were not accepted.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BytesUploadError {
    /// The upload URL is not a valid URL.
    #[error("{url:?} is not a valid upload URL: {reason}")]
    Url {
        /// The URL given.
        url: String,
        /// Why it is not valid.
        reason: http::uri::InvalidUri,
    },
    /// The upload URL answered an error status.
    #[error("the upload URL answered {0}")]
    Http(HttpError),
    /// No complete answer: the connection failed, timed out or broke, or the body's
    /// source failed while it was read.
    #[error("the upload did not complete: {0}")]
    Transport(TransportError),
}

impl BytesUploadError {
    /// Whether sending the bytes again could succeed: after a connection that was never
    /// made (nothing was sent) or a 5xx status.
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::Url { .. } => false,
            Self::Http(error) => error.is_retryable(),
            Self::Transport(error) => error.is_retryable(),
        }
    }
}

impl Client {
    /// Sends a file's bytes to an upload URL Slack answered (the `upload_url` of
    /// `files.getUploadURLExternal`): one `POST` over the client's transport, the body
    /// streamed (see [`Transport::send_streaming`](crate::Transport::send_streaming)).
    ///
    /// The token is not sent: the URL is signed, and on another host than the API. The
    /// client's per-attempt timeout does not apply, since a large file takes as long as
    /// it takes; bound the future yourself. Nothing is retried, since a body streamed
    /// from a reader cannot be sent twice.
    ///
    /// ```no_run
    /// use typed_slack_runtime::{Client, StreamingBody};
    ///
    /// # async fn run(client: Client, upload_url: &str) -> Result<(), Box<dyn std::error::Error>> {
    /// client.upload_to(upload_url, StreamingBody::from_bytes("hello")).await?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// An invalid URL, an error status, or a failed exchange; see [`BytesUploadError`].
    pub async fn upload_to(&self, url: &str, body: StreamingBody) -> Result<(), BytesUploadError> {
        let uri = url.parse::<Uri>().map_err(|reason| BytesUploadError::Url { url: url.to_owned(), reason })?;
        let mut request = http::Request::new(body);
        *request.method_mut() = http::Method::POST;
        *request.uri_mut() = uri;
        let headers = request.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/octet-stream"));
        headers.insert(USER_AGENT, HeaderValue::from_static(USER_AGENT_VALUE));
        tracing::debug!("uploading bytes to an upload URL");
        let answer = self.transport().send_streaming(request).await.map_err(BytesUploadError::Transport)?;
        if answer.status().is_success() {
            return Ok(());
        }
        Err(BytesUploadError::Http(HttpError { status: answer.status(), excerpt: excerpt(answer.body()) }))
    }
}

//! Why an upload failed: at which step, for which file.

use std::fmt;
use std::io;
use std::time::Duration;

use typed_slack::objects::File;
use typed_slack::runtime::{BytesUploadError, CallError};
use typed_slack::{FilesCompleteUploadExternal, FilesGetUploadUrlExternal, FilesInfo};

use super::Upload;

/// The steps of an upload, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum UploadStep {
    /// Reading the file: its length, or its bytes while they are sent.
    Read,
    /// `files.getUploadURLExternal`, for the file's upload URL.
    GetUploadUrl,
    /// Sending the file's bytes to its upload URL.
    SendBytes,
    /// `files.completeUploadExternal`, for all the files at once.
    Complete,
    /// Waiting, with `files.info`, until Slack shows the file shared.
    WaitShared,
}

impl fmt::Display for UploadStep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Read => "reading the file",
            Self::GetUploadUrl => "files.getUploadURLExternal",
            Self::SendBytes => "sending the bytes",
            Self::Complete => "files.completeUploadExternal",
            Self::WaitShared => "waiting for the share",
        })
    }
}

/// What went wrong at a step.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StepError {
    /// The file could not be read.
    #[error(transparent)]
    Read(io::Error),
    /// `files.getUploadURLExternal` failed.
    #[error(transparent)]
    GetUploadUrl(CallError<FilesGetUploadUrlExternal>),
    /// The upload URL did not take the bytes.
    #[error(transparent)]
    SendBytes(BytesUploadError),
    /// The bytes were not all sent within the upload's timeout.
    #[error("the bytes were not sent within {0:?}")]
    SendTimedOut(Duration),
    /// `files.completeUploadExternal` failed.
    #[error(transparent)]
    Complete(CallError<FilesCompleteUploadExternal>),
    /// `files.info` failed while waiting for the share.
    #[error(transparent)]
    Info(CallError<FilesInfo>),
    /// Slack did not show the file shared within the wait.
    #[error("the file was not shared within {0:?}")]
    NotShared(Duration),
}

/// Why [`upload_files`](super::upload_files) failed: the step, the file (none for
/// `files.completeUploadExternal`, which completes them all), and the cause.
///
/// [`retry`](Self::retry) gives the upload back to try again, without sending again the
/// bytes of any file that reached Slack.
#[derive(Debug, thiserror::Error)]
#[error("uploading {file} failed at {step}: {cause}", file = self.file_name().unwrap_or("the files"))]
pub struct UploadError {
    pub(super) step: UploadStep,
    pub(super) file: Option<(usize, String)>,
    pub(super) cause: StepError,
    /// The upload to try again, when the files were not completed yet.
    pub(super) retry: Option<Box<Upload>>,
    /// The files completed, when the failure came after the completion.
    pub(super) completed: Vec<File>,
}

impl UploadError {
    /// The step that failed.
    pub fn step(&self) -> UploadStep {
        self.step
    }

    /// The failed file's place among the upload's files, from 0.
    pub fn file_index(&self) -> Option<usize> {
        self.file.as_ref().map(|(index, _)| *index)
    }

    /// The failed file's name.
    pub fn file_name(&self) -> Option<&str> {
        self.file.as_ref().map(|(_, name)| name.as_str())
    }

    /// What went wrong.
    pub fn cause(&self) -> &StepError {
        &self.cause
    }

    /// The same upload to try again, the files whose bytes reached Slack kept as
    /// uploaded: calling [`upload_files`](super::upload_files) with it sends only the
    /// bytes that did not arrive, then completes every file. `None` once the files were
    /// completed (a failure while waiting for the share), since completing them again
    /// would share them twice.
    pub fn retry(self) -> Option<Upload> {
        self.retry.map(|upload| *upload)
    }

    /// The files Slack completed, when the failure came after (while waiting for the
    /// share); empty otherwise.
    pub fn completed(&self) -> &[File] {
        &self.completed
    }
}

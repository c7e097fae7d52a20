//! The file endpoints beside the methods: the upload URL that
//! `files.getUploadURLExternal` gives, and the download URLs of a file
//! (`url_private`, `url_private_download`).

use http::header::{CONTENT_DISPOSITION, CONTENT_TYPE, HeaderValue};
use http::request::Parts;
use http::{Method, StatusCode};
use hyper::body::Bytes;
use tokio::time::Instant;

use crate::answer::Answer;
use crate::state::State;
use crate::tokens::bearer_token;

/// The path prefix of upload URLs: `/upload/v1/FILE_ID`.
pub(crate) const UPLOAD: &str = "/upload/v1/";

/// The name the upload URLs' scripted answers are queued under: no method's name.
pub(crate) const UPLOAD_SCRIPT: &str = "/upload";

/// The path prefix of download URLs: `/files-pri/TEAM-FILE_ID/NAME` and
/// `/files-pri/TEAM-FILE_ID/download/NAME`.
pub(crate) const DOWNLOAD: &str = "/files-pri/";

/// Receives the bytes of the file whose upload URL this is, as Slack does: HTTP 200
/// `OK - LENGTH`. The file stays unshared until `files.completeUploadExternal`.
pub(crate) fn upload(state: &mut State, parts: &Parts, body: &Bytes, file_id: &str) -> Answer {
    if parts.method != Method::POST && parts.method != Method::PUT {
        return text(StatusCode::METHOD_NOT_ALLOWED, "method not allowed");
    }
    if !state.workspace.pending.contains_key(file_id) {
        return text(StatusCode::NOT_FOUND, "no upload is awaited at this URL");
    }
    let content_type = parts.headers.get(CONTENT_TYPE).and_then(|value| value.to_str().ok());
    let bytes = crate::body::uploaded_bytes(content_type, body);
    let length = bytes.len();
    state.workspace.set_content(file_id, bytes);
    text(StatusCode::OK, &format!("OK - {length}"))
}

/// The content of a file, to a request with a token the fake accepts; HTTP 403
/// without one, and 404 for a file it does not hold.
pub(crate) fn download(state: &State, parts: &Parts, rest: &str, now: Instant) -> Answer {
    let authorized = bearer_token(&parts.headers).is_some_and(|token| state.tokens.check(token, now).is_ok());
    if !authorized {
        return text(StatusCode::FORBIDDEN, "a file is downloaded with `Authorization: Bearer TOKEN`");
    }
    let team = &state.workspace.data.team.id;
    let file_id = rest.split('/').next().and_then(|key| key.strip_prefix(team.as_str())?.strip_prefix('-'));
    let file = file_id.and_then(|id| state.workspace.data.files.iter().find(|file| file.id == id));
    let Some(file) = file else { return text(StatusCode::NOT_FOUND, "no such file") };
    let content = state.workspace.content(&file.id).cloned().unwrap_or_default();
    let mut answer = Answer::bytes(StatusCode::OK, "application/octet-stream", content.to_vec(), None);
    if let Ok(mimetype) = HeaderValue::from_str(&file.mimetype) {
        answer.headers.insert(CONTENT_TYPE, mimetype);
    }
    if rest.contains("/download/") {
        let disposition = format!("attachment; filename=\"{}\"", file.name.replace('"', ""));
        if let Ok(disposition) = HeaderValue::from_str(&disposition) {
            answer.headers.insert(CONTENT_DISPOSITION, disposition);
        }
    }
    answer
}

fn text(status: StatusCode, text: &str) -> Answer {
    Answer::bytes(status, "text/plain; charset=utf-8", text.as_bytes().to_vec(), None)
}

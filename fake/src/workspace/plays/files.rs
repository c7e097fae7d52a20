//! `files.*`: the external upload flow (`files.getUploadURLExternal`, the upload to the
//! URL it gives, `files.completeUploadExternal`), and reading and deleting files.
//!
//! The upload itself and the download from a file's URL are served beside the methods
//! ([`crate::files`]).

use serde_json::{Value, json};

use super::chat::thread;
use super::{actor, arg, is_member, json_arg, listed, metadata, visible};
use crate::workspace::seed::Channel;
use crate::workspace::seed::{File, Message, Share};
use crate::workspace::{Ctx, Workspace, render};

/// The path on the fake that a file's bytes are uploaded to.
pub(crate) fn upload_path(file_id: &str) -> String {
    format!("/upload/v1/{file_id}")
}

/// A file ID and the URL on the fake to upload its `length` bytes to, before the upload
/// is completed.
pub(super) fn get_upload_url_external(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let name = arg(ctx, "filename").to_owned();
    let size: u64 = arg(ctx, "length").trim().parse().map_err(|_| "invalid_arguments")?;
    let id = workspace.new_id("F");
    let (mimetype, filetype) = kind_of(&name, ctx.arguments.text("snippet_type"));
    let file = File {
        id: id.clone(),
        title: name.clone(),
        name,
        mimetype: mimetype.to_owned(),
        filetype: filetype.to_owned(),
        size,
        user: actor(workspace, ctx),
        created: workspace.clock.now(),
        ..File::default()
    };
    workspace.pending.insert(id.clone(), file);
    Ok(json!({ "upload_url": format!("http://{}{}", ctx.host, upload_path(&id)), "file_id": id }))
}

/// The MIME type and Slack file type of a file named `name`.
fn kind_of(name: &str, snippet_type: Option<&str>) -> (&'static str, &'static str) {
    let extension = name.rsplit_once('.').map(|(_, extension)| extension.to_ascii_lowercase());
    match (snippet_type, extension.as_deref()) {
        (Some(_), _) | (None, Some("txt" | "md" | "log")) => ("text/plain", "text"),
        (None, Some("png")) => ("image/png", "png"),
        (None, Some("jpg" | "jpeg")) => ("image/jpeg", "jpg"),
        (None, Some("gif")) => ("image/gif", "gif"),
        (None, Some("pdf")) => ("application/pdf", "pdf"),
        (None, Some("csv")) => ("text/csv", "csv"),
        (None, Some("json")) => ("application/json", "json"),
        _ => ("application/octet-stream", "binary"),
    }
}

/// Completes the uploads of `files` (`[{"id": …, "title": …}]`), shares them into
/// `channel_id` (or the first of `channels`) with one message (in the thread
/// `thread_ts`, with `initial_comment` as its text), and answers the files.
pub(super) fn complete_upload_external(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let files = json_arg(ctx, "files", "invalid_arguments")?.ok_or("invalid_arguments")?;
    let files = files.as_array().ok_or("invalid_arguments")?;
    let mut completed: Vec<File> = Vec::new();
    for entry in files {
        let id = entry["id"].as_str().ok_or("file_not_found")?;
        if completed.iter().any(|file| file.id == id) {
            continue;
        }
        let file = workspace.pending.get(id).ok_or("file_not_found")?;
        if workspace.content(id).is_none() {
            // Its bytes were never uploaded.
            return Err("file_not_found");
        }
        let mut file = file.clone();
        if let Some(title) = entry["title"].as_str().filter(|title| !title.is_empty()) {
            file.title = title.to_owned();
        }
        completed.push(file);
    }
    let wanted = match ctx.arguments.text("channel_id").filter(|id| !id.is_empty()) {
        Some(id) => Some(id.to_owned()),
        None => ctx.arguments.list("channels").first().map(|&id| id.to_owned()),
    };
    let share_in = match wanted {
        Some(wanted) => Some(shareable(workspace, ctx, &wanted)?),
        None => None,
    };
    let ids: Vec<String> = completed.iter().map(|file| file.id.clone()).collect();
    if let Some(channel) = &share_in {
        let thread_ts = thread(workspace, ctx, channel, "invalid_arguments")?;
        let ts = workspace.new_ts();
        for file in &mut completed {
            file.shares.push(Share { channel: channel.id.clone(), ts: ts.clone() });
        }
        let message = Message {
            channel: channel.id.clone(),
            ts,
            user: actor(workspace, ctx),
            text: arg(ctx, "initial_comment").to_owned(),
            thread_ts,
            blocks: json_arg(ctx, "blocks", "invalid_blocks")?,
            files: ids.clone(),
            ..Message::default()
        };
        workspace.post(message);
    }
    for file in completed {
        workspace.pending.remove(&file.id);
        workspace.data.files.push(file);
    }
    let files: Vec<Value> = ids
        .iter()
        .filter_map(|id| workspace.data.files.iter().find(|file| file.id == *id))
        .map(|file| render::file(workspace, file, ctx.host))
        .collect();
    Ok(json!({ "files": files }))
}

/// The conversation `wanted` that the caller can share a file into.
fn shareable(workspace: &Workspace, ctx: &Ctx<'_>, wanted: &str) -> Result<Channel, &'static str> {
    let channel = visible(workspace, ctx, wanted)?;
    if channel.is_archived {
        return Err(listed(ctx, "is_archived", "posting_to_channel_denied"));
    }
    Ok(channel)
}

/// Whether the caller can see `file`: its own, or shared where the caller can read.
fn can_see(workspace: &Workspace, ctx: &Ctx<'_>, file: &File) -> bool {
    let actor = workspace.actor(ctx.token_kind);
    file.user == actor
        || file.shares.iter().any(|share| {
            workspace.channel(&share.channel).is_some_and(|channel| !channel.is_private || is_member(channel, actor))
        })
}

pub(super) fn info(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let id = arg(ctx, "file");
    let file = workspace.data.files.iter().find(|file| file.id == id && can_see(workspace, ctx, file));
    let file = file.ok_or("file_not_found")?;
    Ok(json!({
        "file": render::file(workspace, file, ctx.host),
        "comments": [],
        "response_metadata": metadata(String::new()),
    }))
}

/// The files, newest first, of a `user` and shared in a `channel` when given, in pages
/// of `count` (default 100) numbered from 1 by `page`.
pub(super) fn list(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let user = arg(ctx, "user");
    if !user.is_empty() && workspace.user(user).is_none() {
        return Err("user_not_found");
    }
    let channel = arg(ctx, "channel");
    let mut files: Vec<&File> = workspace
        .data
        .files
        .iter()
        .filter(|file| can_see(workspace, ctx, file))
        .filter(|file| user.is_empty() || file.user == user)
        .filter(|file| channel.is_empty() || file.shares.iter().any(|share| share.channel == channel))
        .collect();
    files.sort_by(|a, b| b.created.cmp(&a.created).then_with(|| b.id.cmp(&a.id)));
    let number =
        |name: &str, default: usize| arg(ctx, name).trim().parse::<usize>().ok().filter(|n| *n > 0).unwrap_or(default);
    let (count, page) = (number("count", 100), number("page", 1));
    let total = files.len();
    let shown: Vec<Value> = files
        .into_iter()
        .skip((page - 1).saturating_mul(count))
        .take(count)
        .map(|file| render::file(workspace, file, ctx.host))
        .collect();
    let pages = total.div_ceil(count).max(1);
    Ok(json!({ "files": shown, "paging": { "count": count, "total": total, "page": page, "pages": pages } }))
}

pub(super) fn delete(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let id = arg(ctx, "file").to_owned();
    let file = workspace.data.files.iter().find(|file| file.id == id).ok_or("file_not_found")?;
    if file.user != workspace.actor(ctx.token_kind) {
        return Err("cant_delete_file");
    }
    workspace.data.files.retain(|file| file.id != id);
    for message in &mut workspace.data.messages {
        message.files.retain(|file| *file != id);
    }
    workspace.remove_content(&id);
    Ok(json!({}))
}

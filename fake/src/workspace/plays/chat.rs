//! `chat.*`: posting, changing and deleting messages.

use serde_json::{Value, json};

use super::{actor, arg, conversation, flag, is_member, json_arg, listed};
use crate::workspace::seed::{Channel, Message};
use crate::workspace::{Ctx, Workspace, render};

/// The content a call gives a message: its text, blocks, attachments and metadata.
struct Content {
    text: Option<String>,
    blocks: Option<Value>,
    attachments: Option<Value>,
    metadata: Option<Value>,
}

impl Content {
    /// # Errors
    ///
    /// `invalid_blocks_format`, `invalid_attachments` or `invalid_metadata_format` for
    /// an argument that is not JSON; `no_text` when there is no content at all.
    fn of(ctx: &Ctx<'_>) -> Result<Self, &'static str> {
        let content = Self {
            text: ctx.arguments.text("text").map(str::to_owned),
            blocks: json_arg(ctx, "blocks", listed(ctx, "invalid_blocks_format", "invalid_blocks"))?,
            attachments: json_arg(ctx, "attachments", listed(ctx, "invalid_attachments", "invalid_arguments"))?,
            metadata: json_arg(ctx, "metadata", listed(ctx, "invalid_metadata_format", "invalid_arguments"))?,
        };
        if content.blocks.as_ref().is_some_and(|blocks| !blocks.is_array()) {
            return Err(listed(ctx, "invalid_blocks_format", "invalid_blocks"));
        }
        let empty =
            |value: &Option<Value>| value.as_ref().is_none_or(|value| value.as_array().is_some_and(Vec::is_empty));
        if content.text.as_deref().is_none_or(str::is_empty) && empty(&content.blocks) && empty(&content.attachments) {
            return Err("no_text");
        }
        Ok(content)
    }
}

/// The conversation named by the argument `name` that the caller can post to.
pub(super) fn postable(workspace: &Workspace, ctx: &Ctx<'_>, name: &str) -> Result<Channel, &'static str> {
    let channel = conversation(workspace, ctx, name)?;
    if channel.is_archived {
        return Err(listed(ctx, "is_archived", "posting_to_channel_denied"));
    }
    // Public channels take posts from non-members, as with `chat:write.public`.
    if channel.is_private && !is_member(&channel, workspace.actor(ctx.token_kind)) {
        return Err("not_in_channel");
    }
    Ok(channel)
}

/// The thread the `thread_ts` argument names in `channel`, by its parent's `ts` (a
/// reply's `ts` stands for its thread); `None` without one.
///
/// # Errors
///
/// `missing` when no message of the conversation has that `ts`.
pub(super) fn thread(
    workspace: &Workspace,
    ctx: &Ctx<'_>,
    channel: &Channel,
    missing: &'static str,
) -> Result<Option<String>, &'static str> {
    let Some(ts) = ctx.arguments.text("thread_ts").filter(|ts| !ts.is_empty()) else { return Ok(None) };
    let parent = workspace.message(&channel.id, ts).ok_or(listed(ctx, missing, "invalid_arguments"))?;
    Ok(Some(parent.thread_ts.clone().unwrap_or_else(|| parent.ts.clone())))
}

/// Posts a message, or a reply when `thread_ts` names a message of the conversation (a
/// reply's `ts` stands for its thread); its `ts` is later than every other of the
/// conversation.
pub(super) fn post_message(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let channel = postable(workspace, ctx, "channel")?;
    let content = Content::of(ctx)?;
    let thread_ts = thread(workspace, ctx, &channel, "cannot_reply_to_message")?;
    let ts = workspace.new_ts();
    let message = Message {
        channel: channel.id.clone(),
        ts: ts.clone(),
        user: actor(workspace, ctx),
        text: content.text.unwrap_or_default(),
        reply_broadcast: thread_ts.is_some() && flag(ctx, "reply_broadcast"),
        thread_ts,
        blocks: content.blocks,
        attachments: content.attachments,
        metadata: content.metadata,
        ..Message::default()
    };
    workspace.post(message);
    let message = workspace.message(&channel.id, &ts).map(|message| render::message(workspace, message, ctx.host));
    Ok(json!({ "channel": channel.id, "ts": ts, "message": message }))
}

/// An ephemeral message, shown to `user` only: not kept in the conversation.
pub(super) fn post_ephemeral(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let channel = postable(workspace, ctx, "channel")?;
    Content::of(ctx)?;
    let user = workspace.user(arg(ctx, "user")).ok_or(listed(ctx, "user_not_found", "user_not_in_channel"))?;
    if !is_member(&channel, &user.id) {
        return Err("user_not_in_channel");
    }
    let ts = workspace.new_ts();
    Ok(json!({ "message_ts": ts }))
}

/// The message `ts` of the conversation `channel`, which the caller wrote.
fn own_message(workspace: &Workspace, ctx: &Ctx<'_>, not_own: &'static str) -> Result<(Channel, String), &'static str> {
    let channel = conversation(workspace, ctx, "channel")?;
    let ts = arg(ctx, "ts");
    let message = workspace.message(&channel.id, ts).ok_or("message_not_found")?;
    if message.user != workspace.actor(ctx.token_kind) {
        return Err(not_own);
    }
    Ok((channel, ts.to_owned()))
}

pub(super) fn update(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let (channel, ts) = own_message(workspace, ctx, "cant_update_message")?;
    let content = Content::of(ctx)?;
    let edited = workspace.new_ts();
    let message = workspace.message_mut(&channel.id, &ts).ok_or("message_not_found")?;
    if let Some(text) = content.text {
        message.text = text;
    }
    message.blocks = content.blocks.or(message.blocks.take());
    message.attachments = content.attachments.or(message.attachments.take());
    message.metadata = content.metadata.or(message.metadata.take());
    message.edited = Some(edited);
    let text = message.text.clone();
    let message = workspace.message(&channel.id, &ts).map(|message| render::message(workspace, message, ctx.host));
    Ok(json!({ "channel": channel.id, "ts": ts, "text": text, "message": message }))
}

/// Deletes a message; a thread's parent with replies stays, as Slack keeps it, as a
/// tombstone.
pub(super) fn delete(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let (channel, ts) = own_message(workspace, ctx, "cant_delete_message")?;
    let has_replies = !workspace.replies(&channel.id, &ts).is_empty();
    if has_replies {
        let message = workspace.message_mut(&channel.id, &ts).ok_or("message_not_found")?;
        *message = Message {
            text: "This message was deleted.".to_owned(),
            tombstone: true,
            ..Message::new(message.channel.clone(), message.ts.clone(), message.user.clone(), "")
        };
        message.thread_ts = Some(ts.clone());
    } else {
        workspace.data.messages.retain(|message| !(message.channel == channel.id && message.ts == ts));
    }
    workspace.data.pins.retain(|pin| !(pin.channel == channel.id && pin.ts == ts));
    for file in &mut workspace.data.files {
        file.shares.retain(|share| !(share.channel == channel.id && share.ts == ts));
    }
    Ok(json!({ "channel": channel.id, "ts": ts }))
}

pub(super) fn get_permalink(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let channel = conversation(workspace, ctx, "channel")?;
    let ts = arg(ctx, "message_ts");
    let message = workspace.message(&channel.id, ts).ok_or("message_not_found")?;
    let mut permalink =
        format!("https://{}.slack.com/archives/{}/p{}", workspace.data.team.domain, channel.id, ts.replace('.', ""));
    if let Some(thread) = message.thread_ts.as_ref().filter(|_| message.is_reply()) {
        permalink.push_str(&format!("?thread_ts={thread}&cid={}", channel.id));
    }
    Ok(json!({ "channel": channel.id, "permalink": permalink }))
}

/// Starts a streamed message (an AI app's reply, as it is written): a message with the
/// first `markdown_text`, which `chat.appendStream` adds to until `chat.stopStream`.
pub(super) fn start_stream(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let channel = postable(workspace, ctx, "channel")?;
    let thread_ts = thread(workspace, ctx, &channel, "message_not_found")?;
    let ts = workspace.new_ts();
    let message = Message {
        channel: channel.id.clone(),
        ts: ts.clone(),
        user: actor(workspace, ctx),
        text: arg(ctx, "markdown_text").to_owned(),
        thread_ts,
        streaming: true,
        ..Message::default()
    };
    workspace.post(message);
    Ok(json!({ "channel": channel.id, "ts": ts }))
}

/// The streamed message `ts` of `channel`, which the caller started and has not
/// stopped.
fn streamed<'a>(workspace: &'a mut Workspace, ctx: &Ctx<'_>) -> Result<&'a mut Message, &'static str> {
    let channel = conversation(workspace, ctx, "channel")?;
    let actor = actor(workspace, ctx);
    let message = workspace.message_mut(&channel.id, arg(ctx, "ts")).ok_or("message_not_found")?;
    if message.user != actor {
        return Err("message_not_owned_by_app");
    }
    if !message.streaming {
        return Err("message_not_in_streaming_state");
    }
    Ok(message)
}

pub(super) fn append_stream(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let text = arg(ctx, "markdown_text");
    if text.is_empty() {
        return Err("no_text");
    }
    let message = streamed(workspace, ctx)?;
    message.text.push_str(text);
    Ok(json!({ "channel": message.channel, "ts": message.ts }))
}

/// Ends a stream: the last `markdown_text` added, and the `blocks` and `metadata` given.
pub(super) fn stop_stream(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let blocks = json_arg(ctx, "blocks", "invalid_blocks")?;
    let metadata = json_arg(ctx, "metadata", "invalid_metadata_format")?;
    let message = streamed(workspace, ctx)?;
    message.text.push_str(arg(ctx, "markdown_text"));
    message.streaming = false;
    message.blocks = blocks.or(message.blocks.take());
    message.metadata = metadata.or(message.metadata.take());
    let (channel, ts) = (message.channel.clone(), message.ts.clone());
    let message = workspace.message(&channel, &ts).map(|message| render::message(workspace, message, ctx.host));
    Ok(json!({ "channel": channel, "ts": ts, "message": message }))
}

//! `chat.*`: posting, changing and deleting messages.

use serde_json::{Value, json};

use super::{actor, arg, conversation, flag, is_member, json_arg};
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
            blocks: json_arg(ctx, "blocks", "invalid_blocks_format")?,
            attachments: json_arg(ctx, "attachments", "invalid_attachments")?,
            metadata: json_arg(ctx, "metadata", "invalid_metadata_format")?,
        };
        if content.blocks.as_ref().is_some_and(|blocks| !blocks.is_array()) {
            return Err("invalid_blocks_format");
        }
        let empty =
            |value: &Option<Value>| value.as_ref().is_none_or(|value| value.as_array().is_some_and(Vec::is_empty));
        if content.text.as_deref().is_none_or(str::is_empty) && empty(&content.blocks) && empty(&content.attachments) {
            return Err("no_text");
        }
        Ok(content)
    }
}

/// The conversation a message can be posted to by the caller.
fn postable(workspace: &Workspace, ctx: &Ctx<'_>) -> Result<Channel, &'static str> {
    let channel = conversation(workspace, ctx, "channel")?;
    if channel.is_archived {
        return Err("is_archived");
    }
    // Public channels take posts from non-members, as with `chat:write.public`.
    if channel.is_private && !is_member(&channel, workspace.actor(ctx.token_kind)) {
        return Err("not_in_channel");
    }
    Ok(channel)
}

/// Posts a message, or a reply when `thread_ts` names a message of the conversation (a
/// reply's `ts` stands for its thread); its `ts` is later than every other of the
/// conversation.
pub(super) fn post_message(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let channel = postable(workspace, ctx)?;
    let content = Content::of(ctx)?;
    let thread_ts = match ctx.arguments.text("thread_ts").filter(|ts| !ts.is_empty()) {
        None => None,
        Some(ts) => {
            let parent = workspace.message(&channel.id, ts).ok_or("cannot_reply_to_message")?;
            Some(parent.thread_ts.clone().unwrap_or_else(|| parent.ts.clone()))
        }
    };
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
    let channel = postable(workspace, ctx)?;
    Content::of(ctx)?;
    let user = workspace.user(arg(ctx, "user")).ok_or("user_not_found")?;
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

pub(super) fn delete(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let (channel, ts) = own_message(workspace, ctx, "cant_delete_message")?;
    workspace.data.messages.retain(|message| !(message.channel == channel.id && message.ts == ts));
    workspace.data.pins.retain(|pin| !(pin.channel == channel.id && pin.ts == ts));
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
    let channel = postable(workspace, ctx)?;
    let thread_ts = match ctx.arguments.text("thread_ts").filter(|ts| !ts.is_empty()) {
        None => None,
        Some(ts) => {
            let parent = workspace.message(&channel.id, ts).ok_or("message_not_found")?;
            Some(parent.thread_ts.clone().unwrap_or_else(|| parent.ts.clone()))
        }
    };
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

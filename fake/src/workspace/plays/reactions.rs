//! `reactions.*`: emoji reactions to messages.

use serde_json::{Value, json};

use super::{actor, arg, conversation};
use crate::workspace::seed::{Channel, Reaction};
use crate::workspace::{Ctx, Workspace, render};

/// The message `timestamp` of the conversation `channel`.
fn target(workspace: &Workspace, ctx: &Ctx<'_>) -> Result<(Channel, String), &'static str> {
    let channel = conversation(workspace, ctx, "channel")?;
    let ts = arg(ctx, "timestamp");
    workspace.message(&channel.id, ts).ok_or("message_not_found")?;
    Ok((channel, ts.to_owned()))
}

/// The emoji name of the call, without colons.
fn emoji(ctx: &Ctx<'_>) -> Result<String, &'static str> {
    let name = arg(ctx, "name").trim_matches(':');
    if name.is_empty() || name.contains(char::is_whitespace) {
        return Err("invalid_name");
    }
    Ok(name.to_owned())
}

pub(super) fn add(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let (channel, ts) = target(workspace, ctx)?;
    let name = emoji(ctx)?;
    let actor = actor(workspace, ctx);
    let message = workspace.message_mut(&channel.id, &ts).ok_or("message_not_found")?;
    match message.reactions.iter_mut().find(|reaction| reaction.name == name) {
        Some(reaction) if reaction.users.contains(&actor) => return Err("already_reacted"),
        Some(reaction) => reaction.users.push(actor),
        None => message.reactions.push(Reaction { name, users: vec![actor] }),
    }
    Ok(json!({}))
}

pub(super) fn remove(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let (channel, ts) = target(workspace, ctx)?;
    let name = emoji(ctx)?;
    let actor = actor(workspace, ctx);
    let message = workspace.message_mut(&channel.id, &ts).ok_or("message_not_found")?;
    let reaction =
        message.reactions.iter_mut().find(|reaction| reaction.name == name && reaction.users.contains(&actor));
    let reaction = reaction.ok_or("no_reaction")?;
    reaction.users.retain(|user| *user != actor);
    message.reactions.retain(|reaction| !reaction.users.is_empty());
    Ok(json!({}))
}

pub(super) fn get(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let (channel, ts) = target(workspace, ctx)?;
    let message = workspace.message(&channel.id, &ts).ok_or("message_not_found")?;
    Ok(json!({ "type": "message", "channel": channel.id, "message": render::message(workspace, message, ctx.host) }))
}

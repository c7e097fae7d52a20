//! `pins.*`: pinned messages.

use serde_json::{Value, json};

use super::{actor, arg, conversation, remove_where};
use crate::workspace::seed::Pin;
use crate::workspace::{Ctx, Workspace, render};

pub(super) fn add(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let channel = conversation(workspace, ctx, "channel")?;
    let ts = arg(ctx, "timestamp");
    workspace.message(&channel.id, ts).ok_or("message_not_found")?;
    if workspace.data.pins.iter().any(|pin| pin.channel == channel.id && pin.ts == ts) {
        return Err("already_pinned");
    }
    let pin = Pin {
        channel: channel.id,
        ts: ts.to_owned(),
        created_by: actor(workspace, ctx),
        created: workspace.clock.now(),
    };
    workspace.data.pins.push(pin);
    Ok(json!({}))
}

pub(super) fn remove(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let channel = conversation(workspace, ctx, "channel")?;
    let ts = arg(ctx, "timestamp");
    remove_where(&mut workspace.data.pins, |pin| pin.channel == channel.id && pin.ts == ts, "no_pin")
}

pub(super) fn list(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let channel = conversation(workspace, ctx, "channel")?;
    let items: Vec<Value> = workspace
        .data
        .pins
        .iter()
        .filter(|pin| pin.channel == channel.id)
        .filter_map(|pin| {
            let message = workspace.message(&pin.channel, &pin.ts)?;
            Some(json!({
                "type": "message",
                "created": pin.created,
                "created_by": pin.created_by,
                "channel": pin.channel,
                "message": render::message(workspace, message, ctx.host),
            }))
        })
        .collect();
    Ok(json!({ "items": items }))
}

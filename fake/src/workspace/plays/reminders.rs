//! `reminders.*`.

use serde_json::{Value, json};

use super::{actor, arg};
use crate::workspace::seed::Reminder;
use crate::workspace::{Ctx, Workspace, render};

/// The `time` of a new reminder: Unix seconds, or seconds from now when under a year
/// (`in 5 minutes` and other phrases Slack reads are not understood).
fn time(workspace: &Workspace, ctx: &Ctx<'_>) -> Result<i64, &'static str> {
    let time = arg(ctx, "time").trim();
    let seconds: i64 = time.parse().map_err(|_| "cannot_parse")?;
    let now = workspace.clock.now();
    if seconds < 365 * 86_400 { Ok(now + seconds) } else { Ok(seconds) }
}

pub(super) fn add(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let time = time(workspace, ctx)?;
    let creator = actor(workspace, ctx);
    let user = match arg(ctx, "user") {
        "" => creator.clone(),
        user => workspace.user(user).ok_or("user_not_found")?.id.clone(),
    };
    let reminder =
        Reminder { id: workspace.new_id("Rm"), creator, user, text: arg(ctx, "text").to_owned(), time, complete_ts: 0 };
    let answer = render::reminder(&reminder);
    workspace.data.reminders.push(reminder);
    Ok(json!({ "reminder": answer }))
}

fn find<'a>(workspace: &'a mut Workspace, ctx: &Ctx<'_>) -> Result<&'a mut Reminder, &'static str> {
    let id = arg(ctx, "reminder");
    workspace.data.reminders.iter_mut().find(|reminder| reminder.id == id).ok_or("not_found")
}

pub(super) fn info(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    Ok(json!({ "reminder": render::reminder(find(workspace, ctx)?) }))
}

pub(super) fn list(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let actor = actor(workspace, ctx);
    let reminders: Vec<Value> = workspace
        .data
        .reminders
        .iter()
        .filter(|reminder| reminder.user == actor || reminder.creator == actor)
        .map(render::reminder)
        .collect();
    Ok(json!({ "reminders": reminders }))
}

pub(super) fn complete(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let now = workspace.clock.now();
    let reminder = find(workspace, ctx)?;
    // Completing it again changes nothing, as Slack's page lists no error for it.
    if reminder.complete_ts == 0 {
        reminder.complete_ts = now;
    }
    Ok(json!({}))
}

pub(super) fn delete(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let id = find(workspace, ctx)?.id.clone();
    workspace.data.reminders.retain(|reminder| reminder.id != id);
    Ok(json!({}))
}

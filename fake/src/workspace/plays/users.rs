//! `users.*`: the workspace's people and bot users.

use serde_json::{Value, json};

use super::{actor, arg, is_member, listed, metadata};
use crate::workspace::paging::page;
use crate::workspace::seed::Channel;
use crate::workspace::{Ctx, Workspace, render};

pub(super) fn list(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let mut users: Vec<_> = workspace.data.users.iter().collect();
    users.sort_by(|a, b| a.id.cmp(&b.id));
    let (users, next) = page(ctx, users, "user", |user| &user.id)?;
    let members: Vec<Value> = users.into_iter().map(|user| render::user(workspace, user)).collect();
    Ok(json!({ "members": members, "cache_ts": workspace.clock.now(), "response_metadata": metadata(next) }))
}

pub(super) fn info(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let user = workspace.user(arg(ctx, "user")).ok_or("user_not_found")?;
    Ok(json!({ "user": render::user(workspace, user) }))
}

pub(super) fn lookup_by_email(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let email = arg(ctx, "email");
    let user = workspace
        .data
        .users
        .iter()
        .find(|user| user.email.as_deref().is_some_and(|known| known.eq_ignore_ascii_case(email)))
        .ok_or("users_not_found")?;
    Ok(json!({ "user": render::user(workspace, user) }))
}

pub(super) fn profile_get(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let id = match arg(ctx, "user") {
        "" => actor(workspace, ctx),
        id => id.to_owned(),
    };
    let user = workspace.user(&id).ok_or("user_not_found")?;
    Ok(json!({ "profile": render::user(workspace, user)["profile"] }))
}

/// The conversations a user (the caller, unless `user` is given) is in, of the `types`
/// asked (public channels unless given).
pub(super) fn conversations(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let user = match arg(ctx, "user") {
        "" => actor(workspace, ctx),
        id => workspace.user(id).ok_or(listed(ctx, "user_not_found", "invalid_arguments"))?.id.clone(),
    };
    let types = super::conversations::types(ctx)?;
    let exclude_archived = super::flag(ctx, "exclude_archived");
    let caller = actor(workspace, ctx);
    // Another user's private conversations show only to their members.
    let visible = |channel: &Channel| !channel.is_private || is_member(channel, &caller);
    let mut channels: Vec<_> = workspace
        .data
        .channels
        .iter()
        .filter(|channel| is_member(channel, &user) && visible(channel) && types.admits(channel))
        .filter(|channel| !(exclude_archived && channel.is_archived))
        .collect();
    channels.sort_by(|a, b| a.id.cmp(&b.id));
    let (channels, next) = page(ctx, channels, "team", |channel| &channel.id)?;
    let channels: Vec<Value> = channels.into_iter().map(|channel| render::channel(workspace, channel, &user)).collect();
    Ok(json!({ "channels": channels, "response_metadata": metadata(next) }))
}

//! `users.*`: the workspace's people and bot users.

use serde_json::{Value, json};

use super::{actor, arg, listed, metadata};
use crate::workspace::paging::page;
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
    // Another user's private conversations show only to their members.
    super::conversations::listing(workspace, ctx, Some(&user))
}

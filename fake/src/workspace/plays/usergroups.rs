//! `usergroups.*`: groups of users, mentioned by their handle.

use serde_json::{Value, json};

use super::{actor, arg, flag, listed};
use crate::workspace::seed::Usergroup;
use crate::workspace::{Ctx, Workspace, render};

pub(super) fn create(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let name = arg(ctx, "name");
    let handle = ctx.arguments.text("handle").filter(|handle| !handle.is_empty()).unwrap_or(name);
    let groups = &workspace.data.usergroups;
    if groups.iter().any(|group| group.name == name) {
        return Err("name_already_exists");
    }
    if groups.iter().any(|group| group.handle == handle) {
        return Err("handle_already_exists");
    }
    let group = Usergroup {
        id: workspace.new_id("S"),
        name: name.to_owned(),
        handle: handle.to_owned(),
        description: arg(ctx, "description").to_owned(),
        users: Vec::new(),
        created_by: actor(workspace, ctx),
        created: workspace.clock.now(),
    };
    let answer = render::usergroup(workspace, &group, true);
    workspace.data.usergroups.push(group);
    Ok(json!({ "usergroup": answer }))
}

pub(super) fn list(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let users = flag(ctx, "include_users");
    let groups: Vec<Value> =
        workspace.data.usergroups.iter().map(|group| render::usergroup(workspace, group, users)).collect();
    Ok(json!({ "usergroups": groups }))
}

pub(super) fn users_list(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let id = arg(ctx, "usergroup");
    let group = workspace.data.usergroups.iter().find(|group| group.id == id);
    let group = group.ok_or(listed(ctx, "no_such_subteam", "invalid_arguments"))?;
    Ok(json!({ "users": group.users }))
}

pub(super) fn users_update(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let users: Vec<String> = ctx.arguments.list("users").into_iter().map(str::to_owned).collect();
    if users.iter().any(|user| workspace.user(user).is_none()) {
        return Err(listed(ctx, "invalid_users", "invalid_arguments"));
    }
    let id = arg(ctx, "usergroup");
    let missing = listed(ctx, "no_such_subteam", "invalid_arguments");
    let group = workspace.data.usergroups.iter_mut().find(|group| group.id == id).ok_or(missing)?;
    group.users = users;
    let group = group.clone();
    Ok(json!({ "usergroup": render::usergroup(workspace, &group, true) }))
}

//! `bookmarks.*`: links bookmarked in a channel.

use serde_json::{Value, json};

use super::{actor, arg, conversation, remove_where};
use crate::workspace::seed::Bookmark;
use crate::workspace::{Ctx, Workspace, render};

pub(super) fn add(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let channel = conversation(workspace, ctx, "channel_id")?;
    let link = arg(ctx, "link");
    if arg(ctx, "type") == "link" && link.is_empty() {
        return Err("invalid_link");
    }
    let bookmark = Bookmark {
        id: workspace.new_id("Bk"),
        channel: channel.id,
        title: arg(ctx, "title").to_owned(),
        link: link.to_owned(),
        emoji: ctx.arguments.text("emoji").map(str::to_owned),
        created_by: actor(workspace, ctx),
        created: workspace.clock.now(),
    };
    let answer = render::bookmark(workspace, &bookmark);
    workspace.data.bookmarks.push(bookmark);
    Ok(json!({ "bookmark": answer }))
}

pub(super) fn remove(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let channel = conversation(workspace, ctx, "channel_id")?;
    let id = arg(ctx, "bookmark_id");
    let bookmarks = &mut workspace.data.bookmarks;
    remove_where(bookmarks, |bookmark| bookmark.channel == channel.id && bookmark.id == id, "not_found")
}

pub(super) fn list(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let channel = conversation(workspace, ctx, "channel_id")?;
    let bookmarks: Vec<Value> = workspace
        .data
        .bookmarks
        .iter()
        .filter(|bookmark| bookmark.channel == channel.id)
        .map(|bookmark| render::bookmark(workspace, bookmark))
        .collect();
    Ok(json!({ "bookmarks": bookmarks }))
}

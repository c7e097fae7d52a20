//! The methods the workspace plays: each a function from the workspace and a valid call
//! to Slack's answer or one of the method's error codes.

mod auth;
mod bookmarks;
mod chat;
mod conversations;
mod files;
mod pins;
mod reactions;
mod reminders;
mod usergroups;
mod users;

use serde_json::Value;

use super::seed::Channel;
use super::{Ctx, Workspace};

/// A played method: the success answer's fields, or an error code.
pub(crate) type Play = fn(&mut Workspace, &Ctx<'_>) -> Result<Value, &'static str>;

/// Every method the workspace plays, by name.
const PLAYS: &[(&str, Play)] = &[
    ("auth.test", auth::test),
    ("bots.info", auth::bots_info),
    ("team.info", auth::team_info),
    ("users.list", users::list),
    ("users.info", users::info),
    ("users.lookupByEmail", users::lookup_by_email),
    ("users.profile.get", users::profile_get),
    ("users.conversations", users::conversations),
    ("conversations.list", conversations::list),
    ("conversations.info", conversations::info),
    ("conversations.create", conversations::create),
    ("conversations.history", conversations::history),
    ("conversations.replies", conversations::replies),
    ("conversations.members", conversations::members),
    ("conversations.join", conversations::join),
    ("conversations.leave", conversations::leave),
    ("conversations.invite", conversations::invite),
    ("conversations.kick", conversations::kick),
    ("conversations.archive", conversations::archive),
    ("conversations.unarchive", conversations::unarchive),
    ("conversations.rename", conversations::rename),
    ("conversations.setTopic", conversations::set_topic),
    ("conversations.setPurpose", conversations::set_purpose),
    ("conversations.open", conversations::open),
    ("chat.postMessage", chat::post_message),
    ("chat.postEphemeral", chat::post_ephemeral),
    ("chat.update", chat::update),
    ("chat.delete", chat::delete),
    ("chat.getPermalink", chat::get_permalink),
    ("chat.startStream", chat::start_stream),
    ("chat.appendStream", chat::append_stream),
    ("chat.stopStream", chat::stop_stream),
    ("reactions.add", reactions::add),
    ("reactions.remove", reactions::remove),
    ("reactions.get", reactions::get),
    ("pins.add", pins::add),
    ("pins.remove", pins::remove),
    ("pins.list", pins::list),
    ("bookmarks.add", bookmarks::add),
    ("bookmarks.remove", bookmarks::remove),
    ("bookmarks.list", bookmarks::list),
    ("usergroups.create", usergroups::create),
    ("usergroups.list", usergroups::list),
    ("usergroups.users.list", usergroups::users_list),
    ("usergroups.users.update", usergroups::users_update),
    ("reminders.add", reminders::add),
    ("reminders.info", reminders::info),
    ("reminders.list", reminders::list),
    ("reminders.complete", reminders::complete),
    ("reminders.delete", reminders::delete),
    ("files.getUploadURLExternal", files::get_upload_url_external),
    ("files.completeUploadExternal", files::complete_upload_external),
    ("files.info", files::info),
    ("files.list", files::list),
    ("files.delete", files::delete),
];

/// The play of the method `name`, if the workspace plays it.
pub(crate) fn played(name: &str) -> Option<Play> {
    PLAYS.iter().find(|(method, _)| *method == name).map(|(_, play)| *play)
}

/// The names of the methods the workspace plays.
pub(crate) fn names() -> impl Iterator<Item = &'static str> {
    PLAYS.iter().map(|(name, _)| *name)
}

/// The argument `name` as text, or `""` when absent (the fake has checked required
/// arguments are there).
fn arg<'a>(ctx: &Ctx<'a>, name: &str) -> &'a str {
    ctx.arguments.text(name).unwrap_or_default()
}

/// Whether the flag `name` is on: `true` or `1`, as text or JSON.
fn flag(ctx: &Ctx<'_>, name: &str) -> bool {
    match ctx.arguments.get(name) {
        Some(Value::Bool(on)) => *on,
        Some(Value::Number(number)) => number.as_u64() == Some(1),
        Some(Value::String(text)) => matches!(text.as_str(), "true" | "1"),
        _ => false,
    }
}

/// The argument `name` as JSON: a JSON body's value, or a form's JSON-encoded text.
///
/// # Errors
///
/// `code` when it is text that is not JSON.
fn json_arg(ctx: &Ctx<'_>, name: &str, code: &'static str) -> Result<Option<Value>, &'static str> {
    match ctx.arguments.get(name) {
        None => Ok(None),
        Some(Value::String(text)) if text.trim().is_empty() => Ok(None),
        Some(Value::String(text)) => serde_json::from_str(text).map(Some).map_err(|_| code),
        Some(value) => Ok(Some(value.clone())),
    }
}

/// `code` when the method's spec lists it, else `otherwise` (which it lists, or every
/// method can answer): Slack's pages do not list every code a method answers, and the
/// fake answers only listed ones.
pub(super) fn listed(ctx: &Ctx<'_>, code: &'static str, otherwise: &'static str) -> &'static str {
    if ctx.info.documents_error(code) { code } else { otherwise }
}

/// The user the call acts as.
fn actor(workspace: &Workspace, ctx: &Ctx<'_>) -> String {
    workspace.actor(ctx.token_kind).to_owned()
}

/// The conversation named by the argument `name`, as the caller may see it: a private
/// one only by its members.
///
/// # Errors
///
/// `channel_not_found`.
fn conversation(workspace: &Workspace, ctx: &Ctx<'_>, name: &str) -> Result<Channel, &'static str> {
    visible(workspace, ctx, arg(ctx, name))
}

/// The conversation `wanted` (an ID or a name), as the caller may see it.
///
/// # Errors
///
/// `channel_not_found`.
fn visible(workspace: &Workspace, ctx: &Ctx<'_>, wanted: &str) -> Result<Channel, &'static str> {
    let actor = workspace.actor(ctx.token_kind);
    let channel = workspace.find_channel(actor, wanted).ok_or("channel_not_found")?;
    if channel.is_private && !is_member(channel, actor) {
        return Err("channel_not_found");
    }
    Ok(channel.clone())
}

fn is_member(channel: &Channel, user: &str) -> bool {
    channel.members.iter().any(|member| member == user)
}

/// Removes the items that match, answering `{}`, or `none` when none did.
fn remove_where<T>(
    items: &mut Vec<T>,
    matches: impl Fn(&T) -> bool,
    none: &'static str,
) -> Result<Value, &'static str> {
    let before = items.len();
    items.retain(|item| !matches(item));
    if items.len() == before { Err(none) } else { Ok(serde_json::json!({})) }
}

/// `{"next_cursor": cursor}`, a list answer's `response_metadata`.
fn metadata(next_cursor: String) -> Value {
    serde_json::json!({ "next_cursor": next_cursor })
}

//! `conversations.*`: channels, private channels and direct messages, their members and
//! their messages.

use serde_json::{Value, json};

use super::{actor, arg, conversation, flag, is_member, listed, metadata};
use crate::workspace::ids::micros;
use crate::workspace::paging::page;
use crate::workspace::seed::{Channel, Message};
use crate::workspace::{Ctx, Workspace, render};

/// The kinds of conversation a `types` argument asks for.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Types {
    public: bool,
    private: bool,
    mpim: bool,
    im: bool,
}

impl Types {
    pub(super) fn admits(self, channel: &Channel) -> bool {
        if channel.is_im {
            self.im
        } else if channel.is_mpim {
            self.mpim
        } else if channel.is_private {
            self.private
        } else {
            self.public
        }
    }
}

/// The `types` argument, else its default from the spec (`public_channel`).
///
/// # Errors
///
/// `invalid_types` for a type Slack does not have.
pub(super) fn types(ctx: &Ctx<'_>) -> Result<Types, &'static str> {
    let mut given = ctx.arguments.list("types");
    if given.is_empty() {
        given = ctx
            .info
            .argument("types")
            .and_then(|argument| argument.default)
            .map_or_else(Vec::new, |types| types.split(',').collect());
    }
    if given.is_empty() {
        given = vec!["public_channel"];
    }
    let mut types = Types::default();
    for kind in given {
        match kind.trim() {
            "public_channel" => types.public = true,
            "private_channel" => types.private = true,
            "mpim" => types.mpim = true,
            "im" => types.im = true,
            _ => return Err("invalid_types"),
        }
    }
    Ok(types)
}

/// The caller's view of the workspace's conversations: public channels, and the others
/// it is a member of, of the `types` asked.
pub(super) fn list(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    listing(workspace, ctx, None)
}

/// A page of the conversations the caller may see (public ones, and those it is in), of
/// the `types` asked, without the archived ones with `exclude_archived`, and only those
/// `member` is in when given; each answered as `member` (else the caller) sees it.
pub(super) fn listing(workspace: &Workspace, ctx: &Ctx<'_>, member: Option<&str>) -> Result<Value, &'static str> {
    let actor = actor(workspace, ctx);
    let types = types(ctx)?;
    let exclude_archived = flag(ctx, "exclude_archived");
    let mut channels: Vec<&Channel> = workspace
        .data
        .channels
        .iter()
        .filter(|channel| types.admits(channel) && (!channel.is_private || is_member(channel, &actor)))
        .filter(|channel| member.is_none_or(|member| is_member(channel, member)))
        .filter(|channel| !(exclude_archived && channel.is_archived))
        .collect();
    channels.sort_by(|a, b| a.id.cmp(&b.id));
    let (channels, next) = page(ctx, channels, "team", |channel| &channel.id)?;
    let viewer = member.unwrap_or(&actor);
    let channels: Vec<Value> =
        channels.into_iter().map(|channel| render::channel(workspace, channel, viewer)).collect();
    Ok(json!({ "channels": channels, "response_metadata": metadata(next) }))
}

pub(super) fn info(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let channel = conversation(workspace, ctx, "channel")?;
    Ok(json!({ "channel": render::channel(workspace, &channel, &actor(workspace, ctx)) }))
}

/// What makes a channel name invalid, by Slack's rules: at most 80 characters, lower
/// case letters, digits, hyphens and underscores.
fn name_error(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        Some("invalid_name_required")
    } else if name.chars().count() > 80 {
        Some("invalid_name_maxlength")
    } else if !name.chars().all(|c| c.is_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_')) {
        Some("invalid_name_specials")
    } else {
        None
    }
}

fn name_taken(workspace: &Workspace, name: &str) -> bool {
    workspace.data.channels.iter().any(|channel| !channel.is_im && !channel.is_mpim && channel.name == name)
}

pub(super) fn create(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let name = arg(ctx, "name");
    if let Some(code) = name_error(name) {
        return Err(code);
    }
    if name_taken(workspace, name) {
        return Err("name_taken");
    }
    let actor = actor(workspace, ctx);
    let id = workspace.new_id("C");
    let mut channel = Channel::public(id, name).members([actor.clone()]);
    channel.is_private = flag(ctx, "is_private");
    channel.created = workspace.clock.now();
    let answer = render::channel(workspace, &channel, &actor);
    workspace.data.channels.push(channel);
    Ok(json!({ "channel": answer }))
}

/// Whether `message` is within the `oldest`…`latest` window of the call.
fn in_window(ctx: &Ctx<'_>, message: &Message) -> bool {
    let inclusive = flag(ctx, "inclusive");
    let ts = micros(&message.ts);
    let bound =
        |name: &str| ctx.arguments.text(name).filter(|bound| !bound.is_empty() && *bound != "0").and_then(micros);
    let after_oldest =
        bound("oldest").is_none_or(|oldest| if inclusive { ts >= Some(oldest) } else { ts > Some(oldest) });
    let before_latest =
        bound("latest").is_none_or(|latest| if inclusive { ts <= Some(latest) } else { ts < Some(latest) });
    after_oldest && before_latest
}

/// A conversation the caller may read: a member of it, or a user of a public channel.
fn readable(workspace: &Workspace, ctx: &Ctx<'_>) -> Result<Channel, &'static str> {
    let channel = conversation(workspace, ctx, "channel")?;
    let actor = workspace.actor(ctx.token_kind);
    if !is_member(&channel, actor) && ctx.token_kind == Some(crate::TokenKind::Bot) {
        return Err(listed(ctx, "not_in_channel", "channel_not_found"));
    }
    Ok(channel)
}

/// The conversation's messages, newest first: threads' parents, and replies also sent
/// to the channel.
pub(super) fn history(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let channel = readable(workspace, ctx)?;
    let mut messages: Vec<&Message> = workspace
        .data
        .messages
        .iter()
        .filter(|message| message.channel == channel.id && (!message.is_reply() || message.reply_broadcast))
        .filter(|message| in_window(ctx, message))
        .collect();
    messages.sort_by_key(|message| std::cmp::Reverse(micros(&message.ts)));
    let (messages, next) = page(ctx, messages, "next_ts", |message| &message.ts)?;
    let has_more = !next.is_empty();
    let pins = workspace.data.pins.iter().filter(|pin| pin.channel == channel.id).count();
    let messages: Vec<Value> =
        messages.into_iter().map(|message| render::message(workspace, message, ctx.host)).collect();
    Ok(json!({
        "messages": messages,
        "has_more": has_more,
        "pin_count": pins,
        "channel_actions_count": 0,
        "response_metadata": metadata(next),
    }))
}

/// A thread: its parent, then its replies, oldest first.
pub(super) fn replies(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let channel = readable(workspace, ctx)?;
    let ts = arg(ctx, "ts");
    let asked = workspace.message(&channel.id, ts).ok_or("thread_not_found")?;
    // The ts of a reply stands for its thread.
    let parent = asked.thread_ts.clone().unwrap_or_else(|| asked.ts.clone());
    let parent_message = workspace.message(&channel.id, &parent).ok_or("thread_not_found")?;
    let mut replies = workspace.replies(&channel.id, &parent);
    replies.retain(|reply| in_window(ctx, reply));
    replies.sort_by_key(|reply| micros(&reply.ts));
    let thread: Vec<&Message> = std::iter::once(parent_message).chain(replies).collect();
    let (thread, next) = page(ctx, thread, "thread_ts", |message| &message.ts)?;
    let has_more = !next.is_empty();
    let messages: Vec<Value> =
        thread.into_iter().map(|message| render::message(workspace, message, ctx.host)).collect();
    Ok(json!({ "messages": messages, "has_more": has_more, "response_metadata": metadata(next) }))
}

pub(super) fn members(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let channel = conversation(workspace, ctx, "channel")?;
    let members: Vec<&String> = channel.members.iter().collect();
    let (members, next) = page(ctx, members, "member", |member| member)?;
    Ok(json!({ "members": members, "response_metadata": metadata(next) }))
}

/// The channel, changed by `change` (which may refuse), answered as `{"channel": …}`.
fn change(
    workspace: &mut Workspace,
    ctx: &Ctx<'_>,
    change: impl FnOnce(&mut Channel, &str) -> Result<(), &'static str>,
) -> Result<Value, &'static str> {
    let id = conversation(workspace, ctx, "channel")?.id;
    let actor = actor(workspace, ctx);
    let channel = workspace.channel_mut(&id).ok_or("channel_not_found")?;
    change(channel, &actor)?;
    let channel = channel.clone();
    Ok(json!({ "channel": render::channel(workspace, &channel, &actor) }))
}

pub(super) fn join(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let mut already = false;
    let mut answer = change(workspace, ctx, |channel, actor| {
        if channel.is_im || channel.is_mpim || channel.is_private {
            return Err("method_not_supported_for_channel_type");
        }
        if channel.is_archived {
            return Err("is_archived");
        }
        already = is_member(channel, actor);
        if !already {
            channel.members.push(actor.to_owned());
        }
        Ok(())
    })?;
    if already {
        answer["warning"] = json!("already_in_channel");
        answer["response_metadata"] = json!({ "warnings": ["already_in_channel"] });
    }
    Ok(answer)
}

pub(super) fn leave(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let id = conversation(workspace, ctx, "channel")?.id;
    let actor = actor(workspace, ctx);
    let channel = workspace.channel_mut(&id).ok_or("channel_not_found")?;
    if channel.is_general {
        return Err("cant_leave_general");
    }
    if channel.is_im {
        return Err("method_not_supported_for_channel_type");
    }
    if !is_member(channel, &actor) {
        return Ok(json!({ "not_in_channel": true }));
    }
    channel.members.retain(|member| *member != actor);
    Ok(json!({}))
}

pub(super) fn invite(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let users: Vec<String> = ctx.arguments.list("users").into_iter().map(str::to_owned).collect();
    if users.is_empty() {
        return Err("no_user");
    }
    if let Some(unknown) = users.iter().find(|user| workspace.user(user).is_none()) {
        let _ = unknown;
        return Err("user_not_found");
    }
    change(workspace, ctx, |channel, actor| {
        if channel.is_im {
            return Err("method_not_supported_for_channel_type");
        }
        if channel.is_archived {
            return Err("is_archived");
        }
        if users.iter().any(|user| user == actor) {
            return Err("cant_invite_self");
        }
        if users.iter().all(|user| is_member(channel, user)) {
            return Err("already_in_channel");
        }
        for user in users {
            if !is_member(channel, &user) {
                channel.members.push(user);
            }
        }
        Ok(())
    })
}

pub(super) fn kick(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let user = arg(ctx, "user").to_owned();
    change(workspace, ctx, |channel, actor| {
        if user == actor {
            return Err("cant_kick_self");
        }
        if channel.is_general {
            return Err("cant_kick_from_general");
        }
        if !is_member(channel, &user) {
            return Err("not_in_channel");
        }
        channel.members.retain(|member| *member != user);
        Ok(())
    })
    .map(|_| json!({}))
}

pub(super) fn archive(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    change(workspace, ctx, |channel, _| {
        if channel.is_general {
            return Err("cant_archive_general");
        }
        if channel.is_archived {
            return Err("already_archived");
        }
        channel.is_archived = true;
        Ok(())
    })
    .map(|_| json!({}))
}

pub(super) fn unarchive(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    change(workspace, ctx, |channel, _| {
        if !channel.is_archived {
            return Err("not_archived");
        }
        channel.is_archived = false;
        Ok(())
    })
    .map(|_| json!({}))
}

pub(super) fn rename(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let name = arg(ctx, "name").to_owned();
    if let Some(code) = name_error(&name) {
        return Err(code);
    }
    let taken = name_taken(workspace, &name);
    change(workspace, ctx, |channel, _| {
        if channel.is_im || channel.is_mpim {
            return Err("method_not_supported_for_channel_type");
        }
        if taken && channel.name != name {
            return Err("name_taken");
        }
        channel.name = name;
        Ok(())
    })
}

pub(super) fn set_topic(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let topic = arg(ctx, "topic").to_owned();
    change(workspace, ctx, |channel, _| {
        channel.topic = topic;
        Ok(())
    })
}

pub(super) fn set_purpose(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let purpose = arg(ctx, "purpose").to_owned();
    change(workspace, ctx, |channel, _| {
        channel.purpose = purpose;
        Ok(())
    })
}

/// The direct message (one other user) or group direct message (several) of the
/// caller with `users`, made if there is none yet; or the conversation `channel`.
pub(super) fn open(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let actor = actor(workspace, ctx);
    let full = flag(ctx, "return_im");
    if ctx.arguments.contains("channel") {
        let channel = conversation(workspace, ctx, "channel")?;
        return Ok(json!({ "channel": opened(workspace, &channel, &actor, full) }));
    }
    let users: Vec<String> = ctx.arguments.list("users").into_iter().map(str::to_owned).collect();
    if users.is_empty() {
        return Err("users_list_not_supplied");
    }
    if users.len() > 8 {
        return Err("too_many_users");
    }
    if users.iter().any(|user| workspace.user(user).is_none()) {
        return Err("user_not_found");
    }
    let mut members = vec![actor.clone()];
    for user in users {
        if !members.contains(&user) {
            members.push(user);
        }
    }
    // The same people, whoever is listed twice (a DM with oneself has one member).
    let same_people = |channel: &&Channel| {
        let mut theirs: Vec<&String> = channel.members.iter().collect();
        theirs.sort();
        theirs.dedup();
        theirs.len() == members.len() && members.iter().all(|member| theirs.contains(&member))
    };
    let existing = workspace.data.channels.iter().filter(|channel| channel.is_im || channel.is_mpim).find(same_people);
    if let Some(channel) = existing {
        let answer = opened(workspace, channel, &actor, full);
        return Ok(json!({ "no_op": true, "already_open": true, "channel": answer }));
    }
    let mut channel = if members.len() <= 2 {
        let other = members.get(1).cloned().unwrap_or_else(|| actor.clone());
        Channel::im(workspace.new_id("D"), actor.clone(), other)
    } else {
        let name = format!(
            "mpdm-{}-1",
            members
                .iter()
                .filter_map(|id| workspace.user(id))
                .map(|user| user.name.as_str())
                .collect::<Vec<_>>()
                .join("--")
        );
        let mut channel = Channel::private(workspace.new_id("C"), name).members(members);
        channel.is_mpim = true;
        channel
    };
    channel.created = workspace.clock.now();
    let answer = opened(workspace, &channel, &actor, full);
    workspace.data.channels.push(channel);
    Ok(json!({ "channel": answer }))
}

/// What `conversations.open` answers of a conversation: its ID, or all of it with
/// `return_im`.
fn opened(workspace: &Workspace, channel: &Channel, actor: &str, full: bool) -> Value {
    if full { render::channel(workspace, channel, actor) } else { json!({ "id": channel.id }) }
}

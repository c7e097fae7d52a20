//! The workspace's items as Slack answers them: every field a real answer has, the
//! ones the fake does not model at the values Slack gives a plain item. A field Slack
//! answers `null` is left out, as the typed client reads both alike.

use serde_json::{Map, Value, json};

use super::Workspace;
use super::seed::{Bookmark, Channel, File, Message, Reminder, User, Usergroup};

/// The base of the URLs of the team's pages.
fn team_url(workspace: &Workspace) -> String {
    format!("https://{}.slack.com/", workspace.data.team.domain)
}

/// The team, as `team.info` answers it.
pub(crate) fn team(workspace: &Workspace) -> Value {
    let team = &workspace.data.team;
    json!({
        "id": team.id,
        "name": team.name,
        "url": team_url(workspace),
        "domain": team.domain,
        "email_domain": "",
        "icon": {"image_default": true, "image_34": avatar(&team.id, 34), "image_44": avatar(&team.id, 44),
                 "image_68": avatar(&team.id, 68), "image_88": avatar(&team.id, 88),
                 "image_102": avatar(&team.id, 102), "image_132": avatar(&team.id, 132),
                 "image_230": avatar(&team.id, 230)},
        "avatar_base_url": "https://ca.slack-edge.com/",
        "is_verified": false,
        "lob_sales_home_enabled": false,
        "is_sfdc_auto_slack": false,
    })
}

fn avatar(id: &str, size: u32) -> String {
    format!("https://a.slack-edge.com/fake/{id}_{size}.png")
}

/// A user, as `users.info` answers it.
pub(crate) fn user(workspace: &Workspace, user: &User) -> Value {
    let team = &workspace.data.team.id;
    let bot = &workspace.data.bot;
    let (first, last) = user.real_name.split_once(' ').unwrap_or((&user.real_name, ""));
    let mut profile = json!({
        "title": user.title,
        "phone": "",
        "skype": "",
        "real_name": user.real_name,
        "real_name_normalized": user.real_name,
        "display_name": user.name,
        "display_name_normalized": user.name,
        "status_text": "",
        "status_emoji": "",
        "status_emoji_display_info": [],
        "status_expiration": 0,
        "avatar_hash": format!("g{}", user.id.to_lowercase()),
        "first_name": first,
        "last_name": last,
        "image_24": avatar(&user.id, 24),
        "image_32": avatar(&user.id, 32),
        "image_48": avatar(&user.id, 48),
        "image_72": avatar(&user.id, 72),
        "image_192": avatar(&user.id, 192),
        "image_512": avatar(&user.id, 512),
        "team": team,
    });
    if let Some(email) = &user.email {
        profile["email"] = json!(email);
    }
    let is_app_user = user.is_bot && user.id == bot.user_id;
    if is_app_user {
        profile["bot_id"] = json!(bot.id);
        profile["api_app_id"] = json!(bot.app_id);
        profile["always_active"] = json!(false);
    }
    json!({
        "id": user.id,
        "team_id": team,
        "name": user.name,
        "deleted": user.deleted,
        "color": "9f69e7",
        "real_name": user.real_name,
        "tz": user.tz,
        "tz_label": tz_label(&user.tz),
        "tz_offset": 0,
        "profile": profile,
        "is_admin": user.is_admin,
        "is_owner": user.is_owner,
        "is_primary_owner": user.is_owner && user.id == workspace.data.installer,
        "is_restricted": false,
        "is_ultra_restricted": false,
        "is_bot": user.is_bot,
        "is_app_user": is_app_user,
        "updated": 1_700_000_000,
        "is_email_confirmed": user.email.is_some(),
        "has_2fa": false,
        "who_can_share_contact_card": "EVERYONE",
    })
}

fn tz_label(tz: &str) -> &'static str {
    match tz {
        "Europe/London" => "Greenwich Mean Time",
        "America/Los_Angeles" => "Pacific Standard Time",
        "America/New_York" => "Eastern Standard Time",
        _ => "Coordinated Universal Time",
    }
}

/// A conversation, as `conversations.info` answers it to `actor`.
pub(crate) fn channel(workspace: &Workspace, channel: &Channel, actor: &str) -> Value {
    let team = &workspace.data.team.id;
    if channel.is_im {
        let other = channel.members.iter().find(|member| *member != actor).or(channel.members.first());
        return json!({
            "id": channel.id,
            "created": channel.created,
            "is_archived": channel.is_archived,
            "is_im": true,
            "is_org_shared": false,
            "context_team_id": team,
            "updated": channel.created.saturating_mul(1000),
            "user": other,
            "is_user_deleted": other.and_then(|id| workspace.user(id)).is_some_and(|user| user.deleted),
            "priority": 0,
        });
    }
    let about = |value: &str| json!({"value": value, "creator": if value.is_empty() { "" } else { &channel.creator }, "last_set": if value.is_empty() { 0 } else { channel.created }});
    json!({
        "id": channel.id,
        "name": channel.name,
        "is_channel": !channel.is_private && !channel.is_mpim,
        "is_group": channel.is_private && !channel.is_mpim,
        "is_im": false,
        "is_mpim": channel.is_mpim,
        "is_private": channel.is_private,
        "created": channel.created,
        "is_archived": channel.is_archived,
        "is_general": channel.is_general,
        "unlinked": 0,
        "name_normalized": channel.name,
        "is_shared": false,
        "is_org_shared": false,
        "is_ext_shared": false,
        "is_pending_ext_shared": false,
        "pending_shared": [],
        "pending_connected_team_ids": [],
        "context_team_id": team,
        "updated": channel.created.saturating_mul(1000),
        "creator": channel.creator,
        "shared_team_ids": [team],
        "is_member": channel.members.iter().any(|member| member == actor),
        "topic": about(&channel.topic),
        "purpose": about(&channel.purpose),
        "previous_names": [],
        "num_members": channel.members.len(),
    })
}

/// A message, as `conversations.history` answers it, with its thread's counts when it
/// starts one.
pub(crate) fn message(workspace: &Workspace, message: &Message, host: &str) -> Value {
    let mut out = Map::new();
    out.insert("type".to_owned(), json!("message"));
    out.insert("user".to_owned(), json!(message.user));
    out.insert("text".to_owned(), json!(message.text));
    out.insert("ts".to_owned(), json!(message.ts));
    out.insert("team".to_owned(), json!(workspace.data.team.id));
    let bot = &workspace.data.bot;
    if message.user == bot.user_id {
        out.insert("bot_id".to_owned(), json!(bot.id));
        out.insert("app_id".to_owned(), json!(bot.app_id));
        out.insert("bot_profile".to_owned(), bot_profile(workspace));
    }
    for (name, value) in
        [("blocks", &message.blocks), ("attachments", &message.attachments), ("metadata", &message.metadata)]
    {
        if let Some(value) = value {
            out.insert(name.to_owned(), value.clone());
        }
    }
    if !message.files.is_empty() {
        let files = message.files.iter().filter_map(|id| workspace.data.files.iter().find(|file| file.id == *id));
        out.insert("files".to_owned(), files.map(|one| file(workspace, one, host)).collect());
        out.insert("upload".to_owned(), json!(false));
        out.insert("display_as_bot".to_owned(), json!(false));
    }
    if let Some(edited) = &message.edited {
        out.insert("edited".to_owned(), json!({"user": message.user, "ts": edited}));
    }
    if !message.reactions.is_empty() {
        let reactions = message
            .reactions
            .iter()
            .map(|reaction| json!({"name": reaction.name, "users": reaction.users, "count": reaction.users.len()}));
        out.insert("reactions".to_owned(), reactions.collect());
    }
    if message.tombstone {
        out.insert("subtype".to_owned(), json!("tombstone"));
    }
    if let Some(thread) = &message.thread_ts {
        out.insert("thread_ts".to_owned(), json!(thread));
        if message.is_reply() {
            let parent = workspace.message(&message.channel, thread);
            out.insert("parent_user_id".to_owned(), json!(parent.map_or("", |parent| parent.user.as_str())));
            if message.reply_broadcast {
                out.insert("subtype".to_owned(), json!("thread_broadcast"));
            }
        }
    }
    let replies = workspace.replies(&message.channel, &message.ts);
    if !replies.is_empty() {
        let mut users: Vec<&str> = Vec::new();
        for reply in &replies {
            if !users.contains(&reply.user.as_str()) {
                users.push(&reply.user);
            }
        }
        let latest = replies.iter().map(|reply| reply.ts.as_str()).max().unwrap_or_default();
        out.insert("thread_ts".to_owned(), json!(message.ts));
        out.insert("reply_count".to_owned(), json!(replies.len()));
        out.insert("reply_users_count".to_owned(), json!(users.len()));
        out.insert("latest_reply".to_owned(), json!(latest));
        out.insert("reply_users".to_owned(), json!(users));
        out.insert("is_locked".to_owned(), json!(false));
        out.insert("subscribed".to_owned(), json!(false));
    }
    Value::Object(out)
}

/// The app's bot, as a message's `bot_profile`.
pub(crate) fn bot_profile(workspace: &Workspace) -> Value {
    let bot = &workspace.data.bot;
    json!({
        "id": bot.id,
        "app_id": bot.app_id,
        "user_id": bot.user_id,
        "name": bot.name,
        "icons": bot_icons(&bot.id),
        "deleted": false,
        "updated": 1_700_000_000,
        "team_id": workspace.data.team.id,
    })
}

/// The app's bot, as `bots.info` answers it.
pub(crate) fn bot(workspace: &Workspace) -> Value {
    let bot = &workspace.data.bot;
    json!({
        "id": bot.id,
        "deleted": false,
        "name": bot.name,
        "updated": 1_700_000_000,
        "app_id": bot.app_id,
        "user_id": bot.user_id,
        "icons": bot_icons(&bot.id),
    })
}

fn bot_icons(id: &str) -> Value {
    json!({"image_36": avatar(id, 36), "image_48": avatar(id, 48), "image_72": avatar(id, 72)})
}

/// A file, as `files.info` answers it, its URLs on the fake at `host`.
pub(crate) fn file(workspace: &Workspace, file: &File, host: &str) -> Value {
    let team = &workspace.data.team.id;
    let mut public = Map::new();
    let mut private = Map::new();
    let (mut channels, mut groups, mut ims) = (Vec::new(), Vec::new(), Vec::new());
    for share in &file.shares {
        let Some(channel) = workspace.channel(&share.channel) else { continue };
        let entry = json!({
            "reply_users": [], "reply_users_count": 0, "reply_count": 0, "ts": share.ts,
            "channel_name": channel.name, "team_id": team, "share_user_id": file.user, "source": "UNKNOWN",
        });
        let (shares, list) = if channel.is_private {
            (&mut private, if channel.is_im { &mut ims } else { &mut groups })
        } else {
            (&mut public, &mut channels)
        };
        if let Value::Array(entries) = shares.entry(channel.id.clone()).or_insert_with(|| Value::Array(Vec::new())) {
            entries.push(entry);
        }
        if !list.contains(&channel.id) {
            list.push(channel.id.clone());
        }
    }
    let base = format!("http://{host}/files-pri/{team}-{}", file.id);
    let mut shares = Map::new();
    if !public.is_empty() {
        shares.insert("public".to_owned(), Value::Object(public));
    }
    if !private.is_empty() {
        shares.insert("private".to_owned(), Value::Object(private));
    }
    json!({
        "id": file.id,
        "created": file.created,
        "timestamp": file.created,
        "name": file.name,
        "title": file.title,
        "mimetype": file.mimetype,
        "filetype": file.filetype,
        "pretty_type": pretty_type(&file.filetype),
        "user": file.user,
        "user_team": team,
        "editable": file.filetype == "text",
        "size": file.size,
        "mode": if file.filetype == "text" { "snippet" } else { "hosted" },
        "is_external": false,
        "external_type": "",
        "is_public": !channels.is_empty(),
        "public_url_shared": false,
        "display_as_bot": false,
        "username": "",
        "url_private": format!("{base}/{}", path_segment(&file.name)),
        "url_private_download": format!("{base}/download/{}", path_segment(&file.name)),
        "media_display_type": "unknown",
        "permalink": format!("{}files/{}/{}/{}", team_url(workspace), file.user, file.id, path_segment(&file.name)),
        "permalink_public": format!("https://slack-files.com/{team}-{}-0000000000", file.id),
        "comments_count": 0,
        "is_starred": false,
        "shares": shares,
        "channels": channels,
        "groups": groups,
        "ims": ims,
        "has_more_shares": false,
        "has_rich_preview": false,
        "file_access": "visible",
    })
}

/// `name` as one segment of a URL's path: every byte but letters, digits and `-._~`
/// percent-encoded.
fn path_segment(name: &str) -> String {
    let mut segment = String::with_capacity(name.len());
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            segment.push(char::from(byte));
        } else {
            segment.push_str(&format!("%{byte:02X}"));
        }
    }
    segment
}

fn pretty_type(filetype: &str) -> String {
    match filetype {
        "text" => "Plain Text".to_owned(),
        "binary" => "Binary".to_owned(),
        other => other.to_uppercase(),
    }
}

/// A bookmark, as `bookmarks.list` answers it.
pub(crate) fn bookmark(workspace: &Workspace, bookmark: &Bookmark) -> Value {
    let mut out = json!({
        "id": bookmark.id,
        "channel_id": bookmark.channel,
        "title": bookmark.title,
        "link": bookmark.link,
        "type": "link",
        "date_created": bookmark.created,
        "date_updated": 0,
        "rank": "U",
        "last_updated_by_user_id": bookmark.created_by,
        "last_updated_by_team_id": workspace.data.team.id,
    });
    if let Some(emoji) = &bookmark.emoji {
        out["emoji"] = json!(emoji);
    }
    out
}

/// A user group, as `usergroups.list` answers it (with its users when `include_users`).
pub(crate) fn usergroup(workspace: &Workspace, group: &Usergroup, include_users: bool) -> Value {
    let mut out = json!({
        "id": group.id,
        "team_id": workspace.data.team.id,
        "is_usergroup": true,
        "is_subteam": true,
        "name": group.name,
        "description": group.description,
        "handle": group.handle,
        "is_external": false,
        "date_create": group.created,
        "date_update": group.created,
        "date_delete": 0,
        "auto_provision": false,
        "enterprise_subteam_id": "",
        "created_by": group.created_by,
        "updated_by": group.created_by,
        "prefs": {"channels": [], "groups": []},
        "user_count": group.users.len(),
        "channel_count": 0,
    });
    if include_users {
        out["users"] = json!(group.users);
    }
    out
}

/// A reminder, as `reminders.list` answers it.
pub(crate) fn reminder(reminder: &Reminder) -> Value {
    json!({
        "id": reminder.id,
        "creator": reminder.creator,
        "user": reminder.user,
        "text": reminder.text,
        "recurring": false,
        "time": reminder.time,
        "complete_ts": reminder.complete_ts,
    })
}

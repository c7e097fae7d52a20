//! `auth.test`, `team.info`, `bots.info`.

use serde_json::{Value, json};

use super::{actor, arg};
use crate::TokenKind;
use crate::workspace::{Ctx, Workspace, render};

/// Who the token is: its user and team, and its bot for a bot token.
pub(super) fn test(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let actor = actor(workspace, ctx);
    let team = &workspace.data.team;
    let user = workspace.user(&actor).map_or(actor.as_str(), |user| user.name.as_str());
    let mut answer = json!({
        "url": format!("https://{}.slack.com/", team.domain),
        "team": team.name,
        "user": user,
        "team_id": team.id,
        "user_id": actor,
        "is_enterprise_install": false,
    });
    if ctx.token_kind == Some(TokenKind::Bot) {
        answer["bot_id"] = json!(workspace.data.bot.id);
    }
    Ok(answer)
}

pub(super) fn team_info(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let wanted = arg(ctx, "team");
    if !wanted.is_empty() && wanted != workspace.data.team.id {
        return Err("team_not_found");
    }
    Ok(json!({ "team": render::team(workspace) }))
}

pub(super) fn bots_info(workspace: &mut Workspace, ctx: &Ctx<'_>) -> Result<Value, &'static str> {
    let wanted = arg(ctx, "bot");
    if !wanted.is_empty() && wanted != workspace.data.bot.id {
        return Err("bot_not_found");
    }
    Ok(json!({ "bot": render::bot(workspace) }))
}

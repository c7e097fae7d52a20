//! `apps.permissions.users.request` as its Slack page documents it.

use std::collections::HashSet;

use super::{Behaviour, Call};
use crate::Reply;

/// `apps.permissions.users.request` as Slack documents it: a trigger ID works once, and
/// unknown triggers, users and scopes get their errors.
///
/// Checked in this order, a call answers:
///
/// - `trigger_exchanged` when its `trigger_id` was already used by a successful call;
/// - `invalid_trigger` when the `trigger_id` is not known;
/// - `invalid_user` when the `user` is not known;
/// - `invalid_scope` when a scope of `scopes` is not known;
/// - else the method's success, and the trigger is used up.
///
/// What is known: by default, anything shaped like Slack's own values, so that any
/// realistic call succeeds once: a trigger ID of the form `digits.digits.hex`
/// (`13345224609.738474920.8088930838d88f008e0`), a user ID of `U` or `W` and two or more
/// capitals or digits (`U0DJ9S1Q8`), and a scope of lowercase words joined by `:`, `.`,
/// `_` or `-` (`reactions:write`, `users.profile:read`, `identify`). Registering values of
/// a kind with [`trigger`](Self::trigger), [`user`](Self::user) or
/// [`scope`](Self::scope) makes only the registered ones of that kind known.
///
/// ```
/// use typed_slack_fake::{FakeSlack, behaviours::Permissions};
///
/// # async fn run() -> std::io::Result<()> {
/// let slack = FakeSlack::builder()
///     .methods(typed_slack::catalog())
///     .behaviour(Permissions::new().trigger("123.456.abc").user("U0DJ9S1Q8").scope("chat:write"))
///     .start()
///     .await?;
/// # drop(slack);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Default)]
pub struct Permissions {
    triggers: Option<HashSet<String>>,
    users: Option<HashSet<String>>,
    scopes: Option<HashSet<String>>,
    exchanged: HashSet<String>,
}

impl Permissions {
    /// The method it plays.
    pub const METHOD: &'static str = "apps.permissions.users.request";

    /// The behaviour with its defaults: any realistic value is known.
    pub fn new() -> Self {
        Self::default()
    }

    /// Knows `trigger_id`; once one is registered, only registered triggers are known.
    pub fn trigger(mut self, trigger_id: impl Into<String>) -> Self {
        self.triggers.get_or_insert_default().insert(trigger_id.into());
        self
    }

    /// Knows `user`; once one is registered, only registered users are known.
    pub fn user(mut self, user: impl Into<String>) -> Self {
        self.users.get_or_insert_default().insert(user.into());
        self
    }

    /// Knows `scope`; once one is registered, only registered scopes are known.
    pub fn scope(mut self, scope: impl Into<String>) -> Self {
        self.scopes.get_or_insert_default().insert(scope.into());
        self
    }
}

impl Behaviour for Permissions {
    fn method(&self) -> &str {
        Self::METHOD
    }

    fn answer(&mut self, call: &Call<'_>) -> Option<Reply> {
        let arguments = call.arguments();
        let trigger = arguments.text("trigger_id").unwrap_or_default();
        if self.exchanged.contains(trigger) {
            return Some(Reply::error("trigger_exchanged"));
        }
        if !known(self.triggers.as_ref(), trigger, is_trigger_shaped) {
            return Some(Reply::error("invalid_trigger"));
        }
        if !known(self.users.as_ref(), arguments.text("user").unwrap_or_default(), is_user_shaped) {
            return Some(Reply::error("invalid_user"));
        }
        let scopes = arguments.list("scopes");
        if scopes.is_empty() || !scopes.iter().all(|scope| known(self.scopes.as_ref(), scope, is_scope_shaped)) {
            return Some(Reply::error("invalid_scope"));
        }
        self.exchanged.insert(trigger.to_owned());
        None
    }
}

/// Whether `value` is registered, or shaped right when nothing of its kind is.
fn known(registered: Option<&HashSet<String>>, value: &str, shaped: fn(&str) -> bool) -> bool {
    match registered {
        Some(registered) => registered.contains(value),
        None => shaped(value),
    }
}

/// `digits.digits.hex`.
fn is_trigger_shaped(trigger: &str) -> bool {
    let parts: Vec<&str> = trigger.split('.').collect();
    let all = |part: &str, test: fn(char) -> bool| !part.is_empty() && part.chars().all(test);
    matches!(parts.as_slice(), [team, stamp, hex]
        if all(team, |c| c.is_ascii_digit()) && all(stamp, |c| c.is_ascii_digit())
            && all(hex, |c| c.is_ascii_digit() || ('a'..='f').contains(&c)))
}

/// `U` or `W`, then two or more capitals or digits.
fn is_user_shaped(user: &str) -> bool {
    let mut chars = user.chars();
    matches!(chars.next(), Some('U' | 'W'))
        && user.len() >= 3
        && chars.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Lowercase words joined by `:`, `.`, `_` or `-`.
fn is_scope_shaped(scope: &str) -> bool {
    scope.starts_with(|c: char| c.is_ascii_lowercase())
        && scope
            .split([':', '.', '_', '-'])
            .all(|word| !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::{Arguments, TokenKind, testing};

    fn call(permissions: &mut Permissions, trigger: &str, user: &str, scopes: &str) -> Option<String> {
        let mut arguments = Arguments::default();
        arguments.push("scopes".to_owned(), json!(scopes));
        arguments.push("trigger_id".to_owned(), json!(trigger));
        arguments.push("user".to_owned(), json!(user));
        let info = testing::post();
        let workspace = crate::Seed::default();
        let call = Call {
            info: &info,
            arguments: &arguments,
            token_kind: Some(TokenKind::User),
            client: None,
            workspace: &workspace,
        };
        let reply = permissions.answer(&call)?;
        let answer = reply.render(&info, &[]);
        Some(answer.error.unwrap_or_default())
    }

    #[test]
    fn a_trigger_works_once() {
        let mut permissions = Permissions::new();
        assert_eq!(call(&mut permissions, "1.2.ab", "U0DJ9S1Q8", "chat:write"), None);
        assert_eq!(call(&mut permissions, "1.2.ab", "U0DJ9S1Q8", "chat:write").as_deref(), Some("trigger_exchanged"));
        assert_eq!(call(&mut permissions, "1.2.ac", "U0DJ9S1Q8", "chat:write"), None);
    }

    #[test]
    fn unknown_values_get_their_errors_in_order_and_keep_the_trigger() {
        let mut permissions = Permissions::new();
        assert_eq!(call(&mut permissions, "expired", "nobody", "??").as_deref(), Some("invalid_trigger"));
        assert_eq!(call(&mut permissions, "1.2.ab", "nobody", "??").as_deref(), Some("invalid_user"));
        assert_eq!(call(&mut permissions, "1.2.ab", "W123", "chat:write,Bad Scope").as_deref(), Some("invalid_scope"));
        assert_eq!(call(&mut permissions, "1.2.ab", "W123", "").as_deref(), Some("invalid_scope"));
        assert_eq!(call(&mut permissions, "1.2.ab", "W123", "users.profile:read,identify,chat:write.public"), None);
    }

    #[test]
    fn registered_values_replace_the_shapes_kind_by_kind() {
        let mut permissions = Permissions::new().trigger("t1").user("alice");
        assert_eq!(call(&mut permissions, "1.2.ab", "alice", "a").as_deref(), Some("invalid_trigger"));
        assert_eq!(call(&mut permissions, "t1", "U0DJ9S1Q8", "a").as_deref(), Some("invalid_user"));
        assert_eq!(call(&mut permissions, "t1", "alice", "a"), None);
        let mut scoped = Permissions::new().scope("chat:write");
        assert_eq!(call(&mut scoped, "1.2.ab", "U1A", "reactions:write").as_deref(), Some("invalid_scope"));
    }
}

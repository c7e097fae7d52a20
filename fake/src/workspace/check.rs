//! Whether a seed's items fit together.

use std::collections::HashSet;

use super::seed::{Seed, SeedError};

/// Every problem of `seed`, one per line: IDs given twice, and IDs referred to that are
/// not there.
pub(super) fn check(seed: &Seed) -> Result<(), SeedError> {
    let mut problems = Vec::new();
    let users = unique(seed.users.iter().map(|user| user.id.as_str()), "user", &mut problems);
    let channels = unique(seed.channels.iter().map(|channel| channel.id.as_str()), "channel", &mut problems);
    let files = unique(seed.files.iter().map(|file| file.id.as_str()), "file", &mut problems);
    unique(seed.bookmarks.iter().map(|bookmark| bookmark.id.as_str()), "bookmark", &mut problems);
    unique(seed.usergroups.iter().map(|group| group.id.as_str()), "usergroup", &mut problems);
    unique(seed.reminders.iter().map(|reminder| reminder.id.as_str()), "reminder", &mut problems);
    let messages = unique(
        seed.messages.iter().map(|message| (message.channel.as_str(), message.ts.as_str())),
        "message",
        &mut problems,
    );

    let mut user = |id: &str, of: &str| {
        if !users.contains(id) {
            problems.push(format!("{of} names the user {id:?}, which is not among `users`"));
        }
    };
    user(&seed.installer, "`installer`");
    user(&seed.bot.user_id, "`bot.user_id`");
    for channel in &seed.channels {
        channel.members.iter().for_each(|member| user(member, &format!("channel {:?}", channel.id)));
    }
    for message in &seed.messages {
        user(&message.user, &format!("message {:?}", message.ts));
        for reaction in &message.reactions {
            reaction.users.iter().for_each(|id| user(id, &format!("a reaction to message {:?}", message.ts)));
        }
    }
    for group in &seed.usergroups {
        group.users.iter().for_each(|id| user(id, &format!("usergroup {:?}", group.id)));
    }
    for file in &seed.files {
        user(&file.user, &format!("file {:?}", file.id));
    }
    for reminder in &seed.reminders {
        user(&reminder.user, &format!("reminder {:?}", reminder.id));
    }

    let mut channel = |id: &str, of: &str| {
        if !channels.contains(id) {
            problems.push(format!("{of} is in the channel {id:?}, which is not among `channels`"));
        }
    };
    for message in &seed.messages {
        channel(&message.channel, &format!("message {:?}", message.ts));
    }
    for pin in &seed.pins {
        channel(&pin.channel, &format!("pin {:?}", pin.ts));
    }
    for bookmark in &seed.bookmarks {
        channel(&bookmark.channel, &format!("bookmark {:?}", bookmark.id));
    }
    for file in &seed.files {
        file.shares.iter().for_each(|share| channel(&share.channel, &format!("a share of file {:?}", file.id)));
    }

    for message in &seed.messages {
        if let Some(thread) = message.thread_ts.as_deref().filter(|thread| *thread != message.ts) {
            if !messages.contains(&(message.channel.as_str(), thread)) {
                problems.push(format!("message {:?} replies to {thread:?}, which is not among `messages`", message.ts));
            }
        }
        for file in &message.files {
            if !files.contains(file.as_str()) {
                problems.push(format!("message {:?} shares the file {file:?}, which is not among `files`", message.ts));
            }
        }
        if !is_ts(&message.ts) {
            problems.push(format!("message {:?}: a ts is Unix seconds, a dot and 6 digits", message.ts));
        }
    }
    for pin in &seed.pins {
        if !messages.contains(&(pin.channel.as_str(), pin.ts.as_str())) {
            problems.push(format!("pin {:?} is of no message among `messages`", pin.ts));
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(SeedError(problems.join("\n"))) }
}

/// The IDs, each noted once in `problems` when it comes twice.
fn unique<'a, T: Eq + std::hash::Hash + std::fmt::Debug + 'a>(
    ids: impl Iterator<Item = T>,
    kind: &str,
    problems: &mut Vec<String>,
) -> HashSet<T> {
    let mut seen = HashSet::new();
    for id in ids {
        if let Some(twice) = seen.replace(id) {
            problems.push(format!("two {kind}s have the ID {twice:?}"));
        }
    }
    seen
}

/// Whether `ts` is a message timestamp: up to 12 digits of seconds, a dot, six digits.
pub(super) fn is_ts(ts: &str) -> bool {
    ts.split_once('.').is_some_and(|(seconds, micros)| {
        (1..=12).contains(&seconds.len())
            && seconds.bytes().all(|b| b.is_ascii_digit())
            && micros.len() == 6
            && micros.bytes().all(|b| b.is_ascii_digit())
    })
}

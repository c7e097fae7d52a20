//! The workspace a fake holds, and the methods that read and change it as Slack does.
//!
//! The state is a [`Seed`](seed::Seed): what a test seeds is what the methods change
//! and what the control API's `GET /_fake/state` answers. Each method played is a
//! function of [`plays`], which answers Slack's JSON built by [`render`].

mod check;
mod ids;
mod paging;
mod plays;
mod render;
pub mod seed;

use std::collections::{HashMap, HashSet};

use hyper::body::Bytes;

pub(crate) use ids::Clock;
pub(crate) use plays::{names as played_methods, played};
use seed::{Channel, Message, Seed, User};

use typed_slack_runtime::MethodInfo;

use crate::{Arguments, TokenKind};

/// The workspace, and how to start it over.
#[derive(Debug)]
pub(crate) struct Workspace {
    pub(crate) data: Seed,
    /// What [`reset`](Self::reset) goes back to.
    origin: Seed,
    /// File contents, by file ID: uploaded bytes, or a seeded file's text.
    contents: HashMap<String, Bytes>,
    /// Files whose upload URL was given, by file ID, until their upload is completed.
    pub(crate) pending: HashMap<String, seed::File>,
    pub(crate) clock: Clock,
    /// The threads that have (or had) replies, by conversation and parent `ts`: a
    /// message not among them has none, so answering it needs no search of the replies.
    threads: HashSet<(String, String)>,
}

/// A call as a play sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ctx<'a> {
    pub(crate) info: &'a MethodInfo,
    pub(crate) arguments: &'a Arguments,
    pub(crate) token_kind: Option<TokenKind>,
    /// `host:port` the request came to, for the URLs an answer holds.
    pub(crate) host: &'a str,
    /// The most items a page holds for the app's cohort, when the method's spec says
    /// (15 for a commercial app off the Marketplace on `conversations.history`).
    pub(crate) max_items: Option<u32>,
}

impl Workspace {
    pub(crate) fn new(seed: Seed) -> Self {
        let mut workspace = Self {
            data: Seed::empty(),
            origin: seed,
            contents: HashMap::new(),
            pending: HashMap::new(),
            clock: Clock::default(),
            threads: HashSet::new(),
        };
        workspace.reset();
        workspace
    }

    /// Back to the seed it started from, or was last seeded with.
    pub(crate) fn reset(&mut self) {
        self.data = self.origin.clone();
        self.contents = self
            .data
            .files
            .iter_mut()
            .filter_map(|file| Some((file.id.clone(), Bytes::from(file.content.take()?))))
            .collect();
        self.pending.clear();
        // New messages come after every seeded one.
        let latest = self.data.messages.iter().map(|message| message.ts.as_str()).max_by_key(|ts| ids::micros(ts));
        self.clock = Clock::after(latest);
        self.threads = self.data.messages.iter().filter_map(thread_of).collect();
    }

    /// Adds `message` to its conversation.
    pub(crate) fn post(&mut self, message: Message) {
        if let Some(thread) = thread_of(&message) {
            self.threads.insert(thread);
        }
        self.data.messages.push(message);
    }

    /// The replies in the thread of the message `ts` of `channel`, in the order posted.
    pub(crate) fn replies(&self, channel: &str, ts: &str) -> Vec<&Message> {
        if !self.threads.contains(&(channel.to_owned(), ts.to_owned())) {
            return Vec::new();
        }
        let in_thread =
            |reply: &&Message| reply.channel == channel && reply.is_reply() && reply.thread_ts.as_deref() == Some(ts);
        self.data.messages.iter().filter(in_thread).collect()
    }

    /// The workspace now, as a seed: what reseeding gives back, file contents included
    /// when they are text.
    pub(crate) fn state(&self) -> Seed {
        let mut state = self.data.clone();
        for file in &mut state.files {
            let text = self.contents.get(&file.id).and_then(|bytes| std::str::from_utf8(bytes).ok());
            file.content = text.map(str::to_owned);
        }
        state
    }

    /// Seeded anew: `seed` is what [`reset`](Self::reset) goes back to from now on.
    pub(crate) fn seed(&mut self, seed: Seed) {
        self.origin = seed;
        self.reset();
    }

    /// The user the token of `kind` acts as: the bot's user, or the installer.
    pub(crate) fn actor(&self, kind: Option<TokenKind>) -> &str {
        match kind {
            Some(TokenKind::Bot) => &self.data.bot.user_id,
            _ => &self.data.installer,
        }
    }

    pub(crate) fn user(&self, id: &str) -> Option<&User> {
        self.data.users.iter().find(|user| user.id == id)
    }

    pub(crate) fn channel(&self, id: &str) -> Option<&Channel> {
        self.data.channels.iter().find(|channel| channel.id == id)
    }

    pub(crate) fn channel_mut(&mut self, id: &str) -> Option<&mut Channel> {
        self.data.channels.iter_mut().find(|channel| channel.id == id)
    }

    /// The channel a `channel` argument names: its ID, its name (with or without `#`),
    /// or a user's ID for the direct message with them (as `chat.postMessage` takes).
    pub(crate) fn find_channel(&self, actor: &str, name: &str) -> Option<&Channel> {
        if let Some(channel) = self.channel(name) {
            return Some(channel);
        }
        if self.user(name).is_some() {
            return self.data.channels.iter().find(|channel| {
                channel.is_im && channel.members.iter().any(|m| m == actor) && channel.members.iter().any(|m| m == name)
            });
        }
        let name = name.strip_prefix('#').unwrap_or(name);
        self.data.channels.iter().find(|channel| !channel.is_im && !channel.is_mpim && channel.name == name)
    }

    /// The message `ts` of `channel` (searched from the latest, which calls ask most).
    pub(crate) fn message(&self, channel: &str, ts: &str) -> Option<&Message> {
        self.data.messages.iter().rev().find(|message| message.channel == channel && message.ts == ts)
    }

    pub(crate) fn message_mut(&mut self, channel: &str, ts: &str) -> Option<&mut Message> {
        self.data.messages.iter_mut().rev().find(|message| message.channel == channel && message.ts == ts)
    }

    /// The content of the file `id`, if it has any.
    pub(crate) fn content(&self, id: &str) -> Option<&Bytes> {
        self.contents.get(id)
    }

    pub(crate) fn remove_content(&mut self, id: &str) {
        self.contents.remove(id);
    }

    pub(crate) fn set_content(&mut self, id: &str, content: Bytes) {
        self.contents.insert(id.to_owned(), content);
    }

    /// A new ID with this prefix, unlike any the workspace holds.
    pub(crate) fn new_id(&mut self, prefix: &str) -> String {
        loop {
            let id = self.clock.next_id(prefix);
            let taken = self.data.users.iter().any(|user| user.id == id)
                || self.data.channels.iter().any(|channel| channel.id == id)
                || self.data.files.iter().any(|file| file.id == id)
                || self.pending.contains_key(&id)
                || self.data.bookmarks.iter().any(|bookmark| bookmark.id == id)
                || self.data.usergroups.iter().any(|group| group.id == id)
                || self.data.reminders.iter().any(|reminder| reminder.id == id);
            if !taken {
                return id;
            }
        }
    }

    /// A new message `ts`, later than every one the workspace holds (or held: a seed's
    /// latest included).
    pub(crate) fn new_ts(&mut self) -> String {
        self.clock.next_ts()
    }
}

/// The conversation and parent `ts` of a reply's thread.
fn thread_of(message: &Message) -> Option<(String, String)> {
    let thread = message.thread_ts.as_ref().filter(|_| message.is_reply())?;
    Some((message.channel.clone(), thread.clone()))
}

//! What a workspace holds, in the form a test seeds it with and reads it back: from Rust
//! with [`Seed`]'s builders, from any language as JSON (a `--seed FILE`, or the control
//! API's `POST /_fake/seed`).
//!
//! Each item holds what makes it what it is (IDs, names, texts, members); the rest of
//! the fields Slack answers are filled in when it is answered.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A workspace's team, users, bot, conversations and what they hold.
///
/// [`Seed::default`] is a small, consistent workspace (see [`Seed::example`]);
/// [`Seed::empty`] has only a team, the bot and the one user the user token acts for.
/// In JSON, what a seed leaves out is as in [`Seed::empty`].
///
/// ```
/// use typed_slack_fake::seed::{Channel, Message, Seed, User};
///
/// let seed = Seed::empty()
///     .user(User::new("U0000000009", "linus").real_name("Linus Torvalds"))
///     .channel(Channel::public("C0000000009", "kernel").members(["U0000000009"]))
///     .message(Message::new("C0000000009", "1700000000.000100", "U0000000009", "hello"));
/// assert_eq!(seed.users.len(), 3);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default = "Seed::empty", deny_unknown_fields)]
pub struct Seed {
    /// The team.
    pub team: Team,
    /// Its people and bot users.
    pub users: Vec<User>,
    /// The app's bot, which bot tokens act as.
    pub bot: Bot,
    /// The ID of the user that user tokens act as (who installed the app).
    pub installer: String,
    /// Channels, private channels and direct messages.
    pub channels: Vec<Channel>,
    /// Messages and thread replies, in any order.
    pub messages: Vec<Message>,
    /// Files, shared or not.
    pub files: Vec<File>,
    /// Pinned messages.
    pub pins: Vec<Pin>,
    /// Channel bookmarks.
    pub bookmarks: Vec<Bookmark>,
    /// User groups.
    pub usergroups: Vec<Usergroup>,
    /// Reminders.
    pub reminders: Vec<Reminder>,
}

/// The team (workspace) itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Team {
    /// `T…`.
    pub id: String,
    /// Its display name.
    pub name: String,
    /// Its subdomain: `DOMAIN.slack.com`.
    pub domain: String,
}

/// A person, or the user of a bot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct User {
    /// `U…`.
    pub id: String,
    /// The username.
    pub name: String,
    /// The full name.
    pub real_name: String,
    /// The email address (none for bots).
    pub email: Option<String>,
    /// The job title.
    pub title: String,
    /// A workspace admin.
    pub is_admin: bool,
    /// A workspace owner.
    pub is_owner: bool,
    /// A bot's user.
    pub is_bot: bool,
    /// Deactivated.
    pub deleted: bool,
    /// The time zone, as in the tz database.
    pub tz: String,
}

/// The app's bot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Bot {
    /// `B…`.
    pub id: String,
    /// The app's ID, `A…`.
    pub app_id: String,
    /// Its user's ID (a [`User`] with `is_bot`).
    pub user_id: String,
    /// Its name.
    pub name: String,
}

/// A channel, private channel, direct message or group direct message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Channel {
    /// `C…` (`D…` for a direct message).
    pub id: String,
    /// Its name (empty for direct messages).
    pub name: String,
    /// A private channel.
    pub is_private: bool,
    /// A direct message between two users: [`members`](Self::members) holds both.
    pub is_im: bool,
    /// A group direct message.
    pub is_mpim: bool,
    /// The workspace's general channel, which everyone is in.
    pub is_general: bool,
    /// Archived.
    pub is_archived: bool,
    /// The IDs of its members.
    pub members: Vec<String>,
    /// Who made it.
    pub creator: String,
    /// When, in Unix seconds.
    pub created: i64,
    /// Its topic.
    pub topic: String,
    /// Its purpose.
    pub purpose: String,
}

/// A message, or a reply in a thread.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Message {
    /// The conversation's ID.
    pub channel: String,
    /// Its timestamp, unique in the conversation: `1700000000.000100`.
    pub ts: String,
    /// The author's user ID.
    pub user: String,
    /// The text.
    pub text: String,
    /// The parent's `ts`, for a reply in a thread.
    pub thread_ts: Option<String>,
    /// Whether a reply is also shown in the channel.
    pub reply_broadcast: bool,
    /// Block Kit blocks, as Slack's JSON.
    pub blocks: Option<Value>,
    /// Legacy attachments, as Slack's JSON.
    pub attachments: Option<Value>,
    /// Message metadata, as Slack's JSON.
    pub metadata: Option<Value>,
    /// The IDs of the files it shares.
    pub files: Vec<String>,
    /// Its reactions.
    pub reactions: Vec<Reaction>,
    /// The `ts` of its last edit.
    pub edited: Option<String>,
    /// Whether it is being streamed: from `chat.startStream` until `chat.stopStream`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub streaming: bool,
    /// Whether it was deleted while its thread had replies: Slack keeps such a parent
    /// as a tombstone, `This message was deleted.`
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub tombstone: bool,
}

/// One emoji's reactions to a message.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Reaction {
    /// The emoji's name, without colons.
    pub name: String,
    /// Who reacted with it, in order.
    pub users: Vec<String>,
}

/// A file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct File {
    /// `F…`.
    pub id: String,
    /// Its file name.
    pub name: String,
    /// Its title.
    pub title: String,
    /// Its MIME type.
    pub mimetype: String,
    /// Its Slack file type (`text`, `png`).
    pub filetype: String,
    /// Its size in bytes.
    pub size: u64,
    /// Who uploaded it.
    pub user: String,
    /// When, in Unix seconds.
    pub created: i64,
    /// The conversations it is shared in, with the `ts` of the message that shares it.
    pub shares: Vec<Share>,
    /// Its content, when it is text (a seeded file's, or an upload's that is UTF-8).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
}

/// Where a file is shared.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Share {
    /// The conversation's ID.
    pub channel: String,
    /// The `ts` of the message that shares it.
    pub ts: String,
}

/// A pinned message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Pin {
    /// The conversation's ID.
    pub channel: String,
    /// The message's `ts`.
    pub ts: String,
    /// Who pinned it.
    pub created_by: String,
    /// When, in Unix seconds.
    pub created: i64,
}

/// A channel bookmark.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Bookmark {
    /// `Bk…`.
    pub id: String,
    /// The conversation's ID.
    pub channel: String,
    /// Its title.
    pub title: String,
    /// Its link.
    pub link: String,
    /// Its emoji, `:smile:`.
    pub emoji: Option<String>,
    /// Who added it.
    pub created_by: String,
    /// When, in Unix seconds.
    pub created: i64,
}

/// A user group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Usergroup {
    /// `S…`.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its mention handle, without `@`.
    pub handle: String,
    /// Its description.
    pub description: String,
    /// Its members' IDs.
    pub users: Vec<String>,
    /// Who made it.
    pub created_by: String,
    /// When, in Unix seconds.
    pub created: i64,
}

/// A reminder.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Reminder {
    /// `Rm…`.
    pub id: String,
    /// Who made it.
    pub creator: String,
    /// Who is reminded.
    pub user: String,
    /// What of.
    pub text: String,
    /// When, in Unix seconds.
    pub time: i64,
    /// When it was marked done, in Unix seconds; 0 while it is not.
    pub complete_ts: i64,
}

/// A seed that is not valid JSON of a [`Seed`], or whose items do not fit together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedError(pub(crate) String);

impl std::fmt::Display for SeedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SeedError {}

/// When the example workspace's items were made: 2023-11-14.
const CREATED: i64 = 1_700_000_000;

impl Seed {
    /// The team `Fake Slack` with only the bot `fakebot` (`U0000000003`, whose ID bot
    /// tokens act as) and `ada` (`U0000000001`, the installer, whom user tokens act as).
    pub fn empty() -> Self {
        Self {
            team: Team::default(),
            users: vec![
                User::new("U0000000001", "ada")
                    .real_name("Ada Lovelace")
                    .email("ada@example.com")
                    .title("Analyst")
                    .admin(),
                User::bot_user("U0000000003", "fakebot"),
            ],
            bot: Bot::default(),
            installer: "U0000000001".to_owned(),
            channels: Vec::new(),
            messages: Vec::new(),
            files: Vec::new(),
            pins: Vec::new(),
            bookmarks: Vec::new(),
            usergroups: Vec::new(),
            reminders: Vec::new(),
        }
    }

    /// The workspace a fake starts with unless seeded: the team `Fake Slack`; the users
    /// `ada` (`U0000000001`, admin and installer) and `grace` (`U0000000002`); the bot
    /// `fakebot` (user `U0000000003`, bot `B0000000001`, app `A0000000001`);
    /// `#general` (`C0000000001`, everyone), `#random` (`C0000000002`, everyone),
    /// the private `#secret-plans` (`C0000000003`, ada only) and ada's direct messages
    /// with the bot (`D0000000001`); a message in `#general` with one reply, a reaction
    /// and a pin; a bookmark, a user group and a reminder.
    pub fn example() -> Self {
        let everyone = ["U0000000001", "U0000000002", "U0000000003"];
        let mut thread = Message::new("C0000000001", "1700000000.000100", "U0000000001", "Welcome to Fake Slack!");
        thread.reactions.push(Reaction { name: "wave".to_owned(), users: vec!["U0000000002".to_owned()] });
        Self::empty()
            .user(User::new("U0000000002", "grace").real_name("Grace Hopper").email("grace@example.com"))
            .channel(
                Channel::public("C0000000001", "general")
                    .members(everyone)
                    .general()
                    .purpose("This channel is for workspace-wide communication."),
            )
            .channel(Channel::public("C0000000002", "random").members(everyone))
            .channel(Channel::private("C0000000003", "secret-plans").members(["U0000000001"]))
            .channel(Channel::im("D0000000001", "U0000000001", "U0000000003"))
            .message(thread)
            .message(
                Message::new("C0000000001", "1700000000.000200", "U0000000002", "Thanks, glad to be here.")
                    .in_thread("1700000000.000100"),
            )
            .pin(Pin {
                channel: "C0000000001".to_owned(),
                ts: "1700000000.000100".to_owned(),
                created_by: "U0000000001".to_owned(),
                created: CREATED,
            })
            .bookmark(Bookmark {
                id: "Bk00000001".to_owned(),
                channel: "C0000000001".to_owned(),
                title: "Handbook".to_owned(),
                link: "https://example.com/handbook".to_owned(),
                emoji: Some(":book:".to_owned()),
                created_by: "U0000000001".to_owned(),
                created: CREATED,
            })
            .usergroup(Usergroup {
                id: "S0000000001".to_owned(),
                name: "Admins".to_owned(),
                handle: "admins".to_owned(),
                description: "The workspace's admins".to_owned(),
                users: vec!["U0000000001".to_owned()],
                created_by: "U0000000001".to_owned(),
                created: CREATED,
            })
            .reminder(Reminder {
                id: "Rm00000001".to_owned(),
                creator: "U0000000001".to_owned(),
                user: "U0000000001".to_owned(),
                text: "Read the handbook".to_owned(),
                time: CREATED + 86_400,
                complete_ts: 0,
            })
    }

    /// A seed from a JSON value, checked like [`check`](Self::check).
    ///
    /// # Errors
    ///
    /// When the value is not a seed, or its items do not fit together.
    pub fn from_value(value: Value) -> Result<Self, SeedError> {
        let seed: Self = serde_json::from_value(value).map_err(|error| SeedError(format!("not a seed: {error}")))?;
        seed.check()?;
        Ok(seed)
    }

    /// A seed from JSON, checked like [`check`](Self::check).
    ///
    /// # Errors
    ///
    /// When the JSON is not a seed (with its line and column), or its items do not fit
    /// together.
    pub fn from_json(json: &str) -> Result<Self, SeedError> {
        let seed: Self = serde_json::from_str(json).map_err(|error| SeedError(format!("not a seed: {error}")))?;
        seed.check()?;
        Ok(seed)
    }

    /// Checks that the items fit together: IDs are unique, and every ID an item refers to
    /// (a member, an author, a channel, a file, a thread) is there.
    ///
    /// # Errors
    ///
    /// Every problem, one per line.
    pub fn check(&self) -> Result<(), SeedError> {
        super::check::check(self)
    }

    /// The same seed with `user` too.
    pub fn user(mut self, user: User) -> Self {
        self.users.push(user);
        self
    }

    /// The same seed with `channel` too.
    pub fn channel(mut self, channel: Channel) -> Self {
        self.channels.push(channel);
        self
    }

    /// The same seed with `message` too.
    pub fn message(mut self, message: Message) -> Self {
        self.messages.push(message);
        self
    }

    /// The same seed with `file` too.
    pub fn file(mut self, file: File) -> Self {
        self.files.push(file);
        self
    }

    /// The same seed with `pin` too.
    pub fn pin(mut self, pin: Pin) -> Self {
        self.pins.push(pin);
        self
    }

    /// The same seed with `bookmark` too.
    pub fn bookmark(mut self, bookmark: Bookmark) -> Self {
        self.bookmarks.push(bookmark);
        self
    }

    /// The same seed with `usergroup` too.
    pub fn usergroup(mut self, usergroup: Usergroup) -> Self {
        self.usergroups.push(usergroup);
        self
    }

    /// The same seed with `reminder` too.
    pub fn reminder(mut self, reminder: Reminder) -> Self {
        self.reminders.push(reminder);
        self
    }
}

impl Default for Seed {
    fn default() -> Self {
        Self::example()
    }
}

impl Default for Team {
    fn default() -> Self {
        Self { id: "T0000000001".to_owned(), name: "Fake Slack".to_owned(), domain: "fake-slack".to_owned() }
    }
}

impl Default for Bot {
    fn default() -> Self {
        Self {
            id: "B0000000001".to_owned(),
            app_id: "A0000000001".to_owned(),
            user_id: "U0000000003".to_owned(),
            name: "fakebot".to_owned(),
        }
    }
}

impl Default for User {
    fn default() -> Self {
        Self {
            id: String::new(),
            name: String::new(),
            real_name: String::new(),
            email: None,
            title: String::new(),
            is_admin: false,
            is_owner: false,
            is_bot: false,
            deleted: false,
            tz: "Europe/London".to_owned(),
        }
    }
}

impl User {
    /// A person with this ID and username.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Self {
        let name = name.into();
        Self { id: id.into(), real_name: name.clone(), name, ..Self::default() }
    }

    /// A bot's user with this ID and name.
    pub fn bot_user(id: impl Into<String>, name: impl Into<String>) -> Self {
        Self { is_bot: true, ..Self::new(id, name) }
    }

    /// The same user with this full name.
    pub fn real_name(mut self, real_name: impl Into<String>) -> Self {
        self.real_name = real_name.into();
        self
    }

    /// The same user with this email address.
    pub fn email(mut self, email: impl Into<String>) -> Self {
        self.email = Some(email.into());
        self
    }

    /// The same user with this job title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = title.into();
        self
    }

    /// The same user, a workspace admin and owner.
    pub fn admin(mut self) -> Self {
        self.is_admin = true;
        self.is_owner = true;
        self
    }
}

impl Channel {
    /// A public channel.
    pub fn public(id: impl Into<String>, name: impl Into<String>) -> Self {
        Self { id: id.into(), name: name.into(), ..Self::default() }
    }

    /// A private channel.
    pub fn private(id: impl Into<String>, name: impl Into<String>) -> Self {
        Self { is_private: true, ..Self::public(id, name) }
    }

    /// A direct message between `user` and `other`.
    pub fn im(id: impl Into<String>, user: impl Into<String>, other: impl Into<String>) -> Self {
        let members = vec![user.into(), other.into()];
        Self { is_im: true, is_private: true, creator: members[0].clone(), members, ..Self::public(id, "") }
    }

    /// The same channel with these members (the first one made it, unless a creator
    /// was given).
    pub fn members<S: Into<String>>(mut self, members: impl IntoIterator<Item = S>) -> Self {
        self.members = members.into_iter().map(Into::into).collect();
        if self.creator.is_empty() {
            self.creator = self.members.first().cloned().unwrap_or_default();
        }
        self
    }

    /// The same channel, the workspace's general channel.
    pub fn general(mut self) -> Self {
        self.is_general = true;
        self
    }

    /// The same channel with this topic.
    pub fn topic(mut self, topic: impl Into<String>) -> Self {
        self.topic = topic.into();
        self
    }

    /// The same channel with this purpose.
    pub fn purpose(mut self, purpose: impl Into<String>) -> Self {
        self.purpose = purpose.into();
        self
    }
}

impl Default for Channel {
    fn default() -> Self {
        Self {
            id: String::new(),
            name: String::new(),
            is_private: false,
            is_im: false,
            is_mpim: false,
            is_general: false,
            is_archived: false,
            members: Vec::new(),
            creator: String::new(),
            created: CREATED,
            topic: String::new(),
            purpose: String::new(),
        }
    }
}

impl Message {
    /// A message with text.
    pub fn new(
        channel: impl Into<String>,
        ts: impl Into<String>,
        user: impl Into<String>,
        text: impl Into<String>,
    ) -> Self {
        Self { channel: channel.into(), ts: ts.into(), user: user.into(), text: text.into(), ..Self::default() }
    }

    /// The same message, a reply in the thread of the message `thread_ts`.
    pub fn in_thread(mut self, thread_ts: impl Into<String>) -> Self {
        self.thread_ts = Some(thread_ts.into());
        self
    }

    /// Whether it is a reply in a thread (and not the thread's parent).
    pub(crate) fn is_reply(&self) -> bool {
        self.thread_ts.as_ref().is_some_and(|thread| *thread != self.ts)
    }
}

impl Default for File {
    fn default() -> Self {
        Self {
            id: String::new(),
            name: String::new(),
            title: String::new(),
            mimetype: "text/plain".to_owned(),
            filetype: "text".to_owned(),
            size: 0,
            user: String::new(),
            created: CREATED,
            shares: Vec::new(),
            content: None,
        }
    }
}

impl Default for Pin {
    fn default() -> Self {
        Self { channel: String::new(), ts: String::new(), created_by: String::new(), created: CREATED }
    }
}

impl Default for Bookmark {
    fn default() -> Self {
        Self {
            id: String::new(),
            channel: String::new(),
            title: String::new(),
            link: String::new(),
            emoji: None,
            created_by: String::new(),
            created: CREATED,
        }
    }
}

impl Default for Usergroup {
    fn default() -> Self {
        Self {
            id: String::new(),
            name: String::new(),
            handle: String::new(),
            description: String::new(),
            users: Vec::new(),
            created_by: String::new(),
            created: CREATED,
        }
    }
}

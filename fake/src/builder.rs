//! Configuring and starting a [`FakeSlack`].

use std::collections::HashMap;
use std::fmt;
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::oneshot;
use typed_slack_runtime::{Catalogued, MethodInfo};

use crate::behaviours::{self, Behaviour};
use crate::log::{Log, RecordLimits};
use crate::rate_limit::{RateLimiter, RateLimits};
use crate::script::Scripts;
use crate::serve::serve;
use crate::state::{Shared, State};
use crate::tokens::Tokens;
use crate::workspace::Workspace;
use crate::{FakeSlack, Seed, TokenKind};

/// Configures a [`FakeSlack`]; start with [`FakeSlack::builder`].
///
/// By default it serves no method (give them with [`methods`](Self::methods) or
/// [`method`](Self::method)), accepts [`FakeSlack::BOT_TOKEN`] and
/// [`FakeSlack::USER_TOKEN`] (unless given tokens of its own), listens on a free port of
/// 127.0.0.1, does not limit rates, and uses the built-in [`behaviours`](crate::behaviours).
#[must_use = "a builder does nothing until `start` is called"]
pub struct FakeSlackBuilder {
    methods: Vec<MethodInfo>,
    tokens: Tokens,
    port: u16,
    rate_limits: RateLimits,
    behaviours: Vec<Box<dyn Behaviour>>,
    built_in_behaviours: bool,
    record_limits: RecordLimits,
    seed: Seed,
}

impl FakeSlackBuilder {
    pub(crate) fn new() -> Self {
        Self {
            methods: Vec::new(),
            tokens: Tokens::default(),
            port: 0,
            rate_limits: RateLimits::off(),
            behaviours: Vec::new(),
            built_in_behaviours: true,
            record_limits: RecordLimits::DEFAULT,
            seed: Seed::default(),
        }
    }

    /// Starts with this workspace instead of [`Seed::example`]; the control API's
    /// `POST /_fake/reset` and [`FakeSlack::reset`] go back to it. [`start`](Self::start)
    /// checks it ([`Seed::check`]).
    pub fn seed(mut self, seed: Seed) -> Self {
        self.seed = seed;
        self
    }

    /// How much of what it receives the fake keeps for [`FakeSlack::requests`]: by
    /// default the latest 1,000 requests, each body cut to 64 KiB
    /// ([`RecordLimits::DEFAULT`]), so that memory stays bounded however long it runs.
    pub fn record_limits(mut self, limits: RecordLimits) -> Self {
        self.record_limits = limits;
        self
    }

    /// Serves these methods: `typed_slack::catalog()` for every method compiled into
    /// `typed-slack`. A method given twice is served once, as last given.
    pub fn methods(mut self, methods: impl IntoIterator<Item = MethodInfo>) -> Self {
        self.methods.extend(methods);
        self
    }

    /// Serves the method `M`.
    pub fn method<M: Catalogued>(self) -> Self {
        self.methods([MethodInfo::of::<M>()])
    }

    /// Accepts `token`, of the kind its prefix tells: `xoxb-` for a bot token, anything
    /// else a user token (see [`TokenKind::infer`]). Once any token is given, the default
    /// ones are not accepted.
    pub fn token(self, token: &str) -> Self {
        self.token_of_kind(token, TokenKind::infer(token))
    }

    /// Accepts `token` as a token of `kind`, whatever its prefix.
    pub fn token_of_kind(mut self, token: &str, kind: TokenKind) -> Self {
        self.tokens.insert(token, kind);
        self
    }

    /// Listens on this port of 127.0.0.1 instead of a free one.
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// Limits calls by rate tier (default [`RateLimits::off`]).
    pub fn rate_limits(mut self, limits: RateLimits) -> Self {
        self.rate_limits = limits;
        self
    }

    /// Answers the valid, unscripted calls of [`Behaviour::method`] with `behaviour`, in
    /// place of the built-in one.
    pub fn behaviour(mut self, behaviour: impl Behaviour) -> Self {
        self.behaviours.push(Box::new(behaviour));
        self
    }

    /// Uses no built-in behaviour and keeps no workspace: every method answers its
    /// documented example (or a placeholder for every required field) unless a test
    /// scripts otherwise (behaviours given with [`behaviour`](Self::behaviour) still
    /// apply).
    pub fn without_behaviours(mut self) -> Self {
        self.built_in_behaviours = false;
        self
    }

    /// Binds 127.0.0.1 and starts serving in the background, on the current tokio
    /// runtime (which needs its IO and time drivers: `#[tokio::test]` and
    /// `#[tokio::main]` have them).
    ///
    /// # Errors
    ///
    /// When the port cannot be bound (it is taken), or the seed's items do not fit
    /// together (`InvalidInput`, every problem in the message).
    pub async fn start(self) -> io::Result<FakeSlack> {
        self.seed.check().map_err(|problems| io::Error::new(io::ErrorKind::InvalidInput, problems))?;
        let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, self.port))).await?;
        let address = listener.local_addr()?;
        let shared = Arc::new(Shared::new(self.into_state()));
        let (stop, stopped) = oneshot::channel();
        let server = tokio::spawn(serve(listener, shared.clone(), stopped));
        Ok(FakeSlack::running(address, shared, stop, server))
    }

    fn into_state(mut self) -> State {
        if self.tokens.is_empty() {
            self.tokens.insert(FakeSlack::BOT_TOKEN, TokenKind::Bot);
            self.tokens.insert(FakeSlack::USER_TOKEN, TokenKind::User);
        }
        let methods: HashMap<&'static str, MethodInfo> = self.methods.iter().map(|info| (info.name, *info)).collect();
        let mut behaviours = HashMap::new();
        if self.built_in_behaviours {
            for name in methods.keys() {
                if let Some(behaviour) = behaviours::built_in(name) {
                    behaviours.insert((*name).to_owned(), behaviour);
                }
            }
        }
        let mut built_in: Vec<String> = behaviours.keys().cloned().collect();
        built_in.sort();
        let mut given = Vec::new();
        for behaviour in self.behaviours {
            given.push(behaviour.method().to_owned());
            behaviours.insert(behaviour.method().to_owned(), behaviour);
        }
        let built_in = built_in.into_iter().filter(|name| !given.contains(name)).collect();
        State {
            methods,
            tokens: self.tokens,
            scripts: Scripts::default(),
            behaviours,
            built_in,
            limiter: RateLimiter::new(self.rate_limits),
            requests: Log::new(self.record_limits),
            workspace: Workspace::new(self.seed),
            plays: self.built_in_behaviours,
        }
    }
}

impl fmt::Debug for FakeSlackBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeSlackBuilder")
            .field("methods", &self.methods.len())
            .field("tokens", &self.tokens)
            .field("port", &self.port)
            .field("rate_limits", &self.rate_limits)
            .field("behaviours", &self.behaviours)
            .field("built_in_behaviours", &self.built_in_behaviours)
            .field("record_limits", &self.record_limits)
            .field("seed", &format_args!("{} users, {} channels", self.seed.users.len(), self.seed.channels.len()))
            .finish()
    }
}

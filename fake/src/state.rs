//! What a running fake knows and remembers, shared by its connections, its in-process
//! transport and its handle.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use typed_slack_runtime::MethodInfo;

use crate::behaviours::Behaviour;
use crate::log::Log;
use crate::rate_limit::RateLimiter;
use crate::script::Scripts;
use crate::tokens::Tokens;
use crate::workspace::Workspace;

/// The state behind one lock, held only while a request is decided, never across an
/// `await`.
#[derive(Debug)]
pub(crate) struct Shared(Mutex<State>);

#[derive(Debug)]
pub(crate) struct State {
    /// The methods served, by name.
    pub(crate) methods: HashMap<&'static str, MethodInfo>,
    pub(crate) tokens: Tokens,
    pub(crate) scripts: Scripts,
    /// By method name.
    pub(crate) behaviours: HashMap<String, Box<dyn Behaviour>>,
    /// The methods whose behaviour is the built-in one, which a reset starts afresh.
    pub(crate) built_in: Vec<String>,
    pub(crate) limiter: RateLimiter,
    /// The latest requests, in the order they arrived.
    pub(crate) requests: Log,
    /// The team, its people, conversations and messages.
    pub(crate) workspace: Workspace,
    /// Whether the methods the workspace plays read and change it (else they answer
    /// their examples, as every other method does).
    pub(crate) plays: bool,
}

impl Shared {
    pub(crate) fn new(state: State) -> Self {
        Self(Mutex::new(state))
    }

    /// The state. A panic while it was held (in a test's behaviour) does not make it
    /// unusable: every change to it is complete before anything can panic.
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

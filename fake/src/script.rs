//! The answers a test queues for a method.

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::marker::PhantomData;
use std::time::Duration;

use serde_json::Value;
use typed_slack_runtime::Code;

use crate::Reply;
use crate::state::Shared;

/// The queued answers of every method, by name.
#[derive(Debug, Default)]
pub(crate) struct Scripts(HashMap<String, VecDeque<Entry>>);

#[derive(Debug)]
struct Entry {
    reply: Reply,
    /// How many more calls it answers; `None`: every call from now on.
    remaining: Option<u32>,
}

impl Scripts {
    pub(crate) fn push(&mut self, method: &str, reply: Reply, times: Option<u32>) {
        if times == Some(0) {
            return;
        }
        self.0.entry(method.to_owned()).or_default().push_back(Entry { reply, remaining: times });
    }

    /// Drops every queued answer.
    pub(crate) fn clear(&mut self) {
        self.0.clear();
    }

    /// The next queued answer for `method`, used up.
    pub(crate) fn next(&mut self, method: &str) -> Option<Reply> {
        let queue = self.0.get_mut(method)?;
        let entry = queue.front_mut()?;
        let reply = entry.reply.clone();
        match &mut entry.remaining {
            None => {}
            Some(1) => {
                queue.pop_front();
            }
            Some(remaining) => *remaining -= 1,
        }
        Some(reply)
    }
}

/// Queues answers for the valid calls of one method; get one with
/// [`FakeSlack::on`](crate::FakeSlack::on) (typed: [`fail`](Self::fail) takes the
/// method's error enum) or [`FakeSlack::on_method`](crate::FakeSlack::on_method) (by
/// name).
///
/// Each answer is queued for the next call by default; [`times`](Self::times) and
/// [`always`](Self::always) say for how many, [`delay`](Self::delay) how long to wait
/// before answering. Queued answers are used in order, before the method's behaviour,
/// play on the workspace or sample response, and only by calls that pass validation: a
/// call without a valid token still gets `not_authed`. An [`always`](Self::always) answer keeps the ones queued
/// after it waiting forever.
///
/// ```
/// # use std::time::Duration;
/// # use typed_slack::{AppsPermissionsUsersRequest, AppsPermissionsUsersRequestError};
/// # async fn run(slack: typed_slack_fake::FakeSlack) {
/// slack.on::<AppsPermissionsUsersRequest>().fail(AppsPermissionsUsersRequestError::InvalidTrigger);
/// slack.on::<AppsPermissionsUsersRequest>().times(2).rate_limited(Duration::from_secs(30));
/// slack.on::<AppsPermissionsUsersRequest>().delay(Duration::from_secs(5)).succeed();
/// slack.on_method("chat.postMessage").always().server_error(502);
/// # }
/// ```
#[must_use = "a script queues nothing until an answer is given"]
pub struct Script<'a, E = ()> {
    shared: &'a Shared,
    method: String,
    times: Option<u32>,
    delay: Duration,
    code: PhantomData<fn(E)>,
}

impl<'a, E> Script<'a, E> {
    pub(crate) fn new(shared: &'a Shared, method: String) -> Self {
        Self { shared, method, times: Some(1), delay: Duration::ZERO, code: PhantomData }
    }

    /// Answers the next `times` calls (default 1; 0 queues nothing).
    pub fn times(mut self, times: u32) -> Self {
        self.times = Some(times);
        self
    }

    /// Answers every call from then on.
    pub fn always(mut self) -> Self {
        self.times = None;
        self
    }

    /// Waits `delay` before answering, on tokio's clock.
    pub fn delay(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }

    /// Queues `reply`.
    pub fn reply(self, reply: Reply) {
        let reply = if self.delay.is_zero() { reply } else { reply.delayed(self.delay) };
        self.shared.lock().scripts.push(&self.method, reply, self.times);
    }

    /// Succeeds with the method's sample response.
    pub fn succeed(self) {
        self.reply(Reply::sample());
    }

    /// Succeeds with `body` (`"ok": true` is added to an object without `ok`).
    pub fn succeed_with(self, body: Value) {
        self.reply(Reply::success(body));
    }

    /// Fails with a code, documented or not, given as text.
    pub fn fail_with_code(self, code: &str) {
        self.reply(Reply::error(code));
    }

    /// Answers HTTP 429 with `Retry-After`.
    pub fn rate_limited(self, retry_after: Duration) {
        self.reply(Reply::rate_limited(retry_after));
    }

    /// Answers an HTML error page with `status` (a 5xx).
    pub fn server_error(self, status: u16) {
        self.reply(Reply::server_error(status));
    }

    /// Answers exactly `response`.
    pub fn respond(self, response: http::Response<Vec<u8>>) {
        self.reply(Reply::raw(response));
    }
}

impl<E> fmt::Debug for Script<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Script")
            .field("method", &self.method)
            .field("times", &self.times)
            .field("delay", &self.delay)
            .finish_non_exhaustive()
    }
}

impl<E: Code> Script<'_, E> {
    /// Fails with one of the method's error codes, chosen by its variant, or with a
    /// code every method can answer (a `CommonError`).
    pub fn fail(self, code: impl Into<E>) {
        self.reply(Reply::error(code.into().code()));
    }

    /// Fails with one of the method's error codes and more fields beside it (an
    /// object), such as `needed` and `provided` for `missing_scope`.
    pub fn fail_with(self, code: impl Into<E>, fields: Value) {
        self.reply(Reply::error_with(code.into().code(), fields));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(scripts: &mut Scripts, calls: usize) -> Vec<Option<String>> {
        let info = crate::testing::post();
        (0..calls).map(|_| scripts.next("m").map(|reply| reply.render(&info, &[]).error.unwrap_or_default())).collect()
    }

    #[test]
    fn answers_are_used_in_order_as_many_times_as_queued() {
        let mut scripts = Scripts::default();
        scripts.push("m", Reply::error("a"), Some(2));
        scripts.push("m", Reply::error("none"), Some(0));
        scripts.push("m", Reply::error("b"), Some(1));
        let expected = [Some("a".to_owned()), Some("a".to_owned()), Some("b".to_owned()), None];
        assert_eq!(codes(&mut scripts, 4), expected);
        assert_eq!(scripts.next("other").map(|_| ()), None);
    }

    #[test]
    fn an_answer_for_always_stays() {
        let mut scripts = Scripts::default();
        scripts.push("m", Reply::error("a"), None);
        scripts.push("m", Reply::error("never"), Some(1));
        assert_eq!(codes(&mut scripts, 3), [Some("a".to_owned()), Some("a".to_owned()), Some("a".to_owned())]);
    }
}

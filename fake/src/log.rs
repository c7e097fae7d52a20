//! The requests a fake keeps for a test's assertions: the latest ones, each body capped,
//! so that a long run (a load test, a fake left serving an app) holds bounded memory.

use std::collections::VecDeque;

use hyper::body::Bytes;
use serde_json::Value;

use crate::Request;

/// How much of what it receives a fake keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordLimits {
    /// The most requests kept; older ones are forgotten first.
    pub requests: usize,
    /// The most bytes kept of a request's body, and of each text argument decoded from
    /// it; a longer one is cut (see [`Request::body_len`]).
    pub body_bytes: usize,
}

impl RecordLimits {
    /// The latest 1,000 requests, of at most 64 KiB each (a message of 50 blocks is
    /// about 30 KiB): what a test reads, 64 MiB at worst.
    pub const DEFAULT: Self = Self { requests: 1_000, body_bytes: 64 * 1024 };
}

impl Default for RecordLimits {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// The requests kept, oldest first.
#[derive(Debug)]
pub(crate) struct Log {
    kept: VecDeque<Request>,
    limits: RecordLimits,
    /// Requests forgotten to make room, since the start.
    forgotten: u64,
}

impl Log {
    pub(crate) fn new(limits: RecordLimits) -> Self {
        Self { kept: VecDeque::new(), limits, forgotten: 0 }
    }

    /// Keeps `request`, its body and text arguments cut to the limit, forgetting the
    /// oldest request when the log is full.
    pub(crate) fn push(&mut self, mut request: Request) {
        let cap = self.limits.body_bytes;
        if request.body.len() > cap {
            request.body = Bytes::copy_from_slice(&request.body[..cap]);
            request.arguments.cut_texts(cap);
        }
        if self.limits.requests == 0 {
            self.forgotten += 1;
            return;
        }
        if self.kept.len() == self.limits.requests {
            self.kept.pop_front();
            self.forgotten += 1;
        }
        self.kept.push_back(request);
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &Request> {
        self.kept.iter()
    }

    /// The requests kept from the one numbered `since` on (the first request received
    /// is 0), each with its number.
    pub(crate) fn since(&self, since: u64) -> impl Iterator<Item = (u64, &Request)> {
        let first = self.forgotten;
        let skip = usize::try_from(since.saturating_sub(first)).unwrap_or(usize::MAX);
        self.kept.iter().enumerate().skip(skip).map(move |(index, request)| (first + index as u64, request))
    }

    /// The number the next request will have.
    pub(crate) fn next_number(&self) -> u64 {
        self.forgotten + self.kept.len() as u64
    }

    pub(crate) fn forgotten(&self) -> u64 {
        self.forgotten
    }
}

/// `text` cut to at most `cap` bytes, at a character boundary.
pub(crate) fn cut(text: &mut String, cap: usize) {
    if text.len() > cap {
        let mut end = cap;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
}

/// Cuts every string in `value` to at most `cap` bytes.
pub(crate) fn cut_value(value: &mut Value, cap: usize) {
    match value {
        Value::String(text) => cut(text, cap),
        Value::Array(items) => items.iter_mut().for_each(|item| cut_value(item, cap)),
        Value::Object(fields) => fields.values_mut().for_each(|item| cut_value(item, cap)),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

//! Turning a request's arguments into a request body.
//!
//! Every call is a `POST` with the arguments in the body. Slack accepts `POST` for
//! every method (its documentation's "preferred HTTP method" is a preference), and a
//! body keeps arguments out of URLs, which end up in proxy and server logs. The token is
//! not an argument at all: it travels in the `Authorization` header.

use crate::{ArgWriter, ContentType, FormArgs, JsonArgs, Method};

/// `application/x-www-form-urlencoded` with no `charset` parameter: form bodies are
/// defined without one, and Slack answers a `superfluous_charset` warning to one.
pub(crate) const FORM_CONTENT_TYPE: &str = "application/x-www-form-urlencoded";

/// `application/json` with the `charset` Slack asks for (else it warns `missing_charset`).
pub(crate) const JSON_CONTENT_TYPE: &str = "application/json; charset=utf-8";

/// How the client encodes arguments.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BodyEncoding {
    /// A form body (`application/x-www-form-urlencoded`) for every method. Every method
    /// accepts it; JSON-encoded arguments (`blocks`) go as JSON strings inside the form.
    #[default]
    Form,
    /// A JSON body (`application/json; charset=utf-8`) for the methods whose spec says
    /// they accept one (`application/json` among [`Method::CONTENT_TYPES`]), a form body for the others.
    JsonWhereAccepted,
}

/// A request body and its `Content-Type`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EncodedBody {
    pub(crate) content_type: &'static str,
    pub(crate) bytes: Vec<u8>,
}

impl BodyEncoding {
    /// Encodes `request`'s arguments as this encoding asks, given what the method accepts,
    /// with its `limit` argument at most `max_limit` when given.
    pub(crate) fn encode<M: Method>(
        self,
        request: &M,
        max_limit: Option<u32>,
    ) -> Result<EncodedBody, serde_json::Error> {
        if self == Self::JsonWhereAccepted && ContentType::includes_json(M::CONTENT_TYPES) {
            let mut args = JsonArgs::new();
            request.write_args(&mut CappedLimit { args: &mut args, max_limit })?;
            Ok(EncodedBody { content_type: JSON_CONTENT_TYPE, bytes: args.finish() })
        } else {
            let mut args = FormArgs::new();
            request.write_args(&mut CappedLimit { args: &mut args, max_limit })?;
            Ok(EncodedBody { content_type: FORM_CONTENT_TYPE, bytes: args.finish().into_bytes() })
        }
    }
}

/// The name of the argument that sets how many items a page holds.
const LIMIT: &str = "limit";

/// Writes the arguments to `args`, the page size (`limit`) capped at `max_limit`: the
/// most items a page holds for the app (15 on `conversations.history` for commercial
/// apps off the Marketplace).
struct CappedLimit<'a, W> {
    args: &'a mut W,
    max_limit: Option<u32>,
}

impl<W: ArgWriter> ArgWriter for CappedLimit<'_, W> {
    fn text(&mut self, name: &str, value: &str) {
        self.args.text(name, value);
    }

    fn comma_list<I>(&mut self, name: &str, values: I)
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        self.args.comma_list(name, values);
    }

    fn boolean(&mut self, name: &str, value: bool) {
        self.args.boolean(name, value);
    }

    fn integer(&mut self, name: &str, value: i64) {
        match self.max_limit {
            Some(max) if name == LIMIT && value > i64::from(max) => {
                tracing::debug!(limit = value, max, "the page size is capped for the app's cohort");
                self.args.integer(name, i64::from(max));
            }
            _ => self.args.integer(name, value),
        }
    }

    fn number(&mut self, name: &str, value: f64) {
        self.args.number(name, value);
    }

    fn json<T: serde::Serialize + ?Sized>(&mut self, name: &str, value: &T) -> Result<(), serde_json::Error> {
        self.args.json(name, value)
    }
}

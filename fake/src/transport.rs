//! A [`Transport`] that hands requests to the fake without a network, for tests on a
//! paused clock.

use std::fmt;
use std::sync::Arc;

use hyper::body::Bytes;
use typed_slack_runtime::{Transport, TransportFuture};

use crate::handler::handle;
use crate::state::Shared;

/// Hands the client's requests straight to the fake, in the same task: no socket, no
/// connection, the same validation, scripts, behaviours and records as over HTTP.
///
/// With real sockets, a test on tokio's paused clock can see time jump while a request
/// is in flight. Through this transport, every wait is a timer that the paused clock
/// runs at once, so delays and rate limits are exact. Only the path of the URL is read,
/// so the client keeps its default base URL. Get one with
/// [`FakeSlack::transport`](crate::FakeSlack::transport).
#[derive(Clone)]
pub struct InProcessTransport {
    pub(crate) shared: Arc<Shared>,
}

impl Transport for InProcessTransport {
    fn send(&self, request: http::Request<Vec<u8>>) -> TransportFuture<'_> {
        Box::pin(async move {
            let response = handle(&self.shared, request.map(Bytes::from)).await;
            Ok(response.map(|body| body.to_vec()))
        })
    }
}

impl fmt::Debug for InProcessTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InProcessTransport").finish_non_exhaustive()
    }
}

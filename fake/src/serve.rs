//! The HTTP/1.1 server: accepts connections on the bound listener and hands each
//! request to the handler, until told to stop.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinSet;

use crate::handler::handle;
use crate::state::Shared;

/// How long to wait after a failed `accept` before the next one.
const ACCEPT_RETRY: Duration = Duration::from_millis(50);

/// Serves connections until `stop` fires or is dropped. The connections live in this
/// task's [`JoinSet`], so they end with it, whether it returns or is aborted.
pub(crate) async fn serve(listener: TcpListener, shared: Arc<Shared>, mut stop: oneshot::Receiver<()>) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = &mut stop => break,
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else {
                    // Out of file descriptors, say: let connections end before trying again.
                    tokio::time::sleep(ACCEPT_RETRY).await;
                    continue;
                };
                let shared = shared.clone();
                connections.spawn(async move {
                    let service = service_fn(move |request| answer(shared.clone(), request));
                    // A client that gives up (a timeout) closes its connection: not a failure.
                    let _ = http1::Builder::new().serve_connection(TokioIo::new(stream), service).await;
                });
            }
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}

async fn answer(
    shared: Arc<Shared>,
    request: http::Request<Incoming>,
) -> Result<http::Response<Full<Bytes>>, Infallible> {
    let (parts, body) = request.into_parts();
    // A body cut short is read as far as it came.
    let body = body.collect().await.map(|collected| collected.to_bytes()).unwrap_or_default();
    let response = handle(&shared, http::Request::from_parts(parts, body)).await;
    Ok(response.map(Full::new))
}

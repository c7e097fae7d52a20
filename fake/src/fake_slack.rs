//! A running fake: where it listens, how to script it, what it received.

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use typed_slack_runtime::{Catalogued, Client, ClientBuilder, Method, MethodInfo, Token};

use crate::seed::SeedError;
use crate::state::Shared;
use crate::{FakeSlackBuilder, InProcessTransport, Request, Script, Seed};

/// A fake Slack Web API on 127.0.0.1, answering the methods it was given like Slack.
///
/// Each request is checked the way Slack checks it (see the [crate] documentation),
/// then answered with the next [scripted](Self::on) answer, the method's
/// [behaviour](crate::behaviours), its play on the workspace ([`Seed`]), or its sample
/// response; and recorded
/// ([`requests`](Self::requests)).
///
/// It stops when dropped, or with [`shutdown`](Self::shutdown).
#[derive(Debug)]
pub struct FakeSlack {
    address: SocketAddr,
    base_url: String,
    shared: Arc<Shared>,
    stop: Option<oneshot::Sender<()>>,
    server: JoinHandle<()>,
}

impl FakeSlack {
    /// A bot token the fake accepts unless given its own.
    pub const BOT_TOKEN: &'static str = "xoxb-0000000000-fake-slack-bot-token";

    /// A user token the fake accepts unless given its own.
    pub const USER_TOKEN: &'static str = "xoxp-0000000000-fake-slack-user-token";

    /// The app's client ID `oauth.v2.access` accepts unless its behaviour is given
    /// another ([`OAuthAccess`](crate::behaviours::OAuthAccess)).
    pub const CLIENT_ID: &'static str = "0000000000.0000000000000";

    /// The app's client secret `oauth.v2.access` accepts unless its behaviour is given
    /// another.
    pub const CLIENT_SECRET: &'static str = "fake-slack-client-secret";

    /// A builder, to give the methods, tokens, port, rate limits and behaviours.
    pub fn builder() -> FakeSlackBuilder {
        FakeSlackBuilder::new()
    }

    pub(crate) fn running(
        address: SocketAddr,
        shared: Arc<Shared>,
        stop: oneshot::Sender<()>,
        server: JoinHandle<()>,
    ) -> Self {
        Self { address, base_url: format!("http://{address}/api/"), shared, stop: Some(stop), server }
    }

    /// The address it listens on.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Its base URL, `http://127.0.0.1:PORT/api/`, for `ClientBuilder::base_url` or a
    /// client in any language.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// A client builder pointed at the fake, over HTTP (with the runtime's default
    /// transport, feature `reqwest`).
    pub fn client(&self, token: Token) -> ClientBuilder {
        Client::builder(token).base_url(self.base_url())
    }

    /// A transport that reaches the fake without a network, for tests on a paused clock:
    /// `Client::builder(token).transport(slack.transport())`.
    pub fn transport(&self) -> InProcessTransport {
        InProcessTransport { shared: self.shared.clone() }
    }

    /// Scripts the answers to `M`, typed by its error enum. Serves `M` from now on if it
    /// was not among the methods given.
    pub fn on<M: Catalogued>(&self) -> Script<'_, M::Error> {
        let info = MethodInfo::of::<M>();
        self.shared.lock().methods.entry(info.name).or_insert(info);
        Script::new(&self.shared, info.name.to_owned())
    }

    /// Scripts the answers to the method named `method`, which the fake should serve
    /// (else its calls get `unknown_method`).
    pub fn on_method(&self, method: &str) -> Script<'_> {
        Script::new(&self.shared, method.to_owned())
    }

    /// Scripts the answers of the upload URLs that `files.getUploadURLExternal` gives,
    /// whatever the file: [`server_error`](Script::server_error),
    /// [`rate_limited`](Script::rate_limited), [`respond`](Script::respond), and so on,
    /// with their [`delay`](Script::delay). A scripted success receives the bytes as an
    /// upload URL does unscripted.
    ///
    /// Uploads are recorded among [`requests`](Self::requests), with an empty
    /// [`method`](crate::Request::method) and their `/upload/v1/FILE_ID` path.
    pub fn on_uploads(&self) -> Script<'_> {
        Script::new(&self.shared, crate::files::UPLOAD_SCRIPT.to_owned())
    }

    /// The requests received so far, in order: the latest ones the fake keeps (see
    /// [`FakeSlackBuilder::record_limits`](crate::FakeSlackBuilder::record_limits)).
    pub fn requests(&self) -> Vec<Request> {
        self.shared.lock().requests.iter().cloned().collect()
    }

    /// How many requests the fake forgot to keep within its limits, since it started.
    pub fn requests_forgotten(&self) -> u64 {
        self.shared.lock().requests.forgotten()
    }

    /// The requests to `M` received so far, in order.
    pub fn requests_to<M: Method>(&self) -> Vec<Request> {
        self.requests_to_method(M::NAME)
    }

    /// The requests to the method named `method` received so far, in order.
    pub fn requests_to_method(&self, method: &str) -> Vec<Request> {
        self.shared.lock().requests.iter().filter(|request| request.method() == method).cloned().collect()
    }

    /// The workspace now: what the methods changed since it was seeded.
    pub fn state(&self) -> Seed {
        self.shared.lock().workspace.state()
    }

    /// Seeds the workspace anew; [`reset`](Self::reset) goes back to `seed` from now on.
    ///
    /// # Errors
    ///
    /// When the seed's items do not fit together ([`Seed::check`]); the workspace is
    /// then left as it was.
    pub fn seed(&self, seed: Seed) -> Result<(), SeedError> {
        seed.check()?;
        self.shared.lock().workspace.seed(seed);
        Ok(())
    }

    /// The workspace back to its seed, the built-in behaviours started afresh, and every
    /// scripted answer and rate-limit count dropped (recorded requests and accepted
    /// tokens are kept).
    pub fn reset(&self) {
        crate::control::reset(&mut self.shared.lock());
    }

    /// Stops listening and ends every connection, waiting until it is done.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let _ = (&mut self.server).await;
    }
}

impl Drop for FakeSlack {
    fn drop(&mut self) {
        self.server.abort();
    }
}

//! The default [`Transport`]: reqwest over rustls.

use http::HeaderValue;
use http::header::CONTENT_LENGTH;

use crate::{StreamingBody, Transport, TransportError, TransportFuture};

/// Sends requests with [`reqwest`] over rustls (the ring provider, Mozilla's roots from
/// `webpki-roots`): no OpenSSL, and the same trust store on every machine.
///
/// It follows no redirects, so the token is never sent anywhere but the base URL.
#[derive(Debug, Clone)]
pub struct ReqwestTransport {
    client: reqwest::Client,
}

impl ReqwestTransport {
    /// A transport with its own connection pool, following no redirects.
    ///
    /// # Panics
    ///
    /// When the TLS backend cannot be initialized, as [`reqwest::Client::new`] does.
    pub fn new() -> Self {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .tls_backend_preconfigured(tls_config())
            .build()
            .expect("reqwest's rustls backend initializes");
        Self { client }
    }

    /// A transport over a reqwest client you configured (proxy, connection pool, local
    /// address). Configure it not to follow redirects.
    pub fn from_client(client: reqwest::Client) -> Self {
        Self { client }
    }
}

/// rustls with the ring provider and Mozilla's roots, for reqwest: built here rather than
/// by reqwest, whose own provider would be aws-lc, and without installing a process-wide
/// default provider behind the application's back.
fn tls_config() -> rustls::ClientConfig {
    let roots = rustls::RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
    rustls::ClientConfig::builder_with_provider(std::sync::Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .expect("ring supports rustls's default protocol versions")
        .with_root_certificates(roots)
        .with_no_client_auth()
}

impl Default for ReqwestTransport {
    fn default() -> Self {
        Self::new()
    }
}

impl Transport for ReqwestTransport {
    fn send(&self, request: http::Request<Vec<u8>>) -> TransportFuture<'_> {
        Box::pin(async move {
            let request = reqwest::Request::try_from(request).map_err(TransportError::other)?;
            self.execute(request).await
        })
    }

    /// Streams the body: at most one chunk of it is in memory at a time.
    fn send_streaming(&self, request: http::Request<StreamingBody>) -> TransportFuture<'_> {
        Box::pin(async move {
            let (mut parts, body) = request.into_parts();
            parts.headers.insert(CONTENT_LENGTH, HeaderValue::from(body.len()));
            let body = reqwest::Body::wrap_stream(body.into_chunks());
            let request =
                reqwest::Request::try_from(http::Request::from_parts(parts, body)).map_err(TransportError::other)?;
            self.execute(request).await
        })
    }
}

impl ReqwestTransport {
    /// Sends `request` and reads the whole answer.
    async fn execute(&self, request: reqwest::Request) -> Result<http::Response<Vec<u8>>, TransportError> {
        let response = self.client.execute(request).await.map_err(classify)?;
        let mut answer = http::Response::builder().status(response.status()).version(response.version());
        if let Some(headers) = answer.headers_mut() {
            *headers = response.headers().clone();
        }
        let body = response.bytes().await.map_err(classify)?;
        answer.body(body.into()).map_err(TransportError::other)
    }
}

/// Sorts a reqwest failure into the kinds the retry policy tells apart.
fn classify(error: reqwest::Error) -> TransportError {
    if error.is_timeout() {
        TransportError::timeout(error)
    } else if error.is_connect() {
        TransportError::connect(error)
    } else {
        TransportError::other(error)
    }
}

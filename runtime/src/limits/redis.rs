//! The limiter's store shared by processes through Redis: the same GCRA as the local
//! store, run atomically by a Lua script on Redis's clock.

use std::fmt;
use std::time::Duration;

use redis::Script;
use redis::aio::{ConnectionManager, ConnectionManagerConfig};

use super::{Admission, LimiterStore, Quota, StoreError, StoreFuture, WaitSource};

/// Counts a call if the key's quota allows it now; answers `{wait_us, paused}`.
///
/// The state of a key is its theoretical arrival time (TAT), in microseconds of Redis's
/// clock: a call is allowed when the TAT is at most `(burst - 1) * interval` ahead of
/// now, and moves it one interval on. A paused key answers its pause.
const ACQUIRE: &str = r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
if paused > now then return {paused - now, 1} end
local interval = tonumber(ARGV[1])
local tolerance = interval * (tonumber(ARGV[2]) - 1)
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
if tat - now > tolerance then return {tat - now - tolerance, 0} end
local next = tat + interval
redis.call('SET', KEYS[1], string.format('%.0f', next), 'PX', math.ceil((next - now) / 1000) + 1000)
return {0, 0}
";

/// Pauses a key for `ARGV[1]` microseconds from now, unless it is paused longer.
const PAUSE: &str = r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local ends = now + tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current < ends then
  redis.call('SET', KEYS[1], string.format('%.0f', ends), 'PX', math.ceil(tonumber(ARGV[1]) / 1000) + 1000)
end
return 1
";

/// Rate limits shared through Redis by every process that uses the same server and
/// prefix: N replicas of a bot together stay under Slack's limits, and a 429 one of them
/// gets pauses the others. Each check is one Lua script, atomic on the server, timed by
/// Redis's clock.
///
/// It needs Redis 5 or later, whose scripts may read the server's clock (`TIME`) before
/// they write, their effects being what is replicated.
///
/// Every operation is bounded by a timeout (default 500 ms, connecting included), so a
/// Redis that is down or slow never hangs a call: the pacing then fails open or closed,
/// as [`Pacing::on_store_failure`](crate::Pacing::on_store_failure) says. The connection
/// is re-established on the next operation after it breaks.
///
/// ```no_run
/// use typed_slack_runtime::limits::RedisStore;
/// use typed_slack_runtime::{Client, Pacing, Token};
///
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let pacing = Pacing::by_tier().store(RedisStore::connect("redis://127.0.0.1/").await?);
/// let client = Client::builder(Token::from_env("SLACK_TOKEN")?).pacing(pacing).build()?;
/// # let _ = client;
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct RedisStore {
    connection: ConnectionManager,
    prefix: String,
    timeout: Duration,
    acquire: Script,
    pause: Script,
}

impl RedisStore {
    /// The default bound on each operation: 500 ms.
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_millis(500);

    /// Connects to the Redis at `url` (`redis://host:port/db`), within the default
    /// timeout.
    ///
    /// # Errors
    ///
    /// When the URL is not Redis's or the server does not answer in time.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        Self::connect_with_timeout(url, Self::DEFAULT_TIMEOUT).await
    }

    /// Connects to the Redis at `url`, bounding each operation by `timeout`.
    ///
    /// # Errors
    ///
    /// When the URL is not Redis's or the server does not answer in time.
    pub async fn connect_with_timeout(url: &str, timeout: Duration) -> Result<Self, StoreError> {
        let client = redis::Client::open(url).map_err(StoreError::new)?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(timeout))
            .set_response_timeout(Some(timeout))
            .set_number_of_retries(1);
        let connecting = ConnectionManager::new_with_config(client, config);
        let connection = tokio::time::timeout(timeout, connecting)
            .await
            .map_err(|_| StoreError::new(format!("Redis did not answer within {timeout:?}")))?
            .map_err(StoreError::new)?;
        Ok(Self {
            connection,
            prefix: "typed-slack:limits".to_owned(),
            timeout,
            acquire: Script::new(ACQUIRE),
            pause: Script::new(PAUSE),
        })
    }

    /// Keeps the counts under keys that start with `prefix` (default
    /// `typed-slack:limits`): processes with different prefixes count apart.
    pub fn prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = prefix.into();
        self
    }

    /// Redis's key for `key`'s `part`; the key in braces, so that both of a key's parts
    /// live on one node of a cluster.
    fn redis_key(&self, key: &str, part: &str) -> String {
        format!("{}:{{{key}}}:{part}", self.prefix)
    }

    async fn bounded<T>(&self, operation: impl Future<Output = redis::RedisResult<T>>) -> Result<T, StoreError> {
        match tokio::time::timeout(self.timeout, operation).await {
            Ok(answer) => answer.map_err(StoreError::new),
            Err(_) => Err(StoreError::new(format!("Redis did not answer within {:?}", self.timeout))),
        }
    }
}

impl LimiterStore for RedisStore {
    fn acquire<'a>(&'a self, key: &'a str, quota: Quota) -> StoreFuture<'a, Admission> {
        Box::pin(async move {
            let mut connection = self.connection.clone();
            let interval = u64::try_from(quota.interval().as_micros()).unwrap_or(u64::MAX);
            let mut invocation = self.acquire.prepare_invoke();
            invocation
                .key(self.redis_key(key, "tat"))
                .key(self.redis_key(key, "pause"))
                .arg(interval)
                .arg(quota.burst());
            let (wait_us, paused): (u64, u8) = self.bounded(invocation.invoke_async(&mut connection)).await?;
            Ok(match (wait_us, paused) {
                (0, _) => Admission::Now,
                (wait, 1) => Admission::Wait { wait: Duration::from_micros(wait), source: WaitSource::Pause },
                (wait, _) => Admission::Wait { wait: Duration::from_micros(wait), source: WaitSource::Bucket },
            })
        })
    }

    fn pause<'a>(&'a self, key: &'a str, duration: Duration) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let mut connection = self.connection.clone();
            let micros = u64::try_from(duration.as_micros()).unwrap_or(u64::MAX);
            let mut invocation = self.pause.prepare_invoke();
            invocation.key(self.redis_key(key, "pause")).arg(micros);
            let _: u8 = self.bounded(invocation.invoke_async(&mut connection)).await?;
            Ok(())
        })
    }
}

impl fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisStore")
            .field("prefix", &self.prefix)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

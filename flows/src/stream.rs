//! A reply streamed as it is written: `chat.startStream`, then `chat.appendStream` as
//! text comes, then `chat.stopStream`.

use std::time::Duration;

use tokio::time::Instant;
use typed_slack::objects::Block;
use typed_slack::runtime::{CallError, Client, Method};
use typed_slack::types::{ChannelId, Timestamp};
use typed_slack::{ChatAppendStream, ChatStartStream, ChatStopStream, ChatStopStreamResponse};

/// A reply streamed into a conversation as an AI app writes it.
///
/// [`append`](Self::append) buffers the text and sends it with `chat.appendStream` no
/// more often than the method's rate tier allows (Tier 4: once every 0.6 s), so a model
/// emitting tokens by the hundred makes a few calls, each with all the text since the
/// last; [`flush`](Self::flush) sends what is buffered (waiting for its turn), and
/// [`stop`](Self::stop) sends the rest with `chat.stopStream`, with blocks to finish.
///
/// ```no_run
/// use typed_slack::ChatStartStream;
/// use typed_slack::runtime::Client;
/// use typed_slack_flows::ReplyStream;
///
/// # async fn run(client: Client, tokens: Vec<String>) -> Result<(), Box<dyn std::error::Error>> {
/// let mut reply = ReplyStream::start(&client, ChatStartStream::new("C0123456789").thread_ts("1700000000.000100")).await?;
/// for token in tokens {
///     reply.append(&token).await?;
/// }
/// reply.stop(Vec::new()).await?;
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
pub struct ReplyStream {
    client: Client,
    channel: ChannelId,
    ts: Timestamp,
    /// The text not sent yet.
    buffer: String,
    /// When the next `chat.appendStream` may go.
    next_append: Instant,
}

/// The spacing of calls to `M` its rate tier allows (none for a tier without a rate).
fn spacing<M: Method>() -> Duration {
    M::RATE_TIER.calls_per_minute().map_or(Duration::ZERO, |calls| Duration::from_secs(60) / calls)
}

impl ReplyStream {
    /// Starts the streamed message with `request` (its channel, thread and first text).
    ///
    /// # Errors
    ///
    /// When `chat.startStream` fails.
    pub async fn start(client: &Client, request: ChatStartStream) -> Result<Self, CallError<ChatStartStream>> {
        let started = client.call(request).await?;
        Ok(Self {
            client: client.clone(),
            channel: started.channel,
            ts: started.ts,
            buffer: String::new(),
            next_append: Instant::now(),
        })
    }

    /// The conversation it streams into.
    pub fn channel(&self) -> &ChannelId {
        &self.channel
    }

    /// The streamed message's `ts`.
    pub fn ts(&self) -> &Timestamp {
        &self.ts
    }

    /// Adds `text` to the reply: sent at once when the rate tier allows a call now, else
    /// kept for the next call (so this never waits).
    ///
    /// # Errors
    ///
    /// When the `chat.appendStream` it makes fails; the text stays buffered.
    pub async fn append(&mut self, text: &str) -> Result<(), CallError<ChatAppendStream>> {
        self.buffer.push_str(text);
        if Instant::now() >= self.next_append { self.flush().await } else { Ok(()) }
    }

    /// Sends the buffered text now, waiting for the rate tier to allow the call.
    ///
    /// # Errors
    ///
    /// When `chat.appendStream` fails; the text stays buffered.
    pub async fn flush(&mut self) -> Result<(), CallError<ChatAppendStream>> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        tokio::time::sleep_until(self.next_append).await;
        let request = ChatAppendStream::new(self.channel.clone(), self.ts.clone(), self.buffer.clone());
        self.next_append = Instant::now() + spacing::<ChatAppendStream>();
        self.client.call(request).await?;
        self.buffer.clear();
        Ok(())
    }

    /// Ends the reply with the text still buffered and `blocks` (none: the text alone).
    ///
    /// # Errors
    ///
    /// When `chat.stopStream` fails.
    pub async fn stop(self, blocks: Vec<Block>) -> Result<ChatStopStreamResponse, CallError<ChatStopStream>> {
        let mut request = ChatStopStream::new(self.channel, self.ts);
        if !self.buffer.is_empty() {
            request = request.markdown_text(self.buffer);
        }
        if !blocks.is_empty() {
            request = request.blocks(blocks);
        }
        self.client.call(request).await
    }
}

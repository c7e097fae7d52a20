//! Walking through the pages of a cursor-paginated method.

use crate::types::Cursor;
use crate::{CallError, Client, Paginated};

/// How many 429s in a row [`Pages::collect_all`] waits out before it gives up.
const MAX_RATE_LIMITED_IN_A_ROW: u32 = 10;

/// The pages of a paginated call, fetched one at a time: each call asks for the page
/// that starts at the cursor the previous answer gave, until an answer gives none.
///
/// Made by [`Client::pages`]. Read it with [`Pages::next_page`], or turn it into a
/// stream with [`Pages::into_stream`].
///
/// A walk survives rate limits: after an error worth another try (a 429 the client's
/// retries did not get past, a failed connection), the next call of
/// [`next_page`](Self::next_page) asks again for the page that failed, from the cursor
/// the walk had reached, and [`collect_all`](Self::collect_all) waits out each 429's
/// `Retry-After` and goes on. After any other error the walk ends.
/// [`cursor`](Self::cursor) tells where it is, to resume it later or elsewhere.
#[derive(Debug)]
pub struct Pages<M: Paginated> {
    client: Client,
    next: Option<M>,
    last_cursor: Option<Cursor>,
}

impl<M: Paginated> Pages<M> {
    pub(crate) fn new(client: Client, first: M) -> Self {
        Self { client, next: Some(first), last_cursor: None }
    }

    /// The next page, or `None` after the last page (or after an error that ends the
    /// walk). After an error worth another try, the next call asks for the same page.
    pub async fn next_page(&mut self) -> Option<Result<M::Response, CallError<M>>> {
        let request = self.next.take()?;
        let answer = self.client.call(request.clone()).await;
        match &answer {
            Ok(response) => {
                // A cursor answered twice in a row would loop forever: treat it as the end.
                let cursor = M::next_cursor(response).filter(|cursor| self.last_cursor.as_ref() != Some(*cursor));
                if let Some(cursor) = cursor {
                    let mut next = request;
                    next.set_cursor(cursor.clone());
                    self.last_cursor = Some(cursor.clone());
                    self.next = Some(next);
                }
            }
            Err(error) if error.is_retryable() => self.next = Some(request),
            Err(_) => {}
        }
        Some(answer)
    }

    /// The cursor of the next page to fetch: `None` before the second page, and after
    /// the last.
    pub fn cursor(&self) -> Option<&Cursor> {
        self.next.as_ref().and(self.last_cursor.as_ref())
    }

    /// The pages as a stream (`futures::Stream`), for `while let Some(page) =
    /// stream.next().await` with `StreamExt`.
    pub fn into_stream(self) -> impl futures_core::Stream<Item = Result<M::Response, CallError<M>>> {
        futures_util::stream::unfold(self, |mut pages| async move {
            let page = pages.next_page().await?;
            Some((page, pages))
        })
    }

    /// Every page's response, in order. A 429 is waited out (its `Retry-After`) and the
    /// walk goes on from the page it had reached, up to 10 times in a row.
    ///
    /// # Errors
    ///
    /// The first call that fails otherwise.
    pub async fn collect_all(mut self) -> Result<Vec<M::Response>, CallError<M>> {
        let mut responses = Vec::new();
        let mut limited_in_a_row = 0;
        while let Some(page) = self.next_page().await {
            match page {
                Ok(response) => {
                    limited_in_a_row = 0;
                    responses.push(response);
                }
                Err(CallError::RateLimited(limited)) if limited_in_a_row < MAX_RATE_LIMITED_IN_A_ROW => {
                    limited_in_a_row += 1;
                    tracing::info!(
                        method = M::NAME,
                        pages = responses.len(),
                        retry_after_ms = limited.retry_after.as_millis() as u64,
                        "a walk of pages was rate limited: resuming from its cursor after Retry-After",
                    );
                    tokio::time::sleep(limited.retry_after).await;
                }
                Err(error) => return Err(error),
            }
        }
        Ok(responses)
    }
}

impl Client {
    /// Walks through the pages of `request`, starting where its cursor says (at the
    /// first page when it has none).
    pub fn pages<M: Paginated>(&self, request: M) -> Pages<M> {
        Pages::new(self.clone(), request)
    }
}

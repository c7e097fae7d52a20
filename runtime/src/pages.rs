//! Walking through the pages of a cursor-paginated method.

use crate::types::Cursor;
use crate::{CallError, Client, Paginated};

/// The pages of a paginated call, fetched one at a time: each call asks for the page
/// that starts at the cursor the previous answer gave, until an answer gives none.
///
/// Made by [`Client::pages`]. Read it with [`Pages::next_page`], or turn it into a
/// stream with [`Pages::into_stream`]. After an error the walk ends: the error is the
/// last item (the client has already retried what its policy allows).
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

    /// The next page, or `None` after the last page (or after an error).
    pub async fn next_page(&mut self) -> Option<Result<M::Response, CallError<M>>> {
        let request = self.next.take()?;
        let answer = self.client.call(request.clone()).await;
        if let Ok(response) = &answer {
            // A cursor answered twice in a row would loop forever: treat it as the end.
            let cursor = M::next_cursor(response).filter(|cursor| self.last_cursor.as_ref() != Some(*cursor));
            if let Some(cursor) = cursor {
                let mut next = request;
                next.set_cursor(cursor.clone());
                self.last_cursor = Some(cursor.clone());
                self.next = Some(next);
            }
        }
        Some(answer)
    }

    /// The pages as a stream (`futures::Stream`), for `while let Some(page) =
    /// stream.next().await` with `StreamExt`.
    pub fn into_stream(self) -> impl futures_core::Stream<Item = Result<M::Response, CallError<M>>> {
        futures_util::stream::unfold(self, |mut pages| async move {
            let page = pages.next_page().await?;
            Some((page, pages))
        })
    }

    /// Every page's response, in order, stopping at the first error.
    ///
    /// # Errors
    ///
    /// The first call that fails.
    pub async fn collect_all(mut self) -> Result<Vec<M::Response>, CallError<M>> {
        let mut responses = Vec::new();
        while let Some(page) = self.next_page().await {
            responses.push(page?);
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

//! The entities fetched so far, kept for the page's next questions and shared by its crawls
//! one at a time. A crawl borrows the store and gives it back — the type of [`SharedStore::lend`]
//! makes the borrower return it — and a crawl that wants it while another has it waits until it
//! comes back (the page cancels the other first, so that is soon). There is no timeout after
//! which an empty store would be used instead: the cache is never dropped.

use futures::lock::Mutex;
use std::future::Future;
use std::rc::Rc;
use wikikin_core::Store;

/// The page's store. Cheap to clone; all clones share one store.
#[derive(Clone, Default)]
pub struct SharedStore(Rc<Mutex<Store>>);

impl SharedStore {
    /// Lends the store to `f` once no one else has it, and keeps what `f` gives back with its
    /// result. Lenders are served in the order they asked.
    pub async fn lend<T, F, Fut>(&self, f: F) -> T
    where
        F: FnOnce(Store) -> Fut,
        Fut: Future<Output = (Store, T)>,
    {
        let mut guard = self.0.lock().await;
        let lent = std::mem::take(&mut *guard);
        let (back, out) = f(lent).await;
        *guard = back;
        out
    }

    /// How many entities the store holds (waits until it is back).
    pub async fn entities(&self) -> usize {
        self.0.lock().await.len()
    }
}

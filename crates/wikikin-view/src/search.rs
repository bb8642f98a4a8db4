//! The name search's decisions and words: when typed text is a name to search for, and what an
//! answer (or a failure) of the search means for the suggestions list.

use wikikin_core::{parse_person_input, parse_search, RequestFailure, SearchHit};

/// How many hits a search asks for.
pub const SEARCH_LIMIT: u32 = 8;
/// Milliseconds a search waits for an answer.
pub const SEARCH_TIMEOUT_MS: u32 = 15_000;
/// Milliseconds of quiet typing before a search starts.
pub const SEARCH_DEBOUNCE_MS: u32 = 250;

/// The name to search for in typed text, or `None` when the text is an id or a link (added as
/// it is) or too short to search.
pub fn search_text(typed: &str) -> Option<String> {
    let t = typed.trim();
    if parse_person_input(typed).is_ok() || t.chars().count() < 2 {
        None
    } else {
        Some(t.to_string())
    }
}

/// What the suggestions show for a search's reply: `status` and body, or how it failed. An
/// aborted search (superseded or the field gone) is no hits, not an error.
pub fn search_reply(reply: Result<(u16, &[u8]), RequestFailure>) -> Result<Vec<SearchHit>, String> {
    match reply {
        Ok((200, body)) => parse_search(body),
        Ok((status, _)) => Err(format!("The search answered HTTP {status}.")),
        Err(RequestFailure::Aborted) => Ok(Vec::new()),
        Err(RequestFailure::Timeout) => Err("The search timed out.".into()),
        Err(RequestFailure::Network(why)) => Err(format!("The search failed: {why}.")),
    }
}

/// A browser's words for a request that failed, made plain: "Failed to fetch" (Chromium) and
/// "NetworkError" (Firefox) say nothing of why.
pub fn network_failure_words(browser_words: &str) -> String {
    if browser_words.contains("Failed to fetch") || browser_words.contains("NetworkError") {
        "the server could not be reached (offline, refused, or blocked by CORS or this page's security policy)".to_string()
    } else {
        browser_words.to_string()
    }
}

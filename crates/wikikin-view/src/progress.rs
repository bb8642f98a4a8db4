//! The progress panel's words and figures: the crawl's state as `data-state` shows it, the
//! figures while it runs, and the status line.

use wikikin_core::{OutcomeKind, Progress};

/// The page's crawl state, as `data-state` shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunState {
    Idle,
    Running,
    Done,
    Failed,
    Cancelled,
}

impl RunState {
    pub fn as_str(self) -> &'static str {
        match self {
            RunState::Idle => "idle",
            RunState::Running => "running",
            RunState::Done => "done",
            RunState::Failed => "failed",
            RunState::Cancelled => "cancelled",
        }
    }

    /// How a crawl that ended this way is shown: stopping at a limit after searching within it
    /// is done.
    pub fn of(kind: &OutcomeKind) -> RunState {
        match kind {
            OutcomeKind::Done | OutcomeKind::LimitReached(_) => RunState::Done,
            OutcomeKind::Failed => RunState::Failed,
            OutcomeKind::Cancelled => RunState::Cancelled,
        }
    }
}

/// What the progress panel shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Live {
    pub state: RunState,
    pub progress: Progress,
    pub started_ms: f64,
    pub now_ms: f64,
    pub message: String,
}

impl Default for Live {
    fn default() -> Self {
        Live {
            state: RunState::Idle,
            progress: Progress::default(),
            started_ms: 0.0,
            now_ms: 0.0,
            message: String::new(),
        }
    }
}

impl Live {
    /// A crawl that has just started at `now_ms`.
    pub fn starting(now_ms: f64) -> Live {
        Live {
            state: RunState::Running,
            started_ms: now_ms,
            now_ms,
            message: "Starting…".into(),
            ..Live::default()
        }
    }

    pub fn running(&self) -> bool {
        self.state == RunState::Running
    }

    /// New figures while running (ignored once the crawl has ended: a late frame must not
    /// overwrite the final figures).
    pub fn advance(&mut self, progress: Progress, now_ms: f64) {
        if self.running() {
            self.progress = progress;
            self.now_ms = now_ms;
            self.message = format!("Crawling generation {}…", progress.level);
        }
    }

    /// The crawl ended: its state, final figures and message.
    pub fn finish(&mut self, kind: &OutcomeKind, progress: Progress, ended_ms: f64, message: &str) {
        self.state = RunState::of(kind);
        self.progress = progress;
        self.now_ms = ended_ms;
        self.message = message.to_string();
    }

    /// Milliseconds since the start (`data-elapsed-ms`), never negative.
    pub fn elapsed_ms(&self) -> f64 {
        (self.now_ms - self.started_ms).max(0.0)
    }

    /// `data-elapsed-ms`: whole milliseconds.
    pub fn elapsed_attr(&self) -> String {
        format!("{:.0}", self.elapsed_ms())
    }

    /// The progress bar: `(max, value)`, with `max` at least 1.
    pub fn bar(&self) -> (usize, usize) {
        let p = &self.progress;
        ((p.fetched + p.in_flight + p.queued).max(1), p.fetched)
    }
}

/// A figure of the panel: its name and how to read it.
pub type Figure = (&'static str, fn(&Live) -> String);

/// The figures under the bar, in the order shown: each a name and how to read it from
/// [`Live`] (one function per figure, so the page updates each on its own).
pub const FIGURES: [Figure; 9] = [
    ("Generation", |l| l.progress.level.to_string()),
    ("Known", |l| l.progress.known.to_string()),
    ("Fetched", |l| l.progress.fetched.to_string()),
    ("In flight", |l| l.progress.in_flight.to_string()),
    ("Failed", |l| l.progress.failed.to_string()),
    ("Retries", |l| l.progress.retries.to_string()),
    ("Requests", |l| l.progress.requests.to_string()),
    ("Received", |l| bytes_text(l.progress.bytes)),
    ("Elapsed", |l| format!("{:.1} s", l.elapsed_ms() / 1000.0)),
];

/// Bytes in words: `12 kB`, `1.5 MB`.
pub fn bytes_text(b: u64) -> String {
    if b >= 1_000_000 {
        format!("{:.1} MB", b as f64 / 1e6)
    } else {
        format!("{:.0} kB", b as f64 / 1e3)
    }
}

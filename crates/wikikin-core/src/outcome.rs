//! What happened, as data: why a request got no answer ([`RequestFailure`]), why a person could not be
//! had ([`PersonFailReason`]), and how a crawl ended ([`Outcome`]). Their English words are in
//! `words.rs` (the `Display` impls).

use crate::Qid;

/// Why a request got no HTTP answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RequestFailure {
    /// The network failed (offline, DNS, CORS refused…), with the browser's words.
    Network(String),
    /// No answer in time.
    Timeout,
    /// The caller aborted it.
    Aborted,
}

/// Why one person could not be had.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PersonFailReason {
    /// HTTP 404 for the request.
    NotFound,
    /// Another HTTP error status.
    Http(u16),
    /// 429 or 503 again and again, `attempts` times.
    KeptRefusing { status: u16, attempts: u32 },
    /// The answer was not readable entity data (the parser's words).
    Unreadable(String),
    /// The answer was readable but did not include the person.
    NotInAnswer,
    /// No answer in time, twice.
    TimedOutTwice,
    /// The network failed twice (the browser's words).
    NetworkTwice(String),
    /// The request was aborted.
    Aborted,
    /// The server says the id does not exist.
    DoesNotExist,
    /// Never fetched (a limit or the end of the crawl came first).
    NotFetched,
}

/// A person who could not be fetched, and why (`Display` gives the sentence).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonFailure {
    pub id: Qid,
    pub reason: PersonFailReason,
}

/// Why the crawl stopped asking the query service and read entity JSON instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FallbackWhy {
    /// It answered with this HTTP status (not 429/503, which are waited for).
    Status(u16),
    /// No answer in time.
    Timeout,
    /// The network failed (the browser's words).
    Network(String),
    /// The answer could not be read (the parser's words).
    Unreadable(String),
    /// The answer was larger than the size guard.
    TooLarge { bytes: usize },
    /// It knew nothing of these people (no triple at all).
    Unknown,
}

/// Some people were read from entity JSON because the query service could not give them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fallback {
    pub why: FallbackWhy,
    /// How many people the failed query asked for.
    pub people: usize,
}

/// Which limit stopped a crawl.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    Generations,
    Entities,
    /// A step limit of the engine's own ([`Guard`]).
    Steps,
}

/// A step limit of the engine's own loops, a safety net never reached on real data: reaching
/// one cut some work short, and the crawl's outcome says so ([`Ending::Cut`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Guard {
    /// A search passing levels or reach through the graph after one entity loaded.
    SearchSteps { max: usize },
    /// Entities taken from the store in one go.
    StoreLoads { max: usize },
    /// Rounds of the searches between two answers.
    SettleRounds { max: usize },
}

/// How a crawl ended, in one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutcomeKind {
    Done,
    LimitReached(Limit),
    Failed,
    Cancelled,
}

/// Why a question could not be asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Invalid {
    /// Relate needs two different people.
    TooFewPeople,
    /// Relate takes at most 64 people.
    TooManyPeople,
    /// Explore needs a root.
    NoRoot,
}

/// How the relate search ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelateEnd {
    /// Every known ancestor that can be a lowest common ancestor was searched.
    Searched,
    /// Stopped at `max` entities.
    EntityLimit { max: usize },
    /// Searched up to `generations`; some wanted ancestors lie above.
    GenerationLimit { generations: u32 },
}

/// How the explore search ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExploreEnd {
    /// Every target reached, the farthest at `farthest` degrees.
    Reached { targets: usize, farthest: u32 },
    /// No targets: everyone within `degree` was loaded.
    Explored { degree: u32 },
    /// The links ran out before every target was reached.
    LinksRanOut,
    /// Stopped at `max` entities before every target was reached.
    EntityLimit { max: usize },
    /// Stopped at `degree` before every target was reached.
    DegreeLimit { degree: u32 },
}

/// How the descendants search ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DescendantsEnd {
    /// Everyone within the limit: `people` in `generations` generations below the roots.
    Complete { people: usize, generations: u32 },
    /// Later generations exist beyond the limit.
    GenerationLimit { people: usize, generations: u32 },
    /// Stopped at `max` entities.
    EntityLimit { max: usize },
}

/// How a question's search ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    Relate(RelateEnd),
    Explore(ExploreEnd),
    Descendants(DescendantsEnd),
    /// A step limit cut the search short ([`Guard`]): the answer may be incomplete.
    Cut(Guard),
}

/// How a crawl ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The question could not be asked.
    Invalid(Invalid),
    Cancelled,
    /// Some asked people could not be had (in the question's order).
    PeopleLost(Vec<PersonFailure>),
    /// The search ended; `failed` people on the way could not be fetched.
    Ended {
        ending: Ending,
        failed: usize,
    },
    /// The driver found nothing left to fetch while the crawl had no answer (should not
    /// happen; said in words rather than waited on forever).
    Stalled,
}

impl Outcome {
    /// The outcome in one word.
    pub fn kind(&self) -> OutcomeKind {
        match self {
            Outcome::Invalid(_) | Outcome::PeopleLost(_) | Outcome::Stalled => OutcomeKind::Failed,
            Outcome::Cancelled => OutcomeKind::Cancelled,
            Outcome::Ended { ending, .. } => match ending {
                Ending::Relate(RelateEnd::EntityLimit { .. })
                | Ending::Explore(ExploreEnd::EntityLimit { .. })
                | Ending::Descendants(DescendantsEnd::EntityLimit { .. }) => {
                    OutcomeKind::LimitReached(Limit::Entities)
                }
                Ending::Relate(RelateEnd::GenerationLimit { .. })
                | Ending::Explore(ExploreEnd::DegreeLimit { .. })
                | Ending::Descendants(DescendantsEnd::GenerationLimit { .. }) => {
                    OutcomeKind::LimitReached(Limit::Generations)
                }
                Ending::Cut(_) => OutcomeKind::LimitReached(Limit::Steps),
                Ending::Relate(RelateEnd::Searched)
                | Ending::Descendants(DescendantsEnd::Complete { .. })
                | Ending::Explore(
                    ExploreEnd::Reached { .. }
                    | ExploreEnd::Explored { .. }
                    | ExploreEnd::LinksRanOut,
                ) => OutcomeKind::Done,
            },
        }
    }

    /// Whether there is an answer to show (done, or stopped at a limit).
    pub fn answered(&self) -> bool {
        matches!(
            self.kind(),
            OutcomeKind::Done | OutcomeKind::LimitReached(_)
        )
    }
}

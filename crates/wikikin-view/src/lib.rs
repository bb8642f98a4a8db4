//! wikikin-view: what the page shows, computed natively. The Leptos app (`src/` at the root)
//! wires signals to these functions and draws what they return; nothing here touches the
//! browser, so all of it is tested with `cargo test -p wikikin-view`.
//!
//! - [`question`]: the question as the URL holds it (`?people=…&roots=…`), read without ever
//!   failing, written back, and the crawl that answers it.
//! - [`answer`]: the answer built once from the core's crawl result — relationships in words
//!   with their links, direct lines, explore levels, failures, problems, the tree and its
//!   layout — and the JSON export.
//! - [`draw`]: the tree as SVG markup (page and standalone export); [`text`]: escaping and
//!   clipping of network text; [`detail`]: how much of a large tree to draw.
//! - [`viewport`]: pan/zoom arithmetic; [`progress`]: the progress panel's state and figures;
//!   [`chips`]: the form's chips; [`search`]: the name search's decisions and words.
//! - [`synthetic`]: answers made without a network (warm-up and benchmarks).
//! - [`sourced`]: where each link of an answer comes from (statements, references, doubts,
//!   readings, data problems); [`gedcom_export`]: the people drawn as GEDCOM 5.5.1 with a
//!   citation on every link.

pub mod answer;
pub mod chart;
pub mod chart_svg;
pub mod chips;
pub mod conn_phrase;
mod dense;
pub mod detail;
pub mod draw;
pub mod from_url;
pub mod gedcom_export;
pub mod generations;
pub mod headline;
mod known;
mod limits;
pub mod phrase;
pub mod progress;
pub mod question;
pub mod search;
pub mod sourced;
pub mod synthetic;
pub mod text;
pub mod viewport;

pub use answer::{Answer, Line, PersonDetails, PersonLink, ReachedRow};
pub use chips::{Chip, ChipInfo};
pub use detail::{detail_for, Detail, DENSE_MIN};
pub use draw::{markup, standalone, DrawOptions};
pub use progress::{Live, RunState};
pub use question::{from_query, Ask, FromUrl, Preset, Which, PRESETS};
pub use text::{clip, escape};
pub use viewport::View;

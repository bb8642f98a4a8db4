//! The page's components, one per file. Each reads the shared signals ([`crate::Ctx`]) and
//! draws what `wikikin-view` computed from them.

mod answer_first;
mod ask_form;
mod chart_view;
pub(crate) mod connections;
mod details;
mod drawing;
mod endpoint_note;
mod explored;
mod people_field;
mod person_link;
pub(crate) mod phrase_view;
mod progress_panel;
pub(crate) mod relationships;
mod tree_view;
mod troubles;

pub use answer_first::AnswerFirst;
pub use ask_form::AskForm;
pub use chart_view::ChartView;
pub use connections::Connections;
pub use details::Details;
pub use drawing::Drawing;
pub use endpoint_note::EndpointNote;
pub use explored::Explored;
pub use people_field::PeopleField;
pub use person_link::PersonLink;
pub use phrase_view::PhraseView;
pub use progress_panel::ProgressPanel;
pub use relationships::Relationships;
pub use tree_view::TreeView;
pub use troubles::Troubles;

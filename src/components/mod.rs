//! The page's components, one per file. Each reads the shared signals ([`crate::Ctx`]) and
//! draws what `wikikin-view` computed from them.

mod answer_panel;
mod ask_form;
pub(crate) mod connections;
mod details;
mod endpoint_note;
mod explored;
mod people_field;
mod person_link;
mod progress_panel;
mod relationships;
mod tree_view;
mod troubles;

pub use answer_panel::AnswerPanel;
pub use ask_form::AskForm;
pub use connections::Connections;
pub use details::Details;
pub use endpoint_note::EndpointNote;
pub use explored::Explored;
pub use people_field::PeopleField;
pub use person_link::PersonLink;
pub use progress_panel::ProgressPanel;
pub use relationships::Relationships;
pub use tree_view::TreeView;
pub use troubles::Troubles;

//! Links to a statement on its instance: the item's page at the property's group
//! (`https://www.wikidata.org/wiki/Q9682#P22`; FactGrid's item pages are
//! `https://database.factgrid.de/wiki/Item:Q…#P141`, see `../shared/data/wikibases.md` and
//! [`Instance::page_path`](crate::Instance)).

use super::StatementRef;
use crate::{Instance, Pid, Qid};

/// The page of `item` on the instance, at the statements of `prop`.
pub fn statement_url(instance: &Instance, item: Qid, prop: Pid) -> String {
    format!(
        "{}{}{item}#{prop}",
        instance.endpoint.trim_end_matches('/'),
        instance.page_path
    )
}

/// [`statement_url`] of a named statement.
pub fn statement_ref_url(instance: &Instance, s: &StatementRef) -> String {
    statement_url(instance, s.item, s.prop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wikidata_and_factgrid_statement_links() {
        assert_eq!(
            statement_url(&Instance::wikidata(), Qid(9682), Pid(22)),
            "https://www.wikidata.org/wiki/Q9682#P22"
        );
        let s = StatementRef {
            item: Qid(409),
            prop: Pid(141),
            id: String::new(),
        };
        assert_eq!(
            statement_ref_url(&Instance::factgrid(), &s),
            "https://database.factgrid.de/wiki/Item:Q409#P141"
        );
    }
}

//! The family statements with their sources: references from the real recording (Q42) and
//! hand-written qualifiers (doubt, kinship, calendars).

use super::{en, read};
use wikikin_core::entity::{
    Calendar, FamilyProp, Kinship, Rank, ADOPTIVE_FATHER, CIRCA, DISPUTED, PRESUMABLY,
};
use wikikin_core::{parse_entities, parse_entities_with, Props, Qid};

#[test]
fn douglas_adams_statements_and_their_references() {
    let p = parse_entities(&read("Q42.json"), &en()).unwrap();
    let d = &p.persons[0];
    assert_eq!(d.statements.len(), 4, "P22, P25, P26, P40 once each");
    let father = d.statements_of(FamilyProp::Father).next().unwrap();
    assert_eq!(father.id, "q42$9ac7fb72-4402-8d72-f588-a170ca5e715c");
    assert_eq!(father.pid, 22);
    assert_eq!(father.rank, Rank::Normal);
    assert_eq!(father.target, Qid(14623675));
    assert_eq!(father.references.len(), 1);
    let r = &father.references[0];
    // NNDB: P854 + P813 (+ P407, P123, P1476, P1065, P2960, not kept).
    assert_eq!(r.urls, vec!["http://www.nndb.com/people/731/000023662/"]);
    assert_eq!(r.retrieved.unwrap().to_string(), "7 December 2013");
    assert!(r.stated_in.is_empty());
    assert!(!r.imported);
    assert!(father.is_referenced() && !father.is_imported_only());
    assert!(father.doubt().is_empty() && father.kinship().is_none());

    let mother = d.statements_of(FamilyProp::Mother).next().unwrap();
    assert_eq!(mother.id, "q42$cf4cccbe-470e-e627-86a3-70ef115f601c");
    assert_eq!(mother.target, Qid(14623678));

    let spouse = d.statements_of(FamilyProp::Spouse).next().unwrap();
    assert_eq!(spouse.target, Qid(14623681));
    assert_eq!(spouse.pid, 26);
    assert!(spouse.doubt().is_empty(), "P580/P582/P1534 are not doubts");

    // P40 has the NNDB reference and one imported from English Wikipedia (P143 Q328 + P4656
    // + P813): that one is imported only.
    let child = d.statements_of(FamilyProp::Child).next().unwrap();
    assert_eq!(child.id, "q42$70b600fa-4c0a-b3e6-9e19-1486e71c99fb");
    assert_eq!(child.references.len(), 2);
    let wp = &child.references[1];
    assert!(wp.imported);
    assert_eq!(wp.imported_from, vec![Qid(328)]);
    assert!(wp.urls.is_empty(), "P4656 is not a reference URL");
    assert_eq!(wp.retrieved.unwrap().to_string(), "17 March 2021");
    assert!(child.is_referenced());

    // The date statements' ids and calendars.
    assert_eq!(
        d.birth_detail.statement.as_deref(),
        Some("q42$D8404CDA-25E4-4334-AF13-A3290BCD9C0F")
    );
    assert_eq!(d.birth_detail.calendar, Calendar::Gregorian);
    assert_eq!(
        d.death_detail.statement.as_deref(),
        Some("q42$65EA9C32-B26C-469B-84FE-FC612B71D159")
    );
}

#[test]
fn people_without_family_statements_have_none() {
    let p = parse_entities(&read("Q106975887.json"), &en()).unwrap();
    let m = &p.persons[0];
    assert!(m.statements.is_empty());
    assert!(m.birth_detail.statement.is_some());
}

const QUALIFIED: &str = r#"{"entities":{"Q10":{"type":"item","id":"Q10","claims":{
 "P22":[
  {"id":"Q10$a","rank":"normal","mainsnak":{"snaktype":"value","property":"P22",
    "datavalue":{"type":"wikibase-entityid","value":{"entity-type":"item","numeric-id":1,"id":"Q1"}}},
   "qualifiers":{"P1039":[{"snaktype":"value","property":"P1039","datavalue":{"value":{"entity-type":"item","id":"Q61740757"}}}]},
   "references":[{"hash":"x","snaks":{"P248":[{"snaktype":"value","property":"P248","datavalue":{"value":{"entity-type":"item","numeric-id":5,"id":"Q5"}}}]}}]},
  {"id":"Q10$b","rank":"normal","mainsnak":{"snaktype":"value","property":"P22",
    "datavalue":{"value":{"entity-type":"item","id":"Q2"}}},
   "qualifiers":{"P1480":[{"snaktype":"value","datavalue":{"value":{"entity-type":"item","id":"Q18122778"}}}],
                 "P5102":[{"snaktype":"value","datavalue":{"value":{"entity-type":"item","id":"Q18912752"}}}]},
   "references":[{"snaks":{"P143":[{"snaktype":"value","datavalue":{"value":{"entity-type":"item","id":"Q328"}}}]}},
                 "not a reference", {"snaks":[]}, {"snaks":{"P4656":[{"snaktype":"value","datavalue":{"value":"https://x"}}]}}]},
  {"id":"Q10$c","rank":"deprecated","mainsnak":{"snaktype":"value","datavalue":{"value":{"entity-type":"item","id":"Q3"}}}}
 ],
 "P25":[{"rank":"preferred","mainsnak":{"snaktype":"value","datavalue":{"value":{"entity-type":"item","id":"Q4"}}},
    "qualifiers":{"P1480":[{"snaktype":"value","datavalue":{"value":{"entity-type":"item","id":"Q5727902"}}}]},
    "references":{"odd":"shape"}},
        {"id":"Q10$n","rank":"normal","mainsnak":{"snaktype":"value","datavalue":{"value":{"entity-type":"item","id":"Q6"}}}}],
 "P569":[{"id":"Q10$d","rank":"normal","mainsnak":{"snaktype":"value","datavalue":{"value":
   {"time":"+1600-03-01T00:00:00Z","precision":11,"calendarmodel":"http://www.wikidata.org/entity/Q1985786"}}},
   "references":[{"snaks":{"P248":[{"snaktype":"value","datavalue":{"value":{"entity-type":"item","id":"Q9"}}}]}}]}]
}}}}"#;

#[test]
fn doubt_and_kinship_qualifiers_are_read() {
    let p = parse_entities(QUALIFIED.as_bytes(), &en()).unwrap();
    let x = &p.persons[0];
    let fathers: Vec<_> = x.statements_of(FamilyProp::Father).collect();
    assert_eq!(fathers.len(), 2, "the deprecated one is not kept");
    let adoptive = fathers[0];
    assert_eq!(adoptive.id, "Q10$a");
    assert_eq!(adoptive.kinship_items, vec![ADOPTIVE_FATHER]);
    assert_eq!(adoptive.kinship(), Some(Kinship::Adoptive));
    assert_eq!(adoptive.references[0].stated_in, vec![Qid(5)]);
    assert!(adoptive.is_referenced());

    let doubtful = fathers[1];
    assert_eq!(doubtful.sourcing, vec![PRESUMABLY]);
    assert_eq!(doubtful.nature, vec![DISPUTED]);
    assert_eq!(doubtful.doubt(), vec![PRESUMABLY, DISPUTED]);
    assert_eq!(doubtful.kinship(), None);
    // "not a reference" is dropped; `{"snaks":[]}` is an empty reference (not imported).
    assert_eq!(doubtful.references.len(), 3);
    assert!(doubtful.references[0].imported && doubtful.references[2].imported);
    assert!(!doubtful.references[1].imported);

    // Preferred beats normal; an odd references shape is no references.
    let mothers: Vec<_> = x.statements_of(FamilyProp::Mother).collect();
    assert_eq!(mothers.len(), 1);
    assert_eq!(mothers[0].rank, Rank::Preferred);
    assert_eq!(mothers[0].id, "", "no id in the response");
    assert_eq!(mothers[0].sourcing, vec![CIRCA]);
    assert!(mothers[0].references.is_empty());
    assert_eq!(x.mothers, vec![Qid(4)]);

    // The Julian calendar of the birth date is kept.
    assert_eq!(x.birth_detail.calendar, Calendar::Julian);
    assert_eq!(x.birth_detail.statement.as_deref(), Some("Q10$d"));
    // Persons still round-trip through serde (the store keeps them).
    let json = serde_json::to_string(x).unwrap();
    let back: wikikin_core::Person = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, x);
}

#[test]
fn other_instances_keep_references_but_not_wikidata_qualifiers() {
    let body = QUALIFIED.replace("\"P22\"", "\"P141\"");
    let p = parse_entities_with(body.as_bytes(), &en(), &Props::factgrid()).unwrap();
    let x = &p.persons[0];
    let f: Vec<_> = x.statements_of(FamilyProp::Father).collect();
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].pid, 141);
    assert!(f[0].kinship_items.is_empty() && f[1].doubt().is_empty());
    assert!(f[1].references.iter().all(|r| !r.imported));
    assert!(f[1].is_referenced());
}

//! Items that are not people, always served (entity JSON, `wbgetentities`, SPARQL): the
//! fixtures for bad people (an item that is not a human, a redirect to one, a deleted id), the
//! source items references cite (`--sources mixed`), and the items qualifiers name, so that
//! their labels can be read as Wikidata's would be.
//!
//! Real Wikidata ids are used where the item is real and its id was checked (comments say
//! where); the replica's own items are `Q700000001`… (no real Wikidata item has an id that high,
//! and the people's ranges are `Q800000000`… and `Q900000000`…).

/// One non-person item.
#[derive(Debug)]
pub struct Extra {
    pub qid: u32,
    /// (language, label); English first.
    pub labels: &'static [(&'static str, &'static str)],
    /// English description.
    pub description: &'static str,
    /// Its P31 (instance of) value, if given.
    pub instance_of: Option<u32>,
}

/// Not a human: a horse (P31 = Q726 horse).
pub const HORSE: u32 = 700_000_001;
/// Not a human: a building (P31 = Q41176 building).
pub const BUILDING: u32 = 700_000_002;
/// A merged item that redirects to [`BUILDING`] (a redirect to a non-human).
pub const REDIRECT_TO_BUILDING: u32 = 700_000_003;
/// A deleted item: `missing` in `wbgetentities`, 404 from EntityData, no triples.
pub const DELETED: u32 = 700_000_004;
/// Burke's Peerage (the replica's own id: the real one was not checked).
pub const BURKES: u32 = 700_000_010;

/// The Peerage (real id, Q21401824).
pub const THE_PEERAGE: u32 = 21_401_824;
/// Genealogics (real id, Q19847326).
pub const GENEALOGICS: u32 = 19_847_326;
/// English Wikipedia (real id, Q328): the value of P143 "imported from Wikimedia project".
pub const ENWIKI: u32 = 328;
/// P1480 sourcing circumstances: disputed (Q18912752), circa (Q5727902), presumably (Q18122778).
pub const DISPUTED: u32 = 18_912_752;
pub const CIRCA: u32 = 5_727_902;
pub const PRESUMABLY: u32 = 18_122_778;
/// P1039 kinship to subject on a parent statement: adoptive father (Q61740757), adoptive
/// mother (Q61740758), the values Wikidata uses most for adoptive parents.
pub const ADOPTIVE_FATHER: u32 = 61_740_757;
pub const ADOPTIVE_MOTHER: u32 = 61_740_758;

pub const EXTRAS: &[Extra] = &[
    Extra {
        qid: HORSE,
        labels: &[
            ("en", "Copenhagen"),
            ("de", "Copenhagen"),
            ("fr", "Copenhagen"),
            ("es", "Copenhagen"),
            ("nl", "Copenhagen"),
            ("sv", "Copenhagen"),
            ("nb", "Copenhagen"),
            ("da", "Copenhagen"),
        ],
        description: "war horse of the Duke of Wellington (replica fixture: not a human)",
        // Q726: horse.
        instance_of: Some(726),
    },
    Extra {
        qid: BUILDING,
        labels: &[
            ("en", "Sandringham House"),
            ("de", "Sandringham House"),
            ("fr", "Sandringham House"),
        ],
        description: "country house in Norfolk, England (replica fixture: not a human)",
        // Q41176: building.
        instance_of: Some(41176),
    },
    Extra {
        qid: THE_PEERAGE,
        labels: &[("en", "The Peerage")],
        description: "genealogical website of the British peerage and royal families",
        // Q35127: website.
        instance_of: Some(35127),
    },
    Extra {
        qid: GENEALOGICS,
        labels: &[("en", "Genealogics")],
        description: "genealogical database of European nobility and royalty",
        instance_of: Some(35127),
    },
    Extra {
        qid: BURKES,
        labels: &[("en", "Burke's Peerage")],
        description: "British genealogical publication (replica's own id)",
        // Q571: book.
        instance_of: Some(571),
    },
    Extra {
        qid: ENWIKI,
        labels: &[
            ("en", "English Wikipedia"),
            ("de", "englischsprachige Wikipedia"),
            ("fr", "Wikipédia en anglais"),
        ],
        description: "English-language edition of Wikipedia",
        // Q10876391: Wikipedia language edition.
        instance_of: Some(10876391),
    },
    Extra {
        qid: DISPUTED,
        labels: &[("en", "disputed")],
        description: "value of a statement that is contested",
        instance_of: None,
    },
    Extra {
        qid: CIRCA,
        labels: &[("en", "circa")],
        description: "approximately (of dates)",
        instance_of: None,
    },
    Extra {
        qid: PRESUMABLY,
        labels: &[("en", "presumably")],
        description: "value is likely but not certain",
        instance_of: None,
    },
    Extra {
        qid: ADOPTIVE_FATHER,
        labels: &[("en", "adoptive father")],
        description: "man who has adopted a child",
        instance_of: None,
    },
    Extra {
        qid: ADOPTIVE_MOTHER,
        labels: &[("en", "adoptive mother")],
        description: "woman who has adopted a child",
        instance_of: None,
    },
];

/// Old id → target of the merged extras.
pub const REDIRECTS: &[(u32, u32)] = &[(REDIRECT_TO_BUILDING, BUILDING)];

/// The extra item an id names, and the id it was asked by when that was a redirect.
pub fn resolve(q: u32) -> Option<(&'static Extra, Option<u32>)> {
    if let Some(e) = EXTRAS.iter().find(|e| e.qid == q) {
        return Some((e, None));
    }
    let &(_, to) = REDIRECTS.iter().find(|(from, _)| *from == q)?;
    EXTRAS.iter().find(|e| e.qid == to).map(|e| (e, Some(q)))
}

/// Whether a Q-id is one of the extras' (items, redirects or the deleted one): a Q-id CSV may
/// not use them.
pub fn reserved(q: u32) -> bool {
    q == DELETED || resolve(q).is_some()
}

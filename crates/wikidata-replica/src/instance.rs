//! Which Wikibase the replica is (`--wikibase wikidata|factgrid`): the property and item ids of
//! the family statements, the IRIs of its RDF and the prefixes its query service predefines.
//!
//! FactGrid's ids come from `shared/data/wikibases.md`, which cites: codeledge/entitree
//! `src/constants/factgrid/properties.ts` (father P141, mother P142, child P150, spouse P84,
//! gender P154, image P189), IBM/kif `kif_lib/vocabulary/fg/property.py` (P141 "Father",
//! P150 "Child", P154 "Gender", P77 "Date of birth", P38 "Date of death", the entity and
//! `prop/direct` IRIs), public FactGrid import scripts (P2 instance of, Q7 human, female Q17,
//! and `?item wdt:P2 wd:Q7`: FactGrid's query service binds `wd:`/`wdt:` to its own IRIs) and
//! public FactGrid SPARQL examples (the `fg:`/`fgt:` prefixes).

/// One Wikibase: ids and IRIs.
#[derive(Debug, PartialEq, Eq)]
pub struct Instance {
    /// `wikidata` or `factgrid` (the `--wikibase` value).
    pub name: &'static str,
    /// Site origin, e.g. `https://www.wikidata.org` (for `concepturi`-like links).
    pub site: &'static str,
    /// Concept URI base: entity IRIs are this + `Q…`.
    pub entity: &'static str,
    /// Base of the RDF property namespaces (`prop/direct/`, `prop/statement/`, …).
    pub prop_base: &'static str,
    /// Skolem IRIs for unknown values (WDQS: `…/.well-known/genid/<hash>`).
    pub genid: &'static str,
    /// Extra prefix names for entities and truthy properties (FactGrid's `fg:`/`fgt:`).
    pub own_prefixes: Option<(&'static str, &'static str)>,
    pub instance_of: &'static str,
    pub human: u32,
    pub gender: &'static str,
    /// Male item; `None` where it is not confirmed (then male people get no gender statement).
    pub male: Option<u32>,
    pub female: u32,
    pub father: &'static str,
    pub mother: &'static str,
    pub child: &'static str,
    pub spouse: &'static str,
    pub birth: &'static str,
    pub death: &'static str,
    pub image: &'static str,
}

pub static WIKIDATA: Instance = Instance {
    name: "wikidata",
    site: "https://www.wikidata.org",
    entity: "http://www.wikidata.org/entity/",
    prop_base: "http://www.wikidata.org/prop/",
    genid: "http://www.wikidata.org/.well-known/genid/",
    own_prefixes: None,
    instance_of: "P31",
    human: 5,
    gender: "P21",
    male: Some(6581097),
    female: 6581072,
    father: "P22",
    mother: "P25",
    child: "P40",
    spouse: "P26",
    birth: "P569",
    death: "P570",
    image: "P18",
};

/// FactGrid. Its male gender item is not confirmed by any source in `wikibases.md`, so rather
/// than invent one, men get no P154 statement (the app then sees their gender as unknown, as it
/// would for a FactGrid item without P154); women get P154 = Q17.
pub static FACTGRID: Instance = Instance {
    name: "factgrid",
    site: "https://database.factgrid.de",
    entity: "https://database.factgrid.de/entity/",
    prop_base: "https://database.factgrid.de/prop/",
    genid: "https://database.factgrid.de/.well-known/genid/",
    own_prefixes: Some(("fg", "fgt")),
    instance_of: "P2",
    human: 7,
    gender: "P154",
    male: None,
    female: 17,
    father: "P141",
    mother: "P142",
    child: "P150",
    spouse: "P84",
    birth: "P77",
    death: "P38",
    image: "P189",
};

impl Instance {
    /// `wikidata` or `factgrid`.
    pub fn by_name(name: &str) -> Option<&'static Instance> {
        [&WIKIDATA, &FACTGRID].into_iter().find(|i| i.name == name)
    }

    /// The JSON datatype of one of this instance's family properties, if it is one.
    pub fn datatype(&self, prop: &str) -> Option<&'static str> {
        if prop == self.birth || prop == self.death {
            Some("time")
        } else if prop == self.image {
            Some("commonsMedia")
        } else if [
            self.instance_of,
            self.gender,
            self.father,
            self.mother,
            self.child,
            self.spouse,
        ]
        .contains(&prop)
        {
            Some("wikibase-item")
        } else {
            None
        }
    }
}

impl Default for &'static Instance {
    fn default() -> Self {
        &WIKIDATA
    }
}

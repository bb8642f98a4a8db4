//! Which Wikibase the data comes from, and the ids it uses for the family: [`Props`] (father,
//! mother, child, spouse, sex with its male and female items, birth, death, image), and the
//! known [`Instance`]s (Wikidata, FactGrid) with their API, query service, entity IRIs and how
//! images are served. Any other instance works with ids given in the URL
//! (`props=father:P141,mother:P142,…`, see [`Props::parse`]).

use crate::Qid;
use std::fmt;

/// A property id (`P22`), stored as its number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pid(pub u32);

impl fmt::Display for Pid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "P{}", self.0)
    }
}

impl std::str::FromStr for Pid {
    type Err = String;
    fn from_str(s: &str) -> Result<Pid, String> {
        let digits = s.strip_prefix('P').or_else(|| s.strip_prefix('p'));
        match digits {
            Some(d) if !d.is_empty() && d.len() <= 9 && !d.starts_with('0') => d
                .parse()
                .map(Pid)
                .map_err(|_| format!("“{s}” is not a property id like P22")),
            _ => Err(format!(
                "“{}” is not a property id like P22",
                s.chars().take(40).collect::<String>()
            )),
        }
    }
}

/// The property (and item) ids an instance uses for what wikikin reads. `None`: the instance
/// has no such property (or it is not known): what needs it cannot be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Props {
    pub father: Option<Pid>,
    pub mother: Option<Pid>,
    pub child: Option<Pid>,
    pub spouse: Option<Pid>,
    pub sex: Option<Pid>,
    /// The items for male and female values of `sex` (any other value: neither).
    pub male: Option<Qid>,
    pub female: Option<Qid>,
    pub birth: Option<Pid>,
    pub death: Option<Pid>,
    pub image: Option<Pid>,
    /// "Instance of" and its value for a human (Wikidata P31 = Q5, FactGrid P2 = Q7): an item
    /// stated to be something else is not a person to relate.
    pub instance_of: Option<Pid>,
    pub human: Option<Qid>,
}

/// One of the properties of [`Props`], for messages and URL keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Father,
    Mother,
    Child,
    Spouse,
    Sex,
    Male,
    Female,
    Birth,
    Death,
    Image,
}

impl Role {
    pub const ALL: [Role; 10] = [
        Role::Father,
        Role::Mother,
        Role::Child,
        Role::Spouse,
        Role::Sex,
        Role::Male,
        Role::Female,
        Role::Birth,
        Role::Death,
        Role::Image,
    ];

    /// The key in `props=` (`father`, `mother`, …).
    pub fn key(self) -> &'static str {
        match self {
            Role::Father => "father",
            Role::Mother => "mother",
            Role::Child => "child",
            Role::Spouse => "spouse",
            Role::Sex => "sex",
            Role::Male => "male",
            Role::Female => "female",
            Role::Birth => "birth",
            Role::Death => "death",
            Role::Image => "image",
        }
    }

    /// What cannot be shown without it, in words.
    pub fn lost(self) -> &'static str {
        match self {
            Role::Father | Role::Mother => {
                "parents recorded on the child's side are not read, so lines through them may be missing"
            }
            Role::Child => "children recorded on the parent's side are not read, so lines through them may be missing",
            Role::Spouse => "marriages are not read, so connections through marriage cannot be found",
            Role::Sex => {
                "sex is not read, so relationships are named neutrally (parent, sibling, spouse)"
            }
            Role::Male => "men are not known as men, so their relationships are named neutrally (parent, sibling, spouse)",
            Role::Female => "women are not known as women, so their relationships are named neutrally (parent, sibling, spouse)",
            Role::Birth | Role::Death => "years of birth and death are not shown",
            Role::Image => "pictures are not shown",
        }
    }
}

impl Props {
    /// Wikidata's ids.
    pub fn wikidata() -> Props {
        Props {
            father: Some(Pid(22)),
            mother: Some(Pid(25)),
            child: Some(Pid(40)),
            spouse: Some(Pid(26)),
            sex: Some(Pid(21)),
            male: Some(Qid(6581097)),
            female: Some(Qid(6581072)),
            birth: Some(Pid(569)),
            death: Some(Pid(570)),
            image: Some(Pid(18)),
            instance_of: Some(Pid(31)),
            human: Some(Qid(5)),
        }
    }

    /// FactGrid's ids, each from the public source `../shared/data/wikibases.md` names:
    /// father P141, mother P142, child P150, spouse P84, image P189 (codeledge/entitree
    /// `src/constants/factgrid/properties.ts`); gender P154 with female Q17 (entitree, IBM/kif
    /// `kif_lib/vocabulary/fg/property.py`, a public FactGrid import script); date of birth
    /// P77, date of death P38 (IBM/kif). FactGrid's item for male is not confirmed by those
    /// sources, so it is left out: men show with neutral words unless `props=male:Q…` is given.
    pub fn factgrid() -> Props {
        Props {
            father: Some(Pid(141)),
            mother: Some(Pid(142)),
            child: Some(Pid(150)),
            spouse: Some(Pid(84)),
            sex: Some(Pid(154)),
            male: None,
            female: Some(Qid(17)),
            birth: Some(Pid(77)),
            death: Some(Pid(38)),
            image: Some(Pid(189)),
            // `?item wdt:P2 wd:Q7` (public FactGrid import scripts, `wikibases.md`).
            instance_of: Some(Pid(2)),
            human: Some(Qid(7)),
        }
    }

    /// Forgets a role's id (`props=spouse:none`: the instance has no such property).
    pub fn clear(&mut self, role: Role) {
        match role {
            Role::Father => self.father = None,
            Role::Mother => self.mother = None,
            Role::Child => self.child = None,
            Role::Spouse => self.spouse = None,
            Role::Sex => self.sex = None,
            Role::Male => self.male = None,
            Role::Female => self.female = None,
            Role::Birth => self.birth = None,
            Role::Death => self.death = None,
            Role::Image => self.image = None,
        }
    }

    /// The property of a role (`None` for the two items and for missing ones).
    pub fn pid(&self, role: Role) -> Option<Pid> {
        match role {
            Role::Father => self.father,
            Role::Mother => self.mother,
            Role::Child => self.child,
            Role::Spouse => self.spouse,
            Role::Sex => self.sex,
            Role::Birth => self.birth,
            Role::Death => self.death,
            Role::Image => self.image,
            Role::Male | Role::Female => None,
        }
    }

    /// Whether the role has its id.
    pub fn has(&self, role: Role) -> bool {
        match role {
            Role::Male => self.male.is_some(),
            Role::Female => self.female.is_some(),
            r => self.pid(r).is_some(),
        }
    }

    /// The roles without an id, in [`Role::ALL`]'s order.
    pub fn missing(&self) -> Vec<Role> {
        Role::ALL.into_iter().filter(|r| !self.has(*r)).collect()
    }

    /// Reads `father:P141,mother:P142,child:P150,spouse:P84,sex:P154,male:Q…,female:Q17,…` on
    /// top of `base` (roles not given keep base's id; `spouse:none` says there is none). Every
    /// mistake is reported in words.
    pub fn parse(text: &str, base: &Props) -> Result<Props, Vec<String>> {
        let mut out = base.clone();
        let mut errors = Vec::new();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((key, value)) = part.split_once(':') else {
                errors.push(format!("“{part}” is not key:id (like father:P22)"));
                continue;
            };
            let (key, value) = (key.trim(), value.trim());
            let Some(role) = Role::ALL.into_iter().find(|r| r.key() == key) else {
                errors.push(format!(
                    "“{key}” is not one of father, mother, child, spouse, sex, male, female, birth, death, image"
                ));
                continue;
            };
            if value == "none" {
                out.clear(role);
                continue;
            }
            match role {
                Role::Male | Role::Female => match value.parse::<Qid>() {
                    Ok(q) => {
                        if role == Role::Male {
                            out.male = Some(q);
                        } else {
                            out.female = Some(q);
                        }
                    }
                    Err(e) => errors.push(format!("{key}: {e}")),
                },
                _ => match value.parse::<Pid>() {
                    Ok(p) => {
                        let slot = match role {
                            Role::Father => &mut out.father,
                            Role::Mother => &mut out.mother,
                            Role::Child => &mut out.child,
                            Role::Spouse => &mut out.spouse,
                            Role::Sex => &mut out.sex,
                            Role::Birth => &mut out.birth,
                            Role::Death => &mut out.death,
                            _ => &mut out.image,
                        };
                        *slot = Some(p);
                    }
                    Err(e) => errors.push(format!("{key}: {e}")),
                },
            }
        }
        if errors.is_empty() {
            Ok(out)
        } else {
            Err(errors)
        }
    }

    /// The ids as `props=` writes them.
    pub fn to_param(&self) -> String {
        let mut parts = Vec::new();
        for role in Role::ALL {
            let id = match role {
                Role::Male => self.male.map(|q| q.to_string()),
                Role::Female => self.female.map(|q| q.to_string()),
                r => self.pid(r).map(|p| p.to_string()),
            };
            if let Some(id) = id {
                parts.push(format!("{}:{id}", role.key()));
            }
        }
        parts.join(",")
    }
}

impl Default for Props {
    fn default() -> Props {
        Props::wikidata()
    }
}

/// How an instance serves the files its image property names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Images {
    /// Wikimedia Commons (`Special:FilePath` on commons.wikimedia.org).
    Commons,
    /// The instance's own `Special:FilePath`.
    OwnFilePath,
}

/// A Wikibase instance wikikin knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instance {
    /// `wikidata`, `factgrid` (the `wikibase=` value).
    pub key: &'static str,
    pub name: &'static str,
    /// Where its API and entity pages are (no trailing slash).
    pub endpoint: &'static str,
    /// Its SPARQL query service.
    pub sparql: Option<&'static str>,
    /// The IRI prefix of its items (`…/entity/`), as its query service writes them.
    pub entity_iri: &'static str,
    /// The IRI prefix of its truthy properties (`…/prop/direct/`).
    pub truthy_iri: &'static str,
    /// Where an item's page is, before the id (`/wiki/` or `/wiki/Item:`).
    pub page_path: &'static str,
    pub props: Props,
    pub images: Images,
}

impl Instance {
    /// Wikidata (see `../shared/data/wikibases.md`).
    pub fn wikidata() -> Instance {
        Instance {
            key: "wikidata",
            name: "Wikidata",
            endpoint: "https://www.wikidata.org",
            sparql: Some("https://query.wikidata.org/sparql"),
            entity_iri: "http://www.wikidata.org/entity/",
            truthy_iri: "http://www.wikidata.org/prop/direct/",
            page_path: "/wiki/",
            props: Props::wikidata(),
            images: Images::Commons,
        }
    }

    /// FactGrid, the historians' Wikibase. API and query service: codeledge/entitree
    /// `src/wikibase/getWikibaseInstance.ts`; IRIs: IBM/kif `kif_lib/vocabulary/fg` and
    /// FactGrid's public SPARQL examples (`fg:`/`fgt:`). Item pages are `/wiki/Item:Q…`.
    /// How its image property's files are served is not confirmed: its own `Special:FilePath`.
    pub fn factgrid() -> Instance {
        Instance {
            key: "factgrid",
            name: "FactGrid",
            endpoint: "https://database.factgrid.de",
            sparql: Some("https://database.factgrid.de/sparql"),
            entity_iri: "https://database.factgrid.de/entity/",
            truthy_iri: "https://database.factgrid.de/prop/direct/",
            page_path: "/wiki/Item:",
            props: Props::factgrid(),
            images: Images::OwnFilePath,
        }
    }

    /// Every known instance.
    pub fn known() -> [Instance; 2] {
        [Instance::wikidata(), Instance::factgrid()]
    }

    /// The known instance of that `wikibase=` key.
    pub fn by_key(key: &str) -> Option<Instance> {
        Instance::known().into_iter().find(|i| i.key == key)
    }

    /// The known instance at that endpoint's host (`https://database.factgrid.de` → FactGrid).
    pub fn by_endpoint(endpoint: &str) -> Option<Instance> {
        let host = |u: &str| {
            let rest = u.split_once("://").map_or(u, |(_, r)| r);
            rest.split(['/', ':'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase()
        };
        let h = host(endpoint);
        Instance::known()
            .into_iter()
            .find(|i| host(i.endpoint) == h)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn props_parse_on_top_of_a_base_and_report_mistakes() {
        let p = Props::parse(
            "father:P141, mother:P142,child:P150,spouse:P84",
            &Props::wikidata(),
        )
        .unwrap();
        assert_eq!(p.father, Some(Pid(141)));
        assert_eq!(p.sex, Some(Pid(21)), "kept from the base");
        let errs =
            Props::parse("father=P1,uncle:P9,mother:Q5,male:P3", &Props::wikidata()).unwrap_err();
        assert_eq!(errs.len(), 4, "{errs:?}");
        assert!(errs[1].contains("“uncle” is not one of"));
        let round = Props::parse(&Props::factgrid().to_param(), &Props::factgrid()).unwrap();
        assert_eq!(round, Props::factgrid());
        assert_eq!(Props::factgrid().missing(), vec![Role::Male]);
        let none = Props::parse("spouse:none", &Props::wikidata()).unwrap();
        assert_eq!(none.missing(), vec![Role::Spouse]);
    }

    #[test]
    fn instances_by_key_and_host() {
        assert_eq!(
            Instance::by_key("factgrid").unwrap().props.father,
            Some(Pid(141))
        );
        assert_eq!(
            Instance::by_endpoint("https://database.factgrid.de").map(|i| i.key),
            Some("factgrid")
        );
        assert_eq!(
            Instance::by_endpoint("https://www.wikidata.org").map(|i| i.key),
            Some("wikidata")
        );
        assert!(Instance::by_endpoint("http://127.0.0.1:8090").is_none());
    }
}

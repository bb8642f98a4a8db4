//! The family statements (father, mother, spouse, child) with what stands behind them: the
//! statement id, its rank, its references summed up, the qualifiers that cast doubt and the
//! kinship qualifier that says a parent is adoptive, foster or step.
//!
//! Item ids of Wikidata's qualifier values, each from public material found with the
//! project's search tool (no guesses):
//! - P1480 (sourcing circumstances): circa Q5727902, presumably Q18122778, hypothetically
//!   Q18603603, disputed Q18912752 (a public note quoting `Property:P1480`'s value list; the
//!   same ids in public QuickStatements and web code).
//! - P1039 (kinship to subject): adoptive father Q61740757, adoptive mother Q61740758,
//!   adoptive parent Q20746742, adopted son Q20746725, adopted daughter Q20746728, adopted child
//!   Q25858158, stepson Q4346792, stepdaughter Q19822354 (a public measurement of P1038/P1039
//!   values with their English labels, public import scripts using them on P22/P25/P40).
//!   Stepfather, stepmother and foster items were not confirmed by any source found, so they
//!   are not listed: a statement with another P1039 value keeps it in
//!   [`Statement::kinship_items`] and [`Statement::kinship`] is `None` (treated as blood).

use super::date::Date;
use crate::{Pid, Qid};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// P1480 "circa".
pub const CIRCA: Qid = Qid(5727902);
/// P1480 "presumably".
pub const PRESUMABLY: Qid = Qid(18122778);
/// P1480 "hypothetically".
pub const HYPOTHETICALLY: Qid = Qid(18603603);
/// P1480 / P5102 "disputed".
pub const DISPUTED: Qid = Qid(18912752);

/// P1039 "adoptive father".
pub const ADOPTIVE_FATHER: Qid = Qid(61740757);
/// P1039 "adoptive mother".
pub const ADOPTIVE_MOTHER: Qid = Qid(61740758);
/// P1039 "adoptive parent".
pub const ADOPTIVE_PARENT: Qid = Qid(20746742);
/// P1039 "adopted son" (on a P40 statement).
pub const ADOPTED_SON: Qid = Qid(20746725);
/// P1039 "adopted daughter" (on a P40 statement).
pub const ADOPTED_DAUGHTER: Qid = Qid(20746728);
/// P1039 "adopted child" (on a P40 statement).
pub const ADOPTED_CHILD: Qid = Qid(25858158);
/// P1039 "stepson" (on a P40 statement).
pub const STEPSON: Qid = Qid(4346792);
/// P1039 "stepdaughter" (on a P40 statement).
pub const STEPDAUGHTER: Qid = Qid(19822354);

/// Wikidata's reference and qualifier properties read (on other instances references are
/// kept only as "some reference").
pub(super) const P_STATED_IN: u32 = 248;
pub(super) const P_REFERENCE_URL: u32 = 854;
pub(super) const P_RETRIEVED: u32 = 813;
pub(super) const P_IMPORTED_FROM: u32 = 143;
pub(super) const P_WIKIMEDIA_IMPORT_URL: u32 = 4656;

/// Which family property a statement is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FamilyProp {
    Father,
    Mother,
    Spouse,
    Child,
}

/// A statement's rank.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rank {
    Preferred,
    #[default]
    Normal,
    Deprecated,
}

impl Rank {
    /// `preferred`, `normal`, `deprecated` (as Wikidata writes it).
    pub fn as_str(self) -> &'static str {
        match self {
            Rank::Preferred => "preferred",
            Rank::Normal => "normal",
            Rank::Deprecated => "deprecated",
        }
    }
}

impl Serialize for Rank {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Rank {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let k = super::raw::Key::deserialize(d)?;
        Ok(match &*k.0 {
            "preferred" => Rank::Preferred,
            "deprecated" => Rank::Deprecated,
            _ => Rank::Normal,
        })
    }
}

/// A date's calendar model (Wikidata's `calendarmodel`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Calendar {
    /// Proleptic Gregorian (Q1985727), also when none is stated.
    #[default]
    Gregorian,
    /// Proleptic Julian (Q1985786).
    Julian,
    /// Any other calendar model: dates in it are never compared.
    Other,
}

impl Calendar {
    /// From a `calendarmodel` IRI.
    pub fn from_iri(iri: &str) -> Calendar {
        if iri.ends_with("/Q1985727") {
            Calendar::Gregorian
        } else if iri.ends_with("/Q1985786") {
            Calendar::Julian
        } else {
            Calendar::Other
        }
    }
}

/// What the date statement of a birth or death was (its id and calendar).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateDetail {
    /// The statement's id (GUID), when the response had one.
    pub statement: Option<String>,
    pub calendar: Calendar,
}

/// What kind of non-blood parent link a P1039 qualifier says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kinship {
    Adoptive,
    Foster,
    Step,
}

impl Kinship {
    /// The kinship of a known P1039 value (see the module's list of ids).
    pub fn of_item(q: Qid) -> Option<Kinship> {
        match q {
            ADOPTIVE_FATHER | ADOPTIVE_MOTHER | ADOPTIVE_PARENT | ADOPTED_SON
            | ADOPTED_DAUGHTER | ADOPTED_CHILD => Some(Kinship::Adoptive),
            STEPSON | STEPDAUGHTER => Some(Kinship::Step),
            _ => None,
        }
    }

    /// `adoptive`, `foster`, `step`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kinship::Adoptive => "adoptive",
            Kinship::Foster => "foster",
            Kinship::Step => "step",
        }
    }
}

/// One reference of a statement, summed up.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// P248 stated in.
    pub stated_in: Vec<Qid>,
    /// P854 reference URLs.
    pub urls: Vec<String>,
    /// P813 retrieved.
    pub retrieved: Option<Date>,
    /// P143 imported from (a Wikimedia project item).
    pub imported_from: Vec<Qid>,
    /// Only P143 / P4656 (with at most P813): the value was imported from a wiki, no source.
    pub imported: bool,
}

/// One family statement as read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// The statement id (`Q42$9ac7fb72-…`); empty when the response had none.
    pub id: String,
    pub prop: FamilyProp,
    /// The instance's property id (`22` for Wikidata's P22).
    pub pid: u32,
    pub rank: Rank,
    /// The item stated (father, mother, spouse or child).
    pub target: Qid,
    pub references: Vec<Reference>,
    /// P1480 sourcing circumstances values.
    pub sourcing: Vec<Qid>,
    /// P5102 nature of statement values.
    pub nature: Vec<Qid>,
    /// P1039 kinship to subject values.
    pub kinship_items: Vec<Qid>,
}

impl Statement {
    /// The property id.
    pub fn property(&self) -> Pid {
        Pid(self.pid)
    }

    /// The qualifier values that cast doubt: P1480 then P5102, deduplicated.
    pub fn doubt(&self) -> Vec<Qid> {
        let mut out: Vec<Qid> = Vec::new();
        for q in self.sourcing.iter().chain(&self.nature) {
            if !out.contains(q) {
                out.push(*q);
            }
        }
        out
    }

    /// Adoptive, foster or step, when a known P1039 value says so.
    pub fn kinship(&self) -> Option<Kinship> {
        self.kinship_items.iter().find_map(|q| Kinship::of_item(*q))
    }

    /// Whether some reference is a real one (not imported only).
    pub fn is_referenced(&self) -> bool {
        self.references.iter().any(|r| !r.imported)
    }

    /// Whether it has references and all of them are imports only.
    pub fn is_imported_only(&self) -> bool {
        !self.references.is_empty() && self.references.iter().all(|r| r.imported)
    }
}

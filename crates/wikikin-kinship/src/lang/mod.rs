//! Kinship terms and sentences in eight languages, by rule, one file per language (the
//! conventions: `../shared/data/kinship-terms.md`). A language is a [`Grammar`]: its words
//! ([`Grammar::term`], [`Grammar::link`], …) and its sentence frames, which place people as
//! whole pieces ([`Phrase`]) and never inflect a name.
//!
//! The public entry points are the free functions below ([`kin_term`], [`relationship_phrase`],
//! [`connection_phrase`], [`headline`], …), each taking a [`Lang`].

mod da;
mod de;
mod en;
mod es;
mod nordic;
mod sv;

mod fr;
mod frame;
mod nb;
mod nl;
mod phrase;

pub use frame::{
    ancestors_list, connection_link, connection_phrase, direct_line_phrase, headline, kin_term,
    link_term, relationship_phrase,
};
pub use phrase::{Phrase, Piece};

pub(crate) use en::link_static as en_link_static;

use crate::{Kind, Relationship, Sex};
use serde::{Deserialize, Serialize};

/// A language of the words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    De,
    Fr,
    Es,
    Nl,
    Sv,
    Nb,
    Da,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 8] = [
        Lang::En,
        Lang::De,
        Lang::Fr,
        Lang::Es,
        Lang::Nl,
        Lang::Sv,
        Lang::Nb,
        Lang::Da,
    ];

    /// The language of a BCP 47 code ("de", "de-AT", "nb", "no", "sv-FI"); `None` if not ours.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        Some(match primary.as_str() {
            "en" => Lang::En,
            "de" => Lang::De,
            "fr" => Lang::Fr,
            "es" => Lang::Es,
            "nl" => Lang::Nl,
            "sv" => Lang::Sv,
            "nb" | "no" | "nn" => Lang::Nb,
            "da" => Lang::Da,
            _ => return None,
        })
    }

    /// The code: "en", "de", "fr", "es", "nl", "sv", "nb", "da".
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Nl => "nl",
            Lang::Sv => "sv",
            Lang::Nb => "nb",
            Lang::Da => "da",
        }
    }

    /// The grammar of the language.
    pub(crate) fn grammar(self) -> &'static dyn Grammar {
        match self {
            Lang::De => &de::De,
            Lang::Sv => &sv::Sv,
            Lang::Es => &es::Es,
            Lang::Nb => &nb::Nb,
            Lang::Da => &da::Da,
            Lang::Fr => &fr::Fr,
            Lang::Nl => &nl::Nl,
            Lang::En => &en::En,
        }
    }
}

/// What a blood relationship needs to be worded: what `b` is to `a`.
///
/// `a_line` are the sexes of the people on `a`'s line of that very relationship, from `a`'s
/// parent upward to the child of the common ancestor (`ga - 1` people); `b_line` those on `b`'s
/// line from the child of the common ancestor down to `b`'s parent (`gb - 1` people). Missing
/// entries count as unknown. Swedish, Norwegian, Danish and Dutch word through them ("fars
/// tremänning"); the others ignore them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kin {
    pub ga: u32,
    pub gb: u32,
    pub half: bool,
    pub double: bool,
    /// A parent link on the way is adoptive ("adoptive father").
    pub adoptive: bool,
    pub a_line: Vec<Sex>,
    pub b_line: Vec<Sex>,
}

impl Kin {
    /// `ga`, `gb`, no flags, linking sexes unknown.
    pub fn new(ga: u32, gb: u32) -> Kin {
        Kin {
            ga,
            gb,
            ..Kin::default()
        }
    }

    /// The kin of a relationship, the linking people's sexes read along its lines of descent
    /// (`path_a`, `path_b`: the line its chart shows).
    pub fn of<Id: Copy>(r: &Relationship<Id>, sex: &dyn Fn(Id) -> Sex) -> Kin {
        let up = r.ga.saturating_sub(1) as usize;
        let down = r.gb.saturating_sub(1) as usize;
        let mut a_line: Vec<Sex> = r.path_a.iter().skip(1).take(up).map(|q| sex(*q)).collect();
        a_line.reverse();
        Kin {
            ga: r.ga,
            gb: r.gb,
            half: r.half,
            double: r.double,
            adoptive: false,
            a_line,
            b_line: r
                .path_b
                .iter()
                .skip(1)
                .take(down)
                .map(|q| sex(*q))
                .collect(),
        }
    }

    pub fn kind(&self) -> Kind {
        Kind::from_generations(self.ga, self.gb)
    }

    /// Cousin degree `min(ga, gb) - 1`.
    pub fn degree(&self) -> u32 {
        self.ga.min(self.gb).saturating_sub(1)
    }

    /// Removal `|ga - gb|`.
    pub fn removed(&self) -> u32 {
        self.ga.abs_diff(self.gb)
    }

    /// `b` is of an older generation than `a`.
    pub fn older(&self) -> bool {
        self.gb < self.ga
    }

    /// The sex of `a`'s ancestor `i + 1` generations up (0: `a`'s parent).
    pub fn up(&self, i: u32) -> Sex {
        self.a_line.get(i as usize).copied().unwrap_or_default()
    }

    /// The sex of the person on `b`'s line `i + 1` generations below the common ancestor.
    pub fn down(&self, i: u32) -> Sex {
        self.b_line.get(i as usize).copied().unwrap_or_default()
    }

    /// Cousins of one generation, siblings: the same word both ways.
    pub fn symmetric(&self) -> bool {
        self.ga == self.gb && self.ga > 0 && !self.adoptive
    }
}

/// A connection through marriage that has a single word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Link {
    Spouse,
    ParentInLaw,
    ChildInLaw,
    SiblingInLaw,
    StepParent,
    StepChild,
    StepSibling,
    GrandparentInLaw,
    GrandchildInLaw,
}

/// One thing said in a headline: a connection word or a blood relationship.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Said {
    Link(Link),
    Kin(Kin),
}

/// One hop of a chain through marriage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Hop {
    Parent,
    Child,
    Spouse,
    Sibling,
}

/// Grammatical gender of a term (articles, possessives, agreement).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    M,
    F,
    N,
}

/// A worded term and what the frames around it need.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Term {
    pub text: String,
    pub gender: Gender,
    /// One of a kind for `a` (a parent, a spouse): German and Dutch say "der"/"de", not "ein".
    pub definite: bool,
}

impl Term {
    pub fn new(text: impl Into<String>, gender: Gender) -> Term {
        Term {
            text: text.into(),
            gender,
            definite: false,
        }
    }

    pub fn definite(mut self, yes: bool) -> Term {
        self.definite = yes;
        self
    }
}

/// By sex: the male, female and neutral (unknown) forms.
pub(crate) fn by_sex<T>(sex: Sex, m: T, f: T, u: T) -> T {
    match sex {
        Sex::Male => m,
        Sex::Female => f,
        Sex::Unknown => u,
    }
}

/// The gender of a sexed word, neutral where the sex is unknown.
pub(crate) fn gender(sex: Sex) -> Gender {
    by_sex(sex, Gender::M, Gender::F, Gender::N)
}

/// A part of a sentence frame: text, or the person `a` or `b` of the relationship.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Slot {
    T(String),
    A,
    B,
}

/// A language: its words and frames. Text-only (no person ids): the generic code in `frame.rs`
/// puts the people in.
pub(crate) trait Grammar: Sync {
    /// What `b` is to `a` (`sex_b`: b's sex).
    fn term(&self, k: &Kin, sex_b: Sex) -> Term;
    /// The plural for both, where the word is the same both ways ("first cousins").
    fn plural(&self, k: &Kin, sex_a: Sex, sex_b: Sex) -> Option<String>;
    fn link(&self, l: Link, sex: Sex) -> Term;
    fn link_plural(&self, l: Link, sex_a: Sex, sex_b: Sex) -> Option<String>;
    fn hop(&self, h: Hop, sex: Sex) -> Term;
    /// "her son": `owner`'s `t`.
    fn poss(&self, owner: Sex, t: &Term) -> String;
    /// "B is A's T" (`a_label` for elision).
    fn is_of(&self, t: &Term, a_label: &str) -> Vec<Slot>;
    /// " — through "
    fn through(&self) -> &'static str;
    /// The list conjunction before `next` (" and ").
    fn and(&self, next: &str) -> &'static str;
    /// The conjunction between ancestors ("X & Y").
    fn amp(&self, next: &str) -> &'static str {
        self.and(next)
    }
    /// "B is a direct ancestor of A".
    fn direct(&self, ancestor: bool, sex_b: Sex, a_label: &str) -> Vec<Slot>;
    /// ", and also "
    fn also(&self) -> &'static str;
    /// The possessive once before the list (English) or before each item (German).
    fn poss_each(&self) -> bool;
    /// " are "
    fn are(&self) -> &'static str;
    /// "the same person"
    fn same(&self) -> &'static str;
}

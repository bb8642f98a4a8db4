//! The replica's people in Wikidata's RDF model, as WDQS holds it: `wd:Q…` items with labels,
//! descriptions and aliases; truthy `wdt:` triples for the best-ranked family statements; full
//! `p:`/`ps:`/`pq:` statement nodes with `wikibase:rank` (all of them, or with
//! [`Statements::Ranked`] only where ranks matter); unknown values as skolem IRIs
//! (`…/.well-known/genid/…`), no values as `rdf:type wdno:P…`; redirects as `owl:sameAs`.
//! Everything comes from `render::family::family_claims`, like the entity JSON.

use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::instance::Instance;
use crate::model::{quirk, Data, PDate};
use crate::render::family::{family_claims, Claim, Value};
use crate::render::{self, statement_guid, Payload};

pub(super) const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub(super) const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
pub(super) const SCHEMA: &str = "http://schema.org/";
pub(super) const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
pub(super) const OWL: &str = "http://www.w3.org/2002/07/owl#";
pub(super) const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
pub(super) const WIKIBASE: &str = "http://wikiba.se/ontology#";
pub(super) const PROV: &str = "http://www.w3.org/ns/prov#";
/// Where WDQS points `commonsMedia` values.
const COMMONS: &str = "http://commons.wikimedia.org/wiki/Special:FilePath/";
/// PHP's `rawurlencode`: everything but letters, digits and `-_.~`.
const RAWURL: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

fn iri(s: String) -> NamedNode {
    NamedNode::new_unchecked(s)
}

fn quad(s: &NamedNode, p: NamedNode, o: impl Into<Term>) -> Quad {
    Quad::new(s.clone(), p, o.into(), GraphName::DefaultGraph)
}

/// Julian day number → proleptic Gregorian (year, month, day).
fn gregorian_of_jdn(j: i64) -> (i64, i64, i64) {
    let a = j + 32044;
    let b = (4 * a + 3) / 146097;
    let c = a - 146097 * b / 4;
    let d = (4 * c + 3) / 1461;
    let e = c - 1461 * d / 4;
    let m = (5 * e + 2) / 153;
    (
        100 * b + d - 4800 + m / 10,
        m + 3 - 12 * (m / 10),
        e - (153 * m + 2) / 5 + 1,
    )
}

fn jdn_of_julian(y: i64, m: i64, d: i64) -> i64 {
    let a = (14 - m) / 12;
    let y = y + 4800 - a;
    let m = m + 12 * a - 3;
    d + (153 * m + 2) / 5 + 365 * y + y / 4 - 32083
}

/// A date as WDQS gives it: `xsd:dateTime`, month and day 1 where unknown; a Julian date of day
/// precision converted to the proleptic Gregorian calendar (as WDQS does).
pub fn date_literal(d: &PDate) -> Literal {
    let (mut y, mut m, mut day) = (
        i64::from(d.year),
        i64::from(d.month.max(1)),
        i64::from(d.day.max(1)),
    );
    if (d.julian || d.year < 1583) && d.precision() == 11 {
        (y, m, day) = gregorian_of_jdn(jdn_of_julian(y, m, day));
    }
    let sign = if y < 0 { "-" } else { "" };
    Literal::new_typed_literal(
        format!("{sign}{:04}-{m:02}-{day:02}T00:00:00Z", y.abs()),
        iri(format!("{XSD}dateTime")),
    )
}

struct Ns<'a> {
    inst: &'a Instance,
}

impl Ns<'_> {
    fn entity(&self, q: u32) -> NamedNode {
        iri(format!("{}Q{q}", self.inst.entity))
    }
    fn prop(&self, kind: &str, p: &str) -> NamedNode {
        iri(format!("{}{kind}{p}", self.inst.prop_base))
    }
    fn value(&self, v: &Value, h: u64) -> Option<Term> {
        Some(match v {
            Value::Item(q) => self.entity(*q).into(),
            Value::Time(d) => date_literal(d).into(),
            Value::File(f) => iri(format!("{COMMONS}{}", utf8_percent_encode(f, RAWURL))).into(),
            Value::Some => iri(format!(
                "{}{:016x}{:016x}",
                self.inst.genid,
                crate::model::mix2(h, 21),
                crate::model::mix2(h, 22)
            ))
            .into(),
            Value::NoValue => return None,
        })
    }
}

/// Which statement nodes the store holds (`--statements`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Statements {
    /// `Full` up to [`Statements::AUTO_FULL_UP_TO`] people, `Ranked` above.
    #[default]
    Auto,
    /// Every statement as a `p:`/`ps:` node with its rank, as WDQS holds it (5 triples a
    /// statement, most of the store).
    Full,
    /// Statement nodes only for the claims where ranks matter: two statements of the same value
    /// (a duplicate), a rank other than normal, an (item) qualifier, or an unknown/no value.
    /// Plain normal-rank statements of distinct values have their truthy `wdt:` triples only.
    Ranked,
}

impl Statements {
    /// `Auto` keeps every statement node up to this many people.
    pub const AUTO_FULL_UP_TO: usize = 200_000;

    /// `Full` or `Ranked` for a store of `people` people.
    pub fn resolve(self, people: usize) -> Statements {
        match self {
            Statements::Auto if people <= Self::AUTO_FULL_UP_TO => Statements::Full,
            Statements::Auto => Statements::Ranked,
            s => s,
        }
    }

    /// `full`, `ranked` or `auto`.
    pub fn parse(s: &str) -> Option<Statements> {
        match s {
            "auto" => Some(Statements::Auto),
            "full" => Some(Statements::Full),
            "ranked" => Some(Statements::Ranked),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Statements::Auto => "auto",
            Statements::Full => "full",
            Statements::Ranked => "ranked",
        }
    }
}

/// Whether a claim's statement nodes say anything its truthy triple does not: ranks, several
/// values, qualifiers, unknown or no value.
fn ranks_matter(claim: &Claim) -> bool {
    // Two statements of one value are one truthy triple: only their nodes tell them apart.
    let duplicates = claim
        .stmts
        .iter()
        .enumerate()
        .any(|(i, s)| claim.stmts.iter().skip(i + 1).any(|t| t.value == s.value));
    duplicates
        || claim.stmts.iter().any(|s| {
            s.rank != "normal"
                || matches!(s.value, Value::Some | Value::NoValue)
                || !s.item_qualifiers().is_empty()
                || s.refs.as_ref().is_some_and(|r| !r.is_empty())
        })
}

fn claim_quads(
    out: &mut Vec<Quad>,
    ns: &Ns,
    subject: &NamedNode,
    qid: u32,
    claim: &Claim,
    statements: Statements,
) {
    let rdf_type = || iri(format!("{RDF}type"));
    let best = if claim.stmts.iter().any(|s| s.rank == "preferred") {
        "preferred"
    } else {
        "normal"
    };
    let nodes = statements != Statements::Ranked || ranks_matter(claim);
    for s in &claim.stmts {
        let value = ns.value(&s.value, s.h);
        let is_best = s.rank == best;
        if is_best {
            match &value {
                Some(v) => out.push(quad(subject, ns.prop("direct/", claim.prop), v.clone())),
                None => out.push(quad(subject, rdf_type(), ns.prop("novalue/", claim.prop))),
            }
        }
        if !nodes {
            continue;
        }
        let st = iri(format!(
            "{}statement/{}",
            ns.inst.entity,
            statement_guid(qid, s.h).replace('$', "-")
        ));
        out.push(quad(subject, ns.prop("", claim.prop), st.clone()));
        out.push(quad(&st, rdf_type(), iri(format!("{WIKIBASE}Statement"))));
        if is_best {
            out.push(quad(&st, rdf_type(), iri(format!("{WIKIBASE}BestRank"))));
        }
        match value {
            Some(v) => out.push(quad(&st, ns.prop("statement/", claim.prop), v)),
            None => out.push(quad(&st, rdf_type(), ns.prop("novalue/", claim.prop))),
        }
        let rank = match s.rank {
            "preferred" => "PreferredRank",
            "deprecated" => "DeprecatedRank",
            _ => "NormalRank",
        };
        out.push(quad(
            &st,
            iri(format!("{WIKIBASE}rank")),
            iri(format!("{WIKIBASE}{rank}")),
        ));
        for (qp, item) in s.item_qualifiers() {
            out.push(quad(&st, ns.prop("qualifier/", qp), ns.entity(item)));
        }
        for r in s.refs.iter().flatten() {
            let node = iri(format!(
                "{}{}",
                ns.inst.entity.replace("/entity/", "/reference/"),
                render::hex40_string(r.seed())
            ));
            out.push(quad(
                &st,
                iri(format!("{PROV}wasDerivedFrom")),
                node.clone(),
            ));
            out.push(quad(&node, rdf_type(), iri(format!("{WIKIBASE}Reference"))));
            if let Some(src) = r.stated_in {
                out.push(quad(&node, ns.prop("reference/", "P248"), ns.entity(src)));
            }
            if let Some(url) = &r.url {
                out.push(quad(&node, ns.prop("reference/", "P854"), iri(url.clone())));
            }
            if let Some(d) = &r.retrieved {
                out.push(quad(&node, ns.prop("reference/", "P813"), date_literal(d)));
            }
            if let Some(w) = r.imported_from {
                out.push(quad(&node, ns.prop("reference/", "P143"), ns.entity(w)));
            }
        }
    }
}

/// The quads of the person at `idx` (none for a deleted item; others still link to it),
/// appended to `out`.
pub fn person_quads(
    out: &mut Vec<Quad>,
    data: &Data,
    inst: &Instance,
    payload: Payload,
    statements: Statements,
    idx: u32,
) {
    let Some(p) = data.people.get(idx as usize) else {
        return;
    };
    if p.quirks & quirk::DELETED != 0 {
        return;
    }
    let ns = Ns { inst };
    let lit = |s: &str, lang: &str| Literal::new_language_tagged_literal_unchecked(s, lang);
    let subject = ns.entity(p.qid);
    out.push(quad(
        &subject,
        iri(format!("{RDF}type")),
        iri(format!("{WIKIBASE}Item")),
    ));
    let (labels, descriptions) = render::terms_of(data, payload, idx, p);
    for (lang, text) in &labels {
        out.push(quad(&subject, iri(format!("{RDFS}label")), lit(text, lang)));
    }
    for (lang, text) in &descriptions {
        out.push(quad(
            &subject,
            iri(format!("{SCHEMA}description")),
            lit(text, lang),
        ));
    }
    for a in data.aliases.get(&idx).into_iter().flatten() {
        out.push(quad(&subject, iri(format!("{SKOS}altLabel")), lit(a, "en")));
    }
    for claim in family_claims(data, inst, idx, p) {
        claim_quads(out, &ns, &subject, p.qid, &claim, statements);
    }
}

/// The `owl:sameAs` quads of the redirects (to items not deleted).
pub fn redirect_quads(out: &mut Vec<Quad>, data: &Data, inst: &Instance) {
    let ns = Ns { inst };
    for (&old, &idx) in &data.redirects {
        if let Some(p) = data.person(idx) {
            if p.quirks & quirk::DELETED == 0 {
                out.push(quad(
                    &ns.entity(old),
                    iri(format!("{OWL}sameAs")),
                    ns.entity(p.qid),
                ));
            }
        }
    }
}

/// The extra items (fixtures, sources, qualifier values: `model/extra.rs`) and their redirects.
pub fn extra_quads(out: &mut Vec<Quad>, inst: &Instance, statements: Statements) {
    use crate::model::extra::{EXTRAS, REDIRECTS};
    let ns = Ns { inst };
    for e in EXTRAS {
        let subject = ns.entity(e.qid);
        out.push(quad(
            &subject,
            iri(format!("{RDF}type")),
            iri(format!("{WIKIBASE}Item")),
        ));
        for (lang, text) in e.labels {
            let l = Literal::new_language_tagged_literal_unchecked(*text, *lang);
            out.push(quad(&subject, iri(format!("{RDFS}label")), l));
        }
        let d = Literal::new_language_tagged_literal_unchecked(e.description, "en");
        out.push(quad(&subject, iri(format!("{SCHEMA}description")), d));
        if let Some(class) = e.instance_of {
            let h = render::extra::p31_seed(e.qid);
            let claim = crate::render::family::plain_claim(inst.instance_of, class, h);
            claim_quads(out, &ns, &subject, e.qid, &claim, statements);
        }
    }
    for (old, new) in REDIRECTS {
        out.push(quad(
            &ns.entity(*old),
            iri(format!("{OWL}sameAs")),
            ns.entity(*new),
        ));
    }
}

/// Every quad of the store, made a person at a time (`statements` already resolved: `Auto`
/// counts as `Full`).
pub fn quads<'a>(
    data: &'a Data,
    inst: &'a Instance,
    payload: Payload,
    statements: Statements,
) -> impl Iterator<Item = Quad> + 'a {
    let people = (0..data.people.len() as u32).flat_map(move |idx| {
        let mut out = Vec::new();
        person_quads(&mut out, data, inst, payload, statements, idx);
        out
    });
    let redirects = std::iter::once(()).flat_map(move |()| {
        let mut out = Vec::new();
        redirect_quads(&mut out, data, inst);
        extra_quads(&mut out, inst, statements);
        out
    });
    people.chain(redirects)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Modifier;

    fn day(year: i16, month: u8, day: u8, julian: bool) -> PDate {
        PDate {
            year,
            month,
            day,
            modifier: Modifier::Exact,
            julian,
            end_year: 0,
        }
    }

    #[test]
    fn auto_statements_are_full_up_to_200000_people() {
        assert_eq!(Statements::Auto.resolve(200_000), Statements::Full);
        assert_eq!(Statements::Auto.resolve(200_001), Statements::Ranked);
        assert_eq!(Statements::Full.resolve(10_000_000), Statements::Full);
        assert_eq!(Statements::Ranked.resolve(10), Statements::Ranked);
        for s in [Statements::Auto, Statements::Full, Statements::Ranked] {
            assert_eq!(Statements::parse(s.name()), Some(s));
        }
        assert_eq!(Statements::parse("some"), None);
    }

    #[test]
    fn dates_as_wdqs_gives_them() {
        assert_eq!(
            date_literal(&day(1819, 5, 24, false)).value(),
            "1819-05-24T00:00:00Z"
        );
        assert_eq!(
            date_literal(&day(1819, 0, 0, false)).value(),
            "1819-01-01T00:00:00Z"
        );
        // Elizabeth I, born 7 September 1533 (Julian) = 17 September (Gregorian).
        assert_eq!(
            date_literal(&day(1533, 9, 7, false)).value(),
            "1533-09-17T00:00:00Z"
        );
        // Newton, 25 December 1642 Old Style = 4 January 1643.
        assert_eq!(
            date_literal(&day(1642, 12, 25, true)).value(),
            "1643-01-04T00:00:00Z"
        );
        // Year precision is not shifted.
        assert_eq!(
            date_literal(&day(1066, 0, 0, true)).value(),
            "1066-01-01T00:00:00Z"
        );
    }
}

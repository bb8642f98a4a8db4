//! Loading: the `gedcom_id,qid,name` CSV, and a parsed GEDCOM → [`Data`] (Q-ids, labels,
//! aliases, titles, images, parents, children, spouses).

use std::collections::HashMap;
use std::path::Path;

use wikikin_gedcom::{Gedcom, Sex as GSex};

use super::{parse_qid, Data, PDate, Person, Sex, NONE, OWN_QID_BASE, REDIRECT_QID_BASE};

fn csv_err(path: &Path, e: impl std::fmt::Display) -> String {
    format!("Q-id CSV {}: {e}", path.display())
}

/// Read `gedcom_id,qid,name` rows.
pub fn read_qids(path: &Path) -> Result<Vec<(String, u32, String)>, String> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_path(path)
        .map_err(|e| csv_err(path, e))?;
    let mut out = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let line = i + 2;
        let rec = rec.map_err(|e| csv_err(path, e))?;
        let gid = rec.get(0).unwrap_or("").trim_matches('@').to_string();
        let qid_text = rec.get(1).unwrap_or("");
        let qid = parse_qid(qid_text).ok_or_else(|| {
            csv_err(
                path,
                format!("line {line}: {qid_text:?} is not a Q-id like Q42"),
            )
        })?;
        if gid.is_empty() {
            return Err(csv_err(path, format!("line {line}: empty gedcom_id")));
        }
        let name = rec.get(2).unwrap_or("").to_string();
        out.push((gid, qid, name));
    }
    Ok(out)
}

impl Data {
    pub fn from_gedcom(g: &Gedcom, qids: &[(String, u32, String)]) -> Result<Data, String> {
        let n = g.individuals.len();
        let n32 = u32::try_from(n).map_err(|_| "too many people".to_string())?;
        if n32 >= REDIRECT_QID_BASE / 8 {
            return Err(format!("{n} people is more than this replica can number"));
        }
        let mut d = Data::default();
        let mut title_ids: HashMap<String, u32> = HashMap::new();
        let mut qid_for: HashMap<&str, (u32, &str)> = HashMap::new();
        for (gid, q, name) in qids {
            if (OWN_QID_BASE..OWN_QID_BASE.saturating_add(n32)).contains(q)
                || (REDIRECT_QID_BASE..REDIRECT_QID_BASE.saturating_add(n32)).contains(q)
            {
                return Err(format!(
                    "Q{q} from the CSV falls in the range the replica numbers its own people from"
                ));
            }
            if super::extra::reserved(*q) {
                return Err(format!(
                    "Q{q} from the CSV is one of the replica's fixed items (see the README)"
                ));
            }
            qid_for.insert(gid.as_str(), (*q, name.as_str()));
        }
        for (i, ind) in g.individuals.iter().enumerate() {
            let idx = i as u32;
            let (qid, label) = match qid_for.get(ind.xref.as_str()) {
                Some((q, name)) => (*q, Some(*name)),
                None => (OWN_QID_BASE + idx, None),
            };
            if d.by_qid.insert(qid, idx).is_some() {
                return Err(format!("Q{qid} is given to two people in the CSV"));
            }
            if let Some(l) = label {
                d.real_qids.insert(qid);
                if !l.trim().is_empty() {
                    d.labels.insert(idx, l.into());
                }
            }
            let title = match &ind.title {
                Some(t) => {
                    let next = d.titles.len() as u32;
                    let id = *title_ids.entry(t.clone()).or_insert(next);
                    if id == next {
                        d.titles.push(t.as_str().into());
                    }
                    id
                }
                None => NONE,
            };
            let mut aliases: Vec<Box<str>> = Vec::new();
            if label.is_some() && !ind.name.is_empty() {
                aliases.push(ind.name.as_str().into());
            }
            aliases.extend(ind.aliases.iter().map(|a| a.as_str().into()));
            if !aliases.is_empty() {
                d.aliases.insert(idx, aliases);
            }
            if let Some(img) = &ind.image {
                d.images.insert(idx, img.as_str().into());
            }
            d.by_gedcom.insert(ind.xref.as_str().into(), idx);
            d.people.push(Person {
                qid,
                father: NONE,
                mother: NONE,
                sex: match ind.sex {
                    GSex::Male => Sex::Male,
                    GSex::Female => Sex::Female,
                    GSex::Unknown => Sex::Unknown,
                },
                quirks: 0,
                birth: ind.birth.as_ref().map_or(PDate::NONE, PDate::from_ged),
                death: ind.death.as_ref().map_or(PDate::NONE, PDate::from_ged),
                title,
                name: ind.name.as_str().into(),
                gedcom_id: ind.xref.as_str().into(),
                children: Box::new([]),
                spouses: Box::new([]),
            });
        }
        // Families → parents, children, spouses (first family that names a parent wins).
        let mut children: Vec<Vec<u32>> = vec![Vec::new(); n];
        let mut spouses: Vec<Vec<u32>> = vec![Vec::new(); n];
        for f in &g.families {
            let h = f.husband.as_deref().and_then(|x| g.individual_index(x));
            let w = f.wife.as_deref().and_then(|x| g.individual_index(x));
            if let (Some(h), Some(w)) = (h, w) {
                if h != w {
                    push_unique(&mut spouses, h, w as u32);
                    push_unique(&mut spouses, w, h as u32);
                }
            }
            for c in f.children.iter().filter_map(|c| g.individual_index(c)) {
                let Some(child) = d.people.get_mut(c) else {
                    continue;
                };
                for (parent, slot) in [(h, 0), (w, 1)] {
                    let Some(p) = parent else { continue };
                    if p == c {
                        continue;
                    }
                    let field = if slot == 0 {
                        &mut child.father
                    } else {
                        &mut child.mother
                    };
                    if *field == NONE {
                        *field = p as u32;
                        push_unique(&mut children, p, c as u32);
                    }
                }
            }
        }
        for (i, p) in d.people.iter_mut().enumerate() {
            p.children = std::mem::take(&mut children[i]).into_boxed_slice();
            p.spouses = std::mem::take(&mut spouses[i]).into_boxed_slice();
        }
        Ok(d)
    }
}

fn push_unique(lists: &mut [Vec<u32>], at: usize, v: u32) {
    if let Some(l) = lists.get_mut(at) {
        if !l.contains(&v) {
            l.push(v);
        }
    }
}

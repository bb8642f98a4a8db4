//! Tree → individuals and families: which tags of `INDI`, `FAM`, `OBJE` and `HEAD` records
//! are read, and the warnings for dangling pointers and duplicate records.

use std::collections::HashMap;

use crate::name::split_name;
use crate::tree::Node;
use crate::{Citation, Family, GedDate, Gedcom, Individual, Sex, Source, Warning};

fn pointer(v: &str) -> Option<String> {
    let v = v.trim();
    let inner = v.strip_prefix('@')?.strip_suffix('@')?;
    if inner.is_empty() || inner.contains('@') {
        None
    } else {
        Some(inner.to_string())
    }
}

fn event_date(ev: &Node, who: &str, warnings: &mut Vec<Warning>) -> Option<GedDate> {
    let d = ev.child("DATE")?;
    match GedDate::parse(&d.value) {
        Ok(date) => Some(date),
        Err(e) => {
            warnings.push(Warning {
                line: d.line,
                message: format!("{who} {}: {e}", ev.tag),
            });
            None
        }
    }
}

/// A `SOUR` line as a citation (`event`: the event tag it is on).
fn citation(c: &Node, event: Option<&str>) -> Citation {
    let source = pointer(&c.value);
    Citation {
        text: if source.is_none() {
            non_empty(&c.value).map(|t| t.replace("@@", "@"))
        } else {
            None
        },
        source,
        page: c
            .child("PAGE")
            .and_then(|p| non_empty(&p.value))
            .map(|p| p.replace("@@", "@")),
        event: event.map(str::to_string),
        line: c.line,
    }
}

/// The `SOUR` citations directly under an event.
fn citations(node: &Node, event: Option<&str>, out: &mut Vec<Citation>) {
    for c in node.children.iter().filter(|c| c.tag == "SOUR") {
        out.push(citation(c, event));
    }
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

pub(crate) fn extract(records: Vec<Node>, mut warnings: Vec<Warning>) -> Gedcom {
    let mut g = Gedcom::default();
    let mut objects: HashMap<String, String> = HashMap::new();
    for r in &records {
        match r.tag.as_str() {
            "HEAD" => {
                g.source = r.child("SOUR").and_then(|s| non_empty(&s.value));
            }
            "SOUR" => {
                if let Some(x) = &r.xref {
                    if g.sour_index.contains_key(x) {
                        warnings.push(Warning {
                            line: r.line,
                            message: format!("duplicate source @{x}@; later record ignored"),
                        });
                    } else {
                        g.sour_index.insert(x.clone(), g.sources.len());
                        g.sources.push(Source {
                            xref: x.clone(),
                            title: r
                                .child("TITL")
                                .and_then(|t| non_empty(&t.value))
                                .map(|t| t.replace("@@", "@")),
                            line: r.line,
                        });
                    }
                }
            }
            "OBJE" => {
                if let (Some(x), Some(f)) = (&r.xref, r.child("FILE")) {
                    if let Some(file) = non_empty(&f.value) {
                        objects.insert(x.clone(), file);
                    }
                }
            }
            _ => {}
        }
    }
    for r in records {
        match r.tag.as_str() {
            "INDI" => {
                let Some(xref) = r.xref.clone() else {
                    warnings.push(Warning {
                        line: r.line,
                        message: "INDI record without a cross-reference id; skipped".into(),
                    });
                    continue;
                };
                let mut ind = Individual {
                    xref: xref.clone(),
                    name: String::new(),
                    given: String::new(),
                    surname: String::new(),
                    aliases: Vec::new(),
                    sex: Sex::Unknown,
                    title: None,
                    birth: None,
                    birth_place: None,
                    death: None,
                    death_place: None,
                    image: None,
                    famc: Vec::new(),
                    fams: Vec::new(),
                    citations: Vec::new(),
                    line: r.line,
                };
                for c in &r.children {
                    match c.tag.as_str() {
                        "NAME" => {
                            let (display, given, surname) = split_name(&c.value);
                            if ind.name.is_empty() && ind.given.is_empty() {
                                ind.name = display;
                                ind.given = given;
                                ind.surname = surname;
                            } else if !display.is_empty() && display != ind.name {
                                ind.aliases.push(display);
                            }
                        }
                        "SOUR" => ind.citations.push(citation(c, None)),
                        "SEX" => {
                            ind.sex = match c.value.trim().to_ascii_uppercase().as_str() {
                                "M" | "MALE" => Sex::Male,
                                "F" | "FEMALE" => Sex::Female,
                                _ => Sex::Unknown,
                            }
                        }
                        "TITL" if ind.title.is_none() => {
                            ind.title = non_empty(&c.value);
                        }
                        "BIRT" | "DEAT" if !c.children.is_empty() => {
                            citations(c, Some(&c.tag), &mut ind.citations);
                            if c.tag == "BIRT" && ind.birth.is_none() {
                                ind.birth = event_date(c, &xref, &mut warnings);
                                ind.birth_place = c.child("PLAC").and_then(|p| non_empty(&p.value));
                            } else if c.tag == "DEAT" && ind.death.is_none() {
                                ind.death = event_date(c, &xref, &mut warnings);
                                ind.death_place = c.child("PLAC").and_then(|p| non_empty(&p.value));
                            }
                        }
                        "BIRT" if ind.birth.is_none() => {
                            ind.birth = event_date(c, &xref, &mut warnings);
                            ind.birth_place = c.child("PLAC").and_then(|p| non_empty(&p.value));
                        }
                        "DEAT" if ind.death.is_none() => {
                            ind.death = event_date(c, &xref, &mut warnings);
                            ind.death_place = c.child("PLAC").and_then(|p| non_empty(&p.value));
                        }
                        "OBJE" if ind.image.is_none() => {
                            ind.image = match pointer(&c.value) {
                                Some(p) => objects.get(&p).cloned(),
                                None => c.child("FILE").and_then(|f| non_empty(&f.value)),
                            };
                        }
                        "FAMC" | "FAMS" => match pointer(&c.value) {
                            Some(p) => {
                                let list = if c.tag == "FAMC" {
                                    &mut ind.famc
                                } else {
                                    &mut ind.fams
                                };
                                if !list.contains(&p) {
                                    list.push(p);
                                }
                            }
                            None => warnings.push(Warning {
                                line: c.line,
                                message: format!(
                                    "{} value {:?} is not a @pointer@",
                                    c.tag, c.value
                                ),
                            }),
                        },
                        _ => {}
                    }
                }
                if g.indi_index.contains_key(&xref) {
                    warnings.push(Warning {
                        line: r.line,
                        message: format!("duplicate individual @{xref}@; later record ignored"),
                    });
                    continue;
                }
                g.indi_index.insert(xref, g.individuals.len());
                g.individuals.push(ind);
            }
            "FAM" => {
                let Some(xref) = r.xref.clone() else {
                    warnings.push(Warning {
                        line: r.line,
                        message: "FAM record without a cross-reference id; skipped".into(),
                    });
                    continue;
                };
                let mut fam = Family {
                    xref: xref.clone(),
                    husband: None,
                    wife: None,
                    children: Vec::new(),
                    marriage: None,
                    citations: Vec::new(),
                    line: r.line,
                };
                for c in &r.children {
                    let slot = match c.tag.as_str() {
                        "HUSB" | "WIFE" | "CHIL" => c.tag.as_str(),
                        "SOUR" => {
                            fam.citations.push(citation(c, None));
                            continue;
                        }
                        "MARR" => {
                            citations(c, Some("MARR"), &mut fam.citations);
                            if fam.marriage.is_none() {
                                fam.marriage = event_date(c, &xref, &mut warnings);
                            }
                            continue;
                        }
                        _ => continue,
                    };
                    let Some(p) = pointer(&c.value) else {
                        warnings.push(Warning {
                            line: c.line,
                            message: format!("{slot} value {:?} is not a @pointer@", c.value),
                        });
                        continue;
                    };
                    match slot {
                        "HUSB" if fam.husband.is_none() => fam.husband = Some(p),
                        "WIFE" if fam.wife.is_none() => fam.wife = Some(p),
                        "CHIL" => {
                            if !fam.children.contains(&p) {
                                fam.children.push(p)
                            }
                        }
                        _ => warnings.push(Warning {
                            line: c.line,
                            message: format!("second {slot} in family @{xref}@ ignored"),
                        }),
                    }
                }
                if g.fam_index.contains_key(&xref) {
                    warnings.push(Warning {
                        line: r.line,
                        message: format!("duplicate family @{xref}@; later record ignored"),
                    });
                    continue;
                }
                g.fam_index.insert(xref, g.families.len());
                g.families.push(fam);
            }
            _ => {}
        }
    }
    // Dangling pointers.
    for f in &g.families {
        for p in [&f.husband, &f.wife]
            .into_iter()
            .flatten()
            .chain(f.children.iter())
        {
            if !g.indi_index.contains_key(p) {
                warnings.push(Warning {
                    line: f.line,
                    message: format!("family @{}@ points to missing individual @{p}@", f.xref),
                });
            }
        }
    }
    for (line, c) in g
        .individuals
        .iter()
        .flat_map(|i| i.citations.iter().map(move |c| (i.line, c)))
        .chain(
            g.families
                .iter()
                .flat_map(|f| f.citations.iter().map(move |c| (f.line, c))),
        )
    {
        if let Some(s) = &c.source {
            if !g.sour_index.contains_key(s) {
                warnings.push(Warning {
                    line: c.line.max(line),
                    message: format!("citation points to missing source @{s}@"),
                });
            }
        }
    }
    for i in &g.individuals {
        for f in i.famc.iter().chain(i.fams.iter()) {
            if !g.fam_index.contains_key(f) {
                warnings.push(Warning {
                    line: i.line,
                    message: format!("individual @{}@ points to missing family @{f}@", i.xref),
                });
            }
        }
    }
    g.warnings = warnings;
    g
}

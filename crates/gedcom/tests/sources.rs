//! Sources: reading `SOUR` records and citations, and the 5.5.1 writer read back.

use wikikin_gedcom::{
    parse, write, Export, ExportCitation, ExportDate, ExportFamily, ExportPerson, ExportSource, Sex,
};

const CITED: &str = "0 HEAD\n1 SOUR PAF\n1 CHAR UTF-8\n\
0 @I1@ INDI\n1 NAME Anne /Smith/\n1 SEX F\n1 BIRT\n2 DATE 1 JAN 1900\n2 SOUR @S1@\n3 PAGE p. 12\n\
1 DEAT\n2 DATE 1970\n2 SOUR Parish register of St Mary\n1 SOUR @S2@\n2 PAGE entry 4, mail a@@b.org\n1 FAMS @F1@\n\
0 @I2@ INDI\n1 NAME John /Smith/\n1 FAMS @F1@\n\
0 @F1@ FAM\n1 HUSB @I2@\n1 WIFE @I1@\n1 MARR\n2 DATE 1920\n2 SOUR @S1@\n3 PAGE p. 40\n1 SOUR @S3@\n\
0 @S1@ SOUR\n1 TITL The Peerage\n0 @S2@ SOUR\n1 TITL Census 1911\n0 TRLR\n";

#[test]
fn sour_records_and_citations_are_read() {
    let g = parse(CITED.as_bytes()).unwrap();
    assert_eq!(g.sources.len(), 2);
    assert_eq!(
        g.source_record("@S1@").unwrap().title.as_deref(),
        Some("The Peerage")
    );
    assert_eq!(
        g.source.as_deref(),
        Some("PAF"),
        "HEAD.SOUR is still the program"
    );
    let anne = g.individual("I1").unwrap();
    assert_eq!(anne.citations.len(), 3);
    let birth = &anne.citations[0];
    assert_eq!(
        (
            birth.source.as_deref(),
            birth.page.as_deref(),
            birth.event.as_deref()
        ),
        (Some("S1"), Some("p. 12"), Some("BIRT"))
    );
    let death = &anne.citations[1];
    assert_eq!(death.source, None);
    assert_eq!(death.text.as_deref(), Some("Parish register of St Mary"));
    assert_eq!(death.event.as_deref(), Some("DEAT"));
    let rec = &anne.citations[2];
    assert_eq!(rec.event, None);
    assert_eq!(rec.page.as_deref(), Some("entry 4, mail a@b.org"));
    assert!(anne.birth.is_some() && anne.death.is_some());
    let f = g.family("F1").unwrap();
    assert_eq!(f.citations.len(), 2);
    assert_eq!(f.citations[0].event.as_deref(), Some("MARR"));
    assert!(f.marriage.is_some());
    // S3 has no record: a warning, not an error.
    assert!(g
        .warnings
        .iter()
        .any(|w| w.message.contains("missing source @S3@")));
}

fn cite(s: &str, page: &str) -> ExportCitation {
    ExportCitation {
        source: s.into(),
        page: page.into(),
    }
}

fn sample() -> Export {
    let long_page = format!(
        "https://www.wikidata.org/wiki/Q9682#P22 — stated in: The Peerage; URL: \
         http://www.thepeerage.com/p10067.htm#i100670; retrieved 7 December 2013\n{}",
        "imported from English Wikipedia; ".repeat(12).trim_end()
    );
    Export {
        program: "WIKIKIN".into(),
        people: vec![
            ExportPerson {
                id: "Q9682".into(),
                given: "Elizabeth II".into(),
                surname: "".into(),
                sex: Some(Sex::Female),
                birth: Some(ExportDate {
                    year: 1926,
                    month: 4,
                    day: 21,
                    ..ExportDate::default()
                }),
                death: Some(ExportDate {
                    year: 2022,
                    month: 9,
                    day: 8,
                    ..ExportDate::default()
                }),
                citations: vec![cite("S1", &long_page), cite("S2", "Q9682#P25")],
            },
            ExportPerson {
                id: "Q280856".into(),
                given: "George VI".into(),
                surname: "Windsor".into(),
                sex: Some(Sex::Male),
                birth: Some(ExportDate {
                    year: 1895,
                    month: 12,
                    ..ExportDate::default()
                }),
                ..ExportPerson::default()
            },
            ExportPerson {
                id: "Q10633".into(),
                given: "Elizabeth".into(),
                surname: "Bowes-Lyon".into(),
                sex: Some(Sex::Female),
                birth: Some(ExportDate {
                    year: 1900,
                    about: true,
                    ..ExportDate::default()
                }),
                ..ExportPerson::default()
            },
            ExportPerson {
                id: "Q1".into(),
                given: "Caesar".into(),
                birth: Some(ExportDate {
                    year: -100,
                    month: 7,
                    day: 12,
                    julian: true,
                    ..ExportDate::default()
                }),
                ..ExportPerson::default()
            },
        ],
        families: vec![ExportFamily {
            id: "F1".into(),
            husband: Some("Q280856".into()),
            wife: Some("Q10633".into()),
            children: vec!["Q9682".into()],
            married: true,
            marriage: Some(ExportDate {
                year: 1923,
                month: 4,
                day: 26,
                ..ExportDate::default()
            }),
            citations: vec![cite("S1", "https://www.wikidata.org/wiki/Q280856#P26")],
            marriage_citations: vec![cite("S2", "https://www.wikidata.org/wiki/Q10633#P26")],
        }],
        sources: vec![
            ExportSource {
                id: "S1".into(),
                title: "Wikidata".into(),
            },
            ExportSource {
                id: "S2".into(),
                title: "Wikidata (imported only)".into(),
            },
        ],
    }
}

#[test]
fn written_files_read_back_the_same() {
    let e = sample();
    let text = write(&e);
    assert!(text.starts_with("0 HEAD\n1 SOUR WIKIKIN\n1 GEDC\n2 VERS 5.5.1\n"));
    assert!(text.contains("\n1 CHAR UTF-8\n"));
    assert!(text.ends_with("0 TRLR\n"));
    assert!(text.lines().all(|l| l.len() < 255), "{text}");
    assert!(text.contains("2 DATE 21 APR 1926\n"));
    assert!(text.contains("2 DATE DEC 1895\n"));
    assert!(text.contains("2 DATE ABT 1900\n"));
    assert!(text.contains("2 DATE @#DJULIAN@ 12 JUL 100 B.C.\n"));
    let g = parse(text.as_bytes()).unwrap();
    assert!(g.warnings.is_empty(), "{:?}", g.warnings);
    assert_eq!(g.individuals.len(), e.people.len());
    assert_eq!(g.families.len(), 1);
    assert_eq!(g.sources.len(), 2);
    let q = g.individual("Q9682").unwrap();
    assert_eq!(q.name, "Elizabeth II");
    assert_eq!(q.sex, Sex::Female);
    assert_eq!(q.birth.as_ref().unwrap().raw, "21 APR 1926");
    let (f, m) = g.parents("Q9682");
    assert_eq!(f.unwrap().name, "George VI Windsor");
    assert_eq!(m.unwrap().surname, "Bowes-Lyon");
    assert_eq!(g.children("Q280856").len(), 1);
    // Citations: the same count, sources and pages (long pages and new lines survive).
    let cited: Vec<(Option<&str>, Option<&str>)> = q
        .citations
        .iter()
        .map(|c| (c.source.as_deref(), c.page.as_deref()))
        .collect();
    let want: Vec<(Option<&str>, Option<&str>)> = e.people[0]
        .citations
        .iter()
        .map(|c| (Some(c.source.as_str()), Some(c.page.as_str())))
        .collect();
    assert_eq!(cited, want);
    let fam = g.family("F1").unwrap();
    assert_eq!(fam.citations.len(), 2);
    assert_eq!(fam.citations[0].event.as_deref(), Some("MARR"));
    assert_eq!(fam.citations[0].source.as_deref(), Some("S2"));
    assert_eq!(fam.citations[1].event, None);
    assert_eq!(fam.marriage.as_ref().unwrap().raw, "26 APR 1923");
    assert_eq!(
        g.source_record("S2").unwrap().title.as_deref(),
        Some("Wikidata (imported only)")
    );
    let total = |g: &wikikin_gedcom::Gedcom| {
        g.individuals
            .iter()
            .map(|i| i.citations.len())
            .sum::<usize>()
            + g.families.iter().map(|f| f.citations.len()).sum::<usize>()
    };
    assert_eq!(total(&g), 4);
}

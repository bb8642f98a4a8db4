use wikikin_gedcom::{parse, parse_file, Charset, DateModifier, Precision, Sex};

const ROYAL92: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/royal92.ged"
);

#[test]
fn royal92_counts_and_header() {
    let g = parse_file(ROYAL92).unwrap();
    assert_eq!(g.individuals.len(), 3010);
    assert_eq!(g.families.len(), 1422);
    assert_eq!(g.charset, Some(Charset::Ansel));
    assert_eq!(g.source.as_deref(), Some("PAF 2.2"));
    // Every FAMC/FAMS/HUSB/WIFE/CHIL pointer in this file resolves.
    let dangling: Vec<_> = g
        .warnings
        .iter()
        .filter(|w| w.message.contains("missing"))
        .collect();
    assert!(dangling.is_empty(), "{dangling:?}");
}

#[test]
fn victoria_i1() {
    let g = parse_file(ROYAL92).unwrap();
    let v = g.individual("I1").unwrap();
    assert_eq!(v.name, "Victoria Hanover");
    assert_eq!(v.given, "Victoria");
    assert_eq!(v.surname, "Hanover");
    assert_eq!(v.sex, Sex::Female);
    assert_eq!(v.title.as_deref(), Some("Queen of England"));
    let b = v.birth.as_ref().unwrap();
    assert_eq!((b.year, b.month, b.day), (1819, Some(5), Some(24)));
    assert_eq!(b.modifier, DateModifier::Exact);
    assert_eq!(b.precision(), Precision::Day);
    let d = v.death.as_ref().unwrap();
    assert_eq!((d.year, d.month, d.day), (1901, Some(1), Some(22)));
    assert_eq!(
        v.birth_place.as_deref(),
        Some("Kensington,Palace,London,England")
    );
    assert_eq!(v.famc, vec!["F42".to_string()]);
    assert_eq!(v.fams, vec!["F1".to_string()]);
    let (father, mother) = g.parents("I1");
    assert_eq!(father.unwrap().xref, "I133");
    assert_eq!(father.unwrap().name, "Edward Augustus Hanover");
    assert_eq!(mother.unwrap().xref, "I138");
    let kids: Vec<&str> = g.children("I1").iter().map(|c| c.xref.as_str()).collect();
    assert_eq!(kids.len(), 9, "{kids:?}");
    assert!(kids.contains(&"I4"), "Edward VII is her son");
    assert_eq!(kids.first(), Some(&"I3"));
    let spouses: Vec<&str> = g.spouses("I1").iter().map(|c| c.xref.as_str()).collect();
    assert_eq!(spouses, vec!["I2"]);
    let albert = g.individual("I2").unwrap();
    assert_eq!(albert.name, "Albert Augustus Charles");
    assert_eq!(albert.surname, "");
}

#[test]
fn elizabeth_ii_i52() {
    let g = parse_file(ROYAL92).unwrap();
    let e = g.individual("@I52@").unwrap();
    assert_eq!(e.name, "Elizabeth II Alexandra Mary Windsor");
    assert_eq!(e.given, "Elizabeth II Alexandra Mary");
    assert_eq!(e.sex, Sex::Female);
    let b = e.birth.as_ref().unwrap();
    assert_eq!((b.year, b.month, b.day), (1926, Some(4), Some(21)));
    assert!(e.death.is_none(), "alive in 1992");
    let (father, mother) = g.parents("I52");
    assert_eq!(father.unwrap().xref, "I32");
    assert_eq!(father.unwrap().name, "George VI Windsor");
    assert_eq!(mother.unwrap().xref, "I51");
    assert_eq!(
        mother.unwrap().name,
        "Elizabeth Angela Marguerite Bowes-Lyon"
    );
    let f = g.family("F12").unwrap();
    assert_eq!(f.husband.as_deref(), Some("I32"));
    assert_eq!(f.wife.as_deref(), Some("I51"));
    assert_eq!(f.children, vec!["I52".to_string(), "I53".to_string()]);
    let m = f.marriage.as_ref().unwrap();
    assert_eq!((m.year, m.month, m.day), (1923, Some(4), Some(26)));
    let kids: Vec<&str> = g.children("I52").iter().map(|c| c.xref.as_str()).collect();
    assert_eq!(kids, vec!["I58", "I59", "I60", "I61"]);
    assert_eq!(g.spouses("I52").first().unwrap().xref, "I57");
}

#[test]
fn royal92_dates_and_names_are_clean() {
    let g = parse_file(ROYAL92).unwrap();
    let mut about = 0;
    let mut dual = 0;
    let mut years_only = 0;
    for i in &g.individuals {
        assert!(!i.name.contains('_'), "{}", i.name);
        assert!(!i.name.contains("  "), "{}", i.name);
        assert_eq!(i.name.trim(), i.name);
        for d in [&i.birth, &i.death].into_iter().flatten() {
            if d.modifier == DateModifier::About {
                about += 1;
            }
            if d.dual_year.is_some() {
                dual += 1;
                assert_eq!(d.modern_year(), d.year + 1, "{}", d.raw);
            }
            if d.precision() == Precision::Year {
                years_only += 1;
            }
        }
    }
    assert!(about > 50, "{about}");
    assert!(dual >= 5, "{dual}");
    assert!(years_only > 100, "{years_only}");
    // Date warnings are rare and each names its line.
    for w in &g.warnings {
        assert!(w.line > 0, "{w}");
    }
}

#[test]
fn line_ends_bom_and_encodings() {
    let body = "0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME Jos\u{e9} /M\u{fc}ller/\n1 NOTE a\n2 CONC b\n2 CONT c\n0 TRLR\n";
    for variant in [
        body.to_string(),
        body.replace('\n', "\r\n"),
        body.replace('\n', "\r"),
        format!("\u{feff}{body}"),
    ] {
        let g = parse(variant.as_bytes()).unwrap();
        assert_eq!(g.individuals[0].name, "José Müller", "{variant:?}");
        assert_eq!(g.charset, Some(Charset::Utf8));
    }
    // ANSI = Windows-1252.
    let ansi = b"0 HEAD\n1 CHAR ANSI\n0 @I1@ INDI\n1 NAME Jos\xe9 /M\xfcller/\n1 TITL \x80 \x93x\x94\n0 TRLR\n";
    let g = parse(ansi).unwrap();
    assert_eq!(g.individuals[0].name, "José Müller");
    assert_eq!(g.individuals[0].title.as_deref(), Some("€ “x”"));
    // ANSEL with combining marks before the letter.
    let ansel = b"0 HEAD\n1 CHAR ANSEL\n0 @I1@ INDI\n1 NAME Ludwig /von W\xe8urttemberg/\n0 TRLR\n";
    let g = parse(ansel).unwrap();
    assert_eq!(g.individuals[0].surname, "von Württemberg");
    // UTF-16LE with BOM.
    let mut utf16 = vec![0xFF, 0xFE];
    for u in body.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let g = parse(&utf16).unwrap();
    assert_eq!(g.individuals[0].name, "José Müller");
    // UTF-8 declared but Latin-1 bytes inside: read, with a warning on that line.
    let g = parse(b"0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME Jos\xe9 //\n0 TRLR\n").unwrap();
    assert_eq!(g.individuals[0].name, "José");
    assert_eq!(g.warnings[0].line, 4);
}

#[test]
fn cont_conc_and_objects() {
    let src = "0 HEAD\n0 @O1@ OBJE\n1 FILE portrait_of_\n2 CONC x.jpg\n0 @I1@ INDI\n1 NAME A //\n1 OBJE @O1@\n0 @I2@ INDI\n1 NAME B //\n1 OBJE\n2 FORM jpg\n2 FILE b.png\n1 TITL Duke\n2 CONT of Somewhere\n0 TRLR\n";
    let g = parse(src.as_bytes()).unwrap();
    assert_eq!(
        g.individual("I1").unwrap().image.as_deref(),
        Some("portrait_of_x.jpg")
    );
    let b = g.individual("I2").unwrap();
    assert_eq!(b.image.as_deref(), Some("b.png"));
    assert_eq!(b.title.as_deref(), Some("Duke\nof Somewhere"));
}

#[test]
fn hostile_strings_are_kept_as_data() {
    let src = "0 HEAD\n0 @I1@ INDI\n1 NAME <script>alert(1)</script> /\"Quote\"/\n1 TITL </svg>&amp;\n0 TRLR\n";
    let g = parse(src.as_bytes()).unwrap();
    let i = &g.individuals[0];
    assert_eq!(i.given, "<script>alert(1)</script>");
    assert_eq!(i.surname, "\"Quote\"");
    assert_eq!(i.title.as_deref(), Some("</svg>&amp;"));
}

#[test]
fn empty_gedcom_with_only_head_and_trailer() {
    let g = parse(b"0 HEAD\n1 CHAR UTF-8\n0 TRLR\n").unwrap();
    assert!(g.individuals.is_empty());
    assert!(g.families.is_empty());
}

#[test]
fn bad_dates_are_warnings_with_line_numbers() {
    let src = "0 HEAD\n0 @I1@ INDI\n1 BIRT\n2 DATE 45 FOO 1800\n0 TRLR\n";
    let g = parse(src.as_bytes()).unwrap();
    assert!(g.individuals[0].birth.is_none());
    assert_eq!(g.warnings.len(), 1);
    assert_eq!(g.warnings[0].line, 4);
    assert!(g.warnings[0].message.contains("FOO"));
}

#[test]
fn dangling_pointers_are_warnings() {
    let src =
        "0 HEAD\n0 @I1@ INDI\n1 FAMC @F9@\n0 @F1@ FAM\n1 HUSB @I7@\n1 WIFE not-a-pointer\n0 TRLR\n";
    let g = parse(src.as_bytes()).unwrap();
    assert_eq!(g.warnings.len(), 3, "{:?}", g.warnings);
    assert!(g.warnings.iter().any(|w| w.line == 6));
}

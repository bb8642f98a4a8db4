//! Kinship terms in each language, against tables written from `kinship-terms.md` (the
//! conventions file), worked examples included (Philip to Elizabeth II).

use wikikin_kinship::*;

/// A case: ga, gb, `a`'s line (from a's parent up) and `b`'s line (from the ancestor's child
/// down) as M/F/U letters, b's sex, flags (h half, d double, a adoptive), the expected term.
type Case = (
    u32,
    u32,
    &'static str,
    &'static str,
    char,
    &'static str,
    &'static str,
);

fn sex(c: char) -> Sex {
    match c {
        'M' => Sex::Male,
        'F' => Sex::Female,
        _ => Sex::Unknown,
    }
}

fn kin(ga: u32, gb: u32, a: &str, b: &str, flags: &str) -> Kin {
    Kin {
        half: flags.contains('h'),
        double: flags.contains('d'),
        adoptive: flags.contains('a'),
        a_line: a.chars().map(sex).collect(),
        b_line: b.chars().map(sex).collect(),
        ..Kin::new(ga, gb)
    }
}

fn check(lang: Lang, cases: &[Case], links: &[(Link, char, &str)]) {
    assert!(cases.len() + links.len() >= 40, "{lang:?}: too few cases");
    let mut bad = Vec::new();
    for &(ga, gb, a, b, s, flags, want) in cases {
        let got = kin_term(lang, &kin(ga, gb, a, b, flags), sex(s));
        if got != want {
            bad.push(format!(
                "({ga},{gb},{a:?},{b:?},{s},{flags:?}): got {got:?}, want {want:?}"
            ));
        }
    }
    for &(l, s, want) in links {
        let got = link_term(lang, l, sex(s));
        if got != want {
            bad.push(format!("{l:?} {s}: got {got:?}, want {want:?}"));
        }
    }
    assert!(bad.is_empty(), "{lang:?}:\n{}", bad.join("\n"));
}

#[test]
fn english() {
    check(
        Lang::En,
        &[
            (1, 0, "", "", 'M', "", "father"),
            (1, 0, "", "", 'U', "", "parent"),
            (2, 0, "F", "", 'F', "", "grandmother"),
            (5, 0, "", "", 'F', "", "great-great-great-grandmother"),
            (8, 0, "", "", 'M', "", "sixth great-grandfather"),
            (0, 2, "", "", 'U', "", "grandchild"),
            (0, 3, "", "", 'F', "", "great-granddaughter"),
            (1, 1, "", "", 'F', "h", "half-sister"),
            (1, 1, "", "", 'U', "", "sibling"),
            (2, 1, "", "", 'U', "", "aunt or uncle"),
            (3, 1, "", "", 'M', "h", "half-great-uncle"),
            (1, 4, "", "", 'F', "", "great-great-niece"),
            (2, 2, "", "", 'M', "", "first cousin"),
            (2, 2, "", "", 'M', "d", "double first cousin"),
            (2, 2, "", "", 'U', "hd", "double half-first cousin"),
            (4, 3, "MMF", "MM", 'M', "", "second cousin once removed"),
            (5, 5, "", "", 'M', "", "fourth cousin"),
            (4, 4, "", "", 'M', "", "third cousin"),
            (5, 7, "", "", 'F', "", "fourth cousin twice removed"),
            (3, 6, "", "", 'M', "", "second cousin thrice removed"),
            (2, 6, "", "", 'M', "", "first cousin 4 times removed"),
            (14, 14, "", "", 'M', "", "13th cousin"),
            (1, 0, "", "", 'M', "a", "adoptive father"),
            (0, 1, "", "", 'F', "a", "adoptive daughter"),
            (0, 0, "", "", 'M', "", "self"),
        ],
        &[
            (Link::Spouse, 'M', "husband"),
            (Link::Spouse, 'F', "wife"),
            (Link::Spouse, 'U', "spouse"),
            (Link::ParentInLaw, 'F', "mother-in-law"),
            (Link::ChildInLaw, 'F', "daughter-in-law"),
            (Link::SiblingInLaw, 'M', "brother-in-law"),
            (Link::SiblingInLaw, 'U', "sibling-in-law"),
            (Link::StepParent, 'M', "stepfather"),
            (Link::StepChild, 'F', "stepdaughter"),
            (Link::StepSibling, 'M', "stepbrother"),
            (Link::StepSibling, 'F', "stepsister"),
            (Link::GrandparentInLaw, 'F', "grandmother-in-law"),
            (Link::GrandchildInLaw, 'M', "grandson-in-law"),
            (Link::ChildInLaw, 'U', "child-in-law"),
            (Link::StepChild, 'U', "stepchild"),
        ],
    );
}

#[test]
fn german() {
    check(
        Lang::De,
        &[
            (1, 0, "", "", 'M', "", "Vater"),
            (1, 0, "", "", 'F', "", "Mutter"),
            (1, 0, "", "", 'U', "", "Elternteil"),
            (2, 0, "M", "", 'M', "", "Großvater"),
            (2, 0, "F", "", 'F', "", "Großmutter"),
            (3, 0, "", "", 'M', "", "Urgroßvater"),
            (4, 0, "", "", 'F', "", "Ururgroßmutter"),
            (5, 0, "", "", 'M', "", "Urururgroßvater"),
            (6, 0, "", "", 'M', "", "Vorfahre in der 6. Generation"),
            (7, 0, "", "", 'F', "", "Vorfahrin in der 7. Generation"),
            (0, 1, "", "", 'M', "", "Sohn"),
            (0, 1, "", "", 'F', "", "Tochter"),
            (0, 1, "", "", 'U', "", "Kind"),
            (0, 2, "", "", 'M', "", "Enkel"),
            (0, 2, "", "", 'F', "", "Enkelin"),
            (0, 3, "", "", 'M', "", "Urenkel"),
            (0, 5, "", "", 'F', "", "Urururenkelin"),
            (0, 6, "", "", 'M', "", "Nachkomme in der 6. Generation"),
            (1, 1, "", "", 'M', "", "Bruder"),
            (1, 1, "", "", 'F', "", "Schwester"),
            (1, 1, "", "", 'U', "", "Geschwister"),
            (1, 1, "", "", 'M', "h", "Halbbruder"),
            (2, 1, "", "", 'M', "", "Onkel"),
            (2, 1, "", "", 'F', "", "Tante"),
            (2, 1, "", "", 'U', "", "Onkel oder Tante"),
            (3, 1, "", "", 'M', "", "Großonkel"),
            (4, 1, "", "", 'F', "", "Urgroßtante"),
            (5, 1, "", "", 'M', "", "Ururgroßonkel"),
            (6, 1, "", "", 'M', "", "Urururgroßonkel"),
            (1, 2, "", "", 'M', "", "Neffe"),
            (1, 2, "", "", 'F', "", "Nichte"),
            (1, 3, "", "", 'M', "", "Großneffe"),
            (1, 4, "", "", 'F', "", "Urgroßnichte"),
            (2, 2, "", "", 'M', "", "Cousin"),
            (2, 2, "", "", 'F', "", "Cousine"),
            (2, 2, "", "", 'U', "", "Cousin oder Cousine"),
            (3, 3, "", "", 'M', "", "Cousin 2. Grades"),
            // Philip to Elizabeth II: through Christian IX & Louise, Victoria & Albert, Ludwig & Henriette.
            (4, 3, "MMF", "MM", 'M', "", "Onkel 3. Grades"),
            (4, 4, "MMM", "FFF", 'M', "", "Cousin 3. Grades"),
            (5, 5, "", "", 'M', "", "Cousin 4. Grades"),
            (5, 5, "", "", 'F', "", "Cousine 4. Grades"),
            (3, 2, "", "", 'F', "", "Tante 2. Grades"),
            (5, 3, "", "", 'M', "", "Großonkel 3. Grades"),
            (6, 3, "", "", 'M', "", "Urgroßonkel 3. Grades"),
            (3, 4, "", "", 'M', "", "Neffe 3. Grades"),
            (2, 4, "", "", 'F', "", "Großnichte 2. Grades"),
            (3, 3, "", "", 'M', "h", "Halbcousin 2. Grades"),
            (2, 1, "", "", 'M', "h", "Halbonkel"),
            (2, 2, "", "", 'M', "d", "Doppelcousin"),
            (2, 2, "", "", 'F', "d", "Doppelcousine"),
            (1, 0, "", "", 'M', "a", "Adoptivvater"),
            (0, 1, "", "", 'F', "a", "Adoptivtochter"),
        ],
        &[
            (Link::Spouse, 'M', "Ehemann"),
            (Link::Spouse, 'F', "Ehefrau"),
            (Link::Spouse, 'U', "Ehepartner"),
            (Link::ParentInLaw, 'F', "Schwiegermutter"),
            (Link::ChildInLaw, 'M', "Schwiegersohn"),
            (Link::ChildInLaw, 'U', "Schwiegerkind"),
            (Link::SiblingInLaw, 'M', "Schwager"),
            (Link::SiblingInLaw, 'F', "Schwägerin"),
            (Link::StepParent, 'M', "Stiefvater"),
            (Link::StepChild, 'F', "Stieftochter"),
            (Link::StepSibling, 'M', "Stiefbruder"),
            (Link::StepSibling, 'U', "Stiefgeschwister"),
        ],
    );
}

#[test]
fn swedish() {
    check(
        Lang::Sv,
        &[
            (1, 0, "", "", 'M', "", "far"),
            (1, 0, "", "", 'F', "", "mor"),
            (1, 0, "", "", 'U', "", "förälder"),
            (2, 0, "M", "", 'M', "", "farfar"),
            (2, 0, "M", "", 'F', "", "farmor"),
            (2, 0, "F", "", 'M', "", "morfar"),
            (2, 0, "F", "", 'F', "", "mormor"),
            (2, 0, "U", "", 'M', "", "förälders far"),
            (3, 0, "MM", "", 'M', "", "farfars far"),
            (3, 0, "FF", "", 'F', "", "mormors mor"),
            (4, 0, "MMM", "", 'M', "", "farfars farfar"),
            (0, 1, "", "", 'M', "", "son"),
            (0, 1, "", "", 'F', "", "dotter"),
            (0, 1, "", "", 'U', "", "barn"),
            (0, 2, "", "M", 'M', "", "sonson"),
            (0, 2, "", "M", 'F', "", "sondotter"),
            (0, 2, "", "F", 'M', "", "dotterson"),
            (0, 2, "", "F", 'F', "", "dotterdotter"),
            (0, 2, "", "U", 'U', "", "barnbarn"),
            (0, 2, "", "U", 'M', "", "barns son"),
            (0, 3, "", "MM", 'M', "", "sonsons son"),
            (1, 1, "", "", 'M', "", "bror"),
            (1, 1, "", "", 'F', "", "syster"),
            (1, 1, "", "", 'U', "", "syskon"),
            (1, 1, "", "", 'M', "h", "halvbror"),
            (1, 1, "", "", 'F', "h", "halvsyster"),
            (2, 1, "M", "", 'M', "", "farbror"),
            (2, 1, "M", "", 'F', "", "faster"),
            (2, 1, "F", "", 'M', "", "morbror"),
            (2, 1, "F", "", 'F', "", "moster"),
            (2, 1, "U", "", 'M', "", "förälders bror"),
            (2, 1, "M", "", 'U', "", "fars syskon"),
            (3, 1, "MM", "", 'M', "", "farfars bror"),
            (3, 1, "FF", "", 'F', "", "mormors syster"),
            (1, 2, "", "M", 'M', "", "brorson"),
            (1, 2, "", "M", 'F', "", "brorsdotter"),
            (1, 2, "", "F", 'M', "", "systerson"),
            (1, 2, "", "F", 'F', "", "systerdotter"),
            (1, 3, "", "MM", 'M', "", "brorsons son"),
            (2, 2, "", "", 'M', "", "kusin"),
            (3, 3, "", "", 'M', "", "tremänning"),
            (5, 5, "", "", 'F', "", "femmänning"),
            (10, 10, "", "", 'M', "", "tiomänning"),
            (11, 11, "", "", 'M', "", "11-männing"),
            // Philip to Elizabeth II: her father's second cousin; third and fourth cousins.
            (4, 3, "MMF", "MM", 'M', "", "fars tremänning"),
            (4, 4, "MMM", "FFF", 'M', "", "fyrmänning"),
            (3, 2, "F", "M", 'F', "", "mors kusin"),
            (3, 2, "U", "M", 'F', "", "förälders kusin"),
            (4, 2, "MM", "M", 'M', "", "farfars kusin"),
            (2, 3, "", "MF", 'M', "", "kusins son"),
            (2, 4, "", "MFM", 'M', "", "kusins sonson"),
            (3, 4, "", "MMF", 'F', "", "tremännings dotter"),
            (2, 2, "", "", 'M', "h", "halvkusin"),
            (2, 2, "", "", 'M', "d", "dubbelkusin"),
            (1, 0, "", "", 'M', "a", "adoptivfar"),
        ],
        &[
            (Link::Spouse, 'M', "make"),
            (Link::Spouse, 'F', "maka"),
            (Link::ParentInLaw, 'F', "svärmor"),
            (Link::ParentInLaw, 'M', "svärfar"),
            (Link::ChildInLaw, 'M', "svärson"),
            (Link::ChildInLaw, 'F', "svärdotter"),
            (Link::SiblingInLaw, 'M', "svåger"),
            (Link::SiblingInLaw, 'F', "svägerska"),
            (Link::StepParent, 'M', "styvfar"),
            (Link::StepParent, 'F', "styvmor"),
            (Link::StepChild, 'M', "styvson"),
            (Link::StepChild, 'F', "styvdotter"),
        ],
    );
}

#[test]
fn spanish() {
    check(
        Lang::Es,
        &[
            (1, 0, "", "", 'M', "", "padre"),
            (1, 0, "", "", 'F', "", "madre"),
            (1, 0, "", "", 'U', "", "progenitor"),
            (2, 0, "", "", 'M', "", "abuelo"),
            (2, 0, "", "", 'F', "", "abuela"),
            (2, 0, "", "", 'U', "", "abuelo"),
            (3, 0, "", "", 'M', "", "bisabuelo"),
            (4, 0, "", "", 'F', "", "tatarabuela"),
            (5, 0, "", "", 'M', "", "trastatarabuelo"),
            (6, 0, "", "", 'M', "", "antepasado de 6 generaciones"),
            (7, 0, "", "", 'F', "", "antepasada de 7 generaciones"),
            (0, 1, "", "", 'M', "", "hijo"),
            (0, 1, "", "", 'F', "", "hija"),
            (0, 2, "", "", 'F', "", "nieta"),
            (0, 3, "", "", 'M', "", "bisnieto"),
            (0, 4, "", "", 'M', "", "tataranieto"),
            (0, 5, "", "", 'F', "", "chozna"),
            (0, 6, "", "", 'M', "", "descendiente de 6 generaciones"),
            (1, 1, "", "", 'M', "", "hermano"),
            (1, 1, "", "", 'F', "", "hermana"),
            (1, 1, "", "", 'M', "h", "medio hermano"),
            (1, 1, "", "", 'F', "h", "media hermana"),
            (2, 1, "", "", 'M', "", "tío"),
            (2, 1, "", "", 'F', "", "tía"),
            (3, 1, "", "", 'M', "", "tío abuelo"),
            (3, 1, "", "", 'F', "", "tía abuela"),
            (4, 1, "", "", 'M', "", "tío bisabuelo"),
            (5, 1, "", "", 'F', "", "tía tatarabuela"),
            (1, 2, "", "", 'M', "", "sobrino"),
            (1, 2, "", "", 'F', "", "sobrina"),
            (1, 3, "", "", 'M', "", "sobrino nieto"),
            (1, 3, "", "", 'F', "", "sobrina nieta"),
            (1, 4, "", "", 'M', "", "sobrino bisnieto"),
            (1, 5, "", "", 'M', "", "sobrino tataranieto"),
            (2, 2, "", "", 'M', "", "primo hermano"),
            (2, 2, "", "", 'F', "", "prima hermana"),
            (3, 3, "", "", 'M', "", "primo segundo"),
            (3, 3, "", "", 'F', "", "prima segunda"),
            (4, 4, "", "", 'F', "", "prima tercera"),
            // Philip to Elizabeth II.
            (4, 3, "MMF", "MM", 'M', "", "tío tercero"),
            (4, 4, "MMM", "FFF", 'M', "", "primo tercero"),
            (5, 5, "", "", 'M', "", "primo cuarto"),
            (11, 11, "", "", 'M', "", "primo décimo"),
            (12, 12, "", "", 'M', "", "primo de grado 11"),
            (3, 2, "", "", 'M', "", "tío segundo"),
            (2, 3, "", "", 'M', "", "sobrino segundo"),
            (3, 4, "", "", 'F', "", "sobrina tercera"),
            (4, 2, "", "", 'M', "", "primo hermano de un abuelo"),
            (5, 3, "", "", 'F', "", "prima segunda de un abuelo"),
            (6, 3, "", "", 'F', "", "prima segunda de un bisabuelo"),
            (6, 2, "", "", 'M', "", "primo hermano de un tatarabuelo"),
            (2, 4, "", "", 'M', "", "nieto de un primo hermano"),
            (3, 6, "", "", 'F', "", "bisnieta de un primo segundo"),
            (2, 2, "", "", 'M', "d", "doble primo hermano"),
            (2, 2, "", "", 'M', "h", "primo hermano por un solo lado"),
            (1, 0, "", "", 'M', "a", "padre adoptivo"),
            (0, 1, "", "", 'F', "a", "hija adoptiva"),
        ],
        &[
            (Link::Spouse, 'M', "esposo"),
            (Link::Spouse, 'F', "esposa"),
            (Link::Spouse, 'U', "cónyuge"),
            (Link::ParentInLaw, 'F', "suegra"),
            (Link::ChildInLaw, 'M', "yerno"),
            (Link::ChildInLaw, 'F', "nuera"),
            (Link::SiblingInLaw, 'M', "cuñado"),
            (Link::StepParent, 'M', "padrastro"),
            (Link::StepParent, 'F', "madrastra"),
            (Link::StepChild, 'M', "hijastro"),
            (Link::StepSibling, 'F', "hermanastra"),
        ],
    );
}

#[test]
fn norwegian() {
    check(
        Lang::Nb,
        &[
            (1, 0, "", "", 'M', "", "far"),
            (1, 0, "", "", 'F', "", "mor"),
            (1, 0, "", "", 'U', "", "forelder"),
            (2, 0, "M", "", 'M', "", "farfar"),
            (2, 0, "F", "", 'F', "", "mormor"),
            (2, 0, "F", "", 'M', "", "morfar"),
            (3, 0, "MM", "", 'M', "", "farfars far"),
            (0, 1, "", "", 'M', "", "sønn"),
            (0, 1, "", "", 'F', "", "datter"),
            (0, 2, "", "M", 'M', "", "sønnesønn"),
            (0, 2, "", "F", 'F', "", "datterdatter"),
            (0, 2, "", "U", 'U', "", "barnebarn"),
            (1, 1, "", "", 'M', "", "bror"),
            (1, 1, "", "", 'F', "", "søster"),
            (1, 1, "", "", 'U', "", "søsken"),
            (1, 1, "", "", 'M', "h", "halvbror"),
            (1, 1, "", "", 'F', "h", "halvsøster"),
            (2, 1, "M", "", 'M', "", "farbror"),
            (2, 1, "F", "", 'M', "", "morbror"),
            (2, 1, "M", "", 'F', "", "faster"),
            (2, 1, "F", "", 'F', "", "moster"),
            (2, 1, "U", "", 'F', "", "forelders søster"),
            (3, 1, "MF", "", 'M', "", "farmors bror"),
            (1, 2, "", "M", 'M', "", "brorsønn"),
            (1, 2, "", "F", 'F', "", "søsterdatter"),
            (1, 2, "", "U", 'M', "", "nevø"),
            (1, 2, "", "U", 'F', "", "niese"),
            (2, 2, "", "", 'M', "", "fetter"),
            (2, 2, "", "", 'F', "", "kusine"),
            (2, 2, "", "", 'U', "", "søskenbarn"),
            (3, 3, "", "", 'M', "", "tremenning"),
            (4, 4, "MMM", "FFF", 'M', "", "firmenning"),
            (5, 5, "", "", 'M', "", "femmenning"),
            (6, 6, "", "", 'M', "", "seksmenning"),
            // Philip to Elizabeth II.
            (4, 3, "MMF", "MM", 'M', "", "fars tremenning"),
            (3, 2, "F", "M", 'M', "", "mors fetter"),
            (2, 3, "", "MM", 'M', "", "fetters sønn"),
            (2, 3, "", "MF", 'F', "", "kusines datter"),
            (2, 2, "", "", 'M', "h", "halvfetter"),
            (1, 0, "", "", 'F', "a", "adoptivmor"),
        ],
        &[
            (Link::Spouse, 'M', "ektemann"),
            (Link::Spouse, 'F', "kone"),
            (Link::Spouse, 'U', "ektefelle"),
            (Link::ParentInLaw, 'M', "svigerfar"),
            (Link::ParentInLaw, 'F', "svigermor"),
            (Link::ChildInLaw, 'M', "svigersønn"),
            (Link::ChildInLaw, 'F', "svigerdatter"),
            (Link::SiblingInLaw, 'M', "svoger"),
            (Link::SiblingInLaw, 'F', "svigerinne"),
            (Link::StepParent, 'M', "stefar"),
            (Link::StepParent, 'F', "stemor"),
            (Link::StepChild, 'M', "stesønn"),
            (Link::StepChild, 'F', "stedatter"),
        ],
    );
}

#[test]
fn danish() {
    check(
        Lang::Da,
        &[
            (1, 0, "", "", 'M', "", "far"),
            (1, 0, "", "", 'F', "", "mor"),
            (2, 0, "M", "", 'M', "", "farfar"),
            (2, 0, "F", "", 'F', "", "mormor"),
            (2, 0, "U", "", 'M', "", "bedstefar"),
            (3, 0, "MM", "", 'M', "", "oldefar"),
            (3, 0, "MM", "", 'F', "", "oldemor"),
            (4, 0, "", "", 'M', "", "tipoldefar"),
            (5, 0, "", "", 'F', "", "tiptipoldemor"),
            (0, 1, "", "", 'M', "", "søn"),
            (0, 1, "", "", 'F', "", "datter"),
            (0, 2, "", "M", 'M', "", "sønnesøn"),
            (0, 2, "", "F", 'F', "", "datterdatter"),
            (0, 2, "", "U", 'M', "", "barnebarn"),
            (0, 3, "", "", 'M', "", "oldebarn"),
            (1, 1, "", "", 'M', "", "bror"),
            (1, 1, "", "", 'F', "", "søster"),
            (1, 1, "", "", 'U', "", "søskende"),
            (1, 1, "", "", 'M', "h", "halvbror"),
            (1, 1, "", "", 'F', "h", "halvsøster"),
            (2, 1, "M", "", 'M', "", "farbror"),
            (2, 1, "F", "", 'M', "", "morbror"),
            (2, 1, "M", "", 'F', "", "faster"),
            (2, 1, "F", "", 'F', "", "moster"),
            (1, 2, "", "", 'M', "", "nevø"),
            (1, 2, "", "", 'F', "", "niece"),
            (2, 2, "", "", 'M', "", "fætter"),
            (2, 2, "", "", 'F', "", "kusine"),
            (3, 3, "", "", 'M', "", "næstsøskendebarn"),
            (3, 3, "", "", 'F', "", "næstsøskendebarn"),
            // n ≥ 3 through the linking people; Philip to Elizabeth II: third cousins.
            (4, 4, "MMM", "FFF", 'M', "", "fars næstsøskendebarns søn"),
            (4, 4, "FMM", "FFF", 'F', "", "mors næstsøskendebarns datter"),
            (
                5,
                5,
                "MFMM",
                "FFFM",
                'M',
                "",
                "farmors næstsøskendebarns sønnesøn",
            ),
            (4, 3, "MMF", "MM", 'M', "", "fars næstsøskendebarn"),
            (3, 2, "M", "M", 'M', "", "fars fætter"),
            (3, 2, "F", "M", 'F', "", "mors kusine"),
            (2, 3, "", "MM", 'M', "", "fætters søn"),
            (2, 3, "", "MF", 'F', "", "kusines datter"),
            (2, 2, "", "", 'M', "h", "halvfætter"),
            (0, 1, "", "", 'M', "a", "adoptivsøn"),
        ],
        &[
            (Link::Spouse, 'M', "mand"),
            (Link::Spouse, 'F', "hustru"),
            (Link::Spouse, 'U', "ægtefælle"),
            (Link::ParentInLaw, 'M', "svigerfar"),
            (Link::ParentInLaw, 'F', "svigermor"),
            (Link::ChildInLaw, 'M', "svigersøn"),
            (Link::ChildInLaw, 'F', "svigerdatter"),
            (Link::SiblingInLaw, 'M', "svoger"),
            (Link::SiblingInLaw, 'F', "svigerinde"),
            (Link::StepParent, 'M', "stedfar"),
            (Link::StepParent, 'F', "stedmor"),
            (Link::StepChild, 'M', "stedsøn"),
            (Link::StepChild, 'F', "steddatter"),
        ],
    );
}

#[test]
fn french() {
    check(
        Lang::Fr,
        &[
            (1, 0, "", "", 'M', "", "père"),
            (1, 0, "", "", 'F', "", "mère"),
            (1, 0, "", "", 'U', "", "parent"),
            (2, 0, "", "", 'M', "", "grand-père"),
            (2, 0, "", "", 'F', "", "grand-mère"),
            (3, 0, "", "", 'M', "", "arrière-grand-père"),
            (4, 0, "", "", 'F', "", "arrière-arrière-grand-mère"),
            (5, 0, "", "", 'M', "", "ancêtre à la 5e génération"),
            (0, 1, "", "", 'M', "", "fils"),
            (0, 1, "", "", 'F', "", "fille"),
            (0, 1, "", "", 'U', "", "enfant"),
            (0, 2, "", "", 'M', "", "petit-fils"),
            (0, 2, "", "", 'F', "", "petite-fille"),
            (0, 3, "", "", 'M', "", "arrière-petit-fils"),
            (0, 4, "", "", 'F', "", "arrière-arrière-petite-fille"),
            (0, 5, "", "", 'F', "", "descendante à la 5e génération"),
            (1, 1, "", "", 'M', "", "frère"),
            (1, 1, "", "", 'F', "", "sœur"),
            (1, 1, "", "", 'U', "", "frère ou sœur"),
            (1, 1, "", "", 'M', "h", "demi-frère"),
            (1, 1, "", "", 'F', "h", "demi-sœur"),
            (2, 1, "", "", 'M', "", "oncle"),
            (2, 1, "", "", 'F', "", "tante"),
            (3, 1, "", "", 'M', "", "grand-oncle"),
            (3, 1, "", "", 'F', "", "grand-tante"),
            (4, 1, "", "", 'M', "", "arrière-grand-oncle"),
            (1, 2, "", "", 'M', "", "neveu"),
            (1, 2, "", "", 'F', "", "nièce"),
            (1, 3, "", "", 'M', "", "petit-neveu"),
            (1, 4, "", "", 'F', "", "arrière-petite-nièce"),
            (2, 2, "", "", 'M', "", "cousin germain"),
            (2, 2, "", "", 'F', "", "cousine germaine"),
            (3, 3, "", "", 'M', "", "cousin issu de germain"),
            (3, 3, "", "", 'F', "", "cousine issue de germain"),
            // Philip to Elizabeth II.
            (
                4,
                3,
                "MMF",
                "MM",
                'M',
                "",
                "cousin issu de germain d'un parent",
            ),
            (4, 4, "", "", 'M', "", "cousin issu d'issu de germain"),
            (
                5,
                5,
                "",
                "",
                'M',
                "",
                "cousin éloigné (ancêtres communs à la 5e génération)",
            ),
            (
                6,
                6,
                "",
                "",
                'F',
                "",
                "cousine éloignée (ancêtres communs à la 6e génération)",
            ),
            (3, 2, "", "", 'M', "", "oncle à la mode de Bretagne"),
            (2, 3, "", "", 'F', "", "nièce à la mode de Bretagne"),
            (4, 2, "", "", 'M', "", "cousin germain d'un grand-parent"),
            (
                5,
                2,
                "",
                "",
                'F',
                "",
                "cousine germaine d'un arrière-grand-parent",
            ),
            (2, 4, "", "", 'M', "", "petit-fils d'un cousin germain"),
            (3, 4, "", "", 'F', "", "fille d'un cousin issu de germain"),
            (2, 2, "", "", 'M', "d", "double cousin germain"),
            (1, 0, "", "", 'M', "a", "père adoptif"),
            (0, 1, "", "", 'F', "a", "fille adoptive"),
        ],
        &[
            (Link::Spouse, 'M', "mari"),
            (Link::Spouse, 'F', "épouse"),
            (Link::Spouse, 'U', "conjoint"),
            (Link::ParentInLaw, 'M', "beau-père"),
            (Link::ParentInLaw, 'F', "belle-mère"),
            (Link::ChildInLaw, 'M', "gendre"),
            (Link::ChildInLaw, 'F', "belle-fille"),
            (Link::SiblingInLaw, 'M', "beau-frère"),
            (Link::SiblingInLaw, 'F', "belle-sœur"),
            (Link::StepParent, 'M', "beau-père (mari de la mère)"),
            (Link::StepParent, 'U', "conjoint d'un parent"),
        ],
    );
}

#[test]
fn dutch() {
    check(
        Lang::Nl,
        &[
            (1, 0, "", "", 'M', "", "vader"),
            (1, 0, "", "", 'F', "", "moeder"),
            (1, 0, "", "", 'U', "", "ouder"),
            (2, 0, "", "", 'M', "", "grootvader"),
            (2, 0, "", "", 'F', "", "grootmoeder"),
            (3, 0, "", "", 'M', "", "overgrootvader"),
            (4, 0, "", "", 'M', "", "betovergrootvader"),
            (5, 0, "", "", 'M', "", "voorvader in de 5e generatie"),
            (0, 1, "", "", 'M', "", "zoon"),
            (0, 1, "", "", 'F', "", "dochter"),
            (0, 1, "", "", 'U', "", "kind"),
            (0, 2, "", "", 'M', "", "kleinzoon"),
            (0, 2, "", "", 'F', "", "kleindochter"),
            (0, 3, "", "", 'M', "", "achterkleinzoon"),
            (1, 1, "", "", 'M', "", "broer"),
            (1, 1, "", "", 'F', "", "zus"),
            (1, 1, "", "", 'M', "h", "halfbroer"),
            (1, 1, "", "", 'F', "h", "halfzus"),
            (2, 1, "", "", 'M', "", "oom"),
            (2, 1, "", "", 'F', "", "tante"),
            (3, 1, "", "", 'M', "", "oudoom"),
            (3, 1, "", "", 'F', "", "oudtante"),
            (4, 1, "MMM", "", 'M', "", "broer van de overgrootvader"),
            // Nephews and nieces never "neef" / "nicht": described.
            (1, 2, "", "M", 'M', "", "zoon van een broer"),
            (1, 2, "", "F", 'F', "", "dochter van een zus"),
            (1, 2, "", "U", 'M', "", "zoon van een broer of zus"),
            (1, 3, "", "MF", 'F', "", "kleindochter van een broer"),
            (2, 2, "", "", 'M', "", "volle neef"),
            (2, 2, "", "", 'F', "", "volle nicht"),
            (2, 2, "", "", 'U', "", "volle neef of nicht"),
            (
                3,
                3,
                "M",
                "MM",
                'M',
                "",
                "zoon van een volle neef van de vader",
            ),
            (
                3,
                3,
                "F",
                "FF",
                'F',
                "",
                "dochter van een volle nicht van de moeder",
            ),
            // Philip to Elizabeth II: his father Andrew was a first cousin of her grandfather.
            (
                4,
                3,
                "MMF",
                "MM",
                'M',
                "",
                "zoon van een volle neef van de grootvader",
            ),
            (
                4,
                4,
                "MMM",
                "FFF",
                'M',
                "",
                "kleinzoon van een volle nicht van de grootvader",
            ),
            (3, 2, "M", "M", 'M', "", "volle neef van de vader"),
            (3, 2, "F", "F", 'F', "", "volle nicht van de moeder"),
            (2, 3, "", "MM", 'M', "", "zoon van een volle neef"),
            (2, 4, "", "MFM", 'F', "", "kleindochter van een volle nicht"),
            (2, 2, "", "", 'M', "h", "volle neef (van halve bloede)"),
            (1, 0, "", "", 'M', "a", "adoptievader"),
        ],
        &[
            (Link::Spouse, 'M', "echtgenoot"),
            (Link::Spouse, 'F', "echtgenote"),
            (Link::ParentInLaw, 'M', "schoonvader"),
            (Link::ParentInLaw, 'F', "schoonmoeder"),
            (Link::ChildInLaw, 'M', "schoonzoon"),
            (Link::ChildInLaw, 'F', "schoondochter"),
            (Link::SiblingInLaw, 'M', "zwager"),
            (Link::SiblingInLaw, 'F', "schoonzus"),
            (Link::StepParent, 'M', "stiefvader"),
            (Link::StepParent, 'F', "stiefmoeder"),
            (Link::StepChild, 'M', "stiefzoon"),
            (Link::StepChild, 'F', "stiefdochter"),
        ],
    );
}

/// Dutch never says "neef" / "nicht" alone (it could mean a nephew): only "volle neef / nicht".
#[test]
fn dutch_neef_only_as_volle_neef() {
    for s in [Sex::Male, Sex::Female, Sex::Unknown] {
        for ga in 0..=12 {
            for gb in 0..=12 {
                let k = Kin {
                    a_line: vec![s; 12],
                    b_line: vec![s; 12],
                    ..Kin::new(ga, gb)
                };
                let t = kin_term(Lang::Nl, &k, s);
                let words: Vec<&str> = t.split(' ').collect();
                for (i, w) in words.iter().enumerate() {
                    if w.contains("neef") || w.contains("nicht") {
                        let volle = i.checked_sub(1).and_then(|j| words.get(j)) == Some(&"volle")
                            || i.checked_sub(3).and_then(|j| words.get(j)) == Some(&"volle");
                        assert!(volle, "({ga},{gb}) {s:?}: {t:?}");
                    }
                }
            }
        }
    }
}

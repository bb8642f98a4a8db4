//! Kinship terms in Norwegian, Danish, French and Dutch, against tables written from
//! `kinship-terms.md`, worked examples included (Philip to Elizabeth II).

mod lang_support;

use lang_support::check;
use wikikin_kinship::*;

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

//! Headlines, elision and connections in French, Norwegian, Danish and Dutch.

mod phrase_support;

use phrase_support::*;
use wikikin_kinship::*;

#[test]
fn french_elides_in_the_frame() {
    let r = rel(8, 2, 3, 3, &[3, 4]);
    let k = Kin::of(&r, &sex);
    assert_eq!(
        relationship_phrase(Lang::Fr, &r, &k, &name, &sex).to_text(&name),
        "Prince Philip, Duke of Edinburgh est le cousin issu de germain d'Élisabeth — par Christian IX et Louise"
    );
    let r = rel(1, 2, 3, 2, &[3]);
    let k = Kin::of(&r, &sex);
    assert_eq!(
        relationship_phrase(Lang::Fr, &r, &k, &name, &sex).to_text(&name),
        "Prince Philip, Duke of Edinburgh est l'oncle à la mode de Bretagne d'Elizabeth II — par Christian IX"
    );
    assert_eq!(
        headline_text(Lang::Fr, 1, 2, &philip_said()),
        "Prince Philip, Duke of Edinburgh est le mari d'Elizabeth II, et aussi son cousin issu de \
         germain d'un parent, son cousin issu d'issu de germain et son cousin éloigné (ancêtres \
         communs à la 5e génération)."
    );
    assert_eq!(
        headline_text(Lang::Fr, 5, 6, &[Said::Kin(Kin::new(2, 2))]),
        "George V et Nicholas II of Russia sont cousins germains."
    );
}

#[test]
fn headlines_nordic_and_dutch() {
    let said = philip_said();
    assert_eq!(
        headline_text(Lang::Nb, 1, 2, &said),
        "Prince Philip, Duke of Edinburgh er ektemann til Elizabeth II og også hennes fars \
         tremenning, firmenning og femmenning."
    );
    assert_eq!(
        headline_text(Lang::Da, 1, 2, &said),
        "Prince Philip, Duke of Edinburgh er mand til Elizabeth II og også hendes fars \
         næstsøskendebarn, fars næstsøskendebarns søn og farfars næstsøskendebarns sønnesøn."
    );
    assert_eq!(
        headline_text(Lang::Nl, 1, 2, &said),
        "Prince Philip, Duke of Edinburgh is de echtgenoot van Elizabeth II, en ook haar zoon van \
         een volle neef van de grootvader, kleinzoon van een volle nicht van de grootvader en \
         achterkleinzoon van een volle nicht van de overgrootvader."
    );
    let cousins = [Said::Kin(Kin::new(2, 2))];
    assert_eq!(
        headline_text(Lang::Nb, 5, 6, &cousins),
        "George V og Nicholas II of Russia er fettere."
    );
    assert_eq!(
        headline_text(Lang::Da, 5, 6, &cousins),
        "George V og Nicholas II of Russia er fætre."
    );
    assert_eq!(
        headline_text(Lang::Nl, 5, 6, &cousins),
        "George V en Nicholas II of Russia zijn volle neven."
    );
    // Dutch second cousins have no symmetric word: the singular form.
    assert_eq!(
        headline_text(Lang::Nl, 5, 6, &[Said::Kin(Kin::new(3, 3))]),
        "Nicholas II of Russia is een zoon van een volle neef of nicht van de ouder van George V."
    );
}

#[test]
fn connections_in_the_other_languages() {
    let p = family();
    let one = Connection {
        path: vec![q(21), q(22), q(24)],
        steps: vec![Step::Child, Step::Spouse],
    };
    let chain = Connection {
        path: vec![q(24), q(22), q(20), q(23), q(25)],
        steps: vec![Step::Spouse, Step::Parent, Step::Child, Step::Spouse],
    };
    let say = |lang, c: &Connection<PersonId>| connection_phrase(lang, &p, c, &name).to_text(&name);
    assert_eq!(say(Lang::Fr, &one), "P24 est la belle-fille de P21.");
    assert_eq!(say(Lang::Nl, &one), "P24 is een schoondochter van P21.");
    assert_eq!(say(Lang::Nb, &one), "P24 er svigerdatter til P21.");
    assert_eq!(say(Lang::Da, &one), "P24 er svigerdatter til P21.");
    assert_eq!(
        say(Lang::Fr, &chain),
        "P24 → son mari P22 → sa sœur P23 → son mari P25"
    );
    assert_eq!(
        say(Lang::Nl, &chain),
        "P24 → haar echtgenoot P22 → zijn zus P23 → haar echtgenoot P25"
    );
    assert_eq!(
        say(Lang::Nb, &chain),
        "P24 → hennes ektemann P22 → hans søster P23 → hennes ektemann P25"
    );
    assert_eq!(
        say(Lang::Da, &chain),
        "P24 → hendes mand P22 → hans søster P23 → hendes mand P25"
    );
}

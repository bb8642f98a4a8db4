//! Labels in the eight languages wikikin speaks (en, de, fr, es, nl, sv, nb, da).
//!
//! The twelve people with real Q-ids have their labels from [`KNOWN`] (the forms the Wikipedias
//! of those languages title them by, not checked against Wikidata item by item). Everyone else's
//! are the replica's own, made by rule from the English label ([`translate`]): a royal-style
//! name (with a regnal number or "of Place") gets its first given name from a small table
//! (William → Wilhelm, Guillaume, Guillermo, Willem, Vilhelm…), its number as the language
//! writes it (German "II.", Danish "2."), "of" in the language (von, de/d', de, van, av, av,
//! af), a few places and epithets translated; other names stay as they are.

/// The languages, in the order the JSON lists them (after `en`).
pub const OTHER_LANGS: [&str; 7] = ["de", "fr", "es", "nl", "sv", "nb", "da"];

/// Index into the per-language columns below: de, fr, es, nl, sv, nb, da.
fn col(lang: &str) -> Option<usize> {
    OTHER_LANGS.iter().position(|l| *l == lang)
}

type Row = (&'static str, [&'static str; 7]);

/// Labels of the people with real Q-ids: (Q-id, [de, fr, es, nl, sv, nb, da]).
#[rustfmt::skip]
pub const KNOWN: &[(u32, [&str; 7])] = &[
    (9439, ["Victoria", "Victoria", "Victoria del Reino Unido", "Victoria van het Verenigd Koninkrijk", "Viktoria av Storbritannien", "Dronning Victoria", "Dronning Victoria"]),
    (152245, ["Albert von Sachsen-Coburg und Gotha", "Albert de Saxe-Cobourg-Gotha", "Alberto de Sajonia-Coburgo-Gotha", "Albert van Saksen-Coburg en Gotha", "Albert av Sachsen-Coburg-Gotha", "Albert av Sachsen-Coburg og Gotha", "Albert af Sachsen-Coburg-Gotha"]),
    (20875, ["Eduard VII.", "Édouard VII", "Eduardo VII del Reino Unido", "Eduard VII van het Verenigd Koninkrijk", "Edvard VII", "Edvard VII", "Edward 7."]),
    (269412, ["Georg V.", "George V", "Jorge V del Reino Unido", "George V van het Verenigd Koninkrijk", "Georg V", "Georg V", "George 5."]),
    (2677, ["Wilhelm II.", "Guillaume II", "Guillermo II de Alemania", "Wilhelm II van Duitsland", "Vilhelm II", "Wilhelm II", "Wilhelm 2."]),
    (280856, ["Georg VI.", "George VI", "Jorge VI del Reino Unido", "George VI van het Verenigd Koninkrijk", "Georg VI", "Georg VI", "George 6."]),
    (40787, ["Nikolaus II.", "Nicolas II", "Nicolás II de Rusia", "Nicolaas II van Rusland", "Nikolaj II", "Nikolaj II", "Nikolaj 2."]),
    (9682, ["Elisabeth II.", "Élisabeth II", "Isabel II", "Elizabeth II", "Elizabeth II", "Elizabeth II", "Elizabeth II"]),
    (80976, ["Prinz Philip, Duke of Edinburgh", "Philip Mountbatten", "Felipe de Edimburgo", "Philip Mountbatten", "Prins Philip, hertig av Edinburgh", "Prins Philip, hertug av Edinburgh", "Prins Philip, hertug af Edinburgh"]),
    (43274, ["Charles III.", "Charles III", "Carlos III del Reino Unido", "Charles III van het Verenigd Koninkrijk", "Karl III", "Charles III", "Charles 3."]),
    (116062, ["Alice von Battenberg", "Alice de Battenberg", "Alicia de Battenberg", "Alice van Battenberg", "Alice av Battenberg", "Alice av Battenberg", "Alice af Battenberg"]),
    (151305, ["Christian IX.", "Christian IX", "Cristián IX de Dinamarca", "Christiaan IX van Denemarken", "Kristian IX", "Christian IX", "Christian 9."]),
];

/// Given names of royals: English → [de, fr, es, nl, sv, nb, da].
#[rustfmt::skip]
const GIVEN: &[Row] = &[
    ("William", ["Wilhelm", "Guillaume", "Guillermo", "Willem", "Vilhelm", "Vilhelm", "Vilhelm"]),
    ("Henry", ["Heinrich", "Henri", "Enrique", "Hendrik", "Henrik", "Henrik", "Henrik"]),
    ("Charles", ["Karl", "Charles", "Carlos", "Karel", "Karl", "Karl", "Karl"]),
    ("Edward", ["Eduard", "Édouard", "Eduardo", "Eduard", "Edvard", "Edvard", "Edvard"]),
    ("George", ["Georg", "George", "Jorge", "George", "Georg", "Georg", "Georg"]),
    ("John", ["Johann", "Jean", "Juan", "Jan", "Johan", "Johan", "Johan"]),
    ("James", ["Jakob", "Jacques", "Jacobo", "Jacobus", "Jakob", "Jakob", "Jakob"]),
    ("Louis", ["Ludwig", "Louis", "Luis", "Lodewijk", "Ludvig", "Ludvig", "Ludvig"]),
    ("Frederick", ["Friedrich", "Frédéric", "Federico", "Frederik", "Fredrik", "Fredrik", "Frederik"]),
    ("Philip", ["Philipp", "Philippe", "Felipe", "Filips", "Filip", "Filip", "Filip"]),
    ("Peter", ["Peter", "Pierre", "Pedro", "Peter", "Peter", "Peter", "Peter"]),
    ("Richard", ["Richard", "Richard", "Ricardo", "Richard", "Rikard", "Rikard", "Richard"]),
    ("Robert", ["Robert", "Robert", "Roberto", "Robert", "Robert", "Robert", "Robert"]),
    ("Alexander", ["Alexander", "Alexandre", "Alejandro", "Alexander", "Alexander", "Aleksander", "Alexander"]),
    ("Nicholas", ["Nikolaus", "Nicolas", "Nicolás", "Nicolaas", "Nikolaj", "Nikolai", "Nikolaj"]),
    ("Christian", ["Christian", "Christian", "Cristián", "Christiaan", "Kristian", "Christian", "Christian"]),
    ("Francis", ["Franz", "François", "Francisco", "Frans", "Frans", "Frans", "Frans"]),
    ("Joseph", ["Joseph", "Joseph", "José", "Jozef", "Josef", "Josef", "Josef"]),
    ("Albert", ["Albert", "Albert", "Alberto", "Albert", "Albert", "Albert", "Albert"]),
    ("Alfonso", ["Alfons", "Alphonse", "Alfonso", "Alfons", "Alfons", "Alfons", "Alfons"]),
    ("Mary", ["Maria", "Marie", "María", "Maria", "Maria", "Maria", "Maria"]),
    ("Elizabeth", ["Elisabeth", "Élisabeth", "Isabel", "Elizabeth", "Elisabet", "Elisabeth", "Elisabeth"]),
    ("Catherine", ["Katharina", "Catherine", "Catalina", "Catharina", "Katarina", "Katarina", "Katharina"]),
    ("Margaret", ["Margarete", "Marguerite", "Margarita", "Margaretha", "Margareta", "Margrete", "Margrethe"]),
    ("Anne", ["Anna", "Anne", "Ana", "Anna", "Anna", "Anna", "Anna"]),
    ("Isabella", ["Isabella", "Isabelle", "Isabel", "Isabella", "Isabella", "Isabella", "Isabella"]),
    ("Eleanor", ["Eleonore", "Aliénor", "Leonor", "Eleonora", "Eleonora", "Eleonora", "Eleonora"]),
    ("Matilda", ["Mathilde", "Mathilde", "Matilde", "Mathilde", "Matilda", "Mathilde", "Mathilde"]),
    ("Sophia", ["Sophie", "Sophie", "Sofía", "Sophia", "Sofia", "Sofie", "Sophie"]),
    ("Louise", ["Luise", "Louise", "Luisa", "Louise", "Lovisa", "Louise", "Louise"]),
    ("Charlotte", ["Charlotte", "Charlotte", "Carlota", "Charlotte", "Charlotta", "Charlotte", "Charlotte"]),
    ("Victoria", ["Viktoria", "Victoria", "Victoria", "Victoria", "Viktoria", "Victoria", "Victoria"]),
    ("Alice", ["Alice", "Alice", "Alicia", "Alice", "Alice", "Alice", "Alice"]),
];

/// Places after "of": English → [de, fr, es, nl, sv, nb, da].
#[rustfmt::skip]
const PLACES: &[Row] = &[
    ("England", ["England", "Angleterre", "Inglaterra", "Engeland", "England", "England", "England"]),
    ("Scotland", ["Schottland", "Écosse", "Escocia", "Schotland", "Skottland", "Skottland", "Skotland"]),
    ("France", ["Frankreich", "France", "Francia", "Frankrijk", "Frankrike", "Frankrike", "Frankrig"]),
    ("Denmark", ["Dänemark", "Danemark", "Dinamarca", "Denemarken", "Danmark", "Danmark", "Danmark"]),
    ("Russia", ["Russland", "Russie", "Rusia", "Rusland", "Ryssland", "Russland", "Rusland"]),
    ("Prussia", ["Preußen", "Prusse", "Prusia", "Pruisen", "Preussen", "Preussen", "Preussen"]),
    ("Bavaria", ["Bayern", "Bavière", "Baviera", "Beieren", "Bayern", "Bayern", "Bayern"]),
    ("Sweden", ["Schweden", "Suède", "Suecia", "Zweden", "Sverige", "Sverige", "Sverige"]),
    ("Norway", ["Norwegen", "Norvège", "Noruega", "Noorwegen", "Norge", "Norge", "Norge"]),
    ("Spain", ["Spanien", "Espagne", "España", "Spanje", "Spanien", "Spania", "Spanien"]),
    ("Austria", ["Österreich", "Autriche", "Austria", "Oostenrijk", "Österrike", "Østerrike", "Østrig"]),
    ("Greece", ["Griechenland", "Grèce", "Grecia", "Griekenland", "Grekland", "Hellas", "Grækenland"]),
    ("Hesse", ["Hessen", "Hesse", "Hesse", "Hessen", "Hessen", "Hessen", "Hessen"]),
    ("Saxony", ["Sachsen", "Saxe", "Sajonia", "Saksen", "Sachsen", "Sachsen", "Sachsen"]),
    ("Hanover", ["Hannover", "Hanovre", "Hannover", "Hannover", "Hannover", "Hannover", "Hannover"]),
    ("Netherlands", ["Niederlande", "Pays-Bas", "Países Bajos", "Nederland", "Nederländerna", "Nederland", "Nederlandene"]),
    ("Aragon", ["Aragonien", "Aragon", "Aragón", "Aragon", "Aragonien", "Aragon", "Aragonien"]),
    ("Castile", ["Kastilien", "Castille", "Castilla", "Castilië", "Kastilien", "Castilla", "Kastilien"]),
    ("Wales", ["Wales", "Galles", "Gales", "Wales", "Wales", "Wales", "Wales"]),
];

/// Epithets: English → [de, fr, es, nl, sv, nb, da].
#[rustfmt::skip]
const EPITHETS: &[Row] = &[
    ("the Great", ["der Große", "le Grand", "el Grande", "de Grote", "den store", "den store", "den Store"]),
    ("the Wise", ["der Weise", "le Sage", "el Sabio", "de Wijze", "den vise", "den vise", "den Vise"]),
    ("the Bold", ["der Kühne", "le Hardi", "el Atrevido", "de Stoute", "den djärve", "den dristige", "den Dristige"]),
    ("the Good", ["der Gute", "le Bon", "el Bueno", "de Goede", "den gode", "den gode", "den Gode"]),
    ("the German", ["der Deutsche", "le Germanique", "el Germánico", "de Duitser", "den tyske", "den tyske", "den Tyske"]),
    ("the Pious", ["der Fromme", "le Pieux", "el Piadoso", "de Vrome", "den fromme", "den fromme", "den Fromme"]),
];

/// "of" in each language.
const OF: [&str; 7] = ["von", "de", "de", "van", "av", "av", "af"];

fn roman_value(w: &str) -> Option<u32> {
    if w.is_empty() || w.len() > 7 {
        return None;
    }
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in w.chars().rev() {
        let v = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    (total > 0).then_some(total)
}

fn lookup(table: &[Row], en: &str, c: usize) -> Option<&'static str> {
    table.iter().find(|(e, _)| *e == en).map(|(_, t)| t[c])
}

/// The label in `lang` (one of [`OTHER_LANGS`]) made by rule from the English one; names that
/// are not royal-style stay as they are.
pub fn translate(en: &str, lang: &str) -> String {
    let Some(c) = col(lang) else {
        return en.to_string();
    };
    let words: Vec<&str> = en.split(' ').collect();
    let has_number = words.iter().skip(1).any(|w| roman_value(w).is_some());
    let has_of = words.contains(&"of");
    if !(has_number || has_of) {
        return en.to_string();
    }
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if i == 0 {
            out.push(lookup(GIVEN, w, c).unwrap_or(w).to_string());
        } else if let Some(n) = roman_value(w) {
            out.push(match lang {
                "de" => format!("{w}."),
                "da" => format!("{n}."),
                _ => w.to_string(),
            });
        } else if w == "the" && i + 1 < words.len() {
            let two = format!("the {}", words[i + 1]);
            match lookup(EPITHETS, &two, c) {
                Some(t) => {
                    out.push(t.to_string());
                    i += 1;
                }
                None => out.push(w.to_string()),
            }
        } else if w == "of" && i + 1 < words.len() {
            let place = lookup(PLACES, words[i + 1], c).unwrap_or(words[i + 1]);
            let elide = lang == "fr"
                && place
                    .chars()
                    .next()
                    .is_some_and(|f| "AEIOUÉÈÂÎÔ".contains(f));
            if elide {
                out.push(format!("d'{place}"));
            } else {
                out.push(OF[c].to_string());
                out.push(place.to_string());
            }
            i += 1;
        } else {
            out.push(w.to_string());
        }
        i += 1;
    }
    out.join(" ")
}

/// The known labels of a real Q-id, if it is one of the twelve.
pub fn known(qid: u32, lang: &str) -> Option<&'static str> {
    let c = col(lang)?;
    KNOWN.iter().find(|(q, _)| *q == qid).map(|(_, t)| t[c])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regnal_names_by_rule() {
        assert_eq!(translate("William II", "de"), "Wilhelm II.");
        assert_eq!(translate("William II", "fr"), "Guillaume II");
        assert_eq!(translate("William II", "es"), "Guillermo II");
        assert_eq!(translate("William II", "nl"), "Willem II");
        assert_eq!(translate("William II", "sv"), "Vilhelm II");
        assert_eq!(translate("Christian IV", "da"), "Christian 4.");
        assert_eq!(
            translate("Louis II the German", "de"),
            "Ludwig II. der Deutsche"
        );
        assert_eq!(
            translate("Malcolm IV the Maiden", "nl"),
            "Malcolm IV the Maiden"
        );
        assert_eq!(translate("Alfonso X the Wise", "es"), "Alfonso X el Sabio");
        assert_eq!(translate("Isabelle of Aragon", "fr"), "Isabelle d'Aragon");
        assert_eq!(translate("Mary of Scotland", "fr"), "Marie d'Écosse");
        assert_eq!(
            translate("Frederik of Netherlands", "de"),
            "Frederik von Niederlande"
        );
        assert_eq!(translate("Henry of England", "da"), "Henrik af England");
        // Commoners keep their names.
        assert_eq!(translate("Henry Fletcher", "de"), "Henry Fletcher");
        assert_eq!(translate("Dau. 1", "fr"), "Dau. 1");
        assert_eq!(known(9682, "de"), Some("Elisabeth II."));
        assert_eq!(known(9682, "it"), None);
    }
}

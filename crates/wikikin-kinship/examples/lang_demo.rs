//! Prints the Philip ~ Elizabeth II headline and a few sentences in every language.
use wikikin_kinship::*;
fn main() {
    use Sex::{Female as F, Male as M};
    let name = |q: PersonId| match q.0 {
        1 => "Elizabeth II".to_string(),
        2 => "Philip".to_string(),
        5 => "George V".to_string(),
        6 => "Nicholas II".to_string(),
        n => format!("P{n}"),
    };
    let line = |a: &[Sex], b: &[Sex], ga, gb| Kin {
        a_line: a.to_vec(),
        b_line: b.to_vec(),
        ..Kin::new(ga, gb)
    };
    let said = vec![
        Said::Link(Link::Spouse),
        Said::Kin(line(&[M, M, F], &[M, M], 4, 3)),
        Said::Kin(line(&[M, M, M], &[F, F, F], 4, 4)),
        Said::Kin(line(&[M, M, M, F], &[F, F, F, M], 5, 5)),
    ];
    for lang in Lang::ALL {
        println!(
            "{}: {}",
            lang.code(),
            headline(lang, PersonId(1), PersonId(2), (F, M), &said, &name).to_text(&name)
        );
        println!(
            "    {}",
            headline(
                lang,
                PersonId(5),
                PersonId(6),
                (M, M),
                &[Said::Kin(Kin::new(2, 2))],
                &name
            )
            .to_text(&name)
        );
        println!(
            "    {}",
            headline(
                lang,
                PersonId(1),
                PersonId(6),
                (F, M),
                &[Said::Link(Link::Spouse), Said::Kin(Kin::new(3, 3))],
                &name
            )
            .to_text(&name)
        );
    }
}

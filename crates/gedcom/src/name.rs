//! `NAME` values: `Given /Surname/ suffix`, underscores as spaces, whitespace collapsed.

fn clean(s: &str) -> String {
    s.replace('_', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `Given /Surname/ suffix` → (display, given, surname).
///
/// The surname is between the last two slashes, so a slash inside a given name (say an
/// HTML-looking `</b>`) does not cut it; with a single slash there is no surname and the text
/// is kept as it is.
pub(crate) fn split_name(v: &str) -> (String, String, String) {
    let slashes: Vec<usize> = v.match_indices('/').map(|(i, _)| i).collect();
    let (given, surname, suffix) = match slashes.as_slice() {
        [.., a, b] => (
            v.get(..*a).unwrap_or(""),
            v.get(a + 1..*b).unwrap_or(""),
            v.get(b + 1..).unwrap_or(""),
        ),
        _ => (v, "", ""),
    };
    let (g, s, x) = (clean(given), clean(surname), clean(suffix));
    let display = [g.as_str(), s.as_str(), x.as_str()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (display, g, s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(
            split_name("Elizabeth_II Alexandra Mary/Windsor/"),
            (
                "Elizabeth II Alexandra Mary Windsor".into(),
                "Elizabeth II Alexandra Mary".into(),
                "Windsor".into()
            )
        );
        assert_eq!(
            split_name("Frederick_III  //"),
            ("Frederick III".into(), "Frederick III".into(), "".into())
        );
        assert_eq!(
            split_name("John /Smith/ Jr."),
            ("John Smith Jr.".into(), "John".into(), "Smith".into())
        );
        assert_eq!(split_name("Plain Name").0, "Plain Name");
        assert_eq!(split_name("/Only/").0, "Only");
        assert_eq!(
            split_name("<script>alert(1)</script>").0,
            "<script>alert(1)</script>"
        );
        assert_eq!(
            split_name("<b>x</b> /Y/"),
            ("<b>x</b> Y".into(), "<b>x</b>".into(), "Y".into())
        );
    }
}

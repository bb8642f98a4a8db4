//! `SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }`, WDQS's label service,
//! rewritten away before parsing: the block is removed, and each `?xLabel` / `?xDescription`
//! variable of the query (whose `?x` is also a variable) is bound at the end of the enclosing
//! group from `rdfs:label` / `schema:description` in the first language that has one; a missing
//! label falls back to the entity's id (`Q42`), as WDQS does. The manual form
//! (`?x rdfs:label ?name` inside the block) is supported too.

const LABEL: &str = "<http://www.w3.org/2000/01/rdf-schema#label>";
const DESCRIPTION: &str = "<http://schema.org/description>";

/// Byte range of the first label-service block (`SERVICE` … `}`), if any.
fn find_block(q: &str) -> Option<(usize, usize, usize)> {
    let lower = q.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = lower[from..].find("service") {
        let start = from + pos;
        let rest = lower[start + 7..].trim_start();
        let after_name = rest
            .strip_prefix("wikibase:label")
            .or_else(|| rest.strip_prefix("<http://wikiba.se/ontology#label>"));
        if let Some(after) = after_name {
            let after = after.trim_start();
            if after.starts_with('{') {
                let open = lower.len() - after.len();
                let mut depth = 0usize;
                for (i, c) in q[open..].char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                return Some((start, open, open + i + 1));
                            }
                        }
                        _ => {}
                    }
                }
                return None;
            }
        }
        from = start + 7;
    }
    None
}

/// Every `?name` / `$name` in the text, in order of first appearance.
fn variables(q: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let b = q.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'?' || b[i] == b'$' {
            let s = i + 1;
            let mut e = s;
            while e < b.len() && (b[e].is_ascii_alphanumeric() || b[e] == b'_') {
                e += 1;
            }
            if e > s && !out.iter().any(|v| v == &q[s..e]) {
                out.push(q[s..e].to_string());
            }
            i = e.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

fn languages(block: &str) -> Vec<String> {
    let langs = block
        .find("wikibase:language")
        .and_then(|i| {
            let rest = &block[i..];
            let open = rest.find(['"', '\''])?;
            let quote = rest[open..].chars().next()?;
            let close = rest[open + 1..].find(quote)?;
            Some(rest[open + 1..open + 1 + close].to_string())
        })
        .unwrap_or_default();
    let mut v: Vec<String> = langs
        .split(',')
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .map(|l| {
            if l == "[AUTO_LANGUAGE]" {
                "en".to_string()
            } else {
                l.to_string()
            }
        })
        .collect();
    if v.is_empty() {
        v.push("en".into());
    }
    v
}

/// `(entity variable, output variable, predicate, falls back to the id)` from the manual form.
fn manual(block: &str) -> Vec<(String, String, &'static str, bool)> {
    let toks: Vec<&str> = block
        .split(|c: char| c.is_whitespace() || c == '.' || c == ';' || c == '{' || c == '}')
        .filter(|t| !t.is_empty())
        .collect();
    let mut out = Vec::new();
    for w in toks.windows(3) {
        let pred = match w[1] {
            "rdfs:label" => (LABEL, true),
            "schema:description" => (DESCRIPTION, false),
            _ => continue,
        };
        if let (Some(s), Some(o)) = (w[0].strip_prefix('?'), w[2].strip_prefix('?')) {
            out.push((s.to_string(), o.to_string(), pred.0, pred.1));
        }
    }
    out
}

/// The query with its label service rewritten away (unchanged if it has none).
pub fn rewrite(query: &str) -> String {
    let Some((start, open, end)) = find_block(query) else {
        return query.to_string();
    };
    let block = &query[open..end];
    let langs = languages(block);
    let mut wanted = manual(block);
    let outside = format!("{}{}", &query[..start], &query[end..]);
    let vars = variables(&outside);
    for v in &vars {
        for (suffix, pred, fallback) in
            [("Label", LABEL, true), ("Description", DESCRIPTION, false)]
        {
            if let Some(base) = v.strip_suffix(suffix) {
                if !base.is_empty()
                    && vars.iter().any(|b| b == base)
                    && !wanted.iter().any(|w| &w.1 == v)
                {
                    wanted.push((base.to_string(), v.clone(), pred, fallback));
                }
            }
        }
    }
    let mut add = String::new();
    for (x, outv, pred, fallback) in &wanted {
        let mut parts = Vec::new();
        for (i, lang) in langs.iter().enumerate() {
            let tmp = format!("?{outv}_{i}_{}", lang.replace('-', "_"));
            add.push_str(&format!(
                " OPTIONAL {{ ?{x} {pred} {tmp} FILTER(LANG({tmp}) = \"{lang}\") }}"
            ));
            parts.push(tmp);
        }
        if *fallback {
            parts.push(format!(
                "IF(isIRI(?{x}), REPLACE(STR(?{x}), \"^.*/\", \"\"), STR(?{x}))"
            ));
        }
        add.push_str(&format!(" BIND(COALESCE({}) AS ?{outv})", parts.join(", ")));
    }
    // Insert just before the `}` that closes the group holding the block.
    let tail = &query[end..];
    let mut depth = 0i32;
    let mut close = tail.len();
    for (i, c) in tail.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                if depth == 0 {
                    close = i;
                    break;
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    format!(
        "{}{}{add} {}",
        &query[..start],
        &tail[..close],
        &tail[close..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_the_label_service() {
        let q = "SELECT ?c ?cLabel WHERE { ?c wdt:P25 wd:Q9439 . SERVICE wikibase:label { bd:serviceParam wikibase:language \"[AUTO_LANGUAGE],de\". } } ORDER BY ?cLabel";
        let r = rewrite(q);
        assert!(!r.contains("SERVICE"), "{r}");
        assert!(r.contains("FILTER(LANG(?cLabel_0_en) = \"en\")"), "{r}");
        assert!(r.contains("FILTER(LANG(?cLabel_1_de) = \"de\")"), "{r}");
        assert!(r.contains("AS ?cLabel) } ORDER BY ?cLabel"), "{r}");
        assert_eq!(rewrite("SELECT * { ?s ?p ?o }"), "SELECT * { ?s ?p ?o }");
    }

    #[test]
    fn manual_form() {
        let q = "SELECT ?n { ?x wdt:P22 ?f SERVICE wikibase:label { bd:serviceParam wikibase:language \"en\" . ?f rdfs:label ?n . } }";
        let r = rewrite(q);
        assert!(
            r.contains("OPTIONAL { ?f <http://www.w3.org/2000/01/rdf-schema#label> ?n_0_en"),
            "{r}"
        );
    }
}

//! Lines → a tree of records: levels nest, `CONT`/`CONC` join onto their parent's value.

use crate::error::err;
use crate::line::parse_line;
use crate::GedcomError;

#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub(crate) line: usize,
    pub(crate) xref: Option<String>,
    pub(crate) tag: String,
    pub(crate) value: String,
    pub(crate) children: Vec<Node>,
}

impl Node {
    pub(crate) fn child(&self, tag: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.tag == tag)
    }
}

pub(crate) fn build_tree(lines: &[(usize, String)]) -> Result<Vec<Node>, GedcomError> {
    let mut records: Vec<Node> = Vec::new();
    let mut stack: Vec<Node> = Vec::new();
    let mut seen_any = false;
    for (n, text) in lines {
        let n = *n;
        if text.trim().is_empty() {
            continue; // blank lines are common at the end of files
        }
        let l = parse_line(n, text)?;
        if !seen_any && l.level != 0 {
            return Err(err(
                n,
                format!(
                    "the first record must start at level 0, found level {}",
                    l.level
                ),
            ));
        }
        seen_any = true;
        if l.level > stack.len() {
            return Err(err(
                n,
                format!(
                    "level jumps from {} to {} (a line may go at most one level deeper)",
                    stack.len().saturating_sub(1),
                    l.level
                ),
            ));
        }
        // Close deeper nodes.
        while stack.len() > l.level {
            if let Some(done) = stack.pop() {
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => records.push(done),
                }
            }
        }
        if l.tag == "CONT" || l.tag == "CONC" {
            match stack.last_mut() {
                Some(parent) => {
                    if l.tag == "CONT" {
                        parent.value.push('\n');
                    }
                    parent.value.push_str(&l.value);
                    continue;
                }
                None => return Err(err(n, format!("{} at level 0 continues nothing", l.tag))),
            }
        }
        stack.push(Node {
            line: n,
            xref: l.xref,
            tag: l.tag,
            value: l.value,
            children: Vec::new(),
        });
    }
    while let Some(done) = stack.pop() {
        match stack.last_mut() {
            Some(parent) => parent.children.push(done),
            None => records.push(done),
        }
    }
    if records.is_empty() {
        return Err(err(0, "no GEDCOM records found"));
    }
    Ok(records)
}

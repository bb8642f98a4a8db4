//! [`Qid`]: a Wikidata item id (`Q42`), stored as its number.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A Wikidata item id (`Q42`), stored as its number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Qid(pub u64);

impl fmt::Display for Qid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Q{}", self.0)
    }
}

/// Why a text is not a Q-id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadQid(pub String);

impl fmt::Display for BadQid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "“{}” is not a Wikidata item id like Q42", self.0)
    }
}

impl std::error::Error for BadQid {}

impl FromStr for Qid {
    type Err = BadQid;
    /// Accepts `Q42` or `q42` (no sign, no leading zero, at most 15 digits).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadQid(s.chars().take(80).collect());
        let digits = s
            .strip_prefix('Q')
            .or_else(|| s.strip_prefix('q'))
            .ok_or_else(bad)?;
        if digits.is_empty()
            || digits.len() > 15
            || digits.starts_with('0')
            || !digits.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(bad());
        }
        digits.parse().map(Qid).map_err(|_| bad())
    }
}

impl TryFrom<String> for Qid {
    type Error = BadQid;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<Qid> for String {
    fn from(q: Qid) -> String {
        q.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qid_parses_and_prints() {
        assert_eq!("Q42".parse::<Qid>(), Ok(Qid(42)));
        assert_eq!("q9682".parse::<Qid>(), Ok(Qid(9682)));
        assert_eq!(Qid(80976).to_string(), "Q80976");
        for bad in [
            "",
            "Q",
            "Q0",
            "Q012",
            "P31",
            "Q-1",
            "Q1a",
            "Q12345678901234567",
            "42",
        ] {
            assert!(bad.parse::<Qid>().is_err(), "{bad} accepted");
        }
    }
}

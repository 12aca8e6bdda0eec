//! RACI letters: R, A, C, I and A/R, how two letters merge when one role carries another's work,
//! and the rule every row of a matrix keeps (SPEC §6): exactly one A, at least one R.

use std::fmt;

use serde::{Deserialize, Deserializer};

use crate::msg;
use crate::words::Msg;

/// One cell's letter. Ordered by strength; `AR` is accountable and responsible at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Letter {
    I,
    C,
    R,
    A,
    AR,
}

impl Letter {
    pub fn parse(text: &str) -> Result<Letter, Msg> {
        match text.trim().to_ascii_uppercase().replace(' ', "").as_str() {
            "R" => Ok(Letter::R),
            "A" => Ok(Letter::A),
            "C" => Ok(Letter::C),
            "I" => Ok(Letter::I),
            "A/R" | "AR" | "R/A" | "RA" => Ok(Letter::AR),
            _ => Err(msg!("rule.not_a_letter", text = text)),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Letter::I => "I",
            Letter::C => "C",
            Letter::R => "R",
            Letter::A => "A",
            Letter::AR => "A/R",
        }
    }

    pub fn is_accountable(self) -> bool {
        matches!(self, Letter::A | Letter::AR)
    }

    pub fn is_responsible(self) -> bool {
        matches!(self, Letter::R | Letter::AR)
    }

    /// Two letters landing on one role: A beats R beats C beats I, and A with R is `A/R`.
    pub fn merge(self, other: Letter) -> Letter {
        let accountable = self.is_accountable() || other.is_accountable();
        let responsible = self.is_responsible() || other.is_responsible();
        match (accountable, responsible) {
            (true, true) => Letter::AR,
            (true, false) => Letter::A,
            (false, true) => Letter::R,
            (false, false) => self.max(other),
        }
    }
}

impl fmt::Display for Letter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Letter {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Letter, D::Error> {
        let text = String::deserialize(deserializer)?;
        // serde's own words, which `input::shape` says in ours.
        Letter::parse(&text).map_err(|_| {
            serde::de::Error::invalid_value(
                serde::de::Unexpected::Str(&text),
                &"one of `R`, `A`, `C`, `I`, `A/R`",
            )
        })
    }
}

/// What breaks the rules in one row's letters: exactly one A, at least one R.
/// Said after what the row is ("activity `x` …", "row `x` …").
pub fn row_rule_problem(letters: &[Letter]) -> Option<Msg> {
    let accountable = letters.iter().filter(|l| l.is_accountable()).count();
    let responsible = letters.iter().any(|l| l.is_responsible());
    match (accountable, responsible) {
        (1, true) => None,
        (0, _) => Some(msg!("rule.no_a")),
        (1, false) => Some(msg!("rule.no_r")),
        (n, _) => Some(msg!("rule.many_a", count = n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_merge_by_strength() {
        use Letter::*;
        assert_eq!(A.merge(R), AR);
        assert_eq!(R.merge(A), AR);
        assert_eq!(A.merge(C), A);
        assert_eq!(R.merge(C), R);
        assert_eq!(C.merge(I), C);
        assert_eq!(I.merge(I), I);
        assert_eq!(AR.merge(I), AR);
        assert_eq!(Letter::parse(" a/r ").unwrap(), AR);
        assert!(Letter::parse("X").is_err());
    }
}

//! Identifiers: the kebab-case rule of the manifest, and "did you mean" for ids that are close.

use crate::msg;
use crate::words::Msg;

/// `[a-z0-9]+(-[a-z0-9]+)*`
pub fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The candidate closest to `given`, when it is close enough to be worth suggesting.
pub fn closest<'a>(given: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let given = given.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&given, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// "; did you mean `x`?" or nothing; ready to append to a message (as its `{hint}`).
pub fn suggestion<'a>(given: &str, candidates: impl IntoIterator<Item = &'a str>) -> Msg {
    closest(given, candidates).map_or_else(Msg::none, |c| msg!("ids.did_you_mean", id = c))
}

/// Ids as a message lists them: each in backticks.
pub fn coded<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    ids.into_iter().map(|id| format!("`{id}`")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_rule() {
        for ok in ["a", "ml-engineer", "v2", "a-1-b"] {
            assert!(is_kebab(ok), "{ok}");
        }
        for bad in [
            "",
            "-a",
            "a-",
            "a--b",
            "ML",
            "ml_engineer",
            "ml engineer",
            "é",
        ] {
            assert!(!is_kebab(bad), "{bad}");
        }
    }

    #[test]
    fn suggests_close_ids_only() {
        let ids = ["ml-engineer", "data-engineer", "devops-engineer"];
        assert_eq!(closest("ml-enginer", ids), Some("ml-engineer"));
        assert_eq!(closest("ML-Engineer", ids), Some("ml-engineer"));
        assert_eq!(closest("astronaut", ids), None);
    }
}

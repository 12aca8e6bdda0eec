//! The seal of a file mlteam generates whole (the calendar): an `X-MLTEAM-DIGEST` property that
//! records the rest of the file, so a later run can tell a hand edit from its own output, as the
//! digests of Markdown regions do.

const DIGEST: &str = "X-MLTEAM-DIGEST:";

/// Whether a calendar file is as mlteam wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seal {
    Intact,
    Edited,
    /// No digest line: not written by mlteam, or the line was removed.
    Missing,
}

/// Adds an `X-MLTEAM-DIGEST` property (after `PRODID`) recording the rest of the file, so a later
/// run can tell a hand edit from its own output, as the Markdown regions do.
pub fn seal(text: &str) -> String {
    let body = without_digest(text);
    let line = format!("{DIGEST}{}\r\n", crate::write::region::digest(&body));
    match body
        .find("PRODID:")
        .and_then(|at| body[at..].find("\r\n").map(|end| at + end + 2))
    {
        Some(at) => format!("{}{line}{}", &body[..at], &body[at..]),
        None => body + &line,
    }
}

pub fn seal_state(text: &str) -> Seal {
    let Some(recorded) = text.lines().find_map(|l| l.strip_prefix(DIGEST)) else {
        return Seal::Missing;
    };
    if recorded.trim() == crate::write::region::digest(&without_digest(text)) {
        Seal::Intact
    } else {
        Seal::Edited
    }
}

fn without_digest(text: &str) -> String {
    text.split_inclusive('\n')
        .filter(|l| !l.starts_with(DIGEST))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seal_tells_hand_edits_apart() {
        let text = crate::render::ics::finish(
            "BEGIN:VCALENDAR\nPRODID:x\nSUMMARY:Stand-up\nEND:VCALENDAR\n",
        );
        let sealed = seal(&text);
        assert!(
            sealed.starts_with("BEGIN:VCALENDAR\r\nPRODID:x\r\nX-MLTEAM-DIGEST:"),
            "{sealed}"
        );
        assert_eq!(seal_state(&sealed), Seal::Intact);
        assert_eq!(seal(&sealed), sealed);
        assert_eq!(
            seal_state(&sealed.replace("Stand-up", "Daily")),
            Seal::Edited
        );
        assert_eq!(seal_state(&text), Seal::Missing);
    }
}

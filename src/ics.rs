//! RFC 5545 pieces of the meeting calendar: the time zone's observances, stable event ids,
//! organiser and attendees, and the text rules (escaping, CRLF, folding at 75 octets).

use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};
use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

use crate::catalog::Meeting;
use crate::team::{Schedule, Team};

#[derive(Debug, Clone, Serialize)]
pub struct Calendar {
    pub prodid: String,
    pub name: String,
    pub timezone: String,
    /// A fixed stamp (the project's start, midnight UTC), so the same inputs give the same bytes.
    pub dtstamp: String,
    pub observances: Vec<Observance>,
}

/// A `STANDARD` or `DAYLIGHT` part of the `VTIMEZONE`.
#[derive(Debug, Clone, Serialize)]
pub struct Observance {
    pub kind: &'static str,
    pub dtstart: String,
    pub offset_from: String,
    pub offset_to: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Event {
    /// Stays the same across runs: a re-import updates the event instead of duplicating it.
    pub uid: String,
    pub dtstart: String,
    pub organizer: Option<Address>,
    pub attendees: Vec<Address>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Address {
    pub name: String,
    pub email: String,
    /// `REQ-PARTICIPANT` or `OPT-PARTICIPANT`.
    pub role: &'static str,
}

pub fn calendar(team: &Team) -> Calendar {
    let start = team.project.start;
    Calendar {
        prodid: format!("-//mlteam//mlteam {}//EN", env!("CARGO_PKG_VERSION")),
        name: team.project.name.clone(),
        timezone: team.project.timezone.clone(),
        dtstamp: format!("{}T000000Z", compact(start)),
        observances: observances(&team.project.timezone, start),
    }
}

pub fn event(team: &Team, schedule: &Schedule, meeting: &Meeting) -> Event {
    let address = |role: &'static str| {
        move |m: &crate::manifest::Member| {
            m.email.as_ref().map(|email| Address {
                name: m.name.clone(),
                email: email.clone(),
                role,
            })
        }
    };
    let organizer = team.holders(&schedule.chair).find_map(address("CHAIR"));
    let mut attendees: Vec<Address> = Vec::new();
    for (roles, kind) in [
        (&meeting.attendees, "REQ-PARTICIPANT"),
        (&meeting.optional, "OPT-PARTICIPANT"),
    ] {
        for role in team.roles.iter().filter(|r| roles.contains(r)) {
            for a in team.holders(role).filter_map(address(kind)) {
                let taken = organizer.as_ref().is_some_and(|o| o.email == a.email)
                    || attendees.iter().any(|b| b.email == a.email);
                if !taken {
                    attendees.push(a);
                }
            }
        }
    }
    Event {
        uid: format!("{}.{}@mlteam", meeting.id, slug(&team.project.name)),
        dtstart: format!(
            "{}T{:02}{:02}00",
            compact(schedule.first),
            schedule.time.hour,
            schedule.time.minute
        ),
        organizer,
        attendees,
    }
}

/// The zone's transitions from the year before the start to ten years after; a zone without
/// transitions (UTC, Asia/Shanghai) gets one `STANDARD` observance.
fn observances(name: &str, start: Date) -> Vec<Observance> {
    let Ok(tz) = TimeZone::get(name) else {
        return Vec::new();
    };
    let at = |year: i16| {
        TimeZone::UTC
            .to_timestamp(DateTime::new(year, 1, 1, 0, 0, 0, 0).unwrap_or_default())
            .unwrap_or(Timestamp::UNIX_EPOCH)
    };
    let (from, until) = (at(start.year() - 1), at(start.year() + 10));
    let mut out: Vec<Observance> = tz
        .following(from)
        .take_while(|t| t.timestamp() < until)
        .map(|t| {
            let before = tz.to_offset(t.timestamp() - SignedDuration::from_nanos(1));
            Observance {
                kind: if t.dst().is_dst() {
                    "DAYLIGHT"
                } else {
                    "STANDARD"
                },
                dtstart: compact_datetime(before.to_datetime(t.timestamp())),
                offset_from: offset(before),
                offset_to: offset(t.offset()),
                name: t.abbreviation().to_string(),
            }
        })
        .collect();
    if out.is_empty() {
        let info = tz.to_offset_info(from);
        out.push(Observance {
            kind: "STANDARD",
            dtstart: "19700101T000000".into(),
            offset_from: offset(info.offset()),
            offset_to: offset(info.offset()),
            name: info.abbreviation().to_string(),
        });
    }
    out
}

fn compact(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

fn compact_datetime(dt: DateTime) -> String {
    format!(
        "{}T{:02}{:02}{:02}",
        compact(dt.date()),
        dt.hour(),
        dt.minute(),
        dt.second()
    )
}

fn offset(offset: Offset) -> String {
    let seconds = offset.seconds();
    let sign = if seconds < 0 { '-' } else { '+' };
    let seconds = seconds.unsigned_abs();
    let (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    if s == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{s:02}")
    }
}

/// Lower-case kebab of a project name, for ids that must not change with spacing or case.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "project".into()
    } else {
        out.into()
    }
}

/// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newline escaped.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value (RFC 5545 §3.2): quoted when it holds `;`, `:` or `,`; it cannot hold `"`.
pub fn param_value(text: &str) -> String {
    let clean: String = text
        .chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect();
    if clean.contains([';', ':', ',']) {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

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
    let line = format!("{DIGEST}{}\r\n", crate::region::digest(&body));
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
    if recorded.trim() == crate::region::digest(&without_digest(text)) {
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

/// The rendered template as content lines: blank lines dropped, each line folded at 75 octets
/// (never inside a UTF-8 character), CRLF after every line.
pub fn finish(rendered: &str) -> String {
    let mut out = String::with_capacity(rendered.len() + rendered.len() / 20);
    for line in rendered
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty())
    {
        let mut width = 0;
        for c in line.chars() {
            if width + c.len_utf8() > 75 {
                out.push_str("\r\n ");
                width = 1;
            }
            out.push(c);
            width += c.len_utf8();
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn folds_long_lines_without_splitting_characters() {
        let line = format!("DESCRIPTION:{}", "数据".repeat(40));
        let out = finish(&format!("BEGIN:VEVENT\n\n{line}\nEND:VEVENT\n"));
        assert!(out.starts_with("BEGIN:VEVENT\r\nDESCRIPTION:"));
        for physical in out.split("\r\n") {
            assert!(
                physical.len() <= 75,
                "{physical:?} is {} octets",
                physical.len()
            );
        }
        let unfolded = out.replace("\r\n ", "");
        assert!(unfolded.contains(&line));
        assert!(out.ends_with("END:VEVENT\r\n"));
    }

    #[test]
    fn quotes_parameters_that_need_it() {
        assert_eq!(param_value("Ada Lovelace"), "Ada Lovelace");
        assert_eq!(param_value("Lovelace, Ada \"AL\""), "\"Lovelace, Ada AL\"");
    }

    #[test]
    fn the_seal_tells_hand_edits_apart() {
        let text = finish("BEGIN:VCALENDAR\nPRODID:x\nSUMMARY:Stand-up\nEND:VCALENDAR\n");
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

    #[test]
    fn escapes_text() {
        assert_eq!(escape_text("a, b; c\\d\nnext"), "a\\, b\\; c\\\\d\\nnext");
    }

    #[test]
    fn daylight_saving_zones_get_both_observances() {
        let berlin = observances("Europe/Berlin", date(2026, 11, 27));
        let first = &berlin[0];
        assert_eq!(
            (first.kind, first.dtstart.as_str()),
            ("DAYLIGHT", "20250330T020000")
        );
        assert_eq!(
            (
                first.offset_from.as_str(),
                first.offset_to.as_str(),
                first.name.as_str()
            ),
            ("+0100", "+0200", "CEST")
        );
        assert_eq!(berlin[1].kind, "STANDARD");
        assert_eq!(berlin[1].dtstart, "20251026T030000");
        let shanghai = observances("Asia/Shanghai", date(2026, 11, 27));
        assert_eq!(shanghai.len(), 1);
        assert_eq!(
            (shanghai[0].offset_to.as_str(), shanghai[0].name.as_str()),
            ("+0800", "CST")
        );
    }

    #[test]
    fn slugs_are_stable() {
        assert_eq!(slug("Fraud Detection v2"), "fraud-detection-v2");
        assert_eq!(slug("  --  "), "project");
        assert_eq!(slug("风控 模型"), "风控-模型");
    }
}

//! The data of the meeting calendar (RFC 5545) that templates see: the time zone's observances,
//! stable event ids, organiser and attendees.

use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};
use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

use crate::model::catalog::Meeting;
use crate::model::team::{Cadence, Team};

#[derive(Debug, Clone, Serialize)]
pub struct Calendar {
    pub prodid: String,
    pub name: String,
    pub timezone: String,
    /// When the events were made: midnight UTC of today (`MLTEAM_TODAY` fixes it). An event that
    /// has not changed keeps the stamp and `SEQUENCE` it had, so the same inputs give the same
    /// bytes (see `render::ics::carry_over`).
    pub dtstamp: String,
    pub observances: Vec<Observance>,
    /// The gates that close the plan's phases, as all-day events.
    pub milestones: Vec<MilestoneEvent>,
}

/// A phase gate on its day: an all-day event (`DTSTART;VALUE=DATE`, `DTEND` the day after).
#[derive(Debug, Clone, Serialize)]
pub struct MilestoneEvent {
    /// Stays the same across runs, like a meeting's.
    pub uid: String,
    pub date: String,
    pub next_day: String,
    pub name: String,
    pub phase: String,
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

pub fn calendar(team: &Team, today: Date) -> Calendar {
    let start = team.project.start;
    Calendar {
        prodid: format!("-//mlteam//mlteam {}//EN", env!("CARGO_PKG_VERSION")),
        name: team.project.name.clone(),
        timezone: team.project.timezone.clone(),
        dtstamp: format!("{}T000000Z", compact(today)),
        observances: observances(&team.project.timezone, start),
        milestones: milestones(team),
    }
}

fn milestones(team: &Team) -> Vec<MilestoneEvent> {
    let lang = team.project.lang;
    team.phases
        .iter()
        .filter_map(|dated| {
            let phase = team.catalog.phase(&dated.phase)?;
            let gate = phase.gate.as_ref()?;
            Some(MilestoneEvent {
                uid: format!("gate-{}.{}@mlteam", phase.id, slug(&team.project.name)),
                date: compact(dated.end),
                next_day: compact(dated.end.tomorrow().unwrap_or(dated.end)),
                name: gate.get(lang).to_string(),
                phase: phase.name.get(lang).to_string(),
            })
        })
        .collect()
}

pub fn event(team: &Team, schedule: &Cadence, meeting: &Meeting) -> Event {
    let address = |role: &'static str| {
        move |m: &crate::model::team::Member| {
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

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

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

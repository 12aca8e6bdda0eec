//! The team: who is on it, who holds what, who covers whom, the RACI matrix, the deliverables
//! owed and the meetings kept.

use jiff::civil::Date;
use serde::Deserialize;

use super::catalog::{Catalog, Meeting, of_kind};
use super::matrix::Matrix;
use super::recurrence::{Duration, Rule, TimeOfDay};
use super::text::Lang;

/// A person on the team and the roles they hold (a `[[member]]` of `mlteam.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub name: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub github: Option<String>,
    #[serde(default)]
    pub roles: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Project {
    pub name: String,
    pub description: String,
    pub lang: Lang,
    /// The project kind's id (`product`, `delivery`, `research`).
    pub kind: String,
    pub start: Date,
    pub timezone: String,
}

/// A meeting the team keeps, with the project's overrides applied.
#[derive(Debug, Clone)]
pub struct Schedule {
    pub id: String,
    pub rule: Rule,
    pub time: TimeOfDay,
    pub duration: Duration,
    /// The present role that chairs it (the catalog's chair, or whoever covers for it).
    pub chair: String,
    pub first: Date,
}

#[derive(Debug, Clone)]
pub struct Team {
    pub catalog: Catalog,
    pub project: Project,
    /// Roles present, in catalog order.
    pub roles: Vec<String>,
    pub members: Vec<Member>,
    pub matrix: Matrix,
    pub meetings: Vec<Schedule>,
    /// Deliverables owned by a role present, in catalog order.
    pub deliverables: Vec<String>,
    pub max_accountable: u32,
}

impl Team {
    /// The present role that does `role`'s work: itself, or whoever covers for it.
    pub fn acting<'a>(&'a self, role: &'a str) -> &'a str {
        self.matrix
            .covers
            .iter()
            .find(|c| c.absent == role)
            .map_or(role, |c| c.by.as_str())
    }

    /// The present role that owns `deliverable` on this team: its catalog owner, or whoever
    /// covers for it.
    pub fn owner_of(&self, deliverable: &str) -> &str {
        self.catalog
            .deliverable(deliverable)
            .map_or("", |d| self.acting(&d.owner))
    }

    pub fn holders(&self, role: &str) -> impl Iterator<Item = &Member> {
        self.members
            .iter()
            .filter(move |m| m.roles.iter().any(|r| r == role))
    }
}

/// The meetings worth pre-selecting for a project of `kind` with these roles: the catalog's
/// defaults, and those whose `when_any` roles are present.
pub fn default_meetings(catalog: &Catalog, kind: &str, roles: &[String]) -> Vec<String> {
    catalog
        .meetings
        .iter()
        .filter(|m| of_kind(&m.kinds, kind))
        .filter(|m| m.default || m.when_any.iter().any(|r| roles.contains(r)))
        .map(|m| m.id.clone())
        .collect()
}

/// The deliverables a project of `kind` with these roles owes, in catalog order: every one of
/// the kind, except a specialist's document when the specialist is not on the team.
pub fn deliverables(catalog: &Catalog, kind: &str, roles: &[String]) -> Vec<String> {
    catalog
        .deliverables
        .iter()
        .filter(|d| of_kind(&d.kinds, kind))
        .filter(|d| !d.specialist || roles.contains(&d.owner))
        .map(|d| d.id.clone())
        .collect()
}

/// A meeting as the team keeps it: the catalog's cadence with the project's changes (each already
/// checked), chaired by the catalog's chair or whoever covers for it.
pub fn schedule(
    meeting: &Meeting,
    day: Option<&str>,
    time: Option<&str>,
    duration: Option<&str>,
    matrix: &Matrix,
    start: Date,
) -> Schedule {
    let mut rule = Rule::parse(&meeting.rrule).expect("checked rrule");
    if let Some(day) = day {
        rule = rule.with_day(day).expect("checked day");
    }
    let time = TimeOfDay::parse(time.unwrap_or(&meeting.time)).expect("checked time");
    let duration =
        Duration::parse(duration.unwrap_or(&meeting.duration)).expect("checked duration");
    let chair = matrix
        .covers
        .iter()
        .find(|c| c.absent == meeting.chair)
        .map_or(&meeting.chair, |c| &c.by)
        .clone();
    Schedule {
        id: meeting.id.clone(),
        first: rule.first_on_or_after(start),
        rule,
        time,
        duration,
        chair,
    }
}

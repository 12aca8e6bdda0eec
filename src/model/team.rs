//! The team: who is on it, who holds what, who covers whom, the RACI matrix, the deliverables
//! owed and the meetings kept.

use jiff::civil::Date;
use serde::Deserialize;

use super::catalog::{Catalog, Meeting, of_kind};
use super::matrix::Matrix;
use super::recurrence::{Duration, Rule, TimeOfDay};
use super::schedule::Dated;
use crate::words::Lang;

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

/// A meeting the team keeps, with the project's overrides applied: its cadence.
#[derive(Debug, Clone)]
pub struct Cadence {
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
    pub meetings: Vec<Cadence>,
    /// The phases of the project's kind on the calendar, in order.
    pub phases: Vec<Dated>,
    /// Deliverables owned by a role present, in catalog order.
    pub deliverables: Vec<String>,
    /// When `check` calls a person overloaded.
    pub load: Load,
}

/// The limits of `[raci]` on how much one person is accountable for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Load {
    /// More than this many times an even share of the activities (the activities divided by
    /// the people named) is too much.
    pub max_share: f64,
    /// A fixed cap, when the team sets one.
    pub max_accountable: Option<u32>,
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

    /// The present roles that contribute to `deliverable` when `owner` owns it: its catalog
    /// contributors, or whoever covers for them, in catalog order, the owner left out.
    pub fn contributors_of(&self, deliverable: &str, owner: &str) -> Vec<String> {
        let Some(d) = self.catalog.deliverable(deliverable) else {
            return Vec::new();
        };
        let mut out: Vec<String> = Vec::new();
        for c in &d.contributors {
            let acting = self.acting(c);
            if acting != owner && !out.iter().any(|o| o == acting) {
                out.push(acting.to_string());
            }
        }
        out.sort_by_key(|r| self.catalog.role_index(r));
        out
    }

    /// The present role accountable for `activity` (the one with `A` or `A/R` in its row).
    pub fn accountable_for(&self, activity: &str) -> Option<&str> {
        let row = self.matrix.rows.iter().find(|r| r.activity == activity)?;
        self.matrix
            .roles
            .iter()
            .zip(&row.cells)
            .find(|(_, c)| c.as_ref().is_some_and(|c| c.letter.is_accountable()))
            .map(|(role, _)| role.as_str())
    }

    /// The present role that signs `deliverable` off: the one accountable for its activity, or
    /// its owner when it records no activity of the matrix.
    pub fn signs_off(&self, deliverable: &str, owner: &str) -> String {
        self.catalog
            .deliverable(deliverable)
            .and_then(|d| d.activity.as_deref())
            .and_then(|a| self.accountable_for(a))
            .unwrap_or_else(|| self.acting(owner))
            .to_string()
    }

    /// The present role that would take `role`'s work over if `holder` were away: the first role
    /// along its cover chains that someone else holds.
    pub fn stand_in(&self, role: &str, holder: &str) -> Option<&str> {
        let someone_else = |r: &str| {
            self.holders(r)
                .any(|m| !m.name.trim().eq_ignore_ascii_case(holder.trim()))
        };
        let mut seen = vec![role];
        let mut queue: std::collections::VecDeque<&str> = self
            .catalog
            .role(role)
            .map(|r| r.covers.iter().map(String::as_str).collect())
            .unwrap_or_default();
        while let Some(candidate) = queue.pop_front() {
            if seen.contains(&candidate) {
                continue;
            }
            seen.push(candidate);
            // Someone holds it, so it is on the team: the manifest refuses a member holding a
            // role that is not (`manifest.role_off_team`).
            if someone_else(candidate) {
                return Some(candidate);
            }
            if let Some(next) = self.catalog.role(candidate) {
                queue.extend(next.covers.iter().map(String::as_str));
            }
        }
        None
    }

    /// The dates of `phase` in the project's plan, when the kind has that phase.
    pub fn phase_dates(&self, phase: &str) -> Option<&Dated> {
        self.phases.iter().find(|p| p.phase == phase)
    }

    /// When a deliverable is due: the date its stub sets, else the end of its phase; and
    /// whether the date came from the schedule.
    pub fn due(
        &self,
        set: Option<jiff::civil::Date>,
        phase: &str,
    ) -> Option<(jiff::civil::Date, bool)> {
        match set {
            Some(date) => Some((date, false)),
            None => self.phase_dates(phase).map(|p| (p.end, true)),
        }
    }

    /// The member called `name`, ignoring case and surrounding space.
    pub fn member(&self, name: &str) -> Option<&Member> {
        let name = name.trim();
        self.members
            .iter()
            .find(|m| m.name.trim().eq_ignore_ascii_case(name))
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
/// checked), chaired by the catalog's chair or whoever covers for it; `None` when no day on or
/// after `start` fits its cadence.
pub fn schedule(
    meeting: &Meeting,
    day: Option<&str>,
    time: Option<&str>,
    duration: Option<&str>,
    matrix: &Matrix,
    start: Date,
) -> Option<Cadence> {
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
    Some(Cadence {
        id: meeting.id.clone(),
        first: rule.first_on_or_after(start)?,
        rule,
        time,
        duration,
        chair,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::catalog::tests::REQUIRED;
    use crate::model::matrix::Overrides;

    /// A team of `roles` on a project of `kind`, with nobody named and no meetings.
    pub(crate) fn team(catalog: &Catalog, kind: &str, roles: Vec<String>) -> Team {
        Team {
            catalog: catalog.clone(),
            project: Project {
                name: "demo".into(),
                description: String::new(),
                lang: Lang::En,
                kind: kind.into(),
                start: jiff::civil::date(2026, 11, 30),
                timezone: "UTC".into(),
            },
            matrix: Matrix::build(catalog, kind, &roles, &Overrides::new()),
            deliverables: deliverables(catalog, kind, &roles),
            roles,
            members: Vec::new(),
            meetings: Vec::new(),
            phases: Vec::new(),
            load: Load {
                max_share: 1.5,
                max_accountable: None,
            },
        }
    }

    /// Every kind × all 16,383 teams: every stub has an owner on the team, and every document the
    /// kind requires is there, whoever is missing.
    #[test]
    fn every_team_of_every_kind_owns_every_document_it_needs() {
        let catalog = Catalog::builtin().unwrap();
        let all: Vec<String> = catalog.role_ids().map(String::from).collect();
        for (kind, required) in REQUIRED {
            let mut t = team(&catalog, kind, all.clone());
            for mask in 1u32..(1 << all.len()) {
                let present: Vec<String> = all
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1 << i) != 0)
                    .map(|(_, r)| r.clone())
                    .collect();
                t.matrix = Matrix::build(&catalog, kind, &present, &Overrides::new());
                t.deliverables = deliverables(&catalog, kind, &present);
                t.roles = present;
                for id in required {
                    assert!(
                        t.deliverables.iter().any(|d| d == id),
                        "{kind} {:?} lacks {id}",
                        t.roles
                    );
                }
                for d in &t.deliverables {
                    let owner = t.owner_of(d);
                    assert!(t.roles.iter().any(|r| r == owner), "{kind} {d}: {owner}");
                    for c in t.contributors_of(d, owner) {
                        assert!(t.roles.contains(&c), "{kind} {d}: contributor {c}");
                    }
                }
            }
        }
    }

    /// A product manager, a data scientist and an ML engineer; Bo Li holds the first two, Ada
    /// the third.
    fn three() -> Team {
        let catalog = Catalog::builtin().unwrap();
        let roles = ["product-manager", "data-scientist", "ml-engineer"].map(String::from);
        let mut t = team(&catalog, "product", roles.to_vec());
        let member = |name: &str, roles: &[&str]| Member {
            name: name.into(),
            email: None,
            github: None,
            roles: roles.iter().map(|r| r.to_string()).collect(),
        };
        t.members = vec![
            member("Bo Li", &["product-manager", "data-scientist"]),
            member("Ada", &["ml-engineer"]),
        ];
        t
    }

    #[test]
    fn contributors_are_the_roles_doing_their_work_without_the_owner() {
        let t = three();
        // The PRD's contributors are all absent: the AI product manager's and the business
        // consultant's work falls to the product manager (the owner), the software engineer's to
        // the ML engineer.
        assert_eq!(t.contributors_of("prd", "product-manager"), ["ml-engineer"]);
        assert_eq!(
            t.contributors_of("decision-log", "product-manager"),
            ["data-scientist", "ml-engineer"]
        );
        assert_eq!(
            t.contributors_of("datasheet", "ml-engineer"),
            ["data-scientist"]
        );
        assert_eq!(
            t.contributors_of("datasheet", "data-scientist"),
            Vec::<String>::new(),
            "an owner set by hand is never its own contributor"
        );
        assert!(
            t.contributors_of("no-such-document", "ml-engineer")
                .is_empty()
        );
    }

    #[test]
    fn the_accountable_role_signs_off() {
        let t = three();
        assert_eq!(t.accountable_for("prd"), Some("product-manager"));
        assert_eq!(t.accountable_for("no-such-activity"), None);
        assert_eq!(t.signs_off("prd", "ml-engineer"), "product-manager");
        assert_eq!(
            t.signs_off("no-such-document", "ml-engineer"),
            "ml-engineer",
            "without an activity, its owner"
        );
    }

    #[test]
    fn a_stand_in_is_someone_else_along_the_cover_chains() {
        let t = three();
        assert_eq!(t.stand_in("ml-engineer", "Ada"), Some("data-scientist"));
        assert_eq!(t.stand_in("ml-engineer", " ada "), Some("data-scientist"));
        assert_eq!(t.stand_in("data-scientist", "Bo Li"), Some("ml-engineer"));
        assert_eq!(t.stand_in("product-manager", "Bo Li"), Some("ml-engineer"));
        let mut alone = three();
        alone.members = vec![Member {
            name: "Ada".into(),
            email: None,
            github: None,
            roles: alone.roles.clone(),
        }];
        assert_eq!(alone.stand_in("ml-engineer", "Ada"), None, "nobody else");
    }

    #[test]
    fn people_are_found_by_name_and_by_role() {
        let t = three();
        assert_eq!(t.member(" bo li ").map(|m| m.name.as_str()), Some("Bo Li"));
        assert!(t.member("Bo").is_none());
        let names =
            |role: &str| -> Vec<&str> { t.holders(role).map(|m| m.name.as_str()).collect() };
        assert_eq!(names("data-scientist"), ["Bo Li"]);
        assert_eq!(names("ml-engineer"), ["Ada"]);
        assert!(names("data-engineer").is_empty());
    }

    #[test]
    fn a_date_set_by_hand_wins_over_the_end_of_the_phase() {
        let mut t = three();
        let day = jiff::civil::date;
        t.phases = vec![
            Dated {
                phase: "discovery".into(),
                start: day(2026, 11, 30),
                end: day(2026, 12, 20),
            },
            Dated {
                phase: "data".into(),
                start: day(2026, 12, 21),
                end: day(2027, 2, 14),
            },
        ];
        assert_eq!(t.phase_dates("data").map(|d| d.end), Some(day(2027, 2, 14)));
        assert!(t.phase_dates("modeling").is_none());
        assert_eq!(t.due(None, "data"), Some((day(2027, 2, 14), true)));
        assert_eq!(
            t.due(Some(day(2027, 1, 8)), "data"),
            Some((day(2027, 1, 8), false))
        );
        assert_eq!(t.due(None, "modeling"), None);
    }

    #[test]
    fn meetings_kept_by_default_follow_the_roles() {
        let catalog = Catalog::builtin().unwrap();
        let roles = |ids: &[&str]| -> Vec<String> { ids.iter().map(|r| r.to_string()).collect() };
        assert_eq!(
            default_meetings(&catalog, "product", &roles(&["data-analyst"])),
            ["standup", "weekly-sync", "project-review"]
        );
        assert_eq!(
            default_meetings(
                &catalog,
                "product",
                &roles(&["product-manager", "data-scientist", "ml-engineer"])
            ),
            [
                "standup",
                "sprint-planning",
                "weekly-sync",
                "experiment-review",
                "model-release-review",
                "project-review",
                "retrospective",
            ]
        );
    }

    #[test]
    fn a_meeting_keeps_its_cadence_with_the_projects_changes() {
        let catalog = Catalog::builtin().unwrap();
        let t = three();
        let standup = catalog.meeting("standup").unwrap();
        let monday = jiff::civil::date(2026, 11, 30);
        let plain = schedule(standup, None, None, None, &t.matrix, monday).unwrap();
        assert_eq!(
            (plain.first, plain.time.to_hhmm(), plain.duration.minutes),
            (monday, "09:30".to_string(), 15)
        );
        // The project manager is absent: whoever covers for it chairs.
        assert_eq!(plain.chair, t.acting("project-manager"));
        assert_ne!(plain.chair, "project-manager");
        let chair = |id: &str| {
            let meeting = catalog.meeting(id).unwrap();
            schedule(meeting, None, None, None, &t.matrix, monday)
                .unwrap()
                .chair
        };
        // The ML researcher and the DevOps engineer are absent too, each covered by its own
        // stand-in; the product manager is there and chairs its own review.
        assert_eq!(
            [
                chair("experiment-review"),
                chair("ops-review"),
                chair("demo")
            ],
            ["data-scientist", "ml-engineer", "product-manager"]
        );
        let moved = schedule(
            standup,
            Some("TH"),
            Some("09:00"),
            Some("PT20M"),
            &t.matrix,
            monday,
        )
        .unwrap();
        assert_eq!(
            (moved.first, moved.time.to_hhmm(), moved.duration.minutes),
            (jiff::civil::date(2026, 12, 3), "09:00".to_string(), 20)
        );
    }
}

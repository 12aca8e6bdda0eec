//! The data templates see: the team model flattened into plain values in the project's language.
//! `mlteam templates context` prints exactly this, so its field names are a public interface.

use jiff::civil::Date;
use serde::Serialize;

use super::{calendar, paths};
use crate::model::progress::Status;
use crate::model::team::Team;
use crate::words::Lang;
use crate::words::Words;

pub use crate::model::progress::Progress;

#[derive(Debug, Serialize)]
pub struct Context {
    pub mlteam: Tool,
    pub lang: Lang,
    pub today: String,
    pub project: ProjectView,
    pub groups: Vec<GroupView>,
    pub roles: Vec<RoleView>,
    pub members: Vec<Person>,
    pub phases: Vec<PhaseView>,
    pub matrix: MatrixView,
    pub deliverables: Vec<DeliverableView>,
    pub meetings: Vec<MeetingView>,
    pub checklist: ChecklistView,
    pub plan: PlanView,
    /// Where the team's shared pages are, relative to `docs/` (what `rel` takes).
    pub links: Links,
    pub calendar: calendar::Calendar,
}

#[derive(Debug, Serialize)]
pub struct Links {
    pub team: String,
    pub raci: String,
    pub checklist: String,
    pub plan: String,
    pub calendar: String,
}

/// The project's plan: its phases on the calendar with their deliverables and gates, and what
/// is late or due soon (SPEC §4, `docs/plan.md`).
#[derive(Debug, Serialize)]
pub struct PlanView {
    /// The first day of the first phase and the last day of the last.
    pub start: String,
    pub end: String,
    pub phases: Vec<PlanPhase>,
    /// The gates that close phases, as milestones on their last day.
    pub milestones: Vec<Milestone>,
    /// Not done, due before today; the most overdue first.
    pub overdue: Vec<PlanItem>,
    /// Not done, due from today to the end of the window (`soon_days`), soonest first.
    pub due_soon: Vec<PlanItem>,
    pub soon_days: i32,
}

#[derive(Debug, Serialize)]
pub struct PlanPhase {
    #[serde(flatten)]
    pub phase: PhaseRef,
    pub start: String,
    pub end: String,
    pub weeks: String,
    pub gate: Option<String>,
    pub total: usize,
    pub done: usize,
    /// One bar per deliverable due in this phase, in catalog order.
    pub bars: Vec<Bar>,
}

/// A deliverable on the timeline: from its phase's start (or its due date, when earlier) to its
/// due date.
#[derive(Debug, Serialize)]
pub struct Bar {
    #[serde(flatten)]
    pub deliverable: DeliverableRef,
    /// A Mermaid-safe task id.
    pub key: String,
    pub start: String,
    pub end: String,
    /// The day after `end`: Mermaid's end dates are exclusive.
    pub until: String,
    /// Mermaid's status tags: `done`, `active` (draft or review), `crit` (overdue), combined.
    pub tags: String,
}

#[derive(Debug, Serialize)]
pub struct Milestone {
    pub key: String,
    pub name: String,
    pub date: String,
    pub phase: PhaseRef,
}

#[derive(Debug, Serialize)]
pub struct PlanItem {
    #[serde(flatten)]
    pub deliverable: DeliverableRef,
    pub owner: RoleRef,
    pub phase: PhaseRef,
    /// Days from today to the due date (negative: overdue by that many).
    pub days: i32,
    /// Days overdue (0 when it is not).
    pub late: i32,
}

#[derive(Debug, Serialize)]
pub struct Tool {
    pub version: &'static str,
}

#[derive(Debug, Serialize)]
pub struct ProjectView {
    pub name: String,
    pub description: String,
    pub start: String,
    pub timezone: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoleRef {
    pub id: String,
    pub code: String,
    pub name: String,
    /// "Ada, Bo", or empty when nobody is named for the role.
    pub holders: String,
    /// Path of the role card under `docs/`; empty for a role not on the team.
    pub card: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Person {
    pub name: String,
    pub email: Option<String>,
    pub github: Option<String>,
    pub roles: Vec<RoleRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupRef {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Serialize)]
pub struct GroupView {
    pub id: String,
    pub name: String,
    pub roles: Vec<RoleRef>,
}

/// "3", or "2.5" for a length that is not whole weeks.
fn format_weeks(days: f64) -> String {
    let weeks = days / 7.0;
    if (weeks - weeks.round()).abs() < 1e-9 {
        format!("{}", weeks.round() as i64)
    } else {
        format!("{:.1}", weeks)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct PhaseRef {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActivityRef {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Serialize)]
pub struct RoleView {
    #[serde(flatten)]
    pub role: RoleRef,
    pub group: GroupRef,
    pub summary: String,
    pub responsibilities: Vec<String>,
    pub people: Vec<Person>,
    pub deliverables: Vec<DeliverableRef>,
    pub contributes_to: Vec<DeliverableRef>,
    pub duties: Vec<Duty>,
    /// Absent roles whose work falls to this one.
    pub covers_for: Vec<RoleRef>,
    pub accountable: usize,
    pub responsible: usize,
}

#[derive(Debug, Serialize)]
pub struct Duty {
    pub activity: ActivityRef,
    pub phase: PhaseRef,
    pub letter: String,
    pub covers: Vec<RoleRef>,
}

#[derive(Debug, Serialize)]
pub struct CoverView {
    pub role: RoleRef,
    pub by: RoleRef,
    pub fallback: bool,
}

#[derive(Debug, Serialize)]
pub struct PhaseView {
    #[serde(flatten)]
    pub phase: PhaseRef,
    pub summary: String,
    pub activities: Vec<ActivityRef>,
}

#[derive(Debug, Serialize)]
pub struct MatrixView {
    pub columns: Vec<RoleRef>,
    pub rows: Vec<RowView>,
    /// The same rows grouped by phase, in phase order.
    pub phases: Vec<MatrixPhase>,
    pub covers: Vec<CoverView>,
    pub gaps: Vec<GapView>,
    pub overridden: usize,
}

#[derive(Debug, Serialize)]
pub struct MatrixPhase {
    pub phase: PhaseRef,
    pub rows: Vec<RowView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    pub activity: ActivityRef,
    pub phase: PhaseRef,
    pub cells: Vec<CellView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CellView {
    /// `A/R`, `A`, `R`, `C`, `I`, or empty.
    pub letter: String,
    /// Codes of the absent roles this cell stands in for: "PM, DS".
    pub covers: String,
    pub overridden: bool,
}

#[derive(Debug, Serialize)]
pub struct GapView {
    pub activity: ActivityRef,
    pub roles: Vec<RoleRef>,
    pub by: RoleRef,
}

#[derive(Debug, Clone, Serialize)]
pub struct DeliverableRef {
    pub id: String,
    pub title: String,
    /// Path of the stub under `docs/`.
    pub path: String,
    pub status: Status,
    /// The status in the project's language.
    pub status_text: String,
    pub done: bool,
    /// The date it is due: the one its stub sets, else the end of its phase.
    pub due: String,
    /// The name of the phase whose end `due` is, when the date comes from the schedule; empty
    /// when the stub sets it.
    pub due_phase: String,
    pub overdue: bool,
    /// Who signed it off and when, as the stub says (empty: not yet).
    pub approved_by: String,
    pub approved_on: String,
}

#[derive(Debug, Serialize)]
pub struct DeliverableView {
    #[serde(flatten)]
    pub deliverable: DeliverableRef,
    pub summary: String,
    pub owner: RoleRef,
    /// The catalog's owner of this document when it is not on the team and `owner` does its
    /// work.
    pub covers_for: Option<RoleRef>,
    pub contributors: Vec<RoleRef>,
    /// The present role that signs the document off: accountable for its activity.
    pub signs_off: RoleRef,
    pub phase: PhaseRef,
    pub activity: Option<ActivityRef>,
    pub sections: Vec<SectionView>,
    /// GitHub handles of the people holding the owner role (or the role covering for it).
    pub reviewers: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct SectionView {
    pub title: String,
    pub hint: String,
}

#[derive(Debug, Serialize)]
pub struct MeetingView {
    pub id: String,
    pub name: String,
    pub purpose: String,
    pub path: String,
    pub cadence: String,
    pub rrule: String,
    pub time: String,
    pub end: String,
    pub duration: String,
    pub duration_text: String,
    pub first: String,
    pub chair: RoleRef,
    pub attendees: Vec<RoleRef>,
    pub optional: Vec<RoleRef>,
    pub agenda: Vec<String>,
    pub event: calendar::Event,
}

#[derive(Debug, Serialize)]
pub struct ChecklistView {
    pub total: usize,
    pub done: usize,
    pub open: usize,
    pub overdue: usize,
    pub phases: Vec<ChecklistPhase>,
}

#[derive(Debug, Serialize)]
pub struct ChecklistPhase {
    #[serde(flatten)]
    pub phase: PhaseRef,
    /// The phase's first and last days, empty for a phase the project's kind does not have.
    pub start: String,
    pub end: String,
    pub total: usize,
    pub done: usize,
    pub owners: Vec<ChecklistOwner>,
}

#[derive(Debug, Serialize)]
pub struct ChecklistOwner {
    pub role: RoleRef,
    pub items: Vec<DeliverableRef>,
}

/// Builds the context of a team; `progress` says where each deliverable stands, `today` decides
/// what is overdue.
pub fn build(team: &Team, progress: &Progress, today: Date) -> Context {
    let ui = Words::new(team.project.lang);
    let separator = ui.get("list.separator").to_string();
    let b = Builder {
        team,
        lang: team.project.lang,
        progress,
        today,
        ui,
        separator,
    };
    b.context()
}

struct Builder<'a> {
    team: &'a Team,
    lang: Lang,
    progress: &'a Progress,
    today: Date,
    ui: Words,
    /// Between the items of a one-line list, in the project's language.
    separator: String,
}

impl Builder<'_> {
    fn context(&self) -> Context {
        let team = self.team;
        let catalog = &team.catalog;
        Context {
            mlteam: Tool {
                version: env!("CARGO_PKG_VERSION"),
            },
            lang: self.lang,
            today: self.today.to_string(),
            project: ProjectView {
                name: team.project.name.clone(),
                description: team.project.description.clone(),
                start: team.project.start.to_string(),
                timezone: team.project.timezone.clone(),
            },
            groups: catalog
                .groups
                .iter()
                .map(|g| GroupView {
                    id: g.id.clone(),
                    name: g.name.get(self.lang).into(),
                    roles: self
                        .present()
                        .filter(|r| self.group_of(r) == g.id)
                        .map(|r| self.role_ref(r))
                        .collect(),
                })
                .filter(|g| !g.roles.is_empty())
                .collect(),
            roles: self.present().map(|r| self.role_view(r)).collect(),
            members: team.members.iter().map(|m| self.person(m)).collect(),
            phases: catalog
                .phases
                .iter()
                .map(|p| PhaseView {
                    phase: self.phase_ref(&p.id),
                    summary: p.summary.get(self.lang).into(),
                    activities: catalog
                        .activities
                        .iter()
                        .filter(|a| a.phase == p.id)
                        .map(|a| self.activity_ref(&a.id))
                        .collect(),
                })
                .collect(),
            matrix: self.matrix(),
            deliverables: team
                .deliverables
                .iter()
                .map(|d| self.deliverable_view(d))
                .collect(),
            meetings: team.meetings.iter().map(|m| self.meeting_view(m)).collect(),
            checklist: self.checklist(),
            plan: self.plan(),
            links: Links {
                team: paths::under_docs(paths::TEAM_README).to_string(),
                raci: paths::under_docs(paths::RACI).to_string(),
                checklist: paths::under_docs(paths::CHECKLIST).to_string(),
                plan: paths::under_docs(paths::PLAN).to_string(),
                calendar: paths::under_docs(paths::CALENDAR).to_string(),
            },
            calendar: calendar::calendar(team, self.today),
        }
    }

    fn present(&self) -> impl Iterator<Item = &String> {
        self.team.roles.iter()
    }

    fn group_of(&self, role: &str) -> &str {
        self.team
            .catalog
            .role(role)
            .map_or("", |r| r.group.as_str())
    }

    fn role_ref(&self, id: &str) -> RoleRef {
        let role = self.team.catalog.role(id);
        let present = self.team.roles.iter().any(|r| r == id);
        RoleRef {
            id: id.into(),
            code: role.map_or_else(|| id.into(), |r| r.code.clone()),
            name: role.map_or_else(|| id.into(), |r| r.name.get(self.lang).into()),
            holders: self
                .team
                .holders(id)
                .map(|m| m.name.as_str())
                .collect::<Vec<_>>()
                .join(&self.separator),
            card: if present {
                paths::under_docs(&paths::role_card(id)).to_string()
            } else {
                String::new()
            },
        }
    }

    fn person(&self, member: &crate::model::team::Member) -> Person {
        Person {
            name: member.name.clone(),
            email: member.email.clone(),
            github: member.github.clone(),
            roles: self
                .team
                .catalog
                .roles
                .iter()
                .filter(|r| member.roles.contains(&r.id))
                .map(|r| self.role_ref(&r.id))
                .collect(),
        }
    }

    fn phase_ref(&self, id: &str) -> PhaseRef {
        PhaseRef {
            id: id.into(),
            name: self
                .team
                .catalog
                .phase(id)
                .map_or_else(|| id.into(), |p| p.name.get(self.lang).into()),
        }
    }

    fn activity_ref(&self, id: &str) -> ActivityRef {
        ActivityRef {
            id: id.into(),
            name: self
                .team
                .catalog
                .activity(id)
                .map_or_else(|| id.into(), |a| a.name.get(self.lang).into()),
        }
    }

    fn role_view(&self, id: &str) -> RoleView {
        let team = self.team;
        let role = team
            .catalog
            .role(id)
            .expect("present roles are in the catalog");
        let owned = |d: &&String| self.owner_of(d) == id;
        let contributes = |d: &&String| {
            team.catalog.deliverable(d).is_some_and(|d| {
                self.owner_of(&d.id) != id && d.contributors.iter().any(|c| team.acting(c) == id)
            })
        };
        let duties: Vec<Duty> = team
            .matrix
            .duties(id)
            .map(|(row, cell)| Duty {
                activity: self.activity_ref(&row.activity),
                phase: self.activity_phase(&row.activity),
                letter: cell.letter.as_str().into(),
                covers: cell.covers.iter().map(|r| self.role_ref(r)).collect(),
            })
            .collect();
        RoleView {
            role: self.role_ref(id),
            group: GroupRef {
                id: role.group.clone(),
                name: team
                    .catalog
                    .group(&role.group)
                    .map_or_else(|| role.group.clone(), |g| g.name.get(self.lang).into()),
            },
            summary: role.summary.get(self.lang).into(),
            responsibilities: role
                .responsibilities
                .iter()
                .map(|t| t.get(self.lang).to_string())
                .collect(),
            people: team.holders(id).map(|m| self.person(m)).collect(),
            deliverables: self.in_phase_order(team.deliverables.iter().filter(owned)),
            contributes_to: self.in_phase_order(team.deliverables.iter().filter(contributes)),
            accountable: team
                .matrix
                .duties(id)
                .filter(|(_, c)| c.letter.is_accountable())
                .count(),
            responsible: team
                .matrix
                .duties(id)
                .filter(|(_, c)| c.letter.is_responsible())
                .count(),
            duties,
            covers_for: team
                .matrix
                .covers
                .iter()
                .filter(|c| c.by == id)
                .map(|c| self.role_ref(&c.absent))
                .collect(),
        }
    }

    fn matrix(&self) -> MatrixView {
        let team = self.team;
        let codes = |roles: &[String]| {
            roles
                .iter()
                .map(|r| team.catalog.role(r).map_or(r.as_str(), |r| r.code.as_str()))
                .collect::<Vec<_>>()
                .join(&self.separator)
        };
        let rows: Vec<RowView> = team
            .matrix
            .rows
            .iter()
            .map(|row| RowView {
                activity: self.activity_ref(&row.activity),
                phase: self.activity_phase(&row.activity),
                cells: row
                    .cells
                    .iter()
                    .map(|cell| match cell {
                        Some(c) => CellView {
                            letter: c.letter.as_str().into(),
                            covers: codes(&c.covers),
                            overridden: c.overridden,
                        },
                        None => CellView {
                            letter: String::new(),
                            covers: String::new(),
                            overridden: false,
                        },
                    })
                    .collect(),
            })
            .collect();
        let gaps = team
            .matrix
            .rows
            .iter()
            .filter(|row| !row.gaps.is_empty())
            .map(|row| GapView {
                activity: self.activity_ref(&row.activity),
                roles: row.gaps.iter().map(|r| self.role_ref(r)).collect(),
                by: self.role_ref(team.acting(&row.gaps[0])),
            })
            .collect();
        let phases = team
            .catalog
            .phases
            .iter()
            .map(|p| MatrixPhase {
                phase: self.phase_ref(&p.id),
                rows: rows
                    .iter()
                    .filter(|r: &&RowView| r.phase.id == p.id)
                    .cloned()
                    .collect(),
            })
            .filter(|p| !p.rows.is_empty())
            .collect();
        MatrixView {
            columns: self.present().map(|r| self.role_ref(r)).collect(),
            rows,
            phases,
            covers: team
                .matrix
                .covers
                .iter()
                .map(|c| CoverView {
                    role: self.role_ref(&c.absent),
                    by: self.role_ref(&c.by),
                    fallback: c.fallback,
                })
                .collect(),
            gaps,
            overridden: team
                .matrix
                .rows
                .iter()
                .flat_map(|r| r.cells.iter().flatten())
                .filter(|c| c.overridden)
                .count(),
        }
    }

    fn activity_phase(&self, activity: &str) -> PhaseRef {
        self.phase_ref(
            self.team
                .catalog
                .activity(activity)
                .map_or("", |a| a.phase.as_str()),
        )
    }

    /// The role that owns a deliverable: one a person set in its stub, else the team's.
    fn owner_of<'d>(&'d self, id: &'d str) -> &'d str {
        self.progress
            .get(id)
            .map_or_else(|| self.team.owner_of(id), |e| e.owner.as_str())
    }

    /// Deliverables in the order of their phases, catalog order within a phase: how a role
    /// card reads down to the last deadline.
    fn in_phase_order<'d>(&self, ids: impl Iterator<Item = &'d String>) -> Vec<DeliverableRef> {
        let mut ids: Vec<&String> = ids.collect();
        let phases: Vec<&str> = self.team.catalog.phase_ids().collect();
        ids.sort_by_key(|id| {
            let phase = self.phase_of(id);
            phases
                .iter()
                .position(|p| *p == phase)
                .unwrap_or(usize::MAX)
        });
        ids.into_iter().map(|d| self.deliverable_ref(d)).collect()
    }

    fn phase_of(&self, id: &str) -> String {
        self.progress
            .get(id)
            .map(|e| e.phase.clone())
            .or_else(|| self.team.catalog.deliverable(id).map(|d| d.phase.clone()))
            .unwrap_or_default()
    }

    fn deliverable_ref(&self, id: &str) -> DeliverableRef {
        let entry = self.progress.get(id);
        let status = entry.map_or(Status::Missing, |e| e.status);
        let phase = self.phase_of(id);
        let due = self.team.due(entry.and_then(|e| e.due), &phase);
        let due_phase = due
            .filter(|(_, from_schedule)| *from_schedule)
            .map(|_| self.phase_ref(&phase).name)
            .unwrap_or_default();
        let due = due.map(|(date, _)| date);
        DeliverableRef {
            id: id.into(),
            title: self
                .team
                .catalog
                .deliverable(id)
                .map_or_else(|| id.into(), |d| d.title.get(self.lang).into()),
            path: paths::under_docs(&paths::stub(id)).to_string(),
            status,
            status_text: self.ui.get(&format!("status.{status}")).to_string(),
            done: status == Status::Done,
            due: due.map(|d| d.to_string()).unwrap_or_default(),
            due_phase,
            overdue: status != Status::Done && due.is_some_and(|d| d < self.today),
            approved_by: entry
                .and_then(|e| e.approved_by.clone())
                .unwrap_or_default(),
            approved_on: entry
                .and_then(|e| e.approved_on)
                .map(|d| d.to_string())
                .unwrap_or_default(),
        }
    }

    fn deliverable_view(&self, id: &str) -> DeliverableView {
        let team = self.team;
        let d = team
            .catalog
            .deliverable(id)
            .expect("team deliverables are in the catalog");
        let owner = self.owner_of(&d.id);
        let contributors = self.progress.get(id).map_or_else(
            || team.contributors_of(id, owner),
            |e| e.contributors.clone(),
        );
        let covered = !team.roles.contains(&d.owner) && team.acting(&d.owner) == owner;
        DeliverableView {
            deliverable: self.deliverable_ref(id),
            summary: d.summary.get(self.lang).into(),
            owner: self.role_ref(owner),
            covers_for: covered.then(|| self.role_ref(&d.owner)),
            contributors: contributors.iter().map(|r| self.role_ref(r)).collect(),
            signs_off: self.role_ref(&team.signs_off(id, owner)),
            phase: self.phase_ref(&self.phase_of(&d.id)),
            activity: d.activity.as_deref().map(|a| self.activity_ref(a)),
            reviewers: team
                .holders(team.acting(owner))
                .filter_map(|m| m.github.clone())
                .collect(),

            sections: d
                .sections
                .iter()
                .map(|s| SectionView {
                    title: s.title.get(self.lang).into(),
                    hint: s.hint.get(self.lang).into(),
                })
                .collect(),
        }
    }

    fn meeting_view(&self, schedule: &crate::model::team::Cadence) -> MeetingView {
        let team = self.team;
        let m = team
            .catalog
            .meeting(&schedule.id)
            .expect("kept meetings are in the catalog");
        let present = |ids: &[String]| -> Vec<RoleRef> {
            team.roles
                .iter()
                .filter(|r| ids.contains(r) && **r != schedule.chair)
                .map(|r| self.role_ref(r))
                .collect()
        };
        MeetingView {
            id: m.id.clone(),
            name: m.name.get(self.lang).into(),
            purpose: m.purpose.get(self.lang).into(),
            path: paths::under_docs(&paths::meeting(&m.id)).to_string(),
            cadence: schedule.rule.describe(self.lang),
            rrule: schedule.rule.to_ics(),
            time: schedule.time.to_hhmm(),
            end: schedule.time.after(schedule.duration).to_hhmm(),
            duration: schedule.duration.to_ics(),
            duration_text: schedule.duration.describe(self.lang),
            first: schedule.first.to_string(),
            chair: self.role_ref(&schedule.chair),
            attendees: present(&m.attendees),
            optional: present(&m.optional),
            agenda: m
                .agenda
                .iter()
                .map(|t| t.get(self.lang).to_string())
                .collect(),
            event: calendar::event(team, schedule, m),
        }
    }

    fn plan(&self) -> PlanView {
        let team = self.team;
        let days_to = |date: &str| -> i32 {
            date.parse::<Date>()
                .ok()
                .and_then(|d| self.today.until(d).ok())
                .map_or(0, |span| span.get_days())
        };
        let phases: Vec<PlanPhase> = team
            .phases
            .iter()
            .map(|dated| {
                let mine: Vec<DeliverableRef> = team
                    .deliverables
                    .iter()
                    .filter(|d| self.phase_of(d) == dated.phase)
                    .map(|d| self.deliverable_ref(d))
                    .filter(|d| !d.due.is_empty())
                    .collect();
                let bars = mine
                    .iter()
                    .map(|d| {
                        let start = dated.start.to_string().min(d.due.clone());
                        let tags: Vec<&str> = [
                            (d.done, "done"),
                            (matches!(d.status, Status::Draft | Status::Review), "active"),
                            (d.overdue, "crit"),
                        ]
                        .into_iter()
                        .filter_map(|(on, tag)| on.then_some(tag))
                        .collect();
                        let until = d
                            .due
                            .parse::<Date>()
                            .ok()
                            .and_then(|due| due.tomorrow().ok())
                            .map_or_else(|| d.due.clone(), |day| day.to_string());
                        Bar {
                            key: d.id.replace('-', "_"),
                            start,
                            end: d.due.clone(),
                            until,
                            tags: tags.join(", "),
                            deliverable: d.clone(),
                        }
                    })
                    .collect();
                let days = dated
                    .start
                    .until(dated.end)
                    .map_or(0.0, |span| f64::from(span.get_days() + 1));
                PlanPhase {
                    phase: self.phase_ref(&dated.phase),
                    start: dated.start.to_string(),
                    end: dated.end.to_string(),
                    weeks: format_weeks(days),
                    gate: team
                        .catalog
                        .phase(&dated.phase)
                        .and_then(|p| p.gate.as_ref())
                        .map(|g| g.get(self.lang).to_string()),
                    total: mine.len(),
                    done: mine.iter().filter(|d| d.done).count(),
                    bars,
                }
            })
            .collect();
        let milestones = phases
            .iter()
            .filter_map(|p| {
                p.gate.as_ref().map(|name| Milestone {
                    key: format!("gate_{}", p.phase.id.replace('-', "_")),
                    name: name.clone(),
                    date: p.end.clone(),
                    phase: p.phase.clone(),
                })
            })
            .collect();
        let soon_days = 14;
        let open: Vec<PlanItem> = team
            .deliverables
            .iter()
            .map(|d| (d, self.deliverable_ref(d)))
            .filter(|(_, r)| !r.done && !r.due.is_empty())
            .map(|(d, r)| PlanItem {
                days: days_to(&r.due),
                late: (-days_to(&r.due)).max(0),
                owner: self.role_ref(self.owner_of(d)),
                phase: self.phase_ref(&self.phase_of(d)),
                deliverable: r,
            })
            .collect();
        let (mut overdue, rest): (Vec<PlanItem>, Vec<PlanItem>) =
            open.into_iter().partition(|i| i.days < 0);
        let mut due_soon: Vec<PlanItem> =
            rest.into_iter().filter(|i| i.days <= soon_days).collect();
        overdue.sort_by_key(|i| i.days);
        due_soon.sort_by_key(|i| i.days);
        PlanView {
            start: team
                .phases
                .first()
                .map(|p| p.start.to_string())
                .unwrap_or_default(),
            end: team
                .phases
                .last()
                .map(|p| p.end.to_string())
                .unwrap_or_default(),
            phases,
            milestones,
            overdue,
            due_soon,
            soon_days,
        }
    }

    fn checklist(&self) -> ChecklistView {
        let team = self.team;
        let items: Vec<(String, String, DeliverableRef)> = team
            .deliverables
            .iter()
            .map(|id| {
                (
                    self.phase_of(id),
                    self.owner_of(id).to_string(),
                    self.deliverable_ref(id),
                )
            })
            .collect();
        let phases = team
            .catalog
            .phases
            .iter()
            .filter_map(|p| {
                let in_phase: Vec<_> = items
                    .iter()
                    .filter(|(phase, _, _)| *phase == p.id)
                    .collect();
                if in_phase.is_empty() {
                    return None;
                }
                // Every owner in catalog order, on the team or not: a stub may name any role.
                let owners = team
                    .catalog
                    .role_ids()
                    .filter_map(|role| {
                        let mine: Vec<DeliverableRef> = in_phase
                            .iter()
                            .filter(|(_, owner, _)| owner == role)
                            .map(|(_, _, d)| d.clone())
                            .collect();
                        (!mine.is_empty()).then(|| ChecklistOwner {
                            role: self.role_ref(role),
                            items: mine,
                        })
                    })
                    .collect();
                let dates = team.phase_dates(&p.id);
                let day =
                    |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
                Some(ChecklistPhase {
                    phase: self.phase_ref(&p.id),
                    start: day(dates.map(|d| d.start)),
                    end: day(dates.map(|d| d.end)),
                    total: in_phase.len(),
                    done: in_phase.iter().filter(|(_, _, d)| d.done).count(),
                    owners,
                })
            })
            .collect();
        let done = items.iter().filter(|(_, _, d)| d.done).count();
        ChecklistView {
            total: items.len(),
            done,
            open: items.len() - done,
            overdue: items.iter().filter(|(_, _, d)| d.overdue).count(),
            phases,
        }
    }
}

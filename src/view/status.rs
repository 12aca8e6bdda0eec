//! Where the project stands at a glance (`mlteam status`): progress per phase, what is late and
//! due soon, and each person's load and next meetings. `--format json` prints exactly this, so
//! its field names are a public interface (schema in the README).

use jiff::civil::Date;
use serde::Serialize;

use super::context::{self, Context, DeliverableRef};
use crate::model::progress::Progress;
use crate::model::review;
use crate::model::team::{Member, Team};

pub const SCHEMA: u32 = 1;

#[derive(Debug, Serialize)]
pub struct Status {
    pub schema: u32,
    pub project: String,
    pub kind: String,
    pub kind_name: String,
    pub lang: crate::words::Lang,
    pub today: String,
    /// The phase today falls in, if any.
    pub current: Option<Current>,
    pub total: usize,
    pub done: usize,
    pub phases: Vec<PhaseProgress>,
    pub overdue: Vec<Item>,
    pub due_soon: Vec<Item>,
    /// Days ahead that count as due soon.
    pub soon_days: i32,
    pub people: Vec<Person>,
    /// Roles only one person holds, with nobody else holding a role that could stand in.
    pub single_holders: Vec<SingleHolder>,
}

#[derive(Debug, Serialize)]
pub struct Current {
    pub phase: String,
    pub name: String,
    /// The week of the project today is in, and how many weeks the plan has.
    pub week: i32,
    pub weeks: i32,
}

#[derive(Debug, Serialize)]
pub struct PhaseProgress {
    pub id: String,
    pub name: String,
    pub start: String,
    pub end: String,
    pub total: usize,
    pub done: usize,
    pub overdue: usize,
    /// `done` as a whole percentage of `total` (0 when the phase has no deliverable).
    pub percent: usize,
    pub gate: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub deliverable: String,
    pub title: String,
    pub path: String,
    pub status: crate::model::progress::Status,
    pub status_text: String,
    pub due: String,
    /// True when `due` is the end of the deliverable's phase, not a date its stub sets.
    pub due_from_schedule: bool,
    /// Days from today to `due`; negative when overdue.
    pub days: i32,
    pub owner: String,
    pub owner_name: String,
    pub people: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Person {
    pub name: String,
    pub roles: Vec<String>,
    pub role_names: Vec<String>,
    /// Activities of the matrix this person is accountable (A) or responsible (R) for.
    pub accountable: usize,
    pub responsible: usize,
    /// Deliverables owned by a role this person holds that are not done, soonest due first.
    pub open: Vec<Item>,
    /// Per phase of the plan (in order): activities they are A or R for there, plus their open
    /// deliverables due in it. What the workload heatmap shows.
    pub load: Vec<usize>,
    /// The next occurrence of every meeting this person attends, soonest first.
    pub next_meetings: Vec<NextMeeting>,
    /// Every meeting this person attends in the seven days from today, in order.
    pub this_week: Vec<NextMeeting>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NextMeeting {
    pub id: String,
    pub name: String,
    pub date: String,
    pub time: String,
    pub end: String,
}

#[derive(Debug, Serialize)]
pub struct SingleHolder {
    pub role: String,
    pub role_name: String,
    pub person: String,
}

/// The status of `team` today, from the context its pages see.
pub fn build(team: &Team, progress: &Progress, today: Date) -> Status {
    let context = context::build(team, progress, today);
    let item = |d: &DeliverableRef| -> Item {
        let owner = progress
            .get(&d.id)
            .map_or_else(|| team.owner_of(&d.id).to_string(), |e| e.owner.clone());
        let acting = team.acting(&owner).to_string();
        Item {
            deliverable: d.id.clone(),
            title: d.title.clone(),
            path: format!("docs/{}", d.path),
            status: d.status,
            status_text: d.status_text.clone(),
            due: d.due.clone(),
            due_from_schedule: !d.due_phase.is_empty(),
            days: days_between(today, &d.due),
            owner_name: team
                .catalog
                .role(&owner)
                .map_or(owner.clone(), |r| r.name.get(team.project.lang).to_string()),
            people: team.holders(&acting).map(|m| m.name.clone()).collect(),
            owner,
        }
    };
    let plan = &context.plan;
    let phases: Vec<PhaseProgress> = plan
        .phases
        .iter()
        .map(|p| PhaseProgress {
            id: p.phase.id.clone(),
            name: p.phase.name.clone(),
            start: p.start.clone(),
            end: p.end.clone(),
            total: p.total,
            done: p.done,
            overdue: p.bars.iter().filter(|b| b.deliverable.overdue).count(),
            percent: (p.done * 100).checked_div(p.total).unwrap_or(0),
            gate: p.gate.clone(),
        })
        .collect();
    let current = team
        .phases
        .iter()
        .find(|p| p.start <= today && today <= p.end)
        .map(|p| {
            let start = team.phases.first().map_or(p.start, |f| f.start);
            let end = team.phases.last().map_or(p.end, |l| l.end);
            Current {
                phase: p.phase.clone(),
                name: context
                    .phases
                    .iter()
                    .find(|v| v.phase.id == p.phase)
                    .map_or(p.phase.clone(), |v| v.phase.name.clone()),
                week: days_between(start, &today.to_string()) / 7 + 1,
                weeks: (days_between(start, &end.to_string()) + 1 + 6) / 7,
            }
        });
    let every: Vec<&DeliverableRef> = context
        .deliverables
        .iter()
        .map(|d| &d.deliverable)
        .collect();
    let people = team
        .members
        .iter()
        .enumerate()
        .filter(|(_, m)| !m.roles.is_empty())
        .map(|(i, m)| person(team, &context, i, m, &every, &item, today))
        .collect();
    let single_holders = review::team(team)
        .into_iter()
        .filter_map(|f| match f {
            review::Finding::SoleHolder { role, member } => Some(SingleHolder {
                role_name: team
                    .catalog
                    .role(&role)
                    .map_or(role.clone(), |r| r.name.get(team.project.lang).to_string()),
                role,
                person: team.members[member].name.clone(),
            }),
            _ => None,
        })
        .collect();
    Status {
        schema: SCHEMA,
        project: team.project.name.clone(),
        kind: team.project.kind.clone(),
        kind_name: team
            .catalog
            .kind(&team.project.kind)
            .map_or(team.project.kind.clone(), |k| {
                k.name.get(team.project.lang).to_string()
            }),
        lang: team.project.lang,
        today: today.to_string(),
        current,
        total: context.checklist.total,
        done: context.checklist.done,
        phases,
        overdue: plan.overdue.iter().map(|i| item(&i.deliverable)).collect(),
        due_soon: plan.due_soon.iter().map(|i| item(&i.deliverable)).collect(),
        soon_days: plan.soon_days,
        people,
        single_holders,
    }
}

fn person(
    team: &Team,
    context: &Context,
    index: usize,
    member: &Member,
    every: &[&DeliverableRef],
    item: &dyn Fn(&DeliverableRef) -> Item,
    today: Date,
) -> Person {
    let holds = |role: &str| member.roles.iter().any(|r| r == role);
    let mut open: Vec<Item> = every
        .iter()
        .filter(|d| !d.done)
        .map(|d| item(d))
        .filter(|i| holds(team.acting(&i.owner)))
        .collect();
    open.sort_by(|a, b| a.due.cmp(&b.due).then(a.deliverable.cmp(&b.deliverable)));
    let load = team
        .phases
        .iter()
        .map(|phase| {
            let work = team
                .matrix
                .rows
                .iter()
                .filter(|row| {
                    team.catalog
                        .activity(&row.activity)
                        .is_some_and(|a| a.phase == phase.phase)
                })
                .filter(|row| {
                    team.matrix
                        .roles
                        .iter()
                        .zip(&row.cells)
                        .any(|(role, cell)| {
                            holds(role)
                                && cell.as_ref().is_some_and(|c| {
                                    c.letter.is_accountable() || c.letter.is_responsible()
                                })
                        })
                })
                .count();
            let due_here = open
                .iter()
                .filter(|i| {
                    i.due
                        .parse::<Date>()
                        .is_ok_and(|d| phase.start <= d && d <= phase.end)
                })
                .count();
            work + due_here
        })
        .collect();
    let attends: Vec<_> = team
        .meetings
        .iter()
        .filter(|m| {
            let catalog = team.catalog.meeting(&m.id);
            holds(&m.chair)
                || catalog.is_some_and(|c| c.attendees.iter().chain(&c.optional).any(|r| holds(r)))
        })
        .filter_map(|m| Some((m, context.meetings.iter().find(|v| v.id == m.id)?)))
        .collect();
    let at = |(m, view): &(&crate::model::team::Cadence, &context::MeetingView), date: Date| {
        NextMeeting {
            id: m.id.clone(),
            name: view.name.clone(),
            date: date.to_string(),
            time: view.time.clone(),
            end: view.end.clone(),
        }
    };
    let by_time = |a: &NextMeeting, b: &NextMeeting| (&a.date, &a.time).cmp(&(&b.date, &b.time));
    let mut next_meetings: Vec<NextMeeting> = attends
        .iter()
        .filter_map(|pair| Some(at(pair, pair.0.rule.next_on_or_after(pair.0.first, today)?)))
        .collect();
    next_meetings.sort_by(by_time);
    let week_end = today
        .checked_add(jiff::Span::new().days(6))
        .unwrap_or(today);
    let mut this_week: Vec<NextMeeting> = attends
        .iter()
        .flat_map(|pair| {
            pair.0
                .rule
                .occurrences(pair.0.first)
                .skip_while(move |d| *d < today)
                .take_while(move |d| *d <= week_end)
                .map(move |d| at(pair, d))
        })
        .collect();
    this_week.sort_by(by_time);
    Person {
        name: member.name.clone(),
        roles: member.roles.clone(),
        role_names: member
            .roles
            .iter()
            .map(|r| {
                team.catalog
                    .role(r)
                    .map_or(r.clone(), |r| r.name.get(team.project.lang).to_string())
            })
            .collect(),
        accountable: review::accountable_count(team, index),
        responsible: team
            .matrix
            .rows_with(&member.roles, |letter| letter.is_responsible()),
        open,
        load,
        next_meetings,
        this_week,
    }
}

/// Days from `from` to the date `to` names (0 when it names none).
fn days_between(from: Date, to: &str) -> i32 {
    to.parse::<Date>()
        .ok()
        .and_then(|d| from.until(d).ok())
        .map_or(0, |span| span.get_days())
}

/// The status page's timeline, laid out for an inline SVG: every coordinate computed here, so
/// the template only places shapes and (escaped) labels.
#[derive(Debug, Serialize)]
pub struct Timeline {
    pub width: u32,
    pub height: u32,
    /// Where the bars start and end (labels go left of `left`).
    pub left: u32,
    pub right: u32,
    pub ticks: Vec<Tick>,
    pub rows: Vec<TimelineRow>,
    pub milestones: Vec<Diamond>,
    /// Where today is, when it falls inside the plan.
    pub today: Option<u32>,
    pub bottom: u32,
}

#[derive(Debug, Serialize)]
pub struct Tick {
    pub x: u32,
    pub label: String,
}

#[derive(Debug, Serialize)]
pub struct TimelineRow {
    pub y: u32,
    pub text_y: u32,
    pub label: String,
    pub x: u32,
    pub w: u32,
    /// `phase`, or the deliverable's state: `done`, `active`, `overdue`, `todo`.
    pub class: &'static str,
    pub title: String,
}

#[derive(Debug, Serialize)]
pub struct Diamond {
    /// The four points of the diamond, as SVG `points`.
    pub points: String,
    pub label: String,
    pub date: String,
}

const ROW: u32 = 22;
/// How many columns (a CJK character takes two) a bar's label may take left of the chart.
const LABEL_COLUMNS: usize = 40;

/// `text` cut to `columns` display columns, with an ellipsis when cut.
fn fit(text: &str, columns: usize) -> String {
    if dialoguer::console::measure_text_width(text) <= columns {
        return text.to_string();
    }
    dialoguer::console::truncate_str(text, columns, "…").into_owned()
}

/// The plan drawn as bars: a band per phase, a bar per deliverable due in it, a diamond per gate.
pub fn timeline(context: &Context, month: impl Fn(Date) -> String) -> Option<Timeline> {
    let plan = &context.plan;
    let start: Date = plan.start.parse().ok()?;
    let end: Date = plan.end.parse().ok()?;
    let (width, left, right) = (960u32, 280u32, 950u32);
    let days = f64::from(start.until(end).ok()?.get_days() + 1);
    let x = |date: Date| -> u32 {
        let offset = f64::from(start.until(date).map_or(0, |s| s.get_days()));
        left + ((offset / days) * f64::from(right - left)).round() as u32
    };
    let x_end = |date: Date| x(date.tomorrow().unwrap_or(date));
    let mut rows = Vec::new();
    let mut milestones = Vec::new();
    let mut y = 30;
    for phase in &plan.phases {
        let (Ok(from), Ok(to)) = (phase.start.parse::<Date>(), phase.end.parse::<Date>()) else {
            continue;
        };
        rows.push(TimelineRow {
            y,
            text_y: y + 15,
            label: phase.phase.name.clone(),
            x: x(from),
            w: x_end(to).saturating_sub(x(from)).max(2),
            class: "phase",
            title: format!("{} – {}", phase.start, phase.end),
        });
        if let Some(gate) = &phase.gate {
            let (cx, cy) = (x_end(to), y + ROW / 2 - 2);
            milestones.push(Diamond {
                points: format!(
                    "{},{} {},{} {},{} {},{}",
                    cx,
                    cy - 8,
                    cx + 8,
                    cy,
                    cx,
                    cy + 8,
                    cx.saturating_sub(8),
                    cy
                ),
                label: gate.clone(),
                date: phase.end.clone(),
            });
        }
        y += ROW;
        for bar in &phase.bars {
            let (Ok(from), Ok(to)) = (bar.start.parse::<Date>(), bar.end.parse::<Date>()) else {
                continue;
            };
            let d = &bar.deliverable;
            let class = if d.done {
                "done"
            } else if d.overdue {
                "overdue"
            } else if bar.tags.contains("active") {
                "active"
            } else {
                "todo"
            };
            rows.push(TimelineRow {
                y,
                text_y: y + 15,
                label: fit(&d.title, LABEL_COLUMNS),
                x: x(from),
                w: x_end(to).saturating_sub(x(from)).max(2),
                class,
                title: format!("{} · {} · {}", d.title, d.status_text, d.due),
            });
            y += ROW;
        }
    }
    let mut ticks = Vec::new();
    let mut first = Date::new(start.year(), start.month(), 1).ok()?;
    while first <= end {
        if first >= start {
            ticks.push(Tick {
                x: x(first),
                label: month(first),
            });
        }
        first = first.checked_add(jiff::Span::new().months(1)).ok()?;
    }
    let today: Date = context.today.parse().ok()?;
    Some(Timeline {
        width,
        height: y + 10,
        left,
        right,
        ticks,
        rows,
        milestones,
        today: (start <= today && today <= end).then(|| x(today)),
        bottom: y,
    })
}

/// Workload by person and phase, for the heatmap: the number and a shade from 0 to 100.
#[derive(Debug, Serialize)]
pub struct Heat {
    pub phases: Vec<String>,
    pub rows: Vec<HeatRow>,
}

#[derive(Debug, Serialize)]
pub struct HeatRow {
    pub person: String,
    pub cells: Vec<HeatCell>,
}

#[derive(Debug, Serialize)]
pub struct HeatCell {
    pub load: usize,
    /// 0 (none) to 100 (the heaviest cell of the team).
    pub shade: u32,
    /// The shade as a CSS alpha, `0.00` to `1.00`.
    pub alpha: String,
    /// Whether the cell is dark enough to need light text.
    pub dark: bool,
}

pub fn heat(status: &Status) -> Heat {
    let max = status
        .people
        .iter()
        .flat_map(|p| p.load.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    Heat {
        phases: status.phases.iter().map(|p| p.name.clone()).collect(),
        rows: status
            .people
            .iter()
            .map(|p| HeatRow {
                person: p.name.clone(),
                cells: p
                    .load
                    .iter()
                    .map(|&load| {
                        let shade = (load * 100 / max) as u32;
                        HeatCell {
                            load,
                            shade,
                            alpha: format!("{:.2}", f64::from(shade) / 100.0),
                            dark: shade > 60,
                        }
                    })
                    .collect(),
            })
            .collect(),
    }
}

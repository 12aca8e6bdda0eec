//! `mlteam checklist`: where each deliverable stands, read from the stubs. Without flags it
//! refreshes every page that shows progress (the checklist, role cards, team overview); with
//! filters or a format it prints or exports; with `--check` it gates a review.

use std::io::Write as _;

use anyhow::Result;
use serde::Serialize;

use super::{emit, in_export_language, project_root, shown};
use crate::cli::{ChecklistArgs, ChecklistFormat, Global};
use crate::diag::{Diagnostic, Invalid, NotDone};
use crate::model::progress::{Progress, Status};
use crate::model::team::Team;
use crate::msg;
use crate::pipeline::{self, Scope};
use crate::render::Renderer;
use crate::render::pages::{self, Kind};
use crate::view::context::{self, ChecklistView};
use crate::words::Words;
use crate::write::plan::Plan;
use crate::write::root::Root;

pub fn run(global: &Global, ui: &Words, args: &ChecklistArgs) -> Result<()> {
    let filtered = args.role.is_some() || args.phase.is_some() || args.person.is_some();
    let refresh = !args.check && args.format.is_none() && args.output.is_none() && !filtered;
    // A refresh writes: the project is locked from the first read.
    let root = if refresh { Root::writer } else { Root::new }(project_root(global));
    let (_, mut team) = pipeline::load_team(&root)?;
    check_filters(&team, args)?;
    let progress = pipeline::progress(&team, &root, ui);
    warn_about(&root, &progress, ui)?;

    if refresh {
        return pipeline::sync_team(
            &root,
            &team,
            Plan::default(),
            Scope::Progress,
            global,
            ui,
            &args.write,
        );
    }

    keep_only(&mut team, &progress, args);
    in_export_language(&mut team, global);
    let today = crate::today();
    let view = context::build(&team, &progress, today).checklist;
    if args.check {
        if view.total == 0 {
            // A gate that passes on nothing would wave a phase through unseen.
            let filters: Vec<String> = [
                ("--role", &args.role),
                ("--phase", &args.phase),
                ("--person", &args.person),
            ]
            .into_iter()
            .filter_map(|(flag, value)| value.as_ref().map(|v| format!("{flag} {v}")))
            .collect();
            let message = if filters.is_empty() {
                msg!("checklist.owes_nothing")
            } else {
                msg!("checklist.matches_nothing", filters = filters.join(" "))
            };
            return Err(Invalid(vec![
                Diagnostic::new("checklist --check", message).help(msg!("checklist.nothing_help")),
            ])
            .into());
        }
        return gate(&root, &view, ui);
    }
    let text = match args.format.unwrap_or(ChecklistFormat::Md) {
        ChecklistFormat::Json => json(&team, &view, args, today)?,
        ChecklistFormat::Csv => csv(&team, &view, args.raw_csv)?,
        ChecklistFormat::Md => {
            let renderer = Renderer::new(Some(root.path()), Some(team.project.lang))?;
            pages::render_kind(&team, &renderer, &Kind::Checklist, today, |p| root.read(p))?
        }
    };
    emit(&root, args.output.as_deref(), &text)
}

/// Unknown role, phase or person: a "did you mean", exit 2.
fn check_filters(team: &Team, args: &ChecklistArgs) -> Result<()> {
    let mut problems = Vec::new();
    if let Some(role) = &args.role {
        problems.extend(
            team.catalog
                .unknown_role(role)
                .map(|m| Diagnostic::new("--role", m)),
        );
    }
    if let Some(phase) = &args.phase {
        problems.extend(
            team.catalog
                .unknown_phase(phase)
                .map(|m| Diagnostic::new("--phase", m)),
        );
    }
    if let Some(person) = &args.person {
        let names: Vec<&str> = team.members.iter().map(|m| m.name.as_str()).collect();
        if let Err(Invalid(unknown)) = super::person(&names, person) {
            problems.extend(unknown);
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Invalid(problems).into())
    }
}

/// A stub whose front matter cannot be read is said, by file and line, never guessed.
fn warn_about(root: &Root, progress: &Progress, ui: &Words) -> Result<()> {
    let mut err = anstream::stderr();
    for (id, entry) in progress {
        let file = shown(&root.path().join(crate::view::paths::stub(id)));
        for problem in &entry.problems {
            let label = ui.get("diag.warning");
            let message = ui.say(&problem.message);
            writeln!(err, "{label}{file}:{}: {message}", problem.line)?;
        }
    }
    Ok(())
}

/// Drops the deliverables the filters leave out; owner and phase are the stubs' own.
fn keep_only(team: &mut Team, progress: &Progress, args: &ChecklistArgs) {
    let holders: Option<Vec<String>> = args.person.as_ref().map(|person| {
        team.member(person)
            .map(|m| m.roles.clone())
            .unwrap_or_default()
    });
    team.deliverables.retain(|id| {
        let Some(entry) = progress.get(id) else {
            return false;
        };
        args.role.as_ref().is_none_or(|r| *r == entry.owner)
            && args.phase.as_ref().is_none_or(|p| *p == entry.phase)
            && holders
                .as_ref()
                .is_none_or(|roles| roles.contains(&entry.owner))
    });
}

/// `--check`: what is still open, and exit 1 while anything is.
fn gate(root: &Root, view: &ChecklistView, ui: &Words) -> Result<()> {
    let mut out = anstream::stdout();
    for phase in &view.phases {
        for owner in &phase.owners {
            for item in owner.items.iter().filter(|i| !i.done) {
                let file = shown(&root.path().join("docs").join(&item.path));
                let due = match (item.due.as_str(), item.overdue) {
                    ("", _) => String::new(),
                    (due, false) => ui.fill("checklist.due", &[("date", due)]),
                    (due, true) => ui.fill("checklist.overdue", &[("date", due)]),
                };
                let owner_name = if owner.role.holders.is_empty() {
                    owner.role.name.clone()
                } else {
                    let aside = [
                        ("text", owner.role.name.as_str()),
                        ("aside", &owner.role.holders),
                    ];
                    ui.fill("summary.aside", &aside)
                };
                let line = ui.fill(
                    "checklist.open",
                    &[
                        ("file", &file),
                        ("status", ui.get(&format!("status.{}", item.status))),
                        ("due", &due),
                        ("phase", &phase.phase.name),
                        ("owner", &owner_name),
                    ],
                );
                writeln!(out, "{line}").or_else(crate::diag::closed_pipe)?;
            }
        }
    }
    if view.open > 0 {
        return Err(NotDone {
            open: view.open,
            total: view.total,
        }
        .into());
    }
    writeln!(
        out,
        "{}",
        ui.fill("checklist.all_done", &[("total", &view.total.to_string())])
    )
    .or_else(crate::diag::closed_pipe)?;
    Ok(())
}

#[derive(Serialize)]
struct ChecklistJson<'a> {
    schema: u32,
    project: &'a str,
    today: String,
    filters: Filters<'a>,
    total: usize,
    done: usize,
    open: usize,
    overdue: usize,
    phases: Vec<PhaseJson<'a>>,
}

#[derive(Serialize)]
struct Filters<'a> {
    role: Option<&'a str>,
    phase: Option<&'a str>,
    person: Option<&'a str>,
}

#[derive(Serialize)]
struct PhaseJson<'a> {
    id: &'a str,
    name: &'a str,
    start: Option<&'a str>,
    end: Option<&'a str>,
    total: usize,
    done: usize,
    items: Vec<ItemJson<'a>>,
}

#[derive(Serialize)]
struct ItemJson<'a> {
    deliverable: &'a str,
    title: &'a str,
    path: String,
    owner: &'a str,
    owner_name: &'a str,
    people: Vec<&'a str>,
    status: Status,
    due: Option<&'a str>,
    /// The due date is the end of the phase in `[schedule]`, not one the stub sets.
    due_from_schedule: bool,
    overdue: bool,
    approved_by: Option<&'a str>,
    approved_on: Option<&'a str>,
}

fn items<'a>(
    team: &'a Team,
    view: &'a ChecklistView,
) -> impl Iterator<Item = (&'a context::ChecklistPhase, ItemJson<'a>)> {
    view.phases.iter().flat_map(move |phase| {
        phase.owners.iter().flat_map(move |owner| {
            owner.items.iter().map(move |item| {
                let json = ItemJson {
                    deliverable: &item.id,
                    title: &item.title,
                    path: format!("docs/{}", item.path),
                    owner: &owner.role.id,
                    owner_name: &owner.role.name,
                    people: team
                        .holders(&owner.role.id)
                        .map(|m| m.name.as_str())
                        .collect(),
                    status: item.status,
                    due: Some(item.due.as_str()).filter(|d| !d.is_empty()),
                    due_from_schedule: !item.due_phase.is_empty(),
                    overdue: item.overdue,
                    approved_by: Some(item.approved_by.as_str()).filter(|d| !d.is_empty()),
                    approved_on: Some(item.approved_on.as_str()).filter(|d| !d.is_empty()),
                };
                (phase, json)
            })
        })
    })
}

fn json(
    team: &Team,
    view: &ChecklistView,
    args: &ChecklistArgs,
    today: jiff::civil::Date,
) -> Result<String> {
    let mut phases: Vec<PhaseJson> = view
        .phases
        .iter()
        .map(|p| PhaseJson {
            id: &p.phase.id,
            name: &p.phase.name,
            start: Some(p.start.as_str()).filter(|d| !d.is_empty()),
            end: Some(p.end.as_str()).filter(|d| !d.is_empty()),
            total: p.total,
            done: p.done,
            items: Vec::new(),
        })
        .collect();
    for (phase, item) in items(team, view) {
        if let Some(p) = phases.iter_mut().find(|p| p.id == phase.phase.id) {
            p.items.push(item);
        }
    }
    let doc = ChecklistJson {
        schema: 1,
        project: &team.project.name,
        today: today.to_string(),
        filters: Filters {
            role: args.role.as_deref(),
            phase: args.phase.as_deref(),
            person: args.person.as_deref(),
        },
        total: view.total,
        done: view.done,
        open: view.open,
        overdue: view.overdue,
        phases,
    };
    Ok(serde_json::to_string_pretty(&doc)? + "\n")
}

/// `phase,deliverable,title,owner,people,status,due,due_from_schedule,overdue,path,approved_by,approved_on`
/// (RFC 4180); a cell that would start a formula gets a leading `'` unless `raw`.
fn csv(team: &Team, view: &ChecklistView, raw: bool) -> Result<String> {
    let cell = |text: &str| {
        if raw {
            text.to_string()
        } else {
            crate::escape::csv_cell(text)
        }
    };
    let mut out = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    out.write_record([
        "phase",
        "deliverable",
        "title",
        "owner",
        "people",
        "status",
        "due",
        "due_from_schedule",
        "overdue",
        "path",
        "approved_by",
        "approved_on",
    ])?;
    for (phase, item) in items(team, view) {
        out.write_record(
            [
                phase.phase.id.as_str(),
                item.deliverable,
                item.title,
                item.owner,
                &item.people.join("; "),
                item.status.as_str(),
                item.due.unwrap_or(""),
                if item.due_from_schedule {
                    "true"
                } else {
                    "false"
                },
                if item.overdue { "true" } else { "false" },
                &item.path,
                item.approved_by.unwrap_or(""),
                item.approved_on.unwrap_or(""),
            ]
            .map(cell),
        )?;
    }
    Ok(String::from_utf8(out.into_inner()?)?)
}

//! `mlteam check`: everything that makes the docs untrue or breaks a rule, each at its file and
//! line (exit 1 when there is any), and advice about the team's shape as warnings (exit 0 unless
//! `--strict`). It walks the same pipeline as `sync`, writing nothing.

use std::io::Write as _;

use anyhow::Result;
use jiff::civil::Date;

use super::project_root;
use crate::cli::{CheckArgs, Global};
use crate::diag::{Diagnostic, Invalid, ProblemsFound, closed_pipe, say_error, shown};
use crate::input::manifest::{Seg, Source};
use crate::model::ids;
use crate::model::progress::Progress;
use crate::model::review::{self, Finding, Severity};
use crate::model::team::Team;
use crate::msg;
use crate::pipeline::{self, Refresh};
use crate::render::Renderer;
use crate::render::pages::{self, Kind};
use crate::view::paths;
use crate::words::{Msg, Words};
use crate::write::plan::{Action, Plan};
use crate::write::region;
use crate::write::root::Root;

pub fn run(global: &Global, ui: &Words, args: &CheckArgs) -> Result<()> {
    let root = Root::new(project_root(global));
    let found = match pipeline::load_team(&root) {
        Ok((source, team)) => {
            let progress = pipeline::progress(&team, &root, ui);
            let mut found = team_findings(&team, &source, &progress, &root, ui);
            found.extend(doc_problems(&root, &team, &progress, ui)?);
            found
        }
        Err(error) => match error.downcast::<Invalid>() {
            Ok(Invalid(problems)) => problems,
            Err(error) => return Err(error),
        },
    };
    let mut out = anstream::stdout();
    for finding in &found {
        writeln!(out, "{}", finding.say(ui)).or_else(closed_pipe)?;
    }
    let warnings = found.iter().filter(|d| d.warning).count();
    let problems = found.len() - if args.strict { 0 } else { warnings };
    if problems > 0 {
        return Err(ProblemsFound(problems).into());
    }
    if !global.quiet {
        let line = if warnings == 0 {
            ui.get("check.clean").to_string()
        } else {
            ui.count("check.clean_with_advice", warnings, &[])
        };
        writeln!(out, "{line}").or_else(closed_pipe)?;
    }
    Ok(())
}

/// The model's findings about the team and its sign-offs, each at the line it is about.
fn team_findings(
    team: &Team,
    source: &Source,
    progress: &Progress,
    root: &Root,
    ui: &Words,
) -> Vec<Diagnostic> {
    use Seg::{Index, Key};
    let lang = team.project.lang;
    let role = |id: &str| {
        team.catalog
            .role(id)
            .map_or(id.to_string(), |r| r.name.get(lang).to_string())
    };
    let activity = |id: &str| {
        team.catalog
            .activity(id)
            .map_or(id.to_string(), |a| a.name.get(lang).to_string())
    };
    let at_role = |id: &str| match team.roles.iter().position(|r| r == id) {
        Some(i) => source.diagnostic(&[Key("team"), Key("roles"), Index(i)], Msg::none()),
        None => source.diagnostic(&[Key("team"), Key("roles")], Msg::none()),
    };
    let member = |i: usize| team.members[i].name.clone();
    let line_of = |i: usize| {
        source
            .diagnostic(&[Key("member"), Index(i), Key("name")], Msg::none())
            .line
            .unwrap_or(1)
            .to_string()
    };
    let stub = |id: &str, key: &str| {
        let file = shown(&root.path().join(paths::stub(id)));
        let line = progress.get(id).map_or(1, |e| e.line(key));
        Diagnostic::new(file, Msg::none()).at_line(line)
    };
    let people = team.members.iter().filter(|m| !m.roles.is_empty()).count();

    let mut findings = review::team(team);
    findings.extend(review::sign_offs(team, progress));
    findings
        .into_iter()
        .map(|finding| {
            let (at, message, help) = match &finding {
                Finding::Gap {
                    absent,
                    by,
                    activities,
                } => {
                    let separator = ui.get("list.separator");
                    let some = |names: Vec<String>| {
                        let mut shown: Vec<String> = names.iter().take(3).cloned().collect();
                        if names.len() > 3 {
                            let more = (names.len() - 3).to_string();
                            shown.push(ui.fill("finding.more", &[("count", &more)]));
                        }
                        shown.join(separator)
                    };
                    let absent_names = some(absent.iter().map(|r| role(r)).collect());
                    let activity_names = some(activities.iter().map(|a| activity(a)).collect());
                    (
                        source.diagnostic(&[Key("team"), Key("roles")], Msg::none()),
                        ui.count(
                            "finding.gap",
                            activities.len(),
                            &[
                                ("absent", &absent_names),
                                ("by", &role(by)),
                                ("activities", &activity_names),
                            ],
                        ),
                        ui.get("finding.gap_help").to_string(),
                    )
                }
                Finding::Idle { role: id } => (
                    at_role(id),
                    ui.fill("finding.idle", &[("role", &role(id))]),
                    ui.get("finding.idle_help").to_string(),
                ),
                Finding::Overloaded {
                    member: i,
                    accountable,
                    limit,
                } => (
                    source.diagnostic(&[Key("member"), Index(*i), Key("name")], Msg::none()),
                    ui.fill(
                        "finding.overloaded",
                        &[
                            ("name", &member(*i)),
                            ("count", &accountable.to_string()),
                            ("total", &team.matrix.rows.len().to_string()),
                            ("limit", &limit.to_string()),
                            ("people", &people.to_string()),
                        ],
                    ),
                    ui.fill("finding.overloaded_help", &[("name", &member(*i))]),
                ),
                Finding::SoleHolder {
                    role: id,
                    member: i,
                } => (
                    source.diagnostic(&[Key("member"), Index(*i), Key("roles")], Msg::none()),
                    ui.fill(
                        "finding.sole_holder",
                        &[("name", &member(*i)), ("role", &role(id))],
                    ),
                    ui.fill("finding.sole_holder_help", &[("role", &role(id))]),
                ),
                Finding::ListedTwice { first, second } => (
                    source.diagnostic(&[Key("member"), Index(*second), Key("name")], Msg::none()),
                    ui.fill(
                        "finding.listed_twice",
                        &[
                            ("name", &member(*second)),
                            ("first", &line_of(*first)),
                            ("second", &line_of(*second)),
                        ],
                    ),
                    ui.get("finding.listed_twice_help").to_string(),
                ),
                Finding::HoldsNothing { member: i } => (
                    source.diagnostic(&[Key("member"), Index(*i), Key("name")], Msg::none()),
                    ui.fill("finding.holds_nothing", &[("name", &member(*i))]),
                    ui.fill("finding.holds_nothing_help", &[("name", &member(*i))]),
                ),
                Finding::NotSignedOff {
                    deliverable,
                    signer,
                } => (
                    stub(deliverable, "status"),
                    ui.get("finding.not_signed_off").to_string(),
                    ui.fill("finding.not_signed_off_help", &[("signer", &role(signer))]),
                ),
                Finding::SignedByStranger { deliverable, name } => {
                    let hint = ids::suggestion(name, team.members.iter().map(|m| m.name.as_str()));
                    let hint = ui.say(&hint);
                    (
                        stub(deliverable, "approved_by"),
                        ui.fill(
                            "finding.signed_by_stranger",
                            &[("name", name), ("hint", &hint)],
                        ),
                        ui.get("finding.signed_by_stranger_help").to_string(),
                    )
                }
                Finding::SignedByOther {
                    deliverable,
                    name,
                    signer,
                } => (
                    stub(deliverable, "approved_by"),
                    ui.fill(
                        "finding.signed_by_other",
                        &[("name", name), ("signer", &role(signer))],
                    ),
                    ui.fill("finding.signed_by_other_help", &[("signer", &role(signer))]),
                ),
                Finding::SignOffUndated { deliverable } => (
                    stub(deliverable, "approved_on"),
                    ui.get("finding.undated").to_string(),
                    ui.get("finding.undated_help").to_string(),
                ),
            };
            let mut d = at;
            d.message = Msg::verbatim(message);
            d = d.help(Msg::verbatim(help));
            if finding.severity() == Severity::Advice {
                d = d.warning();
            }
            d
        })
        .collect()
}

/// What `sync` would change, said as problems: missing files, stale or hand-edited regions,
/// removed markers, and stubs whose front matter cannot be read.
fn doc_problems(
    root: &Root,
    team: &Team,
    progress: &Progress,
    ui: &Words,
) -> Result<Vec<Diagnostic>> {
    let renderer = Renderer::new(Some(root.path()), Some(team.project.lang))?;
    let pages = pages::all(team);
    // What is overdue changes with the day alone: the docs are judged as of the day they were
    // written, so that a date passing does not fail a build by itself; that they are behind
    // today is advice (below).
    let today = crate::today();
    let as_of = recorded_as_of(root).unwrap_or(today);
    let mut plan = Plan::default();
    let how = Refresh {
        force: false,
        as_of,
    };
    let mut out = match pipeline::refresh(root, team, &renderer, &pages, how, ui, &mut plan) {
        Ok(conflicts) => conflicts,
        // A file that cannot be read (not UTF-8, no permission) is one more problem to list.
        // Its message names the file (a link out of the project, a file that is not text).
        Err(error) => vec![Diagnostic::new(
            String::new(),
            Msg::verbatim(say_error(&error, ui)),
        )],
    };
    for (id, entry) in progress {
        let file = shown(&root.path().join(paths::stub(id)));
        out.extend(
            entry
                .problems
                .iter()
                .map(|p| Diagnostic::new(&file, p.message.clone()).at_line(p.line)),
        );
    }
    for change in &plan.changes {
        let page = pages.iter().find(|p| p.path == change.path);
        let stub = page.is_some_and(|p| matches!(p.kind, Kind::Deliverable(_)));
        let message = match &change.action {
            Action::Create if stub => Some(msg!("finding.missing_stub")),
            Action::Create => Some(msg!("finding.missing")),
            Action::Update { regions } => {
                Some(msg!("finding.out_of_date", names = regions.clone()))
            }
            Action::Replace => Some(msg!("finding.replaced")),
            Action::Skip { reason }
                if !out.iter().any(|d| d.file.ends_with(change.path.as_str())) =>
            {
                Some(Msg::verbatim(reason))
            }
            _ => None,
        };
        let file = shown(&root.path().join(&change.path));
        if let Some(message) = message {
            let left_alone = matches!(change.action, Action::Skip { .. });
            let diagnostic = Diagnostic::new(&file, message);
            out.push(if left_alone {
                diagnostic.help(msg!("finding.left_alone_help"))
            } else {
                diagnostic
            });
        }
    }
    if as_of != today && out.is_empty() {
        let mut now = Plan::default();
        let how = Refresh {
            force: false,
            as_of: today,
        };
        pipeline::refresh(root, team, &renderer, &pages, how, ui, &mut now)?;
        let behind = now
            .changes
            .iter()
            .filter(|c| matches!(c.action, Action::Update { .. }))
            .count();
        if behind > 0 {
            let date = as_of.to_string();
            out.push(
                Diagnostic::new(
                    shown(&root.path().join(paths::PLAN)),
                    msg!("finding.behind", count = behind, date = date),
                )
                .help(msg!("finding.behind_help"))
                .warning(),
            );
        }
    }
    Ok(out)
}

/// The day `docs/plan.md` reckoned its overdue items from, when it says.
fn recorded_as_of(root: &Root) -> Option<Date> {
    let text = root.read(paths::PLAN).ok().flatten()?;
    let regions = region::parse(&text).ok()?;
    let plan = regions.iter().find(|r| r.name == "plan")?;
    let (_, day) = plan.attrs.iter().find(|(k, _)| k == region::AS_OF)?;
    day.parse().ok()
}
